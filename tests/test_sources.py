"""Reports from feeds, Telegram exports and URLs: one report per entry or message, originals kept, idempotent."""
import json
import sqlite3
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from sitrep.ingest.decode import UnreadableReport
from sitrep.ingest.sources import expand, telegram_text

DATA = Path(__file__).parent / "data" / "sources"
EXAMPLE_HTML = Path(__file__).parent.parent / "examples" / "reports" / "011_isis-ambush-sukhnah-desert.html"


def reports(db):
    con = sqlite3.connect(db)
    return con.execute("select origin, content_type, title, published, publisher, text, raw from reports "
                       "order by origin").fetchall()


def test_feed_entries_are_reports(cli):
    result = cli("ingest", DATA / "desk-feed.xml")
    assert result.exit_code == 0, result.output
    assert "new 2, unchanged 0, failed 0" in result.output
    rows = reports(cli.db)
    by_origin = {r[0]: r for r in rows}
    convoy = by_origin["https://desk.example/2025/05/convoy"]
    assert convoy[1] == "feed-entry"
    assert convoy[2] == "Militia convoy enters Al-Mayadin"
    assert convoy[3] == "2025-05-03" and convoy[4] == "Example Desk"
    assert "more than 40 operatives" in convoy[5] and "alert(1)" not in convoy[5]
    original = json.loads(convoy[6])
    assert original["link"] == "https://desk.example/2025/05/convoy" and "<script>" in original["summary"]
    assert cli("ingest", DATA / "desk-feed.xml").output.startswith("new 0, unchanged 2")
    claims = sqlite3.connect(cli.db).execute("select type from claims").fetchall()
    assert ("movement",) in claims


def test_a_feed_read_from_elsewhere_is_the_same_reports(cli, tmp_path):
    copy = tmp_path / "copy.rss"
    copy.write_bytes((DATA / "desk-feed.xml").read_bytes())
    assert "new 2" in cli("ingest", DATA / "desk-feed.xml").output
    assert "new 0, unchanged 2" in cli("ingest", copy).output


def test_entities_in_plain_summaries_are_decoded():
    from sitrep.ingest.loader import _fragment_text
    assert _fragment_text("Forces &amp; militia &quot;moved&quot;") == 'Forces & militia "moved"'


def test_telegram_export_messages_are_reports(cli):
    result = cli("ingest", DATA / "channel-export.json")
    assert result.exit_code == 0, result.output
    rows = reports(cli.db)
    assert [r[0] for r in rows] == ["telegram:Example Frontline Channel/12", "telegram:Example Frontline Channel/13"]
    assert {r[4] for r in rows} == {"Example Frontline Channel"}
    assert [r[3] for r in rows] == ["2025-06-02", "2025-06-03"]
    assert "Kata'ib Hezbollah placed its units" in rows[1][5]
    assert rows[1][2] is None      # a post has no headline


def test_telegram_text_pieces():
    assert telegram_text(["a ", {"type": "bold", "text": "b"}, " c"]) == "a b c"
    assert telegram_text(None) == ""


def test_bad_feeds_and_exports_fail_clearly(tmp_path):
    (tmp_path / "broken.xml").write_text("<rss><channel><title>x</title></channel></rss>")
    (tmp_path / "other.json").write_text('{"documents": []}')
    items, errors = expand([tmp_path / "broken.xml", tmp_path / "other.json"])
    assert items == []
    reasons = dict(errors)
    assert "no entries" in reasons[str(tmp_path / "broken.xml")]
    assert "not a Telegram channel export" in reasons[str(tmp_path / "other.json")]
    # In a folder, JSON files that are not exports (such as a gold file) are not taken for reports.
    items, errors = expand([tmp_path])
    assert [Path(e[0]).name for e in errors] == ["broken.xml"]


@pytest.fixture
def web_server(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "page.html").write_bytes(EXAMPLE_HTML.read_bytes())
    (site / "feed.xml").write_bytes((DATA / "desk-feed.xml").read_bytes())
    handler = partial(SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *a, **k: None
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_urls_pages_and_feeds(cli, web_server):
    result = cli("ingest", f"{web_server}/page.html", f"{web_server}/feed.xml", f"{web_server}/missing.html")
    assert result.exit_code == 1
    assert "new 3, unchanged 0, failed 1" in result.output
    assert "HTTP 404" in result.output
    rows = {r[0]: r for r in reports(cli.db)}
    page = rows[f"{web_server}/page.html"]
    assert page[1] == "html" and page[6] == EXAMPLE_HTML.read_bytes()
    assert page[2].startswith("ISIS ambush kills 14 soldiers")
    assert "https://desk.example/2025/05/training" in rows


def test_unreachable_url_is_one_clear_failure():
    items, errors = expand(["http://127.0.0.1:9/nothing"])
    assert items == [] and errors[0][1].startswith("fetch failed")
    with pytest.raises(UnreadableReport):
        raise UnreadableReport("x")
