"""The data model of ../shared/spec/claims.md as frozen dataclasses.

Mentions are what the text names; entities are what resolution makes of them. Claims and
statements point at mentions (`subject`, `claimant`, ...) so that they survive
re-resolution; exports translate mention ids into entity ids.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

ENTITY_TYPES = ("PERSON", "ORG", "PLACE")

PREDICATES = (
    "alias", "member_of", "leader_of", "role", "trained_by", "origin", "located_in",
    "affiliated_with", "allied_with", "opposed_to", "dead", "wounded", "alive", "arrested",
    "released", "defected_to", "bounty", "quantity",
)
STATUS_PREDICATES = ("dead", "wounded", "alive", "arrested", "released")


class Modality(StrEnum):
    ASSERTED = "asserted"
    REPORTED = "reported"
    HEDGED = "hedged"
    DENIED = "denied"


class Section(StrEnum):
    BODY = "body"
    COMMENT = "comment"
    META = "meta"


def stable_id(prefix: str, *parts: object, length: int = 12) -> str:
    """A short id derived from its parts: the same inputs give the same id on every run."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}:{digest[:length]}"


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    source: str
    text: str
    title: str | None = None
    publisher: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    language: str | None = None
    duplicate_of: str | None = None
    comment_start: int | None = None  # where an appended reader-comment section begins
    status: str = "analysed"  # "linked" (a language no analyser reads: names of known entities only); "not-analysed" in older stores
    status_reason: str | None = None

    def section_at(self, offset: int) -> Section:
        if self.comment_start is not None and offset >= self.comment_start:
            return Section.COMMENT
        return Section.BODY


@dataclass(frozen=True, slots=True)
class Mention:
    id: str
    document: str
    start: int | None  # None for names taken from metadata (publisher, byline)
    end: int | None
    text: str
    type: str  # PERSON | ORG | PLACE
    label: str  # the raw NER label, or the rule that made it
    section: Section = Section.BODY
    entity: str | None = None
    # coreference: the mention this one refers back to (a pronoun's or description's antecedent)
    # and the sieve that linked them, in words ("pronoun sieve: singular, female, ...")
    antecedent: str | None = None
    sieve: str | None = None

    @property
    def is_reference(self) -> bool:
        """A pronoun or common-noun phrase ("she", "the group") that coreference linked: it refers
        to an entity without being one of its names."""
        return self.label.startswith("coref/")


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    type: str
    name: str
    aliases: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Statement:
    id: str
    document: str
    source: str | None  # mention id of the speaker
    source_text: str
    cue: str
    content: Span
    kind: str  # direct | indirect | mixed


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    document: str
    subject: str  # mention id
    predicate: str
    evidence: Span
    modality: Modality = Modality.ASSERTED
    object: dict[str, Any] | None = None  # {"mention": id} or {"value", "datatype", ...}
    time: dict[str, str] | None = None
    place: str | None = None  # mention id
    agent: str | None = None  # mention id
    claimant: str | None = None  # mention id; None means the document's publisher
    statement: str | None = None
    extractor: str = "rules"
    confidence: float = 0.5


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    id: str
    subject: str  # entity id
    predicate: str
    object: dict[str, Any] | None
    time: dict[str, str] | None
    place: str | None
    claims: tuple[str, ...]
    support: int
    grade: str
    reasons: tuple[str, ...] = ()
    history: tuple[dict[str, str], ...] = field(default=())
    counts: dict[str, int] = field(default_factory=dict)  # sources, reports, hedged, denied, copies


@dataclass(frozen=True, slots=True)
class Conflict:
    id: str
    kind: str  # status | value | denial
    claims: tuple[str, ...]
    summary: str


class Judgement(StrEnum):
    """A person's decision about two names; stored, listed, replayed, undoable."""

    MERGE = "merge"
    SPLIT = "split"
    DISTINCT = "distinct"
