"""Actors, places and sources: the entities claims name, with claim counts under the same filters as claims."""
from __future__ import annotations

from collections import Counter

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from sqlalchemy import func, select

from sitrep.store import ClaimFilter
from sitrep.store.models import ClaimActorRow, ClaimPlaceRow, ClaimRow
from sitrep.web.common import claim_filter, claim_summary, page, store_of
from sitrep.web.security import require_read

router = APIRouter(prefix="/api", tags=["entities"])


def _claim_ids(store, s, f: ClaimFilter):
    return store._claim_query(s, f).with_only_columns(ClaimRow.id).scalar_subquery()


@router.get("/actors", dependencies=[Depends(require_read)])
def actors(request: Request, f: ClaimFilter = Depends(claim_filter), paging=Depends(page),
           name: str | None = Query(None, max_length=200, description="Name contains")):
    """Actors named by the matching claims, with their claim counts, most frequent first."""
    store = store_of(request)
    limit, offset = paging
    with store.session() as s:
        n = func.count(func.distinct(ClaimActorRow.claim_id))
        q = select(ClaimActorRow.name, n).where(ClaimActorRow.claim_id.in_(_claim_ids(store, s, f)))
        if name:
            q = q.where(func.lower(ClaimActorRow.name).contains(name.lower()))
        q = q.group_by(ClaimActorRow.name)
        total = s.scalar(select(func.count()).select_from(q.subquery()))
        rows = s.execute(q.order_by(n.desc(), ClaimActorRow.name).limit(limit).offset(offset)).all()
    return {"items": [{"name": a, "claims": c} for a, c in rows], "total": total, "limit": limit, "offset": offset}


def _kb_info(name: str) -> dict:
    try:
        from sitrep.kb import actors as kb
        entry = kb.lookup(name)
        if entry is None:
            return {"known": False, "units": [], "parents": []}
        return {"known": True, "name": entry.name, "kind": getattr(entry, "kind", None),
                "country": getattr(entry, "country", None), "parent": getattr(entry, "parent", None),
                "units": [u for u in kb.descendants(entry.name, include_self=False)],
                "parents": kb.ancestors(entry.name)}
    except Exception:  # noqa: BLE001 - the KB enriches the view; without it the store's names still work
        return {"known": False, "units": [], "parents": []}


@router.get("/actors/{name}", dependencies=[Depends(require_read)])
def actor(request: Request, name: str, f: ClaimFilter = Depends(claim_filter),
          limit: int = Query(50, ge=1, le=1000)):
    """One actor (with its sub-units): its claims, places, and the actors it appears with (a network)."""
    if len(name) > 200:
        raise HTTPException(404, "no such actor")
    store = store_of(request)
    f.actor = name
    rows, total = store.claims(f, limit=limit)
    if total == 0:
        raise HTTPException(404, f"no claims name the actor {name!r} (under these filters)")
    with store.session() as s:
        ids = _claim_ids(store, s, f)
        places = s.execute(
            select(ClaimPlaceRow.name, func.min(ClaimPlaceRow.precision), func.avg(ClaimPlaceRow.lat),
                   func.avg(ClaimPlaceRow.lon), func.count(func.distinct(ClaimPlaceRow.claim_id)))
            .where(ClaimPlaceRow.claim_id.in_(ids)).group_by(ClaimPlaceRow.name)
            .order_by(func.count(func.distinct(ClaimPlaceRow.claim_id)).desc()).limit(100)).all()
        pairs = s.execute(select(ClaimActorRow.claim_id, ClaimActorRow.name)
                          .where(ClaimActorRow.claim_id.in_(ids))).all()
    by_claim: dict[str, set[str]] = {}
    for cid, n in pairs:
        by_claim.setdefault(cid, set()).add(n)
    info = _kb_info(name)
    own = {name, info.get("name") or name, *info.get("units", [])}
    counts = Counter(n for names in by_claim.values() for n in names)
    selves = [n for n in counts if n in own or n.lower() == name.lower()]
    co = Counter({n: c for n, c in counts.items() if n not in selves})
    top = [n for n, _ in co.most_common(25)]
    center = info.get("name") or name
    nodes = [{"id": center, "claims": total, "center": True}] + [{"id": n, "claims": co[n]} for n in top]
    keep = set(top)
    edges: Counter = Counter()
    for names in by_claim.values():
        present = sorted(n for n in names if n in keep)
        for n in present:
            edges[(center, n)] += 1
        for i, a in enumerate(present):
            for b in present[i + 1:]:
                edges[(a, b)] += 1
    return {
        "name": center, "query": name, "kb": info, "claims": {"total": total, "items": [claim_summary(r) for r in rows]},
        "names_in_store": sorted(selves),
        "places": [{"name": p, "precision": pr, "lat": la, "lon": lo, "claims": c} for p, pr, la, lo, c in places],
        "co_actors": [{"name": n, "claims": co[n]} for n in top],
        "network": {"nodes": nodes, "edges": [{"source": a, "target": b, "weight": w} for (a, b), w in edges.items()]},
    }


@router.get("/places", dependencies=[Depends(require_read)])
def places(request: Request, f: ClaimFilter = Depends(claim_filter), paging=Depends(page),
           name: str | None = Query(None, max_length=200, description="Name contains")):
    """Places named by the matching claims, with coordinates, precision and claim counts."""
    store = store_of(request)
    limit, offset = paging
    with store.session() as s:
        n = func.count(func.distinct(ClaimPlaceRow.claim_id))
        q = (select(ClaimPlaceRow.name, func.max(ClaimPlaceRow.kind), func.max(ClaimPlaceRow.country),
                    func.avg(ClaimPlaceRow.lat), func.avg(ClaimPlaceRow.lon), func.min(ClaimPlaceRow.precision), n)
             .where(ClaimPlaceRow.claim_id.in_(_claim_ids(store, s, f))))
        if name:
            q = q.where(func.lower(ClaimPlaceRow.name).contains(name.lower()))
        q = q.group_by(ClaimPlaceRow.name)
        total = s.scalar(select(func.count()).select_from(q.subquery()))
        rows = s.execute(q.order_by(n.desc(), ClaimPlaceRow.name).limit(limit).offset(offset)).all()
    return {"items": [{"name": a, "kind": k, "country": c, "lat": la, "lon": lo, "precision": p, "claims": cnt}
                      for a, k, c, la, lo, p, cnt in rows], "total": total, "limit": limit, "offset": offset}


@router.get("/sources", dependencies=[Depends(require_read)])
def sources(request: Request, f: ClaimFilter = Depends(claim_filter), paging=Depends(page),
            name: str | None = Query(None, max_length=200, description="Name contains")):
    """Sources (outlets) of the matching claims, with claim counts."""
    store = store_of(request)
    limit, offset = paging
    with store.session() as s:
        n = func.count()
        q = select(ClaimRow.source, n).where(ClaimRow.id.in_(_claim_ids(store, s, f)), ClaimRow.source.isnot(None))
        if name:
            q = q.where(func.lower(ClaimRow.source).contains(name.lower()))
        q = q.group_by(ClaimRow.source)
        total = s.scalar(select(func.count()).select_from(q.subquery()))
        rows = s.execute(q.order_by(n.desc(), ClaimRow.source).limit(limit).offset(offset)).all()
    return {"items": [{"name": a, "claims": c} for a, c in rows], "total": total, "limit": limit, "offset": offset}
