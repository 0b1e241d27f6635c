"""Opening a store: engine, migrations, and the refusal of databases that are not sitrep stores."""
from __future__ import annotations

import os
import sqlite3
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, inspect
from sqlalchemy.engine import Engine

DEFAULT_DB = "sitrep.db"
STORE_MARK = ("app", "sitrep")


class NotAStore(RuntimeError):
    """The database exists and is not a sitrep store: it is left untouched."""


def resolve_db(db: str | None) -> str:
    """--db, then $SITREP_DB, then ./sitrep.db."""
    return db or os.environ.get("SITREP_DB") or DEFAULT_DB


def to_url(db: str) -> str:
    return db if "://" in db else f"sqlite:///{Path(db).expanduser()}"


def _check_sqlite_file(path: Path) -> None:
    """Refuse an existing file that is not SQLite, or an SQLite database that holds something else."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with open(path, "rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            raise NotAStore(f"{path} is not a sitrep store (not an SQLite database); refusing to touch it")
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            return
        if "sitrep_info" not in tables:
            raise NotAStore(f"{path} is an SQLite database of something else (no sitrep tables); refusing to touch it")
        row = conn.execute("SELECT value FROM sitrep_info WHERE key='app'").fetchone()
        if not row or row[0] != STORE_MARK[1]:
            raise NotAStore(f"{path} is not a sitrep store; refusing to touch it")
    except sqlite3.DatabaseError as exc:
        raise NotAStore(f"{path} is not a readable sitrep store ({exc}); refusing to touch it") from exc
    finally:
        conn.close()


def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("sitrep.store").joinpath("migrations")))
    return cfg


def make_engine(url: str) -> Engine:
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        from sitrep.store.sqlite import configure_engine
        configure_engine(engine)
    return engine


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision, and mark the database as a sitrep store."""
    cfg = _alembic_config()
    with engine.begin() as conn:
        existing = set(inspect(conn).get_table_names())
        if existing and "sitrep_info" not in existing:
            raise NotAStore(f"{engine.url} holds tables that are not sitrep's; refusing to touch it")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        from sqlalchemy import text
        conn.execute(text("DELETE FROM sitrep_info WHERE key = 'app'"))
        conn.execute(text("INSERT INTO sitrep_info(key, value) VALUES ('app', 'sitrep')"))


def open_engine(db: str | None = None, create: bool = True) -> Engine:
    db = resolve_db(db)
    url = to_url(db)
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        path = Path(url[len("sqlite:///"):])
        if not create and not path.exists():
            raise FileNotFoundError(f"no store at {path}: run `sitrep ingest` first")
        _check_sqlite_file(path)
        if path.parent and not path.parent.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(url)
    migrate(engine)
    return engine
