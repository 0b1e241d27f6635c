"""GeoJSON: validates against an RFC 7946 schema, points and lines in longitude-latitude order, flat properties."""
from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema

from tests.test_export_common import check_golden, sample_store  # noqa: F401 - fixture

from sitrep.export import geojson

SCHEMA = json.loads((Path(__file__).parent / "data" / "geojson.schema.json").read_text())


def _export(store, f=None) -> str:
    buf = io.StringIO()
    geojson.write(store, buf, f)
    return buf.getvalue()


def test_validates_against_the_geojson_schema(sample_store):
    data = json.loads(_export(sample_store))
    jsonschema.validate(data, SCHEMA)
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 9


def test_schema_rejects_bad_geometry():
    bad = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [200, 95]}}]}
    try:
        jsonschema.validate(bad, SCHEMA)
    except jsonschema.ValidationError:
        return
    raise AssertionError("an out-of-range position passed the schema")


def test_points_lines_and_flat_properties(sample_store):
    data = json.loads(_export(sample_store))
    kinds = {}
    for f in data["features"]:
        kinds.setdefault(f["geometry"]["type"], []).append(f)
        assert all(not isinstance(v, (dict, list)) for v in f["properties"].values()), "QGIS needs flat properties"
    move = next(f for f in kinds["LineString"] if f["properties"]["destination"] == "T4 airbase"
                and not f["properties"]["restates"])
    # longitude first: Al-Bukamal, Palmyra (route), T4
    assert move["geometry"]["coordinates"] == [[40.9367, 34.4536], [38.2691, 34.5503], [37.6297, 34.5222]]
    attack = next(f for f in kinds["Point"] if f["properties"]["type"] == "attack")
    assert attack["properties"]["approximate"] is True and attack["properties"]["geo_precision"] == 3
    assert attack["properties"]["precision_m"] == 100000
    assert data["sitrep"]["unlocated_claims"] == 1     # the establishment names no place


def test_golden(sample_store):
    check_golden("claims.geojson", _export(sample_store))
