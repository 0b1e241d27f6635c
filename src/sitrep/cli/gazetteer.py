"""``sitrep gazetteer``: import GeoNames country dumps into the offline gazetteer and look names up."""
from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(help="The offline gazetteer: import GeoNames dumps, look names up.", no_args_is_help=True)


@app.command("import")
def import_(file: Path = typer.Argument(..., exists=True, dir_okay=False, help="A 19-column GeoNames dump, e.g. SY.txt"),
            overlay: Path = typer.Option(None, "--dir", help="Overlay directory (default: $SITREP_GAZETTEER_DIR or "
                                                               "~/.local/share/sitrep/gazetteer)")):
    """Load a standard GeoNames country dump (SY.txt, LB.txt...) to extend the gazetteer; nothing is downloaded."""
    from sitrep.kb.gazetteer import import_geonames_dump

    out, n, counts = import_geonames_dump(file, overlay)
    console = Console()
    console.print(f"[green]{n}[/green] places imported from {file} into {out}")
    for kind, c in sorted(counts.items()):
        console.print(f"  {kind}: {c}")


@app.command("lookup")
def lookup(name: str = typer.Argument(..., help="A place name as written, e.g. 'Al-Bukamal'"),
           country: str = typer.Option(None, "--country", "-c", help="Favour this ISO country code, e.g. SY"),
           limit: int = typer.Option(10, "--limit", "-n")):
    """Print the gazetteer's candidates for a name, best first, with coordinates and scores."""
    from sitrep.kb.gazetteer import Gazetteer

    g = Gazetteer.load()
    cands = g.candidates(name, country=country, limit=limit)
    console = Console()
    if not cands:
        console.print(f"no candidates for {name!r}")
        raise typer.Exit(1)
    t = Table(title=f"candidates for {name!r}")
    for col in ("score", "name", "kind", "country", "admin1", "lat", "lon", "id", "match"):
        t.add_column(col)
    for c in cands:
        e = c.entry
        t.add_row(f"{c.score:.2f}", e.name, e.kind, e.country or "", str(e.admin1 or ""),
                  "" if e.lat is None else f"{e.lat:.4f}", "" if e.lon is None else f"{e.lon:.4f}", e.id,
                  "exact" if c.exact else "variant")
    console.print(t)
