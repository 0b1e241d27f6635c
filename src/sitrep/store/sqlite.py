"""Everything specific to SQLite lives here: connection pragmas and FTS5 full-text search.

Other modules stay portable so that PostgreSQL can serve as the server backend.
"""
from __future__ import annotations

import re

from sqlalchemy import Integer, String, column, event, text
from sqlalchemy.engine import Connection, Engine

_TOKENIZE = "tokenize='unicode61 remove_diacritics 2'"
REPORTS_FTS_DDL = ("CREATE VIRTUAL TABLE IF NOT EXISTS reports_fts USING fts5(report_id UNINDEXED, title, body, "
                   f"{_TOKENIZE})")
# Schema 0001 keyed claims_fts rows by the claim's text id; from 0004 a row's rowid is the claim's integer fts_id, so
# a search joins the claims through an integer index instead of reading text ids out of the FTS table.
CLAIMS_FTS_V1_DDL = ("CREATE VIRTUAL TABLE IF NOT EXISTS claims_fts USING fts5(claim_id UNINDEXED, report_id UNINDEXED, "
                     f"evidence, {_TOKENIZE})")
CLAIMS_FTS_DDL = f"CREATE VIRTUAL TABLE IF NOT EXISTS claims_fts USING fts5(evidence, {_TOKENIZE})"


def configure_engine(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.close()


def create_fts_v1(conn: Connection) -> None:
    """The full-text tables of schema 0001 (migrations only)."""
    conn.execute(text(REPORTS_FTS_DDL))
    conn.execute(text(CLAIMS_FTS_V1_DDL))


def drop_fts(conn: Connection) -> None:
    conn.execute(text("DROP TABLE IF EXISTS reports_fts"))
    conn.execute(text("DROP TABLE IF EXISTS claims_fts"))


def rebuild_claims_fts(conn: Connection, keyed_by_fts_id: bool) -> None:
    """Recreate claims_fts in the layout of schema 0004 (rows keyed by claims.fts_id) or of 0001, and refill it."""
    conn.execute(text("DROP TABLE IF EXISTS claims_fts"))
    if keyed_by_fts_id:
        conn.execute(text(CLAIMS_FTS_DDL))
        conn.execute(text("INSERT INTO claims_fts(rowid, evidence) SELECT fts_id, evidence FROM claims"))
    else:
        conn.execute(text(CLAIMS_FTS_V1_DDL))
        conn.execute(text("INSERT INTO claims_fts(claim_id, report_id, evidence) "
                          "SELECT id, report_id, evidence FROM claims"))


def index_report(conn: Connection, report_id: str, title: str | None, body: str) -> None:
    conn.execute(text("DELETE FROM reports_fts WHERE report_id = :id"), {"id": report_id})
    conn.execute(text("INSERT INTO reports_fts(report_id, title, body) VALUES (:id, :title, :body)"),
                 {"id": report_id, "title": title or "", "body": body})


def index_claims(conn: Connection, claims: list[tuple[int, str]]) -> None:
    """Index claims' evidence under their fts_id (call unindex_claims first when replacing a report's claims)."""
    if claims:
        conn.execute(text("INSERT INTO claims_fts(rowid, evidence) VALUES (:fid, :ev)"),
                     [{"fid": fid, "ev": ev} for fid, ev in claims])


def unindex_claims(conn: Connection, report_id: str) -> None:
    """Drop a report's claims from the index; runs before the claims themselves are deleted."""
    conn.execute(text("DELETE FROM claims_fts WHERE rowid IN (SELECT fts_id FROM claims WHERE report_id = :id)"),
                 {"id": report_id})


def unindex_report(conn: Connection, report_id: str) -> None:
    unindex_claims(conn, report_id)
    conn.execute(text("DELETE FROM reports_fts WHERE report_id = :id"), {"id": report_id})


def fts_query(user_text: str) -> str:
    """A user's words as an FTS5 query: each word a quoted prefix term, all required (no FTS syntax injection)."""
    words = re.findall(r"\w+", user_text, flags=re.UNICODE)
    return " ".join(f'"{w}"*' for w in words)


def claim_ids_matching(user_text: str):
    """A subquery of the fts_ids of claims whose evidence matches the words (None when the words hold no term)."""
    q = fts_query(user_text)
    if not q:
        return None
    return text("SELECT rowid AS fts_id FROM claims_fts WHERE claims_fts MATCH :q").bindparams(q=q).columns(
        column("fts_id", Integer))


def report_ids_matching(user_text: str):
    """A subquery of the report ids whose title or body matches the words."""
    q = fts_query(user_text)
    if not q:
        return None
    return text("SELECT report_id FROM reports_fts WHERE reports_fts MATCH :q").bindparams(q=q).columns(
        column("report_id", String))
