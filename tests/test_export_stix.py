"""STIX 2.1: the bundle re-parses with stix2.parse (no custom content allowed), ids and bytes are stable, confidence
follows Appendix A, places carry precision in metres, relationships link claims to places, actors and reports."""
from __future__ import annotations

import io
import json

import stix2

from tests.test_export_common import build_sample_store, check_golden, sample_store  # noqa: F401 - fixture

from sitrep.export import stix


def _export(store, f=None) -> str:
    buf = io.StringIO()
    stix.write(store, buf, f)
    return buf.getvalue()


def test_bundle_reparses_and_validates(sample_store):
    text = _export(sample_store)
    bundle = stix2.parse(text, allow_custom=False)      # strict: every object and property is valid STIX 2.1
    assert bundle.type == "bundle"
    types = {}
    for obj in bundle.objects:
        types.setdefault(obj.type, []).append(obj)
        assert obj.spec_version == "2.1"
    assert len(types["note"]) == 10 and len(types["report"]) == 2
    assert {"identity", "threat-actor", "location", "relationship", "extension-definition"} <= set(types)
    # every reference points at an object in the bundle
    ids = {o.id for o in bundle.objects}
    for obj in bundle.objects:
        for key in ("object_refs",):
            for ref in obj.get(key, []):
                assert ref in ids, (obj.id, ref)
        if obj.type == "relationship":
            assert obj.source_ref in ids and obj.target_ref in ids
    # re-serialising the parsed bundle gives the same JSON
    assert json.loads(bundle.serialize()) == json.loads(text)


def test_stable_ids_and_bytes(sample_store, tmp_path):
    other = build_sample_store(tmp_path / "other.db")
    assert _export(sample_store) == _export(other)


def test_confidence_precision_and_relationships(sample_store):
    bundle = stix2.parse(_export(sample_store))
    notes = {n.extensions[stix.CLAIM_EXT]["claim_type"] + ("/planned" if n.extensions[stix.CLAIM_EXT]["modality"]
             == "planned" else "") + ("/neg" if n.extensions[stix.CLAIM_EXT]["negated"] else "")
             + ("/restated" if "restates" in n.extensions[stix.CLAIM_EXT] else ""): n
             for n in bundle.objects if n.type == "note"}
    assert notes["movement"].confidence == 70           # stated plainly: Admiralty 2, "probably true"
    assert notes["transfer"].confidence == 30           # "allegedly": 4, "doubtful"
    assert notes["meeting"].confidence == 50            # "reportedly": 3, "possibly true"
    assert notes["movement"].content.startswith("on the previous day the IRGC moved")
    locations = {o.name: o for o in bundle.objects if o.type == "location"}
    assert locations["T4 airbase"].precision == 1000.0 and locations["Al-Bukamal"].precision == 5000.0
    assert locations["Deir ez-Zor countryside"].precision == 100000.0
    rels = [o for o in bundle.objects if o.type == "relationship" and o.source_ref == notes["movement"].id]
    kinds = {r.relationship_type for r in rels}
    assert {"located-at", "attributed-to", "derived-from", "related-to"} <= kinds
    report = next(o for o in bundle.objects if o.type == "report" and o.id in
                  [r.target_ref for r in rels if r.relationship_type == "derived-from"])
    assert report.name.startswith("Syrian Opposition Websites")
    assert notes["movement"].id in report.object_refs
    publisher = next(o for o in bundle.objects if o.id == report.created_by_ref)
    assert publisher.name == "Levant Monitoring Desk"
    assert publisher.extensions[stix.SOURCE_EXT]["admiralty_reliability"] == "F"
    actors = {o.name: o.type for o in bundle.objects if o.type in ("threat-actor", "identity")}
    assert actors["Islamic Revolutionary Guard Corps"] == "threat-actor"


def test_hostile_text_is_carried_as_data(sample_store):
    bundle = stix2.parse(_export(sample_store))
    report = next(o for o in bundle.objects if o.type == "report" and o.name.startswith("<script>"))
    assert report.name == '<script>alert(1)</script> Militia Drones Hit Base & "Conoco"'


def test_golden(sample_store):
    check_golden("bundle.stix.json", _export(sample_store))
