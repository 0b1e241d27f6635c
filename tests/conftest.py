"""Fixtures shared by the test suite."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("SITREP_SHARED", ROOT.parent / "shared"))
EXAMPLES = ROOT / "examples" / "reports"


@pytest.fixture
def shared() -> Path:
    """../shared (the real development reports and their gold); tests that need it skip where it is absent."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip(f"../shared is not beside the project ({SHARED} absent): development set not available")
    return SHARED


@pytest.fixture
def cli(tmp_path, monkeypatch):
    """Run the sitrep CLI in-process against a store in a temporary folder: cli("ingest", path) -> Result."""
    from sitrep.cli import app

    monkeypatch.delenv("SITREP_DB", raising=False)
    runner = CliRunner()
    db = tmp_path / "test.db"

    def run(*args, db_path: Path | None = db):
        argv = (["--db", str(db_path)] if db_path is not None else []) + [str(a) for a in args]
        return runner.invoke(app, argv, catch_exceptions=False)

    run.db = db
    return run


@pytest.fixture
def store(tmp_path):
    from sitrep.store import open_store
    return open_store(str(tmp_path / "store.db"))
