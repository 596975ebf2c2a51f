"""Where: origin (born in, from, native of) and located_in (based in, deployed to, went to)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from claimgraph.extract.lexicon import LOCATION_PREPS, LOCATION_VERBS
from claimgraph.extract.predicates.base import Context, Found, child, conjuncts, prep_objects
from claimgraph.model import Mention


def _places(ctx: Context, tok: Token) -> list[Mention]:
    out: list[Mention] = []
    for c in conjuncts(tok):
        m = ctx.first_in(c, ("PLACE",))
        if m is not None and m not in out:
            out.append(m)
        for extra in ctx.in_subtree(c, ("PLACE",)):
            if extra not in out and c.lemma_ in ("battlefield", "city", "region", "province", "country", "area", "town", "base", "bases"):
                out.append(extra)
    return out


def _actor(ctx: Context, tok: Token) -> list[Mention]:
    subj = child(tok, "nsubj", "nsubjpass")
    if subj is None and tok.dep_ in ("acl", "relcl", "amod"):
        m = ctx.at(tok.head)
        return [m] if m and m.type in ("PERSON", "ORG") else []
    if subj is None and tok.dep_ in ("conj", "advcl", "xcomp") and tok.head.i != tok.i:
        return _actor(ctx, tok.head)
    if subj is None:
        return []
    return [m for m in (ctx.at(c) for c in conjuncts(subj)) if m is not None and m.type in ("PERSON", "ORG")]


# Nouns for a party's presence somewhere: "ISIS operations in northern Syria", "its bases in X".
PRESENCE_NOUNS = frozenset({"operation", "force", "base", "fighter", "militant", "troop", "unit", "position",
                            "stronghold", "camp", "cell", "group", "presence", "garrison", "outpost", "headquarters"})
# Nouns that make a place a party's seat: "Raqqa, the so-called capital of ISIS".
SEAT_NOUNS = frozenset({"capital", "stronghold", "bastion", "heartland", "headquarters", "base", "seat"})
SETTLED = frozenset({"deploy", "base", "station", "concentrate", "position", "locate", "mass", "gather"})


def _presence(ctx: Context) -> Iterator[Found]:
    """'all ISIS operations in northern Syria, including forces deployed around Idlib and
    Aleppo', 'a number of Caucasus Emirate groups, mostly in Dagestan'."""
    last_owner: Mention | None = None
    for tok in ctx.sent:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in PRESENCE_NOUNS:
            continue
        owner = None
        if tok.i in ctx.by_token:
            continue  # "the IS group": the noun is part of a name
        for c in tok.children:
            m = ctx.at(c) if c.dep_ in ("poss", "compound", "nmod") else None
            if m is not None and (m.type == "ORG" or (m.type == "PLACE" and c.dep_ == "poss")):
                owner = m
        if owner is None and tok.dep_ == "pobj" and tok.head.lower_ == "including":
            owner = last_owner  # "..., including forces deployed around X": the same party's
        if owner is None:
            continue
        last_owner = owner
        heads = [tok, *[c for c in tok.children if c.dep_ in ("acl", "amod") and c.lemma_.lower() in SETTLED]]
        for head in heads:
            for _, obj in prep_objects(head, *LOCATION_PREPS - {"for", "to", "into"}):
                for p in _places(ctx, obj):
                    if p.id != owner.id:
                        yield Found("located_in", tok, owner, "rules/located.presence.v1", object=p, confidence=0.5)


def _seats(ctx: Context) -> Iterator[Found]:
    for tok in ctx.sent:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in SEAT_NOUNS:
            continue
        place = ctx.at(tok.head) if tok.dep_ == "appos" else ctx.at(child(tok.head, "nsubj")) if tok.dep_ == "attr" else None
        if place is None:  # "Raqqa, the so-called capital of ISIS" however it is parsed
            i = tok.left_edge.i - 1
            if i > ctx.sent.start and ctx.doc[i].text == ",":
                place = ctx.by_token.get(i - 1)
        if place is None or place.type != "PLACE":
            continue
        for _, obj in prep_objects(tok, "of"):
            party = ctx.first_in(obj, ("ORG",))
            if party is not None:
                yield Found("located_in", tok, party, "rules/located.seat.v1", object=place, confidence=0.5, structural=True)


# People nouns whose "from X" or place modifier says where someone comes from.
ORIGIN_NOUNS = frozenset({"militant", "fighter", "defector", "native", "man", "woman", "jihadist", "recruit",
                          "volunteer", "citizen", "national", "refugee", "immigrant", "emigre", "migrant", "resident"})


def _origins(ctx: Context) -> Iterator[Found]:
    """'a militant from Georgia's Pankisi Gorge', 'the highest-ranking defector from Tajikistan',
    'the Iraqi-born Saudi Arabia citizen'."""
    for tok in ctx.sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "NOUN" and lemma in ORIGIN_NOUNS:
            holder = _person_of(ctx, tok)
            if holder is None:
                continue
            places = [p for _, obj in prep_objects(tok, "from") for p in _places(ctx, obj)]
            if lemma in ("citizen", "national", "native", "resident"):  # "a Saudi Arabia citizen"
                places += [m for m in (ctx.by_token.get(c.i) for c in tok.children if c.dep_ in ("compound", "amod")) if m is not None and m.type == "PLACE"]
            for p in places:
                yield Found("origin", tok, holder, "rules/origin.from.v1", object=p, structural=True)
        if lemma in ("bear", "born") and tok.dep_ == "amod" and tok.i > ctx.sent.start and ctx.doc[tok.i - 1].text == "-":
            where = ctx.by_token.get(tok.i - 2)  # "Iraqi-born"
            holder = _person_of(ctx, tok.head)
            if where is not None and where.type == "PLACE" and holder is not None:
                yield Found("origin", tok, holder, "rules/origin.born-hyphen.v1", object=where, structural=True)


def _person_of(ctx: Context, noun: Token) -> Mention | None:
    """The person a noun stands for: its name in apposition, the subject it is said of, or the
    person named just before ("the defector")."""
    m = ctx.at(noun)
    if m is None and noun.dep_ == "attr":
        m = ctx.at(child(noun.head, "nsubj"))
    if m is None and noun.dep_ == "conj":
        m = _person_of(ctx, noun.head)
    return m if m is not None and m.type == "PERSON" else None


def find_locations(ctx: Context) -> Iterator[Found]:
    yield from _presence(ctx)
    yield from _seats(ctx)
    yield from _origins(ctx)
    for tok in ctx.sent:
        lemma = tok.lemma_.lower()
        if lemma in ("bear", "born") and tok.tag_ == "VBN":
            for _, obj in prep_objects(tok, "in"):
                for s in _actor(ctx, tok):
                    for p in _places(ctx, obj):
                        if s.type == "PERSON":
                            yield Found("origin", tok, s, "rules/origin.born-in.v1", object=p)
        if lemma == "native" or (lemma == "national" and tok.pos_ == "NOUN"):
            holder = ctx.at(tok.head) if tok.dep_ == "appos" else ctx.at(child(tok.head, "nsubj")) if tok.dep_ == "attr" else None
            for _, obj in prep_objects(tok, "of"):
                for p in _places(ctx, obj):
                    if holder is not None and holder.type == "PERSON":
                        yield Found("origin", tok, holder, "rules/origin.native.v1", object=p)
        if tok.pos_ in ("VERB", "AUX", "ADJ") and lemma in LOCATION_VERBS:
            if lemma == "fight" and not prep_objects(tok, "in"):
                continue
            preps = ("for",) if lemma == "flee" else tuple(LOCATION_PREPS - {"for"})
            for _, obj in prep_objects(tok, *preps):
                for s in _actor(ctx, tok):
                    for p in _places(ctx, obj):
                        if p.id != s.id:
                            yield Found("located_in", tok, s, f"rules/located.{lemma}.v1", object=p, confidence=0.5)
            if lemma in ("deploy", "station", "base", "locate", "present") and tok.dep_ in ("acl", "amod"):
                holder = ctx.first_in(tok.head, ("ORG", "PERSON"))
                for _, obj in prep_objects(tok, *LOCATION_PREPS):
                    for p in _places(ctx, obj):
                        if holder is not None:
                            yield Found("located_in", tok, holder, f"rules/located.{lemma}.v1", object=p, confidence=0.5)
        if lemma == "base" and tok.tag_ == "VBN" and tok.dep_ == "amod":
            # "the Washington-based Foundation": hyphenated base
            based = ctx.at(tok.head)
            for c in tok.children:
                where = ctx.at(c)
                if where is not None and where.type == "PLACE" and based is not None and based.type == "ORG":
                    yield Found("located_in", tok, based, "rules/located.hyphen-based.v1", object=where)
