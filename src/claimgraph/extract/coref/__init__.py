"""Coreference, deterministic and explainable: the multi-pass sieve of Lee et al. (2013).

Mentions are the names and descriptions extraction found plus the nominals and pronouns of
the parse (detect.py). Sieves run from the most precise to the loosest, each over the whole
document, each linking a mention to an antecedent and saying why (sieves.py, pronouns.py).
A nominal or pronoun whose cluster holds a name (or, failing one, a description) becomes a
mention of its own, label `coref/nominal` or `coref/pronoun`, pointing at the mention it was
linked through (`antecedent`) with the sieve's words (`sieve`); one whose cluster names nothing
extraction knows ("a man", "officials", "it" for an event) stays out. The predicate rules
and the claimants read where each pronoun and nominal leads through `referents(doc)`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from claimgraph.extract.coref.clusters import Clusters
from claimgraph.extract.coref.descriptions import general_description, headline
from claimgraph.extract.coref.detect import DESCRIPTION, NAME, PRONOUN, Candidate, detect
from claimgraph.extract.coref.lexicon import PRONOUNS
from claimgraph.extract.coref.pronouns import pronoun
from claimgraph.extract.coref.sieves import (
    State,
    acronym_and_demonym,
    appositive,
    exact_match,
    head_match,
    name_modifier,
    predicate_nominative,
    reflexive,
    relative_pronoun,
    relaxed_match,
    role_appositive,
    same_age,
    speaker,
)
from claimgraph.extract.parsed import children
from claimgraph.model import Document, Mention, Statement, stable_id

SIEVES: tuple[Callable[[State], None], ...] = (
    speaker, exact_match, relaxed_match, acronym_and_demonym, appositive, role_appositive, name_modifier, predicate_nominative,
    relative_pronoun, reflexive, head_match, same_age, general_description, headline, pronoun,
)
USER_DATA_KEY = "claimgraph.coref"


@dataclass
class Coreference:
    mentions: list[Mention] = field(default_factory=list)  # every mention, linked nominals and pronouns added
    refers: dict[int, Mention | None] = field(default_factory=dict)  # token -> the name it refers to; None: nothing known


def resolve_coreference(document: Document, doc: Doc, mentions: list[Mention],
                        sources: list[tuple[Statement, Mention | None, int]]) -> Coreference:
    """Run the sieves over one document; `sources` are its statements, each with its speaker's
    mention and the token of its cue ("said")."""
    state = prepare(doc, mentions, sources)
    for sieve in SIEVES:
        sieve(state)
    out = _emit(document, state, mentions)
    doc.user_data[USER_DATA_KEY] = out.refers
    return out


def prepare(doc: Doc, mentions: list[Mention], sources: list[tuple[Statement, Mention | None, int]] | None = None) -> State:
    """The candidates of one document, each its own cluster, ready for the sieves."""
    cands = detect(doc, mentions)
    by_token = {i: c for c in cands if c.known for i in range(*c.span)}  # a name's every token
    for c in cands:
        by_token.setdefault(c.head.i, c)
    by_mention = {c.mention.id: c.index for c in cands if c.mention is not None}
    statements = [(st, _speaker(doc[cue], by_token, by_mention.get(src.id) if src is not None else None))
                  for st, src, cue in sources or []]
    return State(doc, cands, Clusters(cands), by_token, statements)


def _speaker(cue: Token, by_token: dict[int, Candidate], source: int | None) -> int | None:
    """The candidate that speaks through `cue`: the subject of the reporting verb ("she told"),
    the object of "according to", else the mention attribution chose."""
    for tok in children(cue):
        if tok.dep_ in ("nsubj", "agent", "prep"):
            found = by_token.get(tok.i) or next((by_token[g.i] for g in children(tok) if g.dep_ == "pobj" and g.i in by_token), None)
            if found is not None:
                return found.index
    return source


def referents(doc: Doc) -> dict[int, Mention | None]:
    """Token index -> the mention a pronoun or nominal at that token refers to, as coreference
    decided (None: it refers to nothing extraction knows). Empty before coreference ran."""
    found = doc.user_data.get(USER_DATA_KEY)
    return found if isinstance(found, dict) else {}


def _emit(document: Document, s: State, mentions: list[Mention]) -> Coreference:
    """Walk each cluster from its names (or its descriptions) outwards along the links; every
    mention reached takes the one it was reached from as its antecedent."""
    members: dict[int, list[int]] = defaultdict(list)
    for c in s.cands:
        members[s.clusters.find(c.index)].append(c.index)
    adjacent: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for link in s.clusters.links:
        adjacent[link.anaphor].append((link.antecedent, link.reason))
        adjacent[link.antecedent].append((link.anaphor, link.reason))
    updated = {m.id: m for m in mentions}
    refers: dict[int, Mention | None] = {}
    for _root, group in sorted(members.items()):
        roots = [i for i in group if s.cands[i].kind == NAME] or [i for i in group if s.cands[i].kind == DESCRIPTION]
        if not roots:  # "he" after "a man" refers to no one known; the rules' own guesses decide the rest
            refers.update({s.cands[i].head.i: None for i in group if s.cands[i].kind == PRONOUN
                           and s.cands[i].lemma in PRONOUNS and i in s.clusters.linked})
            continue
        made: dict[int, Mention] = {}
        target: dict[int, Mention] = {}
        queue = []
        for i in roots:
            made[i] = target[i] = updated[s.cands[i].mention.id]  # type: ignore[union-attr]
            queue.append(i)
        type_ = made[roots[0]].type
        while queue:
            i = queue.pop(0)
            for j, reason in sorted(adjacent[i]):
                if j in made:
                    continue
                made[j] = _mention(document, s.cands[j], made[i], reason, type_)
                target[j] = target[i]
                if s.cands[j].mention is not None:
                    updated[made[j].id] = made[j]
                queue.append(j)
        for i in group:
            if i in target and s.cands[i].kind not in (NAME, DESCRIPTION):
                refers[s.cands[i].head.i] = target[i]
        added = [made[i] for i in group if i in made and s.cands[i].mention is None]
        updated.update({m.id: m for m in added})
    return Coreference(sorted(updated.values(), key=lambda m: (m.start is None, m.start or 0, m.end or 0)), refers)


def _mention(document: Document, c: Candidate, antecedent: Mention, reason: str, type_: str) -> Mention:
    if c.mention is not None:  # a description extraction made: it now follows its antecedent
        return replace(c.mention, antecedent=antecedent.id, sieve=reason)
    text = document.text[c.start : c.end]
    return Mention(id=stable_id("m", document.id, c.start, c.end), document=document.id, start=c.start, end=c.end,
                   text=text, type=type_, label=f"coref/{c.kind}", section=document.section_at(c.start),
                   antecedent=antecedent.id, sieve=reason)
