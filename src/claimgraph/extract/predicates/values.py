"""Numbers: bounty (money offered for a person) and quantity (a count a source gives)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Token

from claimgraph.extract.predicates.base import Context, Found, child, prep_objects
from claimgraph.model import Mention

QUALIFIERS = ("at least", "more than", "fewer than", "less than", "as many as", "up to", "about", "around",
              "roughly", "some", "nearly", "almost", "over", "approximately", "an estimated", "no less than")


def find_values(ctx: Context) -> Iterator[Found]:
    yield from _bounties(ctx)
    yield from _quantities(ctx)


def _bounties(ctx: Context) -> Iterator[Found]:
    for tok in ctx.sent:
        if tok.lemma_.lower() not in ("bounty", "reward", "prize", "ransom") or tok.pos_ != "NOUN":
            continue
        money = next((t for t in tok.subtree if t.ent_type_ == "MONEY"), None)
        if money is None:
            money = next((t for t in ctx.sent if t.ent_type_ == "MONEY" and abs(t.i - tok.i) <= 4), None)
        if money is None:
            continue
        ent = next(e for e in ctx.doc.ents if e.start <= money.i < e.end)
        target = None
        for _, obj in prep_objects(tok, "on", "for"):
            for t in obj.subtree:
                m = ctx.at(t)
                if m is not None and m.type == "PERSON":
                    target = m
                    break
            if target:
                break
        verb = tok.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if target is None:
            subj = child(verb, "nsubj")
            target = ctx.at(subj) if subj is not None and verb.lemma_ in ("have", "carry", "face") else None
        if target is None or target.type != "PERSON":
            continue
        agent = ctx.at(child(verb, "nsubj")) if verb.lemma_ in ("offer", "put", "place", "announce", "issue") else None
        yield Found("bounty", tok, target, "rules/bounty.v1", object={"value": ent.text, "datatype": "money"}, agent=agent, confidence=0.8)


def _quantities(ctx: Context) -> Iterator[Found]:
    for tok in ctx.sent:
        if tok.ent_type_ != "CARDINAL" or tok.dep_ != "nummod" or not re.search(r"\d", tok.text):
            continue
        noun = tok.head
        if noun.pos_ not in ("NOUN", "PROPN") or noun.lemma_.lower() in ("year", "day", "month", "week", "percent", "kilometer", "mile", "time", "hour", "minute"):
            continue
        if tok.i in ctx.by_token:
            continue  # a number inside a name ("Rossiya 24")
        subject = _counted_party(ctx, tok, noun)
        if subject is None:
            continue
        before = ctx.text[max(ctx.sent.start_char, tok.idx - 20) : tok.idx].lower()
        qualifier = next((q for q in QUALIFIERS if before.rstrip().endswith(q)), None)
        unit = ctx.doc[tok.i + 1 : noun.i + 1].text if noun.i > tok.i else noun.text
        value = {"value": tok.text, "datatype": "number", "unit": unit}
        if qualifier:
            value["qualifier"] = qualifier
        yield Found("quantity", tok, subject, "rules/quantity.v1", object=value, confidence=0.5)


def _counted_party(ctx: Context, tok: Token, noun: Token) -> Mention | None:
    """What a count is about: the party the counted noun names ("3,000 Red Cross volunteers",
    "1,000 ISIS fighters": ISIS, not the description), else the place that holds them ("40 cells
    operating on Russian soil", "X is home to 11,000 people")."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.lower_ == "home":
        home = noun.head.head
        return ctx.at(child(home.head, "nsubj")) if home.dep_ in ("attr", "advmod") else None
    own = [ctx.by_token.get(c.i) for c in [noun, *noun.children] if c.i == noun.i or c.dep_ in ("compound", "amod", "poss")]
    party = next((m for m in own if m is not None and m.type in ("ORG", "PLACE") and m.start is not None and m.start > tok.idx), None)
    if party is not None:
        return ctx.named_inside(party)
    if noun.dep_ == "dobj":  # "Lantern Foods employs 4,200 people": the one who has them
        owner = ctx.at(child(noun.head, "nsubj"))
        if owner is not None and owner.type in ("ORG", "PLACE") and owner.label != "rules/description":
            return owner
    for _, obj in prep_objects(noun, "in", "at", "on", "near") + prep_objects(noun.head, "in", "at", "near", "on"):
        where = ctx.first_in(obj, ("ORG", "PLACE"))
        if where is not None:
            return where
    return None
