"""Where a document's cluster goes: the resolver's shortcut (the first candidate with one of the
cluster's names ends the search) gives what comparing every candidate in order gives."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from claimgraph.model import Mention
from claimgraph.resolve.names import key
from claimgraph.resolve.resolver import Cluster, Resolver
from claimgraph.resolve.score import STRONG, WEAK, Match, compare


class PlainResolver(Resolver):
    """Every candidate compared, in order, the best kept; only a same-name match (1.0) stops."""

    def _place(self, cluster: Cluster) -> tuple[str, Match]:
        if cluster.described and cluster.type == "PERSON":
            return super()._place(cluster)
        names = list(cluster.names)
        weak: list[tuple[str, Match]] = []
        best: tuple[str, Match] | None = None
        for eid in self._candidates(cluster):
            if best is not None and best[1].score >= 1.0:
                break
            state = self.entities[eid]
            if self._is_distinct(names, state.names):
                continue
            same = next((n for n in names if key(n) in state.keys), None)
            match = Match(1.0, "same name", same, same) if same else compare(names, state.names, cluster.type)
            if match.score >= STRONG and (best is None or match.score > best[1].score):
                best = (eid, match)
            elif WEAK <= match.score < STRONG:
                weak.append((eid, match))
        if best:
            return best
        if len(weak) == 1 and (cluster.type != "PERSON" or not cluster.full_names()):
            return weak[0]
        return self._new_entity_id(cluster), Match(0.0, "new entity")


PARTS = ["bo", "ra", "tem", "ul", "zi", "kha", "ven", "do", "mi", "sar"]
SPELLINGS = [("kh", "h"), ("o", "u"), ("i", "y"), ("v", "w")]


def lookalikes(seed: int, n: int) -> list[Mention]:
    """Reports of a few look-alike people, groups and places: spelling variants, family names
    alone, shared family names with other first names."""
    rng = random.Random(seed)

    def word(k: int) -> str:
        return "".join(rng.choice(PARTS) for _ in range(k)).capitalize()

    def respell(name: str) -> str:
        a, b = rng.choice(SPELLINGS)
        return " ".join(w.capitalize() for w in name.lower().replace(a, b, 1).split())

    families = [word(2) for _ in range(6)]
    people = [f"{word(2)} {rng.choice(families)}" for _ in range(30)]
    groups = [f"{word(2)} {rng.choice(['Front', 'Union', 'Council'])}" for _ in range(8)]
    places = [f"{word(2)} {rng.choice(['Valley', 'Gorge', ''])}".strip() for _ in range(8)]
    out = []
    for i in range(n):
        roll = rng.random()
        if roll < 0.6:
            name, type_ = rng.choice(people), "PERSON"
            pick = rng.random()
            text = respell(name) if pick < 0.3 else name.split()[-1] if pick < 0.45 else name
        elif roll < 0.8:
            text, type_ = respell(rng.choice(groups)), "ORG"
        else:
            text, type_ = respell(rng.choice(places)), "PLACE"
        out.append(Mention(id=f"m{i}", document=f"d{i // 6}", start=i, end=i + len(text), text=text, type=type_, label="test"))
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_placement_shortcuts_change_nothing(seed: int):
    reports = lookalikes(seed, 1500)
    distinct = [{"kind": "distinct", "a": reports[0].text, "b": reports[7].text}]
    assert Resolver(judgements=distinct).resolve(reports) == PlainResolver(judgements=distinct).resolve(reports)


@pytest.mark.parametrize(("a", "b", "type_"), [
    ("Zorab Tembiev", "Zurab Tembiyev", "PERSON"), ("Tembiev", "Zorab Tembiev", "PERSON"),
    ("Harvel Union Council", "HUC", "ORG"), ("the Venra Front", "Venra Front group", "ORG"),
    ("Dosar Valley", "Dosar Gorge", "PLACE"), ("Kharam Valley", "Haram Valley", "PLACE"),
])
def test_only_the_same_name_scores_one(a: str, b: str, type_: str):
    """The shortcut rests on this: other evidence, however strong, stays below the same name."""
    assert key(a) != key(b)
    assert compare([a], [b], type_).score < 1.0


def retyped(reports: list[Mention], every: int) -> list[Mention]:
    """Some names typed otherwise, as a tagger does from one report to the next."""
    kinds = ["ORG", "PLACE", "PERSON"]
    return [replace(m, type=kinds[i % 3]) if i % every == 0 else m for i, m in enumerate(reports)]


@pytest.mark.parametrize(("seed", "every"), [(1, 0), (2, 0), (4, 7), (5, 3)])
def test_a_known_name_goes_where_comparing_every_candidate_sends_it(seed: int, every: int):
    """Without judgements a cluster of one known name goes straight to the oldest entity with that
    name when it can (Resolver._oldest_same_name): the same entities and links as comparing every
    candidate in order, names typed otherwise included."""
    reports = lookalikes(seed, 1500)
    if every:
        reports = retyped(reports, every)
    assert Resolver().resolve(reports) == PlainResolver().resolve(reports)


class CountingResolver(Resolver):
    gathered = 0

    def _candidates(self, cluster: Cluster) -> list[str]:
        self.gathered += 1
        return super()._candidates(cluster)


def test_a_known_name_needs_no_candidates_gathered():
    reports = [Mention(id=f"m{i}", document=f"d{i}", start=0, end=13, text="Zorab Tembiev", type="PERSON", label="test")
               for i in range(5)]
    resolver = CountingResolver()
    entities, links = resolver.resolve(reports)
    assert len(entities) == 1 and {e for _, e, _, _ in links} == {entities[0].id}
    assert resolver.gathered == 1  # the first report founds the entity; the others find its name at once
    judged = CountingResolver(judgements=[{"kind": "distinct", "a": "Zorab Tembiev", "b": "Venra Front"}])
    assert judged.resolve(reports) == (entities, links)
    assert judged.gathered == 5  # with judgements every cluster's candidates are gathered and filtered


def crowded(resolver: Resolver) -> Cluster:
    """The oldest entity named 'Zorab Tembiev' (a person, though the name was once typed as an
    organisation), twelve organisations of that name, and twelve other people named Tembiev; then a
    report's cluster of 'Zorab Tembiev'."""
    def mention(i: int, text: str, type_: str) -> Mention:
        return Mention(id=f"x{i}", document="old", start=i, end=i + len(text), text=text, type=type_, label="test")

    resolver.index.new("e-oldest")
    resolver._register("e-oldest", mention(0, "Zorab Tembiev", "ORG"))
    for i, text in enumerate(["Kharon", "Kharon"], 1):
        resolver._register("e-oldest", mention(i, text, "PERSON"))
    for i in range(12):
        resolver.index.new(f"e-org{i}")
        resolver._register(f"e-org{i}", mention(10 + i, "Zorab Tembiev", "ORG"))
    for i, first in enumerate(["Amir", "Boris", "Chaim", "Davit", "Emzar", "Fuad", "Gela", "Hamid", "Ilia", "Jamal", "Kakha", "Levan"]):
        resolver.index.new(f"e-person{i}")
        resolver._register(f"e-person{i}", mention(30 + i, f"{first} Tembiev", "PERSON"))
    cluster = Cluster()
    cluster.add(mention(99, "Zorab Tembiev", "PERSON"), "first mention in the document")
    return cluster


def test_a_known_name_whose_oldest_entity_is_no_candidate_is_compared():
    """The shortcut holds only when the oldest entity with the name is a candidate. Here the twelve
    Tembievs (the smallest block) fill the candidates first, so it is not one, and comparing decides:
    same family name, other first names, a new person."""
    resolver, plain = Resolver(), PlainResolver()
    placed = resolver._place(crowded(resolver))
    assert placed == plain._place(crowded(plain))
    assert resolver.entities["e-oldest"].type == "PERSON" and placed[0] != "e-oldest"
