"""One sentence of a UD-parsed document with its mentions: what slots and patterns read."""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

from claimgraph.extract.frames.lexicon import Lexicon
from claimgraph.model import Document, Mention

NEAR = 600  # characters: how far back a pronoun's antecedent may be


def is_third_person(tok: Token, lexicon: Lexicon) -> bool:
    """A personal or possessive pronoun of the third person ("il", "sa", "его", "он")."""
    if tok.pos_ not in ("PRON", "DET"):
        return False
    return tok.lower_ in lexicon.pronouns or tok.lemma_.lower() in lexicon.pronouns


class UDContext:
    def __init__(self, doc: Doc, sent: Span, document: Document, lexicon: Lexicon, by_token: dict[int, Mention],
                 people: list[Mention]) -> None:
        self.doc = doc
        self.sent = sent
        self.document = document
        self.lexicon = lexicon
        self.by_token = by_token
        self.people = people  # named PERSON mentions in text order, for pronouns
        self._starts = [m.start or 0 for m in people]

    def at(self, tok: Token) -> Mention | None:
        """The mention a token names: its own, the name a title stands in apposition to ("командир
        ... Руслан Джабраилов", "le porte-parole Idris Malsagov"), or a pronoun's antecedent."""
        m = self.by_token.get(tok.i)
        if m is not None and m.label != "rules/description":
            return m
        for child in tok.children:
            if child.dep_ in ("appos", "flat:name") and child.i in self.by_token:
                return self.by_token[child.i]
        if tok.dep_ == "appos" and tok.head.i in self.by_token:
            return self.by_token[tok.head.i]
        if m is None and tok.lemma_.lower() in self.lexicon.role_nouns:
            named = self.name_after(tok)
            if named is not None:
                return named
        if m is None and is_third_person(tok, self.lexicon):
            return self.antecedent(tok)
        return m

    def name_after(self, title: Token) -> Mention | None:
        """The person named right after a title and its phrase, or after a comma that follows
        them ("son commandant, Abu Hamza al-Karsi", "le chef du Front …, Moussa Kader"), however
        the parser linked the two."""
        inside = {t.i for t in title.subtree}
        i = title.i + 1
        while i < self.sent.end and i in inside and i not in self.by_token and self.doc[i].text != ",":
            i += 1
        while i < self.sent.end and i in self.by_token and self.by_token[i].type != "PERSON" and i in inside:
            i += 1  # an organisation named in the title ("du Front de libération")
        if i < self.sent.end and self.doc[i].text == ",":
            i += 1
        m = self.by_token.get(i) if i < self.sent.end else None
        return m if m is not None and m.type == "PERSON" and m.start == self.doc[i].idx else None

    def antecedent(self, tok: Token) -> Mention | None:
        """The last person named before a pronoun, at most a short paragraph back."""
        i = bisect_left(self._starts, tok.idx) - 1
        governors = {a.i for a in tok.ancestors}
        while i >= 0 and tok.idx - self._starts[i] <= NEAR:
            m = self.people[i]
            if not self._subject_of(m, governors):
                return m
            i -= 1
        return None

    def _subject_of(self, m: Mention, governors: set[int]) -> bool:
        """The person is the subject of a verb the pronoun hangs from: "Азиз Рахимов опроверг
        сообщения о его гибели" speaks of someone else's death (Russian says "свой" for one's own)."""
        span = self.doc.char_span(m.start or 0, m.end or 0, alignment_mode="expand")
        if span is None:
            return False
        head = span.root
        while head.dep_ in ("appos", "flat:name", "flat") and head.head.i != head.i:
            head = head.head
        return head.dep_.startswith("nsubj") and head.head.i in governors
