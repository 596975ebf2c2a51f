"""What resolution knows of the entities so far: each one's names and type votes, and the
blocking keys they are filed under (EntityIndex).

In a full run it all lives in memory. Against a store (`EntitySource`, which the store
implements) it is fetched as a report needs it: the entities filed under the keys of that
report's names, and their state; what this run changed is handed back to be written. Either way
the candidates of a name are the same, so an incremental run ends where a full one would.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

from claimgraph.model import Entity
from claimgraph.resolve.names import (
    acronym,
    description_key,
    description_stems,
    fold,
    is_acronym,
    key,
    name_tokens,
    org_core,
    place_core,
    skeleton,
)
from claimgraph.resolve.score import prefix_key
from claimgraph.words import demonym_stems, is_demonym_of

MAX_BLOCK = 16  # a key shared by more entities than this does not discriminate: skip it
BIG_BLOCK = 4 * MAX_BLOCK  # past this even the smallest block of a name gives no candidates
# words that many organisation and place names share: never a blocking key on their own
GENERIC_TOKENS = frozenset({
    "front", "brigade", "party", "council", "group", "army", "forces", "force", "state", "national", "ministry",
    "movement", "union", "valley", "gorge", "province", "city", "river", "north", "south", "east", "west",
    "northern", "southern", "eastern", "western", "united", "republic", "islamic", "democratic", "new", "the",
})
TYPE_ORDER = ("PERSON", "ORG", "PLACE")
# what a store keeps of an entity: id, type, order, named, type votes, names and their counts, display name
StoredState = tuple[str, str, int, bool, dict[str, int], dict[str, int], str]
# what is written back: id, type, display name, order, named, type votes, names, key of the display name
StateRow = tuple[str, str, str, int, bool, dict[str, int], dict[str, int], str]


class EntitySource(Protocol):
    """The entities a store holds, as resolution asks for them (claimgraph.store implements it)."""

    def entity_block(self, key: str, limit: int) -> list[str]: ...
    def entity_states(self, ids: Sequence[str]) -> list[StoredState]: ...
    def entities_displayed_as(self, display_key: str) -> list[str]: ...
    def next_entity_order(self) -> int: ...
    def has_entity(self, entity_id: str) -> bool: ...


def majority_type(votes: Counter[str]) -> str:
    """The type most votes give, ties in TYPE_ORDER (PERSON, ORG, PLACE)."""
    if not votes:
        return "ORG"
    if len(votes) == 1:  # most often one type alone: it wins when it is one of TYPE_ORDER and has a vote
        ((only, n),) = votes.items()
        if n > 0 and only in TYPE_ORDER:
            return only
    best, most = TYPE_ORDER[0], -1
    for t in TYPE_ORDER:
        n = votes.get(t, 0)
        if n > most:
            best, most = t, n
    return best


_demonym_of = lru_cache(maxsize=1 << 18)(is_demonym_of)  # the same pairs of names meet again and again


def _adjective(n: str, names: Iterable[str]) -> bool:
    """"Karsian" beside "Karsia": a people's adjective where its country is named too."""
    return any(_demonym_of(n, other) for other in names if other != n)


def display_name(names: Counter[str]) -> str:
    """The name to show: a full name (two name tokens or more) before a short one, a name in Latin
    script before one in another (the workspace speaks English), then the most used, then the
    longest."""
    return max(names, key=lambda n: (min(len(name_tokens(n)), 2), is_latin(n), not _adjective(n, names), names[n], len(n), n))


def is_latin(name: str) -> bool:
    """Every letter in the Latin script (accents included: "Malsagov", "Défense")."""
    return all(ord(c) < 0x250 or not c.isalpha() for c in name)


@dataclass
class EntityState:
    id: str
    names: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    order: int = 0
    keys: set[str] = field(default_factory=set)  # exact-match keys of its names
    named: bool = False  # has a name, not only descriptions
    type: str = "ORG"  # majority of `types`, kept current by add()
    _display: str | None = field(default=None, repr=False, compare=False)
    # which names are a people's adjective of another of its names: it depends on the set of names
    # only, so it is kept until a name comes or goes
    _adjectives: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)

    def add(self, name: str, type_: str, weight: int = 1) -> None:
        names, types = self.names, self.types
        count = names.get(name, 0)
        known = count > 0 or name in names
        names[name] = count + 1
        types[type_] = types.get(type_, 0) + weight
        self.type = majority_type(types)
        if not known:  # a new name may make another one an adjective: choose again when asked
            self.keys.add(key(name))
            self._display = None
            self._adjectives.clear()
        elif self._display is not None and name != self._display and self._rank(name) > self._rank(self._display):
            self._display = name  # one more use of a known name: only it can overtake the one shown

    def _rank(self, n: str) -> tuple[int, bool, int, int, str]:
        """display_name's order, for one name."""
        adjective = self._adjectives.get(n)
        if adjective is None:
            adjective = self._adjectives[n] = _adjective(n, self.names)
        return (min(len(name_tokens(n)), 2), not adjective, self.names[n], len(n), n)

    def remove(self, name: str | None, type_: str) -> None:
        """Take back what add() gave (a judgement moved the mention elsewhere)."""
        if name is not None:
            self.names[name] -= 1
            if self.names[name] <= 0:
                del self.names[name]
            self.keys = {key(n) for n in self.names}
            self._adjectives.clear()
        self.types[type_] -= 1
        if self.types[type_] <= 0:
            del self.types[type_]
        self.type = majority_type(self.types)
        self._display = None

    def display(self) -> str:
        if self._display is None:
            self._display = display_name(self.names) if self.names else ""
        return self._display

    def to_entity(self) -> Entity:
        return Entity(id=self.id, type=self.type, name=self.display(), aliases=tuple(self.names.most_common()))

    def row(self) -> StateRow:
        name = self.display()
        return (self.id, self.type, name, self.order, self.named, dict(self.types), dict(self.names), key(name))


@lru_cache(maxsize=1 << 19)
def blocking_keys(name: str, type_: str) -> frozenset[str]:
    """Keys under which an entity with this name is filed; candidates share at least one."""
    keys = {f"k:{key(name)}"}
    toks = name_tokens(name)
    if type_ == "PERSON":
        if len(toks) >= 2:
            keys.add(f"fl:{skeleton(toks[0])[:1]}:{skeleton(toks[-1])}")
        if toks:
            keys.add(f"s:{skeleton(toks[-1])}")
    else:
        keys.update(f"t:{skeleton(t)}" for t in toks if len(t) > 2 and t not in GENERIC_TOKENS)
        keys.add(f"c:{place_core(name)}")
        if is_acronym(name):
            keys.add(f"a:{fold(name).replace(' ', '')}")
        acr = acronym(name)
        if acr:
            keys.add(f"a:{acr}")
        prefix = prefix_key(name) if type_ == "ORG" else None
        if prefix:
            keys.add(f"p:{prefix}")
        if type_ == "ORG" and org_core(name):  # "the IS group" / "IS"
            keys.add(f"o:{org_core(name)}")
        described = description_key(name) if type_ == "ORG" else None
        if described:  # "Georgian military" / "Georgia's armed forces"
            keys.update(f"x:{described[1]}:{w[:4]}" for w in description_stems(name))
        if type_ == "PLACE":  # "Russian" files under russia, "Lebanese" under leban
            keys.update(f"d:{stem[:4]}" for stem in demonym_stems(name))
            if " " not in fold(name):
                keys.add(f"d:{fold(name)[:4]}")
    return frozenset(keys)


class EntityIndex:
    """Entity states and blocks: complete in memory, or fetched from `source` as needed."""

    def __init__(self, source: EntitySource | None = None):
        self.source = source
        self.entities: dict[str, EntityState] = {}
        self.blocks: dict[str, set[str]] = defaultdict(set)
        self.next_order = source.next_entity_order() if source else 0
        self.fetched: set[str] = set()  # keys read from the source
        self.filed: set[tuple[str, str]] = set()  # (key, entity) filed in this run (with a source)
        self.stored_names: dict[str, str] = {}  # display names as the source had them
        self._ordered: dict[str, list[str]] = {}  # a block's entities oldest first, while it is unchanged
        self._filings: set[tuple[str, str, str]] = set()  # (entity, name, type) filed: a name used again files nothing

    def new(self, entity_id: str, order: int | None = None) -> EntityState:
        state = self.entities[entity_id] = EntityState(entity_id, order=self.next_order if order is None else order)
        if order is None:
            self.next_order += 1
        return state

    def state(self, entity_id: str) -> EntityState:
        """The entity's state: in memory, else from the source, else a new one."""
        if entity_id not in self.entities and self.source is not None:
            self.load([entity_id])
        return self.entities.get(entity_id) or self.new(entity_id)

    def exists(self, entity_id: str) -> bool:
        return entity_id in self.entities or (self.source is not None and self.source.has_entity(entity_id))

    def file(self, name: str, type_: str, entity_id: str) -> None:
        filing = (entity_id, name, type_)
        if filing in self._filings:
            return  # under every key of the name already (blocks only grow)
        self._filings.add(filing)
        for k in blocking_keys(name, type_):
            block = self.blocks[k]
            if entity_id not in block:
                block.add(entity_id)
                self._ordered.pop(k, None)
            if self.source is not None:
                self.filed.add((k, entity_id))

    def ordered(self, k: str) -> list[str]:
        """The entities of block `k`, oldest first (orders never change while a run goes on)."""
        found = self._ordered.get(k)
        if found is None:
            found = self._ordered[k] = sorted(self.blocks[k], key=lambda e: self.entities[e].order)
        return found

    def load(self, ids: Iterable[str]) -> None:
        wanted = sorted({e for e in ids if e not in self.entities})
        if not wanted or self.source is None:
            return
        for eid, type_, order, named, types, names, shown in self.source.entity_states(wanted):
            state = EntityState(eid, names=Counter(names), types=Counter(types), order=order, named=named, type=type_)
            state.keys = {key(n) for n in names}
            self.entities[eid] = state
            self.stored_names[eid] = shown

    def fetch(self, keys: Iterable[str]) -> None:
        """Bring the source's blocks of `keys` into memory, with the states of every entity in a
        block small enough to be compared (the others only count)."""
        if self.source is None:
            return
        wanted: list[str] = []
        for k in sorted(set(keys) - self.fetched):
            self.fetched.add(k)
            ids = self.source.entity_block(k, BIG_BLOCK + 1)
            if ids:
                self.blocks[k].update(ids)
                self._ordered.pop(k, None)
                if len(ids) <= BIG_BLOCK:
                    wanted.extend(ids)
        self.load(wanted)

    def displayed_as(self, display_key: str, known: Container[str] = ()) -> list[str]:
        """Named entities whose display name has this key, oldest first; those in `known` (the
        candidates a caller has already) left out."""
        entities = self.entities

        def shown(e: str) -> bool:
            state = entities.get(e)
            return state is not None and state.named and key(state.display()) == display_key

        block = self.blocks.get(f"k:{display_key}")
        found = {e for e in block if e not in known and shown(e)} if block else set()
        if self.source is not None:
            stored = [e for e in self.source.entities_displayed_as(display_key) if e not in found and e not in known]
            self.load(stored)
            found.update(e for e in stored if shown(e))
        if len(found) < 2:
            return list(found)
        return sorted(found, key=lambda e: self.entities[e].order)

    def rows(self, ids: Iterable[str]) -> list[StateRow]:
        return [self.entities[e].row() for e in sorted(ids) if e in self.entities]

    def keys_of(self, live: set[str]) -> list[tuple[str, int, str]]:
        """(key, order, entity) to write: what this run filed, or every filing in a full run."""
        pairs = self.filed if self.source is not None else {(k, e) for k, es in self.blocks.items() for e in es}
        return sorted((k, self.entities[e].order, e) for k, e in pairs if e in live and e in self.entities)

    def renamed(self, ids: Iterable[str]) -> set[str]:
        """Entities whose display name this run changed."""
        return {e for e in ids if e in self.stored_names and e in self.entities
                and self.entities[e].names and self.entities[e].display() != self.stored_names[e]}
