"""reports-jsonl: one JSON object per report, in the shape ``../shared/eval/score.py`` documents."""
from __future__ import annotations

import json
from typing import IO, Any

from sitrep.store.models import Report


def report_record(report: Report) -> dict[str, Any]:
    # Claims an analyst rejected in review are not part of the record.
    claims = [c for c in report.claims if c.status != "rejected"]
    return {
        "id": report.id,
        "origin": report.origin,
        "title": report.title,
        "published": report.published,
        "publisher": report.publisher,
        "dispatch": report.dispatch,
        "footnotes": [{"number": f.number, "text": f.text, "outlet": f.outlet, "date": f.date,
                       "markers": f.markers} for f in report.footnotes],
        "entities": report.entities,
        # A denial is kept as a claim in the store, but it is not an event: it gets its own list here.
        "claims": [c.data for c in claims if not c.negated],
        "negated_claims": [c.data for c in claims if c.negated],
        "extractor_version": report.extractor_version,
    }


def write(store, out: IO[str], claim_filter=None) -> int:
    """Write every report (or those with claims matching the filter); returns the count written."""
    wanted = None
    if claim_filter is not None:
        rows, _ = store.claims(claim_filter)
        wanted = {r.report_id for r in rows}
    n = 0
    for report in store.iter_reports():
        if wanted is not None and report.id not in wanted:
            continue
        out.write(json.dumps(report_record(report), ensure_ascii=False) + "\n")
        n += 1
    return n
UNIT = "reports"
