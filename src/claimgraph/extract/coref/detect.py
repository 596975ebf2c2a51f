"""Mention detection for coreference: the names and descriptions extraction found, and the
nominals ("the actress", "the group", "the 33-year-old") and pronouns the parse shows, each
with what agreement needs (type, number, gender) and what salience needs (sentence, depth)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.symbols import ADV, DET, NOUN, PRON, PROPN, SCONJ
from spacy.tokens import Doc, Token

from claimgraph.extract.coref.gender import name_gender
from claimgraph.extract.coref.lexicon import (
    COLLECTIVES,
    DETERMINERS,
    FIRST_PERSON,
    PERSON_NOUNS,
    PRONOUNS,
    RELATIVES,
    noun_gender,
    noun_type,
)
from claimgraph.extract.parsed import children, head, sentences, tokens
from claimgraph.model import Mention

NAME, DESCRIPTION, NOMINAL, PRONOUN = "name", "description", "nominal", "pronoun"
WANTED = frozenset({NOUN, PROPN, PRON, DET, ADV, SCONJ})  # parts of speech a candidate can have
LEFT_MODIFIERS = frozenset({"det", "amod", "compound", "nummod", "poss", "nmod", "quantmod", "npadvmod"})


@dataclass(slots=True)
class Candidate:
    """A mention as coreference sees it."""

    index: int  # document order
    start: int
    end: int
    head: Token
    sent: int
    kind: str  # name | description | nominal | pronoun
    type: str | None  # PERSON | ORG | PLACE | THING (not a person) | None (unknown)
    number: str  # sg | pl | ?
    gender: str  # m | f | n | ?
    definite: bool
    lemma: str  # the head's lemma, lower case
    words: frozenset[str]  # lower-case content words of the span
    depth: int  # the head's distance from its sentence's root
    mention: Mention | None = None  # the extraction's mention, for names and descriptions
    label: str = ""  # the raw label of a name ("spacy/GPE")
    span: tuple[int, int] = (0, 0)  # its tokens, start and end (exclusive)

    @property
    def known(self) -> bool:
        """A name or a description: something extraction already made an entity of."""
        return self.kind in (NAME, DESCRIPTION)

    def __repr__(self) -> str:
        return f"<{self.kind} {self.head.i} {self.type}/{self.number}/{self.gender}>"


def sentence_numbers(doc: Doc) -> list[int]:
    out = [0] * len(doc)
    for k, sent in enumerate(sentences(doc)):
        for i in range(sent.start, sent.end):
            out[i] = k
    return out


def depth(tok: Token) -> int:
    """The token's distance from its sentence's root, memoised per document."""
    memo = tok.doc.user_data.setdefault("claimgraph.depth", {})
    path: list[int] = []
    while tok.i not in memo and head(tok).i != tok.i and len(path) < 50:
        path.append(tok.i)
        tok = head(tok)
    n = memo.get(tok.i, 0)
    for i in reversed(path):
        n += 1
        memo[i] = n
    return memo.get(path[0], n) if path else n


def detect(doc: Doc, mentions: list[Mention]) -> list[Candidate]:
    """Every candidate mention of the document, in text order."""
    sent_of = sentence_numbers(doc)
    covered: dict[int, Mention] = {}
    out: list[Candidate] = []
    for m in sorted((m for m in mentions if m.start is not None and m.end is not None), key=lambda m: m.label == "rules/description"):
        span = doc.char_span(m.start or 0, m.end or 0, alignment_mode="expand")
        if span is None or not len(span):
            continue
        if any(t.i in covered for t in span):
            continue  # a description around a name keeps only the name's tokens
        for t in span:
            covered[t.i] = m
        out.append(_known(m, span.root, sent_of))
        out[-1].span = (span.start, span.end)
    for tok in tokens(doc):
        pos = tok.pos  # the integer symbol: this loop sees every token
        if pos not in WANTED or tok.i in covered:
            continue
        cand = _pronoun(tok, sent_of) if pos == PRON or tok.lower_ in RELATIVES else None
        if cand is None and (pos == NOUN or pos == PROPN and tok.lower_ in PERSON_NOUNS) and _heads_a_phrase(tok):
            cand = _nominal(tok, sent_of, covered)
        if cand is not None:
            out.append(cand)
    out.sort(key=lambda c: (c.start, c.end))
    for i, c in enumerate(out):
        c.index = i
    return out


def _known(m: Mention, head: Token, sent_of: list[int]) -> Candidate:
    words = m.text.split()
    if m.label == "rules/description":
        plain = not any(ch.isupper() for ch in m.text)  # "officer" made a mention as a source
        lemma = head.lemma_.lower()
        return Candidate(
            index=0, start=m.start or 0, end=m.end or 0, head=head, sent=sent_of[head.i], kind=NOMINAL if plain else DESCRIPTION,
            type=m.type if not plain else noun_type(lemma) or m.type, number=_noun_number(head), gender=noun_gender(lemma),
            definite=plain and _definite(head) or not plain, lemma=lemma, words=frozenset(w.lower() for w in words),
            depth=depth(head), mention=m, label=m.label)
    number = "sg" if m.type in ("PERSON", "PLACE") else "?"
    gender = name_gender(words + []) if m.type == "PERSON" else "n"
    return Candidate(
        index=0, start=m.start or 0, end=m.end or 0, head=head, sent=sent_of[head.i], kind=NAME, type=m.type,
        number=number, gender=gender, definite=True, lemma=words[-1].lower() if words else "",
        words=frozenset(w.lower() for w in words), depth=depth(head), mention=m, label=m.label)


def _pronoun(tok: Token, sent_of: list[int]) -> Candidate | None:
    low = tok.lower_
    if low in PRONOUNS:
        type_, number, gender = PRONOUNS[low]
    elif low in FIRST_PERSON:
        type_, number, gender = None, FIRST_PERSON[low], "?"
    elif low in RELATIVES and _relative(tok):
        type_, number, gender = RELATIVES[low], "?", "?"
    else:
        return None
    return Candidate(index=0, start=tok.idx, end=tok.idx + len(tok), head=tok, sent=sent_of[tok.i], kind=PRONOUN,
                     type=type_, number=number, gender=gender, definite=True, lemma=low, words=frozenset(),
                     depth=depth(tok), span=(tok.i, tok.i + 1))


def _relative(tok: Token) -> bool:
    """who / which / that / where opening a relative clause (not a question, not 'so that')."""
    return any(anc.dep_ == "relcl" for anc in [tok, *tok.ancestors][:4])


def _heads_a_phrase(tok: Token) -> bool:
    """A noun that heads its own phrase: not a modifier of another noun ("rehab stay"), except a
    title before a name ("actress Tara Reid")."""
    if tok.dep_ in ("compound", "nmod", "amod"):
        return tok.head.pos_ == "PROPN" and tok.i < tok.head.i and (tok.text.islower() or tok.lower_ in PERSON_NOUNS)
    return True


def _nominal(tok: Token, sent_of: list[int], covered: dict[int, Mention]) -> Candidate | None:
    """The noun phrase `tok` heads, from its first modifier to itself (no determiner, no relative
    clause): "33-year-old actress", "Islamic State group"."""
    lemma = tok.lemma_.lower()
    left = [t for child in children(tok) if child.i < tok.i and child.dep_ in LEFT_MODIFIERS and child.i not in covered
            for t in (child.subtree if children(child) else (child,))]
    left = [t for t in left if not (t.lower_ in DETERMINERS or t.lower_ in ("a", "an") or t.is_punct)]
    first = min(left, key=lambda t: t.i) if left else tok
    words = frozenset(t.lemma_.lower() for t in (*left, tok) if t.pos_ in ("NOUN", "ADJ", "PROPN", "NUM", "VERB"))
    return Candidate(
        index=0, start=first.idx, end=tok.idx + len(tok), head=tok, sent=sent_of[tok.i], kind=NOMINAL,
        type=noun_type(lemma) or "THING", number=_noun_number(tok), gender=noun_gender(lemma), definite=_definite(tok),
        lemma=lemma, words=words, depth=depth(tok), span=(first.i, tok.i + 1))


def _noun_number(tok: Token) -> str:
    if tok.lemma_.lower() in COLLECTIVES:
        return "?"
    return "pl" if tok.tag_ in ("NNS", "NNPS") else "sg"


def _definite(tok: Token) -> bool:
    """'the actress', 'this group', 'her lawyer', 'Lohan's lawyer', and bare collectives ('police said')."""
    for child in children(tok):
        if child.i > tok.i:
            break
        if child.dep_ == "det":
            return child.lower_ in DETERMINERS
        if child.dep_ == "poss":
            return True
    return tok.lemma_.lower() in COLLECTIVES
