"""The store: reports with their originals, their metadata and footnotes, and the claims extracted from them.

    store = open_store("sitrep.db")          # or a SQLAlchemy URL such as postgresql+psycopg://...
    store.save_report(prepared, record, version)
    rows, total = store.claims(ClaimFilter(type="movement", actor="IRGC"), limit=50)
"""
from sitrep.store.database import DEFAULT_DB, NotAStore, resolve_db
from sitrep.store.models import ClaimRow, FootnoteRow, Report
from sitrep.store.store import ClaimFilter, Store, check_date_bound


def open_store(db: str | None = None, create: bool = True) -> Store:
    """Open (and create or migrate) the store at a path or URL; refuses databases that are not sitrep stores."""
    from sitrep.store.database import open_engine
    return Store(open_engine(db, create=create))


__all__ = ["open_store", "Store", "ClaimFilter", "check_date_bound", "NotAStore", "Report", "ClaimRow", "FootnoteRow", "DEFAULT_DB",
           "resolve_db"]
