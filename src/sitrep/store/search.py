"""Full-text search, dispatched by database dialect: FTS5 on SQLite, a portable LIKE fallback elsewhere."""
from __future__ import annotations

from sqlalchemy import or_
from sqlalchemy.orm import Session

from sitrep.store import sqlite as sqlite_fts
from sitrep.store.models import ClaimRow, Report


def claim_id_condition(session: Session, words: str):
    """A WHERE condition on ClaimRow.id for claims whose evidence holds the words."""
    if session.get_bind().dialect.name == "sqlite":
        ids = sqlite_fts.claim_ids_matching(words)
        return None if ids is None else ClaimRow.fts_id.in_(ids)
    return ClaimRow.evidence.ilike(f"%{words}%")


def report_id_condition(session: Session, words: str):
    if session.get_bind().dialect.name == "sqlite":
        ids = sqlite_fts.report_ids_matching(words)
        return None if ids is None else Report.id.in_(ids)
    pattern = f"%{words}%"
    return or_(Report.text.ilike(pattern), Report.title.ilike(pattern))
