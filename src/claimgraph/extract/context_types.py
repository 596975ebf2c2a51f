"""What the words around a name say it is, where the tagger's type is wrong.

A name with an age beside it ("Hale, 52,", "the 40-year-old Ida Brenn") is a person; a name
whose residents, natives or police the report speaks of ("a Marlow resident", "Tolworth
police") or that a person comes from ("a man from Ardley", "Ivo Sands, of Pellham,") is a
place; a name after a ship's noun ("the tanker Blue Osprey") is a vessel, typed ORG like any
crewed unit. Each rule reads a few tokens next to the name, so a document costs time in
proportion to its mentions.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from claimgraph.extract.lexicon import type_from_name
from claimgraph.extract.parsed import char_span
from claimgraph.model import Mention

# the nouns a place name modifies when the report speaks of its people or its police
HOME_NOUNS = frozenset({"resident", "residents", "native", "natives", "police", "area", "townspeople", "villagers"})
# people said to come "from" a place: "a woman from Ardley"
PEOPLE_FROM = frozenset({"man", "woman", "men", "women", "boy", "girl", "teenager", "teen", "couple", "family",
                         "resident", "residents", "native", "mother", "father", "son", "daughter", "wife", "husband"})
# nouns (and prefixes) that name a vessel: "the tanker Blue Osprey", "MV Tern"
SHIP_NOUNS = frozenset({"ship", "vessel", "tanker", "supertanker", "freighter", "yacht", "trawler", "ferry", "frigate",
                        "destroyer", "warship", "cruiser", "liner", "dhow", "submarine", "boat", "carrier", "tug",
                        "mv", "mt", "uss", "hms", "ins", "ms", "ss", "rms"})
# relatives whose name follows them: "his wife, Ada", "her son Tomas"
KIN = frozenset({"wife", "husband", "son", "daughter", "brother", "sister", "mother", "father", "girlfriend", "boyfriend",
                 "fiancee", "fiancée", "fiance", "widow", "widower", "nephew", "niece", "cousin", "uncle", "aunt", "grandson",
                 "granddaughter", "grandmother", "grandfather", "stepson", "stepdaughter", "stepfather", "stepmother"})
# labels whose type a rule already read from the text: the tagger's type is the only one doubted here
_SAID = ("+who", "+described", "+place", "+the", "+of")


def _doubted(m: Mention) -> bool:
    return (m.label.startswith(("spacy/", "rules/proper-noun")) and not m.label.endswith(_SAID)
            and type_from_name(m.text, "") == "")


def _is_age(tok: Token) -> bool:
    return tok.like_num and tok.text.isdigit() and 0 < int(tok.text) < 120


def age_before(doc: Doc, i: int) -> int | None:
    """The age written right before token i: '52-year-old', '52 years old'."""
    if i >= 5 and [t.lower_ for t in doc[i - 4 : i]] == ["-", "year", "-", "old"] and _is_age(doc[i - 5]):
        return int(doc[i - 5].text)
    if i >= 3 and [t.lower_ for t in doc[i - 2 : i]] == ["years", "old"] and _is_age(doc[i - 3]):
        return int(doc[i - 3].text)
    return None


def age_of(span: Span) -> int | None:
    """The age a name is given beside it: 'Hale, 52, said' or 'the 52-year-old Ida Hale'."""
    doc = span.doc
    after = doc[span.end : span.end + 3]
    if len(after) == 3 and after[0].text == "," and _is_age(after[1]) and after[2].text in (",", ")"):
        return int(after[1].text)
    if span.end < len(doc) and doc[span.end].pos_ == "NOUN":
        return None  # "a 30-year-old Lisbon man": the age is the man's
    return age_before(doc, span.start)


def _aged(span: Span) -> bool:
    return age_of(span) is not None


def _home(span: Span) -> bool:
    """'a Marlow resident', 'Tolworth police', "Tolworth's police chief", 'the Tolworth-area bank'."""
    doc = span.doc
    i = span.end
    if i < len(doc) and doc[i].text in ("'s", "’s"):
        i += 1
    if i < len(doc) and doc[i].text == "-":
        i += 1
    return i < len(doc) and doc[i].text.islower() and doc[i].lower_ in HOME_NOUNS


def _from_of(span: Span) -> bool:
    """'a woman from Ardley'; 'Ivo Sands, of Pellham,' (a hometown after a person's name and a comma)."""
    root = span.root
    prep = root.head
    if root.dep_ != "pobj" or prep.i == root.i:
        return False
    if prep.lower_ == "from":
        return prep.head.lower_ in PEOPLE_FROM
    if prep.lower_ != "of" or prep.i == 0 or span.doc[prep.i - 1].text != ",":
        return False
    if span.start > 0 and span.doc[span.start - 1].lower_ == "the":  # "of the Harwell Board": no hometown
        return False
    before = span.doc[prep.i - 2] if prep.i >= 2 else None
    return before is not None and (before.ent_type_ == "PERSON" or _is_age(before))


def _kin(span: Span) -> bool:
    """'his wife, Ada' or 'her son Tomas': a relative's name."""
    doc = span.doc
    i = span.start - 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    return i >= 0 and doc[i].lower_ in KIN and doc[i].pos_ == "NOUN"


def _vessel(span: Span) -> bool:
    """'the tanker Blue Osprey', 'MV Tern', 'USS Halden': a ship's noun or prefix just before the name."""
    doc = span.doc
    if span[0].lower_ in SHIP_NOUNS and len(span) > 1 and span[0].text.isupper():
        return True
    prev = doc[span.start - 1] if span.start > 0 else None
    return prev is not None and prev.lower_ in SHIP_NOUNS and prev.pos_ in ("NOUN", "PROPN")


def context_type(doc: Doc, m: Mention) -> str | None:
    """The type the words around a mention give it, when they contradict its tagger's type."""
    if not _doubted(m) or m.start is None or m.end is None:
        return None
    span = char_span(doc, m.start, m.end)
    if span is None:
        return None
    if _vessel(span):
        return "ORG"
    if _aged(span) or _kin(span):
        return "PERSON"
    if _home(span) or _from_of(span):
        return "PLACE"
    return None


def retype_by_context_words(doc: Doc, found: dict[tuple[int, int], Mention]) -> None:
    """Give every mention of a name the type its context words say, in the whole document
    (one sense per discourse); the first name said wins a conflict, in text order."""
    said: dict[str, str] = {}
    for key in sorted(found):
        m = found[key]
        type_ = context_type(doc, m)
        if type_ is not None:
            said.setdefault(m.text, type_)
    for key, m in list(found.items()):
        if m.text in said and m.label != "rules/description" and not m.label.endswith(_SAID):
            found[key] = replace(m, type=said[m.text], label=m.label + "+context")  # marked: no vote undoes it
