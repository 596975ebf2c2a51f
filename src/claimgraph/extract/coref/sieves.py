"""The precise sieves, run before the looser ones (Lee et al. 2013): speaker, exact and relaxed
string match, appositives, role appositives, predicate nominatives, relative pronouns,
reflexives, acronyms and demonyms, then head match. Each links what it is sure of and says why."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from claimgraph.extract.context_types import age_before, age_of
from claimgraph.extract.coref.clusters import Clusters, agrees, types_agree
from claimgraph.extract.coref.detect import NAME, NOMINAL, PRONOUN, Candidate
from claimgraph.extract.coref.lexicon import (
    FIRST_PERSON,
    GENERIC_ORG_NOUNS,
    NEW_MARKERS,
    REFLEXIVES,
    RELATIVES,
    SITE_NOUNS,
)
from claimgraph.extract.parsed import children, doc_text
from claimgraph.model import Statement
from claimgraph.words import demonym_key, is_demonym_of


@dataclass
class State:
    """One document's candidates and clusters, shared by the sieves."""

    doc: Doc
    cands: list[Candidate]
    clusters: Clusters
    by_token: dict[int, Candidate]  # token index -> the name covering it, or the nominal or pronoun it heads
    statements: list[tuple[Statement, int | None]]  # a statement and its source's candidate
    raw: str = ""  # the document's text, read once (Doc.text joins every token on each call)

    def __post_init__(self) -> None:
        self.raw = self.raw or doc_text(self.doc)

    def at(self, tok: Token | None) -> Candidate | None:
        return self.by_token.get(tok.i) if tok is not None else None

    def text(self, c: Candidate) -> str:
        return self.raw[c.start : c.end]

    def anchored(self, c: Candidate, left: bool = True) -> bool:
        """A nominal with a name among its modifiers ("the ISIS leader", "the city of Mosul"; with
        `left` False, only after it): a description in its own right. A relative clause is no
        modifier here ("the actress, who starred in American Pie")."""
        kids = [t for t in children(c.head) if t.dep_ not in ("relcl", "acl", "appos", "punct", "cc", "conj")]
        for child in kids:
            if child.i < c.head.i and not left:
                continue
            for t in child.subtree:
                other = self.by_token.get(t.i)
                if other is not None and other.kind == NAME:
                    return True
        return False


def speaker(s: State) -> None:
    """'I', 'me', 'we' inside a quotation are its speaker ('we' only an organisation's)."""
    quoted = [(st, src) for st, src in s.statements if src is not None and st.kind in ("direct", "mixed")]
    if not quoted:
        return
    for c in s.cands:
        if c.kind != PRONOUN or c.lemma not in FIRST_PERSON:
            continue
        for st, src in quoted:
            if st.content.start <= c.start < st.content.end and _inside_quotes(s.raw, st.content.start, c.start):
                source = s.cands[src]
                if FIRST_PERSON[c.lemma] == "sg" or source.type == "ORG" or source.number == "pl":
                    s.clusters.link(c.index, src, f"speaker sieve: {c.lemma!r} inside a quotation of {s.text(source)!r}")
                break


def _inside_quotes(text: str, start: int, at: int) -> bool:
    part = text[start:at]
    return part.count("“") > part.count("”") or part.count('"') % 2 == 1 or part.count("‘") > part.count("’")


def exact_match(s: State) -> None:
    """The same name, or the same definite description, said again ('the suspect' ... 'the suspect')."""
    seen: dict[str, int] = {}
    for c in s.cands:
        if c.kind == PRONOUN or (c.kind == NOMINAL and (not c.definite or c.words & NEW_MARKERS or _owned_by_pronoun(c.head))):
            continue  # "his daughter" twice may be two fathers' daughters
        key = f"{c.kind == NAME}:{_fold(s.text(c))}"
        if key in seen and agrees(c, s.clusters.profile(seen[key])):
            what = "name" if c.kind == NAME else "description"
            s.clusters.link(c.index, seen[key], f"exact match sieve: the same {what} said again")
        seen.setdefault(key, c.index)


def relaxed_match(s: State) -> None:
    """A person's shorter name after a fuller one ('Mark Felt' after 'W. Mark Felt', 'Felt' after
    'Mark Felt'): the most recent full name it is part of, as resolution reads it."""
    people = [(c, _name_words(s.text(c))) for c in s.cands if c.kind == NAME and c.type == "PERSON"]
    fulls: dict[int, set[int]] = defaultdict(set)  # cluster root -> its full (two-word or longer) names
    for c, words in people:
        if len(words) > 1:
            fulls[s.clusters.find(c.index)].add(c.index)
    for i, (c, words) in enumerate(people):
        for other, longer in reversed(people[:i]):
            if len(longer) > len(words) and words and all(w in longer for w in words) and (len(words) > 1 or words[0] in (longer[0], longer[-1])):
                if fulls.get(s.clusters.find(c.index), set()) - {c.index}:
                    break  # "Felt" said again of Mark Felt is not part of 'Joan Felt', named in between
                roots = {s.clusters.find(c.index), s.clusters.find(other.index)}
                s.clusters.link(c.index, other.index, f"relaxed match sieve: part of {s.text(other)!r}")
                fulls[s.clusters.find(c.index)] = set().union(*(fulls.pop(r, set()) for r in roots))
                break


def acronym_and_demonym(s: State) -> None:
    """An organisation's acronym and its full name ('NRU', 'Northern Rail Union'); a nationality
    adjective and its country ('Greek', 'Greece'). Each name is compared, in document order, with
    the earlier names that can fit: those of its initials, or of its demonym key (a key that holds
    for `is_demonym_of` only: a table of irregular nationalities would need its own lookup)."""
    names = [c for c in s.cands if c.kind == NAME and c.type in ("ORG", "PLACE")]
    by_initials: dict[str, list[int]] = defaultdict(list)  # positions in `names`
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(names):
        text = s.text(c)
        acronym = text.isupper() and 2 <= len(text) <= 6
        fits = set(by_initials.get(text, ())) if acronym else set()
        if " " not in text:
            fits.update(by_key.get(demonym_key(text), ()))
        for j in sorted(fits):
            other = names[j]
            if s.clusters.same(c.index, other.index):
                continue
            earlier = s.text(other)
            if acronym and _initials(earlier) == text:
                s.clusters.link(c.index, other.index, f"acronym sieve: {text!r} is the initials of {earlier!r}")
            elif " " not in text and (is_demonym_of(text, earlier) or is_demonym_of(earlier, text)):
                s.clusters.link(c.index, other.index, f"demonym sieve: {text!r} and {earlier!r}")
        by_initials[_initials(text)].append(i)
        by_key[demonym_key(text)].append(i)


def appositive(s: State) -> None:
    """'Jack Ketsoyan, her publicist', 'the ministry, the body that ...': one thing named twice.
    Parts of a list ('X, Y and Z') are not appositions."""
    for c in s.cands:
        if c.kind == PRONOUN or c.head.dep_ != "appos":
            continue
        other = s.at(c.head.head)
        if other is None or other.kind == PRONOUN or _in_list(c.head) or not _compatible(c, other) or "THING" in (c.type, other.type):
            continue
        if c.kind == NAME and other.kind == NAME:
            continue  # two names side by side are often a misparse ("Felt's daughter, Joan Felt"); alias claims join names
        anaphor, antecedent = (c, other) if c.kind != NAME or other.kind == NAME else (other, c)
        s.clusters.link(anaphor.index, antecedent.index, f"appositive sieve: {s.text(anaphor)!r} stands beside {s.text(antecedent)!r}")


def role_appositive(s: State) -> None:
    """A title right before a name ('actress Tara Reid', 'Watergate figure Fred LaRue')."""
    for c in s.cands:
        if c.kind != NOMINAL or c.head.dep_ not in ("compound", "nmod", "amod"):
            continue
        name = s.at(c.head.head)
        if name is not None and name.kind == NAME and name.type == "PERSON" and c.type in ("PERSON", None):
            s.clusters.link(c.index, name.index, f"role appositive sieve: {s.text(c)!r} is the title of {s.text(name)!r}")


def name_modifier(s: State) -> None:
    """An organisation's name before a word for an organisation ('the Islamic State group', 'the
    Hamas movement') or for one of its sites ('a Lidl store', 'the Nordbank branch'): the phrase
    is that organisation, and so is 'the store' that later heads it."""
    for c in s.cands:
        if c.kind != NOMINAL or c.lemma not in GENERIC_ORG_NOUNS and c.lemma not in SITE_NOUNS or c.number == "pl":
            continue
        name = next((s.by_token[t.i] for t in c.head.lefts if t.dep_ in ("compound", "amod", "nmod") and t.i in s.by_token
                     and s.by_token[t.i].kind == NAME and s.by_token[t.i].type == "ORG"), None)
        if name is not None and not s.clusters.same(c.index, name.index):
            s.clusters.link(c.index, name.index, f"name modifier sieve: {s.text(c)!r} is {s.text(name)!r}")


def predicate_nominative(s: State) -> None:
    """'X is the new head of Y', 'Benjamin is a physician': the subject and its description."""
    for c in s.cands:
        if c.kind == PRONOUN or c.head.dep_ != "attr" or c.head.head.lemma_ != "be":
            continue
        verb = c.head.head
        if any(t.dep_ == "neg" for t in children(verb)):
            continue
        subj = s.at(next((t for t in children(verb) if t.dep_ == "nsubj"), None))
        if subj is None or not _compatible(c, subj) or "THING" in (c.type, subj.type) or c.kind == subj.kind == NAME:
            continue
        anaphor, antecedent = (c, subj) if c.kind != NAME or subj.kind == NAME else (subj, c)
        s.clusters.link(anaphor.index, antecedent.index, f"predicate nominative sieve: {s.text(subj)!r} is {s.text(c)!r}")


def relative_pronoun(s: State) -> None:
    """who / whom / whose / which / where: the noun its clause describes."""
    for c in s.cands:
        if c.kind != PRONOUN or c.lemma not in RELATIVES:
            continue
        clause = next((a for a in [c.head, *c.head.ancestors][:4] if a.dep_ == "relcl"), None)
        noun = s.at(clause.head) if clause is not None else None
        if noun is not None and noun.kind != PRONOUN and types_agree(c.type, s.clusters.profile(noun.index).types):
            s.clusters.link(c.index, noun.index, f"relative pronoun sieve: {c.lemma!r} opens a clause about {s.text(noun)!r}")


def reflexive(s: State) -> None:
    """himself / herself / themselves: the subject of its own clause."""
    for c in s.cands:
        if c.kind != PRONOUN or c.lemma not in REFLEXIVES:
            continue
        verb = next((a for a in c.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
        subj = s.at(next((t for t in children(verb) if t.dep_ in ("nsubj", "nsubjpass")), None)) if verb is not None else None
        if subj is not None and subj.index != c.index and agrees(c, s.clusters.profile(subj.index)):
            s.clusters.link(c.index, subj.index, f"reflexive sieve: {c.lemma!r} is the subject of its clause")


def head_match(s: State) -> None:
    """A definite description whose head word names an earlier cluster, and whose modifiers that
    cluster also has ('the brigade' after 'the Northern Shield Brigade'; not 'the new facility')."""
    by_head: dict[str, list[int]] = {}
    for c in s.cands:
        if c.kind == NOMINAL and c.definite and not c.words & NEW_MARKERS and not _owned_by_pronoun(c.head):
            for i in reversed(by_head.get(c.lemma, [])):
                p = s.clusters.profile(i)
                if s.clusters.same(i, c.index):
                    break
                if c.words - {c.lemma} <= p.words and agrees(c, p):
                    s.clusters.link(c.index, i, f"head match sieve: {c.lemma!r} heads {s.text(s.cands[i])!r}")
                    break
        if c.kind != PRONOUN:
            by_head.setdefault(c.lemma, []).append(c.index)


def same_age(s: State) -> None:
    """'Police arrested a 61-year-old former employee. ... Eric Hale, 61, was charged': a
    description of a person by age is the one person the report gives that age, before or after
    it; never when two people share it. Ages are read as mention typing reads them
    (`context_types.age_of`)."""
    ages: dict[int, set[int]] = {}
    for c in s.cands:
        if c.kind == NAME and c.type == "PERSON":
            age = age_of(s.doc[c.span[0] : c.span[1]]) if c.span[1] > c.span[0] else None
            if age is not None:
                ages.setdefault(age, set()).add(c.index)
    if not ages:
        return
    for c in s.cands:
        if c.kind != NOMINAL or c.type not in ("PERSON", None) or c.number == "pl" or c.index in s.clusters.linked:
            continue
        age = next((a for t in s.doc[c.head.left_edge.i : c.head.i] if t.lower_ == "old"
                    and (a := age_before(s.doc, t.i + 1)) is not None), None)
        names = ages.get(age, set()) if age is not None else set()
        if len({s.clusters.find(i) for i in names}) == 1:
            name = min(names)
            if agrees(c, s.clusters.profile(name)):
                s.clusters.link(c.index, name, f"age sieve: {s.text(c)!r} is the {age}-year-old {s.text(s.cands[name])!r}")


def _compatible(a: Candidate, b: Candidate) -> bool:
    types = {a.type, b.type} - {None}
    if len(types) == 2 and not types <= {"ORG", "PLACE", "THING"}:
        return False  # a person is never an organisation, a place or a thing
    return a.number == "?" or b.number == "?" or a.number == b.number


def _owned_by_pronoun(tok: Token) -> bool:
    return any(t.dep_ == "poss" and t.pos_ == "PRON" for t in tok.lefts)


def _in_list(tok: Token) -> bool:
    head = tok.head
    return any(t.dep_ in ("conj", "cc") for t in children(head)) or tok.dep_ == "conj"


def _fold(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def _name_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[\w'-]+", text) if w[:1].isupper()]


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[\w'-]+", name) if w[:1].isupper())
