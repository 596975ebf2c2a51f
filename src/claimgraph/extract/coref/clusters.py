"""Clusters of candidate mentions, the links that made them, and agreement between a mention and
a cluster (type, number, gender), pooled over the cluster as in Lee et al. (2013)."""

from __future__ import annotations

from dataclasses import dataclass, field

from claimgraph.extract.coref.detect import NAME, Candidate


@dataclass(slots=True)
class Link:
    anaphor: int  # candidate index
    antecedent: int
    reason: str  # "pronoun sieve: singular, female, nearest subject"


@dataclass(slots=True)
class Profile:
    """What a cluster's members say about it together."""

    types: set[str] = field(default_factory=set)
    numbers: set[str] = field(default_factory=set)
    genders: set[str] = field(default_factory=set)
    heads: set[str] = field(default_factory=set)  # head lemmas and names' last words
    words: set[str] = field(default_factory=set)
    labels: set[str] = field(default_factory=set)  # raw labels of its names ("spacy/GPE")
    known: bool = False  # holds a name or a description

    @classmethod
    def of(cls, c: Candidate) -> Profile:
        """The profile of a cluster of one candidate (every candidate of a document gets one)."""
        kept = c.kind != "pronoun"
        return cls({c.type} if c.type else set(), {c.number} if c.number != "?" else set(),
                   {c.gender} if c.gender in ("m", "f") else set(), {c.lemma} if kept else set(),
                   set(c.words) if kept else set(), {c.label.split("+")[0]} if c.label else set(), c.known)

    def merge(self, other: Profile) -> None:
        self.types |= other.types
        self.numbers |= other.numbers
        self.genders |= other.genders
        self.heads |= other.heads
        self.words |= other.words
        self.labels |= other.labels
        self.known = self.known or other.known


class Clusters:
    """Union-find over the candidates; every union goes through `link`, which records why."""

    def __init__(self, cands: list[Candidate]):
        self.cands = cands
        self.parent = list(range(len(cands)))
        self.profiles = {c.index: Profile.of(c) for c in cands}
        self.links: list[Link] = []
        self.linked: set[int] = set()  # anaphors that found an antecedent

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:
            self.parent[i], i = root, self.parent[i]
        return root

    def same(self, a: int, b: int) -> bool:
        return self.find(a) == self.find(b)

    def profile(self, i: int) -> Profile:
        return self.profiles[self.find(i)]

    def link(self, anaphor: int, antecedent: int, reason: str) -> None:
        self.linked.add(anaphor)
        ra, rb = self.find(anaphor), self.find(antecedent)
        if ra == rb:
            return
        self.links.append(Link(anaphor, antecedent, reason))
        keep, gone = min(ra, rb), max(ra, rb)
        self.parent[gone] = keep
        self.profiles[keep].merge(self.profiles.pop(gone))


def agrees(c: Candidate, p: Profile) -> bool:
    """Whether mention `c` may refer to the cluster described by `p`."""
    return types_agree(c.type, p.types) and number_agrees(c.number, p.numbers) and gender_agrees(c.gender, p.genders)


def types_agree(type_: str | None, types: set[str]) -> bool:
    if type_ is None or not types:
        return True
    if type_ == "THING":  # it, its, which: anything but a person
        return "PERSON" not in types
    return type_ in types or (types <= {"THING"} and type_ != "PERSON")


def number_agrees(number: str, numbers: set[str]) -> bool:
    return number == "?" or not numbers or number in numbers


def gender_agrees(gender: str, genders: set[str]) -> bool:
    if gender not in ("m", "f") or len(genders) != 1:
        return True  # unknown, or a cluster whose members disagree: no evidence either way
    return gender in genders


def named(c: Candidate) -> bool:
    return c.kind == NAME
