"""Event typing, roles, modality, quantities and equipment, on our own illustrative sentences."""
import pytest

from tests.extract_helpers import run, summary

ACTORS = {"the Hawks Brigade": "Hawks Brigade", "Hawks Brigade": "Hawks Brigade", "the Northern Army": "Northern Army",
          "Northern Army": "Northern Army", "the Coast Guard": "Coast Guard", "Coast Guard": "Coast Guard",
          "the militia": "River Militia", "River Militia": "River Militia", "Russian forces": "Russian Armed Forces",
          "the regime": "Syrian Arab Army", "ISIS": "Islamic State"}
PLACES = {"Iraq": "country", "Syria": "country", "Al-Qasr": "city", "Wadi Town": "city", "Hill Crossing": "facility",
          "Tal Hamra": "city", "North Airport": "facility", "Eastern Province": "region", "Lakeside": "city"}


def claims(text, **kw):
    kw.setdefault("actors", ACTORS)
    kw.setdefault("places", PLACES)
    return run(text, **kw).claims


@pytest.mark.parametrize("text,etype", [
    ("The Hawks Brigade sent more than 40 fighters from Iraq to Al-Qasr.", "movement"),
    ("A cargo plane loaded with rockets and ammunition landed at North Airport.", "transfer"),
    ("Commanders of the Hawks Brigade met with officers of the Northern Army in Wadi Town.", "meeting"),
    ("The Hawks Brigade held military drills on the outskirts of Lakeside.", "training"),
    ("River Militia launched a recruitment campaign in Tal Hamra.", "recruitment"),
    ("The commander of the Northern Army issued new orders to his units in Eastern Province.", "directive"),
    ("The Coast Guard placed its units on high alert in Lakeside.", "posture"),
    ("Drones struck a depot of the Hawks Brigade near Al-Qasr.", "attack"),
    ("ISIS cells captured three outposts near Tal Hamra.", "seizure"),
    ("The Hawks Brigade and the Northern Army reached an agreement on Wadi Town.", "agreement"),
    ("River Militia established a new headquarters in Tal Hamra.", "establishment"),
    ("The Coast Guard arrested four smugglers in Lakeside.", "arrest"),
])
def test_every_type(text, etype):
    found = claims(text)
    assert [c.type for c in found] == [etype], found


def test_motion_is_typed_by_what_moves():
    assert [c.type for c in claims("Five buses carrying Hawks Brigade fighters entered Syria from Iraq.")] == ["movement"]
    assert [c.type for c in claims("Two trucks loaded with weapons entered Syria from Iraq.")] == ["transfer"]
    assert [c.type for c in claims("The militia transported two trucks and three fuel tanks through Hill Crossing.")] \
        == ["transfer"]


def test_roles_of_places_and_actors():
    (c,) = claims("The Hawks Brigade moved dozens of fighters from Iraq through Hill Crossing to Al-Qasr.")
    roles = {p.place.name: p.role for p in c.places}
    assert roles == {"Iraq": "origin", "Hill Crossing": "route", "Al-Qasr": "destination"}
    assert [(a.actor.name, a.role) for a in c.actors] == [("Hawks Brigade", "agent")]
    (c,) = claims("The Coast Guard arrested members of River Militia in Lakeside.")
    assert {a.actor.name: a.role for a in c.actors} == {"Coast Guard": "agent", "River Militia": "target"}


def test_several_claims_in_one_sentence():
    found = claims("The Northern Army declared a state of high alert in Eastern Province and brought in new weapons "
                   "from Iraq.")
    assert [c.type for c in found] == ["posture", "transfer"]


def test_claim_continued_in_next_sentence():
    found = claims("A delegation of the Hawks Brigade arrived in Al-Qasr. The delegation then headed to Wadi Town, "
                   "where they met officers of the Northern Army.")
    assert [c.type for c in found] == ["movement", "meeting"]
    move = found[0]
    assert {p.place.name for p in move.places} == {"Al-Qasr", "Wadi Town"}
    assert move.evidence.text.endswith("Northern Army.")   # the evidence spans both sentences
    assert "Hawks Brigade" in {a.actor.name for a in found[1].actors}


@pytest.mark.parametrize("text,modality", [
    ("The Hawks Brigade intends to train River Militia fighters in Lakeside.", "planned"),
    ("The delegation of the Hawks Brigade would likely visit positions in Tal Hamra.", "planned"),
    ("The Northern Army plans to deliver shipments of drones to Al-Qasr.", "planned"),
    ("Units of the Hawks Brigade were ordered to withdraw from Wadi Town.", "occurred"),   # the directive
    ("The Hawks Brigade will withdraw from Wadi Town under the deal.", "planned"),
    ("The Hawks Brigade withdrew from Wadi Town.", "occurred"),
])
def test_modality(text, modality):
    found = claims(text)
    assert found and found[0].modality == modality, summary_of(found)


def summary_of(found):
    return [(c.type, c.modality, c.trigger.text) for c in found]


def test_ordered_act_is_the_directives_content():
    found = claims("The commander ordered the Hawks Brigade to attack positions near Tal Hamra.")
    assert [c.type for c in found] == ["directive"]


def test_negation_and_hedging():
    (c,) = claims("The fighters of the Hawks Brigade did not enter Al-Qasr.")
    assert c.negated
    (c,) = claims("The Hawks Brigade reportedly deployed 30 fighters in Tal Hamra.")
    assert c.certainty == "reportedly" and not c.negated
    (c,) = claims("The Hawks Brigade allegedly deployed fighters in Tal Hamra.")
    assert c.certainty == "allegedly"


def test_topic_of_talk_is_not_an_event():
    found = claims("Officers of the Hawks Brigade met in Wadi Town to discuss the recent attacks and joint training.")
    assert [c.type for c in found] == ["meeting"]


@pytest.mark.parametrize("text,quantities", [
    ("The Hawks Brigade sent more than 50 operatives to Al-Qasr.", [(50, "operatives", "more than")]),
    ("The Hawks Brigade sent dozens of Hawks Brigade operatives to Al-Qasr.", [(None, "operatives", "dozens")]),
    ("The militia transported two trucks and three fuel tanks to Al-Qasr.",
     [(2, "trucks", None), (3, "fuel tanks", None)]),
    ("Five buses entered Syria from Iraq.", [(5, "buses", None)]),
    ("The Hawks Brigade deployed about 1,200 fighters in Tal Hamra.", [(1200, "fighters", "about")]),
])
def test_quantities(text, quantities):
    (c,) = claims(text)
    assert [(q.value, q.unit, q.qualifier) for q in c.quantities] == quantities


def test_equipment():
    (c,) = claims("The Hawks Brigade deployed several vehicle-mounted anti-aircraft guns and suicide drones in "
                  "Tal Hamra.")
    assert c.equipment == ["vehicle-mounted anti-aircraft guns", "suicide drones"]


def test_evidence_and_fields_point_into_the_text():
    text = "Yesterday, the Hawks Brigade reportedly moved 20 fighters to Al-Qasr."
    doc = run(text, actors=ACTORS, places=PLACES)
    (c,) = doc.claims
    assert text[c.evidence.start:c.evidence.end] == c.evidence.text
    assert text[c.trigger.start:c.trigger.end] == "moved"
    for name, span in c.fields.items():
        assert text[span.start:span.end] == span.text, name
    assert c.date.value == "2024-03-14"


def test_claim_without_who_or_where_is_not_recorded():
    assert claims("Something was moved somewhere.") == []


@pytest.mark.parametrize("text,etype,modality", [
    ("The recruits undergo a 40-day course run by the Hawks Brigade in Al-Qasr.", "training", "occurred"),
    ("The Hawks Brigade said a new course would be launched in Al-Qasr next month.", "training", "planned"),
    ("The Hawks Brigade evacuated its headquarters and weapons depots in Al-Qasr.", "movement", "occurred"),
    ("The agreement also included handing over Hill Crossing to the Northern Army.", "seizure", "planned"),
])
def test_more_ways_of_telling_an_event(text, etype, modality):
    found = claims(text)
    assert [(c.type, c.modality) for c in found][:1] == [(etype, modality)]


def test_analyst_comment_and_past_background_are_not_events():
    assert not claims("Comment: the Desk assesses that the Hawks Brigade will move fighters to Al-Qasr.")
    found = claims("The Hawks Brigade recruited the sons of members who were killed in Al-Qasr in previous years.")
    assert [c.type for c in found] == ["recruitment"]
    found = claims("Tal Hamra has been contested since 2015, when the Northern Army attacked the Hawks Brigade there.",
                   published="2024-03-15")
    assert not found


def test_denied_event_is_negated():
    doc = run("The Hawks Brigade denied reports by local pages that its fighters had withdrawn from Al-Qasr.",
              actors={"Hawks Brigade": "Hawks Brigade"}, places={"Al-Qasr": "city"})
    assert doc.claims and all(c.negated for c in doc.claims)


def test_charge_is_not_an_event():
    doc = run("The Northern Army arrested a man involved in smuggling weapons from Al-Qasr.",
              actors={"Northern Army": "Northern Army"}, places={"Al-Qasr": "city"})
    assert [c.type for c in doc.claims] == ["arrest"]


def test_campaign_targets_an_audience_not_a_place():
    doc = run("The Hawks Brigade opened a recruitment office in Al-Qasr. The drive targets young men in Wadi Town.",
              actors={"Hawks Brigade": "Hawks Brigade"}, places={"Al-Qasr": "city", "Wadi Town": "city"})
    assert "attack" not in [c.type for c in doc.claims]


def test_people_handed_over_are_not_a_seizure():
    doc = run("The Northern Army arrested three smugglers in Al-Qasr. The men were handed over to the police in "
              "Wadi Town.", actors={"Northern Army": "Northern Army"}, places={"Al-Qasr": "city", "Wadi Town": "city"})
    assert [c.type for c in doc.claims] == ["arrest"]


def test_coordinated_subjects_are_all_agents():
    acts = dict(ACTORS, **{"River Militia": "River Militia"})
    (c,) = claims("Leaders of the Hawks Brigade, River Militia and the Northern Army met in Wadi Town.", actors=acts)
    assert [(x.actor.name, x.role) for x in c.actors] == [("Hawks Brigade", "agent"), ("River Militia", "agent"),
                                                          ("Northern Army", "agent")]
    (c,) = claims("Russian forces and the Hawks Brigade held joint drills near Lakeside.")
    assert {x.actor.name for x in c.actors if x.role == "agent"} == {"Russian Armed Forces", "Hawks Brigade"}


def test_speaker_is_agent_of_its_own_units():
    (c,) = claims("The Coast Guard said its units had arrested four smugglers near Lakeside.")
    assert [(x.actor.name, x.role) for x in c.actors] == [("Coast Guard", "agent")]
    # "one of its fighters was killed": the speaker's man suffered it, the speaker did not act
    got = claims("The Coast Guard said one of its fighters was killed when drones struck a post near Lakeside.")
    assert all(x.role != "agent" or x.actor.name != "Coast Guard" for c in got for x in c.actors)


@pytest.mark.parametrize("text,expected", [
    ("The commander of the Northern Army ordered his fighters in Tal Hamra to avoid gathering in groups.", ["directive"]),
    ("River Militia plans to open a camp in Al-Qasr in order to reduce the movement of recruits across the border.",
     ["establishment"]),
    ("The Hawks Brigade evacuated its positions in Tal Hamra so as to limit the movement of fighters.", ["movement"]),
])
def test_purpose_and_avoidance_clauses_are_not_events(text, expected):
    assert [c.type for c in claims(text)] == expected


@pytest.mark.parametrize("text,target", [
    ("ISIS cells captured an army checkpoint near Tal Hamra.", "Syrian Arab Army"),
    ("The Hawks Brigade took control of Tal Hamra from the Northern Army.", "Northern Army"),
    ("Drones targeted a base used by coalition forces near Al-Qasr.", "Global Coalition"),
])
def test_targets_of_seizures_and_attacks(text, target):
    actors = dict(ACTORS, **{"army": "Syrian Arab Army", "coalition forces": "Global Coalition"})
    (c,) = claims(text, actors=actors)
    assert (target, "target") in [(a.actor.name, a.role) for a in c.actors]
    assert all(a.role != "agent" for a in c.actors if a.actor.name == target)


def test_progressive_is_not_passive():
    (c,) = claims("The commander of the Hawks Brigade was instructing members to avoid travelling to Al-Qasr.")
    assert c.type == "directive" and [(a.actor.name, a.role) for a in c.actors] == [("Hawks Brigade", "agent")]
