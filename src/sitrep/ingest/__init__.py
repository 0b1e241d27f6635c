"""Ingestion: files and folders in, reports and their claims stored, one transaction per report.

    summary = ingest_paths(store, ["reports/"], workers=2)
    summary.new, summary.unchanged, summary.failed   # failed: [(path, reason), ...]
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.extract.model import ReportMeta
from sitrep.ingest.decode import UnreadableReport
from sitrep.ingest.loader import SUFFIXES, PreparedReport, prepare, read_file


@dataclass
class IngestSummary:
    new: list[str] = field(default_factory=list)          # report ids
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)   # (path, reason)


def collect_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files to ingest (folders walked recursively, sorted) and the paths that cannot be read at all."""
    files, errors = [], []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
                           and not any(part.startswith(".") for part in f.relative_to(path).parts))
            files.extend(found)
        elif path.is_file():
            files.append(path)
        elif path.exists():
            errors.append((str(path), "not a regular file"))
        else:
            errors.append((str(path), "no such file or folder"))
    return files, errors


def extract_prepared(prepared: PreparedReport) -> tuple[dict, str]:
    """Run the pipeline over a prepared report: (record, extractor version)."""
    from sitrep.extract.pipeline import EXTRACTOR_VERSION, extract
    from sitrep.extract.serialize import record_of

    meta = ReportMeta(id=prepared.id, origin=prepared.origin, title=prepared.meta.title,
                      published=prepared.meta.published, publisher=prepared.meta.publisher,
                      dispatch=prepared.meta.dispatch, footnotes=prepared.meta.footnotes)
    doc = extract(prepared.text, meta, prepared.meta.body)
    return record_of(doc, EXTRACTOR_VERSION), EXTRACTOR_VERSION


def process_file(path: str) -> tuple[str, PreparedReport | None, dict | None, str | None, str | None]:
    """Read and extract one file (in a worker process): (path, prepared, record, version, error)."""
    try:
        prepared = read_file(Path(path))
    except UnreadableReport as exc:
        return path, None, None, None, str(exc)
    try:
        record, version = extract_prepared(prepared)
    except Exception as exc:  # noqa: BLE001 - one bad report must not stop the others
        return path, None, None, None, f"extraction failed: {type(exc).__name__}: {exc}"
    return path, prepared, record, version, None


def _warm_up() -> None:
    from sitrep.extract.pipeline import default_pipeline
    default_pipeline()


def ingest_paths(store, paths: Iterable[str | Path], workers: int = 1,
                 progress: Callable[[str, str], None] | None = None) -> IngestSummary:
    """Ingest files and folders into the store. ``progress(path, outcome)`` is called after each file."""
    files, errors = collect_files(paths)
    summary = IngestSummary(failed=list(errors))
    for path, reason in errors:
        if progress:
            progress(path, "failed")

    def store_one(path, prepared, record, version, error):
        if error is None:
            try:
                outcome = store.save_report(prepared, record, version)
            except Exception as exc:  # noqa: BLE001 - the transaction rolled back; report and go on
                error = f"could not be stored: {type(exc).__name__}: {exc}"
            else:
                (summary.new if outcome == "new" else summary.unchanged).append(prepared.id)
        if error is not None:
            summary.failed.append((path, error))
            outcome = "failed"
        if progress:
            progress(path, outcome)

    # Skip the pipeline for files whose exact bytes are already stored.
    todo = []
    for f in files:
        try:
            from sitrep.ingest.loader import report_id
            rid = report_id(f.read_bytes())
        except OSError as exc:
            summary.failed.append((str(f), f"unreadable: {exc.strerror or exc}"))
            if progress:
                progress(str(f), "failed")
            continue
        if store.has_report(rid):
            summary.unchanged.append(rid)
            if progress:
                progress(str(f), "unchanged")
        else:
            todo.append(str(f))

    workers = max(1, min(workers, os.cpu_count() or 1, len(todo) or 1))
    if workers == 1:
        for path in todo:
            store_one(*process_file(path))
    else:
        with ProcessPoolExecutor(max_workers=workers, initializer=_warm_up) as pool:
            for result in pool.map(process_file, todo, chunksize=4):
                store_one(*result)
    return summary


def ingest_bytes(store, raw: bytes, origin: str, content_type: str | None = None) -> tuple[str, str]:
    """Ingest one report given as bytes (uploads): (report id, "new" | "unchanged"). Raises UnreadableReport."""
    prepared = prepare(raw, origin, content_type)
    if store.has_report(prepared.id):
        return prepared.id, "unchanged"
    record, version = extract_prepared(prepared)
    return prepared.id, store.save_report(prepared, record, version)


def reprocess(store, progress: Callable[[str, str], None] | None = None) -> tuple[int, list[tuple[str, str]]]:
    """Re-run extraction over every stored report from its stored original: (count redone, failures)."""
    done, failed = 0, []
    for rid in store.report_ids():
        report = store.report(rid)
        try:
            prepared = prepare(report.raw, report.origin, report.content_type)
            record, version = extract_prepared(prepared)
            store.replace_extraction(rid, record, version, prepared)
            done += 1
            outcome = "reprocessed"
        except Exception as exc:  # noqa: BLE001 - keep the old extraction of a report that fails now
            failed.append((report.origin, f"{type(exc).__name__}: {exc}"))
            outcome = "failed"
        if progress:
            progress(report.origin, outcome)
    return done, failed


__all__ = ["ingest_paths", "ingest_bytes", "reprocess", "collect_files", "IngestSummary", "UnreadableReport"]
