"""`sitrep serve`: the API and the browser workspace over the CLI's store."""
from __future__ import annotations

import os
from typing import Optional

import typer

from sitrep.cli.common import CliError, console, get_store


def serve(host: str = typer.Option("127.0.0.1", "--host", help="Address to bind (reading is open on loopback only)."),
          port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port (0: any free port)."),
          token: Optional[str] = typer.Option(None, "--token", envvar="SITREP_TOKEN", show_envvar=True,
                                              help="Token that uploads and reviews must send as "
                                                   "'Authorization: Bearer <token>'. Without it writing is off."),
          allow_remote_read: bool = typer.Option(False, "--allow-remote-read",
                                                 help="On a non-loopback host, let anyone read without the token."),
          max_upload_mb: float = typer.Option(5.0, "--max-upload-mb", min=0.001, help="Largest upload, in MB."),
          tiles: Optional[str] = typer.Option(None, "--tiles", envvar="SITREP_TILES",
                                              help="Optional tile URL template ({z}/{x}/{y}) drawn under the "
                                                   "basemap, for deployments that have a tile server."),
          tiles_attribution: Optional[str] = typer.Option(None, "--tiles-attribution")):
    """Serve the JSON API (/api, /openapi.json) and the analysts' workspace in the browser."""
    import socket

    import uvicorn

    from sitrep.web import Settings, create_app
    from sitrep.web.settings import is_loopback

    if not is_loopback(host) and not token and not allow_remote_read:
        raise CliError(f"{host} is not a loopback address: give --token (reading then needs it too) or "
                       "--allow-remote-read to open reading")
    if tiles and not tiles.startswith(("http://", "https://", "/")):
        raise CliError("--tiles must be an http(s) URL template such as https://tiles.example/{z}/{x}/{y}.png")
    store = get_store()
    settings = Settings(token=token or None, host=host, allow_remote_read=allow_remote_read,
                        max_upload=int(max_upload_mb * 1024 * 1024), tiles=tiles, tiles_attribution=tiles_attribution)
    app = create_app(store, settings)
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.strip("[]"), port))
    except OSError as exc:
        raise CliError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    bound_port = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    stats = store.stats()
    console.print(f"sitrep: {stats['reports']} reports, {stats['claims']} claims")
    console.print(f"writing (upload, review): {'on, with the token' if settings.writable else 'off (no --token)'}; "
                  f"reading: {'open' if settings.read_open else 'needs the token'}")
    console.print(f"serving the workspace at http://{shown}:{bound_port}/  (API: /api, /openapi.json; Ctrl-C stops)",
                  highlight=False, soft_wrap=True)
    config = uvicorn.Config(app, log_level=os.environ.get("SITREP_LOG_LEVEL", "warning"), access_log=False)
    server = uvicorn.Server(config)
    server.run(sockets=[sock])


def register(app: typer.Typer) -> None:
    app.command()(serve)
