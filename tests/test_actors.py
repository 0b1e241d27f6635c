"""ActorFinder on sentences written for these tests (and, when present, the shared seeds)."""
import json
import pathlib

import pytest

from sitrep.extract.actors import ActorFinder
from sitrep.extract.model import Doc, ReportMeta
from sitrep.extract.sentences import split_sentences


@pytest.fixture(scope="module")
def finder():
    return ActorFinder()


def run(finder, text, published=None):
    doc = Doc(text=text, meta=ReportMeta(id="t", origin="t", published=published), body=[(0, len(text))])
    split_sentences(doc)
    return finder(doc)


def names(mentions):
    return {m.entity.name for m in mentions}


def texts(mentions, name):
    return [m.text for m in mentions if m.entity.name == name]


def test_known_actors_under_variants(finder):
    doc = run(finder, "Fighters of Lebanese Hizzbullah and the IRGC's Sayyidah Zaynab Regiment reached the town. "
                      "Hezbollah later moved to the river.")
    assert {"Hezbollah", "Sayyidah Zaynab Regiment"} <= names(doc.actors)
    assert len(texts(doc.actors, "Hezbollah")) == 2


def test_disambiguation(finder):
    doc = run(finder, "The Iraqi Hizbullah Brigades sent a convoy while the pro-regime Liwa' Al-Quds militia waited "
                      "for orders from the Quds Force.")
    got = names(doc.actors)
    assert "Kata'ib Hezbollah" in got and "Hezbollah" not in got
    assert {"Liwa al-Quds", "Quds Force"} <= got


def test_bare_hezbollah_in_an_iraqi_report_is_kataib_hezbollah(finder):
    doc = run(finder, "Kataib Hezbollah announced a pause in its attacks in Iraq. Hezbollah fighters stayed home.")
    assert names(doc.actors) == {"Kata'ib Hezbollah"}


def test_possessive_state_is_part_of_its_unit(finder):
    doc = run(finder, "Iran's IRGC moved weapons from Iraq to the south.")
    assert names(doc.actors) == {"Islamic Revolutionary Guard Corps"}
    assert texts(doc.actors, "Islamic Revolutionary Guard Corps") == ["Iran's IRGC"]


def test_states_as_actors_and_as_places(finder):
    doc = run(finder, "Russia and Iran agreed to expand the depot. Trucks came from Iraq near the Iraqi border.")
    got = names(doc.actors)
    assert {"Russian Armed Forces", "Iran"} <= got
    assert "Iraqi Security Forces" not in got
    doc = run(finder, "The trucks travelled from Iran to the coast and carried Iranian-made drones.")
    assert "Iran" not in names(doc.actors)
    doc = run(finder, "Iranian commanders met Israeli officials; Israeli strikes followed.")
    assert {"Iran", "Israel"} <= names(doc.actors)


def test_collective_actors(finder):
    doc = run(finder, "Iran- and Russia-backed militias clashed. Later the militias withdrew, and militia groups "
                      "backed by Turkey advanced.")
    got = names(doc.actors)
    assert {"Iran-backed militias", "Russian-backed militias", "Turkish-backed militias"} <= got
    assert "the militias" in texts(doc.actors, "Iran-backed militias") + texts(doc.actors, "Russian-backed militias")


def test_unknown_organisations_are_kept(finder):
    doc = run(finder, "The Sons of the Valley Brigade and Liwa Nusur al-Badiya attacked a post held by the "
                      "Ghadab Regiment. The new battalion is named \"Martyr Falcon 12\".")
    unknown = {m.entity.name for m in doc.actors if not m.entity.known}
    assert "Sons of the Valley Brigade" in unknown
    assert "Liwa Nusur al-Badiya" in unknown
    assert "Ghadab Regiment" in unknown
    assert any("Martyr Falcon 12" in n for n in unknown)


def test_acronym_defined_in_text(finder):
    doc = run(finder, "The Valley Shield Forces (VSF) took the hill. Later, VSF fighters left.")
    vsf = [m for m in doc.actors if m.entity.name == "Valley Shield Forces"]
    assert [m.text for m in vsf] == ["Valley Shield Forces", "VSF", "VSF"]


def test_persons_with_titles_roles_and_affiliation(finder):
    doc = run(finder, "Hajj Sadiq, an Iranian adviser from the IRGC, oversaw the drill. Brigadier General Karim "
                      "Nassar, commander of the regime's Fifth Legion, issued orders. Nassar later left.")
    people = {m.entity.name: m.entity for m in doc.persons}
    assert people["Hajj Sadiq"].affiliation == "Islamic Revolutionary Guard Corps"
    assert people["Karim Nassar"].title == "Brigadier General"
    assert people["Karim Nassar"].affiliation == "5th Corps"
    assert texts(doc.persons, "Karim Nassar") == ["Brigadier General Karim Nassar", "Nassar"]


def test_role_prefix_and_appositive(finder):
    doc = run(finder, "SDF commander Rezan Kobani met Leyla Hasan, head of the local council, in Hasakah.")
    assert {"Rezan Kobani", "Leyla Hasan"} <= names(doc.persons)


def test_outlets_are_sources_not_actors(finder):
    doc = run(finder, "On May 3, the Syrian opposition-affiliated Eye of the Euphrates website reported that "
                      "convoys arrived. On its Telegram channel, the Ja'far Al-Tayyar Brigades posted a photo. "
                      "The website added that more would follow.")
    assert {"Eye of the Euphrates", "Ja'far al-Tayyar Brigades"} == names(doc.sources)
    assert not names(doc.actors) & names(doc.sources)
    assert "The website" in texts(doc.sources, "Eye of the Euphrates")


def test_statements_and_named_bodies_as_sources(finder):
    doc = run(finder, "The SDF said in a statement that it had arrested two men. According to Turkish security "
                      "sources, the town fell.")
    assert "Syrian Democratic Forces" in names(doc.actors)
    assert {"Syrian Democratic Forces", "Turkish security sources"} <= names(doc.sources)


def test_report_date_chooses_between_successive_actors(finder):
    text = "Syrian government forces entered the town."
    assert names(run(finder, text, "2020-01-01").actors) == {"Syrian Arab Army"}
    assert names(run(finder, text, "2025-03-01").actors) == {"Syrian transitional government"}


def test_boilerplate_is_skipped(finder):
    text = "The IRGC moved troops.\nMEMRI's Jihad and Terrorism Threat Monitor covers Hezbollah."
    doc = Doc(text=text, meta=ReportMeta(id="t", origin="t"), body=[(0, 22)])
    split_sentences(doc)
    finder(doc)
    assert names(doc.actors) == {"Islamic Revolutionary Guard Corps"}
    assert not doc.sources


SEEDS = pathlib.Path(__file__).resolve().parents[2] / "shared"


def test_seed_scores():
    gold_path = SEEDS / "eval" / "seeds.gold.json"
    if not gold_path.exists():
        pytest.skip("shared seeds not present (/work/shared/eval)")
    import importlib.util
    spec = importlib.util.spec_from_file_location("score", SEEDS / "eval" / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    gold = json.loads(gold_path.read_text())["documents"]
    finder = ActorFinder()
    reports = []
    for g in gold:
        text = (SEEDS / "seeds" / f"{g['id']}.txt").read_text()
        cut = min([i for i in (text.find("The full text of this post"), text.find("Share this Report")) if i > 0]
                  or [len(text)])
        body = [(0, cut)]
        intro = text.find("The following report is now a complimentary")
        if intro >= 0:
            line_end = text.find("\n", intro)
            body = [(0, intro), (line_end, cut)]
        doc = Doc(text=text, meta=ReportMeta(id=g["id"], origin=g["id"], published=g["published"]), body=body)
        split_sentences(doc)
        finder(doc)
        ents = {}
        for kind in ("actors", "persons", "sources"):
            groups = {}
            for m in getattr(doc, kind):
                groups.setdefault(m.entity.name, []).append(m.text)
            ents[kind] = [{"name": n, "mentions": ms} for n, ms in groups.items()]
        reports.append({"id": g["id"], "entities": ents, "claims": []})
    result, _ = score.score(gold, reports)
    e = result["entities"]
    assert e["actors"]["f1"] >= 0.90
    assert e["persons"]["f1"] >= 0.85
    assert e["sources"]["f1"] >= 0.95


# ---- the publisher as a source ---------------------------------------------------------------------------------

def run_published(finder, text, publisher):
    doc = Doc(text=text, meta=ReportMeta(id="t", origin="t", publisher=publisher), body=[(0, len(text))])
    split_sentences(doc)
    return finder(doc)


def test_first_hand_publisher_is_a_source_at_its_dateline(finder):
    text = "ERBIL (Rudaw) – SDF fighters entered the town on Saturday, a local official told the outlet."
    doc = run_published(finder, text, "Rudaw")
    pub = [m for m in doc.sources if m.entity.name == "Rudaw"]
    assert len(pub) == 1 and pub[0].text == "Rudaw" and text[pub[0].start:pub[0].end] == "Rudaw"


def test_publisher_not_printed_in_the_text_gets_a_zero_width_mention(finder):
    doc = run_published(finder, "Regime forces withdrew from the city on Friday.", "Rudaw English")
    pub = [m for m in doc.sources if m.entity.name == "Rudaw"]
    assert [(m.start, m.end, m.text) for m in pub] == [(0, 0, "Rudaw")]


def test_digest_publisher_is_not_a_source(finder):
    doc = run_published(finder, "The Eye of the Euphrates website reported that militias left Al-Mayadin.", "MEMRI JTTM")
    assert "MEMRI" not in names(doc.sources)
    assert "Eye of the Euphrates" in names(doc.sources)


def test_unknown_publisher_is_a_source_unless_it_describes_itself_as_a_digest(finder):
    doc = run_published(finder, "QAMISHLI (Northern Lantern) - Two patrols met near the airport.", "Northern Lantern")
    assert [m.text for m in doc.sources if m.entity.name == "Northern Lantern"] == ["Northern Lantern"]
    digest = ("Websites reported that two patrols met near the airport.\n\n"
              "About the Northern Lantern: the Northern Lantern tracks, translates and analyzes regional media.")
    doc = run_published(finder, digest, "Northern Lantern")
    assert "Northern Lantern" not in names(doc.sources)


def test_no_publisher_no_publisher_source(finder):
    doc = run_published(finder, "Regime forces withdrew from the city on Friday.", None)
    assert doc.sources == []


# ---- `sitrep actors` against a real store ----------------------------------------------------------------------

def test_actors_cli_against_an_ingested_store(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from sitrep.cli import app

    monkeypatch.setenv("COLUMNS", "200")
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text(
        "Militias withdraw from Al-Bukamal\n\n"
        "DEIR EZZOR, Syria (Example Wire) — Fighters of Kataib Hezbollah withdrew from Al-Bukamal on Monday, "
        "a local official told Example Wire. The Falcons of the Desert Brigade took over their positions.\n",
        encoding="utf-8")
    (reports / "b.txt").write_text(
        "Hezbollah convoy reaches Al-Qusayr\n\n"
        "QUSAYR, Syria (Example Wire) — A convoy of Hizbullah fighters reached Al-Qusayr on Tuesday, residents "
        "said. The Kata'ib Hezbollah commander in the area was not with them.\n",
        encoding="utf-8")
    db = str(tmp_path / "store.db")
    runner = CliRunner()
    r = runner.invoke(app, ["--db", db, "ingest", str(reports)])
    assert r.exit_code == 0, r.output

    r = runner.invoke(app, ["--db", db, "actors", "Ketaib Hezbollah"])
    assert r.exit_code == 0, r.output
    assert "Kata'ib Hezbollah" in r.output
    assert "Appearances (2)" in r.output
    assert "Kataib Hezbollah" in r.output           # the mention as written

    r = runner.invoke(app, ["--db", db, "actors", "--unknown"])
    assert r.exit_code == 0, r.output
    assert "Falcons of the Desert Brigade" in r.output
    assert "Kata'ib Hezbollah" not in r.output      # known actors are not listed


def test_a_state_that_acts_is_not_also_a_place():
    from sitrep.extract.pipeline import build_pipeline
    from sitrep.extract.model import ReportMeta
    text = ("Russia Forbids Strikes From Areas It Controls\n\nMay 3, 2025\n\n"
            "Russia and Iran agreed to move the depot. Iran's IRGC sent fighters from Iraq to Syria.\n")
    doc = build_pipeline()(text, ReportMeta(id="t", origin="t", published="2025-05-03"))
    places = {m.text for m in doc.places}
    assert {"Iraq", "Syria"} <= places
    assert not places & {"Russia", "Iran"}


def test_demonym_before_a_drone_is_the_state_forces(finder):
    doc = run(finder, "A Turkish drone struck a vehicle near the village on Sunday.")
    assert any(m.text.startswith("Turkish drone") for m in doc.actors)


def test_outlet_by_form_drops_its_located_lead(finder):
    doc = run(finder, "Fighting resumed on Sunday, the Lakeside-based Valley Mirror website reported.")
    assert "Valley Mirror" in names(doc.sources)
    assert not any("based" in m.text for m in doc.sources)


def test_definite_description_refers_back_to_the_actor_named_with_its_head(finder):
    doc = run(finder, "Fighters of the 4th Division reached the town. Locals said the division intends to stay. "
                      "Hezbollah opened an office there, and the organization's members handed out leaflets.")
    assert "the division" in texts(doc.actors, "4th Armoured Division")
    assert "the organization" in texts(doc.actors, "Hezbollah")


def test_definite_description_after_a_new_indefinite_referent_is_not_linked(finder):
    doc = run(finder, "Hezbollah moved fighters to the river. A monitoring group counted the trucks. "
                      "The group said it could not confirm the numbers.")
    assert "The group" not in texts(doc.actors, "Hezbollah")


def test_outlet_named_after_a_demonym_or_in_quoted_apposition(finder):
    doc = run(finder, "On Monday, the Iraqi Nahr Watch Telegram channel, which is close to the PMF, reported that "
                      "fighters moved to Al-Qaim.")
    assert "Nahr Watch" in names(doc.sources)
    doc = run(finder, 'On Monday, a channel close to the IRGC in Deir ez-Zor, "Wadi Echo," claimed that fighters '
                      "moved to Al-Qaim.")
    assert "Wadi Echo" in names(doc.sources)


def test_host_state_demonym_joins_its_own_unit(finder):
    doc = run(finder, "Residents saw dozens of fighters of the Iraqi Nujaba Movement enter the town.")
    assert [m.text for m in doc.actors if m.entity.name == "Harakat Hezbollah al-Nujaba"] == ["Iraqi Nujaba Movement"]


@pytest.mark.parametrize("lead", ["the Deir Al-Zour-focused", "the opposition-affiliated", "the Qamishli-based"])
def test_what_an_outlet_covers_or_where_it_sits_is_not_its_name(finder, lead):
    doc = run(finder, f"According to {lead} Sharqiya Echo website, the IRGC opened an office in Al-Mayadin.")
    assert "Sharqiya Echo" in names(doc.sources)


def test_the_website_is_the_one_named_last_before_it(finder):
    doc = run(finder, "On May 2, the Furat Post website reported that a convoy crossed into Syria. An official, "
                      "contacted by the website, denied it.\n\nOn May 4, the Sharqiya Echo website reported that the "
                      "IRGC opened an office. The website also claimed that the IRGC converted a school.")
    last = max((m for m in doc.sources if m.text.lower() == "the website"), key=lambda m: m.start)
    assert last.entity.name == "Sharqiya Echo"


def test_a_state_where_something_is_based_is_no_actor(finder):
    doc = run(finder, "Two fighters were killed, according to the Syrian Conflict Desk, a Britain-based war monitor.")
    assert "United Kingdom" not in names(doc.actors)


def test_outlet_named_in_apposition_and_then_by_name_alone(finder):
    doc = run(finder, "Another channel, Nabd al-Ghadir, denied that any fighters had crossed the river. "
                      "On Wednesday, Nabd al-Ghadir claimed that elders had struck a deal. "
                      "A channel close to the National Defense Forces, Sawt al-Furat Deir ez-Zor, published a call "
                      "for volunteers.")
    assert {"Nabd al-Ghadir", "Sawt al-Furat Deir ez-Zor"} <= names(doc.sources)
    assert len(texts(doc.sources, "Nabd al-Ghadir")) == 2


def test_demonym_before_a_model_or_a_team_is_the_states_force(finder):
    doc = run(finder, "Russian Il-76 transport aircraft landed at Hmeimim. Turkish engineering teams cleared ground.")
    assert names(doc.actors) == {"Russian Armed Forces", "Turkish Armed Forces"}


def test_the_interior_ministry_of_the_reports_country():
    from sitrep.extract.model import ReportMeta
    from sitrep.extract.pipeline import extract
    for text, name in (("The Interior Ministry said its forces arrested five men in Mosul.", "Iraqi Ministry of Interior"),
                       ("The Interior Ministry said its forces arrested five men in Homs.", "Syrian Ministry of Interior")):
        doc = extract(text, ReportMeta(id="t", origin="t", published="2025-01-01"), [(0, len(text))])
        assert names(doc.actors) == {name}


def test_the_coalition_is_the_coalition_named_before(finder):
    doc = run(finder, "A base used by the U.S.-led coalition was attacked. The coalition raised the alert level.")
    assert texts(doc.actors, "Combined Joint Task Force – Operation Inherent Resolve")[-1] == "The coalition"


def test_people_named_as_and_lay_speakers(finder):
    doc = run(finder, "Two residents, named by relatives as Yasser Awad, 34, and his cousin Omar Awad, 19, were "
                      "detained. The suspect, identified by the army as Abu Hafs al-Ansari, was captured. "
                      "Hadi Naser, a resident of the village, said the army arrived at dawn.")
    assert names(doc.persons) == {"Yasser Awad", "Omar Awad", "Abu Hafs al-Ansari", "Hadi Naser"}


def test_a_known_outlets_name_inside_a_longer_name_is_another_outlet(finder):
    doc = run(finder, "A commander told Sharq Voice that the truck had been seized. The SDF-affiliated website Jazira "
                      "Pulse named one of the detainees. Also Pentagon Press Secretary Pat Ryder confirmed the raid.")
    assert "Al-Sharq" not in names(doc.sources) and "Al Jazeera" not in names(doc.sources)
    assert "Jazira Pulse" in names(doc.sources)
    assert "United States Department of Defense" in names(doc.sources)


def test_a_states_men_after_of_are_actors_and_damascus_metonyms(finder):
    doc = run(finder, "A delegation of U.S. officers visited the command. Weapons were smuggled from Iran.",
              published="2025-06-01")
    assert names(doc.actors) == {"United States Armed Forces"}
    doc = run(finder, "The SDF and officials of the government in Damascus are due to hold talks.",
              published="2025-06-01")
    assert "Syrian transitional government" in names(doc.actors)


def test_a_countrys_office_named_by_its_possessive_or_the_reports_country():
    from sitrep.extract.pipeline import extract
    text = ("Fighting went on near Al-Mayadin in Deir ez-Zor and Raqqa. Turkey's defence ministry said its forces had hit "
            "targets near Tal Rifaat. Iraq's interior ministry said it arrested two men. The defence ministry said its "
            "troops seized an island in the Euphrates near Deir ez-Zor.")
    doc = extract(text, ReportMeta(id="t", origin="t", published="2023-05-02"), [(0, len(text))])
    found = [(m.text, m.entity.name) for m in doc.actors]
    assert ("defence ministry", "Turkish Armed Forces") in found
    assert ("interior ministry", "Iraqi Ministry of Interior") in found
    assert found[-1] == ("defence ministry", "Syrian Arab Army")     # the country the report's places lie in
