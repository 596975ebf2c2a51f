"""Compare two names, or two sets of names, of one type: a score, the rule, and why.

Scores: >= 0.85 strong (merge), 0.4-0.6 weak (a shared family name or a name prefix:
merge only when it is the single candidate), < 0 a guard (different first names with the
same family name: never merge).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from claimgraph.resolve.names import (
    FACILITY_GENERIC,
    LANDFORM,
    ORG_GENERIC,
    ORG_WORDS_EN,
    acronym,
    fold,
    is_acronym,
    key,
    name_tokens,
    org_core,
    org_words,
    place_core,
    raw_tokens,
    same_description,
    skeleton,
)
from claimgraph.words import is_demonym_of

STRONG = 0.85
WEAK = 0.4


@dataclass(frozen=True, slots=True)
class Match:
    score: float
    rule: str
    a: str = ""
    b: str = ""

    @property
    def evidence(self) -> str:
        return f"{self.a!r} ~ {self.b!r}: {self.rule} ({self.score:.2f})"


NO_MATCH = Match(0.0, "no name evidence")


@lru_cache(maxsize=1 << 20)
def tokens_equal(x: str, y: str) -> bool:
    if x == y:
        return True
    # the skeleton absorbs vowel and digraph spellings; the spelling itself must stay close
    # too, or short skeletons collide (Iraq/Raqqa, America/Morocco)
    if fuzz.ratio(x, y) < 70:
        return False  # most pairs a document's names make: their skeletons are not needed
    sx, sy = skeleton(x), skeleton(y)
    return sx == sy or min(len(sx), len(sy)) >= 4 and fuzz.ratio(sx, sy) >= 80


@lru_cache(maxsize=1 << 20)  # the same pairs of spellings meet again and again across documents
def match_names(a: str, b: str, type_: str) -> Match:
    if key(a) == key(b):
        return Match(1.0, "same name", a, b)
    if type_ == "PERSON":
        return _match_people(a, b)
    if type_ == "ORG":
        return _match_orgs(a, b)
    return _match_places(a, b)


def _short_first_name(x: str, y: str) -> bool:
    """'Fred' of 'Frederick', 'Alex' of 'Alexander': the short one opens the long one, which is at
    least two letters longer ('Paul' and 'Paula', 'Eric' and 'Erica' are two names)."""
    short, long_ = sorted((x, y), key=len)
    return len(short) >= 3 and len(long_) >= len(short) + 2 and long_.startswith(short)


def _match_people(a: str, b: str) -> Match:
    ta, tb = name_tokens(a), name_tokens(b)
    if len(ta) >= 2 and len(tb) >= 2:
        last = tokens_equal(ta[-1], tb[-1])
        first = tokens_equal(ta[0], tb[0])
        if first and last:
            return Match(0.92, "first and family names match (spelling variant)", a, b)
        if last and _short_first_name(ta[0], tb[0]):
            return Match(0.88, "a short form of the first name, the same family name", a, b)  # Fred / Frederick
        if last and not first:
            return Match(-1.0, "same family name, different first names", a, b)
        return Match(0.0, "names differ", a, b)
    short, long_ = (ta, tb) if len(ta) < len(tb) else (tb, ta)
    if len(short) == 1 and long_:
        if tokens_equal(short[0], long_[-1]):
            return Match(0.5, "family name only", a, b)
        if len(long_) > 1 and tokens_equal(short[0], long_[0]):
            return Match(0.4, "first name only", a, b)
    return Match(0.0, "names differ", a, b)


def _match_orgs(a: str, b: str) -> Match:
    ca, cb = org_core(a), org_core(b)
    if ca and ca == cb:
        return Match(0.95, "same name without generic words", a, b)
    for x, y, cx in ((a, b, ca), (b, a, cb)):
        if is_acronym(_bare(x)) and cx.replace(".", "").replace(" ", "") == acronym(y):
            return Match(0.9, "acronym", a, b)
    if ca and cb and place_core(ca) == place_core(cb):
        return Match(0.9, "same name, spelled differently", a, b)
    if same_description(a, b):
        return Match(0.86, "one body described in other words", a, b)
    wa, wb = org_words(a), org_words(b)
    if len(wa) >= 2 and wa == wb and set(wa) & set(ORG_WORDS_EN.values()):
        return Match(0.9, "same name, head word translated", a, b)
    if ca and cb and min(len(ca), len(cb)) >= 6 and fuzz.token_sort_ratio(ca, cb) >= 92:
        return Match(0.86, "near-identical name", a, b)
    wa, wb = significant_tokens(a), significant_tokens(b)
    if begins(wa, wb) or begins(wb, wa):
        return Match(0.5, "one name begins the other", a, b)
    if ca and cb and (_unqualified(a) == cb or _unqualified(b) == ca):
        return Match(0.5, "the same name with its country before it", a, b)  # "U.S. Surgeon General" / "Surgeon General"
    return Match(0.0, "names differ", a, b)


def _unqualified(name: str) -> str:
    """An organisation's core name without a leading country abbreviation or nationality
    adjective ("U.S. Surgeon General" -> "surgeon general", "Indian Navy" -> "navy")."""
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    lead = 0
    while lead < len(words) - 1 and (is_acronym(words[lead]) and len(words[lead].replace(".", "")) <= 3 or words[lead] in ("U.", "S.")
                                     or re.fullmatch(r"[A-Z][a-z]+(?:ian|an|ese|ish|i)", words[lead])):
        lead += 1
    return org_core(" ".join(words[lead:])) if lead else ""


UNIT_WORDS = frozenset({"brigade", "brigades", "battalion", "battalions", "faction", "regiment", "division"})


@lru_cache(maxsize=1 << 19)  # one entry a distinct name (names.NAMES_CACHE)
def significant_tokens(name: str) -> tuple[str, ...]:
    """Name tokens without particles, generic heads and unit words: Jaysh al-Muhajireen Brigade -> jaysh muhajireen."""
    return tuple(t for t in name_tokens(name) if t not in ORG_GENERIC and t not in UNIT_WORDS and t != "the")


def begins(short: tuple[str, ...], long_: tuple[str, ...]) -> bool:
    """At least two significant tokens that open the other name, spelling variants allowed."""
    return 2 <= len(short) <= len(long_) and all(tokens_equal(x, y) for x, y in zip(short, long_, strict=False))


def prefix_key(name: str) -> str | None:
    """A blocking key for organisations whose names begin alike ("Islamic State" / "Islamic State in Iraq and Syria")."""
    toks = significant_tokens(name)
    return " ".join(skeleton(t) for t in toks[:2]) if len(toks) >= 2 else None


def _bare(name: str) -> str:
    """An organisation's surface name without a leading article or trailing generic word, case kept."""
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    while len(words) > 1 and words[-1].lower() in ORG_GENERIC:
        words = words[:-1]
    return " ".join(words)


def _match_places(a: str, b: str) -> Match:
    for x, y in ((a, b), (b, a)):
        if is_acronym(x) and fold(x).replace(" ", "") == acronym(y):
            return Match(0.9, "abbreviation", a, b)  # US / United States
    if _facility(a) or _facility(b):  # "Betty Ford Center" / "Betty Ford Clinic": one facility
        ca, cb = org_core(a), org_core(b)
        if ca == cb and len(ca.split()) >= 2 or ca == cb and _facility(a) and _facility(b):
            return Match(0.95, "same facility without generic words", a, b)
    pa, pb = place_core(a), place_core(b)
    stripped_a = " ".join(t for t in fold(a).split() if t not in LANDFORM)
    stripped_b = " ".join(t for t in fold(b).split() if t not in LANDFORM)
    if pa and pa == pb and fuzz.ratio(stripped_a, stripped_b) >= 80:
        return Match(0.9, "same place name (spelling or landform word)", a, b)
    fa, fb = fold(a), fold(b)
    if min(len(fa), len(fb)) >= 6 and fuzz.ratio(fa, fb) >= 92:
        return Match(0.86, "near-identical name", a, b)
    if is_demonym_of(a, b) or is_demonym_of(b, a):
        return Match(0.86, "the people's adjective of the place (Russian / Russia)", a, b)
    return Match(0.0, "names differ", a, b)


def _facility(name: str) -> bool:
    """Whether a name ends in a facility's generic head ("... Treatment Center")."""
    words = raw_tokens(name)
    return len(words) >= 2 and words[-1] in FACILITY_GENERIC


def compare(names_a: Iterable[str], names_b: Iterable[str], type_: str) -> Match:
    """The best evidence between two name sets; a guard (negative) wins over weak evidence."""
    best, guard = NO_MATCH, None
    list_b = list(names_b)
    for a in names_a:
        for b in list_b:
            m = match_names(a, b, type_)
            if m.score < 0:
                guard = guard or m
            elif m.score > best.score or not best.a:
                best = m
    if guard and best.score < STRONG:
        return guard
    return best
