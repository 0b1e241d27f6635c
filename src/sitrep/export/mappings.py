"""What the export formats share: the mapping tables (``data/export/mappings.yaml``), the claims to export with their
reports, and the reading of a claim's fields (its main place, its date at a precision, its source chain).

Everything here is deterministic: the same store gives byte-identical exports.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date as Date
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
ROLE_ORDER = {"site": 0, "destination": 1, "origin": 2, "route": 3}


@lru_cache(maxsize=1)
def tables() -> dict[str, Any]:
    text = (resources.files("sitrep") / "data" / "export" / "mappings.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


@lru_cache(maxsize=1)
def _basemap_countries() -> dict[str, dict[str, str]]:
    path = resources.files("sitrep") / "data" / "basemap" / "countries.geojson"
    data = json.loads(path.read_text(encoding="utf-8"))
    out = {}
    for f in data["features"]:
        p = f["properties"]
        if p.get("iso_a2") and p["iso_a2"] != "-99":
            iso3 = p.get("iso_a3") if p.get("iso_a3") not in (None, "-99") else ""
            out[p["iso_a2"]] = {"name": p.get("name") or p["iso_a2"], "iso3": iso3}
    return out


def country_info(iso2: str | None) -> dict[str, Any]:
    """{"name", "iso" (numeric or None), "iso3", "region"} of an ISO 3166-1 alpha-2 code ("" fields if unknown)."""
    if not iso2:
        return {"name": "", "iso": None, "iso3": "", "region": ""}
    known = tables()["countries"].get(iso2)
    if known:
        return dict(known)
    base = _basemap_countries().get(iso2, {})
    return {"name": base.get("name", iso2), "iso": None, "iso3": base.get("iso3", ""), "region": ""}


# ---- claims with their reports ---------------------------------------------------------------------------------

@dataclass
class ReportInfo:
    id: str
    origin: str
    title: str | None
    published: str | None
    publisher: str | None
    dispatch: str | None
    ingested_at: Any
    actors: dict[str, dict[str, Any]] = field(default_factory=dict)    # canonical name -> entity entry
    outlets: dict[str, dict[str, Any]] = field(default_factory=dict)
    footnotes: dict[int, dict[str, Any]] = field(default_factory=dict)


@dataclass
class Item:
    """One claim to export: its row id, its (reviewed) claim dict and its report."""
    id: str
    report_id: str
    seq: int
    claim: dict[str, Any]
    report: ReportInfo


def _report_info(report) -> ReportInfo:
    ents = report.entities or {}
    return ReportInfo(
        id=report.id, origin=report.origin, title=report.title, published=report.published,
        publisher=report.publisher, dispatch=report.dispatch, ingested_at=report.ingested_at,
        actors={a["name"]: a for a in ents.get("actors", []) if a.get("name")},
        outlets={o["name"]: o for o in ents.get("sources", []) if o.get("name")},
        footnotes={f.number: {"number": f.number, "text": f.text, "outlet": f.outlet, "date": f.date}
                   for f in report.footnotes})


def load_items(store, claim_filter=None) -> list[Item]:
    """The claims ``Store.claims`` returns for the filter (reviewed values, rejected claims left out), in its order."""
    rows, _ = store.claims(claim_filter)
    reports: dict[str, ReportInfo] = {}
    items = []
    for row in rows:
        if row.report_id not in reports:
            rep = store.report(row.report_id)
            if rep is None:
                continue
            reports[row.report_id] = _report_info(rep)
        claim = dict(row.data or {})
        claim["id"] = row.id          # the row id is the stable one (duplicates get a suffix when stored)
        items.append(Item(id=row.id, report_id=row.report_id, seq=row.seq, claim=claim,
                          report=reports[row.report_id]))
    return items


def is_restatement(claim: dict[str, Any]) -> bool:
    """A headline or summary sentence restating a body claim: the same event, not a new one."""
    return bool(claim.get("restates"))


# ---- places ----------------------------------------------------------------------------------------------------

def located(place: dict[str, Any]) -> bool:
    return place.get("lat") is not None and place.get("lon") is not None


def primary_place(claim: dict[str, Any]) -> dict[str, Any] | None:
    """Where the event is recorded: the site, else the destination, origin, route; the most precise of a role.

    A place with coordinates is preferred to one without; among equals, the first mentioned."""
    places = list(enumerate(claim.get("places") or []))
    if not places:
        return None
    best = min(places, key=lambda ip: (0 if located(ip[1]) else 1, ROLE_ORDER.get(ip[1].get("role") or "site", 4),
                                       ip[1].get("precision") or 3, ip[0]))
    return best[1]


def path_places(claim: dict[str, Any]) -> list[dict[str, Any]]:
    """Origin, route and destination places (with coordinates) of a movement or transfer, in travel order.

    Empty unless the claim has both a located origin and a located destination."""
    places = [p for p in claim.get("places") or [] if located(p)]
    origins = [p for p in places if p.get("role") == "origin"]
    dests = [p for p in places if p.get("role") == "destination"]
    if not origins or not dests:
        return []
    route = [p for p in places if p.get("role") == "route"]
    path = [origins[0], *route, dests[-1]]
    out: list[dict[str, Any]] = []
    for p in path:   # drop consecutive duplicates
        if not out or (out[-1]["lat"], out[-1]["lon"]) != (p["lat"], p["lon"]):
            out.append(p)
    return out if len(out) >= 2 else []


def precision_m(place: dict[str, Any]) -> float:
    table = tables()["precision_m"]
    row = table.get(str(place.get("precision") or 1), table["1"])
    return float(row.get(place.get("kind") or "", row["default"]))


# ---- actors ----------------------------------------------------------------------------------------------------

def agents(claim: dict[str, Any]) -> list[dict[str, Any]]:
    return [a for a in claim.get("actors") or [] if (a.get("role") or "agent") == "agent"]


def others(claim: dict[str, Any]) -> list[dict[str, Any]]:
    return [a for a in claim.get("actors") or [] if (a.get("role") or "agent") != "agent"]


def unique_names(actors: list[dict[str, Any]]) -> list[str]:
    seen: list[str] = []
    for a in actors:
        if a.get("name") and a["name"] not in seen:
            seen.append(a["name"])
    return seen


def actor_country(actor: dict[str, Any], report: ReportInfo) -> str | None:
    entry = report.actors.get(actor.get("name") or "")
    if entry and entry.get("country"):
        return entry["country"]
    try:
        from sitrep.kb.actors import lookup
        kb = lookup(actor.get("name") or "")
    except Exception:  # noqa: BLE001 - the knowledge base is optional here
        kb = None
    return getattr(kb, "country", None)


def actor_kind(actor: dict[str, Any], report: ReportInfo) -> str:
    if actor.get("kind"):
        return actor["kind"]
    entry = report.actors.get(actor.get("name") or "")
    return (entry or {}).get("kind") or "unknown"


# ---- dates -----------------------------------------------------------------------------------------------------

def human_date(iso: str | None) -> str:
    """"2024-03-11" -> "11 March 2024"; "2024-03" -> "March 2024"; "2024" -> "2024"."""
    if not iso:
        return ""
    parts = iso.split("-")
    try:
        if len(parts) == 3:
            return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
        if len(parts) == 2:
            return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        return iso
    return iso


def event_date(claim: dict[str, Any], report: ReportInfo) -> tuple[str | None, int, str]:
    """(YYYY-MM-DD, ACLED time_precision, how) for a claim, by ACLED's rules for imprecise dates.

    how: "claim" (the claim's own date), "month"/"year" (a midpoint stood in), "cited report" / "report" (no date in
    the claim: the date of the report that carries it, as an upper bound, precision 3)."""
    value = claim.get("date")
    precision = claim.get("date_precision")
    if value:
        parts = value.split("-")
        if len(parts) == 3:
            tp = claim.get("time_precision") or {"day": 1, "week": 2}.get(precision or "day", 3)
            return value, int(tp), "claim"
        if len(parts) == 2:
            return f"{value}-15", 3, "month"             # ACLED: the month's midpoint
        if len(parts) == 1:
            return f"{value}-07-01", 3, "year"
    src = claim.get("source") or {}
    if src.get("outlet_date") and len(src["outlet_date"]) == 10:
        return src["outlet_date"], 3, "cited report"
    if report.published and len(report.published) == 10:
        return report.published, 3, "report"
    return None, 3, "none"


# ---- sources ---------------------------------------------------------------------------------------------------

def source_chain(claim: dict[str, Any], report: ReportInfo) -> list[dict[str, Any]]:
    """Who says so, origin first: [{"name", "kind", "sourcing"?, "date"?}] - the cited outlet, then the publisher."""
    src = claim.get("source") or {}
    chain: list[dict[str, Any]] = []
    if src.get("name") and src.get("kind") != "publisher":
        chain.append({"name": src["name"], "kind": src.get("kind") or "website", "sourcing": src.get("sourcing"),
                      "date": src.get("outlet_date"), "footnote": src.get("footnote")})
    publisher = src.get("publisher") or report.publisher
    if publisher and publisher not in [c["name"] for c in chain]:
        chain.append({"name": publisher, "kind": "publisher", "date": report.published})
    return chain


# ---- certainty -------------------------------------------------------------------------------------------------

def credibility(claim: dict[str, Any]) -> int:
    """Admiralty information credibility (1-6) of a claim from its hedge."""
    t = tables()["credibility"]
    hedge = (claim.get("certainty") or "").lower().strip()
    if not hedge:
        return int(t["none"])
    for word, value in t["hedges"].items():
        if word in hedge:
            return int(value)
    return int(t["unknown"])


def stix_confidence(claim: dict[str, Any]) -> int | None:
    return tables()["stix_confidence"].get(credibility(claim))


# ---- event types -----------------------------------------------------------------------------------------------

def _words(claim: dict[str, Any]) -> str:
    bits = list(claim.get("equipment") or [])
    trig = claim.get("trigger") or {}
    if trig.get("text"):
        bits.append(trig["text"])
    bits.append((claim.get("evidence") or {}).get("text") or "")
    return " ".join(bits).lower()


def _matches(word: str, text: str) -> bool:
    return re.search(r"(?<![a-z])" + re.escape(word), text) is not None


def attack_rule(claim: dict[str, Any]) -> dict[str, Any] | None:
    """The first attack rule matching a claim's equipment, trigger or evidence (words at a word start)."""
    if claim.get("type") != "attack":
        return None
    text = _words(claim)
    for rule in tables()["attack_rules"]:
        if any(_matches(w, text) for w in rule["words"]):
            return rule
    return None


def type_entry(claim: dict[str, Any]) -> dict[str, Any]:
    return tables()["types"].get(claim.get("type") or "", {})


# ---- summary sentences ---------------------------------------------------------------------------------------

def phrase(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def place_phrase(place: dict[str, Any] | None) -> str:
    if not place:
        return ""
    name = place.get("name") or ""
    admin1 = place.get("admin1")
    return f"{name} ({admin1})" if admin1 and admin1 != name else name


def quantity_text(q: dict[str, Any]) -> str:
    value = q.get("value")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    bits = [q.get("qualifier") or "", "" if value is None else f"{value}", q.get("unit") or ""]
    return " ".join(b for b in bits if b)


def summary(claim: dict[str, Any]) -> str:
    """"IRGC moved Fatemiyoun Brigade from Al-Bukamal (Deir ez-Zor) to T4 airbase (Homs) (more than 40 operatives)":
    a clause made only of the claim's type, actors, places, hedge and quantities (no other words are invented)."""
    verbs = type_entry(claim).get("verb") or {"past": "acted", "plan": "planned to act", "neg": "did not act",
                                               "obj": "involving"}
    doers = phrase(unique_names(agents(claim))) or "Unidentified actors"
    verb = verbs["neg"] if claim.get("negated") else verbs["plan"] if claim.get("modality") == "planned" \
        else verbs["past"]
    hedge = (claim.get("certainty") or "").strip()
    inline = hedge if hedge.endswith("ly") and " " not in hedge else ""
    text = f"{doers} {inline + ' ' if inline else ''}{verb}"
    objs = unique_names(others(claim))
    if objs:
        join = verbs.get("obj", "involving")
        text += f" {join + ' ' if join else ''}{phrase(objs)}"
    places = claim.get("places") or []
    origin = next((p for p in places if p.get("role") == "origin"), None)
    dest = next((p for p in places if p.get("role") == "destination"), None)
    if origin is not None:
        text += f" from {place_phrase(origin)}"
    if dest is not None:
        text += f" to {place_phrase(dest)}"
    sites = [p for p in places if (p.get("role") or "site") == "site"]
    if sites:
        text += f" in {phrase([place_phrase(p) for p in sites])}"
    qty = [t for t in (quantity_text(q) for q in claim.get("quantities") or []) if t]
    if qty:
        text += f" ({'; '.join(qty)})"
    if hedge and not inline:
        text += f" ({hedge})"
    return text


# ---- ids -------------------------------------------------------------------------------------------------------

def stable_number(key: str, digits: int = 10) -> int:
    """A number of at most ``digits`` digits derived from a key (the same key, the same number, in every export)."""
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:16], 16) % (10 ** digits)


def record_timestamp(report: ReportInfo) -> int:
    """Unix seconds of when the report entered the store (ACLED's `timestamp`: when the record was added)."""
    when = report.ingested_at
    if when is None:
        return 0
    from datetime import timezone
    return int(when.replace(tzinfo=timezone.utc).timestamp())


def iso_datetime(day: str | None, fallback: str = "2000-01-01") -> str:
    """An ISO day as a STIX timestamp at midnight UTC."""
    d = day if day and len(day) == 10 else fallback
    try:
        Date.fromisoformat(d)
    except ValueError:
        d = fallback
    return f"{d}T00:00:00Z"
