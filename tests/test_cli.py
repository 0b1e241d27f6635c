"""The command line end to end: ingest, idempotence, listing, export shape, reprocess, and every bad input."""
import codecs
import json
import sqlite3

import pytest

from tests.conftest import EXAMPLES

REPORT = """Illustrative Desk: Militia Convoy Reaches Al-Mayadin

March 14, 2025

On March 12, the Example Post website reported that the Iran-backed militias had sent more than 40 operatives
from Iraq to the city of Al-Mayadin, according to "local sources."

Illustrative report written by the sitrep developers for testing and demonstration; the events, sources and people described are fictional.
"""


@pytest.fixture
def reports_dir(tmp_path):
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text(REPORT, encoding="utf-8")
    (d / "sub" / "b.md").write_text(REPORT.replace("40", "60"), encoding="utf-8")
    (d / "ignored.pdf").write_bytes(b"%PDF-1.4")
    return d


def test_ingest_folder_recursively_then_idempotent(cli, reports_dir):
    first = cli("ingest", reports_dir)
    assert first.exit_code == 0, first.output
    assert "new 2, unchanged 0, failed 0" in first.output
    again = cli("ingest", reports_dir)
    assert again.exit_code == 0
    assert "new 0, unchanged 2, failed 0" in again.output
    con = sqlite3.connect(cli.db)
    assert con.execute("select count(*) from reports").fetchone()[0] == 2
    # The original bytes are kept untouched.
    raw = con.execute("select raw from reports where origin like '%a.txt'").fetchone()[0]
    assert raw == REPORT.encode("utf-8")
    assert con.execute("pragma journal_mode").fetchone()[0] == "wal"


def test_db_from_environment(cli, reports_dir, tmp_path, monkeypatch):
    env_db = tmp_path / "from-env.db"
    monkeypatch.setenv("SITREP_DB", str(env_db))
    result = cli("ingest", reports_dir / "a.txt", db_path=None)
    assert result.exit_code == 0, result.output
    assert env_db.exists()


def test_bad_inputs_fail_one_line_each_and_others_go_on(cli, tmp_path, reports_dir):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (bad / "utf16-broken.txt").write_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8")   # lone surrogate
    (bad / "notes.pdf").write_bytes(b"%PDF")
    good_utf16 = bad / "good-utf16.txt"
    good_utf16.write_bytes(REPORT.replace("40", "41").encode("utf-16"))
    good_1256 = bad / "good-arabic.txt"
    good_1256.write_bytes(("تقرير توضيحي\n\n" + REPORT.replace("40", "42")).encode("cp1256", errors="replace"))
    result = cli("ingest", bad, tmp_path / "missing.txt", bad / "notes.pdf")
    assert result.exit_code == 1
    out = result.output
    assert "new 2, unchanged 0, failed 5" in out
    for name, reason in [("empty.txt", "empty"), ("binary.txt", "binary"), ("utf16-broken.txt", "UTF-16"),
                         ("missing.txt", "no such file"), ("notes.pdf", "unsupported file type")]:
        line = next(ln for ln in out.splitlines() if name in ln)
        assert reason in line, line


def test_extraction_failure_leaves_nothing_half_written(cli, reports_dir, monkeypatch):
    import sitrep.ingest as ingest
    real = ingest.extract_prepared

    def flaky(prepared):
        if "60" in prepared.text:
            raise RuntimeError("boom")
        return real(prepared)

    monkeypatch.setattr(ingest, "extract_prepared", flaky)
    result = cli("ingest", reports_dir)
    assert result.exit_code == 1
    assert "b.md: extraction failed: RuntimeError: boom" in result.output.replace("\n", " ").replace("  ", " ") \
        or "extraction failed" in result.output
    con = sqlite3.connect(cli.db)
    assert con.execute("select count(*) from reports").fetchone()[0] == 1


def test_store_failure_rolls_back_the_report(store, monkeypatch):
    from sitrep.ingest import extract_prepared
    from sitrep.ingest.loader import prepare
    from sitrep.store.store import Store

    prepared = prepare(REPORT.encode(), "x.txt")
    record, version = extract_prepared(prepared)

    def broken(self, *a, **k):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Store, "_write_claims", broken)
    with pytest.raises(RuntimeError):
        store.save_report(prepared, record, version)
    assert not store.has_report(prepared.id)
    assert store.reports()[1] == 0


def test_refuses_a_db_that_is_not_a_store(cli, reports_dir, tmp_path):
    other = tmp_path / "notes.db"
    other.write_text("not a database at all")
    result = cli("ingest", reports_dir, db_path=other)
    assert result.exit_code != 0
    assert other.read_text() == "not a database at all"
    foreign = tmp_path / "foreign.db"
    con = sqlite3.connect(foreign)
    con.execute("create table customers(id integer)")
    con.commit()
    con.close()
    result = cli("reports", db_path=foreign)
    assert result.exit_code != 0
    con = sqlite3.connect(foreign)
    assert [r[0] for r in con.execute("select name from sqlite_master")] == ["customers"]


def test_reports_claims_show_and_export_shape(cli, tmp_path):
    assert cli("ingest", EXAMPLES).exit_code == 0
    listing = cli("reports")
    assert listing.exit_code == 0 and "reports" in listing.output
    out = tmp_path / "out.jsonl"
    result = cli("export", "--format", "reports-jsonl", "-o", out)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == len(list(p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".html")))
    for rec in records:
        assert {"id", "origin", "title", "published", "publisher", "entities", "claims"} <= set(rec)
        assert set(rec["entities"]) == {"actors", "persons", "sources", "places"}
        for place in rec["entities"]["places"]:
            assert {"name", "mentions", "lat", "lon", "country", "kind"} <= set(place)
        for claim in rec["claims"]:
            assert {"type", "modality", "date", "date_precision", "actors", "places", "source", "persons",
                    "quantities", "equipment", "evidence"} <= set(claim)
            ev = claim["evidence"]
            assert {"text", "start", "end"} <= set(ev)
            for p in claim["places"]:
                assert {"name", "mention", "lat", "lon", "country", "kind", "role"} <= set(p)
    all_claims = [c for r in records for c in r["claims"]]
    assert all_claims, "the example reports yield claims"
    some = all_claims[0]
    shown = cli("show", records[0]["id"][:10])
    assert shown.exit_code == 0
    table = cli("claims", "--type", some["type"])
    assert table.exit_code == 0 and some["type"] in table.output
    assert cli("claims", "--since", "not-a-date").exit_code == 2
    assert cli("show", "ffffffffffff").exit_code == 2
    assert cli("export", "--format", "nope").exit_code == 2


def test_evidence_offsets_point_into_the_report(cli, tmp_path):
    assert cli("ingest", EXAMPLES).exit_code == 0
    out = tmp_path / "out.jsonl"
    cli("export", "-o", out)
    con = sqlite3.connect(cli.db)
    texts = dict(con.execute("select id, text from reports"))
    for line in out.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        for claim in rec["claims"]:
            ev = claim["evidence"]
            assert texts[rec["id"]][ev["start"]:ev["end"]] == ev["text"]


def test_workers_give_the_same_store(cli, tmp_path):
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    assert cli("ingest", EXAMPLES, db_path=one).exit_code == 0
    assert cli("ingest", "--workers", "2", EXAMPLES, db_path=two).exit_code == 0

    def claims_of(db):
        con = sqlite3.connect(db)
        return sorted(con.execute("select id, report_id, type, date, evidence from claims"))

    assert claims_of(one) == claims_of(two) and claims_of(one)


def test_reprocess_reruns_extraction(cli, reports_dir, monkeypatch):
    assert cli("ingest", reports_dir).exit_code == 0
    import sitrep.ingest as ingest
    monkeypatch.setattr("sitrep.extract.pipeline.EXTRACTOR_VERSION", "9.9.9")
    real = ingest.extract_prepared

    def versioned(prepared):
        record, _ = real(prepared)
        for c in record["claims"]:
            c["extractor_version"] = "9.9.9"
        return record, "9.9.9"

    monkeypatch.setattr(ingest, "extract_prepared", versioned)
    result = cli("reprocess")
    assert result.exit_code == 0, result.output
    assert "reprocessed 2 reports" in result.output
    con = sqlite3.connect(cli.db)
    assert {r[0] for r in con.execute("select extractor_version from reports")} == {"9.9.9"}


def test_seeds_export_reads_in_the_scorer(cli, shared, tmp_path):
    import subprocess
    import sys
    assert cli("ingest", shared / "seeds").exit_code == 0
    out = tmp_path / "seeds.jsonl"
    assert cli("export", "--format", "reports-jsonl", "-o", out).exit_code == 0
    score = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), str(shared / "eval" / "seeds.gold.json"),
                            str(out), "--json"], capture_output=True, text=True, check=True)
    result = json.loads(score.stdout)
    assert result["documents"] == 5 and result["documents_missing"] == []


def test_reprocess_tells_of_reviews_whose_claims_are_gone(cli, reports_dir, monkeypatch):
    assert cli("ingest", reports_dir).exit_code == 0
    from sitrep.store import open_store
    from sitrep.store.review import review_claim
    store = open_store(str(cli.db))
    claim = store.claims()[0][0]
    review_claim(store, claim.id, "reject", "analyst")

    import sitrep.ingest as ingest
    real = ingest.extract_prepared

    def without_claims(prepared):
        record, version = real(prepared)
        record["claims"] = []
        return record, version

    monkeypatch.setattr(ingest, "extract_prepared", without_claims)
    result = cli("reprocess")
    assert result.exit_code == 0
    assert "1 reviewed claims are no longer extracted" in result.output
    monkeypatch.setattr(ingest, "extract_prepared", real)
    assert cli("reprocess").exit_code == 0
    assert store.claim(claim.id).status == "rejected"     # the review returns with its claim
