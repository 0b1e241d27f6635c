"""Commands over reports and claims: ingest, reports, claims, show, export, reprocess, summary."""
from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Column, Table

from sitrep.cli.common import CliError, check_dates, console, err_console, get_store

PROGRESS_THRESHOLD = 10   # files: below this a run is short and prints no bar


def claim_filter(type=None, actor=None, place=None, source=None, since=None, until=None, search=None,
                 modality=None, report=None):
    from sitrep.store import ClaimFilter
    return ClaimFilter(type=type, actor=actor, place=place, source=source, since=since, until=until, search=search,
                       modality=modality, report=report)


def print_summary(store) -> None:
    stats = store.stats()
    console.print(f"[bold]{stats['reports']}[/bold] reports, [bold]{stats['claims']}[/bold] claims, "
                  f"{stats['places']} places, {stats['actors']} actors")
    if stats["claims_by_type"]:
        table = Table("type", "claims", title="Claims by type", title_justify="left")
        for t, n in stats["claims_by_type"].items():
            table.add_row(t, str(n))
        console.print(table)


def ingest(inputs: List[str] = typer.Argument(..., metavar="INPUT...",
                                             help="Files (.txt .md .html .htm), folders (recursive), URLs, RSS/Atom "
                                                  "feeds (.xml .rss .atom or a feed URL), Telegram exports (.json)."),
           workers: int = typer.Option(1, "--workers", "-w", min=1, help="Processes for extraction."),
           quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only the summary.")):
    """Ingest reports: keep each original, extract its claims, store it (one transaction per report)."""
    from sitrep.ingest import IngestSummary, collect_items, ingest_items

    store = get_store()
    items, errors = collect_items(inputs)
    summary = IngestSummary(failed=list(errors))
    if len(items) >= PROGRESS_THRESHOLD and not quiet:
        with Progress(TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                      console=err_console, transient=True) as bar:
            task = bar.add_task("ingest", total=len(items))
            ingest_items(store, items, workers=workers, summary=summary, progress=lambda *_: bar.advance(task))
    else:
        ingest_items(store, items, workers=workers, summary=summary)
    for origin, reason in summary.failed:
        err_console.print(f"[red]failed[/red] {escape(origin)}: {escape(reason)}", highlight=False, soft_wrap=True)
    console.print(f"new {len(summary.new)}, unchanged {len(summary.unchanged)}, failed {len(summary.failed)}")
    if not quiet and summary.new:
        print_summary(store)
    if summary.failed:
        raise typer.Exit(1)


def summary_cmd():
    """Print what the store holds: reports, claims by type, places, actors."""
    print_summary(get_store(create=False))


def reports(limit: int = typer.Option(50, help="How many to list."), offset: int = typer.Option(0),
            search: Optional[str] = typer.Option(None, "--search", help="Full-text words.")):
    """List stored reports."""
    store = get_store(create=False)
    rows, total = store.reports(limit=limit, offset=offset, search=search)
    counts = store.claim_counts([r.id for r in rows])
    table = Table("id", "published", "publisher", "claims", "title", title=f"{total} reports", title_justify="left")
    for r in rows:
        table.add_row(r.id[:12], r.published or "", escape(r.publisher or ""), str(counts.get(r.id, 0)),
                      escape((r.title or r.origin)[:90]))
    console.print(table)


def claims(type: Optional[str] = typer.Option(None, "--type", help="Event type(s), comma-separated."),
           actor: Optional[str] = typer.Option(None, "--actor", help="Actor (with its sub-units)."),
           place: Optional[str] = typer.Option(None, "--place"),
           source: Optional[str] = typer.Option(None, "--source"),
           since: Optional[str] = typer.Option(None, "--since", help="YYYY-MM-DD"),
           until: Optional[str] = typer.Option(None, "--until", help="YYYY-MM-DD"),
           search: Optional[str] = typer.Option(None, "--search", help="Full-text words in the claim's evidence."),
           modality: Optional[str] = typer.Option(None, "--modality", help="occurred or planned"),
           report: Optional[str] = typer.Option(None, "--report", help="Report id or prefix."),
           limit: int = typer.Option(100), offset: int = typer.Option(0)):
    """List claims as a table, filtered."""
    check_dates(since, until)
    store = get_store(create=False)
    rows, total = store.claims(claim_filter(type, actor, place, source, since, until, search, modality, report),
                               limit=limit, offset=offset)
    table = Table(Column("id", no_wrap=True), Column("date", no_wrap=True), Column("type", no_wrap=True),
                  "modality", "actors", "places", "source", Column("evidence", ratio=3),
                  title=f"{total} claims", title_justify="left")
    for c in rows:
        d = c.data
        table.add_row(c.id[:10], c.date or "", c.type, c.modality + (f" ({c.certainty})" if c.certainty else ""),
                      escape(", ".join(a["name"] for a in d["actors"])),
                      escape(", ".join(p["name"] for p in d["places"])), escape(c.source or ""),
                      escape(c.evidence[:120]))
    console.print(table)


def show(report_id: str = typer.Argument(..., help="Report id or unique prefix.")):
    """Print one report with its claims and the evidence sentence of each."""
    store = get_store(create=False)
    r = store.report(report_id)
    if r is None:
        raise CliError(f"no report with id {report_id!r} (or the prefix is ambiguous)")
    console.print(f"[bold]{escape(r.title or '(no title)')}[/bold]")
    console.print(f"id {r.id}\norigin {escape(r.origin)}\npublished {r.published or '?'}   publisher "
                  f"{escape(r.publisher or '?')}" + (f"   {escape(r.dispatch)}" if r.dispatch else ""))
    for f in r.footnotes:
        console.print(f"  [{f.number}] {escape(f.text)}", highlight=False)
    console.print(f"\n[bold]{len(r.claims)} claims[/bold]")
    for i, c in enumerate(r.claims, 1):
        d = c.data
        src = d.get("source") or {}
        console.print(f"\n{i}. [bold]{c.type}[/bold] {c.modality}"
                      + (f", {escape(c.certainty)}" if c.certainty else "")
                      + (" (background/restatement)" if c.optional else "")
                      + f"  date {c.date or '?'}  source {escape(src.get('name') or '-')}", highlight=False)
        if d["actors"]:
            console.print("   actors: " + escape(", ".join(f"{a['name']} ({a['role']})" for a in d["actors"])))
        if d["places"]:
            console.print("   places: " + escape(", ".join(f"{p['name']} ({p.get('role')})" for p in d["places"])))
        if d.get("quantities"):
            console.print("   quantities: " + escape(", ".join(
                f"{q.get('qualifier') or ''} {q['value'] if q['value'] is not None else ''} {q['unit']}".strip()
                for q in d["quantities"])))
        console.print(f"   evidence: “{escape(c.evidence)}”", highlight=False)


def export(format: str = typer.Option("reports-jsonl", "--format", "-f", help="Export format."),
           output: Optional[Path] = typer.Option(None, "-o", "--output", help="File to write (default: stdout)."),
           type: Optional[str] = typer.Option(None, "--type"), actor: Optional[str] = typer.Option(None, "--actor"),
           place: Optional[str] = typer.Option(None, "--place"),
           source: Optional[str] = typer.Option(None, "--source"),
           since: Optional[str] = typer.Option(None, "--since"), until: Optional[str] = typer.Option(None, "--until"),
           search: Optional[str] = typer.Option(None, "--search"),
           modality: Optional[str] = typer.Option(None, "--modality"),
           report: Optional[str] = typer.Option(None, "--report", help="Report id or prefix.")):
    """Export the store (or the claims matching the filters)."""
    from sitrep.export import FORMATS

    if format not in FORMATS:
        raise CliError(f"unknown format {format!r}; one of: {', '.join(sorted(FORMATS))}")
    check_dates(since, until)
    store = get_store(create=False)
    filters = None
    if any(v is not None for v in (type, actor, place, source, since, until, search, modality, report)):
        filters = claim_filter(type, actor, place, source, since, until, search, modality, report)
    writer = importlib.import_module(FORMATS[format])
    binary = getattr(writer, "BINARY", False)
    if output is None:
        out = sys.stdout.buffer if binary else sys.stdout
        n = writer.write(store, out, filters)
    else:
        try:
            out = open(output, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8", "newline": ""}))
        except OSError as exc:
            raise CliError(f"cannot write {output}: {exc.strerror or exc}") from exc
        with out:
            n = writer.write(store, out, filters)
        err_console.print(f"wrote {n} {getattr(writer, 'UNIT', 'records')} to {output}")


def reprocess_cmd():
    """Re-run extraction over every stored report (after the pipeline changed)."""
    from sitrep.ingest import reprocess
    store = get_store(create=False)
    result = reprocess(store)
    done, failed = result.done, result.failed
    for origin, reason in failed:
        err_console.print(f"[red]failed[/red] {escape(origin)}: {escape(reason)}", highlight=False, soft_wrap=True)
    from sitrep.extract.pipeline import EXTRACTOR_VERSION
    console.print(f"reprocessed {done} reports with extractor {EXTRACTOR_VERSION}, failed {len(failed)}")
    if result.orphaned_reviews:
        err_console.print(f"{result.orphaned_reviews} reviewed claims are no longer extracted; their reviews are "
                          "kept and return if a later extraction makes those claims again", soft_wrap=True)
    if failed:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command()(ingest)
    app.command("reports")(reports)
    app.command()(claims)
    app.command()(show)
    app.command()(export)
    app.command("reprocess")(reprocess_cmd)
    app.command("summary")(summary_cmd)
