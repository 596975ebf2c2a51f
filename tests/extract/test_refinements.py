"""Mentions and predicate rules added for the parses the small model gets wrong, on sentences
written for these tests (several topics)."""

from tests.extract.helpers import claims_of, extract
from tests.extract.test_predicates import one


def mention_types(text):
    _, out, _ = extract(text, publisher=None)
    return [(m.text, m.type) for m in out.mentions if m.start is not None]


def test_family_name_alone_is_the_person_named_before():
    found = mention_types("Coach Maria Delgado left the club in May. Delgado said she was tired.")
    assert ("Delgado", "PERSON") in found


def test_one_name_keeps_one_type_within_a_document():
    found = dict(mention_types("Viktor Orlenko was seen in Kharkiv. Police said Orlenko had fled."))
    assert found.get("Orlenko") == "PERSON"


def test_a_description_keeps_the_name_inside_it():
    found = mention_types("Ecuador's top trade negotiator, Lucia Paredes, resigned on Monday.")
    names = [n for n, _ in found]
    assert "Ecuador" in names and "Lucia Paredes" in names


def test_a_description_in_apposition_yields_to_the_name():
    rows = claims_of("Ecuador's top trade negotiator, Lucia Paredes, defected to the Green Alliance.", "defected_to")
    one(rows, subject="Lucia Paredes")


def test_passive_death_under_a_report_keeps_its_subject_and_speaker():
    text = ("Omar Haddad led the cell. The Gazette reported in May that Haddad, described as the cell's "
            "leader, had been killed in a raid.")
    one(claims_of(text, "dead"), subject="Haddad", claimant="Gazette", modality="reported")


def test_attempts_plans_and_conditions_are_not_events():
    assert not claims_of("Gunmen tried to kill Mayor Ivan Sokol on Friday.", "dead")
    assert not claims_of("The attempted killing of Ivan Sokol failed.", "dead")
    assert not claims_of("If Ivan Sokol dies, the party will split.", "dead")
    assert claims_of("Gunmen killed Mayor Ivan Sokol on Friday.", "dead")


def test_hostile_nouns_and_verbs_give_opposed_to():
    rows = claims_of("The Red Hand Movement released a video threatening attacks against Freedonia.", "opposed_to")
    one(rows, subject="Red Hand Movement", object="Freedonia")
    rows = claims_of("Senator Alan Price denounced the United Nations.", "opposed_to")
    one(rows, subject="Alan Price", object="United Nations")


def test_cooperation_nouns_and_backers_give_allied_with():
    rows = claims_of("Backed by Freedonia, the Blue Party won the vote.", "allied_with")
    one(rows, subject="Blue Party", object="Freedonia")
    rows = claims_of("Reporters uncovered collusion between Acme Corp and the Northern Cartel.", "allied_with")
    assert rows and {rows[0]["subject"], rows[0]["object"]} == {"Acme Corp", "Northern Cartel"}


def test_a_group_named_x_is_not_an_alias_of_an_earlier_group():
    text = "The Northern Alliance met on Monday. Fighters joined a group named Falcon Brigade."
    assert not [r for r in claims_of(text, "alias") if r["subject"] == "Northern Alliance"]
