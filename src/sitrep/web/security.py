"""Who may read and write, and the headers that keep report text (hostile input) from ever running as code."""
from __future__ import annotations

import hmac
from urllib.parse import urlsplit

from fastapi import HTTPException, Request

from sitrep.web.settings import Settings, is_loopback


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization") or ""
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


def _token_ok(settings: Settings, request: Request) -> bool:
    given = _bearer(request)
    return bool(settings.token and given and hmac.compare_digest(given.encode(), settings.token.encode()))


def _asked_for_loopback(request: Request) -> bool:
    """Was the request addressed to a loopback name? A page elsewhere that rebinds its own domain to 127.0.0.1
    still sends its domain as the Host, so open reading on loopback cannot be borrowed by a web page."""
    host = request.headers.get("host", "")
    name = host[1:host.find("]")] if host.startswith("[") else host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    return is_loopback(name)


def require_read(request: Request) -> None:
    settings: Settings = request.app.state.settings
    if settings.allow_remote_read or (settings.read_open and _asked_for_loopback(request)) \
            or _token_ok(settings, request):
        return
    raise HTTPException(401, "reading needs a token on this server: send 'Authorization: Bearer <token>'",
                        headers={"WWW-Authenticate": "Bearer"})


def require_write(request: Request) -> None:
    settings: Settings = request.app.state.settings
    if not settings.token:
        raise HTTPException(403, "writing is disabled on this server: start it with --token or SITREP_TOKEN to allow "
                                 "uploads and reviews")
    if not _bearer(request):
        raise HTTPException(401, "writing needs the server's token: send 'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})
    if not _token_ok(settings, request):
        raise HTTPException(401, "wrong token", headers={"WWW-Authenticate": "Bearer"})


def content_security_policy(settings: Settings) -> str:
    img = ["'self'", "data:", "blob:"]
    if settings.tiles:
        parts = urlsplit(settings.tiles.replace("{s}", "a"))
        if parts.scheme in ("http", "https") and parts.netloc:
            origin = f"{parts.scheme}://{parts.netloc}"
            if "{s}" in settings.tiles:
                origin = f"{parts.scheme}://*.{parts.netloc.split('.', 1)[-1]}"
            img.append(origin)
    return ("default-src 'self'; script-src 'self'; style-src 'self'; img-src " + " ".join(img) + "; "
            "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            "frame-ancestors 'none'")


class SecurityHeaders:
    """Pure ASGI middleware: a strict Content-Security-Policy (no inline script, nothing from elsewhere) and friends
    on every response."""

    def __init__(self, app, settings: Settings):
        self.app = app
        self.headers = [(b"content-security-policy", content_security_policy(settings).encode()),
                        (b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"),
                        (b"x-frame-options", b"DENY"), (b"cross-origin-resource-policy", b"same-origin")]

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                have = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in self.headers if k not in have]
            await send(message)

        await self.app(scope, receive, send_with_headers)
