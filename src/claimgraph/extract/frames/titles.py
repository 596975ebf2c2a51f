"""Titles as relations: the words around a name that say what the person is.

- a title before a name: "Washington Post reporter X", "Sgt. X", "former Finance Minister X"
  -> role (the title's words) and, when the title names an organisation, leader_of / member_of;
- an apposition or a predicate noun: "X, a surgeon and adviser to Y", "X, who was chairman of
  Y", "X is the new head of Y", "appointed X as Y" -> role, and what it implies.

Titles and appositions are presupposed by the sentence, not asserted by its verb: a negation or
hedge on the main verb does not reach them (`structural`).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from claimgraph.extract.coref import referents
from claimgraph.extract.frames.places import origins_in
from claimgraph.extract.frames.registry import REGISTRY
from claimgraph.extract.frames.values import (
    CHARACTER_NOUNS,
    implied_memberships,
    is_role_noun,
    phrase,
    ranked,
)
from claimgraph.extract.lexicon import REPORTING_VERBS, is_person_noun
from claimgraph.extract.parsed import children
from claimgraph.extract.predicates.base import Context, Found, child, is_aside
from claimgraph.extract.predicates.names import as_holder
from claimgraph.model import Mention
from claimgraph.words import TITLE_ABBREVIATIONS

COPULAS = frozenset({"be", "become", "remain"})


HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "miss", "sir", "dame", "madam"})


def _value(text: str) -> dict[str, str]:
    """A title as text, abbreviations spelled out ("Sgt." -> "Sergeant")."""
    words = [TITLE_ABBREVIATIONS.get(w.lower().rstrip("."), w).capitalize() if w.lower().rstrip(".") in TITLE_ABBREVIATIONS else w
             for w in text.split()]
    return {"value": " ".join(words).strip(" ,.“”\"‘’'()"), "datatype": "text"}


@REGISTRY.pattern("posts", "rules/posts.title.v2")
def titles(ctx: Context) -> Iterator[Found]:
    for m in ctx.in_sentence:
        if m.type != "PERSON" or m.label == "rules/description" or m.start is None:
            continue
        if not ctx.sent.start_char <= m.start < ctx.sent.end_char:
            continue
        run = ctx.title_run(m) or _shared_title(ctx, m)
        if not run:
            continue
        role_idx = max(i for i, t in enumerate(run) if is_person_noun(t.lemma_.lower()) or is_person_noun(t.lower_))
        role_tok = run[role_idx]
        span = ctx.doc[run[0].i : role_tok.i + 1]
        if all(t.lower_.rstrip(".") in HONORIFICS or t.is_punct for t in span):
            continue  # "Dr. X" is a form of address, not a post
        yield Found("role", role_tok, m, "rules/posts.title.v2", object=_value(span.text), confidence=0.6, structural=True)
        for predicate, org in implied_memberships(ctx, span):
            yield Found(predicate, role_tok, m, "rules/posts.title.v2", object=org, confidence=0.7, structural=True)
        yield from origins_in(ctx, span, m, role_tok, "rules/places.nationality.v1")


def _shared_title(ctx: Context, m: Mention) -> list[Token]:
    """'Post reporters Bob Woods and Carla Bern': a plural title before two names is each one's."""
    span = ctx.span_of(m)
    if span is None or span.root.dep_ != "conj":
        return []
    first = ctx.by_token.get(span.root.head.i)
    run = ctx.title_run(first) if first is not None and first.type == "PERSON" else []
    return run if run and run[-1].tag_ in ("NNS", "NNPS") else []


@REGISTRY.pattern("posts", "rules/posts.possessive.v1")
def possessive_members(ctx: Context) -> Iterator[Found]:
    """'the Boston Globe's Karen Lind', 'the club's Tom Hale': a person named as an
    organisation's is one of its people."""
    for tok in ctx.tokens:
        if tok.dep_ != "poss" or tok.head.pos_ != "PROPN":
            continue
        org, person = ctx.by_token.get(tok.i), ctx.by_token.get(tok.head.i)
        if org is None or person is None or org.type != "ORG" or person.type != "PERSON" or org.id == person.id:
            continue
        if "rules/description" in (org.label, person.label):
            continue
        yield Found("member_of", tok.head, person, "rules/posts.possessive.v1", object=org, confidence=0.6, structural=True)


@REGISTRY.pattern("posts", "rules/posts.apposition.v2")
def appositions(ctx: Context) -> Iterator[Found]:
    """'X, a surgeon and adviser to Y', 'X, who is chairman of Y', 'X is the head of Y'."""
    for tok in ctx.tokens:
        if tok.pos_ not in ("NOUN", "PROPN") or not is_role_noun(tok, described=False):
            continue  # a capitalised title is a PROPN: "X, Chief Public Relations Officer, said"
        covering = ctx.by_token.get(tok.i)
        if covering is not None and covering.label != "rules/description":
            continue  # part of a name
        if tok.tag_ == "NNS":
            continue  # "four field commanders": a group, not one person's post
        holder, structural = _holder(ctx, tok)
        if holder is None or holder.type != "PERSON" or covering is holder:
            continue
        span = phrase(ctx, tok)
        if span is None or len(span.text) < 2 or (holder.start or 0) < span.end_char and span.start_char < (holder.end or 0):
            continue
        rule = "rules/posts.apposition.v2"
        if tok.lemma_.lower() not in CHARACTER_NOUNS and not ranked(span, tok):  # its memberships still hold
            yield Found("role", tok, holder, rule, object=_value(span.text), confidence=0.6, structural=structural)
        for predicate, org in implied_memberships(ctx, span):
            if org.id != holder.id:
                yield Found(predicate, tok, holder, rule, object=org, confidence=0.6, structural=structural)
        yield from origins_in(ctx, span, holder, tok, "rules/places.nationality.v1")


def _next_to(appos: Token) -> bool:
    """An apposition follows the phrase it renames: only words of that phrase stand between
    ("X, 37, of Leeds, a teacher"). The parser also hangs a list's items on a far subject ("X
    was convicted of killing a judge, a clerk and a deputy"): no apposition."""
    while appos.dep_ == "appos" and appos.head.i != appos.i:
        head = appos.head
        own = {t.i for t in head.subtree}
        if not all(i in own for i in range(min(head.i, appos.left_edge.i), max(head.i, appos.left_edge.i))):
            return False
        appos = head  # "X, a clerk, a former officer": each link of the chain
    return True


def _holder(ctx: Context, tok: Token) -> tuple[Mention | None, bool]:
    """Who the role noun describes, and whether the sentence presupposes it (an apposition)
    rather than asserting it (a predicate noun)."""
    first = tok
    while first.dep_ == "conj" and first.head.pos_ in ("NOUN", "PROPN"):
        first = first.head  # "a surgeon and adviser to Y": the conjunct shares the holder
    if first is not tok and not is_person_noun(first.lemma_.lower()):
        # "chief of the general staff and deputy minister": the parser hangs the second post
        # inside the first one's of-phrase
        first = next((a for a in list(first.ancestors)[:3] if a.pos_ == "NOUN" and is_person_noun(a.lemma_.lower())), first)
    if first.dep_ == "appos":
        return (ctx.at(first.head) if _next_to(first) else None), True
    named = next((c for c in children(first) if c.dep_ == "appos" and c.i in ctx.by_token), None)
    if named is not None:  # "the lawyer for the officer, X"
        return ctx.by_token[named.i], True
    if first.dep_ in ("attr", "oprd") and first.head.lemma_ in COPULAS:
        subj = child(first.head, "nsubj", "nsubjpass")
        return (ctx.at(subj) if subj is not None else None), is_aside(first.head)
    if first.dep_ == "pobj" and first.head.lower_ == "as" and first.head.head.lemma_.lower() in ("nominate", "renominate"):
        return None, False  # "nominated X as Y": a nominee, the nomination frame's (frames/posts.py)
    if first.dep_ == "pobj" and first.head.lower_ == "as":  # "appointed X as Y", "worked as Y"
        return as_holder(ctx, first.head), is_aside(first.head.head)
    if (first.dep_ in ("nsubj", "nsubjpass") and first.tag_ == "NN" and first.head.lemma_.lower() not in REPORTING_VERBS
            and any(c.dep_ == "det" and c.lower_ == "the" for c in children(first))
            and any(c.dep_ in ("amod", "compound") for c in children(first)) and ctx.by_token.get(first.i) is None):
        return ctx.at(first), True  # "The trained sniper and former colonel was wounded": the person named before
    return None, False



# Nouns that say what happened to someone or how they seem, not what they are.
NOT_POSTS = frozenset({"suspect", "victim", "accused", "defendant", "deceased", "survivor", "winner", "loser", "hostage"})


@REGISTRY.pattern("posts", "rules/posts.nominal.v1")
def nominal_posts(ctx: Context) -> Iterator[Found]:
    """'the actress checked into a clinic', 'said the navy chief': a definite description that
    coreference links to a named person says what that person is (presupposed, like a title)."""
    refers = referents(ctx.doc)
    for tok in ctx.tokens:
        holder = refers.get(tok.i) if tok.tag_ == "NN" and tok.i not in ctx.by_token else None
        if holder is None or holder.type != "PERSON" or holder.label == "rules/description":
            continue
        lemma = tok.lemma_.lower()
        if not is_person_noun(lemma) or lemma in CHARACTER_NOUNS or lemma in NOT_POSTS:
            continue
        if tok.dep_ not in ("nsubj", "nsubjpass") or not any(c.dep_ == "det" and c.lower_ == "the" for c in children(tok)):
            continue  # "a lawyer" introduces someone; "as the president of X" is the as-phrase rules'
        if any(c.dep_ not in ("det", "compound", "poss", "case", "punct") for c in children(tok)):
            continue  # "the most accurate player", "the lawyer, X", "the singer who ...": not a plain reference
        words = phrase(ctx, tok)
        if words is not None and not ranked(words, tok):
            yield Found("role", tok, holder, "rules/posts.nominal.v1", object=_value(words.text), confidence=0.5,
                        structural=True)
