"""PLOVER-style JSON lines: PLOVER categories and modes, contexts for plans and negations, golden file."""
from __future__ import annotations

import io
import json

from tests.test_export_common import check_golden, sample_store  # noqa: F401 - fixture

from sitrep.export import plover


def _export(store, f=None) -> str:
    buf = io.StringIO()
    plover.write(store, buf, f)
    return buf.getvalue()


def test_records_map_types_to_plover(sample_store):
    recs = [json.loads(line) for line in _export(sample_store).splitlines()]
    assert len(recs) == 9                          # the restatement is the same event: left out
    by_type = {}
    for r in recs:
        assert r["id"].startswith("sitrep-") and r["date"] and r["event"]
        by_type.setdefault(r["sitrep_claim_type"], []).append(r)
    assert by_type["attack"][0]["event"] == ["ASSAULT"] and by_type["attack"][0]["mode"] == ["heavy-weapons"]
    assert by_type["transfer"][0]["event"] == ["AID"] and by_type["transfer"][0]["mode"] == ["military"]
    assert by_type["meeting"][0]["event"] == ["CONSULT"]
    assert by_type["recruitment"][0]["event"] == ["MOBILIZE"]
    assert by_type["establishment"][0]["event"] == ["MOBILIZE"]
    assert by_type["training"][0]["event"] == ["COOPERATE"] and "future" in by_type["training"][0]["context"]
    negated = [r for r in by_type["movement"] if r["sitrep_negated"]]
    assert negated and "negation" in negated[0]["context"]
    move = next(r for r in by_type["movement"] if not r["sitrep_negated"])
    assert move["source"][0] == {"code": "IRN", "sector": "MIL", "actor_text": "the IRGC",
                                 "identifier_text": "Islamic Revolutionary Guard Corps"}
    assert move["event_loc"]["name"] == "T4 airbase" and move["quad_code"] == 4


def test_golden(sample_store):
    check_golden("plover.jsonl", _export(sample_store))
