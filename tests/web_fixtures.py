"""Deterministic stores for the API, review and browser tests: our own hand-made reports and claim records.

The records have the shape of ``sitrep.extract.serialize`` but are written by hand, so these tests do not depend on
what the extraction stages find.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from sitrep.ingest.loader import prepare
from sitrep.store import open_store

VERSION = "test-0"

REPORT_A = """Test Dispatch: Militia Convoy Moves From Al-Bukamal To Palmyra

March 14, 2024

Test Dispatch No. 1

On March 11, the Test Horizon website reported that the Fatemiyoun Brigade moved 40 operatives from Al-Bukamal through Al-Mayadin to Palmyra.[1] The operatives travelled in five buses.

On March 12, Kata'ib Hezbollah transferred ammunition from Al-Qa'im to a depot near Deir ez-Zor, according to local sources.[2]

Test Horizon added that the IRGC plans to hold a training course in the Deir ez-Zor Governorate for 60 recruits.

[1] Testhorizon.example, March 12, 2024.
[2] Testhorizon.example, March 12, 2024.
"""

REPORT_B = """Test Dispatch: Meeting In Baghdad; Arrests In Daraa

April 2, 2024

Test Dispatch No. 2

On March 30, commanders of Kata'ib Hezbollah and Harakat Al-Nujaba met in Baghdad with an IRGC adviser, the Test Eye channel reported.

On April 1, the Fourth Division arrested 12 young men in Tafas, in Daraa Governorate, according to the Test Eye channel.
"""

# Hostile input: markup and script in the title and the body (a report is never rendered as HTML).
REPORT_XSS = """<script>window.__pwned = 1; alert('title')</script> Test Dispatch: Drone <b>Attack</b>

May 5, 2024

Test Dispatch No. 3

On May 4, <img src=x onerror="window.__pwned=2"> drones attacked a base near Deir ez-Zor <script>window.__pwned=3</script>, the Test Eye channel said.
"""

PLACES = {
    "Al-Bukamal": (34.4533, 40.9187, "town", "SY", 1),
    "Al-Mayadin": (35.0206, 40.4514, "town", "SY", 1),
    "Palmyra": (34.5601, 38.2675, "town", "SY", 1),
    "Al-Qa'im": (34.3688, 41.0945, "town", "IQ", 1),
    "Deir ez-Zor": (35.3359, 40.1408, "city", "SY", 2),
    "Deir ez-Zor Governorate": (35.15, 40.25, "admin1", "SY", 3),
    "Baghdad": (33.3406, 44.4009, "city", "IQ", 1),
    "Tafas": (32.7372, 35.9733, "town", "SY", 1),
}


def place(name: str, role: str, mention: str | None = None) -> dict:
    lat, lon, kind, country, precision = PLACES[name]
    return {"name": name, "lat": lat, "lon": lon, "country": country, "kind": kind, "precision": precision,
            "admin1": None, "gazetteer_id": None, "mention": mention or name, "role": role}


def actor(name: str, role: str, mention: str | None = None) -> dict:
    return {"name": name, "mention": mention or name, "role": role, "kind": "militia", "parent": None}


def span(text: str, needle: str) -> dict:
    start = text.index(needle)
    return {"text": needle, "start": start, "end": start + len(needle)}


def claim(report_id: str, text: str, type_: str, evidence: str, date: str | None, actors: list, places: list,
          source: str | None = None, modality: str = "occurred", footnote: int | None = None,
          fields: dict[str, str] | None = None) -> dict:
    ev = span(text, evidence)
    cid = hashlib.sha1(f"{report_id}:{type_}:{ev['start']}:{ev['end']}".encode()).hexdigest()[:20]
    return {
        "id": cid, "type": type_, "modality": modality, "negated": False,
        "certainty": "reportedly" if modality == "occurred" else None, "date": date,
        "date_precision": "day" if date else None, "time_precision": 1 if date else None,
        "actors": actors, "places": places,
        "source": ({"name": source, "kind": "website", "mention": source, "publisher": "Test Desk",
                    "outlet_date": date, "footnote": footnote, "sourcing": "local sources"} if source else None),
        "persons": [], "quantities": [], "equipment": [], "evidence": ev, "trigger": None, "optional": False,
        "restates": None, "fields": {k: span(text, v) for k, v in (fields or {}).items()},
        "extractor_version": VERSION,
    }


def records() -> list[tuple[bytes, str, callable]]:
    def a(rid, text):
        return [
            claim(rid, text, "movement",
                  "the Fatemiyoun Brigade moved 40 operatives from Al-Bukamal through Al-Mayadin to Palmyra",
                  "2024-03-11", [actor("Fatemiyoun Brigade", "agent")],
                  [place("Al-Bukamal", "origin"), place("Al-Mayadin", "route"), place("Palmyra", "destination")],
                  "Test Horizon", footnote=1,
                  fields={"date": "On March 11", "source": "Test Horizon", "actors": "Fatemiyoun Brigade",
                          "places": "Al-Bukamal"}),
            claim(rid, text, "transfer", "Kata'ib Hezbollah transferred ammunition from Al-Qa'im to a depot near "
                  "Deir ez-Zor", "2024-03-12", [actor("Kata'ib Hezbollah", "agent")],
                  [place("Al-Qa'im", "origin"), place("Deir ez-Zor", "destination", "near Deir ez-Zor")],
                  "local sources", footnote=2, fields={"date": "On March 12"}),
            claim(rid, text, "training", "the IRGC plans to hold a training course in the Deir ez-Zor Governorate",
                  "2024-03", [actor("Islamic Revolutionary Guard Corps", "agent", "IRGC")],
                  [place("Deir ez-Zor Governorate", "site")], "Test Horizon", modality="planned"),
        ]

    def b(rid, text):
        return [
            claim(rid, text, "meeting", "commanders of Kata'ib Hezbollah and Harakat Al-Nujaba met in Baghdad with "
                  "an IRGC adviser", "2024-03-30",
                  [actor("Kata'ib Hezbollah", "participant"), actor("Harakat al-Nujaba", "participant",
                                                                    "Harakat Al-Nujaba"),
                   actor("Islamic Revolutionary Guard Corps", "participant", "IRGC")],
                  [place("Baghdad", "site")], "Test Eye"),
            claim(rid, text, "arrest", "the Fourth Division arrested 12 young men in Tafas", "2024-04-01",
                  [actor("4th Armoured Division", "agent", "Fourth Division")], [place("Tafas", "site")], "Test Eye"),
        ]

    def x(rid, text):
        return [claim(rid, text, "attack", "drones attacked a base near Deir ez-Zor <script>window.__pwned=3</script>",
                      "2024-05-04", [actor("<b>Unknown</b> <script>window.__pwned=4</script>", "agent")],
                      [place("Deir ez-Zor", "site")], "Test <i>Eye</i>")]

    return [(REPORT_A.encode(), "test/report_a.txt", a), (REPORT_B.encode(), "test/report_b.txt", b),
            (REPORT_XSS.encode(), "test/report_xss.txt", x)]


def seed(store) -> dict[str, dict]:
    """Save the hand-made reports into a store: {origin: {"id": report id, "claims": [claim ids]}}."""
    out = {}
    for raw, origin, make in records():
        prepared = prepare(raw, origin, "text")
        claims = make(prepared.id, prepared.text)
        record = {"entities": {"actors": [], "persons": [], "sources": [], "places": []}, "claims": claims}
        store.save_report(prepared, record, VERSION)
        out[origin] = {"id": prepared.id, "claims": [c["id"] for c in claims], "record": record}
    return out


def seeded_store(path: Path):
    store = open_store(str(path))
    return store, seed(store)
