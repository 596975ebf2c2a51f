"""Another name given with "known by the nickname / moniker of" (sentences written here)."""

from __future__ import annotations

from tests.extract.helpers import claims_of


def test_known_by_a_nickname_is_another_name():
    quoted = 'Police arrested Marco Diaz, a dealer known by the nickname "Chispa", on Friday.'
    moniker = "Marco Diaz, who is also known by the street moniker of Chispa, was arrested."
    for text in (quoted, moniker):
        assert [(r["subject"], r["object"]) for r in claims_of(text, "alias")] == [("Marco Diaz", "Chispa")]
    assert not claims_of("Marco Diaz, known by his neighbours as a quiet man, was arrested.", "alias")
