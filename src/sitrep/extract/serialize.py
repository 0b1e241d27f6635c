"""A processed ``Doc`` as plain data: the report's entity lists and its claims, in the export's shape.

This shape is what the store keeps, what `sitrep export --format reports-jsonl` writes, and what
``../shared/eval/score.py`` reads.
"""
from __future__ import annotations

import hashlib
from typing import Any

from sitrep.extract.model import Claim, Doc, Mention

# ACLED time_precision: 1 the day is known, 2 the week (or a few days), 3 only the month or year.
ACLED_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}


def _round(x: float | None) -> float | None:
    return None if x is None else round(float(x), 5)


def place_dict(place, mention: str | None = None, role: str | None = None) -> dict[str, Any]:
    out = {"name": place.name, "lat": _round(place.lat), "lon": _round(place.lon), "country": place.country,
           "kind": place.kind, "precision": place.precision, "admin1": place.admin1, "gazetteer_id": place.id}
    if place.anchor:
        out["anchor"] = place.anchor
        out["relation"] = place.relation
    if mention is not None:
        out["mention"] = mention
    if role is not None:
        out["role"] = role
    return out


def _group(mentions: list[Mention], describe) -> list[dict[str, Any]]:
    """One entry per entity name, with every distinct surface mention, in order of first mention."""
    groups: dict[str, dict[str, Any]] = {}
    for m in mentions:
        entity = m.entity
        entry = groups.get(entity.name)
        if entry is None:
            entry = groups[entity.name] = describe(entity)
            entry["mentions"] = []
            entry["spans"] = []
        if m.text not in entry["mentions"]:
            entry["mentions"].append(m.text)
        entry["spans"].append([m.start, m.end])
    return list(groups.values())


def entities_of(doc: Doc) -> dict[str, list[dict[str, Any]]]:
    return {
        "actors": _group(doc.actors, lambda a: {"name": a.name, "kind": a.kind, "country": a.country,
                                                 "parent": a.parent, "known": a.known}),
        "persons": _group(doc.persons, lambda p: {"name": p.name, "title": p.title, "role": p.role,
                                                  "affiliation": p.affiliation}),
        "sources": _group(doc.sources, lambda o: {"name": o.name, "kind": o.kind, "country": o.country,
                                                  "orientation": o.orientation}),
        # Most precise first: a report's points, then its areas, then whole countries.
        "places": sorted(_group(doc.places, lambda p: place_dict(p)),
                         key=lambda p: (p["kind"] == "country", p["kind"] == "region")),
    }


def claim_id(report_id: str, claim: Claim) -> str:
    """Stable across re-extraction as long as the claim's type and evidence span stay the same."""
    trigger = claim.trigger.start if claim.trigger else -1
    key = f"{report_id}:{claim.type}:{claim.evidence.start}:{claim.evidence.end}:{trigger}"
    return hashlib.sha1(key.encode()).hexdigest()[:20]


def claim_dict(report_id: str, claim: Claim, version: str) -> dict[str, Any]:
    src = claim.source
    source = None
    if src is not None and (src.outlet is not None or src.publisher):
        source = {
            "name": src.outlet.name if src.outlet else src.publisher,
            "kind": src.outlet.kind if src.outlet else "publisher",
            "mention": src.outlet_mention.text if src.outlet_mention else None,
            "publisher": src.publisher,
            "outlet_date": src.outlet_date,
            "footnote": src.footnote,
            "sourcing": src.sourcing,
        }
    date = claim.date.value if claim.date else None
    precision = claim.date.precision if claim.date and claim.date.value else None
    return {
        "id": claim_id(report_id, claim),
        "type": claim.type,
        "modality": claim.modality,
        "negated": claim.negated,
        "certainty": claim.certainty,
        "date": date,
        "date_precision": precision,
        "time_precision": ACLED_TIME_PRECISION.get(precision) if precision else None,
        "actors": [{"name": a.actor.name, "mention": a.mention.text, "role": a.role, "kind": a.actor.kind,
                    "parent": a.actor.parent} for a in claim.actors],
        "places": [place_dict(p.place, p.mention.text, p.role) for p in claim.places],
        "source": source,
        "persons": [{"name": p.entity.name, "mention": p.text, "affiliation": getattr(p.entity, "affiliation", None)}
                    for p in claim.persons],
        "quantities": [{"value": q.value, "unit": q.unit, "qualifier": q.qualifier,
                        "text": q.span.text if q.span else None} for q in claim.quantities],
        "equipment": list(claim.equipment),
        "evidence": claim.evidence.as_dict(),
        "trigger": claim.trigger.as_dict() if claim.trigger else None,
        "optional": claim.optional,
        "restates": claim.restates,
        "fields": {k: v.as_dict() for k, v in claim.fields.items()},
        "extractor_version": version,
    }


def record_of(doc: Doc, version: str) -> dict[str, Any]:
    """{"entities": ..., "claims": [...]} for one processed report.

    A headline or summary claim that restates a body claim is not a claim of its own: its evidence is folded into
    the body claim's ``restatements``, so the same happening is never counted twice.
    """
    claims = [claim_dict(doc.meta.id, c, version) for c in doc.claims]
    kept = []
    for claim in claims:
        index = claim.pop("restates")
        if index is not None and 0 <= index < len(claims) and claims[index] is not claim:
            claims[index].setdefault("restatements", []).append(
                {"evidence": claim["evidence"], "id": claim["id"]})
        else:
            kept.append(claim)
    for claim in kept:
        claim.setdefault("restatements", [])
    return {"entities": entities_of(doc), "claims": kept}
