"""Types of names that stand together: a list of names, a city before a team's name, a person's
first name before a surname.

"signed with the Harriers, Kelso Comets and Dunmore Pilots": a list whose names are mostly of
one type, with nothing in a name saying otherwise, is all of that type. "Kelso Comets" tagged as
a place "Kelso" and an organisation "Comets" is one organisation. "Ida Brennwald" tagged as an
organisation or a place, its first name a common one and nothing in it an organisation's or a
place's word, is a person. Everything is read from the mentions and their tokens once.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from itertools import pairwise

from spacy.tokens import Doc, Token

from claimgraph.extract.coref.gender import first_name_share, is_first_name
from claimgraph.extract.lexicon import ORG_NAME_HEADS, PLACE_NAME_HEADS, type_from_name
from claimgraph.extract.parsed import char_span, children, tokens
from claimgraph.model import Mention, stable_id

# last words of places and institutions the name heads of lexicon.py leave out ("Lee College", "Estelle Unit")
NOT_SURNAMES = frozenset({"college", "school", "academy", "unit", "township", "beach", "park", "springs", "falls",
                          "creek", "point", "station", "hall", "gardens", "estates", "plaza", "mall", "market",
                          "harbor", "harbour", "grove", "ridge", "woods", "field", "fields", "junction", "landing",
                          # teams and brands named by a singular noun after a city ("Orlando Magic")
                          "magic", "heat", "jazz", "thunder", "storm", "lightning", "fire", "sky", "wild", "galaxy",
                          "dynamo", "crew", "fever", "mercury", "liberty", "dream", "sparks", "lynx", "express"})
NAME_HEADS = ORG_NAME_HEADS | PLACE_NAME_HEADS  # "Marion County Sheriff": no person, whatever its first word
COMMON_FIRST_NAME = 0.01  # percent of the census: "Madeline", "Paul"; not "Le", "Royal", "Long"
_SAID = ("+who", "+described", "+place", "+the", "+of", "+context")


def _doubted(m: Mention) -> bool:
    return (m.label.startswith(("spacy/", "rules/proper-noun")) and not m.label.endswith(_SAID)
            and type_from_name(m.text, "") == "")


def _members(top: Token) -> list[Token]:
    """The heads of a coordination: `top` and its conj children, recursively, in order."""
    out, todo = [], [top]
    while todo:
        tok = todo.pop()
        out.append(tok)
        todo.extend(c for c in children(tok) if c.dep_ == "conj")
    return sorted(out, key=lambda t: t.i)


def retype_lists(doc: Doc, found: dict[tuple[int, int], Mention]) -> None:
    """A name in a list of three or more names takes the type all but one of them share."""
    at: dict[int, tuple[int, int]] = {}
    for key in found:
        span = char_span(doc, key[0], key[1])
        if span is not None and found[key].label != "rules/description":
            at[span.root.i] = key
    done: set[int] = set()
    for i in sorted(at):
        tok = tokens(doc)[i]
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
        if tok.i in done:
            continue
        done.add(tok.i)
        members = _members(tok)
        keys = [at[t.i] for t in members if t.i in at]
        if len(keys) < 3 or any(t.pos_ != "PROPN" for t in members if t.i not in at):
            continue  # "the Ravens and two other teams": a list, but not of names
        (best, n), *_ = Counter(found[k].type for k in keys).most_common()
        if n < len(keys) - 1 or n < 2:
            continue
        for k in keys:
            m = found[k]
            if m.type != best and _doubted(m) and not _full_personal_name(m.text):
                found[k] = replace(m, type=best, label=m.label + "+list")


def _full_personal_name(text: str) -> bool:
    words = text.split()
    return len(words) >= 2 and is_first_name(words[0])


def join_city_teams(document_text: str, found: dict[tuple[int, int], Mention]) -> None:
    """'Kelso' (place) + 'Comets' (organisation, a plural name) side by side: one organisation."""
    keys = sorted(found)
    for a, b in pairwise(keys):
        ma, mb = found.get(a), found.get(b)
        if ma is None or mb is None or ma.type != "PLACE" or mb.type != "ORG":
            continue
        if not (ma.label == "spacy/GPE" and mb.label == "spacy/ORG") or document_text[a[1] : b[0]] != " ":
            continue
        last = mb.text.split()[-1]
        if not (last.endswith("s") and last[:1].isupper() and last[1:].islower() or last[:1].isdigit()):
            continue
        del found[a], found[b]
        found[(a[0], b[1])] = replace(mb, id=stable_id("m", mb.document, a[0], b[1]), start=a[0], end=b[1],
                                      text=document_text[a[0] : b[1]], label="spacy/ORG+team")


def retype_personal_names(found: dict[tuple[int, int], Mention]) -> None:
    """'Ida Brennwald' tagged ORG or PLACE: a first name and capitalised words with no telling word."""
    places = {m.text for m in found.values() if m.type == "PLACE"}
    for key, m in list(found.items()):
        if m.type == "PERSON" or not m.label.startswith("spacy/") or m.label.endswith(_SAID):
            continue
        words = m.text.split()
        if not 2 <= len(words) <= 3 or words[0] in places or any(w.lower() in NAME_HEADS for w in words):
            continue
        if first_name_share(words[0]) < COMMON_FIRST_NAME or words[-1].lower() in NOT_SURNAMES or not all(w[:1].isupper() and w.replace("'", "").replace("-", "").isalpha() for w in words):
            continue
        if words[-1].endswith("s") and not words[-1].endswith(("ss", "is", "us")):
            continue  # "Orlando Comets": a team's plural name
        found[key] = replace(m, type="PERSON", label=m.label + "+first-name")

