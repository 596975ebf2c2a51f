"""Status, count and place frames that news uses in every topic (issue 10), each on sentences
written for these tests."""

from __future__ import annotations

import pytest

from tests.extract.helpers import claims_of


def rows_of(text: str, predicate: str) -> list[tuple]:
    return [(r["subject"], r["object"], r["modality"]) for r in claims_of(text, predicate)]


# ---- status -------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "subject"), [
    ("Ana Ruiz was shot in the leg outside her home.", "Ana Ruiz"),
    ("A masked man shot Tomas Berg twice in the shoulder.", "Tomas Berg"),
    ("Jon Kale suffered head injuries in the crash.", "Jon Kale"),
    ("Doctors said Mia Torres was in critical condition on Sunday.", "Mia Torres"),
])
def test_wounded(text: str, subject: str):
    assert any(s == subject for s, _, _ in rows_of(text, "wounded"))
    assert not rows_of(text, "dead")


@pytest.mark.parametrize(("text", "subject"), [
    ("Police said Tomas Berg was shot dead on Friday.", "Tomas Berg"),
    ("Jon Kale was gunned down outside a bar in Boston.", "Jon Kale"),
    ("The slaying of Jon Kale shocked the town.", "Jon Kale"),
])
def test_dead_said_another_way(text: str, subject: str):
    assert any(s == subject for s, _, _ in rows_of(text, "dead"))
    assert not rows_of(text, "wounded")


def test_shot_and_killed_is_a_death_not_a_wound():
    assert rows_of("The gunman shot and killed Omar Diaz.", "wounded") == []
    assert [s for s, _, _ in rows_of("The gunman shot and killed Omar Diaz.", "dead")] == ["Omar Diaz"]


@pytest.mark.parametrize(("text", "subject"), [
    ("Karl Ekberg was sentenced to 12 years in prison.", "Karl Ekberg"),
    ("Mia Torres received a life sentence for the fraud.", "Mia Torres"),
    ("Police caught Jon Kale in a motel two days later.", "Jon Kale"),
    ("After two hours Jon Kale surrendered to police.", "Jon Kale"),
    ("Jon Kale turned himself in on Monday.", "Jon Kale"),
    ("Gunmen kidnapped Maria Lopez outside her office.", "Maria Lopez"),
    ("The robber took Maria Lopez hostage.", "Maria Lopez"),
])
def test_custody(text: str, subject: str):
    assert (subject, None, "asserted") in rows_of(text, "arrested")


@pytest.mark.parametrize("text", [
    "Karl Ekberg remains on the loose.",
    "Karl Ekberg was still on the run on Tuesday.",
    "Karl Ekberg is at large after the jailbreak.",
])
def test_on_the_run_is_custody_denied(text: str):
    assert ("Karl Ekberg", None, "denied") in rows_of(text, "arrested")


def test_a_sentence_that_is_not_prison_is_no_custody():
    assert rows_of("Mia Torres received a sentence of community service.", "arrested") == []
    assert rows_of("Maria Lopez took the bus home.", "arrested") == []


# ---- counts -------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "subject", "value"), [
    ("No one was injured in the fire in Chicago.", "Chicago", "0"),
    ("Nobody is believed to have been hurt, police in Boston said.", "Boston", "0"),
    ("There were no injuries, the Boston fire service said.", "Boston", "0"),
    ("Gunman kills 1, wounds 2 at Chicago office.", "Chicago", "1"),
    ("At least a dozen employees were at the party in Chicago.", "Chicago", "12"),
    ("Sixty residents had to be evacuated in Springfield, Ohio.", "Springfield", "60"),
])
def test_counts_said_another_way(text: str, subject: str, value: str):
    assert (subject, value) in [(s, o) for s, o, _ in rows_of(text, "quantity")]


def test_a_count_without_a_party_belongs_to_the_place_the_report_is_about():
    text = ("A fire destroyed a warehouse in Leeds on Sunday. Firefighters from Leeds arrived within minutes. "
            "More than 40 residents were evacuated overnight.")
    assert ("Leeds", "40") in [(s, o) for s, o, _ in rows_of(text, "quantity")]


def test_no_party_anywhere_gives_no_count():
    assert rows_of("More than 40 residents were evacuated overnight.", "quantity") == []


def test_a_count_of_things_is_not_given_to_the_report_s_party():
    text = "A fire destroyed a warehouse in Leeds on Sunday. Crews found 12 gas cylinders inside."
    assert rows_of(text, "quantity") == []


# ---- places -------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "predicate", "subject", "place"), [
    ("Tomas Berg, 52, of Chicago, was taken to hospital.", "located_in", "Tomas Berg", "Chicago"),
    ("The victim was Joan Hale of Boston.", "located_in", "Joan Hale", "Boston"),
    ("Robert Pike, aged 24 and from Leeds, was charged.", "origin", "Robert Pike", "Leeds"),
    ("A fire destroyed a Tesco store in London on Sunday.", "located_in", "Tesco", "London"),
    ("The minister said in Brussels that the talks would go on.", "located_in", "minister", "Brussels"),
    ("Sanjay Rao is a Canadian football forward.", "origin", "Sanjay Rao", "Canadian"),
    ("Nordvik, a Norwegian shipping firm, went bankrupt.", "located_in", "Nordvik", "Norwegian"),
    ("The portrait is by the Chilean romantic painter Jose Arrieta.", "origin", "Jose Arrieta", "Chilean"),
])
def test_places(text: str, predicate: str, subject: str, place: str):
    assert (subject, place) in [(s, o) for s, o, _ in rows_of(text, predicate)]


def test_a_party_of_an_organisation_is_not_a_hometown():
    assert rows_of("Ana Ruiz, of the Green Party, spoke first.", "located_in") == []


def test_peoples_that_are_not_countries_give_no_origin():
    assert rows_of("Omar Aziz is a Kurdish poet.", "origin") == []


@pytest.mark.parametrize(("text", "subject", "place"), [
    ("The Danish frigate Esbern Snare is patrolling the Gulf of Guinea this month.", "Esbern Snare", "Gulf of Guinea"),
    ("Maria Lopez is receiving treatment at Mercy Hospital.", "Maria Lopez", "Mercy Hospital"),
    ("Karl Berg began his mission in Mali in March.", "Karl Berg", "Mali"),
])
def test_being_somewhere_on_duty_or_in_care(text: str, subject: str, place: str):
    assert (subject, place) in [(s, o) for s, o, _ in rows_of(text, "located_in")]


@pytest.mark.parametrize(("text", "subject", "died", "place", "born_in"), [
    ("Karl Brandt (18 December 1931 in Munich – 10 November 1991 in Berlin) was a German gymnast.",
     "Karl Brandt", "1991-11-10", "Berlin", "Munich"),
    ("Omar Haddad (February 3, 1934, Cairo – November 14, 2014, Paris) was a mathematician.",
     "Omar Haddad", "2014-11-14", "Paris", "Cairo"),
    ("Gustav Lind (3 May 1921 – 14 July 1998) was a Swedish physicist.", "Gustav Lind", "1998-07-14", None, None),
])
def test_life_dates_with_places(text: str, subject: str, died: str, place: str | None, born_in: str | None):
    from tests.extract.helpers import extract

    _, out, names = extract(text)
    dead = [c for c in out.claims if c.predicate == "dead" and names[c.subject] == subject]
    assert dead and (dead[0].time or {}).get("start") == died
    assert names.get(dead[0].place or "") == place
    origins = [names.get((c.object or {}).get("mention", "")) for c in out.claims if c.predicate == "origin"]
    assert born_in is None or born_in in origins


def test_a_bracket_of_years_after_something_else_is_no_death():
    assert rows_of("The war between Arland and Beswick (1940 – 1945) ended badly.", "dead") == []
    assert rows_of("Ali Reza (born 1950) is a writer.", "dead") == []


def test_a_nationality_in_an_organisation_s_name_places_it():
    text = "Ian Ross led a Canadian trade mission. He later joined the Royal Canadian Mint."
    assert ("Royal Canadian Mint", "Canadian") in [(s, o) for s, o, _ in rows_of(text, "located_in")]
    assert rows_of("He later joined the Royal Canadian Mint.", "located_in") == []


def test_a_religious_word_in_a_name_is_no_country():
    text = "Islamic scholars met in Cairo. The Islamic Relief Agency opened an office there."
    assert all(o != "Islamic" for _, o, _ in rows_of(text, "located_in"))
