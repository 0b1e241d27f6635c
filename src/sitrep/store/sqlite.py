"""Everything specific to SQLite lives here: connection pragmas and FTS5 full-text search.

Other modules stay portable so that PostgreSQL can serve as the server backend.
"""
from __future__ import annotations

import re

from sqlalchemy import String, column, event, text
from sqlalchemy.engine import Connection, Engine

FTS_DDL = [
    # External-content-free FTS tables keyed by the row ids they index; kept in step by the store's writes.
    "CREATE VIRTUAL TABLE IF NOT EXISTS reports_fts USING fts5(report_id UNINDEXED, title, body, "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS claims_fts USING fts5(claim_id UNINDEXED, report_id UNINDEXED, evidence, "
    "tokenize='unicode61 remove_diacritics 2')",
]


def configure_engine(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.close()


def create_fts(conn: Connection) -> None:
    for ddl in FTS_DDL:
        conn.execute(text(ddl))


def drop_fts(conn: Connection) -> None:
    conn.execute(text("DROP TABLE IF EXISTS reports_fts"))
    conn.execute(text("DROP TABLE IF EXISTS claims_fts"))


def index_report(conn: Connection, report_id: str, title: str | None, body: str) -> None:
    conn.execute(text("DELETE FROM reports_fts WHERE report_id = :id"), {"id": report_id})
    conn.execute(text("INSERT INTO reports_fts(report_id, title, body) VALUES (:id, :title, :body)"),
                 {"id": report_id, "title": title or "", "body": body})


def index_claims(conn: Connection, report_id: str, claims: list[tuple[str, str]]) -> None:
    conn.execute(text("DELETE FROM claims_fts WHERE report_id = :id"), {"id": report_id})
    if claims:
        conn.execute(text("INSERT INTO claims_fts(claim_id, report_id, evidence) VALUES (:cid, :rid, :ev)"),
                     [{"cid": cid, "rid": report_id, "ev": ev} for cid, ev in claims])


def unindex_report(conn: Connection, report_id: str) -> None:
    conn.execute(text("DELETE FROM reports_fts WHERE report_id = :id"), {"id": report_id})
    conn.execute(text("DELETE FROM claims_fts WHERE report_id = :id"), {"id": report_id})


def fts_query(user_text: str) -> str:
    """A user's words as an FTS5 query: each word a quoted prefix term, all required (no FTS syntax injection)."""
    words = re.findall(r"\w+", user_text, flags=re.UNICODE)
    return " ".join(f'"{w}"*' for w in words)


def claim_ids_matching(user_text: str):
    """A subquery of the claim ids whose evidence matches the words (None when the words hold no term)."""
    q = fts_query(user_text)
    if not q:
        return None
    return text("SELECT claim_id FROM claims_fts WHERE claims_fts MATCH :q").bindparams(q=q).columns(
        column("claim_id", String))


def report_ids_matching(user_text: str):
    """A subquery of the report ids whose title or body matches the words."""
    q = fts_query(user_text)
    if not q:
        return None
    return text("SELECT report_id FROM reports_fts WHERE reports_fts MATCH :q").bindparams(q=q).columns(
        column("report_id", String))
