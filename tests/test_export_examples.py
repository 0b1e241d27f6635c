"""Smoke test: the bundled example reports through the real pipeline, then every export format and the brief.

No exact values (the extractor changes): the formats must be valid and consistent with one another."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
import stix2

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "reports"


@pytest.fixture(scope="module")
def example_store(tmp_path_factory):
    from sitrep.ingest import ingest_paths
    from sitrep.store import open_store

    store = open_store(str(tmp_path_factory.mktemp("examples") / "examples.db"))
    summary = ingest_paths(store, [EXAMPLES])
    # The examples ship with the project: a pipeline that stores or finds nothing in them is broken.
    assert summary.new and not summary.failed, summary.failed[:3]
    assert store.claims(limit=1)[1] > 0, "the pipeline found no claims in the examples"
    return store


def _run(module, store, f=None) -> str:
    buf = io.StringIO(newline="")
    n = module.write(store, buf, f)
    assert n > 0 or f is not None, f"{module.__name__} wrote nothing"
    return buf.getvalue()


def test_all_formats_on_the_examples(example_store):
    from sitrep.export import acled, geojson, plover, stix

    total = example_store.claims()[1]
    rows = list(csv.DictReader(io.StringIO(_run(acled, example_store), newline="")))
    assert rows and len(rows) <= total
    assert list(rows[0]) == acled.COLUMNS
    assert len({r["event_id_cnty"] for r in rows}) == len(rows)
    assert all(r["time_precision"] in ("1", "2", "3") for r in rows)

    schema = json.loads((Path(__file__).parent / "data" / "geojson.schema.json").read_text())
    gj = json.loads(_run(geojson, example_store))
    jsonschema.validate(gj, schema)
    assert gj["features"] and len(gj["features"]) + gj["sitrep"]["unlocated_claims"] == total

    bundle = stix2.parse(_run(stix, example_store), allow_custom=False)
    assert sum(1 for o in bundle.objects if o.type == "note") == total
    assert sum(1 for o in bundle.objects if o.type == "report") == len(example_store.report_ids())

    recs = [json.loads(line) for line in _run(plover, example_store).splitlines()]
    assert recs and all(r["event"] and r["id"].startswith("sitrep-") for r in recs)
    # re-exports are identical
    assert _run(stix, example_store) == _run(stix, example_store)
    assert _run(acled, example_store) == _run(acled, example_store)


def test_brief_on_the_examples(example_store, tmp_path):
    from sitrep.export.brief import render_brief

    text = render_brief(example_store, None, "md", asset_dir=tmp_path, asset_stem="examples")
    assert text.startswith("# Situation report") and "## Sources" in text
    assert (tmp_path / "examples-map.png").stat().st_size > 5000
    page = render_brief(example_store, None, "html")
    assert "<script" not in page.lower() and page.count("data:image/png;base64,") == 2
