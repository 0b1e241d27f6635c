"""Exports: the stored record in the formats the field uses. Each format is a module with ``write(store, out, ...)``.

FORMATS maps a format name to the module path of its writer. Every writer reads claims through ``Store.claims`` (so
reviewed values are used and rejected claims left out) and takes the same ``ClaimFilter`` (or None for everything).
A writer may set ``UNIT`` (what its count counts) and ``BINARY`` (writes bytes).

The written situation report is not a FORMAT: ``sitrep.export.brief.render_brief(store, claim_filter, fmt)``.
"""
FORMATS = {
    "reports-jsonl": "sitrep.export.jsonl",   # one JSON object per report (../shared/eval/score.py's shape)
    "acled": "sitrep.export.acled",           # ACLED-style CSV, ACLED's columns and order
    "geojson": "sitrep.export.geojson",       # RFC 7946 FeatureCollection: claims as points, movements as lines
    "stix": "sitrep.export.stix",             # STIX 2.1 bundle (stix2 library)
    "plover": "sitrep.export.plover",         # PLOVER-style JSON lines
}

# Media types, for the API (issue 6) and anyone serving the files.
MEDIA_TYPES = {
    "reports-jsonl": "application/x-ndjson",
    "acled": "text/csv",
    "geojson": "application/geo+json",
    "stix": "application/stix+json;version=2.1",
    "plover": "application/x-ndjson",
}
EXTENSIONS = {"reports-jsonl": ".jsonl", "acled": ".csv", "geojson": ".geojson", "stix": ".json", "plover": ".jsonl"}
