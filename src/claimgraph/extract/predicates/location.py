"""Where: origin (born in, from, native of) and located_in (based in, deployed to, went to)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from claimgraph.extract.lexicon import LOCATION_PREPS, LOCATION_VERBS
from claimgraph.extract.parsed import children
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
                            "stronghold", "camp", "cell", "group", "presence", "garrison", "outpost", "headquarters",
                            "brigade", "battalion", "column", "detachment", "contingent"})
# Nouns that make a place a party's seat: "Raqqa, the so-called capital of ISIS".
SEAT_NOUNS = frozenset({"capital", "stronghold", "bastion", "heartland", "headquarters", "base", "seat"})
SETTLED = frozenset({"deploy", "base", "station", "concentrate", "position", "locate", "mass", "gather"})


def _presence(ctx: Context) -> Iterator[Found]:
    """'all ISIS operations in northern Syria, including forces deployed around Idlib and
    Aleppo', 'a number of Caucasus Emirate groups, mostly in Dagestan'."""
    last_owner: Mention | None = None
    for tok in ctx.tokens:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in PRESENCE_NOUNS:
            continue
        owner = None
        covering = ctx.by_token.get(tok.i)
        if covering is not None and covering.label != "rules/description":
            continue  # "the IS group": the noun is part of a name
        if covering is not None:  # "Hamas militants in Rafah": the name inside the description
            inner = ctx.named_inside(covering)
            owner = inner if inner is not covering and inner.type == "ORG" else None
        for c in children(tok):
            m = ctx.at(c) if c.dep_ in ("poss", "compound", "nmod") else None
            if m is not None and (m.type == "ORG" or (m.type == "PLACE" and c.dep_ == "poss")):
                owner = m
        via_of = [obj for _, obj in prep_objects(tok, "of")]
        if owner is None:  # "brigades of ISIS militants in X"
            found = next((m for obj in via_of for m in [ctx.first_in(obj, ("ORG",))] if m is not None), None)
            owner = ctx.named_inside(found) if found is not None else None
        if owner is None and tok.dep_ == "pobj" and tok.head.lower_ == "including":
            owner = last_owner  # "..., including forces deployed around X": the same party's
        if owner is None:
            continue
        last_owner = owner
        heads = [tok, *via_of, *[c for c in children(tok) if c.dep_ in ("acl", "amod") and c.lemma_.lower() in SETTLED]]
        # "bases including in X"
        heads += [p for c in children(tok) if c.dep_ == "prep" and c.lower_ == "including" for p in children(c) if p.dep_ == "prep"]
        places = [p for head in heads for _, obj in prep_objects(head, *LOCATION_PREPS - {"for", "to", "into"}) for p in _places(ctx, obj)]
        places += [p for head in heads if head.dep_ == "prep" and head.lower_ in LOCATION_PREPS
                   for obj in children(head) if obj.dep_ == "pobj" for p in _places(ctx, obj)]
        where = _where_clause(ctx, tok)
        if where is not None:
            places.append(where)
        for p in dict.fromkeys(places):
            if p.id != owner.id:
                yield Found("located_in", tok, owner, "rules/located.presence.v1", object=p, confidence=0.5)


def _where_clause(ctx: Context, tok: Token) -> Mention | None:
    """'Al Tabqah, where thousands of ISIS fighters were trapped': the place a 'where' clause
    hangs from."""
    for a in tok.ancestors:
        if a.dep_ == "relcl" and any(c.lower_ == "where" for c in children(a)):
            place = ctx.at(a.head)
            return place if place is not None and place.type == "PLACE" else None
    return None


CAPTURE_VERBS = frozenset({"take", "capture", "seize", "overrun", "storm", "occupy", "retake", "recapture", "enter", "liberate"})


def _captures(ctx: Context) -> Iterator[Found]:
    """'they had taken the city of Mosul', 'rebels seized Idlib': the captor is there."""
    for tok in ctx.tokens:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in CAPTURE_VERBS:
            continue
        dobj = child(tok, "dobj")
        if dobj is None:
            continue
        places = _places(ctx, dobj) or [p for _, obj in prep_objects(dobj, "of") for p in _places(ctx, obj)]
        for s in _actor(ctx, tok):
            for p in places:
                if s.type == "ORG" and p.id != s.id:
                    yield Found("located_in", tok, s, "rules/located.captured.v1", object=p, confidence=0.5)


def _homes(ctx: Context) -> Iterator[Found]:
    """'said from his home in Georgia's Pankisi Gorge': where a person lives."""
    for tok in ctx.tokens:
        if tok.lemma_.lower() != "home" or tok.pos_ != "NOUN":
            continue
        poss = child(tok, "poss")
        person = ctx.at(poss) if poss is not None else None
        if person is None or person.type != "PERSON":
            continue
        for _, obj in prep_objects(tok, "in"):
            for p in _places(ctx, obj):
                yield Found("located_in", tok, person, "rules/located.home.v1", object=p, confidence=0.5)


def _seats(ctx: Context) -> Iterator[Found]:
    for tok in ctx.tokens:
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
                          "volunteer", "citizen", "national", "refugee", "immigrant", "emigre", "migrant"})


def _origins(ctx: Context) -> Iterator[Found]:
    """'a militant from Georgia's Pankisi Gorge', 'the highest-ranking defector from Tajikistan',
    'the Iraqi-born Saudi Arabia citizen'."""
    for tok in ctx.tokens:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "NOUN" and lemma in ORIGIN_NOUNS:
            holder = _person_of(ctx, tok)
            if holder is None:
                continue
            places = [p for _, obj in prep_objects(tok, "from") for p in _places(ctx, obj)]
            if lemma in ("citizen", "national", "native"):  # "a Saudi Arabia citizen"
                places += [m for m in (ctx.by_token.get(c.i) for c in children(tok) if c.dep_ in ("compound", "amod")) if m is not None and m.type == "PLACE"]
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
    yield from _captures(ctx)
    yield from _homes(ctx)
    yield from _origins(ctx)
    for tok in ctx.tokens:
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
            for c in children(tok):
                where = ctx.at(c)
                if where is not None and where.type == "PLACE" and based is not None and based.type == "ORG":
                    yield Found("located_in", tok, based, "rules/located.hyphen-based.v1", object=where)
