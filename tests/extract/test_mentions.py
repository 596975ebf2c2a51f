from tests.extract.helpers import extract


def mention_types(text):
    doc, out, names = extract(text, publisher=None)
    return {m.text: m.type for m in out.mentions if m.start is not None}


def test_spans_are_trimmed_and_typed_by_head_words():
    types = mention_types("Fighters from the Pankisi Valley joined the Northern Shield Brigade, the U.S. said.")
    assert types.get("Pankisi Valley") == "PLACE"
    assert types.get("Northern Shield Brigade") == "ORG"
    assert "U.S." in types


def test_defined_acronym_gives_both_names():
    types = mention_types("Fighters of the Movement for Democratic Change (MDC) marched in Harare.")
    assert types.get("MDC") == "ORG" and types.get("Movement for Democratic Change") == "ORG"


def test_descriptions_of_parties():
    types = mention_types("The Tajik interior ministry said US officials had been informed.")
    assert types.get("Tajik interior ministry") == "ORG" and types.get("US officials") == "ORG"


def test_names_after_titles_and_repeats_are_found():
    text = "The charge was made by General of the Army Valery Gerasimov in Moscow. Later Gerasimov repeated it."
    doc, out, names = extract(text, publisher=None)
    surfaces = [m.text for m in out.mentions if m.start is not None]
    assert "Valery Gerasimov" in surfaces
    for m in out.mentions:
        if m.start is not None:
            assert text[m.start : m.end] == m.text
