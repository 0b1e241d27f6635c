"""`sitrep report`: the written situation report (Markdown or HTML) over the claims matching the filters."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from sitrep.cli.common import CliError, check_dates, err_console, get_store


def report(since: Optional[str] = typer.Option(None, "--since", help="Claims dated on or after (YYYY[-MM[-DD]])."),
           until: Optional[str] = typer.Option(None, "--until", help="Claims dated on or before."),
           place: Optional[str] = typer.Option(None, "--place", help="Place name or mention (substring)."),
           actor: Optional[str] = typer.Option(None, "--actor", help="Actor (with its sub-units)."),
           type: Optional[str] = typer.Option(None, "--type", help="Event type(s), comma-separated."),
           source: Optional[str] = typer.Option(None, "--source", help="Outlet name (substring)."),
           format: str = typer.Option("md", "--format", "-f", help="md or html."),
           output: Optional[Path] = typer.Option(None, "-o", "--output",
                                                 help="File to write (Markdown: the figures are written beside it "
                                                      "as <name>-map.png and <name>-timeline.png).")):
    """Write a dated situation report: a summary, the claims by area and actor with footnoted sources, a map and a
    timeline."""
    from sitrep.export.brief import render_brief
    from sitrep.store import ClaimFilter

    if format not in ("md", "html"):
        raise CliError(f"unknown report format {format!r}: md or html")
    check_dates(since, until)
    store = get_store(create=False)
    f = ClaimFilter(since=since, until=until, place=place, actor=actor, type=type, source=source)
    if output is None:
        # On a terminal a Markdown brief leaves its figures out; HTML embeds them.
        text = render_brief(store, f, format, figures=(format == "html"))
        sys.stdout.write(text)
        if format == "md":
            err_console.print("figures left out: use -o FILE to write them beside the brief")
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    text = render_brief(store, f, format, asset_dir=output.parent, asset_stem=output.stem)
    output.write_text(text, encoding="utf-8")
    err_console.print(f"wrote {output}" + (f" and {output.stem}-map.png, {output.stem}-timeline.png"
                                           if format == "md" and "-map.png" in text else ""))


def register(app: typer.Typer) -> None:
    app.command("report")(report)
