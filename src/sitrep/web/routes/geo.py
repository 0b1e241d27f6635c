"""The map and the timeline: GeoJSON of claims (points, and routes for movements and transfers) and date counts."""
from __future__ import annotations

import json

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
        rows = s.execute(q.order_by(ClaimRow.date.desc().nulls_last(), ClaimRow.id).limit(limit + 1)).all()
        truncated = len(rows) > limit
        rows = rows[:limit]
        route_ids = [r[0] for r in rows if r[1] in ROUTE_TYPES]
        legs: dict[str, list] = {}
        for i in range(0, len(route_ids), 900):
            chunk = route_ids[i:i + 900]
            for cid, role, lat, lon, name, precision in s.execute(
                    select(ClaimPlaceRow.claim_id, ClaimPlaceRow.role, ClaimPlaceRow.lat, ClaimPlaceRow.lon,
                           ClaimPlaceRow.name, ClaimPlaceRow.precision)
                    .where(ClaimPlaceRow.claim_id.in_(chunk), ClaimPlaceRow.role.in_(ROUTE_ROLES),
                           ClaimPlaceRow.lat.isnot(None)).order_by(ClaimPlaceRow.id)):
                legs.setdefault(cid, []).append((_ORDER[role], lon, lat, name, precision))
    features = []
    for cid, type_, date, modality, status, lat, lon, precision in rows:
        features.append({"type": "Feature", "id": cid,
                         "geometry": {"type": "Point", "coordinates": [lon, lat]},
                         "properties": {"id": cid, "type": type_, "date": date, "modality": modality,
                                        "status": status, "precision": precision or 3}})
    for cid, pts in legs.items():
        pts.sort(key=lambda p: p[0])          # stable: origin, vias in text order, destination
        if len(pts) < 2 or not any(p[0] == 0 for p in pts) and not any(p[0] == 2 for p in pts):
            continue
        features.append({"type": "Feature", "id": f"{cid}:route",
                         "geometry": {"type": "LineString", "coordinates": [[p[1], p[2]] for p in pts]},
                         "properties": {"id": cid, "route": True, "places": [p[3] for p in pts],
                                        "approximate": any((p[4] or 3) >= 3 for p in pts)}})
    body = {"type": "FeatureCollection", "features": features, "truncated": truncated, "count": len(rows)}
    return Response(json.dumps(body, separators=(",", ":")), media_type="application/geo+json")


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
