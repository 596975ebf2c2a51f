"""Types the words around a name give it, where the tagger's type would stop a frame."""

from claimgraph.extract.coref.gender import first_name_share


def _mentions(text: str):
    from tests.extract.helpers import extract

    _, out, _ = extract(text, publisher=None)
    return out.mentions


def _types(ms, name: str) -> set[str]:
    return {m.type for m in ms if m.text == name}


def test_a_name_with_an_age_after_it_is_a_person():
    ms = _mentions("Officers said Brannock, 58, had worked at the depot for a decade. Brannock was unhurt.")
    assert _types(ms, "Brannock") == {"PERSON"}


def test_a_name_after_an_age_is_a_person():
    ms = _mentions("The 41-year-old Tovah Kessering was taken to a clinic after the crash.")
    assert _types(ms, "Tovah Kessering") == {"PERSON"}


def test_a_place_before_the_aged_persons_noun_stays_a_place():
    ms = _mentions("A 44-year-old Harwick man was charged, Harwick police said.")
    assert _types(ms, "Harwick") == {"PLACE"}


def test_a_relative_named_after_the_kin_noun_is_a_person():
    ms = _mentions("The farmer and his wife, Oriel, were asleep when the barn caught fire.")
    assert _types(ms, "Oriel") == {"PERSON"}


def test_a_name_whose_residents_or_police_are_spoken_of_is_a_place():
    ms = _mentions("Dunmarsh police closed the road. A Dunmarsh resident filmed the flooding.")
    assert _types(ms, "Dunmarsh") == {"PLACE"}


def test_a_place_a_person_comes_from_is_a_place():
    ms = _mentions("A woman from Quillby was arrested on Tuesday, the sheriff said.")
    assert _types(ms, "Quillby") == {"PLACE"}
    ms = _mentions("Martin Hollis, of Saxhollow, was charged with arson.")
    assert _types(ms, "Saxhollow") == {"PLACE"}
    assert _types(ms, "Martin Hollis") == {"PERSON"}


def test_an_organisation_of_a_person_with_an_article_is_no_hometown():
    ms = _mentions("Martin Hollis, of the Saxhollow Water Board, was charged with arson.")
    assert "PLACE" not in _types(ms, "Saxhollow Water Board")


def test_a_named_ship_is_an_organisation():
    ms = _mentions("Pirates boarded the tanker Blue Osprey off the coast on Sunday.")
    assert _types(ms, "Blue Osprey") == {"ORG"}


def test_a_family_name_after_a_generational_suffix_is_the_person():
    ms = _mentions("Ray Dobbin Sr. was released on Friday. Dobbin told reporters he was innocent.")
    assert _types(ms, "Dobbin") == {"PERSON"}


def test_a_family_name_two_relatives_share_is_still_a_person():
    ms = _mentions("Coach Harlan Vesey resigned. His son, Tomas Vesey, plays for the club. "
                   "Vesey said he was proud.")
    assert _types(ms, "Vesey") == {"PERSON"}


def test_a_common_first_name_before_a_surname_makes_a_person():
    ms = _mentions("Police said Margaret Zolnay was shot in the lobby of the building.")
    assert _types(ms, "Margaret Zolnay") == {"PERSON"}


def test_a_first_name_before_a_place_or_college_word_makes_no_person():
    ms = _mentions("Students at Carol College were sent home after the threat.")
    assert "PERSON" not in _types(ms, "Carol College")


def test_how_common_a_first_name_is():
    assert first_name_share("Margaret") > first_name_share("Royal") > 0.0
    assert first_name_share("Xqzt") == 0.0


def test_a_name_in_a_list_of_teams_is_a_team():
    ms = _mentions("He played for the Tigers, Madison Hawks, Chicago Falcons and Omaha Storm.")
    assert _types(ms, "Omaha Storm") == {"ORG"}
    assert _types(ms, "Madison Hawks") == {"ORG"}


def test_a_list_of_people_keeps_a_person_the_tagger_saw():
    ms = _mentions("The board thanked Acme Holdings, Vexel Corp and Margaret Zolnay for their gifts.")
    assert _types(ms, "Margaret Zolnay") == {"PERSON"}


def test_a_city_before_a_teams_plural_name_is_one_organisation():
    from claimgraph.extract.list_types import join_city_teams
    from claimgraph.model import Mention, Section

    text = "He joined Kelso Comets in May."
    def mention(s: int, e: int, type_: str, label: str) -> Mention:
        return Mention(id=f"m{s}", document="d", start=s, end=e, text=text[s:e], type=type_, label=label, section=Section.BODY)
    found = {(10, 15): mention(10, 15, "PLACE", "spacy/GPE"), (16, 22): mention(16, 22, "ORG", "spacy/ORG")}
    join_city_teams(text, found)
    assert [(m.text, m.type) for m in found.values()] == [("Kelso Comets", "ORG")]
    found = {(10, 15): mention(10, 15, "PLACE", "spacy/GPE"), (16, 22): mention(16, 22, "PERSON", "spacy/PERSON")}
    join_city_teams(text, found)
    assert len(found) == 2  # a place before a person stays two names


def test_a_first_name_before_a_teams_word_or_a_county_makes_no_person():
    from claimgraph.extract.list_types import retype_personal_names
    from claimgraph.model import Mention, Section

    found = {(0, 13): Mention(id="a", document="d", start=0, end=13, text="Orlando Magic", type="ORG", label="spacy/ORG",
                              section=Section.BODY),
             (20, 40): Mention(id="b", document="d", start=20, end=40, text="Marion County Sheriff", type="ORG",
                               label="spacy/ORG", section=Section.BODY),
             (50, 62): Mention(id="c", document="d", start=50, end=62, text="Paula Krenzig", type="ORG", label="spacy/ORG",
                               section=Section.BODY)}
    retype_personal_names(found)
    assert [m.type for m in found.values()] == ["ORG", "ORG", "PERSON"]


def test_a_source_described_as_a_department_is_an_organisation():
    ms = _mentions("The road will stay closed until Monday, according to the county's roads department.")
    described = [m for m in ms if m.text.endswith("department")]
    assert described and {m.type for m in described} == {"ORG"}


def test_a_short_first_name_before_a_family_name_is_that_person():
    from claimgraph.extract.mentions import _family_named
    from claimgraph.model import Mention, Section

    def mention(text: str, label: str = "spacy/GPE") -> Mention:
        return Mention(id=text, document="d", start=0, end=len(text), text=text, type="PLACE", label=label, section=Section.BODY)
    family = {"Ferrin": {"Maurice Ferrin"}}
    assert _family_named(mention("Mo Ferrin"), family)
    assert not _family_named(mention("Port Ferrin"), family)  # another initial: no nickname of Maurice
    assert not _family_named(mention("Mo Ferrin", "rules/place-of"), family)  # a rule, not the tagger, typed it
