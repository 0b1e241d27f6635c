"""The HTTP API, endpoint by endpoint, with its errors: as a client would use it (FastAPI's TestClient)."""
from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from sitrep.store import ClaimFilter
from sitrep.web import Settings, create_app
from tests.web_fixtures import REPORT_A, seeded_store

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture()
def seeded(tmp_path):
    store, ids = seeded_store(tmp_path / "api.db")
    return store, ids


@pytest.fixture()
def client(seeded):
    store, _ = seeded
    return TestClient(create_app(store, Settings(token=TOKEN, max_upload=20_000)), base_url="http://127.0.0.1")


@pytest.fixture()
def ids(seeded):
    return seeded[1]


def claim_a(ids, i=0):
    return ids["test/report_a.txt"]["claims"][i]


@pytest.fixture()
def stub_extraction(monkeypatch):
    """Uploads go through the real ingestion (decode, metadata, store) with a fixed extraction."""
    import sitrep.ingest

    def extract(prepared):
        text = prepared.text
        i = text.find("moved")
        claims = [] if i < 0 else [{
            "id": "upl" + prepared.id[:17], "type": "movement", "modality": "occurred", "negated": False,
            "certainty": None, "date": "2024-03-11", "date_precision": "day", "time_precision": 1, "actors": [],
            "places": [], "source": None, "persons": [], "quantities": [], "equipment": [],
            "evidence": {"text": text[i:i + 5], "start": i, "end": i + 5}, "trigger": None, "optional": False,
            "restates": None, "fields": {}, "extractor_version": "stub"}]
        return {"entities": {"actors": [], "persons": [], "sources": [], "places": []}, "claims": claims}, "stub"

    monkeypatch.setattr(sitrep.ingest, "extract_prepared", extract)


# ---- documents and configuration ------------------------------------------------------------------------------

def test_openapi_lists_every_endpoint(client):
    doc = client.get("/openapi.json").json()
    paths = set(doc["paths"])
    for p in ["/api/claims", "/api/claims/{claim_id}", "/api/claims/{claim_id}/review", "/api/reports",
              "/api/reports/{report_id}", "/api/actors", "/api/actors/{name}", "/api/places", "/api/sources",
              "/api/geo/claims", "/api/timeline", "/api/export", "/api/config", "/api/stats"]:
        assert p in paths, p


def test_config_and_stats(client):
    cfg = client.get("/api/config").json()
    assert cfg["writable"] is True and cfg["read_requires_token"] is False
    assert "movement" in cfg["event_types"]
    stats = client.get("/api/stats").json()
    assert stats["reports"] == 3 and stats["claims"] == 6


def test_unknown_api_path_is_404_json(client):
    r = client.get("/api/nothing-here")
    assert r.status_code == 404 and "no such endpoint" in r.json()["detail"]


# ---- claims ---------------------------------------------------------------------------------------------------

def test_claims_list_shape_and_pagination(client):
    r = client.get("/api/claims", params={"limit": 2})
    body = r.json()
    assert r.status_code == 200 and body["total"] == 6 and len(body["items"]) == 2
    first = body["items"][0]
    for key in ("id", "report_id", "type", "date", "evidence", "actors", "places", "status", "precision"):
        assert key in first
    page2 = client.get("/api/claims", params={"limit": 2, "offset": 2}).json()["items"]
    assert {c["id"] for c in page2}.isdisjoint({c["id"] for c in body["items"]})
    everything = client.get("/api/claims", params={"limit": 100}).json()["items"]
    assert [c["id"] for c in everything] == [c["id"] for c in client.get("/api/claims?limit=100").json()["items"]]


@pytest.mark.parametrize("params,expected", [
    ({"type": "movement"}, {"movement"}),
    ({"type": "movement,transfer"}, {"movement", "transfer"}),
    ({"actor": "Kata'ib Hezbollah"}, {"transfer", "meeting"}),
    ({"place": "baghdad"}, {"meeting"}),
    ({"source": "test eye"}, {"meeting", "arrest"}),
    ({"since": "2024-04-01"}, {"arrest", "attack"}),
    ({"until": "2024-03"}, {"movement", "transfer", "training", "meeting"}),
    ({"since": "2024-03-12", "until": "2024-03-30"}, {"transfer", "meeting"}),
    ({"q": "ammunition"}, {"transfer"}),
    ({"modality": "planned"}, {"training"}),
    ({"bbox": "35.5,32,36.5,33"}, {"arrest"}),
])
def test_claim_filters(client, params, expected):
    body = client.get("/api/claims", params=params).json()
    assert {c["type"] for c in body["items"]} == expected
    assert body["total"] == len(body["items"])


def test_claim_filter_by_report_prefix(client, ids):
    rid = ids["test/report_b.txt"]["id"]
    body = client.get("/api/claims", params={"report": rid[:10]}).json()
    assert {c["id"] for c in body["items"]} == set(ids["test/report_b.txt"]["claims"])


@pytest.mark.parametrize("params,fragment", [
    ({"since": "2024-13-01"}, "since"),
    ({"until": "last week"}, "until"),
    ({"since": "2024-05-01", "until": "2024-04-01"}, "after"),
    ({"bbox": "1,2,3"}, "bbox"),
    ({"bbox": "10,50,0,60"}, "bbox"),
    ({"bbox": "0,0,200,10"}, "bbox"),
    ({"modality": "maybe"}, "modality"),
    ({"status": "pending"}, "status"),
    ({"type": "DROP TABLE"}, "type"),
    ({"limit": 0}, "limit"),
    ({"limit": 100000}, "limit"),
    ({"offset": -1}, "offset"),
])
def test_bad_claim_filters_are_422(client, params, fragment):
    r = client.get("/api/claims", params=params)
    assert r.status_code == 422
    assert fragment in r.json()["detail"]


def test_one_claim(client, ids):
    cid = claim_a(ids)
    body = client.get(f"/api/claims/{cid}").json()
    assert body["id"] == cid and body["type"] == "movement"
    assert body["evidence"]["text"].startswith("the Fatemiyoun Brigade moved")
    assert body["source"]["footnote"] == 1 and body["fields"]["date"]["text"] == "On March 11"
    assert body["report"]["id"] == ids["test/report_a.txt"]["id"] and body["reviews"] == []


@pytest.mark.parametrize("bad", ["nope", "0" * 20, "x" * 300, "%3Cscript%3E"])
def test_bad_claim_ids_are_404(client, bad):
    r = client.get(f"/api/claims/{bad}")
    assert r.status_code == 404 and "no claim" in r.json()["detail"]


# ---- reports --------------------------------------------------------------------------------------------------

def test_reports_list_and_one(client, ids):
    body = client.get("/api/reports").json()
    assert body["total"] == 3 and {r["claims"] for r in body["items"]} == {3, 2, 1}
    rid = ids["test/report_a.txt"]["id"]
    one = client.get(f"/api/reports/{rid[:8]}").json()
    assert one["id"] == rid and one["text"].startswith("Test Dispatch: Militia Convoy")
    assert [f["number"] for f in one["footnotes"]] == [1, 2]
    assert len(one["claim_items"]) == 3
    ev = one["claim_items"][0]["evidence"]
    assert one["text"][ev["start"]:ev["end"]] == ev["text"]


def test_reports_search(client):
    body = client.get("/api/reports", params={"q": "Tafas"}).json()
    assert body["total"] == 1 and "Baghdad" in body["items"][0]["title"]


@pytest.mark.parametrize("bad", ["nope", "abc", "f" * 64, "f" * 65])
def test_bad_report_ids_are_404(client, bad):
    assert client.get(f"/api/reports/{bad}").status_code == 404
    assert client.get(f"/api/reports/{bad}/original").status_code == 404


def test_report_original_is_a_download_never_rendered(client, ids):
    rid = ids["test/report_xss.txt"]["id"]
    r = client.get(f"/api/reports/{rid}/original")
    assert r.status_code == 200 and b"<script>" in r.content
    assert r.headers["content-type"] == "application/octet-stream"
    assert r.headers["content-disposition"].startswith("attachment")
    assert "sandbox" in r.headers["content-security-policy"]


# ---- actors, places, sources ----------------------------------------------------------------------------------

def test_actors_places_sources(client):
    actors = client.get("/api/actors").json()
    names = {a["name"]: a["claims"] for a in actors["items"]}
    assert names["Kata'ib Hezbollah"] == 2 and actors["total"] == len(names)
    assert client.get("/api/actors", params={"type": "arrest"}).json()["items"] == [
        {"name": "4th Armoured Division", "claims": 1}]
    places = {p["name"]: p for p in client.get("/api/places", params={"limit": 100}).json()["items"]}
    assert places["Deir ez-Zor Governorate"]["precision"] == 3 and places["Baghdad"]["lat"] == pytest.approx(33.3406)
    assert client.get("/api/places", params={"name": "bag"}).json()["total"] == 1
    sources = {s["name"]: s["claims"] for s in client.get("/api/sources").json()["items"]}
    assert sources["Test Eye"] == 2 and sources["Test Horizon"] == 2


def test_actor_view_with_network(client):
    body = client.get("/api/actors/Kata'ib Hezbollah").json()
    assert body["claims"]["total"] == 2
    co = {a["name"] for a in body["co_actors"]}
    assert {"Harakat al-Nujaba", "Islamic Revolutionary Guard Corps"} <= co
    nodes = {n["id"] for n in body["network"]["nodes"]}
    assert body["name"] in nodes and co <= nodes
    assert any(e["source"] == "Harakat al-Nujaba" or e["target"] == "Harakat al-Nujaba"
               for e in body["network"]["edges"])
    assert {p["name"] for p in body["places"]} == {"Al-Qa'im", "Deir ez-Zor", "Baghdad"}


def test_unknown_actor_is_404(client):
    r = client.get("/api/actors/Nobody At All")
    assert r.status_code == 404 and "Nobody At All" in r.json()["detail"]


# ---- map and timeline -----------------------------------------------------------------------------------------

def test_geojson_points_and_routes(client):
    r = client.get("/api/geo/claims")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/geo+json")
    fc = r.json()
    assert fc["type"] == "FeatureCollection" and fc["truncated"] is False
    points = [f for f in fc["features"] if f["geometry"]["type"] == "Point"]
    lines = [f for f in fc["features"] if f["geometry"]["type"] == "LineString"]
    assert len(points) == 6
    by_type = {f["properties"]["type"]: f for f in points}
    assert by_type["training"]["properties"]["precision"] == 3       # region-level: the map draws an area
    assert by_type["movement"]["geometry"]["coordinates"] == [40.9187, 34.4533]
    routes = {f["properties"]["id"]: f for f in lines}
    movement = routes[by_type["movement"]["properties"]["id"]]
    assert movement["properties"]["places"] == ["Al-Bukamal", "Al-Mayadin", "Palmyra"]   # origin → via → destination
    assert movement["geometry"]["coordinates"][0] == [40.9187, 34.4533]
    assert len(routes) == 2


def test_geojson_filters_and_limit(client):
    fc = client.get("/api/geo/claims", params={"type": "arrest"}).json()
    assert [f["properties"]["type"] for f in fc["features"]] == ["arrest"]
    fc = client.get("/api/geo/claims", params={"limit": 2}).json()
    assert fc["truncated"] is True and fc["count"] == 2
    assert client.get("/api/geo/claims", params={"bbox": "x"}).status_code == 422
    assert client.get("/api/geo/claims", params={"limit": 10**6}).status_code == 422


def test_timeline(client):
    body = client.get("/api/timeline").json()
    assert sum(i["count"] for i in body["items"]) == 6 and body["first"] == "2024-03"
    assert client.get("/api/timeline", params={"type": "arrest"}).json()["items"] == [
        {"date": "2024-04-01", "count": 1}]


# ---- export ---------------------------------------------------------------------------------------------------

def test_export_every_registered_format(client):
    from sitrep.export import FORMATS
    listed = client.get("/api/export/formats").json()["items"]
    assert set(listed) == set(FORMATS)
    for name in FORMATS:
        r = client.get("/api/export", params={"format": name})
        assert r.status_code == 200, (name, r.text[:300])
        assert r.headers["content-disposition"].startswith(f'attachment; filename="sitrep-{name}')


def test_export_filters_and_unknown_format(client):
    r = client.get("/api/export", params={"format": "reports-jsonl", "type": "arrest"})
    lines = [json.loads(x) for x in r.text.splitlines()]
    assert len(lines) == 1 and "Daraa" in lines[0]["title"]
    bad = client.get("/api/export", params={"format": "docx"})
    assert bad.status_code == 422 and "reports-jsonl" in bad.json()["detail"]
    assert client.get("/api/export").status_code == 422
    assert client.get("/api/export", params={"format": "reports-jsonl", "since": "x"}).status_code == 422


# ---- upload ---------------------------------------------------------------------------------------------------

NEW_REPORT = REPORT_A.replace("March 14, 2024", "March 15, 2024").replace("No. 1", "No. 77")


def test_upload_multipart(client, stub_extraction):
    files = {"file": ("new.txt", NEW_REPORT.encode(), "text/plain")}
    r = client.post("/api/reports", files=files, headers=AUTH)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["status"] == "new" and body["claims"] == 1
    assert client.get(f"/api/reports/{body['id']}").json()["origin"] == "upload:new.txt"
    again = client.post("/api/reports", files=files, headers=AUTH)
    assert again.status_code == 200 and again.json() == {**body, "status": "unchanged"}
    assert client.get("/api/stats").json()["reports"] == 4


def test_upload_raw_body(client, stub_extraction):
    r = client.post("/api/reports", params={"filename": "raw.md"}, content=NEW_REPORT.encode(),
                    headers={**AUTH, "Content-Type": "text/plain"})
    assert r.status_code == 201 and r.json()["status"] == "new"


@pytest.mark.parametrize("payload,status,fragment", [
    (b"", 422, "empty"),
    (b"   \n\n  ", 422, "empty"),
    (b"\xff\xfe\x00\x00garbage\x00\x01\x02" * 50, 422, "unreadable"),
    (b"x" * 30_000, 413, "too large"),
])
def test_bad_uploads_store_nothing(client, seeded, stub_extraction, payload, status, fragment):
    store, _ = seeded
    r = client.post("/api/reports", files={"file": ("bad.txt", payload, "text/plain")}, headers=AUTH)
    assert r.status_code == status, r.text
    assert fragment in r.json()["detail"]
    assert store.stats()["reports"] == 3


def test_oversized_raw_upload_is_413_before_reading(client, seeded):
    r = client.post("/api/reports", content=b"y" * 200_000, headers={**AUTH, "Content-Type": "text/plain"})
    assert r.status_code == 413 and seeded[0].stats()["reports"] == 3


def test_upload_wrong_type_and_missing_field(client, seeded):
    r = client.post("/api/reports", files={"file": ("x.pdf", b"%PDF-1.4", "application/pdf")}, headers=AUTH)
    assert r.status_code == 415 and ".pdf" in r.json()["detail"]
    r = client.post("/api/reports", files={"other": ("x.txt", b"hello", "text/plain")}, headers=AUTH)
    assert r.status_code == 422 and "file" in r.json()["detail"]
    assert seeded[0].stats()["reports"] == 3


# ---- the token --------------------------------------------------------------------------------------------------

def test_writing_needs_the_token(client, ids, seeded):
    files = {"file": ("new.txt", NEW_REPORT.encode(), "text/plain")}
    r = client.post("/api/reports", files=files)
    assert r.status_code == 401 and "token" in r.json()["detail"]
    r = client.post("/api/reports", files=files, headers={"Authorization": "Bearer wrong"})
    assert r.status_code == 401
    r = client.post(f"/api/claims/{claim_a(ids)}/review", json={"action": "accept", "reviewer": "a"})
    assert r.status_code == 401
    assert seeded[0].stats()["reports"] == 3 and seeded[0].claim(claim_a(ids)).status == "unreviewed"


def test_without_a_token_writing_is_disabled(seeded, ids):
    c = TestClient(create_app(seeded[0], Settings(token=None)), base_url="http://127.0.0.1")
    r = c.post(f"/api/claims/{claim_a(ids)}/review", json={"action": "accept", "reviewer": "a"},
               headers={"Authorization": "Bearer anything"})
    assert r.status_code == 403 and "--token" in r.json()["detail"]
    assert c.get("/api/config").json()["writable"] is False


def test_remote_reading_needs_the_token_unless_allowed(seeded):
    c = TestClient(create_app(seeded[0], Settings(token=TOKEN, host="0.0.0.0")), base_url="http://127.0.0.1")
    assert c.get("/api/claims").status_code == 401
    assert c.get("/api/geo/claims").status_code == 401
    assert c.get("/api/claims", headers=AUTH).status_code == 200
    assert c.get("/api/config").json()["read_requires_token"] is True
    assert c.get("/").status_code == 200          # the page itself holds no data
    open_read = TestClient(create_app(seeded[0], Settings(token=TOKEN, host="0.0.0.0", allow_remote_read=True)),
                           base_url="http://127.0.0.1")
    assert open_read.get("/api/claims").status_code == 200


# ---- the workspace and its headers ----------------------------------------------------------------------------

def test_workspace_page_static_and_basemap(client):
    r = client.get("/")
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "<script>" not in r.text              # no inline script: only files served by sitrep
    for path in ["/static/js/main.js", "/static/app.css", "/static/vendor/leaflet/leaflet.js",
                 "/static/vendor/leaflet.markercluster/leaflet.markercluster.js", "/static/basemap/borders.geojson"]:
        assert client.get(path).status_code == 200, path
    assert "http" not in "".join(line for line in r.text.splitlines() if "src=" in line or "href=" in line)


def test_api_responses_carry_the_security_headers(client):
    r = client.get("/api/claims")
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "default-src 'self'" in r.headers["content-security-policy"]


def test_hostile_report_text_comes_back_as_plain_json_strings(client, ids):
    rid = ids["test/report_xss.txt"]["id"]
    r = client.get(f"/api/reports/{rid}")
    assert r.headers["content-type"].startswith("application/json")
    assert "<script>" in r.json()["title"]         # kept verbatim, as data; the workspace shows it as text


def test_store_filter_default_hides_rejected(seeded, ids):
    from sitrep.store.review import review_claim
    store, _ = seeded
    review_claim(store, claim_a(ids), "reject", "tester")
    assert store.claims(ClaimFilter())[1] == 5
    assert store.claims(ClaimFilter(include_rejected=True))[1] == 6


def test_open_reading_is_for_loopback_names_only(seeded):
    """DNS rebinding: a page on another domain that points its name at 127.0.0.1 sends its own Host."""
    c = TestClient(create_app(seeded[0], Settings(token=TOKEN)), base_url="http://127.0.0.1")
    assert c.get("/api/reports").status_code == 200
    assert c.get("/api/reports", headers={"host": "localhost:8000"}).status_code == 200
    assert c.get("/api/reports", headers={"host": "[::1]:8000"}).status_code == 200
    assert c.get("/api/reports", headers={"host": "attacker.example:8000"}).status_code == 401
    authed = {"host": "attacker.example", "authorization": f"Bearer {TOKEN}"}
    assert c.get("/api/reports", headers=authed).status_code == 200
