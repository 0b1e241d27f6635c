"""`sitrep actors [NAME]`: the knowledge base of actors and outlets, and where an actor appears in the store.

    sitrep actors                     the knowledge base (actors), then unknown actors found in stored reports
    sitrep actors --outlets           the outlets and channels
    sitrep actors IRGC                the entry (aliases, parent chain, sub-units) and the reports that name it
    sitrep actors --unknown           only the organisations found by form that the knowledge base lacks
"""
from __future__ import annotations

from collections import Counter
from typing import Optional

import typer
from rich.table import Table

from sitrep.cli import common
from sitrep.kb.actors import load_kb


def _store_or_none(db_path):
    if db_path is not None:
        common.STATE["db"] = db_path
    try:
        return common.get_store(create=False)
    except Exception:  # no store yet: the KB is still worth showing
        return None


def _entities(report) -> dict:
    return report.entities or {}


def unknown_actors(store) -> Counter:
    """Actors found by form (known=False) in stored reports, with the number of reports naming each."""
    counts: Counter = Counter()
    for report in store.iter_reports():
        for a in _entities(report).get("actors", []):
            if a.get("known") is False:
                counts[a["name"]] += 1
    return counts


def appearances(store, names: set[str]) -> list[tuple]:
    """(report id, published, title, actor name, mentions) for every stored report naming one of `names`."""
    lowered = {n.lower() for n in names}
    out = []
    for report in store.iter_reports():
        for kind in ("actors", "sources", "persons"):
            for a in _entities(report).get(kind, []):
                if a.get("name", "").lower() in lowered:
                    out.append((report.id, report.published, report.title, a["name"], a.get("mentions", []), kind))
    return out


def actors_command(name: str | None = None, db_path: str | None = None, outlets: bool = False,
                   unknown: bool = False, family: str | None = None) -> None:
    console = common.console
    kb = load_kb()
    store = _store_or_none(db_path)
    if name:
        _show_one(name, kb, store)
        return
    if unknown:
        _show_unknown(store)
        return
    if outlets:
        t = Table(title=f"Outlets and channels ({len(kb.outlets)})")
        for col in ("name", "kind", "country", "orientation", "aliases"):
            t.add_column(col)
        for o in sorted(kb.outlets.values(), key=lambda o: o.name.lower()):
            t.add_row(o.name, o.kind, o.country or "", o.orientation or "", ", ".join(o.aliases[:4]))
        console.print(t)
        return
    rows = [a for a in kb.actors.values() if not family or a.family == family]
    t = Table(title=f"Actors ({len(rows)})")
    for col in ("name", "kind", "country", "parent", "aliases"):
        t.add_column(col)
    for a in sorted(rows, key=lambda a: ((a.family or ""), a.name.lower())):
        t.add_row(a.name, a.kind, a.country or "", a.parent or "", ", ".join(a.aliases[:4]))
    console.print(t)
    if store is not None:
        _show_unknown(store)


def _show_unknown(store) -> None:
    console = common.console
    if store is None:
        console.print("No store: unknown actors are listed once reports are ingested.")
        return
    counts = unknown_actors(store)
    if not counts:
        console.print("No unknown actors in the stored reports.")
        return
    t = Table(title="Unknown actors found in reports (add them to src/sitrep/data/kb/actors/)")
    t.add_column("name")
    t.add_column("reports", justify="right")
    for n, c in counts.most_common():
        t.add_row(n, str(c))
    console.print(t)


def _show_one(name: str, kb, store) -> None:
    console = common.console
    entry = kb.actor(name)
    if entry is not None:
        console.print(f"[bold]{entry.name}[/bold]  ({entry.kind}{', ' + entry.country if entry.country else ''})")
        if entry.aliases:
            console.print("aliases: " + "; ".join(entry.aliases))
        chain = kb.ancestors(entry.name)
        if chain:
            console.print("part of: " + " → ".join(chain))
        subs = kb.descendants(entry.name, include_self=False)
        if subs:
            console.print("sub-units: " + "; ".join(subs))
        for label, value in (("allegiance", entry.allegiance), ("note", entry.note), ("source", entry.ref)):
            if value:
                console.print(f"{label}: {value}")
        names = set(kb.descendants(entry.name))
    else:
        other = kb.outlet(name) or kb.person(name)
        if other is None:
            console.print(f"{name!r} is not in the knowledge base; looking for it in stored reports.")
            names = {name}
        else:
            console.print(f"[bold]{other.name}[/bold]  ({type(other).__name__.replace('Entry', '').lower()})")
            if other.aliases:
                console.print("aliases: " + "; ".join(other.aliases))
            names = {other.name}
    if store is None:
        console.print("No store: appearances are listed once reports are ingested.")
        return
    found = appearances(store, names)
    if not found:
        console.print("Not named in any stored report.")
        return
    t = Table(title=f"Appearances ({len(found)})")
    for col in ("report", "published", "title", "as", "mentions"):
        t.add_column(col)
    for rid, published, title, n, mentions, kind in found:
        t.add_row(rid[:12], published or "", (title or "")[:60], f"{n} ({kind[:-1]})", "; ".join(dict.fromkeys(mentions))[:80])
    console.print(t)


def register(app: typer.Typer) -> None:
    @app.command("actors")
    def actors(name: Optional[str] = typer.Argument(None, help="An actor, outlet or person (any alias)."),
               outlets: bool = typer.Option(False, "--outlets", help="List the outlets and channels."),
               unknown: bool = typer.Option(False, "--unknown", help="Only actors found in reports but not in the KB."),
               family: Optional[str] = typer.Option(None, "--family", help="Only one data file, e.g. iraq, kurdish.")):
        """The knowledge base of actors and outlets, and where an actor appears in the stored reports."""
        actors_command(name, None, outlets=outlets, unknown=unknown, family=family)
