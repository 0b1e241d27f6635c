"""The sitrep command line. Each concern lives in its own module; this one wires them together."""
from __future__ import annotations

from typing import Optional

import typer

from sitrep.cli import common
from sitrep.cli.reports import register as register_reports

app = typer.Typer(help="sitrep: open-source intelligence reports in, a sourced, geolocated record of claims out.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)


@app.callback()
def _global(db: Optional[str] = typer.Option(None, "--db", help="Store path or SQLAlchemy URL "
                                                                  "(default: $SITREP_DB or ./sitrep.db).")):
    common.STATE["db"] = db


register_reports(app)


def _mount_optional() -> None:
    """Sub-commands written by the other stages' modules."""
    import importlib.util
    if importlib.util.find_spec("sitrep.cli.gazetteer"):  # TODO(lead): unguard once all stages landed
        from sitrep.cli import gazetteer
        app.add_typer(gazetteer.app, name="gazetteer", help="The offline gazetteer: look up and import places.")
    if importlib.util.find_spec("sitrep.cli.actors"):
        from sitrep.cli import actors
        actors.register(app)


_mount_optional()


def main() -> None:
    app()
