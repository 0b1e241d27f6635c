"""Ingestion: files, folders, URLs, feeds and Telegram exports in; reports and their claims stored, one transaction
per report.

    summary = ingest_paths(store, ["reports/", "channel/result.json", "https://example.org/feed.xml"], workers=2)
    summary.new, summary.unchanged, summary.failed   # failed: [(input, reason), ...]
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.extract.model import ReportMeta
from sitrep.ingest.decode import UnreadableReport
from sitrep.ingest.loader import PreparedReport, prepare, report_id
from sitrep.ingest.sources import Item, expand


@dataclass
class IngestSummary:
    new: list[str] = field(default_factory=list)          # report ids
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)   # (input, reason)


def collect_items(inputs: Iterable[str | Path]) -> tuple[list[Item], list[tuple[str, str]]]:
    """The reports that the inputs hold (folders walked recursively, feeds and exports expanded), and the inputs
    that cannot be read at all."""
    return expand(inputs)


def collect_files(inputs: Iterable[str | Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """The files among the expanded inputs (for tools that read files themselves), and the unreadable inputs."""
    items, errors = expand(inputs)
    return [i.path for i in items if i.path is not None], errors


def extract_prepared(prepared: PreparedReport) -> tuple[dict, str]:
    """Run the pipeline over a prepared report: (record, extractor version)."""
    from sitrep.extract.pipeline import EXTRACTOR_VERSION, extract
    from sitrep.extract.serialize import record_of

    meta = ReportMeta(id=prepared.id, origin=prepared.origin, title=prepared.meta.title,
                      published=prepared.meta.published, publisher=prepared.meta.publisher,
                      dispatch=prepared.meta.dispatch, footnotes=prepared.meta.footnotes)
    doc = extract(prepared.text, meta, prepared.meta.body)
    return record_of(doc, EXTRACTOR_VERSION), EXTRACTOR_VERSION


def process_item(item: Item) -> tuple[str, PreparedReport | None, dict | None, str | None, str | None]:
    """Read and extract one report (in a worker process): (origin, prepared, record, version, error)."""
    try:
        prepared = prepare(item.read(), item.origin, item.content_type)
    except UnreadableReport as exc:
        return item.origin, None, None, None, str(exc)
    try:
        record, version = extract_prepared(prepared)
    except Exception as exc:  # noqa: BLE001 - one bad report must not stop the others
        return item.origin, None, None, None, f"extraction failed: {type(exc).__name__}: {exc}"
    return item.origin, prepared, record, version, None


def _warm_up() -> None:
    from sitrep.extract.pipeline import default_pipeline
    default_pipeline()


def ingest_items(store, items: list[Item], workers: int = 1,
                 progress: Callable[[str, str], None] | None = None, summary: IngestSummary | None = None
                 ) -> IngestSummary:
    """Ingest expanded items. ``progress(origin, outcome)`` is called after each one."""
    summary = summary or IngestSummary()

    def done(origin: str, outcome: str) -> None:
        if progress:
            progress(origin, outcome)

    def store_one(origin, prepared, record, version, error):
        if error is None:
            try:
                outcome = store.save_report(prepared, record, version)
            except Exception as exc:  # noqa: BLE001 - the transaction rolled back; report and go on
                error = f"could not be stored: {type(exc).__name__}: {exc}"
            else:
                (summary.new if outcome == "new" else summary.unchanged).append(prepared.id)
        if error is not None:
            summary.failed.append((origin, error))
            outcome = "failed"
        done(origin, outcome)

    # The pipeline is skipped for reports whose exact bytes are already stored.
    todo = []
    for item in items:
        try:
            rid = report_id(item.read())
        except UnreadableReport as exc:
            summary.failed.append((item.origin, str(exc)))
            done(item.origin, "failed")
            continue
        if store.has_report(rid):
            summary.unchanged.append(rid)
            done(item.origin, "unchanged")
        else:
            todo.append(item)

    workers = max(1, min(workers, os.cpu_count() or 1, len(todo) or 1))
    if workers == 1:
        for item in todo:
            store_one(*process_item(item))
    else:
        with ProcessPoolExecutor(max_workers=workers, initializer=_warm_up) as pool:
            for result in pool.map(process_item, todo, chunksize=4):
                store_one(*result)
    return summary


def ingest_paths(store, inputs: Iterable[str | Path], workers: int = 1,
                 progress: Callable[[str, str], None] | None = None) -> IngestSummary:
    """Ingest files, folders, URLs, feeds and Telegram exports into the store."""
    items, errors = collect_items(inputs)
    summary = IngestSummary(failed=list(errors))
    for origin, _ in errors:
        if progress:
            progress(origin, "failed")
    return ingest_items(store, items, workers=workers, progress=progress, summary=summary)


def ingest_bytes(store, raw: bytes, origin: str, content_type: str | None = None) -> tuple[str, str]:
    """Ingest one report given as bytes (uploads): (report id, "new" | "unchanged"). Raises UnreadableReport."""
    prepared = prepare(raw, origin, content_type)
    if store.has_report(prepared.id):
        return prepared.id, "unchanged"
    record, version = extract_prepared(prepared)
    return prepared.id, store.save_report(prepared, record, version)


@dataclass
class ReprocessSummary:
    done: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)     # (origin, reason): old extraction kept
    orphaned_reviews: int = 0       # reviewed claims the new extraction no longer makes (their reviews are kept)


def reprocess(store, progress: Callable[[str, str], None] | None = None) -> ReprocessSummary:
    """Re-run extraction over every stored report from its stored original."""
    summary = ReprocessSummary()
    for rid in store.report_ids():
        report = store.report(rid)
        try:
            # dated by the day it first came in, so a yearless dateline means what it meant then
            received = report.ingested_at.date() if report.ingested_at else None
            prepared = prepare(report.raw, report.origin, report.content_type, received)
            record, version = extract_prepared(prepared)
            summary.orphaned_reviews += store.replace_extraction(rid, record, version, prepared)
            summary.done += 1
            outcome = "reprocessed"
        except Exception as exc:  # noqa: BLE001 - keep the old extraction of a report that fails now
            summary.failed.append((report.origin, f"{type(exc).__name__}: {exc}"))
            outcome = "failed"
        if progress:
            progress(report.origin, outcome)
    return summary


__all__ = ["ingest_paths", "ingest_items", "ingest_bytes", "reprocess", "ReprocessSummary", "collect_items", "collect_files",
           "IngestSummary",
           "UnreadableReport"]
