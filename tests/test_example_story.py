"""The example corpus is a fixture with known answers: its storyline must come out right."""

from __future__ import annotations

from claimgraph.api import Claimgraph
from claimgraph.query import build_dossier, find_entity


def test_one_person_many_names(example: Claimgraph):
    person = find_entity(example.store, "Ruslan Dzhabrailov")
    names = {n for n, _ in person.aliases}
    assert {"Abu Hamza al-Karsi", "Abu Hamza al-Qarsi", "Ruslan Dzhabrailov", "Ruslan Jabrailov"} <= names
    assert person.type == "PERSON"
    assert find_entity(example.store, "Umar Bakayev").id != person.id


def test_death_claim_contested_then_confirmed_and_syndication_adds_nothing(example: Claimgraph):
    person = find_entity(example.store, "Abu Hamza al-Karsi")
    groups = [g for g in example.store.groups() if g.subject == person.id and g.predicate == "dead"]
    assert len(groups) == 1
    death = groups[0]
    assert death.grade == "confirmed"
    assert [h["grade"] for h in death.history] == ["contested"]  # before the brigade's own announcement
    assert any("near-duplicate" in r for r in death.reasons)
    docs = {d.id: d for d in example.store.documents()}
    copy = next(d for d in docs.values() if d.duplicate_of)
    claims = {c.id: c for c in example.store.claims()}
    from_copy = [cid for cid in death.claims if claims[cid].document == copy.id]
    assert from_copy, "the syndicated copy's claims are kept"
    original = [cid for cid in death.claims if claims[cid].document == copy.duplicate_of]
    assert original


def test_conflicts_of_the_storyline(example: Claimgraph):
    kinds = {c.kind for c in example.store.conflicts()}
    assert {"status", "denial", "value"} <= kinds
    dossier = build_dossier(example.store, find_entity(example.store, "Abu Hamza al-Karsi"))
    assert "reported killed" in dossier["status"] and "confirmed" in dossier["status"]
    assert [row["time"] for row in dossier["timeline"]][:1] == ["2012"]


def test_report_dates_are_marked_as_upper_bounds_in_the_dossier(example: Claimgraph):
    person = find_entity(example.store, "Abu Hamza al-Karsi")
    dossier = build_dossier(example.store, person)
    deaths = [r for r in dossier["timeline"] if r["predicate"] == "dead"]
    assert any(r["as_of"] and r["line"].startswith("≤") for r in deaths)  # "said on Sunday that ... killed"
    assert any(not r["as_of"] and r["time"] == "2024-03-18" for r in deaths)  # "died on March 18"
