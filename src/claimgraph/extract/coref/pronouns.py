"""The last sieve: pronouns by agreement (number, gender, animacy) and salience, as in Lee et
al. (2013): the same sentence before earlier ones, subjects before objects, the nearer before
the farther. `salient` orders the candidates for the description sieves too."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from claimgraph.extract.coref.clusters import agrees
from claimgraph.extract.coref.detect import PRONOUN, Candidate
from claimgraph.extract.coref.lexicon import PRONOUNS
from claimgraph.extract.coref.sieves import State
from claimgraph.extract.parsed import children

WINDOW = 3  # sentences back, as in Lee et al. (2013)
FEATURES = {"sg": "singular", "pl": "plural", "m": "male", "f": "female", "PERSON": "a person", "THING": "not a person",
            "ORG": "an organisation", "PLACE": "a place"}
SUBJECTS = ("nsubj", "nsubjpass")
KINDS = {"PERSON": "person", "ORG": "organisation", "PLACE": "place"}


def salient(s: State, c: Candidate, window: int = WINDOW) -> Iterator[Candidate]:
    """Mentions before `c`, most salient first: its own sentence, then each earlier one; within a
    sentence, subjects before the rest, the shallowest in the parse first, then left to right."""
    first = c.index - 1
    by_sent: dict[int, list[Candidate]] = {}
    while first >= 0 and s.cands[first].sent >= c.sent - window:
        by_sent.setdefault(s.cands[first].sent, []).append(s.cands[first])
        first -= 1
    for sent in sorted(by_sent, reverse=True):
        yield from sorted(by_sent[sent], key=lambda m: (m.head.dep_ not in SUBJECTS, m.depth, m.start))


def pronoun(s: State) -> None:
    """he / she / it / they and their forms: the most salient mention before them that agrees in
    type, number and gender, within three sentences; never an argument of the pronoun's own verb."""
    for c in s.cands:
        if c.kind != PRONOUN or c.lemma not in PRONOUNS or c.index in s.clusters.linked or _pleonastic(c.head):
            continue
        for m in salient(s, c):
            if (m.kind == PRONOUN and m.index not in s.clusters.linked) or s.clusters.same(m.index, c.index):
                continue
            if _bound(c.head, m.head) or not agrees(c, s.clusters.profile(m.index)):
                continue
            same = "same sentence" if m.sent == c.sent else f"{c.sent - m.sent} sentence{'s' if c.sent - m.sent > 1 else ''} back"
            role = "subject" if m.head.dep_ in ("nsubj", "nsubjpass") else "mention"
            s.clusters.link(c.index, m.index, f"pronoun sieve: {_features(c)}, nearest {role} ({same})")
            break


def _features(c: Candidate) -> str:
    parts = [FEATURES.get(c.number, ""), FEATURES.get(c.gender, ""), FEATURES.get(c.type or "", "")]
    return ", ".join(p for p in parts if p)


def _bound(pron: Token, other: Token) -> bool:
    """A personal pronoun is not a co-argument of its own verb ('Obama praised him'), nor the owner
    of the noun it stands in ('her lawyer' is not 'her')."""
    if pron.dep_ == "poss":
        return other.i == pron.head.i
    if pron.dep_ in ("dobj", "iobj", "dative", "nsubj", "nsubjpass") and other.dep_ in ("nsubj", "nsubjpass", "dobj", "iobj", "dative"):
        return other.head.i == pron.head.i
    return False


def _pleonastic(tok: Token) -> bool:
    """'it' standing for no one: 'it is unclear whether', 'it was reported that', 'it rained'."""
    if tok.lower_ != "it":
        return False
    if tok.dep_ == "expl":
        return True
    verb = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass") and any(ch.dep_ in ("ccomp", "xcomp", "csubj") for ch in children(verb)):
        # 'it said that ...' is an organisation speaking; 'it was said that ...' is no one
        return verb.lemma_ in ("be", "seem", "appear", "remain", "become", "take") or tok.dep_ == "nsubjpass"
    return verb.lemma_ in ("rain", "snow")
