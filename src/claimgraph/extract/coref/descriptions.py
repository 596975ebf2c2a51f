"""Descriptions that take up an entity named elsewhere: a definite description of a general kind
('the actress', 'the group', 'the country') takes up the most salient named entity of that kind
before its sentence; a headline's bare description ('Teen Killed By Police') is the person the
report then names."""

from __future__ import annotations

from spacy.tokens import Token

from claimgraph.extract.coref.clusters import agrees
from claimgraph.extract.coref.detect import NAME, NOMINAL
from claimgraph.extract.coref.lexicon import (
    GENERIC_ORG_NOUNS,
    GENERIC_PLACE_NOUNS,
    IDENTITY_NOUNS,
    LEADER_WORDS,
    NEW_MARKERS,
)
from claimgraph.extract.coref.pronouns import KINDS, salient
from claimgraph.extract.coref.sieves import State

NAMING_VERBS = frozenset({"know", "call", "name", "dub", "identify", "nickname"})
TAKING_UP = IDENTITY_NOUNS | LEADER_WORDS
AHEAD = 2  # sentences after a headline where the person it describes is named


def general_description(s: State) -> None:
    """'the actress', 'the teenager', 'the group', 'the country': a definite description of a
    general kind takes up the most salient named entity of that kind nearby. A possessed noun
    ('her lawyer') or one marked as new ('the other man') is someone else."""
    for c in s.cands:
        if c.kind != NOMINAL or c.index in s.clusters.linked or not c.definite or c.words & NEW_MARKERS:
            continue
        if any(t.dep_ == "poss" for t in c.head.lefts) or c.head.dep_ in ("compound", "appos", "attr"):
            continue
        if s.anchored(c, left=c.type != "PERSON"):  # "the American Pie star" is still the star; "the city of Mosul" is Mosul
            continue
        if any(t.dep_ == "appos" or (t.dep_ == "acl" and t.lemma_ in NAMING_VERBS) for t in c.head.rights):
            continue  # "the commander known as X": the name comes next
        labels = GENERIC_PLACE_NOUNS.get(c.lemma)
        if not (c.lemma in TAKING_UP or c.lemma in GENERIC_ORG_NOUNS or labels or c.lemma.endswith("-year-old")):
            continue
        for m in salient(s, c):
            p = s.clusters.profile(m.index)
            if m.sent == c.sent and _speaks_over(m.head, c.head):
                continue  # "X said the star went ...": the star is not X
            if not p.known or c.type not in p.types or not agrees(c, p) or s.clusters.same(m.index, c.index):
                continue
            if labels and not {f"spacy/{x}" for x in labels} & p.labels:
                continue
            s.clusters.link(c.index, m.index, f"description sieve: {s.text(c)!r} takes up the most salient {KINDS.get(c.type or '', 'one')} nearby")
            break



def _speaks_over(subject: Token, tok: Token) -> bool:
    """`subject` is the subject of a clause that holds `tok`."""
    return subject.dep_ in ("nsubj", "nsubjpass") and any(a.i == subject.head.i for a in tok.ancestors)


def headline(s: State) -> None:
    """A headline's description of a person ('Teen Killed By Police', 'Actress Checks Into Rehab')
    is the person the first lines of the report name, when they name one of that gender."""
    for c in s.cands:
        if c.kind != NOMINAL or c.sent != 0 or c.index in s.clusters.linked or c.type != "PERSON" or c.lemma not in TAKING_UP:
            continue
        if any(t.dep_ == "poss" for t in c.head.lefts) or c.words & NEW_MARKERS:
            continue
        named = next((m for m in s.cands[c.index + 1 :] if m.sent <= AHEAD and m.kind == NAME and m.type == "PERSON"
                      and agrees(c, s.clusters.profile(m.index))), None)
        if named is not None and named.sent > 0:
            s.clusters.link(c.index, named.index, f"headline sieve: {s.text(c)!r} is the person the report names first")
