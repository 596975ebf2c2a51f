"""The engine: every registered frame and pattern over one sentence, as `Found` records."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.tokens import Span, Token

from claimgraph.extract.frames.regions import with_regions
from claimgraph.extract.frames.registry import REGISTRY, Frame, Registry
from claimgraph.extract.frames.slots import fill
from claimgraph.extract.frames.values import CHARACTER_NOUNS, implied_memberships, ranked, role_phrase
from claimgraph.extract.parsed import children
from claimgraph.extract.predicates.base import Context, Found, is_aside
from claimgraph.extract.predicates.status import not_yet, unrealised
from claimgraph.model import STATUS_PREDICATES, Mention, Modality

POS_CLASS = {"VERB": "VERB", "AUX": "VERB", "NOUN": "NOUN", "PROPN": "NOUN", "ADJ": "ADJ"}


def run(ctx: Context, registry: Registry = REGISTRY) -> Iterator[Found]:
    """The English patterns, then frames, in registration order (of two equal claims the first is
    kept); other languages run through `claimgraph.extract.ud`."""
    for pattern in registry.patterns_for("en"):
        for found in pattern.find(ctx):
            yield found
            yield from with_regions(ctx, found)
    for tok in ctx.tokens:
        for frame in registry.triggered(POS_CLASS.get(tok.pos_), tok.lemma_.lower(), tok.lower_):
            for found in apply(ctx, frame, tok):
                yield found
                yield from with_regions(ctx, found)


def apply(ctx: Context, frame: Frame, tok: Token) -> Iterator[Found]:
    if frame.particle and not any(c.dep_ in ("prt", "advmod") and c.lower_ == frame.particle for c in children(tok)):
        return
    if unrealised(tok) or frame.predicate in STATUS_PREDICATES and not_yet(tok):
        return
    if not all(any(not words or w.lemma_.lower() in words for t in fill(tok, slot) for w in t.subtree) for slot, words in frame.requires):
        return
    subjects = _mentions(ctx, tok, frame.subject, frame.subject_types)
    if not subjects:
        return
    agent = next(iter(_mentions(ctx, tok, frame.agent, ("PERSON", "ORG", "PLACE"))), None)
    place = next(iter(_mentions(ctx, tok, frame.place, ("PLACE",))), None)
    source = next(iter(_mentions(ctx, tok, frame.source, ("PERSON", "ORG"))), None)
    modality = Modality.DENIED if frame.negative else frame.modality
    if frame.source and source is None and modality is None and any(fill(tok, slot) for slot in frame.source):
        modality = Modality.REPORTED  # a lister the text names by a common noun ("the union")
    rule = f"rules/{frame.name}"
    aside = frame.value == "role" and not frame.negative and is_aside(tok)  # "X, who is known as the minister of war, ..."
    for obj, span in _objects(ctx, tok, frame):
        for s in subjects:
            if isinstance(obj, Mention) and obj.id == s.id:
                continue
            yield Found(frame.predicate, tok, s, rule, object=obj, agent=agent, place=place,
                        confidence=frame.confidence, modality=modality, structural=aside,
                        source=source if source is not None and source.id != s.id else None)
            if frame.implies and span is not None:
                for predicate, org in implied_memberships(ctx, span):
                    if org.id != s.id:
                        yield Found(predicate, tok, s, rule, object=org, agent=agent, confidence=frame.confidence, modality=modality)


def _objects(ctx: Context, tok: Token, frame: Frame) -> list[tuple[Mention | dict[str, Any] | None, Span | None]]:
    """The object (a mention, a value or nothing), with the words of a value for implications."""
    if not frame.object:
        return [(None, None)]
    if frame.value == "role":
        for slot in frame.object:
            for t in fill(tok, slot):
                found = role_phrase(ctx, t)
                if found is not None and frame.role_suffix and not found[0]["value"].lower().endswith(frame.role_suffix):
                    found = ({**found[0], "value": f"{found[0]['value']} {frame.role_suffix}"}, found[1])
                if found is not None:
                    return [] if ranked(found[1], t) or t.lemma_.lower() in CHARACTER_NOUNS else [found]
        return []
    return [(m, None) for m in _mentions(ctx, tok, frame.object, frame.object_types)]


def _mentions(ctx: Context, tok: Token, slots: tuple[str, ...], types: tuple[str, ...]) -> list[Mention]:
    """The mentions the first productive slot names (pronouns and descriptions resolved)."""
    for slot in slots:
        found: list[Mention] = []
        for t in fill(tok, slot):
            m = ctx.at(t)
            if m is not None and m.type != "PERSON" and "PERSON" in types and types[0] == "PERSON":
                m = ctx.titled_person(m) or m  # "the death of ISIS commander X": X
            if m is None and "PLACE" in types and slot.startswith("prep:"):
                m = place_modifier(ctx, t) or _place_of_site(ctx, t)  # "in a Denver hospital", "outside a bar in Leeds"
            if m is None and types == ("ORG",) and slot.startswith("prep:"):
                m = named_modifier(ctx, t, types)  # "with the Falcons organization": the Falcons
            if m is not None and m.type in types and m not in found:
                found.append(m)
        if found:
            return found
    return []


def place_modifier(ctx: Context, noun: Token) -> Mention | None:
    """The place named in front of an unnamed site: "a Denver hospital", "at a Leeds bank", "the
    Lakeview Recovery rehab facility"."""
    return named_modifier(ctx, noun, ("PLACE",), deep=False)


def named_modifier(ctx: Context, noun: Token, types: tuple[str, ...], deep: bool = True) -> Mention | None:
    """The name in front of an unnamed common noun: "the Falcons organization", and with `deep`
    a compound of its first compound ("the Sixers basketball operations department")."""
    if noun.pos_ != "NOUN" or noun.i in ctx.by_token:
        return None
    for c in children(noun):
        if c.dep_ != "compound":
            continue
        for t in (c, *(g for g in children(c) if g.dep_ == "compound" and deep)):
            m = ctx.by_token.get(t.i)
            if m is not None and m.type in types and m.label != "rules/description":
                return m
    return None


def _place_of_site(ctx: Context, noun: Token) -> Mention | None:
    """The place an unnamed site is in: "arrested outside a bar in Leeds": Leeds."""
    if noun.pos_ != "NOUN" or noun.i in ctx.by_token:
        return None
    for c in children(noun):
        for o in (children(c) if c.dep_ == "prep" and c.lower_ in ("in", "at") else ()):
            m = ctx.at(o) if o.dep_ == "pobj" else None
            if m is not None and m.type == "PLACE" and m.label != "rules/description":
                return m
    return None
