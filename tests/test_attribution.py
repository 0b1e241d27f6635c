"""Attribution: source chains, cited-report date anchoring, restatements; and a score regression on the shared
seed and dev sets (skipped when ../shared is absent)."""
import importlib.util
import io
import json
import pathlib

import pytest

from tests.extract_helpers import run

ACTORS = {"the Hawks Brigade": "Hawks Brigade", "Hawks Brigade": "Hawks Brigade", "the Northern Army": "Northern Army",
          "Northern Army": "Northern Army", "Hawks": "Hawks Brigade"}
PLACES = {"Iraq": "country", "Al-Qasr": "city", "Wadi Town": "city", "Tal Hamra": "city"}
SOURCES = {"River Herald": "River Herald", "the River Herald website": "River Herald", "Valley Post": "Valley Post"}


def doc_of(text, **kw):
    return run(text, actors=ACTORS, places=PLACES, sources=SOURCES, **kw)


def test_cited_outlet_date_and_relative_day():
    doc = doc_of('On March 10, the River Herald website reported that according to "exclusive sources," on the '
                 "previous day, the Hawks Brigade had sent 30 fighters from Iraq to Al-Qasr.")
    (c,) = doc.claims
    assert c.source.outlet.name == "River Herald"
    assert c.source.outlet_date == "2024-03-10"
    assert c.source.sourcing == "exclusive sources"
    assert c.source.publisher == "Test Monitor"
    assert (c.date.value, c.date.anchor) == ("2024-03-09", "cited report")


def test_context_carries_to_following_sentences_and_paragraphs():
    text = ("On March 11, Valley Post reported that the Hawks Brigade deployed fighters in Tal Hamra.\n\n"
            "The website added that the Hawks Brigade held drills in Wadi Town.")
    doc = doc_of(text)
    assert [(c.type, c.source.name, c.date.value) for c in doc.claims] == [
        ("movement", "Valley Post", "2024-03-11"), ("training", "Valley Post", "2024-03-11")]


def test_trailing_attribution_and_own_voice():
    text = ("The Hawks Brigade moved fighters to Al-Qasr on Thursday, according to Valley Post.\n\n"
            "The Northern Army arrested two smugglers in Wadi Town.")
    doc = doc_of(text)
    first, second = doc.claims
    assert first.source.name == "Valley Post"
    assert first.date.value == "2024-03-14"
    assert second.source.outlet is None and second.source.publisher == "Test Monitor"
    assert second.date.value == "2024-03-15"      # no date of its own: the publication date


def test_statement_by_an_actor_is_the_source():
    doc = doc_of("The Northern Army said in a statement that the Hawks Brigade withdrew from Wadi Town.")
    (c,) = doc.claims
    assert c.source.name == "Northern Army" and c.source.outlet.kind == "statement"


def test_hedge_kept_as_written():
    doc = doc_of("Valley Post claimed that the Hawks Brigade had allegedly deployed fighters in Tal Hamra.")
    (c,) = doc.claims
    assert c.certainty == "allegedly"


def test_headline_restatement_is_linked_not_counted_twice():
    text = ("Hawks Brigade Sends Fighters To Al-Qasr\n\n"
            "On March 12, Valley Post reported that the Hawks Brigade sent fighters from Iraq to Al-Qasr.")
    doc = doc_of(text)
    body = [c for c in doc.claims if c.restates is None]
    heads = [c for c in doc.claims if c.restates is not None]
    assert len(body) == 1 and len(heads) == 1
    assert heads[0].optional and doc.claims[heads[0].restates] is body[0]


def test_announcer_is_the_source_of_what_it_announces():
    doc = doc_of("The Hawks Brigade, an armed group in Iraq, announced the suspension of its operations in Al-Qasr.")
    (c,) = doc.claims
    assert c.type == "directive"
    assert c.source.outlet.name == "Hawks Brigade"
    assert any(a.actor.name == "Hawks Brigade" and a.role == "agent" for a in c.actors)


def test_statement_as_later_subject_keeps_its_author_as_source():
    doc = doc_of("The Hawks Brigade announced the suspension of its operations in Al-Qasr.\n\n"
                 "The statement also called upon the Northern Army to withdraw from Wadi Town.")
    assert [c.source.outlet.name for c in doc.claims] == ["Hawks Brigade", "Hawks Brigade"]


def test_outlet_known_by_its_form():
    """An unknown outlet named as the speaker, and a known name inside a longer one, are outlets by form."""
    doc = doc_of("On March 10, Dune Watch added that the Hawks Brigade had sent 30 fighters from Iraq to Al-Qasr.\n\n"
                 "On March 11, the Valley Post Review website reported that the Northern Army arrested two smugglers "
                 "in Wadi Town.")
    first, second = doc.claims
    assert first.source.outlet.name == "Dune Watch" and first.source.outlet_date == "2024-03-10"
    assert second.source.outlet.name == "Valley Post Review"


def test_outlet_also_reported_keeps_its_report_date():
    doc = doc_of("On March 10, Valley Post reported that the Hawks Brigade sent 30 fighters from Iraq to Al-Qasr.\n\n"
                 "Valley Post also reported that on the previous day, the Northern Army arrested two smugglers in "
                 "Wadi Town.")
    second = doc.claims[-1]
    assert second.source.outlet.name == "Valley Post"
    assert second.date.value == "2024-03-09"


def test_medial_and_final_frames_leave_the_content_whole():
    doc = doc_of("The Northern Army arrested two smugglers in Wadi Town on Tuesday, the River Herald said.\n\n"
                 "Other raids targeted farms near Al-Qasr, it said, as the army sought to stop the Hawks Brigade "
                 "from moving weapons into Iraq.")
    types = [c.type for c in doc.claims]
    assert types[:2] == ["arrest", "attack"]
    assert all(c.source.outlet is not None and c.source.outlet.name == "River Herald" for c in doc.claims[:2])


def test_key_points_restate_the_body():
    text = ("Key points\n\n- Hawks Brigade sends fighters to Al-Qasr.\n\n"
            "On March 12, Valley Post reported that the Hawks Brigade sent fighters from Iraq to Al-Qasr.")
    doc = doc_of(text)
    heads = [c for c in doc.claims if c.restates is not None]
    assert len(heads) == 1 and heads[0].optional


def test_same_day_is_the_day_last_told():
    doc = doc_of("The Hawks Brigade shelled Tal Hamra on Monday.\n\n"
                 "Valley Post added that on the same day, the Northern Army arrested two smugglers in Wadi Town.")
    assert [c.date.value for c in doc.claims] == ["2024-03-11", "2024-03-11"]


def test_later_takes_the_day_last_told():
    doc = doc_of("The Hawks Brigade shelled Tal Hamra on Monday. Two officers of the Northern Army later met the "
                 "Hawks Brigade in Wadi Town.")
    assert [c.date.value for c in doc.claims] == ["2024-03-11", "2024-03-11"]


def test_n_days_later_counts_from_the_event_last_told():
    doc = doc_of("On Monday, gunmen attacked a Hawks Brigade post in Tal Hamra.\n\n"
                 "Two days later, the Northern Army shelled Wadi Town.")
    assert [c.date.value for c in doc.claims] == ["2024-03-11", "2024-03-13"]


def test_planned_month_and_weekday_look_ahead():
    doc = doc_of("The Northern Army is to deliver two air-defence batteries to the Hawks Brigade in Al-Qasr in June.\n\n"
                 "A drone course for the Hawks Brigade is due to begin on Thursday in Wadi Town.")
    assert [(c.modality, c.date.value) for c in doc.claims] == [("planned", "2024-06"), ("planned", "2024-03-21")]


def test_log_entry_head_dates_its_entry():
    doc = doc_of("03/03 - Tal Hamra (north) - Incursion - Basis: B\n"
                 "A Northern Army force entered Tal Hamra at around 07:00.\n\n"
                 "09/03 - Wadi Town - Detention - Basis: A\n"
                 "The Hawks Brigade detained five men in Wadi Town during a dawn raid.")
    assert [c.date.value for c in doc.claims] == ["2024-03-03", "2024-03-09"]


def test_an_unnamed_official_speaks_to_the_publisher():
    doc = doc_of("The Hawks Brigade moved 40 fighters to Tal Hamra, a Hawks Brigade official said.")
    (c,) = doc.claims
    assert c.source.outlet is None and c.source.publisher == "Test Monitor"
    assert "official" in c.source.sourcing
    doc = doc_of("The Hawks Brigade moved 40 fighters to Tal Hamra, the Hawks Brigade said.")
    (c,) = doc.claims
    assert c.source.outlet.name == "Hawks Brigade"


def test_digest_entry_head_names_the_voice_of_its_entry():
    doc = doc_of("Channel digest for the day.\n\n"
                 "07:12 | Nabd al-Ghadir\nClaims that the Hawks Brigade moved 200 fighters to Tal Hamra overnight.\n\n"
                 "08:40 | Sawt al-Wadi\nReports that the Northern Army arrested three men in Wadi Town.")
    assert [(c.type, c.source.outlet.name) for c in doc.claims] == [("movement", "Nabd al-Ghadir"),
                                                                      ("arrest", "Sawt al-Wadi")]


def test_a_period_start_or_an_old_year_after_the_event_is_its_background():
    doc = doc_of("The Hawks Brigade took control of the station in Tal Hamra, which had been held by the Northern Army "
                 "since 2018.")
    assert [c.date.value for c in doc.claims] == ["2024-03-15"]
    doc = doc_of("In 2018, the Hawks Brigade took control of the station in Tal Hamra.")
    assert [c.date.value for c in doc.claims] == ["2018"]


def test_a_day_after_dates_the_earlier_event():
    doc = doc_of("Northern Army reinforcements arrived in Tal Hamra on Monday, a day after Hawks Brigade fighters "
                 "attacked a post there.")
    assert [(c.type, c.date.value) for c in doc.claims] == [("movement", "2024-03-11"), ("attack", "2024-03-10")]


# ---- score regression on the shared sets --------------------------------------------------------------------

SHARED = pathlib.Path(__file__).resolve().parents[2] / "shared" / "eval"


def _score(gold_file, docs_dir, tmp_path):
    """Score the product path, as a user gets it: ingest the folder into a fresh store, export JSON Lines, and
    score that export. Only the documents go in; nothing from the gold file reaches the pipeline."""
    if not gold_file.exists() or not docs_dir.exists() or not (SHARED / "score.py").exists():
        pytest.skip(f"shared evaluation data not found at {gold_file.parent}")
    spec = importlib.util.spec_from_file_location("shared_score", SHARED / "score.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    from sitrep.export.jsonl import write
    from sitrep.ingest import ingest_paths
    from sitrep.store import open_store

    store = open_store(str(tmp_path / "score.db"))
    ingest_paths(store, [docs_dir])
    out = io.StringIO()
    write(store, out)
    reports = [json.loads(line) for line in out.getvalue().splitlines() if line.strip()]
    gold = json.loads(gold_file.read_text(encoding="utf-8"))["documents"]
    result, _ = scorer.score(gold, reports)
    return result


def test_seed_scores(tmp_path):
    r = _score(SHARED / "seeds.gold.json", SHARED.parent / "seeds", tmp_path)
    assert r["events"]["f1"] >= 0.85, r["events"]
    assert r["events_strict"]["f1"] >= 0.65, r["events_strict"]
    assert r["slots"]["date"] >= 0.90 and r["slots"]["source"] >= 0.90 and r["slots"]["modality"] >= 0.95, r["slots"]


def test_dev_scores(tmp_path):
    r = _score(SHARED / "dev" / "gold.json", SHARED / "dev" / "docs", tmp_path)
    # Through the product path the publication date of the undated dev reports is unknown (the gold file's is not
    # fed in), so strict scores sit lower than they did with gold metadata; thresholds a little below the product.
    assert r["events"]["f1"] >= 0.74, r["events"]
    assert r["events_strict"]["f1"] >= 0.31, r["events_strict"]


def test_example_reports_scores(tmp_path):
    """Our illustrative reports (fictional outlets, other house styles): a proxy for reports of unseen styles."""
    examples = pathlib.Path(__file__).resolve().parents[1] / "examples" / "reports"
    r = _score(examples / "gold.json", examples, tmp_path)
    assert r["events"]["f1"] >= 0.72, r["events"]
    assert r["events_strict"]["f1"] >= 0.26, r["events_strict"]
    assert r["slots"]["source"] >= 0.62 and r["slots"]["date"] >= 0.76, r["slots"]


def test_staff_byline_names_the_publisher():
    text = ("Clashes flare near Wadi Town\n\nBy River Herald staff\n\nWADI TOWN — The Hawks Brigade sent 30 fighters "
            "from Iraq to Al-Qasr on Sunday.")
    doc = run(text, actors=ACTORS, places=PLACES, publisher=None)
    (c,) = doc.claims
    assert c.source.publisher == "River Herald" and c.source.outlet is None
    assert any(m.entity.name == "River Herald" for m in doc.sources)


def test_located_lead_is_not_part_of_the_outlet_name():
    doc = run("The Hawks Brigade sent 30 fighters to Al-Qasr on Sunday, the Lakeside-based Valley Mirror website "
              "reported.", actors=ACTORS, places=PLACES)
    (c,) = doc.claims
    assert c.source.outlet.name == "Valley Mirror"


def test_parenthetical_frame_after_a_time_phrase_and_state_media_as_outlet():
    text = ("On March 10, the Hawks Brigade arrested two smugglers in Wadi Town. Later that day, Valley Post reported, "
            "the Hawks Brigade moved fighters to Al-Qasr.\n\n"
            "The Northern Army sent a convoy to Tal Hamra on Thursday, Ruritanian state media reported.")
    doc = doc_of(text)
    first, second, third = doc.claims
    assert second.source.name == "Valley Post" and second.date.value == "2024-03-10"
    assert third.source.name == "Ruritanian state media"


def test_statement_with_a_relative_clause_is_a_trailing_frame():
    # "that blamed ..." qualifies the statement; the event before the frame is the content
    doc = doc_of("The drone hit a truck near Al-Qasr late on Tuesday, killing two Hawks Brigade members, "
                 "the Northern Army said in a statement that blamed the Hawks Brigade.")
    (c,) = doc.claims
    assert c.type == "attack" and c.source.outlet.name == "Northern Army" and c.source.outlet.kind == "statement"


def test_according_to_set_off_by_commas_with_an_apposition_after_it():
    doc = doc_of("The Northern Army shelled the outskirts of Al-Qasr overnight, according to Valley Post, a monitoring "
                 "group, which reported damage to a power line but no casualties.")
    (c,) = doc.claims
    assert c.source.outlet.name == "Valley Post"


def test_citing_after_the_frame_verb_keeps_the_speaker():
    doc = doc_of("The Northern Army flew two air-defence systems into Al-Qasr on Monday, Valley Post said, citing "
                 "sources at the airport.")
    (c,) = doc.claims
    assert c.source.outlet.name == "Valley Post"


def test_relative_clause_after_the_source_is_not_a_frame():
    doc = doc_of("A drone reportedly struck a Northern Army position near Al-Qasr, according to the channel Valley Post, "
                 "which posted a photo of smoke rising behind the trees.")
    (c,) = doc.claims
    assert c.type == "attack" and c.source.outlet.name == "Valley Post"


def test_the_official_told_of_before_is_the_publishers_own_sourcing():
    doc = doc_of("The Hawks Brigade left Al-Qasr before dawn, the official of the local council told Test Monitor.\n\n"
                 "The Northern Army met Hawks Brigade commanders in Wadi Town on Tuesday, the official said.")
    first, second = doc.claims
    assert first.source.outlet is None and second.source.outlet is None
    assert second.source.publisher == "Test Monitor"


def test_both_sides_speak_for_the_parties_of_the_claim():
    doc = doc_of("The Northern Army and the Hawks Brigade have agreed to stop firing along the river from 20:00, "
                 "both sides said in near-identical statements.")
    (c,) = doc.claims
    assert c.type == "agreement" and c.source.outlet.name == "Northern Army"
