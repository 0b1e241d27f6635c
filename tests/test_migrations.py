"""Migrations: a store goes up and down the revisions without losing rows, and the models match the schema."""
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select

from sitrep.ingest.loader import prepare
from sitrep.store import open_store
from sitrep.store.database import migrate
from sitrep.store.models import Base, ClaimActorRow, ClaimPlaceRow, ClaimRow

TEXT = "Illustrative Desk\n\nMay 2, 2025\n\nOn May 1, militia fighters moved from Iraq to Al-Mayadin.\n"


def _record():
    i = TEXT.index("militia")
    claim = {"id": "c1", "type": "movement", "modality": "occurred", "date": "2025-05-01", "date_precision": "day",
             "actors": [{"name": "Iran-backed militias", "mention": "militia fighters", "role": "agent"}],
             "places": [{"name": "Al-Mayadin", "mention": "Al-Mayadin", "lat": 35.02, "lon": 40.45, "country": "SY",
                         "kind": "city", "precision": 1, "role": "destination"}],
             "source": None, "persons": [], "quantities": [], "equipment": [],
             "evidence": {"text": TEXT[i:i + 20], "start": i, "end": i + 20}, "optional": False}
    return {"entities": {"actors": [], "persons": [], "sources": [], "places": []}, "claims": [claim]}


def counts(store):
    with store.session() as s:
        return [s.scalar(select(func.count()).select_from(m)) for m in (ClaimRow, ClaimActorRow, ClaimPlaceRow)]


def test_down_and_up_keep_rows(tmp_path):
    store = open_store(str(tmp_path / "m.db"))
    store.save_report(prepare(TEXT.encode(), "m.txt"), _record(), "t")
    assert counts(store) == [1, 1, 1]
    migrate(store.engine, "0001")
    assert counts(store) == [1, 1, 1]
    migrate(store.engine)
    assert counts(store) == [1, 1, 1]
    again = open_store(str(tmp_path / "m.db"))
    assert again.claims()[1] == 1
    from sitrep.store import ClaimFilter
    assert again.claims(ClaimFilter(search="militia"))[1] == 1      # the full-text index was rebuilt


def test_models_match_the_migrated_schema(tmp_path):
    store = open_store(str(tmp_path / "p.db"))
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # FTS5 virtual tables and their shadow tables live outside the models by design.
    diff = [d for d in diff if not (d[0] == "remove_table" and d[1].name.startswith(("reports_fts", "claims_fts")))]
    assert diff == []


def test_a_newer_store_is_refused(tmp_path):
    import pytest
    from sqlalchemy import text

    from sitrep.store import NotAStore

    store = open_store(str(tmp_path / "n.db"))
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(NotAStore, match="newer sitrep"):
        open_store(str(tmp_path / "n.db"))
