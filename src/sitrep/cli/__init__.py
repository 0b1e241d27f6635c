"""The sitrep command line. Each concern lives in its own module; this one wires them together."""
from __future__ import annotations

from typing import Optional

import typer

from sitrep.cli import actors, brief, common, gazetteer, reports, serve

app = typer.Typer(help="sitrep: open-source intelligence reports in, a sourced, geolocated record of claims out.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)


@app.callback()
def _global(db: Optional[str] = typer.Option(None, "--db", help="Store path or SQLAlchemy URL "
                                                                  "(default: $SITREP_DB or ./sitrep.db).")):
    common.STATE["db"] = db


reports.register(app)           # ingest, summary, reports, claims, show, export, reprocess
app.add_typer(gazetteer.app, name="gazetteer", help="The offline gazetteer: look up and import places.")
actors.register(app)            # actors
brief.register(app)             # report (the written situation report)
serve.register(app)             # serve (API and workspace)


def main() -> None:
    app()
