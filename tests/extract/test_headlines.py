"""Names in title-case headlines are cut to the names the body uses; prose is left alone."""

from __future__ import annotations

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
