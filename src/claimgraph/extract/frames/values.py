"""Value objects read off the words: a post ("head coach of the 76ers"), and what it implies."""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimgraph.extract.lexicon import LEADER_NOUNS, SUBORDINATE, is_person_noun
from claimgraph.extract.parsed import children
from claimgraph.extract.predicates.base import Context
from claimgraph.model import Mention

# Nouns that stand for a post without naming it: "the post of X", "the job as X".
POST_NOUNS = frozenset({"post", "job", "position", "role", "office", "seat", "title", "spot", "rank", "chair", "career", "stint", "term"})
MAX_WORDS = 12


# Nouns that say nothing about what a person is ("X is the reason", "X, a big part of it").
NOT_ROLES = frozenset({"reason", "way", "thing", "part", "example", "case", "problem", "issue", "question", "matter",
                       "fact", "result", "one", "time", "lot", "kind", "sort", "type", "number", "percent", "subject",
                       "target", "focus", "topic", "name", "source", "sign", "symbol", "face", "victim", "suspect",
                       "surprise", "shock", "mystery", "favorite", "favourite", "exception", "difference", "end", "start",
                       "success", "failure", "year", "day", "age", "son", "daughter", "brother", "sister", "wife", "husband",
                       "father", "mother", "friend", "child", "man", "woman", "boy", "girl", "person", "people"})


# What a person is said to be that is no post: "a caring person", "a true gentleman", "a
# 20-year veteran", "the victim".
CHARACTER_NOUNS = frozenset({"person", "gentleman", "lady", "individual", "guy", "soul", "human", "hero",
                             "heroine", "victim", "veteran", "gem", "legend"})
RANKS = frozenset({"latest", "last", "next", "newest"})


def ranked(span: Span, tok: Token) -> bool:
    """'the fifth coach fired this season', 'the second officer to die', 'the third manager in
    four years': a place in a series the words go on to name, not the person's post. A post
    keeps its rank ('second lieutenant', 'the second deputy of X'); 'first' is most often a
    post's ('the first woman mayor in the city's history')."""
    if not any(t.i < tok.i and (t.ent_type_ == "ORDINAL" and t.lower_ != "first" or t.lower_ in RANKS) for t in span):
        return False
    return any(c.dep_ in ("acl", "relcl", "npadvmod") or c.dep_ == "prep" and (c.lower_ in SERIES_PREPS or _over_time(c))
               for c in children(tok))


SERIES_PREPS = frozenset({"since", "under", "after", "to"})
SPANS_OF_TIME = frozenset({"history", "year", "month", "week", "season", "decade", "day", "time", "era", "tenure"})


def _over_time(prep: Token) -> bool:
    """'in four years', 'in the club's history', 'in 2010': a series over time, not a place."""
    return prep.lower_ in ("in", "within", "over") and any(
        o.dep_ == "pobj" and (o.lemma_.lower() in SPANS_OF_TIME or o.ent_type_ == "DATE") for o in children(prep))


def is_role_noun(tok: Token, described: bool) -> bool:
    """Whether a noun says what someone is: a known post or trade, or, when it describes a named
    person outright ("X, a sprinter", "X is a sprinter"), any singular noun but a few empty ones."""
    lemma = tok.lemma_.lower()
    if is_person_noun(lemma) or is_person_noun(tok.lower_):
        return True
    return described and tok.tag_ == "NN" and lemma not in NOT_ROLES and tok.is_alpha and tok.text.islower()


def role_phrase(ctx: Context, tok: Token) -> tuple[dict[str, str], Span] | None:
    """The post a noun names, with its modifiers and its of/at/for phrase: 'as interim head
    coach of the club' gives 'interim head coach of the club'."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    if tok.lemma_.lower() in POST_NOUNS:
        inner = [o for c in children(tok) if c.dep_ == "prep" and c.lower_ in ("of", "as") for o in children(c) if o.dep_ == "pobj"]
        return role_phrase(ctx, inner[0]) if inner else None
    named = ctx.by_token.get(tok.i)
    if named is not None and named.label != "rules/description" and named.type == "PERSON":
        return None  # a person, not a post
    if not is_person_noun(tok.lemma_.lower()) and (named is None or named.type != "ORG"):
        return None
    span = phrase(ctx, tok)
    if span is None:
        return None
    return {"value": span.text.strip(" ,.“”\"‘’'()"), "datatype": "text"}, span


def phrase(ctx: Context, tok: Token) -> Span | None:
    """A role noun with the modifiers right before it and its of/at/for phrase, read from the
    words next to it (the parse of long noun stacks is unreliable)."""
    inside = {t.i for t in tok.subtree}
    left = tok
    i = tok.i - 1
    while i >= ctx.sent.start and i in inside:
        t = ctx.doc[i]
        if _hyphen(t):  # "Iraqi-born", "highest-ranking", "Washington-based"
            left, i = ctx.doc[i - 1], i - 2
            continue
        if t.dep_ in ("det", "nsubj", "aux", "auxpass", "punct", "cc", "mark", "prep") and t.text not in ("'s", "’s"):
            break
        if t.pos_ not in MODIFIER_POS and t.tag_ not in ("VBG", "VBN"):
            break
        named = ctx.by_token.get(t.i)
        if named is not None and named.type == "PERSON" and named.label != "rules/description":
            break  # "elected Ana Ruiz speaker": the holder, not part of the post
        left, i = t, i - 1
    right = tok
    preps = [c for c in tok.rights if c.dep_ == "prep"]
    if not preps and tok.dep_ == "conj":  # "a surgeon and adviser to X": the parser hangs "to X" on the first
        preps = [c for c in tok.head.rights if c.dep_ == "prep" and c.i > tok.i]
    for c in preps:
        if c.lower_ in ("of", "at", "for", "in", "to", "with") and c.i == right.i + 1:
            right = _clipped_right(c)
    span = ctx.doc[left.i : right.i + 1]
    if len(span) > MAX_WORDS or not span.text.strip():
        return None
    return span


MODIFIER_POS = frozenset({"ADJ", "NOUN", "PROPN", "NUM", "PART", "ADV"})


def _hyphen(t: Token) -> bool:
    """A hyphen joining two words with no space: "Washington-based"."""
    return t.text in ("-", "–") and not t.whitespace_ and t.i > 0 and not t.doc[t.i - 1].whitespace_


def _clipped_right(prep: Token) -> Token:
    """The end of a prepositional phrase, before a relative clause, apposition or comma."""
    right = prep
    for t in prep.subtree:
        if t.dep_ in ("relcl", "appos", "acl", "punct", "cc", "conj") and t.i > prep.i and not _hyphen(t):
            break
        right = t if t.i > right.i else right
    return right


def implied_memberships(ctx: Context, span: Span) -> list[tuple[str, Mention]]:
    """'chief executive of Lantern Foods' makes its holder leader_of Lantern Foods; 'deputy
    director of X', 'a reporter for X' make the holder member_of X."""
    orgs: list[Mention] = []
    for t in span:
        m = ctx.by_token.get(t.i)
        if m is not None and m.type == "ORG" and m.label != "rules/description" and m not in orgs:
            orgs.append(m)
    if not orgs:
        named = _named_before(ctx, span)
        orgs = [named] if named is not None else []
    if not orgs:
        return []
    words = [t.lemma_.lower() for t in span]
    prep = next((t for t in span if t.pos_ == "ADP"), None)
    head_word = (span.doc[prep.i - 1] if prep is not None and prep.i > span.start else span[-1]).lemma_.lower()
    leads = (head_word in LEADER_NOUNS or head_word in ("executive", "ceo")) and not any(w.rstrip("-") in SUBORDINATE for w in words)
    org = orgs[-1]
    if leads and prep is not None and prep.lower_ == "of" and (org.start or 0) < prep.idx:
        leads = False  # "the company's head of investor relations" leads a department, not the company
    return [("leader_of" if leads else "member_of", org)]



def _named_before(ctx: Context, span: Span) -> Mention | None:
    """The organisation a common noun of the post stands for, named earlier in the report: 'a
    navy spokesman', 'a spokesman for the ministry' after 'the Indian Navy', 'the Defence Ministry'."""
    for t in span:
        own = ctx.by_token.get(t.i)
        if t.pos_ not in ("NOUN", "PROPN") or not t.text.islower() or is_person_noun(t.lemma_.lower()) or (
                own is not None and own.label != "rules/description"):
            continue
        modifier = t.dep_ == "compound" and t.head.i in {u.i for u in span}
        definite = t.dep_ == "pobj" and t.head.lower_ in ("of", "for", "at", "with") and any(
            c.dep_ == "det" and c.lower_ == "the" for c in children(t))
        if modifier or definite:
            found = ctx.last_named(t.lower_, span.start_char)
            if found is not None and found.label != "rules/description":
                return found
    return None
