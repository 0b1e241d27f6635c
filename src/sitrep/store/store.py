"""The store's public operations: save a processed report in one transaction, query reports and claims."""
from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload, sessionmaker, undefer

from sitrep.store import search as fulltext
from sitrep.store.models import ClaimActorRow, ClaimPlaceRow, ClaimRow, FootnoteRow, Report


def claim_point(places: list[dict]) -> tuple[float | None, float | None, int | None]:
    """Where a claim goes on the map: its most precise located place (lat, lon, ACLED geo precision)."""
    best = min((p for p in places if p.get("lat") is not None), key=lambda p: p.get("precision") or 3, default=None)
    if best is None:
        return None, None, None
    return best["lat"], best["lon"], best.get("precision") or 3


def _footnote_rows(meta) -> list[FootnoteRow]:
    return [FootnoteRow(number=f.number, text=f.text, outlet=f.outlet, date=f.date, start=f.start, end=f.end,
                        markers=list(f.markers)) for f in meta.footnotes]


_DATE_BOUND = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def check_date_bound(value: str) -> str:
    """A filter's date bound: YYYY, YYYY-MM or YYYY-MM-DD naming a real day. Raises ValueError saying why."""
    from datetime import date

    m = _DATE_BOUND.match(value)
    if not m:
        raise ValueError(f"bad date {value!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = m.groups()
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise ValueError(f"bad date {value!r}: no such day") from None
    return value


@dataclass
class ClaimFilter:
    """The filters of `sitrep claims` and of the API. Every field is optional."""
    type: str | None = None
    actor: str | None = None          # canonical name or alias; its sub-units are included
    place: str | None = None          # place name or mention, case-insensitive substring
    source: str | None = None         # outlet name, case-insensitive substring
    since: str | None = None          # ISO date, inclusive
    until: str | None = None          # ISO date, inclusive
    search: str | None = None         # full-text words in the claim's evidence
    modality: str | None = None
    report: str | None = None         # report id or unique prefix
    bbox: tuple[float, float, float, float] | None = None   # west, south, east, north
    include_optional: bool = True
    include_rejected: bool = False    # claims an analyst rejected (sitrep.store.review) are left out unless asked
    status: str | None = None         # review status(es), comma-separated: unreviewed/accepted/corrected/rejected


def _names_like(s: Session, column, needle: str) -> set[str]:
    """Distinct stored names that hold the needle as whole words, or share its transliteration key.

    The distinct names are few and read from the column's index, so the claims are then selected by indexed
    equality instead of a text scan over every claim's mentions."""
    from sitrep.text.normalize import key

    words = re.compile(rf"(?<!\w){re.escape(needle.strip())}(?!\w)", re.I)
    needle_k = key(needle)
    return {n for n in s.scalars(select(column).distinct()) if words.search(n) or (needle_k and key(n) == needle_k)}


def _actor_filter_names(s: Session, query: str) -> set[str]:
    """The actors a filter means: the one the knowledge base knows by that name or alias, with its sub-units;
    else the stored actor names that hold the query as whole words, with theirs."""
    from sitrep.kb import actors as kb

    canonical = kb.resolve(query)
    names = {canonical} if canonical else _names_like(s, ClaimActorRow.name, query) or {query}
    for n in list(names):
        names |= set(kb.descendants(n))
    return names


class Store:
    def __init__(self, engine: Engine):
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._sessions() as session:
            yield session

    # ---- writing ------------------------------------------------------------------------------------------

    def has_report(self, report_id: str) -> bool:
        with self.session() as s:
            return s.get(Report, report_id) is not None

    def save_report(self, prepared, record: dict[str, Any], version: str) -> str:
        """Store a prepared report and its extraction in one transaction: "new", or "unchanged" if already there
        (also when another writer stored the same report a moment before)."""
        try:
            return self._save_report(prepared, record, version)
        except IntegrityError:
            if self.has_report(prepared.id):
                return "unchanged"
            raise

    def _save_report(self, prepared, record: dict[str, Any], version: str) -> str:
        with self._sessions.begin() as s:
            if s.get(Report, prepared.id) is not None:
                return "unchanged"
            meta = prepared.meta
            report = Report(id=prepared.id, origin=prepared.origin, content_type=prepared.content_type,
                            encoding=prepared.encoding, raw=prepared.raw, text=prepared.text, title=meta.title,
                            published=meta.published, publisher=meta.publisher, dispatch=meta.dispatch,
                            body=[list(r) for r in meta.body], entities=record["entities"],
                            extractor_version=version, ingested_at=datetime.now(timezone.utc).replace(tzinfo=None))
            report.footnotes = _footnote_rows(meta)
            s.add(report)
            s.flush()
            self._write_claims(s, prepared.id, record["claims"], version)
            self._index(s, report)
        return "new"

    def replace_extraction(self, report_id: str, record: dict[str, Any], version: str, prepared=None) -> int:
        """Swap a report's entities and claims for a new extraction, in one transaction; with ``prepared`` (the
        report read again from its stored original) its metadata and footnotes are refreshed too. Analysts'
        reviews are re-applied by claim id; returns how many reviewed claims the new extraction no longer makes."""
        with self._sessions.begin() as s:
            report = s.get(Report, report_id)
            if report is None:
                raise KeyError(report_id)
            if prepared is not None:
                meta = prepared.meta
                report.text, report.title, report.published = prepared.text, meta.title, meta.published
                report.publisher, report.dispatch = meta.publisher, meta.dispatch
                report.body = [list(r) for r in meta.body]
                report.footnotes = _footnote_rows(meta)
            if self.dialect == "sqlite":
                from sitrep.store.sqlite import unindex_claims
                unindex_claims(s.connection(), report_id)
            s.execute(delete(ClaimRow).where(ClaimRow.report_id == report_id))
            report.entities = record["entities"]
            report.extractor_version = version
            s.flush()
            self._write_claims(s, report_id, record["claims"], version)
            self._index(s, report)
            from sitrep.store.review import orphaned, reapply
            reapply(s, report_id)   # analysts' reviews outlive re-extraction, matched by claim id
            return orphaned(s, report_id)

    def _write_claims(self, s: Session, report_id: str, claims: list[dict[str, Any]], version: str) -> None:
        # Bulk inserts through the Core: the ORM's unit of work cost more than extraction itself per report.
        claim_rows, actor_rows, place_rows = [], [], []
        seen: dict[str, int] = {}
        next_fts_id = (s.scalar(select(func.max(ClaimRow.fts_id))) or 0) + 1
        for seq, c in enumerate(claims):
            cid = c["id"]
            if cid in seen:
                # Two claims of one type on one span: the later ones are numbered among themselves, not by their
                # place in the report, so their ids (and the reviews tied to them) survive re-extraction.
                seen[cid] += 1
                cid = c["id"] = f"{cid[:16]}-{seen[cid]}"
            else:
                seen[cid] = 0
            lat, lon, precision = claim_point(c["places"])
            claim_rows.append(dict(
                id=cid, report_id=report_id, seq=seq, type=c["type"], modality=c["modality"],
                negated=bool(c.get("negated")), certainty=c.get("certainty"), date=c.get("date"),
                date_precision=c.get("date_precision"), source=(c.get("source") or {}).get("name"),
                evidence=c["evidence"]["text"], evidence_start=c["evidence"]["start"],
                evidence_end=c["evidence"]["end"], optional=bool(c.get("optional")), data=c,
                extractor_version=version, status="unreviewed", fts_id=next_fts_id + seq,
                lat=lat, lon=lon, precision=precision))
            actor_rows.extend(dict(claim_id=cid, name=a["name"], mention=a.get("mention"), role=a.get("role"))
                              for a in c["actors"])
            place_rows.extend(dict(claim_id=cid, name=p["name"], mention=p.get("mention"), role=p.get("role"),
                                   kind=p.get("kind"), country=p.get("country"), lat=p.get("lat"), lon=p.get("lon"),
                                   precision=p.get("precision")) for p in c["places"])
        for model, rows in ((ClaimRow, claim_rows), (ClaimActorRow, actor_rows), (ClaimPlaceRow, place_rows)):
            if rows:
                s.execute(insert(model), rows)

    def _index(self, s: Session, report: Report) -> None:
        if self.dialect != "sqlite":
            return
        from sitrep.store import sqlite as fts
        conn = s.connection()
        body = "\n".join(report.text[a:b] for a, b in report.body)
        fts.index_report(conn, report.id, report.title, body)
        rows = s.execute(select(ClaimRow.fts_id, ClaimRow.evidence).where(ClaimRow.report_id == report.id)).all()
        fts.index_claims(conn, [(r[0], r[1]) for r in rows])

    # ---- reading ------------------------------------------------------------------------------------------

    def report(self, id_or_prefix: str) -> Report | None:
        """A report by id or by an unambiguous id prefix (at least 4 characters)."""
        with self.session() as s:
            opts = [selectinload(Report.footnotes), selectinload(Report.claims), undefer(Report.raw)]
            found = s.get(Report, id_or_prefix, options=opts)
            if found is not None or len(id_or_prefix) < 4:
                return found
            if not re.fullmatch(r"[0-9a-f]+", id_or_prefix):
                return None     # ids are hex: nothing else can be a prefix of one (and no LIKE wildcards get in)
            rows = s.scalars(select(Report).options(*opts).where(Report.id.like(f"{id_or_prefix}%")).limit(2)).all()
            return rows[0] if len(rows) == 1 else None

    def reports(self, limit: int | None = None, offset: int = 0, search: str | None = None
                ) -> tuple[list[Report], int]:
        with self.session() as s:
            q = select(Report)
            if search:
                cond = fulltext.report_id_condition(s, search)
                if cond is not None:
                    q = q.where(cond)
            total = s.scalar(select(func.count()).select_from(q.subquery()))
            q = q.order_by(Report.published.desc().nulls_last(), Report.id).offset(offset)
            if limit is not None:
                q = q.limit(limit)
            return list(s.scalars(q)), total

    def _claim_query(self, s: Session, f: ClaimFilter):
        q = select(ClaimRow)
        if f.type:
            types = [t.strip() for t in f.type.split(",") if t.strip()]
            q = q.where(ClaimRow.type.in_(types))
        if f.modality:
            q = q.where(ClaimRow.modality == f.modality)
        if f.since:
            q = q.where(ClaimRow.date >= f.since)
        if f.until:
            # "2023-12" as an upper bound includes the whole month.
            q = q.where(ClaimRow.date <= f.until + "\uffff")
        if f.source:
            q = q.where(func.lower(ClaimRow.source).contains(f.source.lower()))
        if f.actor:
            names = _actor_filter_names(s, f.actor)
            q = q.where(ClaimRow.id.in_(select(ClaimActorRow.claim_id).where(ClaimActorRow.name.in_(names))))
        if f.place:
            names = _names_like(s, ClaimPlaceRow.name, f.place)
            place_claims = select(ClaimPlaceRow.claim_id).where(ClaimPlaceRow.name.in_(names)) if names else \
                select(ClaimPlaceRow.claim_id).where(func.lower(ClaimPlaceRow.mention).contains(f.place.lower()))
            q = q.where(ClaimRow.id.in_(place_claims))
        if f.report:
            report = self.report(f.report)
            q = q.where(ClaimRow.report_id == (report.id if report else f.report))
        if f.bbox:
            west, south, east, north = f.bbox
            q = q.where(ClaimRow.lat.between(south, north), ClaimRow.lon.between(west, east))
        if not f.include_optional:
            q = q.where(ClaimRow.optional.is_(False))
        if f.status:
            q = q.where(ClaimRow.status.in_([v.strip() for v in f.status.split(",") if v.strip()]))
        elif not f.include_rejected:
            q = q.where(ClaimRow.status != "rejected")
        if f.search:
            cond = fulltext.claim_id_condition(s, f.search)
            if cond is not None:
                q = q.where(cond)
        return q

    def claims(self, f: ClaimFilter | None = None, limit: int | None = None, offset: int = 0
               ) -> tuple[list[ClaimRow], int]:
        f = f or ClaimFilter()
        with self.session() as s:
            q = self._claim_query(s, f)
            total = s.scalar(select(func.count()).select_from(q.subquery()))
            q = q.order_by(ClaimRow.date.desc().nulls_last(), ClaimRow.report_id, ClaimRow.seq).offset(offset)
            if limit is None or limit > 1000:
                return list(s.scalars(q if limit is None else q.limit(limit))), total
            # A page in two steps: the page's ids (from indexes, without sorting the wide rows), then its rows.
            ids = list(s.scalars(q.with_only_columns(ClaimRow.id).limit(limit)))
            by_id = {r.id: r for r in s.scalars(select(ClaimRow).where(ClaimRow.id.in_(ids)))} if ids else {}
            return [by_id[i] for i in ids if i in by_id], total

    def claim_counts(self, report_ids: list[str]) -> dict[str, int]:
        with self.session() as s:
            rows = s.execute(select(ClaimRow.report_id, func.count()).where(ClaimRow.report_id.in_(report_ids))
                             .group_by(ClaimRow.report_id)).all()
            return {rid: n for rid, n in rows}

    def claim(self, claim_id: str) -> ClaimRow | None:
        with self.session() as s:
            return s.get(ClaimRow, claim_id)

    def report_ids(self) -> list[str]:
        with self.session() as s:
            return list(s.scalars(select(Report.id).order_by(Report.ingested_at, Report.id)))

    def stats(self) -> dict[str, Any]:
        with self.session() as s:
            by_type = dict(s.execute(select(ClaimRow.type, func.count()).group_by(ClaimRow.type)).all())
            return {
                "reports": s.scalar(select(func.count()).select_from(Report)),
                "claims": s.scalar(select(func.count()).select_from(ClaimRow)),
                "claims_by_type": dict(sorted(by_type.items(), key=lambda kv: -kv[1])),
                "places": s.scalar(select(func.count(func.distinct(ClaimPlaceRow.name)))),
                "actors": s.scalar(select(func.count(func.distinct(ClaimActorRow.name)))),
            }

    def iter_reports(self, batch: int = 200) -> Iterator[Report]:
        """Every report with its claims, in a stable order, a batch at a time."""
        ids = self.report_ids()
        for i in range(0, len(ids), batch):
            with self.session() as s:
                rows = s.scalars(select(Report).options(selectinload(Report.footnotes), selectinload(Report.claims))
                                 .where(Report.id.in_(ids[i:i + batch]))).all()
                by_id = {r.id: r for r in rows}
                for rid in ids[i:i + batch]:
                    if rid in by_id:
                        yield by_id[rid]
