"""The one registry of predicate frames, and of the extractors that are not (yet) frames.

A **frame** is data: the words that trigger a predicate (verbs, nouns, adjectives) and where
its arguments sit, in logical slots that hold whatever the voice ("they fired him" / "he was
fired by them" / "the fired coach"): see `frames/slots.py`. The engine (`frames/engine.py`)
reads every frame; adding a trigger is adding a word to a frame, adding a predicate is adding
a frame. A **pattern** is a function over one sentence for what a frame cannot say (a
name in brackets, a title run before a name); it is registered here too, under its family,
so that one registry lists everything that extracts claims.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claimgraph.extract.frames.lexicon import Lexicon
from claimgraph.model import Modality

if TYPE_CHECKING:
    from claimgraph.extract.predicates.base import Context, Found

ACTORS = ("PERSON", "ORG")


@dataclass(frozen=True, slots=True)
class Frame:
    """One trigger family of one predicate.

    `subject`, `object`, `agent` and `place` list slots tried in order (the first that names
    something wins); see `slots.SLOTS`. `value` makes the object a text value read off the
    slot ("role": the post's words, "as head coach of X"). `negative` frames report the end of
    what the predicate says (fired, resigned, escaped): the claim is kept with `denied`
    modality. `implies` lets a role value also give leader_of / member_of of the organisation
    it names ("appointed chief executive of X"). `requires` narrows a common verb to one sense
    ("remain" only "in custody").
    """

    name: str
    predicate: str
    verbs: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()
    adjectives: frozenset[str] = frozenset()
    subject: tuple[str, ...] = ("agent",)
    object: tuple[str, ...] = ()
    agent: tuple[str, ...] = ()
    # who the frame's own verb says holds the claim: "the union listed X among the dead" is the union's
    source: tuple[str, ...] = ()
    # a word after a role value: "nominated as surgeon general" is a surgeon general nominee
    role_suffix: str | None = None
    place: tuple[str, ...] = ()
    subject_types: tuple[str, ...] = ACTORS
    object_types: tuple[str, ...] = ("ORG",)
    value: str | None = None
    negative: bool = False
    modality: Modality | None = None
    particle: str | None = None  # a phrasal verb's particle: "step down", "turn down"
    implies: bool = False
    # (slot, lemmas): the frame applies only when that slot holds one of these words
    # ("remained in custody", "went to jail", "served six months")
    requires: tuple[tuple[str, frozenset[str]], ...] = ()
    confidence: float = 0.6
    language: str = "en"  # the language of its trigger words; the engine reads a document's own

    def triggers(self) -> Iterator[tuple[str, str]]:
        for pos, words in (("VERB", self.verbs), ("NOUN", self.nouns), ("ADJ", self.adjectives)):
            for w in sorted(words):
                yield pos, w


PatternFn = Callable[["Context"], Iterable["Found"]]


@dataclass(frozen=True, slots=True)
class Pattern:
    """An extractor over one sentence that is code, not data (see the module docstring)."""

    name: str
    family: str
    find: PatternFn
    language: str = "en"


@dataclass
class Registry:
    frames: list[Frame] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)
    lexicons: dict[str, Lexicon] = field(default_factory=dict)
    _index: dict[tuple[str, str, str], list[Frame]] = field(default_factory=dict)

    def add(self, *frames: Frame) -> None:
        for frame in frames:
            if any(f.name == frame.name for f in self.frames):
                raise ValueError(f"frame {frame.name!r} is registered twice")
            self.frames.append(frame)
            for pos, lemma in frame.triggers():
                self._index.setdefault((frame.language, pos, lemma), []).append(frame)

    def pattern(self, family: str, name: str, language: str = "en") -> Callable[[PatternFn], PatternFn]:
        """Decorator: `@REGISTRY.pattern("names", "alias.brackets.v1")`."""

        def register(fn: PatternFn) -> PatternFn:
            self.patterns.append(Pattern(name, family, fn, language))
            return fn

        return register

    def add_lexicon(self, lexicon: Lexicon) -> None:
        if lexicon.language in self.lexicons:
            raise ValueError(f"a lexicon for {lexicon.language!r} is registered twice")
        self.lexicons[lexicon.language] = lexicon

    def frames_for(self, pos: str, lemma: str, language: str = "en") -> list[Frame]:
        return self._index.get((language, pos, lemma), [])

    def triggered(self, pos: str | None, lemma: str, text: str, language: str = "en") -> list[Frame]:
        """The frames a word triggers by its lemma or its own form ("dies" / "die"), each once,
        in registration order per lemma; `pos` is the word's class (VERB, NOUN, ADJ) or None."""
        if pos is None:
            return []
        found: dict[str, Frame] = {}
        for word in dict.fromkeys((lemma, text)):
            for frame in self.frames_for(pos, word, language):
                found.setdefault(frame.name, frame)
        return list(found.values())

    def patterns_for(self, language: str = "en") -> list[Pattern]:
        return [p for p in self.patterns if p.language == language]

    def languages(self) -> list[str]:
        """Every language with frames of its own."""
        return sorted({f.language for f in self.frames})

    def predicates(self) -> list[str]:
        return sorted({f.predicate for f in self.frames})


REGISTRY = Registry()
