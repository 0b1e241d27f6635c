"""ACLED-style CSV: ACLED's exact header, parses with csv and pandas, stable ids, the type mapping, golden file."""
from __future__ import annotations

import csv
import io

from tests.test_export_common import build_sample_store, check_golden, sample_store  # noqa: F401 - fixture

from sitrep.export import acled
from sitrep.store import ClaimFilter

ACLED_HEADER = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
                "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,"
                "admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,"
                "tags,timestamp")


def _export(store, f=None) -> str:
    buf = io.StringIO(newline="")
    acled.write(store, buf, f)
    return buf.getvalue()


def test_header_is_exactly_acleds(sample_store):
    text = _export(sample_store)
    assert text.split("\r\n", 1)[0] == ACLED_HEADER
    assert acled.COLUMNS == ACLED_HEADER.split(",")


def test_parses_with_csv_and_pandas(sample_store):
    import pandas as pd

    text = _export(sample_store)
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    frame = pd.read_csv(io.StringIO(text), keep_default_na=False)
    assert list(frame.columns) == ACLED_HEADER.split(",")
    assert len(frame) == len(rows) == 8          # 10 claims: the negated one and the restatement are left out
    assert set(frame["time_precision"]) <= {1, 2, 3}
    located = frame[frame["latitude"] != ""]
    assert set(located["geo_precision"].astype(int)) <= {1, 2, 3}
    assert all(r["event_id_cnty"][:3] in ("SYR", "XXX") and r["event_id_cnty"][3:].isdigit() for r in rows)
    assert len({r["event_id_cnty"] for r in rows}) == len(rows)


def test_event_ids_are_stable_across_exports_and_stores(sample_store, tmp_path):
    first = {r["tags"].split(";")[0]: r["event_id_cnty"] for r in csv.DictReader(io.StringIO(_export(sample_store)))}
    other = build_sample_store(tmp_path / "other.db")
    second = {r["tags"].split(";")[0]: r["event_id_cnty"] for r in csv.DictReader(io.StringIO(_export(other)))}
    assert first == second
    assert _export(sample_store) == _export(other)


def test_mapping_of_types_and_codes(sample_store):
    rows = {r["tags"].split("; ")[1].split("=")[1] + ("-planned" if "modality=planned" in r["tags"] else ""): r
            for r in csv.DictReader(io.StringIO(_export(sample_store)))}
    attack = rows["attack"]
    assert (attack["disorder_type"], attack["event_type"], attack["sub_event_type"]) == (
        "Political violence", "Explosions/Remote violence", "Air/drone strike")     # "drones" in the claim
    assert attack["geo_precision"] == "3" and attack["iso"] == "760" and attack["region"] == "Middle East"
    assert attack["interaction"] == "Political militia-External/Other forces"
    move = rows["movement"]
    assert move["event_type"] == "Strategic developments" and move["sub_event_type"] == "Other"
    assert move["inter1"] == "External/Other forces"        # Iranian forces in Syria
    assert move["location"] == "T4 airbase" and move["admin1"] == "Homs"
    assert move["source"] == "Sharq Horizon; Levant Monitoring Desk"
    assert move["source_scale"] == "Subnational-International"
    assert move["notes"].startswith("On 11 March 2024, Islamic Revolutionary Guard Corps moved Fatemiyoun Brigade "
                                    "from Al-Bukamal (Deir ez-Zor) to T4 airbase (Homs)")
    assert "According to Sharq Horizon citing local sources, as relayed by Levant Monitoring Desk" in move["notes"]
    assert rows["recruitment"]["sub_event_type"] == "Change to group/activity"
    assert rows["recruitment"]["time_precision"] == "3"          # undated: the cited report's date stands in
    assert rows["training-planned"]["event_date"] == "2024-03-15" # a month: ACLED's midpoint
    assert rows["meeting-planned"]["time_precision"] == "2"
    assert rows["establishment"]["sub_event_type"] == "Headquarters or base established"


def test_filters_are_applied(sample_store):
    rows = list(csv.DictReader(io.StringIO(_export(sample_store, ClaimFilter(type="attack")))))
    assert len(rows) == 1 and rows[0]["event_type"] == "Explosions/Remote violence"


def test_spreadsheet_formulas_are_defused():
    assert acled._defuse({"actor1": "=HYPERLINK(1)", "latitude": "-33.1"}) == {"actor1": "'=HYPERLINK(1)",
                                                                                 "latitude": "-33.1"}


def test_golden(sample_store):
    check_golden("acled.csv", _export(sample_store))
