"""The frames and patterns of a document's language over one sentence, as `Found` records."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, cast

from spacy.tokens import Token

from claimgraph.extract.frames.registry import REGISTRY, Frame, Registry
from claimgraph.extract.predicates.base import Found
from claimgraph.extract.ud.context import UDContext
from claimgraph.extract.ud.slots import fill
from claimgraph.model import Mention, Modality

# an adjective of state the small parsers tag as an adverb ("vivant") is read as one
POS_CLASS = {"VERB": "VERB", "AUX": "VERB", "NOUN": "NOUN", "PROPN": "NOUN", "ADJ": "ADJ", "ADV": "ADJ"}
ARGUMENTS = ("nsubj", "nsubj:pass", "obj", "iobj")


def run(ctx: UDContext, registry: Registry = REGISTRY) -> Iterator[Found]:
    language = ctx.lexicon.language
    for pattern in registry.patterns_for(language):
        yield from pattern.find(cast(Any, ctx))  # a pattern registered for a UD language reads a UDContext
    for tok in ctx.sent:
        for frame in registry.triggered(POS_CLASS.get(tok.pos_), tok.lemma_.lower(), tok.lower_, language):
            yield from apply(ctx, frame, tok)


def apply(ctx: UDContext, frame: Frame, tok: Token) -> Iterator[Found]:
    subjects = _mentions(ctx, tok, frame.subject, frame.subject_types) or _left_person(ctx, tok, frame)
    if not subjects:
        return
    agent = next(iter(_mentions(ctx, tok, frame.agent, ("PERSON", "ORG", "PLACE"))), None)
    objects: list[Mention | None] = list(_mentions(ctx, tok, frame.object, frame.object_types)) if frame.object else [None]
    modality = Modality.DENIED if frame.negative else frame.modality
    for obj in objects:
        for s in subjects:
            if obj is None or obj.id != s.id:
                yield Found(frame.predicate, tok, s, f"rules/{frame.name}", object=obj, agent=agent,
                            confidence=frame.confidence, modality=modality)


def _mentions(ctx: UDContext, tok: Token, slots: tuple[str, ...], types: tuple[str, ...]) -> list[Mention]:
    """The mentions of the first slot that names one of the right type."""
    for slot in slots:
        found: list[Mention] = []
        for t in fill(tok, slot, ctx.lexicon):
            m = ctx.at(t)
            if m is not None and m.type in types and m not in found:
                found.append(m)
        if found:
            return found
    return []


def _left_person(ctx: UDContext, tok: Token, frame: Frame) -> list[Mention]:
    """A verb of status the parser left without arguments ("…, Abou Hamza al-Karsi, avait été tué
    dimanche" parsed as a modifier of "dimanche"): the nearest person named before it in its
    clause, when that person is not the subject of another verb."""
    if tok.pos_ != "VERB" or "PERSON" not in frame.subject_types or any(c.dep_ in ARGUMENTS for c in tok.children):
        return []
    for i in range(tok.i - 1, ctx.sent.start - 1, -1):
        t = ctx.doc[i]
        if t.dep_ == "mark" or (t.pos_ == "VERB" and t.lemma_.lower() in ctx.lexicon.reporting_verbs):
            return []
        m = ctx.by_token.get(i)
        if m is not None and m.type == "PERSON":
            return [] if t.head.pos_ == "VERB" and t.head.i != tok.i and t.dep_.startswith("nsubj") else [m]
    return []
