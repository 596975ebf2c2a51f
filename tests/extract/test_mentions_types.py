from claimgraph.extract.lexicon import type_from_name


def test_a_name_in_capitals_tagged_as_a_person_is_an_organisation():
    assert type_from_name("WKRP", "PERSON") == "ORG"
    assert type_from_name("Rhea Tolland", "PERSON") == "PERSON"
    assert type_from_name("WKRP", "PLACE") == "PLACE"  # only the tagger's 'person' is doubted


def _mentions(text: str):
    from tests.extract.helpers import extract

    _, out, _ = extract(text, publisher=None)
    return out.mentions


def test_a_name_the_report_calls_a_facility_is_a_place_throughout():
    ms = _mentions("The actor checked into Juniper Hollow, a treatment facility near the coast. "
                   "Staff at Juniper Hollow declined to comment.")
    types = {m.type for m in ms if m.text == "Juniper Hollow"}
    assert types == {"PLACE"}


def test_the_first_words_of_a_facility_name_are_that_facility():
    ms = _mentions("Vera Oduya left the Pell Harbour Clinic on Monday. She had spent a week at Pell Harbour.")
    assert {m.type for m in ms if m.text == "Pell Harbour"} == {"PLACE"}
    assert {m.type for m in ms if m.text == "Vera Oduya"} == {"PERSON"}


def test_a_foundation_named_after_a_person_leaves_the_person_a_person():
    ms = _mentions("Ansel Korvath spoke at the Ansel Korvath Foundation gala, and Ansel Korvath thanked donors.")
    assert {m.type for m in ms if m.text == "Ansel Korvath"} == {"PERSON"}


def test_a_source_in_capitals_the_tagger_missed_is_an_organisation_by_name():
    ms = _mentions("KVRX reported that the council had voted against the plan.")
    kvrx = [m for m in ms if m.text == "KVRX"]
    assert kvrx and kvrx[0].type == "ORG" and kvrx[0].label != "rules/description"


def test_a_name_with_an_article_is_no_person():
    ms = _mentions("Sarah Miller, a reporter, wrote for the Courant for ten years.")
    assert {m.type for m in ms if m.text == "Courant"} == {"ORG"}
    assert {m.type for m in ms if m.text == "Sarah Miller"} == {"PERSON"}


def test_what_a_founder_or_spokesman_is_of_is_an_organisation():
    ms = _mentions("Tobias Wendt, the founder of Graphwerk, spoke first.")
    assert {m.type for m in ms if m.text == "Graphwerk"} == {"ORG"}


def test_a_day_or_month_is_never_a_name():
    ms = _mentions("Posted July 20, 2031\nA poll published by the Korvik Herald newspaper on Sunday showed a tie.")
    assert not any(m.text in ("July", "Sunday") for m in ms)
