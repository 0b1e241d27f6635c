"""Ways of telling an event found in wire copy, monitors' bulletins and local reporting (our own sentences)."""
import pytest

from tests.test_events import claims


@pytest.mark.parametrize("text,etype", [
    # a multi-word verb wins over the single verb inside it ("opened" alone would be an establishment)
    ("Gunmen on a motorcycle opened fire on a Hawks Brigade checkpoint in Tal Hamra.", "attack"),
    ("A drone was shot down near North Airport on Monday.", "attack"),
    ("The Hawks Brigade had raised the readiness of its formations in Lakeside to the maximum level.", "posture"),
    ("The Northern Army raised the alert level of its units in Eastern Province.", "posture"),
    ("The Hawks Brigade retook Tal Hamra from the Northern Army on Sunday.", "seizure"),
    ("The Hawks Brigade announced its intention to liberate Al-Qasr from the Northern Army.", "seizure"),
    # an event noun made an event by the passive that follows it
    ("A settlement agreement was reached in Wadi Town between the Hawks Brigade and the Northern Army.", "agreement"),
])
def test_phrasal_triggers(text, etype):
    assert [c.type for c in claims(text)] == [etype]


def test_vehicles_meeting_on_a_road_are_no_meeting():
    found = claims("The Russian convoy met another convoy at the station north of Al-Qasr.", actors={
        "The Russian convoy": "Russian Armed Forces"})
    assert "meeting" not in [c.type for c in found]


def test_capitalised_word_of_a_name_is_no_trigger():
    found = claims("The Joint Operations Command raised the alert level of its units in Eastern Province.",
                   actors={"Joint Operations Command": "Joint Operations Command"})
    assert [c.type for c in found] == ["posture"]


def test_participle_describing_forces_is_no_movement():
    found = claims('The Northern Army said its units deployed in Eastern Province had been placed on '
                   '"the highest state of readiness."')
    assert [c.type for c in found] == ["posture"]
    assert [c.type for c in claims("The Northern Army deployed its units in Eastern Province on Monday.")] == \
        ["movement"]


def test_headline_in_sentence_case_does_not_absorb_the_body_claim():
    from sitrep.extract.model import ReportMeta
    from sitrep.extract.pipeline import extract
    title = "Syrian army moves fighters from Palmyra to Homs"
    text = f"{title}\n\nThe Syrian army moved 200 fighters from Palmyra to Homs, residents said.\n"
    doc = extract(text, ReportMeta(id="t", origin="t.txt", title=title, published="2024-03-15"), [(0, len(text))])
    body = [c for c in doc.claims if not c.optional]
    assert len(body) == 1 and body[0].evidence.start > len(title)
    assert all(c.optional for c in doc.claims if c.evidence.start < len(title))


def test_what_a_speaker_described_as_frames_nothing():
    found = claims("WADI TOWN - Northern Army jets struck what the Hawks Brigade described as a weapons depot on the "
                   "outskirts of Al-Qasr early on Thursday, and hit a second target near Tal Hamra.")
    assert [c.type for c in found] == ["attack"]


def test_a_message_targets_its_audience():
    found = claims("A second statement targeted fighters of the Northern Army in Al-Qasr, urging them to surrender.")
    assert "attack" not in [c.type for c in found]


def test_date_word_inside_a_name_is_no_date():
    from tests.extract_helpers import run
    doc = run("According to the local Bekaa Today website, the Hawks Brigade placed its units in Al-Qasr on alert.",
              actors={"the Hawks Brigade": "Hawks Brigade"}, places={"Al-Qasr": "city"},
              sources={"Bekaa Today": "Bekaa Today"})
    assert doc.dates == []
    assert [(c.type, c.date.anchor) for c in doc.claims] == [("posture", "published")]


@pytest.mark.parametrize("text,etype", [
    ("A convoy of nine refrigerated trucks crossed into Syria from Iraq.", "transfer"),
    ("A convoy of Hawks Brigade fighters crossed into Syria from Iraq.", "movement"),
    ("A convoy of fighters and trucks crossed into Syria from Iraq.", "movement"),
])
def test_what_a_convoy_is_made_of_types_its_motion(text, etype):
    assert [c.type for c in claims(text)] == [etype]


def test_rockets_fired_in_the_passive_are_an_attack_and_where_one_lands_is_no_movement():
    found = claims("Three rockets were fired at North Airport late on Sunday, one of them landing inside the "
                   "perimeter of the base.")
    assert [c.type for c in found] == ["attack"]
    assert [c.type for c in claims("A cargo plane of the Hawks Brigade landed at North Airport after the strikes.")] \
        == ["transfer"]


def test_circumstances_and_descriptions_are_not_events_of_their_own():
    found = claims("Gunmen detained three members of the Northern Army at a checkpoint they had set up near Al-Qasr.",
                   actors={"Gunmen": "Unidentified armed group", "the Northern Army": "Northern Army"})
    assert [(c.type, [p.place.name for p in c.places]) for c in found] == [("arrest", ["Al-Qasr"])]
    found = claims("The Hawks Brigade arrested two young men from Al-Qasr while they were travelling to Wadi Town.")
    assert [c.type for c in found] == ["arrest"]


def test_denial_with_its_time_between_negates():
    found = claims("A Northern Army spokesman denied on Wednesday that Russian forces would take part in the "
                   "takeover of Hill Crossing.")
    assert found and all(c.negated for c in found)


def test_a_picture_of_an_event_is_no_new_event():
    found = claims("The Northern Army moved 150 fighters from Iraq to Al-Qasr.\n\nA local group of residents said "
                   "the roads were closed.\n\nThe website shared a photo and a video showing the Hawks Brigade buses "
                   "carrying the militia operatives who had arrived from Iraq.")
    assert [c.type for c in found] == ["movement"]


def test_a_clip_of_an_event_not_yet_told_is_the_event():
    found = claims("The channel posted a clip which, it said, showed trucks of the Hawks Brigade carrying weapons "
                   "entering Syria through Hill Crossing.")
    assert [c.type for c in found] == ["transfer"]


def test_evacuating_sites_is_a_movement_even_with_equipment():
    found = claims("The Hawks Brigade has evacuated its leadership sites and moved equipment from Al-Qasr.")
    assert [c.type for c in found] == ["movement"]


def test_participle_that_orders_is_a_directive():
    found = claims("A second statement targeted fighters of the Northern Army, urging them to surrender their weapons "
                   "and leave what it described as a lost cause.")
    assert [c.type for c in found] == ["directive"]


def test_about_before_a_number_is_a_count_not_a_topic():
    found = claims("A convoy of about 30 trucks carrying ammunition entered Eastern Province from Al-Qasr on Saturday.")
    assert [c.type for c in found] == ["transfer"]
    # "about" before a noun phrase still makes a topic of talk
    assert "attack" not in [c.type for c in claims(
        "Commanders of the Hawks Brigade met in Wadi Town about the attacks on their positions.")]


def test_scheduled_with_due_to_is_planned_not_a_cause():
    found = claims("The Hawks Brigade and the Northern Army are due to hold a new round of talks in Wadi Town "
                   "later this month.")
    assert [(c.type, c.modality) for c in found] == [("meeting", "planned")]


def test_declaring_a_state_is_an_act_not_a_report():
    found = claims("Following the attack, the Hawks Brigade declared a state of alert in Al-Qasr, an official said.")
    assert [c.type for c in found] == ["posture"]
    assert [a.actor.name for a in found[0].actors if a.role == "agent"] == ["Hawks Brigade"]


def test_passive_security_tightened_is_posture():
    found = claims("Security was also tightened around the Lakeside camp in Eastern Province.")
    assert [c.type for c in found] == ["posture"]


def test_what_is_handed_over_in_the_passive_is_its_subject():
    found = claims("Three trucks loaded with ammunition had been handed over by the Hawks Brigade to River Militia "
                   "at a warehouse near North Airport.")
    assert [c.type for c in found] == ["transfer"]
    assert [c.type for c in claims("The checkpoints were handed over to the Hawks Brigade in Tal Hamra.")] == \
        ["seizure"]


def test_capturing_people_is_an_arrest():
    found = claims("The suspect, identified by the Hawks Brigade as Abu Omar, was captured along with two aides in "
                   "Tal Hamra.")
    assert [c.type for c in found] == ["arrest"]
    assert [c.type for c in claims("The Hawks Brigade captured two fighters of the Northern Army near Al-Qasr.")] == \
        ["arrest"]
    assert [c.type for c in claims("ISIS cells captured three outposts near Tal Hamra.")] == ["seizure"]


def test_received_counts_only_for_materiel():
    assert [c.type for c in claims("River Militia received rifles and ammunition from the Hawks Brigade in "
                                   "Tal Hamra.")] == ["transfer"]
    assert [c.type for c in claims("River Militia received training from the Hawks Brigade in Tal Hamra.")] == \
        ["training"]
    assert "transfer" not in [c.type for c in claims("River Militia received orders from the Hawks Brigade in Tal Hamra.")]


def test_a_place_taken_and_converted_is_one_establishment():
    found = claims("The Hawks Brigade had taken over a school in Tal Hamra and turned it into a headquarters.")
    assert [c.type for c in found] == ["establishment"]


def test_participle_describing_a_group_is_no_event():
    found = claims("River Militia, a militia trained by the Hawks Brigade, opened a new headquarters in Tal Hamra.")
    assert [c.type for c in found] == ["establishment"]


def test_a_convoy_of_vehicles_entering_is_a_movement_not_a_seizure():
    found = claims("A convoy of about 20 armoured vehicles had entered Eastern Province from Al-Qasr on Saturday.")
    assert [c.type for c in found] == ["movement"]


def test_a_man_described_as_is_no_reporting_frame():
    found = claims("WADI TOWN, Eastern Province, March 3, 2025 (Example Wire) - Fighters of the Hawks Brigade "
                   "detained a man they described as a senior Northern Army official in Tal Hamra on Sunday.")
    assert [c.type for c in found] == ["arrest"]


@pytest.mark.parametrize("text,etype", [
    ("A curfew was imposed on Tal Hamra from 6 p.m. to 6 a.m. until further notice.", "directive"),
    ("Unidentified gunmen threw a hand grenade at a Hawks Brigade post in Tal Hamra.", "attack"),
    ("Northern Army troops also fired at shepherds near Tal Hamra on Monday.", "attack"),
    ("An improvised explosive device hit a vehicle of the Hawks Brigade on the road to Al-Qasr.", "attack"),
    ("A power station on the outskirts of Al-Qasr was hit on Monday.", "attack"),
    ("The Hawks Brigade announced on Sunday a call-up of men born in 2006 in Eastern Province.", "recruitment"),
    ("The Northern Army said its forces had neutralised 21 members of the Hawks Brigade near Al-Qasr.", "attack"),
    ("The Hawks Brigade and the Northern Army reached an understanding on Wadi Town on Tuesday.", "agreement"),
    ("The Northern Army is to arrange the handover of checkpoints in Tal Hamra to the Hawks Brigade.", "seizure"),
    ("Hawks Brigade engineers began building two new observation towers near Tal Hamra.", "establishment"),
    ("A new brigade headquarters would be set up in Al-Qasr.", "establishment"),
])
def test_more_ways_of_telling(text, etype):
    assert [c.type for c in claims(text)] == [etype]


def test_hit_needs_a_weapon_or_the_passive():
    assert claims("Rising prices hit families of the Hawks Brigade in Tal Hamra.") == []


def test_newly_recruited_is_a_description():
    found = claims("A group of about 50 newly recruited Hawks Brigade fighters completed a 45-day course in Tal Hamra.")
    assert [c.type for c in found] == ["training"]


def test_what_is_carried_in_a_relative_passive():
    found = claims("Trucks carrying ammunition that had been sent by the Northern Army to Al-Qasr were seen on Tuesday.")
    assert [c.type for c in found] == ["transfer"]


def test_visiting_a_command_is_a_meeting_visiting_a_town_a_movement():
    assert [c.type for c in claims("A Northern Army delegation visited the Hawks Brigade's southern command in "
                                   "Al-Qasr on Monday.")] == ["meeting"]
    assert [c.type for c in claims("A Northern Army delegation visited Al-Qasr on Monday.")] == ["movement"]


def test_smuggling_while_being_arrested_is_the_circumstance():
    found = claims("A woman was arrested at a Hawks Brigade checkpoint near Tal Hamra while reportedly trying to "
                   "smuggle weapons.")
    assert [c.type for c in found] == ["arrest"]


@pytest.mark.parametrize("text,etype", [
    ("Around 40 fighters of the Hawks Brigade left their positions in Al-Qasr in six vehicles.", "movement"),
    ("An improvised explosive device detonated beside a Northern Army vehicle in Tal Hamra.", "attack"),
    ("Hawks Brigade positions near Al-Qasr came under fire from the Northern Army side.", "attack"),
    ("Northern Army engineers were seen erecting a new observation point on a hill east of Tal Hamra.", "establishment"),
    ("The Northern Army set up four new checkpoints on the highway near Al-Qasr.", "posture"),
    ("Notices calling on men aged 18 to 30 to enlist in the Northern Army were posted in Tal Hamra.", "recruitment"),
    ("Last month the Northern Army handed over twelve armoured vehicles to the Hawks Brigade in Al-Qasr.", "transfer"),
    ("The Hawks Brigade held the graduation of a drone course for 60 fighters in Tal Hamra.", "training"),
])
def test_leaving_exploding_erecting_and_handing_over(text, etype):
    assert [c.type for c in claims(text)] == [etype]


def test_leaving_without_someone_who_leaves_is_no_movement():
    assert "movement" not in [c.type for c in claims("The Northern Army shelling left two civilians dead in Tal Hamra.")]


@pytest.mark.parametrize("text,etype", [
    ("The Hawks Brigade intends to turn the school in Tal Hamra into a permanent military post.", "establishment"),
    ("Under the deal, River Militia is to surrender a number of light weapons to the Hawks Brigade in Al-Qasr.",
     "transfer"),
    ("The Hawks Brigade announced what it called a general mobilization in Tal Hamra.", "posture"),
    ("Hawks Brigade fighters reinforced positions along the front line near Al-Qasr on Monday.", "movement"),
])
def test_conversions_surrenders_mobilizations_reinforcements(text, etype):
    assert [c.type for c in claims(text)] == [etype]


def test_a_sentence_with_its_own_day_opens_its_own_event():
    found = claims("Hawks Brigade fighters captured three villages near Al-Qasr on Saturday.\n\n"
                   "On Friday, the fighters had entered Tal Hamra.")
    assert [c.type for c in found] == ["seizure", "seizure"]
    found = claims("Hawks Brigade fighters captured three villages near Al-Qasr on Saturday.\n\n"
                   "The fighters had entered Tal Hamra.")
    assert [c.type for c in found] == ["seizure"]


def test_trends_habits_and_the_writers_own_view_are_no_events():
    assert claims("Tal Hamra has seen repeated air strikes attributed to the Northern Army since late 2023.") == []
    assert claims("The Hawks Brigade lost its last village in 2019 but its remnants continue to carry out attacks "
                  "near Al-Qasr.") == []
    assert claims("The Desk assesses that the Hawks Brigade circular reflects concern over strikes in Tal Hamra.") == []
    # a relative clause about the past does not make the main event a habit
    found = claims("Hawks Brigade units, which have long held positions near Al-Qasr, were placed on alert on Monday.")
    assert [c.type for c in found] == ["posture"]


def test_no_evidence_that_negates():
    (c,) = claims("We found no evidence that Hawks Brigade fighters crossed into Tal Hamra on 14 February.")
    assert c.negated


def test_a_raid_that_makes_arrests_is_the_arrest():
    found = claims("Hawks Brigade security units raided homes in Tal Hamra on Monday and arrested six men.")
    assert [c.type for c in found] == ["arrest"]


def test_a_claim_without_a_place_takes_its_paragraphs_or_entrys():
    found = claims("The Hawks Brigade entered Tal Hamra at dawn. Hawks Brigade fighters arrested two residents.")
    assert [(c.type, [p.place.name for p in c.places]) for c in found] == [
        ("movement", ["Tal Hamra"]), ("arrest", ["Tal Hamra"])]
    assert "place_from_context" in found[1].fields and "place_from_context" not in found[0].fields
    # context alone does not make a claim: no one and nowhere stays unrecorded
    assert [c.type for c in claims("Tal Hamra was quiet on Monday. Two men were arrested.")] == []


def test_it_after_a_speaker_is_the_speaker():
    found = claims("The Hawks Brigade said on Tuesday that it had sent reinforcements to Tal Hamra.")
    assert [(c.type, [a.actor.name for a in c.actors if a.role == "agent"]) for c in found] == [
        ("movement", ["Hawks Brigade"])]


def test_we_in_a_quote_is_the_body_of_the_person_quoted():
    found = claims('The Hawks Brigade holds the east bank. "On Thursday night we moved 40 fighters to Tal Hamra," '
                   'said Abu Omar.', persons={"Abu Omar": ("Abu Omar", "Hawks Brigade")})
    assert [(c.type, [a.actor.name for a in c.actors if a.role == "agent"]) for c in found] == [
        ("movement", ["Hawks Brigade"])]


def test_another_convoy_is_of_the_kind_of_the_convoy_before():
    found = claims("A convoy of nine trucks carrying rockets entered Tal Hamra from Al-Qasr on Monday.\n\n"
                   "A second convoy, again under Hawks Brigade escort, is expected to cross at Al-Qasr on Thursday.")
    assert [c.type for c in found] == ["transfer", "transfer"]


def test_a_plural_noun_after_a_determiner_is_no_verb():
    assert claims("The recruits of the Hawks Brigade would work in 20-hour shifts in Tal Hamra.") == []
    assert claims("Married Hawks Brigade recruits would earn more in Tal Hamra.") == []
    assert [c.type for c in claims("The Hawks Brigade recruits young men in Tal Hamra.")] == ["recruitment"]


def test_adding_that_carries_the_content_on_and_its_agent():
    found = claims("The Northern Army plans to deploy 1,500 soldiers to Al-Qasr by June, a military source said, "
                   "adding that a new brigade headquarters would be set up in Tal Hamra.")
    assert [(c.type, [a.actor.name for a in c.actors if a.role == "agent"]) for c in found] == [
        ("movement", ["Northern Army"]), ("establishment", ["Northern Army"])]


def test_a_bare_event_of_the_kind_just_told_is_that_actors():
    found = claims("The Hawks Brigade is training 30 fighters in the use of drones in Tal Hamra. "
                   "The article noted that a new course would be launched after the current one.")
    assert [(c.type, [a.actor.name for a in c.actors]) for c in found] == [
        ("training", ["Hawks Brigade"]), ("training", ["Hawks Brigade"])]


def test_agreed_at_the_meetings_already_told_is_an_agreement():
    found = claims("The Hawks Brigade and River Militia held two closed meetings in Tal Hamra.\n\n"
                   "According to the sources, it was agreed at the meetings that military assistance would be extended "
                   "to River Militia.")
    assert [c.type for c in found] == ["meeting", "agreement"]


def test_a_meeting_in_the_lead_and_its_detail_are_one_meeting():
    found = claims("The commander of the Hawks Brigade on Saturday met with a delegation in Tal Hamra.\n"
                   "Hawks Brigade commander Abu Omar and his deputy met with the chair of the committee in Al-Qasr.")
    assert [c.type for c in found] == ["meeting"]
    found = claims("The Hawks Brigade met River Militia in Tal Hamra on Saturday.\n"
                   "The Hawks Brigade met the Northern Army in Al-Qasr on Sunday.")
    assert [c.type for c in found] == ["meeting", "meeting"]


def test_gapped_verbs_with_a_long_object():
    # the verb and the word that completes it are apart: "turned X into", "traded X fire"
    (c,) = claims("The Hawks Brigade has turned the former agricultural school on the northern edge of Al-Qasr "
                     "into a forward command post.")
    assert c.type == "establishment"
    (c,) = claims("The Hawks Brigade and the Northern Army traded heavy machine-gun and mortar fire near Al-Qasr "
                     "for two hours.")
    assert c.type == "attack"


def test_an_event_noun_inside_a_quoted_label_is_no_event():
    (c,) = claims('The Hawks Brigade seized a small island near Al-Qasr, which it described as "a launch point for '
                  'attacks on our positions".')
    assert c.type == "seizure"
