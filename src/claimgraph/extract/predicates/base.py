"""What a predicate rule returns, and the sentence context rules share."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from claimgraph.model import Mention

PERSONISH = {"leader", "commander", "man", "militant", "fighter", "jihadist", "chief", "emir", "official", "officer", "colonel", "defector", "sniper", "minister"}


@dataclass
class Found:
    predicate: str
    trigger: Token
    subject: Mention
    rule: str
    object: Mention | dict[str, Any] | None = None
    agent: Mention | None = None
    place: Mention | None = None
    confidence: float = 0.6
    # a description presupposed by the sentence (a title, an apposition): the main verb's
    # negation or hedge does not reach it
    structural: bool = False
    extra_mentions: list[Mention] = field(default_factory=list)


class Context:
    """One sentence with the document's mentions, for the predicate rules."""

    def __init__(self, doc: Doc, sent: Span, mentions: list[Mention], by_token: dict[int, Mention], text: str | None = None):
        self.doc = doc
        self.text = doc.text if text is None else text  # Doc.text joins every token: pass it in once
        self.sent = sent
        self.mentions = mentions
        self.by_token = by_token

    def at(self, tok: Token | None) -> Mention | None:
        """The mention covering `tok`, a pronoun's antecedent, or the mention a
        description stands in apposition to."""
        if tok is None:
            return None
        m = self.by_token.get(tok.i)
        if m is not None:
            if m.label == "rules/description":  # "Tajikistan's top officer, Gumurod Halimov": the name
                return self.named_apposition(tok) or m
            return m
        if tok.pos_ == "PRON" or tok.lower_ in ("his", "her", "its", "their", "whose", "who", "which"):
            return self.antecedent(tok)
        for child in tok.children:
            if child.dep_ == "appos" and child.i in self.by_token:
                return self.by_token[child.i]
        if tok.dep_ == "appos" and tok.head.i in self.by_token:
            return self.by_token[tok.head.i]
        if tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
            if tok.lemma_ in PERSONISH:
                return self.last_of("PERSON", tok.idx)
            return self.last_named(tok.lower_, tok.idx)  # "the brigade" after "the Northern Shield Brigade"
        return None

    def named_apposition(self, tok: Token) -> Mention | None:
        head = tok
        while head.dep_ in ("compound", "amod", "poss") and head.head.i != head.i:
            head = head.head
        for c in head.children:
            m = self.by_token.get(c.i)
            if c.dep_ == "appos" and m is not None and m.label != "rules/description":
                return m
        if head.dep_ == "appos":
            m = self.by_token.get(head.head.i)
            if m is not None and m.label != "rules/description":
                return m
        return None

    def last_named(self, head: str, before: int) -> Mention | None:
        for m in reversed(self.mentions):
            if m.start is not None and m.start < before and m.type == "ORG" and m.text.lower().split()[-1:] == [head]:
                return m
        return None

    def antecedent(self, tok: Token) -> Mention | None:
        low = tok.lower_
        if low in ("who", "whose", "which", "that"):
            head = tok.head
            while head.dep_ not in ("relcl",) and head.head.i != head.i:
                head = head.head
            noun = head.head if head.dep_ == "relcl" else None
            if noun is not None and noun.i != tok.i:
                return self.at(noun)
            return None
        kind = "ORG" if low in ("it", "its", "they", "their", "them") else "PERSON"
        return self.last_of(kind, tok.idx)

    def last_of(self, kind: str, before: int) -> Mention | None:
        for m in reversed(self.mentions):
            if m.start is not None and m.start < before and m.type == kind and m.label != "rules/description":
                return m
        return None

    def in_subtree(self, tok: Token, types: tuple[str, ...] = ("PERSON", "ORG", "PLACE")) -> list[Mention]:
        """Mentions inside tok's subtree, in order, one each."""
        seen: dict[str, Mention] = {}
        for t in tok.subtree:
            m = self.by_token.get(t.i)
            if m is not None and m.type in types and m.id not in seen:
                seen[m.id] = m
        return list(seen.values())

    def first_in(self, tok: Token | None, types: tuple[str, ...] = ("PERSON", "ORG", "PLACE")) -> Mention | None:
        if tok is None:
            return None
        own = self.at(tok)
        if own is not None and own.type in types:
            return own
        found = self.in_subtree(tok, types)
        return found[0] if found else None


def conjuncts(tok: Token) -> list[Token]:
    """tok and the tokens coordinated with it ("X and Y")."""
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out.extend(conjuncts(c))
    return out


def child(tok: Token, *deps: str) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def prep_objects(tok: Token, *preps: str) -> list[tuple[Token, Token]]:
    """(preposition, object) pairs hanging from tok: 'trained under X' -> (under, X)."""
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and (not preps or c.lower_ in preps):
            for o in c.children:
                if o.dep_ == "pobj":
                    out.append((c, o))
    return out
