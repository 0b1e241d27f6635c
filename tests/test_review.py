"""Analyst review: accept, correct, reject; the audit trail; every reader sees reviewed values; reviews outlive
re-extraction and restarts."""
from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from sitrep.store import ClaimFilter, open_store
from sitrep.store.review import ReviewError, history, review_claim
from sitrep.web import Settings, create_app
from tests.web_fixtures import seeded_store

TOKEN = "tok"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture()
def seeded(tmp_path):
    return seeded_store(tmp_path / "review.db")


def movement(ids):
    return ids["test/report_a.txt"]["claims"][0]


def test_correction_is_written_into_the_claim_with_the_previous_value_kept(seeded):
    store, ids = seeded
    cid = movement(ids)
    review_claim(store, cid, "correct", "ana", {"type": "transfer", "date": "2024-03-10", "source": "Badia Test"},
                 note="the report's own date is wrong")
    row = store.claim(cid)
    assert (row.type, row.date, row.date_precision, row.source, row.status) == (
        "transfer", "2024-03-10", "day", "Badia Test", "corrected")
    assert row.data["type"] == "transfer" and row.data["date"] == "2024-03-10"
    assert row.data["source"]["name"] == "Badia Test" and row.data["review"]["corrected"] == ["date", "source", "type"]
    trail = history(store, cid)
    assert [(r.action, r.field, r.previous, r.new) for r in trail if r.field != "source"] == [
        ("correct", "type", "movement", "transfer"), ("correct", "date", "2024-03-11", "2024-03-10")]
    assert all(r.reviewer == "ana" and r.created_at is not None and r.note for r in trail)
    assert store.claims(ClaimFilter(type="transfer"))[1] == 2         # the filters follow the correction
    assert store.claims(ClaimFilter(source="badia"))[1] == 1


def test_correcting_actors_and_places_updates_their_rows_and_the_map_point(seeded):
    store, ids = seeded
    cid = movement(ids)
    review_claim(store, cid, "correct", "ana", {
        "actors": [{"name": "Fatemiyoun Brigade", "role": "agent"}, {"name": "Liwa Test", "role": "agent"}],
        "places": [{"name": "Palmyra", "role": "destination"},
                   {"name": "T4 Airbase", "lat": 34.522, "lon": 37.627, "precision": 1, "role": "destination"}]})
    assert store.claims(ClaimFilter(actor="Liwa Test"))[0][0].id == cid
    assert store.claims(ClaimFilter(place="T4"))[1] == 1
    assert store.claims(ClaimFilter(place="Al-Bukamal"))[1] == 0
    row = store.claim(cid)
    assert (row.lat, row.lon, row.precision) == (34.5601, 38.2675, 1)
    assert row.data["places"][1]["lat"] == 34.522


def test_reject_hides_the_claim_everywhere_unless_asked(seeded):
    store, ids = seeded
    cid = movement(ids)
    review_claim(store, cid, "reject", "ana", note="duplicate")
    assert cid not in {r.id for r in store.claims(ClaimFilter())[0]}
    assert cid in {r.id for r in store.claims(ClaimFilter(include_rejected=True))[0]}
    assert [r.id for r in store.claims(ClaimFilter(status="rejected"))[0]] == [cid]
    review_claim(store, cid, "accept", "bob")       # a later decision overrides
    assert store.claim(cid).status == "accepted"
    assert [(r.action, r.new) for r in history(store, cid)] == [
        ("reject", {"status": "rejected"}), ("accept", {"status": "accepted"})]


@pytest.mark.parametrize("action,changes,fragment", [
    ("approve", None, "unknown action"),
    ("correct", None, "at least one"),
    ("correct", {"type": "picnic"}, "unknown event type"),
    ("correct", {"date": "2024-02-30"}, "no such day"),
    ("correct", {"date": "March"}, "bad date"),
    ("correct", {"modality": "rumoured"}, "modality"),
    ("correct", {"places": [{"name": "X", "lat": 95, "lon": 1}]}, "latitude"),
    ("correct", {"places": [{"name": "X", "lat": 5}]}, "both"),
    ("correct", {"places": [{"name": "X", "lat": 5, "lon": 5, "precision": 7}]}, "precision"),
    ("correct", {"actors": "IRGC"}, "list"),
    ("correct", {"colour": "red"}, "cannot correct"),
    ("correct", {"type": "movement"}, "nothing to correct"),
    ("accept", {"type": "movement"}, "takes no changes"),
])
def test_bad_reviews_change_nothing(seeded, action, changes, fragment):
    store, ids = seeded
    cid = movement(ids)
    before = store.claim(cid).data
    with pytest.raises(ReviewError, match=fragment):
        review_claim(store, cid, action, "ana", changes)
    assert store.claim(cid).data == before and history(store, cid) == []


def test_unknown_claim_is_a_key_error(seeded):
    with pytest.raises(KeyError):
        review_claim(seeded[0], "nope", "accept", "ana")


def test_reviews_are_reapplied_after_reextraction(seeded):
    store, ids = seeded
    a = ids["test/report_a.txt"]
    review_claim(store, a["claims"][0], "correct", "ana", {"date": "2024-03-09"})
    review_claim(store, a["claims"][1], "reject", "ana")
    store.replace_extraction(a["id"], json.loads(json.dumps(a["record"])), "test-1")   # a fresh extraction
    assert store.claim(a["claims"][0]).date == "2024-03-09"
    assert store.claim(a["claims"][0]).status == "corrected"
    assert store.claim(a["claims"][1]).status == "rejected"
    assert store.claim(a["claims"][2]).status == "unreviewed"
    assert len(history(store, a["claims"][0])) == 1                  # re-applying adds no audit rows


def test_reviews_survive_reopening_the_store(tmp_path):
    store, ids = seeded_store(tmp_path / "persist.db")
    review_claim(store, movement(ids), "correct", "ana", {"date": "2024-03-08"})
    store.engine.dispose()
    again = open_store(str(tmp_path / "persist.db"))
    assert again.claim(movement(ids)).date == "2024-03-08"
    assert history(again, movement(ids))[0].previous == "2024-03-11"


def test_exports_use_reviewed_values(seeded):
    import io

    from sitrep.export import FORMATS
    import importlib
    store, ids = seeded
    cid = movement(ids)
    review_claim(store, cid, "correct", "ana", {"date": "2024-01-02"})
    review_claim(store, ids["test/report_b.txt"]["claims"][1], "reject", "ana")
    writer = importlib.import_module(FORMATS["geojson"])
    out = io.StringIO()
    writer.write(store, out, ClaimFilter())
    features = json.loads(out.getvalue())["features"]
    mine = [f for f in features if cid in json.dumps(f)]
    assert mine and all("2024-01-02" in json.dumps(f) for f in mine)
    assert "Tafas" not in out.getvalue()                            # the rejected arrest is left out


# ---- over HTTP ------------------------------------------------------------------------------------------------

def test_review_endpoint(seeded):
    store, ids = seeded
    c = TestClient(create_app(store, Settings(token=TOKEN)), base_url="http://127.0.0.1")
    cid = movement(ids)
    r = c.post(f"/api/claims/{cid}/review", headers=AUTH,
               json={"action": "correct", "reviewer": "ana", "changes": {"date": "2024-03-10"}})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["date"] == "2024-03-10" and body["status"] == "corrected"
    assert body["reviews"][0]["previous"] == "2024-03-11" and body["reviews"][0]["reviewer"] == "ana"
    assert c.get(f"/api/claims/{cid}/reviews").json()["total"] == 1
    r = c.post(f"/api/claims/{cid}/review", headers=AUTH, json={"action": "reject", "reviewer": "ana"})
    assert r.json()["status"] == "rejected"
    assert cid not in {x["id"] for x in c.get("/api/claims").json()["items"]}
    assert cid in {x["id"] for x in c.get("/api/claims", params={"include_rejected": "true"}).json()["items"]}
    assert cid in {x["id"] for x in c.get("/api/reports/" + ids["test/report_a.txt"]["id"]).json()["claim_items"]}


@pytest.mark.parametrize("body,status", [
    ({"action": "approve", "reviewer": "ana"}, 422),
    ({"action": "accept"}, 422),
    ({"action": "accept", "reviewer": ""}, 422),
    ({"action": "correct", "reviewer": "ana", "changes": {"date": "tomorrow"}}, 422),
    ({"action": "correct", "reviewer": "ana", "changes": {"type": "picnic"}}, 422),
])
def test_bad_review_requests(seeded, body, status):
    store, ids = seeded
    c = TestClient(create_app(store, Settings(token=TOKEN)), base_url="http://127.0.0.1")
    r = c.post(f"/api/claims/{movement(ids)}/review", headers=AUTH, json=body)
    assert r.status_code == status and r.json()["detail"]
    assert store.claim(movement(ids)).status == "unreviewed"


def test_review_of_unknown_claim_is_404(seeded):
    c = TestClient(create_app(seeded[0], Settings(token=TOKEN)), base_url="http://127.0.0.1")
    r = c.post("/api/claims/nope/review", headers=AUTH, json={"action": "accept", "reviewer": "ana"})
    assert r.status_code == 404
    assert c.get("/api/claims/nope/reviews").status_code == 404
