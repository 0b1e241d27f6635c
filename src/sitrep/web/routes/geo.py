"""The map and the timeline: GeoJSON of claims (points, and routes for movements and transfers) and date counts."""
from __future__ import annotations

import json
import math

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from sqlalchemy import func, select

from sitrep.store import ClaimFilter
from sitrep.store.models import ClaimPlaceRow, ClaimRow
from sitrep.web.common import claim_filter, store_of
from sitrep.web.security import require_read

router = APIRouter(prefix="/api", tags=["map"])

ROUTE_TYPES = ("movement", "transfer")
ROUTE_ROLES = ("origin", "route", "via", "destination")
_ORDER = {"origin": 0, "route": 1, "via": 1, "destination": 2}


@router.get("/geo/claims", dependencies=[Depends(require_read)],
            responses={200: {"content": {"application/geo+json": {}}}})
def geo_claims(request: Request, f: ClaimFilter = Depends(claim_filter),
               limit: int = Query(5000, ge=1, le=20000, description="At most this many claims (newest first)")):
    """A GeoJSON FeatureCollection: a Point per located claim (properties: id, type, date, modality, status,
    precision: 1 exact, 2 near, 3 region), and a LineString origin → via → destination for each movement or
    transfer whose places are located. `truncated` is true when more claims matched than `limit`."""
    store = store_of(request)
    with store.session() as s:
        q = store._claim_query(s, f).where(ClaimRow.lat.isnot(None)).with_only_columns(
            ClaimRow.id, ClaimRow.type, ClaimRow.date, ClaimRow.modality, ClaimRow.status, ClaimRow.lat,
            ClaimRow.lon, ClaimRow.precision)
        if f.type and (f.since or f.until):
            # Newest first by an expression no index is ordered by (NULLS LAST, as `date DESC NULLS LAST`): the
            # few types' entries of the date range are then read from the type-led index and sorted, instead of
            # every claim of the range being read in date order from the date-led one.
            order = (func.coalesce(ClaimRow.date, "").desc(), ClaimRow.id)
        else:
            order = (ClaimRow.date.desc().nulls_last(), ClaimRow.id)
        # Through the Core connection: plain rows, without the ORM's per-row loading (a third of the time here).
        conn = s.connection()
        rows = conn.execute(q.order_by(*order).limit(limit + 1)).all()
        truncated = len(rows) > limit
        rows = rows[:limit]
        route_ids = [r[0] for r in rows if r[1] in ROUTE_TYPES]
        legs: dict[str, list] = {}
        for i in range(0, len(route_ids), 900):
            chunk = route_ids[i:i + 900]
            for cid, role, lat, lon, name, precision in conn.execute(
                    select(ClaimPlaceRow.claim_id, ClaimPlaceRow.role, ClaimPlaceRow.lat, ClaimPlaceRow.lon,
                           ClaimPlaceRow.name, ClaimPlaceRow.precision)
                    .where(ClaimPlaceRow.claim_id.in_(chunk), ClaimPlaceRow.role.in_(ROUTE_ROLES),
                           ClaimPlaceRow.lat.isnot(None)).order_by(ClaimPlaceRow.id)).all():
                legs.setdefault(cid, []).append((_ORDER[role], lon, lat, name, precision))
    # The features are written as JSON text directly: at thousands of features, building dicts for json.dumps cost
    # more than the query. Strings go through the JSON string encoder; numbers are Python's repr, as json writes them.
    parts = []
    for cid, type_, date, modality, status, lat, lon, precision in rows:
        jid = _s(cid)
        parts.append(f'{{"type":"Feature","id":{jid},"geometry":{{"type":"Point","coordinates":[{_n(lon)},{_n(lat)}]}},'
                     f'"properties":{{"id":{jid},"type":{_s(type_)},"date":{_s(date)},"modality":{_s(modality)},'
                     f'"status":{_s(status)},"precision":{precision or 3}}}}}')
    for cid, pts in legs.items():
        pts.sort(key=lambda p: p[0])          # stable: origin, vias in text order, destination
        if len(pts) < 2 or not any(p[0] == 0 for p in pts) and not any(p[0] == 2 for p in pts):
            continue
        coords = ",".join(f"[{_n(p[1])},{_n(p[2])}]" for p in pts)
        names = ",".join(_s(p[3]) for p in pts)
        approximate = "true" if any((p[4] or 3) >= 3 for p in pts) else "false"
        parts.append(f'{{"type":"Feature","id":{_s(cid + ":route")},"geometry":{{"type":"LineString",'
                     f'"coordinates":[{coords}]}},"properties":{{"id":{_s(cid)},"route":true,"places":[{names}],'
                     f'"approximate":{approximate}}}}}')
    body = (f'{{"type":"FeatureCollection","features":[{",".join(parts)}],'
            f'"truncated":{"true" if truncated else "false"},"count":{len(rows)}}}')
    return Response(body.encode(), media_type="application/geo+json")


_JSON_STR = json.encoder.encode_basestring_ascii


def _s(x) -> str:
    """A string as JSON text (None as null)."""
    return "null" if x is None else _JSON_STR(x)


def _n(x) -> str:
    """A number as JSON text, as json.dumps writes it (None, and what JSON cannot hold, as null)."""
    return float.__repr__(float(x)) if x is not None and math.isfinite(x) else "null"


@router.get("/timeline", dependencies=[Depends(require_read)])
def timeline(request: Request, f: ClaimFilter = Depends(claim_filter)):
    """Claim counts per date (a day, or a month for claims dated to the month) under the filters, and the
    count of undated claims."""
    store = store_of(request)
    with store.session() as s:
        sub = store._claim_query(s, f).with_only_columns(ClaimRow.date).subquery()
        rows = s.execute(select(sub.c.date, func.count()).group_by(sub.c.date).order_by(sub.c.date)).all()
    dated = [{"date": d, "count": n} for d, n in rows if d]
    undated = sum(n for d, n in rows if not d)
    return {"items": dated, "undated": undated, "first": dated[0]["date"] if dated else None,
            "last": dated[-1]["date"] if dated else None}
