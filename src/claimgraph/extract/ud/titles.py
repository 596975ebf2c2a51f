"""Role, member_of and leader_of from a title beside a name: "командир бригады «Северный щит»
Руслан Джабраилов", "Idris Malsagov, porte-parole de la brigade". The title nouns come from the
language's lexicon; registered for each language by its frame module (`frames/ru/frames.py`)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from claimgraph.extract.predicates.base import Found
from claimgraph.extract.ud.context import UDContext
from claimgraph.extract.ud.names import span_name
from claimgraph.model import Mention

RULE = "rules/ud.titles.v1"
EDGES = ("punct", "cc", "case", "det", "mark")


def _titles(ctx: UDContext, name: Token) -> list[Token]:
    roles = ctx.lexicon.role_nouns
    out = [c for c in name.children if c.dep_ == "appos" and c.lemma_.lower() in roles]
    # "son commandant, Abu Hamza al-Karsi", "le chef du Front …, Moussa Kader": next to it, whatever the parse
    for tok in ctx.sent:
        if tok.i < name.i and tok.lemma_.lower() in roles and ctx.by_token.get(tok.i) is None and \
                ctx.name_after(tok) is ctx.by_token.get(name.i):
            out.append(tok)
    before = name.doc[name.i - 1] if name.i > 0 else None
    if name.head.lemma_.lower() in roles and name.head.i < name.i and (
            name.dep_ in ("appos", "flat:name") or (before is not None and (before.text == "," or before.i == name.head.i))):
        out.append(name.head)
    return list(dict.fromkeys(out))


def _role_value(ctx: UDContext, title: Token, person: set[int]) -> tuple[str, set[int]] | None:
    words = [t for t in title.subtree if t.i not in person and not (t.i > title.i and t.dep_ in ("acl:relcl", "conj"))]
    keep = sorted(t.i for t in words)
    while keep and ctx.doc[keep[0]].dep_ in EDGES:
        keep.pop(0)
    while keep and ctx.doc[keep[-1]].dep_ in EDGES:
        keep.pop()
    keep = [i for i in keep if i >= title.i]  # the title and what follows it ("командир бригады …")
    if not keep:
        return None
    run = [keep[0]]
    for i in keep[1:]:  # stop at the person's name or the first gap
        if i != run[-1] + 1:
            break
        run.append(i)
    value = span_name(ctx.doc[run[0]:run[-1] + 1], ctx.lexicon.inflected).strip(" ,")
    if run[0] == ctx.sent.start and title.pos_ == "NOUN" and title.lemma_[:1].islower():
        value = value[:1].lower() + value[1:]  # "Командир батальона …" opening a sentence is "командир"
    for opening, closing in ("«»", "“”"):
        if value.count(opening) > value.count(closing):
            value += closing  # the closing quote was cut with the punctuation at the edge
    return value, set(run)


def titled_names(ctx: UDContext) -> Iterator[Found]:
    for tok in ctx.sent:
        person = ctx.by_token.get(tok.i)
        if person is None or person.type != "PERSON" or (tok.i > 0 and ctx.by_token.get(tok.i - 1) is person):
            continue
        inside = {t.i for t in ctx.sent if ctx.by_token.get(t.i) is person}
        root = next((ctx.doc[i] for i in sorted(inside) if ctx.doc[i].head.i not in inside), tok)
        for title in _titles(ctx, root):
            found = _role_value(ctx, title, inside)
            if found is None:
                continue
            value, words = found
            yield Found("role", title, person, RULE, object={"value": value, "datatype": "text"}, structural=True, confidence=0.6)
            predicate = "leader_of" if title.lemma_.lower() in ctx.lexicon.leader_nouns else "member_of"
            for org in _orgs(ctx, words):
                yield Found(predicate, title, person, RULE, object=org, structural=True, confidence=0.6)


def _orgs(ctx: UDContext, words: set[int]) -> list[Mention]:
    out: list[Mention] = []
    for i in sorted(words):
        m = ctx.by_token.get(i)
        if m is not None and m.type == "ORG" and m not in out:
            out.append(m)
    return out
