"""Counts, places, posts and events to come, as news words them in any topic (issue 10, third
pass), each on sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extract.helpers import claims_of


def rows_of(text: str, predicate: str) -> list[tuple]:
    return [(r["subject"], r["object"], r["modality"]) for r in claims_of(text, predicate)]


def pairs(text: str, predicate: str) -> list[tuple]:
    return [(s, o) for s, o, _ in rows_of(text, predicate)]


# ---- counts -------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "subject", "value"), [
    ("Protests spread to the port city of Gdansk, where 5,000 dockers marched on Friday.", "Gdansk", "5,000"),
    ("The storm left nine people dead in Manila.", "Manila", "9"),
    ("The landslide left 40 villagers homeless near Cusco.", "Cusco", "40"),
    ("No-one was hurt in the blaze in Oslo.", "Oslo", "0"),
    ("No-one was injured at the depot in Tromso, officials said.", "Tromso", "0"),
])
def test_counts_in_where_clauses_left_dead_and_no_one(text: str, subject: str, value: str):
    assert (subject, value) in pairs(text, "quantity")


def test_a_count_of_each_coordinated_party():
    found = pairs("The FBI and the ATF offered a $10,000 reward.", "quantity")
    assert {s for s, _ in found} == {"FBI", "ATF"}


def test_the_country_around_the_event_yields_to_the_town_it_names():
    text = ("Spanish unions called a strike across Spain on Monday, the biggest in Spain this year. "
            "Marches filled the streets of Madrid all day. Around 4,000 protesters gathered by noon.")
    found = pairs(text, "quantity")
    assert ("Madrid", "4,000") in found
    assert not any(s == "Spain" for s, _ in found)


def test_irregular_nationalities_name_their_country():
    from claimgraph.words import is_nationality_of

    assert is_nationality_of("Greek", "Greece") and is_nationality_of("Dutch", "Netherlands")
    assert is_nationality_of("Mexican", "Mexico")
    assert not is_nationality_of("Greek", "Athens")


# ---- places -------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "subject", "place"), [
    ("A bomb exploded at a Wells Fargo branch in Salem.", "Wells Fargo", "Salem"),
    ("A bomb went off at a Citibank branch in Houston on Monday.", "Citibank", "Houston"),
    ("Gunmen opened fire at a Toyota plant in Chicago.", "Toyota", "Chicago"),
])
def test_a_facility_and_its_place_whichever_word_the_parser_hangs_it_on(text: str, subject: str, place: str):
    assert (subject, place) in pairs(text, "located_in")


# ---- events to come are not events --------------------------------------------------------


@pytest.mark.parametrize(("text", "predicate"), [
    ("Karl Berg will likely die in prison.", "dead"),
    ("A jury recommended that Karl Berg be executed.", "dead"),
    ("The panel recommended that Karl Berg die for the murders.", "dead"),
    ("Karl Berg is to be sentenced in May.", "arrested"),
    ("Karl Berg knew he was going to be shot.", "wounded"),
    ("Police said Karl Berg would be released on Friday.", "released"),
])
def test_an_event_to_come_or_called_for_is_no_claim(text: str, predicate: str):
    assert rows_of(text, predicate) == []


@pytest.mark.parametrize(("text", "predicate", "modality"), [
    ("Karl Berg was killed on Monday.", "dead", "asserted"),
    ("Karl Berg may have been killed.", "dead", "hedged"),
    ("Karl Berg was sentenced to ten years in May.", "arrested", "asserted"),
])
def test_events_that_happened_or_may_have_still_count(text: str, predicate: str, modality: str):
    assert ("Karl Berg", None, modality) in rows_of(text, predicate)


# ---- posts --------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "subject", "org"), [
    ("Ana Ruiz spent six years with the Denver Nuggets.", "Ana Ruiz", "Denver Nuggets"),
    ("Omar Diaz has been with Halden Bank for 20 years.", "Omar Diaz", "Halden Bank"),
    ("The Boston Globe's Karen Lind wrote the story.", "Karen Lind", "Boston Globe"),
    ("Siemens' Petra Vogt opened the fair.", "Petra Vogt", "Siemens"),
])
def test_memberships_said_by_time_spent_or_a_possessive(text: str, subject: str, org: str):
    assert (subject, org) in pairs(text, "member_of")


def test_being_with_a_person_is_no_membership():
    assert rows_of("Omar Diaz was with his wife at the time.", "member_of") == []


def test_a_list_hung_on_a_far_subject_gives_that_subject_no_post():
    text = "Karl Berg was convicted of murdering a judge, a court clerk, a police officer and a federal agent."
    assert rows_of(text, "role") == []


def test_an_apposition_next_to_its_name_is_still_a_post():
    found = pairs("The suspect, Karl Berg, a former police officer, was arrested.", "role")
    assert ("Karl Berg", "former police officer") in found


def test_two_coordinated_titles_before_a_name_are_one_holder_s_posts():
    text = "Denver Nuggets President and General Manager Tom Hale announced the trade."
    assert ("Tom Hale", "Denver Nuggets") in pairs(text, "leader_of")
    assert any(s == "Tom Hale" and "General Manager" in o for s, o in pairs(text, "role"))


def test_a_second_titled_name_keeps_its_own_title():
    text = "Nuggets chairman Tom Hale and general manager Ana Ruiz spoke."
    assert ("Ana Ruiz", "general manager") in pairs(text, "role")
    assert ("Ana Ruiz", "Nuggets") not in pairs(text, "leader_of")


@pytest.mark.parametrize(("text", "party", "value"), [
    ("The Acme Corporation offered $75,000 to the family.", "Acme Corporation", "75,000"),
    ("The Denver Nuggets signed Tom Hale for $25 million.", "Denver Nuggets", "$25 million"),
    ("Halden Bank paid $4 million to settle the case.", "Halden Bank", "$4 million"),
])
def test_a_sum_a_named_party_pays_or_offers(text: str, party: str, value: str):
    assert (party, value) in pairs(text, "quantity")


def test_a_person_s_purchase_is_no_party_s_count():
    assert rows_of("Tom Hale paid $300 for the ticket.", "quantity") == []
