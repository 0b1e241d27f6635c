"""API latency over a store of 100,000 claims: median and 95th percentile per query (goal: p95 under 100 ms).

    .venv/bin/python benchmarks/api.py                 # builds /tmp/sitrep-bench-api.db once (about a minute)
    .venv/bin/python benchmarks/api.py --claims 20000 --runs 30 --db /tmp/small.db

The store is made by bulk-inserting synthetic claim rows (the extraction is not what is measured), through the same
schema and migrations as a real store. Requests go through the whole ASGI application in-process (routing,
validation, the store, JSON encoding, the middleware) via Starlette's TestClient; no network stack.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sqlite3
import statistics
import time
from datetime import date, datetime, timedelta
from pathlib import Path

TYPES = ["movement", "transfer", "meeting", "training", "recruitment", "directive", "posture", "attack", "seizure",
         "agreement", "establishment", "arrest"]
ACTORS = ["Islamic Revolutionary Guard Corps", "Quds Force", "Hezbollah", "Kata'ib Hezbollah", "Harakat al-Nujaba",
          "Fatemiyoun Brigade", "Zainabiyoun Brigade", "4th Armoured Division", "Russian Armed Forces",
          "Syrian Democratic Forces", "Islamic State", "Popular Mobilization Forces", "Asa'ib Ahl al-Haq",
          "Kata'ib Sayyid al-Shuhada", "Syrian Arab Army", "Wagner Group"] + [f"Local Militia {i}" for i in range(40)]
SOURCES = ["Eye of the Euphrates", "Deir Ezzor 24", "Syrian Observatory", "Sabereen News", "Al-Mayadeen", "Enab Baladi",
           "Rudaw", "Shafaq News", "local sources", None]
WORDS = ("convoy militia operatives trucks ammunition drones airbase border crossing depot headquarters checkpoint "
         "commander adviser weapons fuel tankers buses recruits training course meeting delegation raid arrest "
         "clashes strike shelling positions warehouse desert countryside governorate outskirts village").split()


def places(rng, n=400):
    out = []
    for i in range(n):
        lat, lon = rng.uniform(29.5, 37.5), rng.uniform(35.0, 48.5)
        out.append((f"Place {i}", round(lat, 4), round(lon, 4), rng.choice([1, 1, 1, 2, 2, 3]),
                    rng.choice(["SY", "IQ", "LB"])))
    return out


def build(path: Path, n_claims: int, per_report: int = 50, seed: int = 7) -> None:
    from sitrep.store import open_store
    if path.exists():
        path.unlink()
    open_store(str(path)).engine.dispose()            # schema, migrations and FTS tables
    rng = random.Random(seed)
    pl = places(rng)
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    start = date(2023, 1, 1)
    now = datetime(2025, 1, 1).isoformat(" ")
    n_reports = (n_claims + per_report - 1) // per_report
    reports, claims, actors, cplaces, fts_c, fts_r = [], [], [], [], [], []
    cid_n = 0
    for r in range(n_reports):
        rid = hashlib.sha256(f"report{r}".encode()).hexdigest()
        day = start + timedelta(days=rng.randrange(730))
        text = " ".join(rng.choice(WORDS) for _ in range(300))
        reports.append((rid, f"bench/{r}.txt", "text", "utf-8", b"", text, f"Report {r}", day.isoformat(), "Bench Desk",
                        None, json.dumps([[0, len(text)]]), json.dumps({}), "bench", now))
        fts_r.append((rid, f"Report {r}", text))
        for seq in range(min(per_report, n_claims - cid_n)):
            cid = hashlib.sha1(f"{rid}:{seq}".encode()).hexdigest()[:20]
            cid_n += 1
            t = rng.choice(TYPES)
            d = (day - timedelta(days=rng.randrange(5))).isoformat()
            src = rng.choice(SOURCES)
            acts = rng.sample(ACTORS, rng.choice([1, 1, 2, 3]))
            n_places = 3 if t in ("movement", "transfer") and rng.random() < 0.6 else 1
            ps = rng.sample(pl, n_places)
            roles = ["origin", "route", "destination"] if n_places == 3 else ["site"]
            ev = " ".join(rng.choice(WORDS) for _ in range(25))
            pdicts = [{"name": p[0], "lat": p[1], "lon": p[2], "country": p[4], "kind": "town", "precision": p[3],
                       "admin1": None, "gazetteer_id": None, "mention": p[0], "role": role}
                      for p, role in zip(ps, roles)]
            best = min(pdicts, key=lambda p: p["precision"])
            data = {"id": cid, "type": t, "modality": "occurred", "negated": False, "certainty": None, "date": d,
                    "date_precision": "day", "time_precision": 1,
                    "actors": [{"name": a, "mention": a, "role": "agent", "kind": "militia", "parent": None}
                               for a in acts],
                    "places": pdicts, "source": {"name": src, "kind": "website"} if src else None, "persons": [],
                    "quantities": [], "equipment": [], "evidence": {"text": ev, "start": 0, "end": len(ev)},
                    "trigger": None, "optional": False, "restates": None, "fields": {}, "extractor_version": "bench"}
            claims.append((cid, rid, seq, t, "occurred", 0, None, d, "day", src, ev, 0, len(ev), 0, json.dumps(data),
                           "bench", best["lat"], best["lon"], best["precision"], "unreviewed", cid_n))
            actors += [(cid, a, a, "agent") for a in acts]
            cplaces += [(cid, p["name"], p["name"], p["role"], "town", p["country"], p["lat"], p["lon"], p["precision"])
                        for p in pdicts]
            fts_c.append((cid_n, ev))
        if len(claims) >= 20000 or r == n_reports - 1:
            con.executemany("INSERT INTO reports(id, origin, content_type, encoding, raw, text, title, published, "
                            "publisher, dispatch, body, entities, extractor_version, ingested_at) "
                            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", reports)
            con.executemany("INSERT INTO claims(id, report_id, seq, type, modality, negated, certainty, date, "
                            "date_precision, source, evidence, evidence_start, evidence_end, optional, data, "
                            "extractor_version, lat, lon, precision, status, fts_id) "
                            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", claims)
            con.executemany("INSERT INTO claim_actors(claim_id, name, mention, role) VALUES (?,?,?,?)", actors)
            con.executemany("INSERT INTO claim_places(claim_id, name, mention, role, kind, country, lat, lon, precision)"
                            " VALUES (?,?,?,?,?,?,?,?,?)", cplaces)
            con.executemany("INSERT INTO claims_fts(rowid, evidence) VALUES (?,?)", fts_c)
            con.executemany("INSERT INTO reports_fts(report_id, title, body) VALUES (?,?,?)", fts_r)
            con.commit()
            reports, claims, actors, cplaces, fts_c, fts_r = [], [], [], [], [], []
    con.execute("ANALYZE")
    con.commit()
    con.close()


QUERIES = {
    # The two the goal is about.
    "filtered claims": "/api/claims?type=movement,transfer&since=2024-01-01&until=2024-06-30"
                       "&bbox=38,33,42,36.5&limit=50",
    "map (bbox, type, dates)": "/api/geo/claims?bbox=38,33,42,36.5&type=movement,transfer,attack&since=2024-01-01"
                               "&until=2024-12-31",
    # For context.
    "claims, no filter": "/api/claims?limit=50",
    "claims, page 100": "/api/claims?limit=50&offset=5000",
    "claims, actor (+sub-units, mentions)": "/api/claims?actor=Kata'ib Hezbollah&type=movement&limit=50",
    "claims, place": "/api/claims?place=Place 12&limit=50",
    "claims, full-text": "/api/claims?q=ammunition convoy&limit=50",
    "map, no filter (5000 newest)": "/api/geo/claims",
    "timeline": "/api/timeline?type=movement",
    "actor view": "/api/actors/Kata'ib Hezbollah",
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default="/tmp/sitrep-bench-api.db")
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=40)
    ap.add_argument("--rebuild", action="store_true")
    args = ap.parse_args()
    path = Path(args.db)
    from sitrep.store import open_store
    fresh = args.rebuild or not path.exists()
    if not fresh:
        probe = sqlite3.connect(path)
        fresh = probe.execute("SELECT count(*) FROM claims").fetchone()[0] != args.claims
        probe.close()
    if fresh:
        t0 = time.perf_counter()
        build(path, args.claims)
        print(f"built {args.claims} claims in {time.perf_counter() - t0:.1f} s -> {path}")
    from fastapi.testclient import TestClient

    from sitrep.web import Settings, create_app
    store = open_store(str(path))
    client = TestClient(create_app(store, Settings()), base_url="http://127.0.0.1")
    print(f"store: {store.stats()['claims']} claims; {args.runs} runs per query after 3 warm-ups\n")
    print(f"{'query':38} {'median ms':>10} {'p95 ms':>8} {'items':>6} {'bytes':>9}")
    for name, url in QUERIES.items():
        for _ in range(3):
            r = client.get(url)
            assert r.status_code == 200, (url, r.status_code, r.text[:200])
        times = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            r = client.get(url)
            times.append((time.perf_counter() - t0) * 1000)
        body = r.json()
        items = len(body.get("items") or body.get("features") or [])
        p95 = statistics.quantiles(times, n=20)[18]
        print(f"{name:38} {statistics.median(times):10.1f} {p95:8.1f} {items:6d} {len(r.content):9d}")


if __name__ == "__main__":
    main()
