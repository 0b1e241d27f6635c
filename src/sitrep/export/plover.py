"""plover: PLOVER-style event records, one JSON object per line (the PLOVER manual's recommended JSONL).

Field names follow the PLOVER manual (draft 0.7b1, "JSON Data Fields"): id, date, source and recipient (actor objects:
code, sector, actor_text, identifier_text), event, mode, context, event_loc (GeoNames-style location object),
event_text, quad_code, event_scale, text_info, cite_info, coder, comment, and size (dead, injured, arrested where the
claim counts them). ``event`` comes from sitrep's type (``data/export/mappings.yaml``, after FORMAT.md), ``mode`` where
one fits (AID military, MOBILIZE troops, COERCE arrest, ASSAULT by weapon). Planned claims carry the ``future``
context, negated ones ``negation`` (PLOVER's own contexts); restatements of a body claim are left out.
Extra sitrep fields are prefixed ``sitrep_``.
"""
from __future__ import annotations

import json
from typing import IO, Any

from sitrep.export import mappings as m

UNIT = "events"
CODEBOOK = "plover-0.7b1 (sitrep mapping, data/export/mappings.yaml)"


def _actor(actor: dict[str, Any], report: m.ReportInfo) -> dict[str, Any]:
    out: dict[str, Any] = {}
    country = m.actor_country(actor, report)
    if country:
        out["code"] = m.country_info(country)["iso3"] or country
    sector = m.tables()["plover_sector"].get(m.actor_kind(actor, report))
    if sector:
        out["sector"] = sector
    if actor.get("mention"):
        out["actor_text"] = actor["mention"]
    out["identifier_text"] = actor.get("name")
    return out


def _location(place: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"name": place.get("name")}
    gid = place.get("gazetteer_id") or ""
    if gid.startswith("geonames:") and gid.split(":", 1)[1].isdigit():
        out["geonameid"] = int(gid.split(":", 1)[1])
    if m.located(place):
        out["latitude"], out["longitude"] = place["lat"], place["lon"]
    if place.get("country"):
        out["country code"] = place["country"]
        cc3 = m.country_info(place["country"])["iso3"]
        if cc3:
            out["cc3"] = cc3
    if place.get("admin1"):
        out["admin1"] = place["admin1"]
    out["sitrep_kind"] = place.get("kind")
    out["sitrep_geo_precision"] = place.get("precision") or 1
    return out


def _size(claim: dict[str, Any]) -> dict[str, Any]:
    units = {"dead": {"killed", "dead", "deaths", "fatalities", "bodies"}, "injured": {"injured", "wounded"},
             "arrested": {"arrested", "detained", "detainees", "people arrested"}}
    size: dict[str, Any] = {}
    for q in claim.get("quantities") or []:
        unit = (q.get("unit") or "").lower()
        for key, words in units.items():
            if unit in words and q.get("value") is not None:
                size[key] = size.get(key, 0) + q["value"]
    return size


def record(item: m.Item) -> dict[str, Any] | None:
    claim, report = item.claim, item.report
    if m.is_restatement(claim):
        return None
    entry = m.type_entry(claim).get("plover") or {}
    event = entry.get("event")
    if not event:
        return None
    rule = m.attack_rule(claim)
    mode = (rule or {}).get("plover_mode") or entry.get("mode")
    context = list(entry.get("context") or [])
    if claim.get("modality") == "planned":
        context.append("future")
    if claim.get("negated"):
        context.append("negation")
    day, _, how = m.event_date(claim, report)
    place = m.primary_place(claim)
    ev = claim.get("evidence") or {}
    chain = m.source_chain(claim, report)
    cite: dict[str, Any] = {"title": report.title, "publication": report.publisher, "citation": report.dispatch,
                            "coder": "sitrep", "codebook": CODEBOOK, "corpus": "sitrep store"}
    if report.origin.startswith(("http://", "https://")):
        cite["url"] = report.origin
    comment = m.summary(claim) + "."
    if chain:
        comment += " Source: " + " > ".join(
            c["name"] + (f" ({c['sourcing']})" if c.get("sourcing") else "") for c in chain) + "."
    rec: dict[str, Any] = {
        "id": f"sitrep-{item.id}",
        "date": day,
        "source": [_actor(a, report) for a in m.agents(claim)],
        "recipient": [_actor(a, report) for a in m.others(claim)],
        "event": [event],
        "mode": [mode] if mode else [],
        "context": context,
        "event_loc": _location(place) if place else None,
        "event_text": [ev.get("text")] if ev.get("text") else [],
        "quad_code": m.tables()["plover_quad"].get(event),
        "event_scale": m.tables()["plover_scale"].get(event),
        "text_info": {"start": ev.get("start"), "end": ev.get("end")},
        "cite_info": {k: v for k, v in cite.items() if v is not None},
        "coder": "sitrep",
        "comment": comment,
        "sitrep_claim_type": claim.get("type"),
        "sitrep_modality": claim.get("modality"),
        "sitrep_negated": bool(claim.get("negated")),
        "sitrep_certainty": claim.get("certainty"),
        "sitrep_date": claim.get("date"),
        "sitrep_date_precision": claim.get("date_precision"),
        "sitrep_date_from": how,
        "sitrep_places": [_location(p) | {"role": p.get("role") or "site"} for p in claim.get("places") or []],
        "sitrep_source": [{k: v for k, v in c.items() if v is not None} for c in chain],
        "sitrep_report_id": item.report_id,
        "sitrep_optional": bool(claim.get("optional")),
    }
    size = _size(claim)
    if size:
        rec["size"] = size
    return rec


def records(store, claim_filter=None) -> list[dict[str, Any]]:
    return [r for r in (record(i) for i in m.load_items(store, claim_filter)) if r is not None]


def write(store, out: IO[str], claim_filter=None) -> int:
    n = 0
    for rec in records(store, claim_filter):
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n
