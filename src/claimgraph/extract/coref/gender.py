"""A person's gender as far as the name or the words around it tell: honorifics and gendered nouns
("Mrs", "actress", "spokesman"), then the first name's frequency among men and women in the US
census lists shipped by the `names` package (MIT; census data in the public domain). A first
name common to both, or unknown, tells nothing."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from claimgraph.extract.coref.lexicon import FEMALE_NOUNS, MALE_NOUNS

DECISIVE = 4.0  # one gender's frequency must be this many times the other's
HONORIFICS = frozenset({"dr", "prof", "sen", "rep", "gov", "gen", "col", "capt", "lt", "sgt", "judge", "president", "sheikh"})


@lru_cache(maxsize=1)
def _first_names() -> dict[str, tuple[float, float]]:
    """First name (upper case) -> (frequency among men, among women), in percent."""
    out: dict[str, list[float]] = {}
    for column, file in ((0, "dist.male.first"), (1, "dist.female.first")):
        try:
            text = (resources.files("names") / file).read_text(encoding="utf-8")
        except (ModuleNotFoundError, FileNotFoundError):  # without the lists, names tell nothing
            return {}
        for line in text.splitlines():
            parts = line.split()
            if len(parts) >= 2:
                out.setdefault(parts[0], [0.0, 0.0])[column] = float(parts[1])
    return {name: (m, f) for name, (m, f) in out.items()}


def first_name_share(word: str) -> float:
    """How common a first name is: its larger share among men or women, in percent (0.0 when unlisted)."""
    return max(_first_names().get(word.strip(".").upper(), (0.0, 0.0)))


@lru_cache(maxsize=50_000)
def first_name_gender(first: str) -> str:
    """'m', 'f' or '?' for a first name."""
    freq = _first_names().get(first.strip(".").upper())
    if freq is None:
        return "?"
    male, female = freq
    if male > DECISIVE * female:
        return "m"
    if female > DECISIVE * male:
        return "f"
    return "?"


def is_first_name(word: str) -> bool:
    """A first name the census lists (among either men or women)."""
    return word.strip(".").upper() in _first_names()


def name_gender(words: list[str]) -> str:
    """The gender a person's name tells: an honorific or gendered word before it ("Mrs", "Abu"),
    else its first name."""
    for w in words:
        low = w.strip(".").lower()
        if low in FEMALE_NOUNS:
            return "f"
        if low in MALE_NOUNS:
            return "m"
        if low in HONORIFICS or len(low) < 2:  # "Dr", "W." in "W. Mark Felt"
            continue
        return first_name_gender(w) if w[:1].isupper() else "?"
    return "?"
