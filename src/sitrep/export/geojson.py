"""geojson: an RFC 7946 FeatureCollection of the claims, for QGIS and geojson.io-style viewers.

A claim is a Point at its main place (the site, else the destination, origin or route); a movement or transfer with a
located origin and destination is a LineString from the origin through its route to the destination. Properties are
flat (strings, numbers, booleans), so QGIS reads them as attribute columns. Claims without coordinates cannot be
mapped: they are left out and counted in the collection's ``sitrep`` member. ``geo_precision`` 3 (a region, not a
place) is flagged ``approximate`` with ``precision_m``, the radius a reader should assume.
"""
from __future__ import annotations

import json
from typing import IO, Any

from sitrep.export import mappings as m

UNIT = "features"
LINE_TYPES = {"movement", "transfer"}


def _coord(place: dict[str, Any]) -> list[float]:
    return [round(float(place["lon"]), 5), round(float(place["lat"]), 5)]   # RFC 7946: longitude, latitude


def properties(item: m.Item) -> dict[str, Any]:
    claim, report = item.claim, item.report
    place = m.primary_place(claim) or {}
    places = claim.get("places") or []
    by_role = {role: "; ".join(p.get("name") or "" for p in places if (p.get("role") or "site") == role)
               for role in ("site", "origin", "route", "destination")}
    chain = m.source_chain(claim, report)
    src = claim.get("source") or {}
    entry = m.type_entry(claim)
    rule = m.attack_rule(claim)
    acled = (rule or {}).get("acled") or entry.get("acled") or {}
    day, time_precision, how = m.event_date(claim, report)
    confidence = m.stix_confidence(claim)
    return {
        "id": item.id,
        "type": claim.get("type"),
        "summary": m.summary(claim),
        "modality": claim.get("modality"),
        "negated": bool(claim.get("negated")),
        "certainty": claim.get("certainty") or "",
        "credibility": m.credibility(claim),
        "confidence": confidence if confidence is not None else -1,
        "date": claim.get("date") or "",
        "date_precision": claim.get("date_precision") or "",
        "event_date": day or "",
        "time_precision": time_precision,
        "date_from": how,
        "agents": "; ".join(m.unique_names(m.agents(claim))),
        "others": "; ".join(m.unique_names(m.others(claim))),
        "actors": "; ".join(m.unique_names(claim.get("actors") or [])),
        "place": place.get("name") or "",
        "place_kind": place.get("kind") or "",
        "place_mention": place.get("mention") or "",
        "country": place.get("country") or "",
        "admin1": place.get("admin1") or "",
        "geo_precision": place.get("precision") or 1,
        "approximate": (place.get("precision") or 1) >= 3,
        "precision_m": m.precision_m(place) if place else 0,
        "site": by_role["site"],
        "origin": by_role["origin"],
        "route": by_role["route"],
        "destination": by_role["destination"],
        "source": src.get("name") or "",
        "source_kind": src.get("kind") or "",
        "sourcing": src.get("sourcing") or "",
        "source_date": src.get("outlet_date") or "",
        "source_chain": " > ".join(c["name"] for c in chain),
        "publisher": report.publisher or "",
        "report_id": item.report_id,
        "report_title": report.title or "",
        "report_published": report.published or "",
        "report_origin": report.origin,
        "persons": "; ".join(p.get("name") or "" for p in claim.get("persons") or []),
        "quantities": "; ".join(m.quantity_text(q) for q in claim.get("quantities") or []),
        "equipment": "; ".join(claim.get("equipment") or []),
        "evidence": (claim.get("evidence") or {}).get("text") or "",
        "optional": bool(claim.get("optional")),
        "restates": claim.get("restates") or "",
        "acled_event_type": acled.get("event_type", ""),
        "acled_sub_event_type": acled.get("sub_event_type", ""),
        "plover_event": (entry.get("plover") or {}).get("event", ""),
    }


def feature(item: m.Item) -> dict[str, Any] | None:
    claim = item.claim
    geometry = None
    if claim.get("type") in LINE_TYPES:
        path = m.path_places(claim)
        if path:
            geometry = {"type": "LineString", "coordinates": [_coord(p) for p in path]}
    if geometry is None:
        place = m.primary_place(claim)
        if place is None or not m.located(place):
            return None
        geometry = {"type": "Point", "coordinates": _coord(place)}
    return {"type": "Feature", "id": item.id, "geometry": geometry, "properties": properties(item)}


def collection(store, claim_filter=None) -> dict[str, Any]:
    features, unlocated = [], []
    for item in m.load_items(store, claim_filter):
        f = feature(item)
        if f is None:
            unlocated.append(item.id)
        else:
            features.append(f)
    return {"type": "FeatureCollection", "features": features,
            "sitrep": {"unlocated_claims": len(unlocated), "unlocated_ids": unlocated}}


def write(store, out: IO[str], claim_filter=None) -> int:
    """The collection with one feature per line (readable, diff-friendly, still one JSON document)."""
    data = collection(store, claim_filter)
    out.write('{"type": "FeatureCollection", "features": [\n')
    out.write(",\n".join(json.dumps(f, ensure_ascii=False) for f in data["features"]))
    out.write('\n], "sitrep": ' + json.dumps(data["sitrep"], ensure_ascii=False) + "}\n")
    return len(data["features"])
