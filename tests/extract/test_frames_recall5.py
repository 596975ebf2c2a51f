"""Where someone is, read from a relative "where", an adverb or a named site; counts of
nationals, of what was taken with something else, and inventories (issue 10, fifth pass).
Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from tests.extract.helpers import claims_of


def pairs(text: str, predicate: str) -> set[tuple]:
    return {(r["subject"], r["object"]) for r in claims_of(text, predicate)}


def counts(text: str) -> set[tuple[str, str]]:
    return {(r["subject"], r["object"]) for r in claims_of(text, "quantity")}


# ---- places ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "people", "place"), [
    ("Sunrise Hills is the same clinic where Tom Hale and Ann Roy were treated.", ("Tom Hale", "Ann Roy"), "Sunrise Hills"),
    ("Doctors at Oakmont Hospital, where Lena Fischer was admitted on Monday, said little.", ("Lena Fischer",), "Oakmont Hospital"),
    ("They toured Port Elrey, the harbour town where Samir Haddad lived for a decade.", ("Samir Haddad",), "Port Elrey"),
])
def test_a_relative_where_places_its_clause_in_the_noun_it_describes(text: str, people: tuple[str, ...], place: str):
    found = pairs(text, "located_in")
    assert {(p, place) for p in people} <= found


@pytest.mark.parametrize(("text", "person", "place"), [
    ("Mira Vale is back at Harbor Light Center.", "Mira Vale", "Harbor Light Center"),
    ("Jonas Berg was still in Tromso on Friday, his lawyer said.", "Jonas Berg", "Tromso"),
    ("Carla Mendes remained there in Lisbon until the trial.", "Carla Mendes", "Lisbon"),
])
def test_a_place_phrase_hung_on_an_adverb_still_places_the_subject(text: str, person: str, place: str):
    assert (person, place) in pairs(text, "located_in")


@pytest.mark.parametrize(("text", "person", "place"), [
    ("The frigate HMS Dauntless is on anti-piracy patrol in the Red Sea, the ministry said.", "HMS Dauntless", "Red Sea"),
    ("Minister Ana Ruiz arrived on a two-day visit to Jakarta.", "Ana Ruiz", "Jakarta"),
    ("Ana Ruiz was deployed on peacekeeping duty in Mali.", "Ana Ruiz", "Mali"),
])
def test_the_place_of_an_errand_one_is_on_places_one_there(text: str, person: str, place: str):
    assert (person, place) in pairs(text, "located_in")


@pytest.mark.parametrize(("text", "person", "place"), [
    ("Mira Vale had checked in to the Lakeview Recovery rehab facility.", "Mira Vale", "Lakeview Recovery"),
    ("Ruth Adler was flown to the Bellmont Ridge trauma center overnight.", "Ruth Adler", "Bellmont Ridge"),
    ("Omar Said has been staying at the Lakeshore Pines rehab facility since May.", "Omar Said", "Lakeshore Pines"),
])
def test_a_named_site_in_front_of_its_common_noun_is_the_place(text: str, person: str, place: str):
    assert (person, place) in pairs(text, "located_in")


@pytest.mark.parametrize(("text", "person", "place"), [
    ("Mira Vale spoke on Monday. Critics noted her quick exit from Palm Grove.", "Mira Vale", "Palm Grove"),
    ("Aid workers welcomed Pavel Dun's release from Yemen after two years.", "Pavel Dun", "Yemen"),
    ("Nobody expected Anna Weber's departure from Peru in March.", "Anna Weber", "Peru"),
])
def test_leaving_a_place_says_one_was_there(text: str, person: str, place: str):
    assert (person, place) in pairs(text, "located_in")


def test_leaving_an_organisation_is_no_place():
    assert not claims_of("Nobody expected Anna Weber's departure from Siemens in March.", "located_in")


# ---- counts -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "party", "values"), [
    ("Besides the 9 Kenyan and 4 Ugandan traffickers, the Tanzania Coast Guard seized three small boats.",
     "Tanzania Coast Guard", {"9", "4", "3"}),
    ("The Tanzania Coast Guard said it detained 13 traffickers (9 Kenyan and 4 Ugandan) near Zanzibar.",
     "Tanzania Coast Guard", {"13", "9", "4"}),
    ("The Lagos State Police arrested 20 suspects, 15 Nigerian and 5 Beninese, on Monday.",
     "Lagos State Police", {"20", "15", "5"}),
])
def test_counts_of_nationals_belong_to_the_party_of_the_whole(text: str, party: str, values: set[str]):
    assert {(party, v) for v in values} <= counts(text)


@pytest.mark.parametrize(("text", "party", "values"), [
    ("The Tanzania Coast Guard arrested 13 traffickers with five rifles and about 40 rounds of ammunition.",
     "Tanzania Coast Guard", {"13", "5", "40"}),
    ("The Lagos State Police stopped two vans with 300 cartons of cigarettes.",
     "Lagos State Police", {"2", "300"}),
    ("The Royal Thai Navy seized a trawler with 12 crew and 4 tonnes of fish aboard.",
     "Royal Thai Navy", {"12"}),
])
def test_what_comes_with_a_count_shares_its_party(text: str, party: str, values: set[str]):
    assert {(party, v) for v in values} <= counts(text)


@pytest.mark.parametrize(("text", "party", "values"), [
    ("The Tanzania Coast Guard seized two boats near Pemba. Among the seized items were five rifles and 40 rounds.",
     "Tanzania Coast Guard", {"5", "40"}),
    ("The Royal Thai Navy boarded a trawler on Monday. The haul included 13 loaded magazines.",
     "Royal Thai Navy", set()),
    ("The Lagos State Police raided a warehouse and seized 30 crates. The haul included 13 loaded magazines.",
     "Lagos State Police", {"13"}),
])
def test_an_inventory_belongs_to_the_party_of_the_count_before_it(text: str, party: str, values: set[str]):
    found = counts(text)
    assert {(party, v) for v in values} <= found
    if not values:  # no count before the inventory: nobody to give it to
        assert not [v for p, v in found if v == "13"]


def test_an_inventory_the_parser_splits_into_appositions_is_still_one_list():
    text = ("The Kenya Navy seized two small boats on Monday. Among the seized items were five rifles, three other "
            "automatic weapons and 13 loaded magazines, up to three outboard motors.")
    assert {("Kenya Navy", v) for v in ("5", "3", "13")} <= counts(text)


def test_an_inventory_far_from_any_count_is_nobody_s():
    text = ("The Tanzania Coast Guard seized two boats near Pemba. The weather was calm. Crews rested. "
            "Officials met later. Among the seized items were five rifles.")
    assert not [v for _, v in counts(text) if v == "5"]


# ---- identities -------------------------------------------------------------------------------


def aliases(text: str) -> set[tuple[str, str, str]]:
    return {(r["subject"], r["object"], r["modality"]) for r in claims_of(text, "alias")}


@pytest.mark.parametrize(("text", "person", "name", "modality"), [
    ('Harold Pike was one of many officials rumored to be "Blue Heron."', "Harold Pike", "Blue Heron", "hedged"),
    ('Greta Lind was one of several aides believed to be "Nightjar".', "Greta Lind", "Nightjar", "hedged"),
    ('Harold Pike was a key figure in the affair, but his identity as "Blue Heron" stayed secret for decades.',
     "Harold Pike", "Blue Heron", "asserted"),
])
def test_one_of_those_said_to_be_someone_or_an_identity_gives_the_name(text: str, person: str, name: str, modality: str):
    assert (person, name, modality) in aliases(text)


@pytest.mark.parametrize(("text", "person", "name"), [
    ('Harold Pike, who remained anonymous as the source known as "Blue Heron" in the affair, died on Monday.',
     "Harold Pike", "Blue Heron"),
    ('Ann Cole was the reporter known as "Lady Ink".', "Ann Cole", "Lady Ink"),
    ('For years Tomas Ek worked as the agent known as "Falcon".', "Tomas Ek", "Falcon"),
])
def test_the_one_known_as_a_name_said_of_a_person_gives_the_name(text: str, person: str, name: str):
    assert (person, name) in {(p, n) for p, n, _ in aliases(text)}


def test_a_group_named_something_still_introduces_a_new_group():
    assert not aliases('A group named "Red Dawn" claimed the attack, Ann Cole said.')


@pytest.mark.parametrize(("text", "party", "value"), [
    ("In addition to the 9 Kenyan traffickers, the Tanzania Coast Guard seized three small boats.",
     "Tanzania Coast Guard", "9"),
    ("In addition to 40 crates of beer, the Lagos State Police impounded two lorries.", "Lagos State Police", "40"),
    ("The Royal Thai Navy rescued 12 crew including 3 cooks.", "Royal Thai Navy", "3"),
])
def test_a_count_in_addition_or_included_belongs_to_the_verb_s_party(text: str, party: str, value: str):
    assert (party, value) in counts(text)


def test_a_count_of_something_else_is_not_the_party_s():
    assert not [v for _, v in counts("The Kenya Wildlife Service studied a herd of 40 elephants.") if v == "40"]


# ---- a description coreference links to a person -------------------------------------------


def roles(text: str) -> set[tuple[str, str]]:
    return {(r["subject"], r["object"]) for r in claims_of(text, "role")}


@pytest.mark.parametrize(("text", "person", "post"), [
    ("Mira Vale left the studio on Monday. The actress checked into a clinic in Palm Grove.", "Mira Vale", "actress"),
    ("Tom Hale was injured on set in Prague. The actor was taken to hospital.", "Tom Hale", "actor"),
    ("Lena Fischer was admitted to hospital. The singer is expected to recover.", "Lena Fischer", "singer"),
])
def test_a_definite_description_of_a_named_person_gives_a_role(text: str, person: str, post: str):
    rows = [r for r in claims_of(text, "role") if r["object"] == post]
    assert [r["subject"] for r in rows] == [person]
    assert rows[0]["evidence"].text.startswith("The ")  # the sentence of the description, not the name's


def test_a_role_the_title_already_gave_is_not_said_again():
    rows = claims_of("Actor Tom Hale was injured on set. The actor was taken to hospital.", "role")
    assert len(rows) == 1 and rows[0]["evidence"].text.startswith("Actor")


def test_what_happened_to_a_person_is_no_role():
    found = roles("Kelly Ames was arrested on Friday. The suspect was held overnight.")
    assert not [o for _, o in found if o == "suspect"]


# ---- an organisation a post's common noun stands for -------------------------------------------


@pytest.mark.parametrize(("text", "person", "org"), [
    ('The Kenya Navy said on Monday it had seized a boat. "We acted lawfully," said Captain Ali Omar, a navy spokesman.',
     "Ali Omar", "Kenya Navy"),
    ("The Defence Ministry denied the report. Ana Ruiz, a spokeswoman for the ministry, declined to comment.",
     "Ana Ruiz", "Defence Ministry"),
    ("The Baltic Shipping Company lost a ship. Lars Moe, an engineer with the company, resigned.", "Lars Moe",
     "Baltic Shipping Company"),
])
def test_a_post_s_common_noun_stands_for_the_organisation_named_before(text: str, person: str, org: str):
    assert (person, org) in pairs(text, "member_of")


def test_a_common_noun_no_organisation_was_named_by_is_nobody_s():
    assert not claims_of("Ana Ruiz, a spokeswoman for the ministry, declined to comment.", "member_of")


# ---- a list of names the parser reads as appositions ----------------------------------------


@pytest.mark.parametrize(("text", "predicate", "people"), [
    ("Tom Hale, Ann Roy, Lee Park and Mira Vale were killed in the crash.", "dead",
     {"Tom Hale", "Ann Roy", "Lee Park", "Mira Vale"}),
    ("Sunrise Hills is the clinic where Tom Hale, Ann Roy, Lee Park, and Mira Vale were previously treated.", "located_in",
     {"Tom Hale", "Ann Roy", "Lee Park", "Mira Vale"}),
    ("Police arrested Omar Said, Lena Fischer, Kurt Olsen and Ines Moro on Friday.", "arrested",
     {"Omar Said", "Lena Fischer", "Kurt Olsen", "Ines Moro"}),
])
def test_every_name_of_a_list_gets_the_claim(text: str, predicate: str, people: set[str]):
    assert people <= {r["subject"] for r in claims_of(text, predicate)}


def test_a_description_in_apposition_is_no_list_item():
    rows = claims_of("Tom Hale, Ann Roy's husband, was killed in the crash.", "dead")
    assert [r["subject"] for r in rows] == ["Tom Hale"]


# ---- time spent with an organisation -----------------------------------------------------------


@pytest.mark.parametrize(("text", "person", "org"), [
    ("Tom Hale is in his 12th season with the Falcons organization.", "Tom Hale", "Falcons"),
    ("Omar Said ended his stint at the World Bank in 2019.", "Omar Said", "World Bank"),
    ("Officials thanked Maria Lund for her years with the Red Cross.", "Maria Lund", "Red Cross"),
])
def test_a_person_s_seasons_or_stint_with_an_organisation_make_them_a_member(text: str, person: str, org: str):
    assert (person, org) in pairs(text, "member_of")


def test_a_year_somewhere_is_no_membership():
    assert not claims_of("Lee Park spent a year in Paris.", "member_of")


# ---- a business's site named again ------------------------------------------------------------


@pytest.mark.parametrize(("text", "business", "place"), [
    ("Flames gutted a Walmart store on Friday. Crews said the store in Dover had been empty.", "Walmart", "Dover"),
    ("Shoppers fled a Walmart store on Monday. The store in Boulder had been busy.", "Walmart", "Boulder"),
    ("Police cordoned off a Starbucks restaurant on Sunday. The restaurant in Austin reopened later.", "Starbucks", "Austin"),
])
def test_the_site_named_again_is_the_business_s(text: str, business: str, place: str):
    assert (business, place) in pairs(text, "located_in")


def test_a_site_of_no_named_business_stays_unlinked():
    text = "Flames gutted a store on Friday. Crews said the store in Dover had been empty."
    assert not [p for p, _ in pairs(text, "located_in") if p not in ("store",)]


# ---- sums -------------------------------------------------------------------------------------


def sums(text: str) -> list[dict]:
    return [r["claim"].object for r in claims_of(text, "quantity")]


def test_two_sums_in_one_money_name_are_two_claims():
    found = sums("The Denver Nuggets re-signed Hale and Park for $80 million and $25 million.")
    assert sorted(o["value"] for o in found) == ["$25 million", "$80 million"]


@pytest.mark.parametrize(("text", "value", "qualifier"), [
    ("The Denver Nuggets paid him about $4 million a year.", "$4 million", "about"),
    ("Siemens paid nearly $80 million in fees.", "$80 million", "nearly"),
    ("Siemens will pay between $60 million and $70 million.", "$60 million to $70 million", "between"),
])
def test_a_sum_s_qualifier_is_no_part_of_its_value(text: str, value: str, qualifier: str):
    found = sums(text)
    assert [(o["value"], o.get("qualifier")) for o in found] == [(value, qualifier)]


# ---- custody said otherwise -------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Tom Hale gave himself up to police just after 6 p.m.",
    "Hours later Ana Ruiz gave herself up at a police station.",
    "Tom Hale was denied bail on Friday.",
    "Ana Ruiz was refused bail by the court.",
    "Tom Hale is being held without bail in Denver.",
    "Officers said Omar Said was detained without bond.",
])
def test_giving_oneself_up_or_being_held_without_bail_is_custody(text: str):
    assert claims_of(text, "arrested")


def test_giving_up_a_thing_is_no_custody():
    assert not claims_of("Tom Hale gave up his seat on the board.", "arrested")


@pytest.mark.parametrize("text", [
    "Paul Kent was struck in the upper chest.",
    "A stray bullet hit Ana Ruiz in the leg.",
    "Omar Said was grazed in the arm by a bullet.",
])
def test_struck_in_a_body_part_is_wounded(text: str):
    assert claims_of(text, "wounded")


def test_hit_in_something_else_is_no_wound():
    assert not claims_of("Paul Kent was hit in the polls by the scandal.", "wounded")


# ---- what is asked for has not happened; a bounty's sum is not a count -----------------------


@pytest.mark.parametrize("text", [
    "The Kenya Navy offered a $3 million bounty for information leading to Tom Hale's arrest.",
    "A judge issued a warrant for the arrest of Tom Hale.",
    "Lawyers filed a motion for the release of Tom Hale.",
])
def test_an_arrest_or_release_asked_for_is_no_event(text: str):
    assert not claims_of(text, "arrested") and not claims_of(text, "released")


def test_an_arrest_announced_is_still_an_event():
    assert claims_of("Police announced the arrest of Tom Hale.", "arrested")


def test_a_bounty_offered_for_information_about_a_person_is_on_that_person():
    rows = claims_of("The Kenya Navy offered a $3 million bounty for information leading to Tom Hale's arrest.", "bounty")
    assert [(r["subject"], r["agent"]) for r in rows] == [("Tom Hale", "Kenya Navy")]
    assert not claims_of("The Kenya Navy offered a $3 million bounty for information leading to Tom Hale's arrest.",
                         "quantity")


def test_a_figure_of_speech_is_no_count():
    assert not claims_of("In one sense, the Kenya Navy was lucky.", "quantity")


def test_the_wounds_of_a_person_reported_dead_are_the_death():
    assert not claims_of("Tom Hale was hit in the back by three bullets. Hale died later in hospital.", "wounded")


@pytest.mark.parametrize("text", [
    "Tom Hale was hit in the back by three bullets. Ann Roy died later in hospital.",
    "Tom Hale was hit in the back by three bullets. Reports that Hale had died were denied.",
])
def test_wounds_stay_when_someone_else_died_or_the_death_is_denied(text: str):
    assert [r["subject"] for r in claims_of(text, "wounded")] == ["Tom Hale"]


def test_a_reward_for_nobody_named_is_still_a_sum_its_offerers_count():
    assert ("Kenya Navy", "5,000") in counts("The Kenya Navy offered a $5,000 reward.")


def test_wounds_stay_when_only_others_report_the_death():
    text = ("The union said Tom Hale had died in the blast. Firefighters said Hale had been hit in the leg "
            "and was pulled from the rubble on Wednesday.")
    assert claims_of(text, "wounded")


@pytest.mark.parametrize(("text", "lister"), [
    ("The Miners Union also listed technician Tom Hale among the victims.", "Miners Union"),
    ("The Red Cross counted Ana Ruiz among the dead on Monday.", "Red Cross"),
    ("The Kenya Red Cross listed Omar Haddad among the victims of the blast.", "Kenya Red Cross"),
])
def test_who_lists_someone_among_the_dead_is_who_says_so(text: str, lister: str):
    rows = claims_of(text, "dead")
    assert [(r["claimant"], r["modality"]) for r in rows] == [(lister, "reported")]


def test_being_among_the_dead_is_the_report_s_own_word():
    rows = claims_of("Tom Hale was among the dead.", "dead")
    assert [(r["claimant"], r["modality"]) for r in rows] == [(None, "asserted")]


def test_a_lister_named_by_a_common_noun_still_makes_it_a_report():
    rows = claims_of("The union also listed technician Tom Hale among the victims.", "dead")
    assert [(r["claimant"], r["modality"]) for r in rows] == [(None, "reported")]
    text = ("The union also listed technician Tom Hale among the victims. But firefighters said Hale had been hit "
            "in the leg and was pulled alive from the rubble.")
    assert claims_of(text, "wounded")  # a death only reported leaves the wounds


# ---- a nominee is not yet the holder of the post ----------------------------------------------


@pytest.mark.parametrize(("text", "value"), [
    ("President Ana Ruiz nominated Tom Hale as the country's new surgeon general.", "country's new surgeon general nominee"),
    ("Tom Hale was nominated for chief justice.", "chief justice nominee"),
    ("The governor nominated Lena Fischer as state treasurer on Monday.", "state treasurer nominee"),
    ("Last week the president nominated Omar Haddad to the Supreme Court.", "Supreme Court nominee"),
])
def test_a_nomination_gives_a_nominee_s_role(text: str, value: str):
    rows = [r for r in claims_of(text, "role") if r["subject"] != "Ana Ruiz"]
    assert [r["object"] for r in rows] == [value]


def test_an_appointment_still_gives_the_post():
    assert [r["object"] for r in claims_of("Ruiz appointed Tom Hale as surgeon general.", "role")] == ["surgeon general"]


# ---- those sent to an event ---------------------------------------------------------------------


@pytest.mark.parametrize(("text", "place", "value"), [
    ("A fire destroyed a supermarket in Leeds on Monday. More than 50 firefighters tackled the blaze.", "Leeds", "50"),
    ("Protests spread through Leeds on Friday. About 200 officers were deployed in the city centre.", "Leeds", "200"),
    ("A ferry sank off the coast of Greece on Sunday. Forty divers searched the wreck.", "Greece", "40"),
])
def test_those_sent_to_an_event_are_counted_for_its_place(text: str, place: str, value: str):
    assert (place, value) in counts(text)


def test_officers_who_only_speak_are_no_count():
    assert not counts("Three officers said the crowd was calm.")


# ---- where a thing one left or was caught at stood --------------------------------------------


@pytest.mark.parametrize(("text", "person", "place"), [
    ("Tom Hale escaped from a prison van in Houston on Monday.", "Tom Hale", "Houston"),
    ("Tom Hale was caught in northeast Houston on Friday.", "Tom Hale", "Houston"),
    ("Tom Hale was arrested outside a bar in Leeds late on Saturday.", "Tom Hale", "Leeds"),
])
def test_where_one_escaped_or_was_caught_places_one_there(text: str, person: str, place: str):
    assert (person, place) in pairs(text, "located_in")
