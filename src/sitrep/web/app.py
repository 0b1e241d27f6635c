"""The application: the JSON API under /api, the workspace (static ES modules) and the basemap, in one process."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.gzip import GZipMiddleware

from sitrep.web.routes import claims, entities, export, geo, meta, reports
from sitrep.web.security import SecurityHeaders
from sitrep.web.settings import Settings

STATIC = Path(str(resources.files("sitrep.web").joinpath("static")))
BASEMAP = Path(str(resources.files("sitrep").joinpath("data/basemap")))


def create_app(store, settings: Settings | None = None) -> FastAPI:
    """The server over a store. ``settings`` decide the token, who reads, the upload limit and the tiles."""
    settings = settings or Settings()
    app = FastAPI(title="sitrep", version=_version(),
                  description="A sourced, geolocated record of claims from open-source intelligence reports. "
                              "Reading is open on loopback; writing (upload, review) needs the server's token as "
                              "`Authorization: Bearer <token>`.",
                  docs_url=None, redoc_url=None)
    app.state.store = store
    _tune_sqlite(store)
    app.state.settings = settings

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        # One readable sentence first, the details after (FastAPI's own shape).
        errors = exc.errors()
        first = errors[0] if errors else {}
        where = ".".join(str(x) for x in first.get("loc", ()) if x not in ("query", "body", "path"))
        message = f"bad {where or 'request'}: {first.get('msg', 'invalid')}"
        return JSONResponse({"detail": message, "errors": [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")} for e in errors]},
            status_code=422)

    for module in (meta, reports, claims, entities, geo, export):
        app.include_router(module.router)

    @app.get("/api", include_in_schema=False)
    @app.get("/api/{rest:path}", include_in_schema=False)
    def _no_such_endpoint(rest: str = ""):
        return JSONResponse({"detail": f"no such endpoint: /api/{rest} (see /openapi.json)"}, status_code=404)

    app.mount("/static/basemap", StaticFiles(directory=BASEMAP), name="basemap")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def workspace():
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8",
                            headers={"Cache-Control": "no-cache"})

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")

    app.add_middleware(GZipMiddleware, minimum_size=4096, compresslevel=5)
    app.add_middleware(SecurityHeaders, settings=settings)
    return app


def _tune_sqlite(store) -> None:
    """A long-running server reads the same pages again and again: give its SQLite connections a larger page cache
    and memory-mapped reads (per connection; the file and its schema are untouched)."""
    engine = getattr(store, "engine", None)
    if engine is None or engine.dialect.name != "sqlite":
        return
    from sqlalchemy import event

    def _pragmas(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA cache_size=-65536")        # 64 MB
        cursor.execute("PRAGMA mmap_size=536870912")      # 512 MB
        cursor.execute("PRAGMA temp_store=MEMORY")
        cursor.close()

    if not event.contains(engine, "connect", _pragmas):
        event.listen(engine, "connect", _pragmas)
        engine.dispose()            # connections opened before get the pragmas when reopened


def _version() -> str:
    try:
        from importlib.metadata import version
        return version("sitrep")
    except Exception:  # noqa: BLE001
        return "0"
