"""The store on hand-made records: saving is transactional and idempotent, filters and full-text search work."""
import pytest

from sitrep.ingest.loader import prepare
from sitrep.store import ClaimFilter, NotAStore, open_store

TEXT = """Illustrative Desk: Two Claims

May 2, 2025

On May 1, the Example Post website reported that militia fighters moved from Iraq to Al-Mayadin. Separately,
commanders met at the Khmeimim base.
"""


def claim(cid, type_, date, actor, place, lat, lon, source, evidence, start, precision=1):
    return {"id": cid, "type": type_, "modality": "occurred", "negated": False, "certainty": None, "date": date,
            "date_precision": "day", "actors": [{"name": actor, "mention": actor, "role": "agent"}],
            "places": [{"name": place, "mention": place, "lat": lat, "lon": lon, "country": "SY", "kind": "city",
                        "precision": precision, "role": "site"}],
            "source": {"name": source}, "persons": [], "quantities": [], "equipment": [],
            "evidence": {"text": evidence, "start": start, "end": start + len(evidence)}, "optional": False}


def record():
    i = TEXT.index("militia fighters")
    j = TEXT.index("commanders met")
    return {"entities": {"actors": [], "persons": [], "sources": [], "places": []},
            "claims": [claim("c1", "movement", "2025-05-01", "Iran-backed militias", "Al-Mayadin", 35.02, 40.45,
                             "Example Post", TEXT[i:i + 60], i),
                       claim("c2", "meeting", "2025-04-20", "Russian Armed Forces", "Khmeimim Air Base", 35.40, 35.95,
                             "Other Outlet", TEXT[j:j + 40], j)]}


@pytest.fixture
def filled(store):
    prepared = prepare(TEXT.encode(), "two.txt")
    assert store.save_report(prepared, record(), "t") == "new"
    assert store.save_report(prepared, record(), "t") == "unchanged"
    return store


@pytest.mark.parametrize("f,expected", [
    (ClaimFilter(), {"c1", "c2"}),
    (ClaimFilter(type="movement"), {"c1"}),
    (ClaimFilter(type="movement,meeting"), {"c1", "c2"}),
    (ClaimFilter(actor="Russian Armed Forces"), {"c2"}),
    (ClaimFilter(place="mayadin"), {"c1"}),
    (ClaimFilter(source="example"), {"c1"}),
    (ClaimFilter(since="2025-04-25"), {"c1"}),
    (ClaimFilter(until="2025-04-30"), {"c2"}),
    (ClaimFilter(until="2025-04"), {"c2"}),
    (ClaimFilter(search="militia fighters"), {"c1"}),
    (ClaimFilter(search="khmeimim"), {"c2"}),
    (ClaimFilter(search="Khmeim"), {"c2"}),                 # words are prefixes
    (ClaimFilter(bbox=(36.0, 34.0, 41.0, 36.0)), {"c1"}),
    (ClaimFilter(search="\"unbalanced OR"), set()),        # FTS syntax in user words is neutralised
])
def test_filters(filled, f, expected):
    rows, total = filled.claims(f)
    assert {r.id for r in rows} == expected and total == len(expected)


def test_pagination_and_stats(filled):
    rows, total = filled.claims(limit=1, offset=1)
    assert total == 2 and len(rows) == 1
    stats = filled.stats()
    assert stats["reports"] == 1 and stats["claims"] == 2
    assert stats["claims_by_type"] == {"movement": 1, "meeting": 1}


def test_report_by_prefix_and_footnote_free(filled):
    rid = filled.report_ids()[0]
    assert filled.report(rid[:8]).id == rid
    assert filled.report("zz") is None


def test_replace_extraction(filled):
    rid = filled.report_ids()[0]
    rec = record()
    rec["claims"] = rec["claims"][:1]
    filled.replace_extraction(rid, rec, "t2")
    rows, total = filled.claims()
    assert total == 1 and rows[0].extractor_version == "t2"
    assert filled.claims(ClaimFilter(search="commanders"))[1] == 0   # the FTS index follows


def test_reopen_and_refuse_foreign(tmp_path, filled):
    path = filled.engine.url.database
    again = open_store(path)
    assert again.stats()["claims"] == 2
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x00" * 100)
    with pytest.raises(NotAStore):
        open_store(str(junk))
    with pytest.raises(FileNotFoundError):
        open_store(str(tmp_path / "absent.db"), create=False)


def test_reports_jsonl_uses_reviewed_values(filled):
    import io
    import json

    from sitrep.export import jsonl
    from sitrep.store.review import review_claim

    review_claim(filled, "c1", "correct", "analyst", {"type": "transfer"})
    review_claim(filled, "c2", "reject", "analyst")
    out = io.StringIO()
    jsonl.write(filled, out)
    rec = json.loads(out.getvalue())
    assert [(c["id"], c["type"]) for c in rec["claims"]] == [("c1", "transfer")]


def test_actor_filter_means_the_actor_not_a_substring(store):
    from sitrep.kb.actors import resolve
    text = TEXT + "\nMore lines for more claims.\n"
    rec = {"entities": record()["entities"], "claims": []}
    names = [resolve("Hezbollah"), resolve("Kata'ib Hezbollah"), resolve("Syrian Arab Army"),
             resolve("Syrian National Army")]
    assert len(set(names)) == 4 and None not in names
    for n, name in enumerate(names):
        rec["claims"].append(claim(f"a{n}", "movement", "2025-05-01", name, "Al-Mayadin", 35.02, 40.45, "X",
                                   text[n:n + 10], n))
    store.save_report(prepare(text.encode(), "actors.txt"), rec, "t")
    ids = lambda q: {r.id for r in store.claims(ClaimFilter(actor=q))[0]}
    assert ids("Hezbollah") == {"a0"}
    assert ids("Hizbullah") == {"a0"}                     # an alias, transliterated another way
    assert ids("KH") == ids("Kataib Hezbollah") == {"a1"}
    assert ids("Army") == {"a2", "a3"}                    # not a known actor: whole words of stored names
