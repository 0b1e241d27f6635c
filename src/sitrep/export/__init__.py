"""Exports: the stored record in the formats the field uses. Each format is a module with ``write(store, out, ...)``.

FORMATS maps a format name to the module path of its writer.
"""
FORMATS = {
    "reports-jsonl": "sitrep.export.jsonl",
}
