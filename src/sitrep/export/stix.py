"""stix: a STIX 2.1 bundle, built and validated with the ``stix2`` library.

What goes in:

- each report as a ``report`` (``created_by_ref`` its publisher; the original's SHA-256 and footnotes as external
  references);
- the publisher and each cited outlet as an ``identity`` carrying the ``x-sitrep-source`` property extension
  (outlet kind and Admiralty source reliability: F, "cannot be judged", unless the knowledge base rates the outlet);
- actors as ``threat-actor`` (forces, units, militias, parties, collectives) or ``identity`` (states, organisations),
  named persons as ``identity`` (individual);
- places as ``location`` with ``precision`` in metres (from the place's ACLED geo_precision and kind);
- each claim as a ``note`` (content: the evidence passage; abstract: sitrep's one-line summary) whose ``object_refs``
  name the report, actors, places, persons and outlet, with the claim's fields in the ``x-sitrep-claim`` property
  extension and ``confidence`` mapped from its hedge through the Admiralty credibility scale as the STIX 2.1
  specification's Appendix A maps it;
- relationships from each claim: ``located-at`` its places, ``attributed-to`` the actors that did it, ``related-to``
  the others (their role in the description) and its outlet, ``derived-from`` the report it was read in.

Ids are uuid5 of sitrep's own ids, and timestamps come from the stored data (a claim's and a report's: the report's
publication day; shared objects such as actors and places: a fixed date), so exporting the same store twice gives
the same bundle, byte for byte.
"""
from __future__ import annotations

import json
import uuid
from typing import IO, Any

from stix2 import v21

from sitrep.export import mappings as m

UNIT = "claims"
NAMESPACE = uuid.UUID("6f1c3a52-8d0e-5b7a-9a41-2f7c1e9b5d30")
EPOCH = "2024-01-01T00:00:00Z"       # created/modified of shared reference objects (sitrep, actors, places, outlets)
THREAT_ACTOR_KINDS = {"force", "unit", "militia", "collective", "party", "unknown"}


def sid(stix_type: str, key: str) -> str:
    return f"{stix_type}--{uuid.uuid5(NAMESPACE, f'{stix_type}:{key}')}"


SITREP_ID = sid("identity", "sitrep")
CLAIM_EXT = sid("extension-definition", "x-sitrep-claim")
SOURCE_EXT = sid("extension-definition", "x-sitrep-source")


def _common(created: str = EPOCH) -> dict[str, Any]:
    return {"created": created, "modified": created, "spec_version": "2.1"}


def _definitions() -> list[Any]:
    sitrep = v21.Identity(id=SITREP_ID, name="sitrep", identity_class="system",
                          description="sitrep: open-source intelligence reports turned into a sourced, geolocated "
                                      "record of claims.", **_common())
    claim_ext = v21.ExtensionDefinition(
        id=CLAIM_EXT, created_by_ref=SITREP_ID, name="x-sitrep-claim", version="1.0",
        extension_types=["property-extension"], **_common(),
        description="A sitrep claim carried by a note: what a report says happened or is planned.",
        schema="Properties (all optional except claim_id and claim_type): claim_id (sitrep's stable claim id), "
               "claim_type (movement, transfer, meeting, training, recruitment, directive, posture, attack, "
               "seizure, agreement, establishment, arrest), modality (occurred or planned), negated (boolean), "
               "certainty (the hedge as written), admiralty_credibility (1-6) and its label, date (YYYY, YYYY-MM or "
               "YYYY-MM-DD) and date_precision (day, week, month, year), acled_event_type, acled_sub_event_type, "
               "plover_event, plover_mode, source_name, source_kind, sourcing, source_date, footnote, "
               "evidence_start and evidence_end (character offsets in the report's text), optional (background or "
               "restatement), restates (the claim id restated), quantities (list of {value, unit, qualifier}), "
               "equipment (list of strings), report_id.")
    source_ext = v21.ExtensionDefinition(
        id=SOURCE_EXT, created_by_ref=SITREP_ID, name="x-sitrep-source", version="1.0",
        extension_types=["property-extension"], **_common(),
        description="How a publisher or outlet is rated as a source.",
        schema="Properties: source_kind (publisher, website, telegram, newspaper, agency, tv, statement, monitor), "
               "admiralty_reliability (A-F, NATO/Admiralty source reliability) and admiralty_reliability_label, "
               "orientation and country where known.")
    return [sitrep, claim_ext, source_ext]


class _Builder:
    def __init__(self) -> None:
        self.objects: dict[str, Any] = {}
        for obj in _definitions():
            self.objects[obj.id] = obj
        self.notes = 0

    def add(self, obj) -> str:
        self.objects.setdefault(obj.id, obj)
        return obj.id

    # -- shared objects ----------------------------------------------------------------------------------------
    def source_identity(self, name: str, kind: str, entry: dict[str, Any] | None = None) -> str:
        key = f"source:{name}"
        ident = sid("identity", key)
        if ident in self.objects:
            return ident
        reliability = m.tables()["reliability_default"]
        try:
            from sitrep.kb.actors import load_kb
            kb_entry = load_kb().outlet(name)
        except Exception:  # noqa: BLE001 - the knowledge base is optional here
            kb_entry = None
        reliability = getattr(kb_entry, "reliability", None) or reliability
        ext: dict[str, Any] = {"extension_type": "property-extension", "source_kind": kind,
                               "admiralty_reliability": reliability,
                               "admiralty_reliability_label": m.tables()["reliability_labels"].get(reliability, "")}
        for k in ("orientation", "country"):
            if entry and entry.get(k):
                ext[k] = entry[k]
        return self.add(v21.Identity(id=ident, name=name, identity_class="organization",
                                     description=f"{'Publisher' if kind == 'publisher' else 'Outlet'} ({kind})",
                                     created_by_ref=SITREP_ID, extensions={SOURCE_EXT: ext}, **_common()))

    def actor(self, actor: dict[str, Any], report: m.ReportInfo) -> str:
        name = actor["name"]
        kind = m.actor_kind(actor, report)
        desc = f"sitrep actor kind: {kind}"
        if actor.get("parent"):
            desc += f"; part of {actor['parent']}"
        country = m.actor_country(actor, report)
        if country:
            desc += f"; country: {country}"
        if kind in THREAT_ACTOR_KINDS:
            ident = sid("threat-actor", f"actor:{name}")
            if ident not in self.objects:
                self.add(v21.ThreatActor(id=ident, name=name, description=desc, created_by_ref=SITREP_ID,
                                         **_common()))
            return ident
        ident = sid("identity", f"actor:{name}")
        if ident not in self.objects:
            self.add(v21.Identity(id=ident, name=name, identity_class="organization", description=desc,
                                  created_by_ref=SITREP_ID, **_common()))
        return ident

    def person(self, person: dict[str, Any]) -> str:
        ident = sid("identity", f"person:{person['name']}")
        if ident not in self.objects:
            kw: dict[str, Any] = {}
            if person.get("affiliation"):
                kw["description"] = f"Affiliation: {person['affiliation']}"
            self.add(v21.Identity(id=ident, name=person["name"], identity_class="individual",
                                  created_by_ref=SITREP_ID, **kw, **_common()))
        return ident

    def location(self, place: dict[str, Any]) -> str | None:
        key = place.get("gazetteer_id") or f"{place.get('name')}|{place.get('lat')}|{place.get('lon')}"
        ident = sid("location", f"place:{key}")
        if ident in self.objects:
            return ident
        kw: dict[str, Any] = {"name": place.get("name") or "unnamed place"}
        if m.located(place):
            kw.update(latitude=round(float(place["lat"]), 5), longitude=round(float(place["lon"]), 5),
                      precision=m.precision_m(place))
        elif not place.get("country"):
            return None
        if place.get("country"):
            kw["country"] = place["country"]
        if place.get("admin1"):
            kw["administrative_area"] = place["admin1"]
        desc = [f"kind: {place.get('kind') or 'place'}", f"ACLED geo_precision: {place.get('precision') or 1}"]
        if (place.get("precision") or 1) >= 3:
            desc.append("a region, not a point: the coordinates are its centre")
        if place.get("anchor"):
            desc.append(f"{place.get('relation') or 'near'} {place['anchor']}")
        return self.add(v21.Location(id=ident, description="; ".join(desc), created_by_ref=SITREP_ID, **kw,
                                     **_common()))

    # -- per claim ---------------------------------------------------------------------------------------------
    def relationship(self, rel_type: str, source: str, target: str, created: str, description: str | None = None):
        key = f"{rel_type}:{source}:{target}"
        kw = {"description": description} if description else {}
        self.add(v21.Relationship(id=sid("relationship", key), relationship_type=rel_type, source_ref=source,
                                  target_ref=target, created_by_ref=SITREP_ID, **kw, **_common(created)))

    def claim(self, item: m.Item, report_ref: str) -> str:
        claim, report = item.claim, item.report
        created = m.iso_datetime(report.published, fallback=EPOCH[:10])
        refs: list[str] = [report_ref]
        note_id = sid("note", f"claim:{item.id}")
        rels: list[tuple[str, str, str | None]] = []
        for a in claim.get("actors") or []:
            ref = self.actor(a, report)
            refs.append(ref)
            role = a.get("role") or "agent"
            rels.append(("attributed-to", ref, None) if role == "agent" else ("related-to", ref, role))
        for p in claim.get("places") or []:
            ref = self.location(p)
            if ref:
                refs.append(ref)
                rels.append(("located-at", ref, p.get("role") or "site"))
        for person in claim.get("persons") or []:
            if person.get("name"):
                refs.append(self.person(person))
        src = claim.get("source") or {}
        if src.get("name"):
            ref = self.source_identity(src["name"], src.get("kind") or "website", report.outlets.get(src["name"]))
            refs.append(ref)
            rels.append(("related-to", ref, "source: the outlet the claim is attributed to"))
        entry = m.type_entry(claim)
        rule = m.attack_rule(claim)
        acled = (rule or {}).get("acled") or entry.get("acled") or {}
        plover = entry.get("plover") or {}
        cred = m.credibility(claim)
        ext: dict[str, Any] = {
            "extension_type": "property-extension", "claim_id": item.id, "claim_type": claim.get("type"),
            "modality": claim.get("modality"), "negated": bool(claim.get("negated")),
            "admiralty_credibility": cred,
            "admiralty_credibility_label": m.tables()["credibility_labels"].get(cred, ""),
            "acled_event_type": acled.get("event_type"), "acled_sub_event_type": acled.get("sub_event_type"),
            "plover_event": plover.get("event"), "report_id": item.report_id,
            "optional": bool(claim.get("optional")),
        }
        mode = (rule or {}).get("plover_mode") or plover.get("mode")
        if mode:
            ext["plover_mode"] = mode
        for k in ("certainty", "date", "date_precision"):
            if claim.get(k):
                ext[k] = claim[k]
        ev = claim.get("evidence") or {}
        if ev.get("start") is not None:
            ext["evidence_start"], ext["evidence_end"] = int(ev["start"]), int(ev["end"])
        for k_src, k_ext in (("name", "source_name"), ("kind", "source_kind"), ("sourcing", "sourcing"),
                             ("outlet_date", "source_date"), ("footnote", "footnote")):
            if src.get(k_src) is not None:
                ext[k_ext] = src[k_src]
        if claim.get("restates"):
            ext["restates"] = claim["restates"]
        if claim.get("quantities"):
            ext["quantities"] = [{k: q.get(k) for k in ("value", "unit", "qualifier") if q.get(k) is not None}
                                 for q in claim["quantities"]]
        if claim.get("equipment"):
            ext["equipment"] = list(claim["equipment"])
        kw: dict[str, Any] = {}
        confidence = m.stix_confidence(claim)
        if confidence is not None:
            kw["confidence"] = confidence
        authors = [c["name"] for c in m.source_chain(claim, report)]
        if authors:
            kw["authors"] = authors
        labels = [claim.get("type") or "claim", claim.get("modality") or "occurred"]
        if claim.get("negated"):
            labels.append("negated")
        self.add(v21.Note(id=note_id, abstract=m.summary(claim)[:1000], content=ev.get("text") or m.summary(claim),
                          object_refs=list(dict.fromkeys(refs)), labels=labels, created_by_ref=SITREP_ID,
                          extensions={CLAIM_EXT: ext}, **kw, **_common(created)))
        for rel_type, target, desc in rels:
            self.relationship(rel_type, note_id, target, created, desc)
        self.relationship("derived-from", note_id, report_ref, created, "the report the claim was read in")
        self.notes += 1
        return note_id

    def report(self, report: m.ReportInfo, claim_refs: list[str]) -> None:
        created = m.iso_datetime(report.published, fallback=EPOCH[:10])
        refs = list(claim_refs)
        kw: dict[str, Any] = {}
        if report.publisher:
            kw["created_by_ref"] = self.source_identity(report.publisher, "publisher")
        else:
            kw["created_by_ref"] = SITREP_ID
        ext_refs = [{"source_name": report.publisher or "original report",
                     "description": report.dispatch or "the original report, as ingested",
                     "external_id": report.id, "hashes": {"SHA-256": report.id}}]
        if report.origin.startswith(("http://", "https://")):
            ext_refs[0]["url"] = report.origin
        for number in sorted(report.footnotes):
            fn = report.footnotes[number]
            ext_refs.append({"source_name": fn.get("outlet") or f"footnote {number}",
                             "description": f"[{number}] {fn.get('text') or ''}".strip()})
        # The report names every object its claims refer to (and the claims' relationships).
        related: list[str] = []
        for ref in refs:
            note = self.objects[ref]
            related.extend(note.object_refs)
        rels = [oid for oid, obj in self.objects.items() if oid.startswith("relationship--")
                and obj.source_ref in refs]
        object_refs = list(dict.fromkeys(refs + related + rels)) or [kw["created_by_ref"]]
        object_refs = [r for r in object_refs if r != sid("report", report.id)] or [kw["created_by_ref"]]
        self.add(v21.Report(id=sid("report", report.id), name=report.title or report.origin,
                            published=m.iso_datetime(report.published, fallback=EPOCH[:10]),
                            report_types=["threat-report"], object_refs=object_refs,
                            description=f"Publisher: {report.publisher or 'unknown'}; origin: {report.origin}",
                            external_references=ext_refs, **kw, **_common(created)))


def bundle(store, claim_filter=None) -> v21.Bundle:
    items = m.load_items(store, claim_filter)
    b = _Builder()
    by_report: dict[str, list[m.Item]] = {}
    for item in items:
        by_report.setdefault(item.report_id, []).append(item)
    for report_id, group in by_report.items():
        report_ref = sid("report", report_id)
        notes = [b.claim(item, report_ref) for item in group]
        b.report(group[0].report, notes)
    objects = list(b.objects.values())
    bundle_id = f"bundle--{uuid.uuid5(NAMESPACE, 'bundle:' + ','.join(sorted(o.id for o in objects)))}"
    return v21.Bundle(objects=objects, id=bundle_id)


def write(store, out: IO[str], claim_filter=None) -> int:
    result = bundle(store, claim_filter)
    # stix2's own pretty printer is quadratic on large bundles: indent its compact output instead (same key order)
    data = json.loads(result.serialize())
    out.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    return sum(1 for o in result.objects if o.type == "note")

