"""Where a document's cluster goes: the resolver's shortcut (the first candidate with one of the
cluster's names ends the search) gives what comparing every candidate in order gives."""

from __future__ import annotations

import random

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
