"""PlaceFinder: the team's table of place mentions in context, roles, spatial phrases, and the seeds if present."""
from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest

from sitrep.extract.model import Doc, ReportMeta
from sitrep.extract.places import PlaceFinder

TABLE = Path(__file__).parent / "data" / "place_mentions.tsv"


@pytest.fixture(scope="module")
def finder():
    return PlaceFinder()


def km(a, b):
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dp, dl = p2 - p1, math.radians(b[1] - a[1])
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def load_table():
    with TABLE.open(encoding="utf-8") as fh:
        rows = [r for r in csv.reader((ln for ln in fh if not ln.startswith("#")), delimiter="\t",
                                      quoting=csv.QUOTE_NONE)]
    return rows[1:]


def test_table_size():
    assert len(load_table()) >= 300


def test_mention_table(finder):
    places, resolved, errors = 0, 0, []
    for ctx, mention, lat, lon in load_table():
        s = ctx.index(mention)
        e = s + len(mention)
        found = [m for m in finder.find(ctx) if m.start < e and s < m.end]
        if lat == "NOT_A_PLACE":
            if found:
                errors.append(f"not a place but found: {mention!r} in {ctx!r} -> {found[0].entity.name}")
            continue
        places += 1
        if found and found[0].entity.lat is not None and \
                km((found[0].entity.lat, found[0].entity.lon), (float(lat), float(lon))) <= 30:
            resolved += 1
    assert not errors, "\n".join(errors)
    assert resolved / places >= 0.95, f"{resolved}/{places} resolved within 30 km"


def test_roles_and_relations(finder):
    text = ("The IRGC moved operatives from Iraq to southern Syria through the Al-Bukamal crossing, "
            "and deployed them in the desert area of Al-Mayadin, east of Deir Al-Zour.")
    ms = {m.text: m for m in finder.find(text)}
    assert ms["Iraq"].role == "origin"
    assert ms["southern Syria"].role == "destination" and ms["southern Syria"].entity.precision == 3
    assert ms["Al-Bukamal crossing"].role == "route" and ms["Al-Bukamal crossing"].entity.kind == "facility"
    may = ms["Al-Mayadin"].entity
    assert may.relation == "desert area" and may.precision >= 2 and may.anchor == "Al-Mayadin"
    dz = ms["Deir Al-Zour"].entity
    assert dz.relation == "east of" and dz.precision == 2 and dz.name == "Deir ez-Zor"


def test_possessive_district_and_facility(finder):
    ms = finder.find("Commanders met in Al-Mayadin's Al-Tamu neighborhood near Deir Al-Zour's military airfield.")
    names = [(m.entity.name, m.entity.kind) for m in ms]
    assert ("Al-Tamu", "district") in names
    assert ("Deir ez-Zor Airport", "facility") in names


def test_governorate_phrases(finder):
    ms = finder.find("Raids hit eastern Raqqa and the countryside of Deir Al-Zour, in the Homs Governorate too.")
    kinds = {m.text: (m.entity.name, m.entity.kind) for m in ms}
    assert kinds["Raqqa"] == ("Raqqa Governorate", "region")
    assert kinds["Deir Al-Zour"] == ("Deir ez-Zor Governorate", "region")
    assert kinds["Homs Governorate"][1] == "region"


def test_body_ranges_only(finder):
    text = "Title: Al-Bukamal\nMilitias entered Palmyra.\nBoilerplate mentions Damascus."
    doc = Doc(text=text, meta=ReportMeta(id="x", origin="x"), body=[(18, 43)])
    from sitrep.extract.sentences import split_sentences
    split_sentences(doc)
    finder(doc)
    assert [m.text for m in doc.places] == ["Palmyra"]


SEEDS = Path("/work/shared/seeds")


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is absent (only on the team's machines)")
def test_seed_reports_find_main_places(finder):
    text = next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8")
    names = {m.entity.name for m in finder.find(text)}
    assert {"Abu Kamal", "Al-Mayadin", "Deir ez-Zor", "Khmeimim Air Base", "Iraq", "Syria"} <= names


def test_compound_names_also_name_their_places(finder):
    ms = finder.find("Tankers queued at the Abu Kamal-Al-Qaim crossing, then drove on along the Syria-Iraq border.")
    got = [(m.text, m.entity.name, m.entity.kind) for m in ms]
    assert got[0] == ("Abu Kamal-Al-Qaim crossing", "Abu Kamal border crossing", "facility")
    assert ("Abu Kamal", "Abu Kamal", "city") in got and ("Al-Qaim", "Al-Qa'im", "city") in got
    assert ("Syria", "Syria", "country") in got and ("Iraq", "Iraq", "country") in got
    assert all(m.role == "route" for m in ms if m.entity.name in ("Syria", "Iraq"))
    # one town in a facility's name only says where the facility is
    names = [m.entity.name for m in finder.find("Drones struck the Deir ez-Zor military airport and Al-Bukamal crossing.")]
    assert "Deir ez-Zor" not in names and "Abu Kamal" not in names


def test_border_with_a_country_names_the_country(finder):
    ms = finder.find("Smuggling rings are active along the whole border with Jordan, officials in Amman said.")
    got = {m.text: m.entity for m in ms}
    assert got["border with Jordan"].name == "Jordan–Syria border"
    assert got["Jordan"].kind == "country" and got["Jordan"].country == "JO"


def test_a_refused_longer_name_leaves_the_names_inside(finder):
    # "in Al-Sukhna" has the skeleton of an Egyptian "Ain Sukhna": refused for its form, Al-Sukhna stays
    assert [m.entity.name for m in finder.find("A second battalion arrived in Al-Sukhna at night.")] == ["Al-Sukhnah"]
    # a name refused for its context takes the names inside along
    assert finder.find("The Sayyidah Zaynab Regiment held a parade.") == []


def test_settlements_listed_after_a_plural(finder):
    ms = finder.find("Shelling hit the villages of Zor Abu Ghanem, Mazraat Khudr and Tell Asfar near Daraa.")
    names = [(m.text, m.entity.kind, m.role) for m in ms]
    for n in ("Zor Abu Ghanem", "Mazraat Khudr", "Tell Asfar"):
        assert (n, "city", "site") in names, names
    ms = finder.find("Patrols entered the hamlets al-Khirba and al-Mashrafa before noon.")
    assert [(m.text, m.entity.kind, m.role) for m in ms][:2] == [("al-Khirba", "city", "destination"),
                                                                 ("al-Mashrafa", "city", "destination")]
    # not a list: a clause after the name, a single name without "of", a person after a comma
    assert [m.text for m in finder.find("Two villages Hezbollah controls were shelled.")] == []
    assert "Karim" not in [m.text for m in finder.find("Fighting reached the village of Jubb Safa, Karim said.")]


def test_no_body_sentences_no_places(finder):
    text = "Subscribe to our newsletter from Damascus.\nFollow us in Beirut."
    doc = Doc(text=text, meta=ReportMeta(id="x", origin="x"), body=[(0, len(text))])
    from sitrep.extract.sentences import split_sentences
    split_sentences(doc)
    for s in doc.sentences:
        s.boilerplate = True
    assert finder(doc).places == []
    assert [m.text for m in finder.find(text)] == ["Damascus", "Beirut"]
