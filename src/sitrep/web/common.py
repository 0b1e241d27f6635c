"""What the API's routes share: the store, the claim filters read from the query string, and claim serializers."""
from __future__ import annotations

import re
from typing import Any

from fastapi import HTTPException, Query, Request

from sitrep.store import ClaimFilter, ClaimRow, check_date_bound
from sitrep.store.review import MODALITIES, STATUSES

MAX_PAGE = 1000


def store_of(request: Request):
    return request.app.state.store


def bad(message: str) -> HTTPException:
    return HTTPException(422, message)


def _check_date(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    try:
        return check_date_bound(value)
    except ValueError as exc:
        raise bad(f"{name}: {exc}") from None


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    parts = value.split(",")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise bad(f"bad bbox {value!r}: four numbers west,south,east,north") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= 90 and -90 <= north <= 90):
        raise bad(f"bad bbox {value!r}: longitudes within ±180, latitudes within ±90")
    if west > east or south > north:
        raise bad(f"bad bbox {value!r}: west must not exceed east, nor south north")
    return west, south, east, north


def claim_filter(
    type: str | None = Query(None, description="Event type(s), comma-separated", max_length=400),
    actor: str | None = Query(None, description="Actor name or alias; its sub-units are included", max_length=200),
    place: str | None = Query(None, description="Place name or mention (substring)", max_length=200),
    source: str | None = Query(None, description="Source outlet (substring)", max_length=200),
    since: str | None = Query(None, description="From this date (YYYY, YYYY-MM or YYYY-MM-DD), inclusive"),
    until: str | None = Query(None, description="Until this date, inclusive"),
    search: str | None = Query(None, alias="q", description="Full-text words in the evidence or the report",
                               max_length=500),
    modality: str | None = Query(None, description="occurred or planned"),
    report: str | None = Query(None, description="Report id or unique prefix", max_length=64),
    bbox: str | None = Query(None, description="west,south,east,north in degrees"),
    status: str | None = Query(None, description="Review status(es), comma-separated"),
    include_rejected: bool = Query(False, description="Include claims an analyst rejected"),
) -> ClaimFilter:
    since, until = _check_date(since, "since"), _check_date(until, "until")
    if since and until and since[:len(until)] > until:
        raise bad(f"since {since} is after until {until}")
    if modality and modality not in MODALITIES:
        raise bad(f"bad modality {modality!r}: one of {', '.join(MODALITIES)}")
    if status:
        wrong = [s for s in status.split(",") if s.strip() and s.strip() not in STATUSES]
        if wrong:
            raise bad(f"bad status {wrong[0]!r}: one of {', '.join(STATUSES)}")
    if type and not re.fullmatch(r"[a-z_]+(,[a-z_]+)*", type.replace(" ", "")):
        raise bad(f"bad type {type!r}: event type names, comma-separated")
    return ClaimFilter(type=type, actor=actor or None, place=place or None, source=source or None, since=since,
                       until=until, search=search or None, modality=modality or None, report=report or None,
                       bbox=parse_bbox(bbox), status=status or None, include_rejected=include_rejected)


def page(limit: int = Query(50, ge=1, le=MAX_PAGE), offset: int = Query(0, ge=0, le=10_000_000)) -> tuple[int, int]:
    return limit, offset


def claim_summary(row: ClaimRow) -> dict[str, Any]:
    d = row.data or {}
    return {
        "id": row.id, "report_id": row.report_id, "type": row.type, "modality": row.modality,
        "negated": row.negated, "certainty": row.certainty, "date": row.date, "date_precision": row.date_precision,
        "source": row.source, "status": row.status, "optional": row.optional,
        "evidence": {"text": row.evidence, "start": row.evidence_start, "end": row.evidence_end},
        "lat": row.lat, "lon": row.lon, "precision": row.precision,
        "actors": [{"name": a.get("name"), "role": a.get("role")} for a in d.get("actors") or []],
        "places": [{"name": p.get("name"), "role": p.get("role"), "precision": p.get("precision"),
                    "lat": p.get("lat"), "lon": p.get("lon")} for p in d.get("places") or []],
    }


def claim_full(row: ClaimRow) -> dict[str, Any]:
    out = dict(row.data or {})
    out.update({"id": row.id, "report_id": row.report_id, "status": row.status, "type": row.type,
                "date": row.date, "lat": row.lat, "lon": row.lon, "precision": row.precision})
    return out
