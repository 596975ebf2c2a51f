"""What a name presupposes is claimed where the name first appears, and a bracket that names a
place or an organisation after a person is no other name of theirs (sentences written here)."""

from __future__ import annotations

from tests.extract.helpers import claims_of


def test_a_place_in_an_organisations_name_is_claimed_once_a_document():
    text = ("The Oslo Harbour Authority closed two piers in Oslo on Monday. "
            "Engineers from the Oslo Harbour Authority inspected the cranes. "
            "The Oslo Harbour Authority said the piers would reopen.")
    found = [r for r in claims_of(text, "located_in") if r["subject"] == "The Oslo Harbour Authority"
             or r["subject"] == "Oslo Harbour Authority"]
    assert len(found) == 1
    assert found[0]["object"] == "Oslo"
    assert found[0]["evidence"].text.startswith("The Oslo Harbour Authority closed")


def test_a_bracketed_place_after_a_person_is_no_alias():
    text = "Senator Maria Olsen (Minnesota) voted against the budget on Tuesday."
    assert not claims_of(text, "alias")


def test_a_bracketed_nickname_after_a_person_is_an_alias():
    text = 'The smuggler Piotr Nowak ("The Fox") was arrested in Gdansk.'
    assert [r["object"] for r in claims_of(text, "alias")] == ["The Fox"]


def test_a_title_said_again_with_the_same_name_gives_one_role_claim():
    text = ("Mayor Ines Varga opened the bridge in Tolna on Monday. "
            "Traffic was heavy all afternoon. "
            "Mayor Ines Varga thanked the engineers.")
    found = [r for r in claims_of(text, "role") if r["subject"] == "Ines Varga"]
    assert [r["object"] for r in found] == ["Mayor"]
    assert found[0]["evidence"].text.startswith("Mayor Ines Varga opened")


def test_a_title_in_the_headline_is_claimed_again_in_the_body():
    text = ("Mayor Ines Varga opens new bridge\n\n"
            "Mayor Ines Varga opened the bridge in Tolna on Monday. "
            "Mayor Ines Varga thanked the engineers.")
    found = [r for r in claims_of(text, "role", title="Mayor Ines Varga opens new bridge") if r["subject"] == "Ines Varga"]
    assert [r["evidence"].text[:24] for r in found] == ["Mayor Ines Varga opens n", "Mayor Ines Varga opened "]


def test_where_the_body_begins():
    from claimgraph.extract.claims import headline_end
    from claimgraph.model import Document

    def report(text: str, title: str | None) -> Document:
        return Document(id="d", source="t", text=text, title=title)

    text = "Storm hits coast\n\nThe storm hit the coast."
    assert headline_end(report(text, "Storm hits coast"), text) == len("Storm hits coast")
    assert headline_end(report(text, None), text) == 0
    assert headline_end(report(text, "The storm hit the coast."), text) == 0  # a title that is not at the head

