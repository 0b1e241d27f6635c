"""Opening a store: engine, migrations, and the refusal of databases that are not sitrep stores."""
from __future__ import annotations

import os
import sqlite3
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text
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


def migrate(engine: Engine, target: str = "head") -> None:
    """Bring the schema to a revision (the newest by default), and mark the database as a sitrep store.

    On SQLite, foreign keys are off while a migration runs: altering a table there means copying it, and with
    foreign keys on, dropping the old copy would cascade into the tables that refer to it."""
    cfg = _alembic_config()
    script = ScriptDirectory.from_config(cfg)
    with engine.connect() as conn:
        existing = set(inspect(conn).get_table_names())
        if existing and "sitrep_info" not in existing:
            raise NotAStore(f"{engine.url} holds tables that are not sitrep's; refusing to touch it")
        current = MigrationContext.configure(conn).get_current_revision()
        if current is not None and current not in {rev.revision for rev in script.walk_revisions()}:
            raise NotAStore(f"{engine.url} was made by a newer sitrep (schema {current}); upgrade sitrep to open it")
        wanted = script.get_current_head() if target == "head" else target
        if existing and current == wanted:
            return
        sqlite = engine.dialect.name == "sqlite"
        if sqlite:
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            conn.commit()
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                if target == "head" or current is None or script.get_revision(target) is None:
                    command.upgrade(cfg, target)
                else:
                    command.downgrade(cfg, target)
                conn.execute(text("DELETE FROM sitrep_info WHERE key = 'app'"))
                conn.execute(text("INSERT INTO sitrep_info(key, value) VALUES ('app', 'sitrep')"))
        finally:
            if sqlite:
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                conn.commit()


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
