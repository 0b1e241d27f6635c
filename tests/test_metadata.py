"""The report metadata parser: title, date, publisher, dispatch number, footnotes and boilerplate."""
import json
from datetime import date, datetime

import pytest

from sitrep.ingest.metadata import find_date, parse_report_text

DISPATCH = """Illustrative Monitor: Militia Convoy Crosses Into Eastern Syria

print
March 14, 2025
Iraq, Syria | Special Dispatch No. 12345

The following report is now a complimentary offering from the Example Monitor. For subscription information, click here.

On March 12, the Example Post website reported that a convoy crossed the border.[1] The website added that the
convoy headed west.[2]

[1] Example-post.com, March 12, 2025.

[2] March 11, 2025.

The full text of this post is available to subscribers.

About the Example Monitor

The Example Monitor tracks militias.

Read More
"""


def body_text(text, meta):
    return "\n".join(text[a:b] for a, b in meta.body)


def test_dispatch_layout():
    meta = parse_report_text(DISPATCH)
    assert meta.title == "Illustrative Monitor: Militia Convoy Crosses Into Eastern Syria"
    assert meta.published == "2025-03-14"
    assert meta.dispatch == "Special Dispatch No. 12345"
    assert [(f.number, f.outlet, f.date) for f in meta.footnotes] == [
        (1, "Example-post.com", "2025-03-12"), (2, None, "2025-03-11")]
    # Each footnote is linked to its marker in the body.
    for f in meta.footnotes:
        assert len(f.markers) == 1 and DISPATCH[f.markers[0]:f.markers[0] + 3] == f"[{f.number}]"
    body = body_text(DISPATCH, meta)
    assert "convoy crossed the border" in body
    for furniture in ("print", "complimentary offering", "available to subscribers", "About the Example",
                      "tracks militias", "Read More", "Special Dispatch", "[1] Example-post.com"):
        assert furniture not in body, furniture


def test_news_layouts():
    wire = "Militias redeploy near Al-Qaim\n\nPublished: 2024-06-03 10:00\n\nAL-QAIM, Iraq (Example Wire) – " \
           "Fighters moved on Saturday.\n"
    meta = parse_report_text(wire)
    assert meta.title == "Militias redeploy near Al-Qaim"
    assert meta.published == "2024-06-03"
    assert meta.publisher == "Example Wire"

    dated = "Border deal signed\n\nBAGHDAD, Feb 17, 2026 (Example Wire) — The two sides signed on Tuesday.\n"
    meta = parse_report_text(dated)
    assert (meta.published, meta.publisher, meta.title) == ("2026-02-17", "Example Wire", "Border deal signed")

    for masthead, name in (("Sharq Example - Monday, June 17, 2024", "Sharq Example"),
                           ("Example Insight | Baghdad | August 19, 2024", "Example Insight")):
        meta = parse_report_text(f"Militias leave the city centre\n\n{masthead}\n\nFighters left on Saturday.\n")
        assert (meta.published, meta.publisher) == (find_date(masthead)[0], name)
        assert meta.title == "Militias leave the city centre"

    tagged = "2024-08-02 16:00:06 - Source: Example Agency\n\nExample Agency/ On Friday, the group moved its " \
             "equipment out of the city, according to a television channel that covers the region in detail.\n"
    meta = parse_report_text(tagged)
    assert meta.published == "2024-08-02"
    assert meta.publisher == "Example Agency"
    assert meta.title is None      # the first line of prose is body, not a headline
    assert "moved its equipment" in body_text(tagged, meta)


def test_seeds(shared):
    gold = {d["id"]: d for d in json.loads((shared / "eval" / "seeds.gold.json").read_text())["documents"]}
    for path in sorted((shared / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        meta = parse_report_text(text)
        g = gold[path.stem]
        assert meta.title == g["title"], path.name
        assert meta.published == g["published"], path.name
        assert meta.publisher == g["publisher"], path.name
        body = body_text(text, meta)
        for furniture in ("complimentary offering", "available to subscribers", "Please login",
                          "Cyber & Jihad Lab monitors", "Read More"):
            assert furniture not in body, (path.name, furniture)
        # Every footnote line is parsed and linked to its marker where the body has one.
        lines = [ln for ln in text.splitlines() if ln.startswith("[") and "]" in ln[:5]]
        assert len(meta.footnotes) == len(lines), path.name
        for f in meta.footnotes:
            assert f.date is not None
            assert f.markers, (path.name, f.number)


def test_seed_dispatch_number(shared):
    text = next((shared / "seeds").glob("003_*.txt")).read_text(encoding="utf-8")
    assert parse_report_text(text).dispatch == "Special Dispatch No. 10981"


def test_yearless_dateline_dated_by_the_weekday_of_its_lead():
    received = date(2026, 11, 21)
    wire = "Fighters leave two districts\n\nALEPPO, Syria, March 2 (Example Press) - Several dozen fighters left " \
           "two districts on Sunday, officials said.\n"
    # 2 March fell on a Sunday in 2025 (and in 2014): the latest such year before the report came in
    assert parse_report_text(wire, received).published == "2025-03-02"
    # the dateline's own weekday first: 14 October was a Monday in 2024 (a Tuesday in 2025)
    same_day = "Raid in the east\n\nQAMISHLI, Syria, Oct 14 (Example Press) - Forces detained a man on Monday.\n"
    assert parse_report_text(same_day, received).published == "2024-10-14"
    # else the day before it: 15 October was no Monday in the last seven years, a Tuesday in 2024
    day_before = "Raid in the east\n\nQAMISHLI, Syria, Oct 15 (Example Press) - Forces detained a man on Monday.\n"
    assert parse_report_text(day_before, received).published == "2024-10-15"
    # no weekday named: the latest such day not after the report came in
    bare = "Convoy seen\n\nBAGHDAD, 30 December (Example Press) - A convoy crossed the border, residents said.\n"
    assert parse_report_text(bare, received).published == "2025-12-30"
    assert parse_report_text(bare, date(2026, 12, 31)).published == "2026-12-30"


def test_yearless_dateline_reprocessed_keeps_its_ingestion_day(tmp_path):
    from sitrep.ingest import ingest_paths, reprocess
    from sitrep.store import open_store
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wire.txt").write_text("Convoy seen\n\nBAGHDAD, 30 December (Example Press) - A convoy of the "
                                     "Popular Mobilization Forces crossed into Syria, residents said.\n")
    from sitrep.store.models import Report
    store = open_store(str(tmp_path / "s.db"))
    ingest_paths(store, [folder])
    rid = store.report_ids()[0]
    with store.session() as s:      # as if it had come in early in 2020
        s.get(Report, rid).ingested_at = datetime(2020, 1, 5, 9, 0)
        s.commit()
    assert reprocess(store).done == 1
    assert store.report(rid).published == "2019-12-30"


def test_publisher_name_alone_above_the_headline():
    bulletin = "Example Rights Observatory\nWeekly bulletin No. 12: arrests in the south\n\nMay 3, 2024\n\n" \
               "During the week, the Observatory documented four arrests.\n"
    meta = parse_report_text(bulletin)
    assert (meta.publisher, meta.title, meta.published) == (
        "Example Rights Observatory", "Weekly bulletin No. 12: arrests in the south", "2024-05-03")
    assert "Example Rights Observatory" not in body_text(bulletin, meta)
    # a headline is not a masthead, even one that ends in an organisation's word
    headline = "Militias Surround The Observatory\n\nMay 3, 2024\n\nFighters surrounded the building.\n"
    assert parse_report_text(headline).title == "Militias Surround The Observatory"
    assert parse_report_text(headline).publisher is None


def test_serial_title_names_its_publisher():
    text = "Example Rights Observatory - Weekly Bulletin No. 46\n\nPublished: November 16, 2025\n\nSummary\n\n" \
           "The week saw two attacks.\n"
    meta = parse_report_text(text)
    assert (meta.publisher, meta.published) == ("Example Rights Observatory", "2025-11-16")
    # a headline with a dash is not a serial's title
    assert parse_report_text("Syrian army - the report says more\n\nThe army moved.\n").publisher is None


@pytest.mark.parametrize("header,publisher,published", [
    ("Brief No. 2024/071 | Tuesday, 12 March 2024 | Valid as of 2200 local time\n\n"
     "Example Monitoring Unit (EMU) - Field Desk | example-monitor.example/briefs", "Example Monitoring Unit",
     "2024-03-12"),
    ("Analysis | Example Institute for Security Studies\nPublished 7 October 2025", "Example Institute for Security Studies",
     "2025-10-07"),
    ("Example Documentation Network (EDN)\nIssued: 17 November 2025\nLog reference: EDN/SOU/2025-21",
     "Example Documentation Network", "2025-11-17"),
    ("Example News Network - Office of the Eastern Countryside\nDate of publication: Tuesday, 14 January 2025",
     "Example News Network", "2025-01-14"),
    ("Example Signal Digest | Issue 212 | Wednesday, 29 November 2023 | examplesignal.example",
     "Example Signal Digest", "2023-11-29"),
    ("Example Risk Partners | Advisory ERP-SY-26-014\nIssued: Thursday, 16 April 2026", "Example Risk Partners",
     "2026-04-16"),
    ("Example Verify | Published: Friday, 20 February 2026 | example-verify.example", "Example Verify", "2026-02-20"),
    ("Example Joint Task Force\nPublic Affairs Office\nPress Release No. 20250822-01\nAugust 22, 2025",
     "Example Joint Task Force", "2025-08-22"),
])
def test_header_lines_of_many_genres(header, publisher, published):
    text = f"Militias Move Fighters Toward The Border, 1-15 March\n\n{header}\n\nThe militias moved fighters on Monday.\n"
    meta = parse_report_text(text)
    assert (meta.publisher, meta.published) == (publisher, published)
    assert meta.title.startswith("Militias Move Fighters")


_BODY = "\n\nThe Hawks Brigade moved 40 fighters to Tal Hamra on Monday, local sources said.\n"


@pytest.mark.parametrize("text,publisher,published", [
    ("Militias reinforce border posts\n\nPublished 3 May 2024 · 14:20\n\nExample Wire Service" + _BODY,
     "Example Wire Service", "2024-05-03"),
    ("Militias reinforce border posts\n\nBy Jane Doe | May 3, 2024\n\nExample Daily" + _BODY, "Example Daily",
     "2024-05-03"),
    ("Militia Watch\nIssue 112 — 3 May 2024\n\nMilitias reinforce border posts" + _BODY, "Militia Watch", "2024-05-03"),
    ("Fighting on the Euphrates\n\nExample News Network\nLast updated: 3 May 2024, 19:35" + _BODY,
     "Example News Network", "2024-05-03"),
    ("Militias reinforce border posts\nPosted on May 3, 2024 by Example Monitor staff" + _BODY, "Example Monitor",
     "2024-05-03"),
    ("Militias reinforce border posts\n03/05/2024 | Example Times" + _BODY, "Example Times", "2024-05-03"),
])
def test_bylines_issues_updates_and_day_first_dates(text, publisher, published):
    meta = parse_report_text(text)
    assert (meta.publisher, meta.published) == (publisher, published)


def test_date_and_byline_at_the_foot_of_a_story():
    paragraphs = "\n\n".join(f"Paragraph {i}: the Hawks Brigade moved fighters to Tal Hamra." for i in range(12))
    text = f"Militias reinforce border posts\n\n{paragraphs}\n\nBy Jane Doe, Example Courier. 3 May 2024\n"
    meta = parse_report_text(text)
    assert (meta.publisher, meta.published) == ("Example Courier", "2024-05-03")
    assert "Jane Doe" not in body_text(text, meta)


@pytest.mark.parametrize("header,publisher,published,title", [
    ("EXAMPLE WIRE SERVICE | FLASH\n\nMilitias reinforce border posts near the river\n\n19 Oct 2022 · 11:42 GMT+3",
     "Example Wire Service", "2022-10-19", "Militias reinforce border posts near the river"),
    ("THE EXAMPLE LEDGER\nLive\n\nClashes across the river, curfew on the east bank — as it happened\n\n"
     "Live coverage by Jane Doe\nThu 14 Aug 2025 · last updated 21:10", "The Example Ledger", "2025-08-14",
     "Clashes across the river, curfew on the east bank — as it happened"),
    ("Example Humanitarian Access Group (EHAG)\n\nSYRIA: Escalation in the south\nFlash Update No. 3\n"
     "As of 11 February 2026, 18:00 (Damascus time)", "Example Humanitarian Access Group", "2026-02-11",
     "SYRIA: Escalation in the south"),
    ("The Example Dispatch\nSecurity & Defence\n\nArmy says it hit a smuggling route near the border\n\n"
     "By Jane Doe, military correspondent\nPublished 20 May 2026 · 14:20 | Updated 16:05", "The Example Dispatch",
     "2026-05-20", "Army says it hit a smuggling route near the border"),
    ("The Example Monitor — Politics & Security\nPosted: 2025-03-19\n\nCabinet sends the militia law to parliament",
     "The Example Monitor", "2025-03-19", "Cabinet sends the militia law to parliament"),
    ("EXAMPLE MEDIA REVIEW\nPress Digest | No. 46 | Week ending 13 April 2023\nSummarised and translated from "
     "Persian by the desk\n\nAdvisers in Syria: a funeral and a relocation order", "Example Media Review",
     "2023-04-13", "Advisers in Syria: a funeral and a relocation order"),
])
def test_mastheads_sections_and_credit_lines(header, publisher, published, title):
    meta = parse_report_text(header + "\n\nThe Hawks Brigade moved 40 fighters to Tal Hamra on Monday.\n")
    assert (meta.publisher, meta.published, meta.title) == (publisher, published, title)


def test_published_at_the_foot_in_a_credit_line():
    paragraphs = "\n\n".join(f"Paragraph {i}: the Hawks Brigade moved fighters to Tal Hamra." for i in range(12))
    text = f"EXAMPLE POST · Dispatches\n\nA week on the border\n\n{paragraphs}\n\n" \
           f"Reporting by Jane Doe in Tal Hamra. Published 24.04.2025.\n"
    meta = parse_report_text(text)
    assert (meta.publisher, meta.published, meta.title) == ("Example Post", "2025-04-24", "A week on the border")


@pytest.mark.parametrize("header,publisher,published,title", [
    # an event's date beside the report's own, labelled: the label decides
    ("EXAMPLE LEDGER · OVERSIGHT NOTES\nHearing summary: \"Border Security After the Spring Attacks\"\n"
     "Hearing held: Wednesday, 13 March 2024 | Summary posted: 14 March 2024 | By Jane Doe",
     "Example Ledger", "2024-03-14", "Hearing summary: \"Border Security After the Spring Attacks\""),
    ("EXAMPLE WIRE DAILY\nTreasury names a tanker network\nDateline: WASHINGTON\n"
     "Filed: 20 June 2023 | Desk: Designations | examplewire.example",
     "Example Wire Daily", "2023-06-20", "Treasury names a tanker network"),
    # a masthead with a longer descriptor, and with an issue number
    ("EXAMPLE HULL WATCH — Eastern Mediterranean shipping note\nSealift picks up at the port\n"
     "Updated: 10 February 2025, 09:15 UTC", "Example Hull Watch", "2025-02-10", "Sealift picks up at the port"),
    ("EXAMPLE DESK — open-source imagery notes, No. 112\nDigging in at the border base\n"
     "By Jane Doe and John Roe | 5 June 2024", "Example Desk", "2024-06-05", "Digging in at the border base"),
    # a label with no colon, in a credit line or after it
    ("EXAMPLE TRACKER\nWeekly airlift tracker — Issue 37, week ending Sunday 18 September 2022\n"
     "Compiled by the tracking desk from public flight data. Published Monday 19 September 2022.",
     "Example Tracker", "2022-09-19", "Weekly airlift tracker — Issue 37, week ending Sunday 18 September 2022"),
    ("EXAMPLE SECURITY CHRONICLE\nChronology: attacks and raids in three provinces, January–March 2023\n"
     "Compiled 3 April 2023 by the research team", "Example Security Chronicle", "2023-04-03",
     "Chronology: attacks and raids in three provinces, January–March 2023"),
    # an e-mail newsletter's header
    ("From: Example Chamber Notes <digest@notes.example>\nTo: subscribers\nDate: Thu, 30 Oct 2025 07:05 -0400\n"
     "Subject: [ECN #418] Council hears a briefing on the border",
     "Example Chamber Notes", "2025-10-30", "Council hears a briefing on the border"),
])
def test_labelled_dates_descriptor_mastheads_and_mail_headers(header, publisher, published, title):
    meta = parse_report_text(header + "\n\nThe Hawks Brigade moved 40 fighters to Tal Hamra on Monday.\n")
    assert (meta.publisher, meta.published, meta.title) == (publisher, published, title)
