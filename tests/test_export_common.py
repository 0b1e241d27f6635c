"""The sample store the export tests share, and the mapping tables' own checks.

The sample is built from hand-made claim records in the store's shape (``sitrep.extract.serialize.claim_dict``), so the
export tests do not depend on what the extractor finds today: example report 001 (ingested with the real loader) with
claims whose evidence spans are real offsets into its text, and a hostile report of our own whose title is a script
tag. Other export test modules import ``build_sample_store`` from here.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_001 = ROOT / "examples" / "reports" / "001_irgc-fatemiyoun-t4-redeployment.txt"
GOLDEN = Path(__file__).resolve().parent / "golden" / "export"

HOSTILE = b"""<script>alert(1)</script> Militia Drones Hit Base & "Conoco"

March 20, 2024

On March 19, drones launched by the Islamic Resistance in Iraq struck the Conoco gas field base in the Deir ez-Zor \
countryside, the Euphrates Eye website reported.[1] The militias did not withdraw from Al-Mayadin. The Islamic \
Resistance in Iraq will reportedly hold a meeting in Al-Bukamal next week.

[1] EuphratesEye.example, March 19, 2024.
"""

# Places as the gazetteer gives them (coordinates of the real places; the events are fictional).
BUKAMAL = {"name": "Al-Bukamal", "lat": 34.4536, "lon": 40.9367, "country": "SY", "kind": "city", "precision": 1,
           "admin1": "Deir ez-Zor", "gazetteer_id": "geonames:170794"}
T4 = {"name": "T4 airbase", "lat": 34.5222, "lon": 37.6297, "country": "SY", "kind": "facility", "precision": 1,
      "admin1": "Homs", "gazetteer_id": "curated:t4-airbase"}
PALMYRA = {"name": "Palmyra", "lat": 34.5503, "lon": 38.2691, "country": "SY", "kind": "city", "precision": 1,
           "admin1": "Homs", "gazetteer_id": "geonames:163345"}
MAYADIN = {"name": "Al-Mayadin", "lat": 35.0208, "lon": 40.4528, "country": "SY", "kind": "city", "precision": 1,
           "admin1": "Deir ez-Zor", "gazetteer_id": "geonames:166578"}
HAMDAN = {"name": "Al-Hamdan airport", "lat": 34.4844, "lon": 40.8986, "country": "SY", "kind": "facility",
          "precision": 2, "admin1": "Deir ez-Zor", "gazetteer_id": "curated:hamdan-airport", "anchor": "Al-Bukamal",
          "relation": "near"}
IRAQ = {"name": "Iraq", "lat": 33.0, "lon": 44.0, "country": "IQ", "kind": "country", "precision": 3,
        "admin1": None, "gazetteer_id": "geonames:99237"}
DEIR_REGION = {"name": "Deir ez-Zor countryside", "lat": 35.3359, "lon": 40.1408, "country": "SY", "kind": "region",
               "precision": 3, "admin1": "Deir ez-Zor", "gazetteer_id": "geonames:170792", "anchor": "Deir ez-Zor",
               "relation": "countryside"}
MAYADIN_SOUTH = {"name": "Al-Mayadin", "lat": 35.0208, "lon": 40.4528, "country": "SY", "kind": "city",
                 "precision": 1, "admin1": "Deir ez-Zor", "gazetteer_id": "geonames:166578"}

IRGC = {"name": "Islamic Revolutionary Guard Corps", "kind": "force", "parent": None}
FATEMIYOUN = {"name": "Fatemiyoun Brigade", "kind": "militia", "parent": "Islamic Revolutionary Guard Corps"}
KH = {"name": "Kata'ib Hezbollah", "kind": "militia", "parent": None}
NUJABA = {"name": "Harakat Al-Nujaba", "kind": "militia", "parent": None}
IRI = {"name": "Islamic Resistance in Iraq", "kind": "collective", "parent": None}
MILITIAS = {"name": "Iran-backed militias", "kind": "collective", "parent": None}
COALITION = {"name": "International Coalition", "kind": "force", "parent": None}


def _span(text: str, passage: str, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = text.index(passage, start + 1)
    return {"text": passage, "start": start, "end": start + len(passage)}


def _actor(entry: dict, mention: str, role: str = "agent") -> dict:
    return {"name": entry["name"], "mention": mention, "role": role, "kind": entry["kind"], "parent": entry["parent"]}


def _place(entry: dict, mention: str, role: str = "site") -> dict:
    return {**entry, "mention": mention, "role": role}


def _claim(report_id: str, text: str, type_: str, evidence: str, *, actors=(), places=(), date=None,
           precision="day", modality="occurred", negated=False, certainty=None, source=None, quantities=(),
           equipment=(), persons=(), optional=False, restates=None, trigger=None) -> dict:
    ev = _span(text, evidence)
    trig = None
    if trigger:
        t = text.index(trigger, ev["start"])
        trig = {"text": trigger, "start": t, "end": t + len(trigger)}
    key = f"{report_id}:{type_}:{ev['start']}:{ev['end']}:{trig['start'] if trig else -1}"
    return {
        "id": hashlib.sha1(key.encode()).hexdigest()[:20], "type": type_, "modality": modality, "negated": negated,
        "certainty": certainty, "date": date, "date_precision": precision if date else None,
        "time_precision": {"day": 1, "week": 2, "month": 3, "year": 3}[precision] if date else None,
        "actors": list(actors), "places": list(places), "source": source, "persons": list(persons),
        "quantities": list(quantities), "equipment": list(equipment), "evidence": ev, "trigger": trig,
        "optional": optional, "restates": restates, "fields": {}, "extractor_version": "test",
    }


def _source(name, kind="website", mention=None, publisher=None, date=None, footnote=None, sourcing=None) -> dict:
    return {"name": name, "kind": kind, "mention": mention or name, "publisher": publisher, "outlet_date": date,
            "footnote": footnote, "sourcing": sourcing}


def _entities(claims: list[dict], outlets: list[dict]) -> dict:
    actors, places = {}, {}
    for c in claims:
        for a in c["actors"]:
            actors.setdefault(a["name"], {"name": a["name"], "kind": a["kind"], "country": None, "parent": a["parent"],
                                          "known": True, "mentions": [a["mention"]], "spans": []})
        for p in c["places"]:
            places.setdefault(p["name"], {k: v for k, v in p.items() if k not in ("mention", "role")}
                              | {"mentions": [p["mention"]], "spans": []})
    countries = {"Islamic Revolutionary Guard Corps": "IR", "Fatemiyoun Brigade": "IR", "Kata'ib Hezbollah": "IQ",
                 "Harakat Al-Nujaba": "IQ", "Islamic Resistance in Iraq": "IQ", "International Coalition": "US"}
    for name, a in actors.items():
        a["country"] = countries.get(name)
    return {"actors": list(actors.values()), "persons": [], "sources": outlets, "places": list(places.values())}


def sample_records():
    """[(prepared report, record)] for the two sample reports."""
    from sitrep.ingest.loader import prepare

    out = []
    # -- example report 001 ----------------------------------------------------------------------------------------
    p1 = prepare(EXAMPLE_001.read_bytes(), "examples/reports/001_irgc-fatemiyoun-t4-redeployment.txt")
    t, rid, pub = p1.text, p1.id, "Levant Monitoring Desk"
    sharq = dict(name="Sharq Horizon", kind="website", publisher=pub, date="2024-03-12", sourcing="local sources")
    badia = dict(name="Badia Watch", kind="website", publisher=pub, date="2024-03-13")
    c1 = [
        _claim(rid, t, "movement", "on the previous day the IRGC moved more than 40 operatives of the Fatemiyoun "
               "Brigade from their positions on the outskirts of Al-Boukamal to the T4 airbase, west of Palmyra",
               trigger="moved", date="2024-03-11",
               actors=[_actor(IRGC, "the IRGC"), _actor(FATEMIYOUN, "Fatemiyoun Brigade", "participant")],
               places=[_place(BUKAMAL, "Al-Boukamal", "origin"), _place(PALMYRA, "Palmyra", "route"),
                       _place(T4, "T4 airbase", "destination")],
               source=_source(mention="Sharq Horizon website", footnote=1, **sharq),
               quantities=[{"value": 40, "unit": "operatives", "qualifier": "more than", "text": "more than 40"}]),
        _claim(rid, t, "transfer", "three trucks and two fuel tankers belonging to the Iraqi Kata'ib Hezbollah militia "
               "entered Syria from Iraq through the unofficial Al-Sikak crossing", trigger="entered", date="2024-03-11",
               actors=[_actor(KH, "Kata'ib Hezbollah")],
               places=[_place(IRAQ, "Iraq", "origin"), _place(HAMDAN, "Al-Hamdan airport", "destination")],
               source=_source(footnote=2, **sharq), equipment=["trucks", "fuel tankers", "ammunition"],
               quantities=[{"value": 3, "unit": "trucks", "qualifier": None, "text": "three trucks"}],
               certainty="allegedly"),
        _claim(rid, t, "meeting", "Hajj Abu Ali met on the evening of March 12 with commanders of the Fatemiyoun and "
               "of the Iraqi Harakat Al-Nujaba militia", trigger="met", date="2024-03-12",
               actors=[_actor(IRGC, "IRGC"), _actor(FATEMIYOUN, "Fatemiyoun", "participant"),
                       _actor(NUJABA, "Harakat Al-Nujaba", "participant")],
               places=[_place(MAYADIN, "Al-Mayadin", "site")], source=_source(**sharq), certainty="reportedly",
               persons=[{"name": "Hajj Abu Ali Al-Khorasani", "mention": "Hajj Abu Ali", "affiliation": IRGC["name"]}]),
        _claim(rid, t, "movement", "the Iran-backed militias have not withdrawn from their positions in Al-Mayadin",
               trigger="withdrawn", date="2024-03-12", negated=True, actors=[_actor(MILITIAS, "Iran-backed militias")],
               places=[_place(MAYADIN, "Al-Mayadin", "origin")], source=_source(**sharq)),
        _claim(rid, t, "training", "the Iran-backed militias intend to hold a two-week course in the operation of "
               "suicide drones for about 60 young men", trigger="course", date="2024-03", precision="month",
               modality="planned", actors=[_actor(MILITIAS, "the Iran-backed militias")],
               places=[_place(MAYADIN, "Al-Mayadin", "site")], source=_source(footnote=3, **badia),
               equipment=["suicide drones"],
               quantities=[{"value": 60, "unit": "young men", "qualifier": "about", "text": "about 60"}]),
        _claim(rid, t, "recruitment", "some 200 men from Al-Mayadin, Al-Quriyah and Mahkan have registered since the "
               "beginning of the drive", trigger="registered", date=None, certainty="claimed",
               actors=[_actor(MILITIAS, "the militias")], places=[_place(MAYADIN, "Al-Mayadin", "site")],
               source=_source(**badia)),
        _claim(rid, t, "establishment", "the establishment of a new weapons depot by the IRGC in the desert east of "
               "Al-Sukhnah", trigger="establishment", date="2024-02", precision="month", optional=True,
               actors=[_actor(IRGC, "the IRGC")], places=[],
               source={"name": pub, "kind": "publisher", "mention": None, "publisher": pub, "outlet_date": None,
                       "footnote": 4, "sourcing": None}),
    ]
    c1.append(_claim(rid, t, "movement", "IRGC Moves Afghan Fatemiyoun Operatives From Al-Bukamal To T4 Airbase",
                     trigger="Moves", date="2024-03-11", optional=True, restates=c1[0]["id"],
                     actors=[_actor(IRGC, "IRGC"), _actor(FATEMIYOUN, "Afghan Fatemiyoun", "participant")],
                     places=[_place(BUKAMAL, "Al-Bukamal", "origin"), _place(T4, "T4 Airbase", "destination")],
                     source={"name": pub, "kind": "publisher", "mention": None, "publisher": pub,
                             "outlet_date": None, "footnote": None, "sourcing": None}))
    outlets1 = [{"name": "Sharq Horizon", "kind": "website", "country": "SY", "orientation": "opposition",
                 "mentions": ["Sharq Horizon"], "spans": []},
                {"name": "Badia Watch", "kind": "website", "country": "SY", "orientation": "opposition",
                 "mentions": ["Badia Watch"], "spans": []}]
    out.append((p1, {"entities": _entities(c1, outlets1), "claims": c1}))

    # -- a hostile report of our own -------------------------------------------------------------------------------
    p2 = prepare(HOSTILE, "https://example.org/<b>hostile</b>?q=\"1\"&x=<script>")
    t, rid = p2.text, p2.id
    eye = dict(name="Euphrates Eye <img src=x onerror=alert(2)>", kind="telegram", publisher=None,
               date="2024-03-19", footnote=1)
    c2 = [
        _claim(rid, t, "attack", "drones launched by the Islamic Resistance in Iraq struck the Conoco gas field base "
               "in the Deir ez-Zor countryside", trigger="struck", date="2024-03-19",
               actors=[_actor(IRI, "the Islamic Resistance in Iraq"),
                       _actor(COALITION, "the Conoco gas field base", "target")],
               places=[_place(DEIR_REGION, "the Deir ez-Zor countryside", "site")], source=_source(**eye),
               equipment=["drones"]),
        _claim(rid, t, "meeting", "The Islamic Resistance in Iraq will reportedly hold a meeting in Al-Bukamal next "
               "week", trigger="meeting", date="2024-03-25", precision="week", modality="planned",
               certainty="reportedly", actors=[_actor(IRI, "The Islamic Resistance in Iraq")],
               places=[_place(BUKAMAL, "Al-Bukamal", "site")], source=_source(**eye)),
    ]
    outlets2 = [{"name": eye["name"], "kind": "telegram", "country": None, "orientation": None,
                 "mentions": ["Euphrates Eye"], "spans": []}]
    out.append((p2, {"entities": _entities(c2, outlets2), "claims": c2}))
    return out


def build_sample_store(path: Path):
    """A store at ``path`` holding the two sample reports; ingestion times fixed so exports are reproducible."""
    from datetime import datetime

    from sqlalchemy import update

    from sitrep.store import Report, open_store

    store = open_store(str(path))
    for prepared, record in sample_records():
        store.save_report(prepared, record, "test")
    with store._sessions.begin() as s:
        s.execute(update(Report).values(ingested_at=datetime(2024, 3, 21, 12, 0, 0)))
    return store


def check_golden(name: str, text: str) -> None:
    """Compare with tests/golden/<name>; SITREP_UPDATE_GOLDEN=1 rewrites it."""
    import os

    path = GOLDEN / name
    if os.environ.get("SITREP_UPDATE_GOLDEN") == "1" or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
        if os.environ.get("SITREP_UPDATE_GOLDEN") != "1":
            pytest.fail(f"golden file {path} was missing and has been written: check it and re-run")
    # newlines normalised: a checkout may turn the CSV's CRLF into LF (the CRLF is tested on its own)
    expected = path.read_bytes().decode("utf-8").replace("\r\n", "\n")
    assert text.replace("\r\n", "\n") == expected, f"{name} differs from its golden file (SITREP_UPDATE_GOLDEN=1)"


@pytest.fixture
def sample_store(tmp_path):
    return build_sample_store(tmp_path / "sample.db")


# ---- the mapping tables ------------------------------------------------------------------------------------------

def test_every_type_has_both_mappings():
    from sitrep.export.mappings import tables
    t = tables()
    assert set(t["types"]) == {"movement", "transfer", "meeting", "training", "recruitment", "directive", "posture",
                               "attack", "seizure", "agreement", "establishment", "arrest"}
    for name, entry in t["types"].items():
        assert entry["acled"]["event_type"] and entry["acled"]["sub_event_type"], name
        assert entry["plover"]["event"] in t["plover_quad"], name


def test_credibility_and_confidence_follow_appendix_a():
    from sitrep.export.mappings import credibility, stix_confidence
    assert credibility({}) == 2 and stix_confidence({}) == 70
    assert credibility({"certainty": "reportedly"}) == 3 and stix_confidence({"certainty": "reportedly"}) == 50
    assert credibility({"certainty": "allegedly"}) == 4 and stix_confidence({"certainty": "allegedly"}) == 30


def test_event_date_rules():
    from sitrep.export.mappings import ReportInfo, event_date
    rep = ReportInfo(id="r", origin="o", title=None, published="2024-03-14", publisher=None, dispatch=None,
                     ingested_at=None)
    assert event_date({"date": "2024-03-11", "date_precision": "day"}, rep) == ("2024-03-11", 1, "claim")
    assert event_date({"date": "2024-03", "date_precision": "month"}, rep) == ("2024-03-15", 3, "month")
    assert event_date({"date": None, "source": {"outlet_date": "2024-03-13"}}, rep) == ("2024-03-13", 3,
                                                                                       "cited report")
    assert event_date({"date": None}, rep) == ("2024-03-14", 3, "report")


def test_sample_store_builds(sample_store):
    rows, total = sample_store.claims()
    assert total == 10
