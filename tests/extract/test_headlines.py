"""Names in title-case headlines are cut to the names the body uses; prose is left alone."""

from __future__ import annotations

import pytest

from tests.extract.helpers import extract


def names(text: str) -> list[str]:
    _, out, _ = extract(text, publisher=None)
    return [m.text for m in out.mentions if m.start is not None and not m.is_reference and m.label != "rules/description"]


def test_a_headline_run_of_capitals_is_cut_to_the_body_names():
    found = names("Helen Marsh Checks Into Rehab After Fall\n"
                  "The conductor Victor Lang and the writer Helen Marsh went home on Sunday, an agent said.")
    assert not any("Checks" in n for n in found) and found.count("Helen Marsh") == 2


def test_a_sentence_of_prose_with_many_names_is_not_a_headline():
    text = "Karim Odeh, known as Abu Layla, was born in the Zarqa Valley in 1979.\nOdeh was arrested in 2004."
    assert "Karim Odeh" in names(text)


def test_a_headline_name_the_body_never_repeats_is_cut_at_its_verb():
    found = names("Marisol Quintero Checks Into Hospital After Crash\n"
                  "The singer was taken to a clinic on Friday, her manager said.")
    assert "Marisol Quintero" in found and not any("Checks" in n or "Hospital" in n for n in found)


def test_a_leading_headline_verb_leaves_the_name_after_it():
    found = names("Governor Appoints Tobias Wrenfield Interim Treasurer\n"
                  "The appointment was announced on Monday.")
    assert not any(n.startswith("Appoints") for n in found)


def test_a_surname_that_is_also_a_verb_form_is_not_cut():
    from claimgraph.extract.headlines import is_headline_verb

    assert is_headline_verb("Checks") and is_headline_verb("Named") and is_headline_verb("Dies")
    assert is_headline_verb("Nominate", after_to=True)
    assert not is_headline_verb("Nominate") and not is_headline_verb("Banks") and not is_headline_verb("Fire")




@pytest.mark.parametrize("headline", [
    "Anti-Fracking Farmers Accuse Energy Firms Of Ignoring Quake Risks",
    "Striking Dock Workers Accuse Port Authority Of Hiring Replacements",
    "Angry Fishermen Blame Coast Guard For Treating Crews As Criminals",
])
def test_a_whole_headline_the_tagger_took_for_an_organisation_is_no_entity(headline: str):
    text = headline + "\nThe workers said on Monday that officials had known for months."
    assert not any(" Of " in n or " For " in n or "Accuse" in n for n in names(text))


def test_a_long_organisation_name_in_a_headline_without_a_verb_stays():
    text = ("Report From The International Committee For Mountain Rescue\n"
            "The International Committee for Mountain Rescue met in Bern on Monday.")
    assert "International Committee for Mountain Rescue" in names(text)
