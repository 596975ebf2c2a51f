"""Numbers: bounty (money offered for a person); counts live in frames/counts.py."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from claimgraph.extract.parsed import entities
from claimgraph.extract.predicates.base import Context, Found, child, prep_objects
from claimgraph.model import Mention

QUALIFIERS = ("at least", "more than", "fewer than", "less than", "as many as", "up to", "about", "around",
              "roughly", "some", "nearly", "almost", "over", "approximately", "an estimated", "no less than")


def find_values(ctx: Context) -> Iterator[Found]:
    yield from _bounties(ctx)


def _bounties(ctx: Context) -> Iterator[Found]:
    for tok in ctx.tokens:
        if tok.lemma_.lower() not in ("bounty", "reward", "prize", "ransom") or tok.pos_ != "NOUN":
            continue
        money = next((t for t in tok.subtree if t.ent_type_ == "MONEY"), None)
        if money is None:
            money = next((t for t in ctx.tokens if t.ent_type_ == "MONEY" and abs(t.i - tok.i) <= 4), None)
        if money is None:
            continue
        ent = next(e for e in entities(ctx.doc) if e.start <= money.i < e.end)
        target = bounty_target(ctx, tok)
        if target is None:
            continue
        verb = _verb_of(tok)
        agent = ctx.at(child(verb, "nsubj")) if verb.lemma_ in ("offer", "put", "place", "announce", "issue") else None
        yield Found("bounty", tok, target, "rules/bounty.v1", object={"value": ent.text, "datatype": "money"}, agent=agent, confidence=0.8)


BOUNTY_NOUNS = frozenset({"bounty", "reward", "prize", "ransom"})


def bounty_target(ctx: Context, tok: Token) -> Mention | None:
    """The person a bounty noun is offered for: "a bounty on X", "a reward for information on X"
    (the parser may hang the for-phrase on the verb), "X has a bounty on his head"."""
    holders = [tok, tok.head] if tok.dep_ == "dobj" else [tok]
    for _, obj in (pair for h in holders for pair in prep_objects(h, "on", "for")):
        for t in obj.subtree:
            m = ctx.at(t)
            if m is not None and m.type == "PERSON":
                return m
    verb = _verb_of(tok)
    subj = child(verb, "nsubj")
    target = ctx.at(subj) if subj is not None and verb.lemma_ in ("have", "carry", "face") else None
    return target if target is not None and target.type == "PERSON" else None


def _verb_of(tok: Token) -> Token:
    verb = tok.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb
