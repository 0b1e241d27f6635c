"""acled: one row per event claim in ACLED's column set and order (CSV).

The mapping of sitrep's twelve types to ACLED event and sub-event types is ``data/export/mappings.yaml`` (after
``../shared/eval/FORMAT.md``). ACLED records events that happened: claims that something did *not* happen (negated)
are left out, and so are headline or summary sentences restating a body claim (the same event twice). Planned events
are kept, marked in the notes and with the tag ``sitrep modality=planned``.

event_id_cnty is the ISO alpha-3 code of the event's country and a number derived from the sitrep claim id, so the
same claim has the same id in every export.
"""
from __future__ import annotations

import csv
from typing import IO, Any

from sitrep.export import mappings as m

COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
           "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
           "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
           "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp"]
UNIT = "events"


def inter_label(actor: dict[str, Any] | None, report: m.ReportInfo, event_country: str | None) -> str:
    if actor is None:
        return ""
    t = m.tables()["acled_inter"]
    name = (actor.get("name") or "").lower()
    if any(w in name.split() for w in t["civilians_words"]):
        return "Civilians"
    label = t["by_kind"].get(m.actor_kind(actor, report), "Political militia")
    if label == "State forces":
        home = m.actor_country(actor, report)
        if home and event_country and home != event_country:
            return "External/Other forces"
    return label


def interaction(inter1: str, inter2: str) -> str:
    if not inter1:
        return ""
    if not inter2:
        return f"{inter1} only"
    codes = m.tables()["acled_inter"]["codes"]
    a, b = sorted([inter1, inter2], key=lambda x: codes.get(x, 9))
    return f"{a}-{b}"


def event_types(claim: dict[str, Any], inter1: str, inter2: str) -> dict[str, str]:
    entry = dict(m.type_entry(claim).get("acled") or {"disorder_type": "Strategic developments",
                                                         "event_type": "Strategic developments",
                                                         "sub_event_type": "Other"})
    if claim.get("type") == "attack":
        rule = m.attack_rule(claim)
        if rule and rule.get("acled"):
            entry = dict(rule["acled"])
        if entry["event_type"] == "Battles" and inter2 == "Civilians":
            entry = {"disorder_type": "Political violence", "event_type": "Violence against civilians",
                     "sub_event_type": "Attack"}
    if claim.get("type") == "seizure" and inter1 in ("State forces",):
        entry = dict(m.tables()["seizure_by_state"])
    return entry


def fatalities(claim: dict[str, Any]) -> int:
    if claim.get("type") != "attack":
        return 0
    t = m.tables()
    units = set(t["fatality_units"])
    total = 0
    for q in claim.get("quantities") or []:
        if (q.get("unit") or "").lower() not in units:
            continue
        if q.get("value") is not None:
            total += int(q["value"])
        else:
            total += int(t["acled_vague_fatalities"].get((q.get("qualifier") or "").lower(), 0))
    return total


def notes(claim: dict[str, Any], report: m.ReportInfo, day: str | None, how: str) -> str:
    """A one-sentence summary in ACLED's manner, built only from the claim's fields, and its sourcing."""
    if how == "claim" and claim.get("date_precision") == "week":
        lead = f"Around {m.human_date(claim.get('date') or day)}, "
    elif how == "claim":
        lead = f"On {m.human_date(claim.get('date') or day)}, "
    elif claim.get("date"):
        lead = f"In {m.human_date(claim['date'])}, "
    else:
        lead = f"As reported on {m.human_date(day)}, " if day else ""
    text = lead + m.summary(claim) + "."
    chain = m.source_chain(claim, report)
    if chain:
        said = f"According to {chain[0]['name']}"
        if chain[0].get("sourcing"):
            said += f" citing {chain[0]['sourcing']}"
        if len(chain) > 1:
            said += f", as relayed by {chain[-1]['name']}"
        text += f" [{said}.]"
    return text[0].upper() + text[1:]


def row(item: m.Item) -> dict[str, Any] | None:
    claim, report = item.claim, item.report
    if claim.get("negated") or m.is_restatement(claim):
        return None
    place = m.primary_place(claim)
    country = (place or {}).get("country")
    info = m.country_info(country)
    ags, oth = m.agents(claim), m.others(claim)
    a1, a2 = (ags[0] if ags else None), (oth[0] if oth else None)
    inter1 = inter_label(a1, report, country)
    inter2 = inter_label(a2, report, country)
    types = event_types(claim, inter1, inter2)
    day, time_precision, how = m.event_date(claim, report)
    chain = m.source_chain(claim, report)
    scales: list[str] = []
    for src in chain:
        scale = m.tables()["acled_source_scale"].get(src["kind"], "Other")
        if scale not in scales:
            scales.append(scale)
    tags = [f"sitrep claim={item.id}", f"sitrep type={claim.get('type')}"]
    if claim.get("modality") == "planned":
        tags.append("sitrep modality=planned")
    if claim.get("certainty"):
        tags.append(f"sitrep certainty={claim['certainty']}")
    if how not in ("claim",):
        tags.append(f"sitrep date={how}")
    if claim.get("optional"):
        tags.append("sitrep background")
    lat = place.get("lat") if place else None
    lon = place.get("lon") if place else None
    a1_names = m.unique_names(ags)
    a2_names = m.unique_names(oth)
    return {
        "event_id_cnty": f"{info['iso3'] or 'XXX'}{m.stable_number(item.id)}",
        "event_date": day or "",
        "year": day[:4] if day else "",
        "time_precision": time_precision,
        "disorder_type": types["disorder_type"],
        "event_type": types["event_type"],
        "sub_event_type": types["sub_event_type"],
        "actor1": a1_names[0] if a1_names else "",
        "assoc_actor_1": "; ".join(a1_names[1:]),
        "inter1": inter1,
        "actor2": a2_names[0] if a2_names else "",
        "assoc_actor_2": "; ".join(a2_names[1:]),
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if inter2 == "Civilians"
        and types["disorder_type"] == "Political violence" else "",
        "iso": info["iso"] if info["iso"] is not None else "",
        "region": info["region"],
        "country": info["name"],
        "admin1": (place or {}).get("admin1") or "",
        "admin2": "",
        "admin3": "",
        "location": (place or {}).get("name") or "",
        "latitude": f"{lat:.4f}" if lat is not None else "",
        "longitude": f"{lon:.4f}" if lon is not None else "",
        "geo_precision": (place or {}).get("precision") or "" if place and lat is not None else "",
        "source": "; ".join(s["name"] for s in chain),
        "source_scale": "-".join(scales),
        "notes": notes(claim, report, day, how),
        "fatalities": fatalities(claim),
        "tags": "; ".join(tags),
        "timestamp": m.record_timestamp(report),
    }


def rows(store, claim_filter=None) -> list[dict[str, Any]]:
    return [r for r in (row(i) for i in m.load_items(store, claim_filter)) if r is not None]


_NUMERIC = {"year", "time_precision", "iso", "latitude", "longitude", "geo_precision", "fatalities", "timestamp"}


def _defuse(r: dict[str, Any]) -> dict[str, Any]:
    """Report text is hostile input: a cell that a spreadsheet would read as a formula gets a leading quote."""
    return {k: ("'" + v if k not in _NUMERIC and isinstance(v, str) and v[:1] in ("=", "+", "-", "@", "\t", "\r")
                else v) for k, v in r.items()}


def write(store, out: IO[str], claim_filter=None) -> int:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writeheader()
    n = 0
    for r in rows(store, claim_filter):
        writer.writerow(_defuse(r))
        n += 1
    return n
