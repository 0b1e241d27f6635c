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
