"""The written situation report: a dated brief in the manner of a monitoring desk's dispatch.

    text = render_brief(store, ClaimFilter(since="2024-03-01", place="Deir"), "html")

A headline summary (counts, the most active actors and areas, the latest developments), then the claims grouped by
area and by actor, each one sentence made of the claim's own fields followed by the passage of the report it was read
in, quoted, and a footnote citing the outlet, the report that relays it and its publisher. A map and a timeline
(``sitrep.export.figures``) close the brief. Nothing is written that the claims do not hold: the only words of sitrep's
own are the type's verb ("moved", "held a meeting") and the connecting words of the template.

Deterministic: the same store and filter give the same text (no clock is read; the brief is dated by its latest
report). Report text is hostile input: in HTML every string is escaped, in Markdown every character that Markdown or
HTML would read as markup is backslash-escaped.
"""
from __future__ import annotations

import base64
import html
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sitrep.export import mappings as m

PLURALS = {"movement": "movements", "transfer": "transfers", "meeting": "meetings", "training": "training events",
           "recruitment": "recruitment drives", "directive": "directives", "posture": "posture changes",
           "attack": "attacks", "seizure": "seizures", "agreement": "agreements",
           "establishment": "establishments of bases", "arrest": "arrests"}
UNPLACED = "Location not stated"
UNATTRIBUTED = "Actor not stated"


# ---- the brief as data -----------------------------------------------------------------------------------------

@dataclass
class Citation:
    number: int
    outlet: str | None
    outlet_date: str | None
    sourcing: str | None
    report_footnote: str | None      # the report's own footnote text, where the claim carries its number
    report_title: str | None
    publisher: str | None
    dispatch: str | None
    published: str | None
    report_id: str
    origin: str


@dataclass
class Entry:
    item: m.Item
    date: str | None                 # the claim's date (or the day standing in for it)
    date_label: str
    summary: str
    evidence: str
    citation: Citation
    flags: list[str] = field(default_factory=list)


@dataclass
class Brief:
    title: str
    dated: str
    period: str
    filters: list[str]
    headline: list[str]
    latest: list[Entry]
    areas: list[tuple[str, list[tuple[str, list[Entry]]]]]
    citations: list[Citation]
    items: list[m.Item]
    empty: bool = False


def _area(claim: dict[str, Any]) -> str:
    place = m.primary_place(claim)
    if not place:
        return UNPLACED
    if place.get("admin1"):
        return place["admin1"]
    info = m.country_info(place.get("country"))
    return info["name"] or place.get("name") or UNPLACED


def _flags(claim: dict[str, Any]) -> list[str]:
    flags = []
    if claim.get("negated"):
        flags.append("reported not to have happened")
    if claim.get("modality") == "planned":
        flags.append("planned")
    place = m.primary_place(claim)
    if place and (place.get("precision") or 1) >= 3:
        flags.append("location approximate: region only")
    if not place or not m.located(place):
        flags.append("not located")
    if claim.get("optional"):
        flags.append("background")
    return flags


def _sort_key(e: Entry) -> tuple:
    return (e.date or "9999", e.item.report_id, e.item.seq)


def _filters_text(f) -> list[str]:
    if f is None:
        return []
    out = []
    for label, value in (("since", f.since), ("until", f.until), ("place", f.place), ("actor", f.actor),
                         ("type", f.type), ("source", f.source), ("modality", f.modality), ("search", f.search)):
        if value:
            out.append(f"{label}: {value}")
    return out


def build_brief(store, claim_filter=None) -> Brief:
    items = [i for i in m.load_items(store, claim_filter) if not m.is_restatement(i.claim)]
    citations: dict[tuple, Citation] = {}
    entries: list[Entry] = []
    for item in items:
        claim, report = item.claim, item.report
        src = claim.get("source") or {}
        outlet = src.get("name") if src.get("kind") != "publisher" else None
        fn_number = src.get("footnote")
        key = (item.report_id, outlet, src.get("outlet_date"), fn_number)
        if key not in citations:
            fn = report.footnotes.get(fn_number) if fn_number is not None else None
            citations[key] = Citation(
                number=0, outlet=outlet, outlet_date=src.get("outlet_date"), sourcing=src.get("sourcing"),
                report_footnote=(fn or {}).get("text"), report_title=report.title, publisher=report.publisher,
                dispatch=report.dispatch, published=report.published, report_id=item.report_id,
                origin=report.origin)
        day, _, how = m.event_date(claim, report)
        if claim.get("date"):
            label = m.human_date(claim["date"])
            if claim.get("date_precision") == "week":
                label = f"around {label}"
        elif day:
            label = f"undated (reported {m.human_date(day)})"
        else:
            label = "undated"
        entries.append(Entry(item=item, date=claim.get("date") or day, date_label=label, summary=m.summary(claim),
                             evidence=(claim.get("evidence") or {}).get("text") or "", citation=citations[key],
                             flags=_flags(claim)))

    # group: areas by number of claims, then name; actors likewise; claims chronologically
    by_area: dict[str, dict[str, list[Entry]]] = {}
    for e in entries:
        names = m.unique_names(m.agents(e.item.claim))
        by_area.setdefault(_area(e.item.claim), {}).setdefault(names[0] if names else UNATTRIBUTED, []).append(e)
    areas = []
    for area in sorted(by_area, key=lambda a: (a == UNPLACED, -sum(len(v) for v in by_area[a].values()), a)):
        actors = by_area[area]
        groups = [(actor, sorted(actors[actor], key=_sort_key))
                  for actor in sorted(actors, key=lambda a: (a == UNATTRIBUTED, -len(actors[a]), a))]
        areas.append((area, groups))
    reports = {i.report_id: i.report for i in items}
    published = sorted(r.published for r in reports.values() if r.published)
    dates = sorted(e.date for e in entries if e.date)
    dated = m.human_date(published[-1]) if published else "undated"
    if dates:
        period = f"{m.human_date(dates[0])} to {m.human_date(dates[-1])}" if dates[0] != dates[-1] \
            else m.human_date(dates[0])
    else:
        period = "no dated claims"
    title = "Situation report"
    if claim_filter is not None and claim_filter.place:
        title += f": {claim_filter.place}"
    if claim_filter is not None and claim_filter.actor:
        title += f" ({claim_filter.actor})"

    headline: list[str] = []
    if entries:
        outlets = {e.citation.outlet for e in entries if e.citation.outlet}
        headline.append(f"{len(entries)} claim{'s' if len(entries) != 1 else ''} from {len(reports)} "
                        f"report{'s' if len(reports) != 1 else ''}"
                        + (f" citing {len(outlets)} outlet{'s' if len(outlets) != 1 else ''}" if outlets else "")
                        + (f", published {m.human_date(published[0])} to {m.human_date(published[-1])}"
                           if len(published) > 1 and published[0] != published[-1]
                           else f", published {m.human_date(published[0])}" if published else "") + ".")
        types = Counter(e.item.claim.get("type") for e in entries)
        headline.append("By type: " + ", ".join(f"{c} {PLURALS.get(t, t) if c != 1 else t}"
                                                for t, c in sorted(types.items(), key=lambda kv: (-kv[1], kv[0])))
                        + ".")
        actors = Counter(n for e in entries for n in m.unique_names(m.agents(e.item.claim)))
        if actors:
            headline.append("Most active: " + ", ".join(
                f"{a} ({c} claim{'s' if c != 1 else ''})"
                for a, c in sorted(actors.items(), key=lambda kv: (-kv[1], kv[0]))[:5]) + ".")
        areas_count = Counter(_area(e.item.claim) for e in entries)
        areas_count.pop(UNPLACED, None)
        if areas_count:
            headline.append("Most reported areas: " + ", ".join(
                f"{a} ({c})" for a, c in sorted(areas_count.items(), key=lambda kv: (-kv[1], kv[0]))[:5]) + ".")
        notes = []
        planned = sum(1 for e in entries if "planned" in e.flags)
        denied = sum(1 for e in entries if "reported not to have happened" in e.flags)
        vague = sum(1 for e in entries if "location approximate: region only" in e.flags)
        hedged = sum(1 for e in entries if e.item.claim.get("certainty"))
        if planned:
            notes.append(f"{planned} describe{'s' if planned == 1 else ''} plans rather than events")
        if denied:
            notes.append(f"{denied} report{'s' if denied == 1 else ''} that something did not happen")
        if hedged:
            notes.append(f"{hedged} {'is' if hedged == 1 else 'are'} hedged by the source (\"reportedly\", "
                         f"\"allegedly\"...)")
        if vague:
            notes.append(f"{vague} {'is' if vague == 1 else 'are'} placed only at region level")
        if notes:
            headline.append("Of these, " + "; ".join(notes) + ".")
    latest = sorted((e for e in entries if "background" not in e.flags and "planned" not in e.flags
                     and "reported not to have happened" not in e.flags and e.date),
                    key=lambda e: (e.date, e.item.report_id, e.item.seq), reverse=True)[:5]
    # footnotes numbered in reading order: the latest developments, then the areas
    n = 0
    ordered: list[Citation] = []
    for e in latest + [e for _, groups in areas for _, group in groups for e in group]:
        if e.citation.number == 0:
            n += 1
            e.citation.number = n
            ordered.append(e.citation)
    return Brief(title=title, dated=dated, period=period, filters=_filters_text(claim_filter), headline=headline,
                 latest=latest, areas=areas, citations=ordered, items=items, empty=not entries)


def citation_text(c: Citation) -> str:
    """"Sharq Horizon, 12 March 2024 (citing local sources; footnote: ...), cited in Levant Monitoring Desk,
    "Title", Special Dispatch No. 11842, 14 March 2024 [sitrep report 1a2b3c4d]."""
    parts = []
    if c.outlet:
        head = c.outlet + (f", {m.human_date(c.outlet_date)}" if c.outlet_date else "")
        extra = []
        if c.sourcing:
            extra.append(f"citing {c.sourcing}")
        if c.report_footnote:
            extra.append(f"the report's footnote: {c.report_footnote}")
        if extra:
            head += f" ({'; '.join(extra)})"
        parts.append(head + ", cited in")
    rep = []
    if c.publisher:
        rep.append(c.publisher)
    if c.report_title:
        rep.append(f"\u201c{c.report_title}\u201d")
    if c.dispatch:
        rep.append(c.dispatch)
    if c.published:
        rep.append(m.human_date(c.published))
    if not c.outlet and c.report_footnote:
        rep.append(f"its footnote: {c.report_footnote}")
    parts.append(", ".join(rep) if rep else c.origin)
    return " ".join(parts) + f" [sitrep report {c.report_id[:12]}]."


# ---- Markdown --------------------------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~&])")


def md(text: str | None) -> str:
    """Report text as literal Markdown: every character Markdown or HTML could read as markup is escaped."""
    return _MD_SPECIAL.sub(r"\\\1", (text or "").replace("\r", " ").replace("\n", " "))


def _md_entry(e: Entry) -> str:
    flags = f" *({md('; '.join(e.flags))})*" if e.flags else ""
    chain = m.source_chain(e.item.claim, e.item.report)
    said = md(chain[0]["name"]) if chain else "The report"
    return (f"- **{md(e.date_label)}.** {md(e.summary)}.{flags} {said}: \u201c{md(e.evidence)}\u201d"
            f"[^{e.citation.number}]")


def render_markdown(brief: Brief, figures: dict[str, str] | None = None) -> str:
    """``figures``: {"map": link, "timeline": link} (file names or data URIs); None leaves the figures out."""
    out = [f"# {md(brief.title)}", "", f"**Dated {md(brief.dated)}** \u00b7 claims dated {md(brief.period)}"]
    if brief.filters:
        out.append(f"  \nFilters: {md('; '.join(brief.filters))}")
    out += ["", "## Summary", ""]
    if brief.empty:
        out += ["No claims match.", ""]
        return "\n".join(out)
    out += [md(" ".join(brief.headline)), ""]
    if brief.latest:
        out += ["**Latest developments**", ""]
        out += [_md_entry(e) for e in brief.latest]
        out.append("")
    for area, groups in brief.areas:
        out += [f"## {md(area)}", ""]
        for actor, group in groups:
            out += [f"### {md(actor)}", ""]
            out += [_md_entry(e) for e in group]
            out.append("")
    if figures:
        out += ["## Map and timeline", ""]
        if "map" in figures:
            out += [f"![Map of the claims: filled markers are places, hollow markers are near a place, hatched areas "
                    f"and \u2248 labels are regions only]({figures['map']})", ""]
        if "timeline" in figures:
            out += [f"![Timeline of the claims by type]({figures['timeline']})", ""]
    out += ["## Sources", ""]
    out += [f"[^{c.number}]: {md(citation_text(c))}" for c in brief.citations]
    out.append("")
    out.append("*Compiled by sitrep from the reports cited; every sentence restates one extracted claim and quotes "
               "the passage it was read in. Claims are the sources' assertions, not verified facts.*")
    out.append("")
    return "\n".join(out)


# ---- HTML ------------------------------------------------------------------------------------------------------

def h(text: Any) -> str:
    return html.escape("" if text is None else str(text), quote=True)


CSS = """
body{font-family:Georgia,'Times New Roman',serif;max-width:52em;margin:2em auto;padding:0 1em;color:#222;
line-height:1.45}
h1{font-size:1.7em;margin-bottom:.2em}h2{border-bottom:1px solid #ccc;margin-top:1.6em}h3{margin-bottom:.3em}
.meta{color:#555}.flags{color:#8a5a00;font-style:italic}.summary p{margin:.3em 0}
blockquote{margin:.2em 0 .2em 1em;color:#333}
li{margin:.45em 0}figure{margin:1em 0}figure img{max-width:100%;border:1px solid #ddd}
figcaption{font-size:.85em;color:#555}.sources li{font-size:.9em}sup a{text-decoration:none}
.note{font-size:.85em;color:#666}
"""


def _html_entry(e: Entry) -> str:
    flags = f' <span class="flags">({h("; ".join(e.flags))})</span>' if e.flags else ""
    chain = m.source_chain(e.item.claim, e.item.report)
    said = h(chain[0]["name"]) if chain else "The report"
    n = e.citation.number
    return (f'<li id="claim-{h(e.item.id)}"><strong>{h(e.date_label)}.</strong> {h(e.summary)}.{flags} {said}: '
            f'\u201c{h(e.evidence)}\u201d<sup><a href="#fn{n}" id="ref-{h(e.item.id)}">{n}</a></sup></li>')


def render_html(brief: Brief, figures: dict[str, str] | None = None) -> str:
    """A self-contained page (figures as data URIs, no script, no external resource)."""
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; img-src data:; '
           'style-src \'unsafe-inline\'">',
           f"<title>{h(brief.title)} \u2014 {h(brief.dated)}</title>", f"<style>{CSS}</style>", "</head>", "<body>",
           f"<h1>{h(brief.title)}</h1>",
           f'<p class="meta"><strong>Dated {h(brief.dated)}</strong> \u00b7 claims dated {h(brief.period)}'
           + (f"<br>Filters: {h('; '.join(brief.filters))}" if brief.filters else "") + "</p>",
           '<section class="summary"><h2>Summary</h2>']
    if brief.empty:
        out += ["<p>No claims match.</p>", "</section>", "</body>", "</html>", ""]
        return "\n".join(out)
    out += [f"<p>{h(' '.join(brief.headline))}</p>"]
    if brief.latest:
        out += ["<p><strong>Latest developments</strong></p>", "<ul>"]
        out += [_html_entry(e).replace(' id="claim-', ' data-latest="1" id="latest-').replace(
            ' id="ref-', ' id="latestref-') for e in brief.latest]
        out += ["</ul>"]
    out.append("</section>")
    for area, groups in brief.areas:
        out.append(f"<section><h2>{h(area)}</h2>")
        for actor, group in groups:
            out += [f"<h3>{h(actor)}</h3>", "<ul>"] + [_html_entry(e) for e in group] + ["</ul>"]
        out.append("</section>")
    if figures:
        out.append("<section><h2>Map and timeline</h2>")
        if "map" in figures:
            out.append(f'<figure><img id="map" src="{h(figures["map"])}" alt="Map of the claims"><figcaption>'
                       "Filled markers: the place itself; hollow: near a place; hatched areas and \u2248 labels: "
                       "the claim names only a region; arrows: movements and transfers, dashed where an end is only "
                       "a region. Boundaries: Natural Earth.</figcaption></figure>")
        if "timeline" in figures:
            out.append(f'<figure><img id="timeline" src="{h(figures["timeline"])}" alt="Timeline of the claims">'
                       "<figcaption>Claims by type over time.</figcaption></figure>")
        out.append("</section>")
    out += ['<section class="sources"><h2>Sources</h2>', "<ol>"]
    out += [f'<li id="fn{c.number}" value="{c.number}">{h(citation_text(c))}</li>' for c in brief.citations]
    out += ["</ol>", "</section>",
            '<p class="note">Compiled by sitrep from the reports cited; every sentence restates one extracted claim '
            "and quotes the passage it was read in. Claims are the sources' assertions, not verified facts.</p>",
            "</body>", "</html>", ""]
    return "\n".join(out)


# ---- entry point -----------------------------------------------------------------------------------------------

def _data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def figure_pngs(brief: Brief) -> dict[str, bytes]:
    from sitrep.export import figures
    return {"map": figures.map_png(brief.items), "timeline": figures.timeline_png(brief.items)}


def render_brief(store, claim_filter=None, fmt: str = "md", *, asset_dir: str | Path | None = None,
                 asset_stem: str = "brief", figures: bool = True) -> str:
    """The brief as Markdown ("md") or a self-contained HTML page ("html").

    HTML embeds its figures as base64 PNG data URIs. Markdown writes them as ``<asset_stem>-map.png`` and
    ``<asset_stem>-timeline.png`` in ``asset_dir`` and links them by name; without ``asset_dir`` it embeds data URIs
    too (one self-contained string, for the API). ``figures=False`` leaves them out."""
    if fmt not in ("md", "html"):
        raise ValueError(f"unknown brief format {fmt!r}: md or html")
    brief = build_brief(store, claim_filter)
    links: dict[str, str] | None = None
    if figures and not brief.empty:
        pngs = figure_pngs(brief)
        if fmt == "md" and asset_dir is not None:
            links = {}
            for name, png in pngs.items():
                path = Path(asset_dir) / f"{asset_stem}-{name}.png"
                path.write_bytes(png)
                links[name] = quote(path.name)
        else:
            links = {name: _data_uri(png) for name, png in pngs.items()}
    return render_html(brief, links) if fmt == "html" else render_markdown(brief, links)


MEDIA_TYPES = {"md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8"}
