"""Name normalisation: folding, transliteration-aware keys, acronyms.

Spellings of one name differ in ways that are regular across languages: Kh/H, Omar/Umar,
Mohammed/Muhammad, Jaish/Jaysh, al-/el-, hyphens and spaces, diacritics, other scripts.
`skeleton` keeps what survives those changes (consonants, with digraphs simplified), so
that spellings of one name share a key and rapidfuzz scores the rest.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

from claimgraph.words import demonym_stems, is_demonym_of

# Arabic and similar particles that spellings add, drop or attach: not name-bearing.
PARTICLES = frozenset({"al", "el", "ul", "wal", "ad", "ash", "as", "at", "ar", "an", "az", "abu", "abou", "bin", "ibn", "ben", "bint"})
ORG_STOP = frozenset({"the", "of", "in", "and", "for", "&", "on", "at", "de", "la", "du", "des"})
# Generic heads that do not distinguish one organisation from another when added or dropped.
ORG_GENERIC = frozenset({"group", "organisation", "organization", "movement", "inc", "ltd", "llc", "co", "corp", "corporation", "company", "plc"})
# Heads of a facility's name that its reports use one for another ("Clinic", "Center", "Centre").
FACILITY_GENERIC = frozenset({"center", "centre", "clinic", "facility", "treatment", "rehab"})
# Landform words that name the same place ("Pankisi Valley", "Pankisi Gorge"); administrative
# heads (province, district, city) are NOT here: "Aleppo" and "Aleppo province" differ.
LANDFORM = frozenset({"valley", "gorge", "canyon", "mountains", "mountain", "hills", "river", "lake", "desert", "island", "islands"})
TITLES = frozenset({
    "mr", "mrs", "ms", "dr", "sir", "general", "gen", "colonel", "col", "major", "maj", "captain", "capt", "lt",
    "lieutenant", "sergeant", "sgt", "president", "minister", "prime", "king", "queen", "prince", "sheikh",
    "sheik", "emir", "commander", "senator", "sen", "rep", "governor", "gov", "judge", "justice", "chief",
    "officer", "professor", "prof", "rev", "father", "imam", "mullah", "saint", "st",
})
SPLIT = re.compile(r"[\s\-‐‑–—_/]+")

NAMES_CACHE = 1 << 19  # distinct names a run meets; past this the caches would recompute (1M mentions: ~200k)


@lru_cache(maxsize=NAMES_CACHE)
def fold(text: str) -> str:
    """Lower-case ASCII, apostrophes and dots removed, whitespace single."""
    text = anyascii(text).lower()
    text = re.sub(r"['`´’‘\".,()]", "", text)
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=NAMES_CACHE)
def raw_tokens(name: str) -> tuple[str, ...]:
    return tuple(t for t in SPLIT.split(fold(name)) if t)


# Epithets of origin: "Omar the Chechen" is what the nisba in "Abu Omar al-Shishani" says.
# Arabic nisbas of peoples and countries news most often meets in noms de guerre.
NISBA = {
    "chechen": "shishani", "egyptian": "masri", "jordanian": "urduni", "tunisian": "tunisi", "libyan": "libi",
    "american": "amriki", "british": "britani", "german": "almani", "turkish": "turki", "turk": "turki",
    "dagestani": "daghestani", "uzbek": "uzbeki", "tajik": "tajiki", "afghan": "afghani", "iraqi": "iraqi",
    "syrian": "suri", "lebanese": "lubnani", "palestinian": "filistini", "yemeni": "yemeni", "saudi": "saudi",
    "sudanese": "sudani", "somali": "somali", "moroccan": "maghribi", "algerian": "jazairi", "french": "faransi",
    "russian": "rusi", "kurd": "kurdi", "kurdish": "kurdi", "indian": "hindi", "georgian": "gurji",
    "azerbaijani": "azeri", "kazakh": "kazakhi", "pakistani": "pakistani", "kuwaiti": "kuwaiti",
}


@lru_cache(maxsize=NAMES_CACHE)
def name_tokens(name: str) -> tuple[str, ...]:
    """Tokens that carry the name: particles and leading titles removed; an epithet of origin
    ("Omar the Chechen") read as the nisba it translates ("Omar al-Shishani")."""
    raw = raw_tokens(name)
    if len(raw) >= 3 and raw[-2] == "the" and raw[-1] in NISBA:
        return name_tokens(" ".join(raw[:-2])) + (NISBA[raw[-1]],)
    toks = tuple(t for t in raw if t not in PARTICLES)
    while len(toks) > 1 and toks[0] in TITLES:
        toks = toks[1:]
    return toks or raw


@lru_cache(maxsize=NAMES_CACHE)
def skeleton(token: str) -> str:
    """Consonant skeleton of one folded token: Khalimov/Halimov -> hlmv, Omar/Umar -> mr."""
    t = token
    for a, b in (("kh", "h"), ("gh", "g"), ("ph", "f"), ("sch", "sh"), ("dzh", "j"), ("dj", "j"), ("zh", "j"),
                 ("ck", "k"), ("q", "k"), ("x", "ks"), ("w", "v"), ("ou", "u"), ("ee", "i")):
        t = t.replace(a, b)
    consonants = re.sub(r"[aeiouy]", "", t)
    consonants = re.sub(r"(.)\1+", r"\1", consonants)
    return consonants if len(consonants) >= 2 else t


@lru_cache(maxsize=NAMES_CACHE)
def key(name: str) -> str:
    """The exact-match key: folded name tokens without particles."""
    return " ".join(name_tokens(name))


@lru_cache(maxsize=NAMES_CACHE)
def compact(name: str, drop: frozenset[str] = frozenset()) -> str:
    """Skeleton of the whole name with spaces removed: Deir Ezzor / Deir ez-Zor -> drzr."""
    joined = "".join(t for t in raw_tokens(name) if t not in drop and t not in PARTICLES)
    return skeleton(joined) if joined else ""


@lru_cache(maxsize=NAMES_CACHE)
def acronym(name: str) -> str:
    """Initials of the significant words: Islamic State in Iraq and Syria -> isis."""
    toks = [t for t in raw_tokens(name) if t not in ORG_STOP and t not in ORG_GENERIC and t not in PARTICLES]
    return "".join(t[0] for t in toks) if len(toks) >= 2 else ""


@lru_cache(maxsize=NAMES_CACHE)
def is_acronym(text: str) -> bool:
    stripped = re.sub(r"[.\s]", "", text)
    return 2 <= len(stripped) <= 6 and stripped.isupper() and stripped.isalpha()


# Arabic words that open organisation names, and the English heads they translate:
# "Jabhat al-Nusra" is the "Nusra Front", "Jaysh al-Islam" the "Army of Islam".
ORG_WORDS_EN = {"jabhat": "front", "jaish": "army", "jaysh": "army", "harakat": "movement", "hizb": "party",
                "liwa": "brigade", "kataib": "brigades", "katibat": "battalion", "tanzim": "organization",
                "majlis": "council", "hayat": "committee", "hay'at": "committee"}


@lru_cache(maxsize=NAMES_CACHE)
def org_words(name: str) -> tuple[str, ...]:
    """An organisation's words in English order-free form: Jabhat al-Nusra / al Nusra Front -> (front, nusra)."""
    toks = {ORG_WORDS_EN.get(t, t) for t in raw_tokens(name) if t not in PARTICLES and t not in ORG_STOP}
    return tuple(sorted(toks))


@lru_cache(maxsize=NAMES_CACHE)
def org_core(name: str) -> str:
    """An organisation's name without determiners and generic heads ("the IS group" -> "is"; "Betty
    Ford Clinic" and "Betty Ford Treatment Center" -> "betty ford")."""
    toks = [t for t in raw_tokens(name) if t not in ORG_GENERIC and t not in FACILITY_GENERIC]
    if toks and toks[0] == "the":
        toks = toks[1:]
    return " ".join(toks)


@lru_cache(maxsize=NAMES_CACHE)
def place_core(name: str) -> str:
    return compact(name, LANDFORM)


# Heads of descriptions that name one body in different words ("Georgian military" /
# "Georgia's armed forces", "US media" / "US outlets").
DESCRIPTION_CLASSES = {
    "military": ("armed forces", "military", "army", "troops", "forces", "soldiers"),
    "media": ("media", "news outlets", "outlets", "press"),
    "intelligence": ("intelligence officials", "intelligence agents", "intelligence services", "intelligence"),
}
DESCRIPTION_FILLERS = frozenset({"national", "regular", "official", "state"})


@lru_cache(maxsize=NAMES_CACHE)
def description_key(name: str) -> tuple[str, str] | None:
    """The country word and the class of head of a lowercase description: 'Georgian national
    military' -> (georgian, military), "Georgia's armed forces" -> (georgia, military)."""
    m = re.match(r"^(?:the\s+)?([A-Z][\w.]*?)(['’]s)?\s+([a-z][a-z\s]*)$", name.strip())
    if not m:
        return None
    rest = " ".join(w for w in m.group(3).split() if w not in DESCRIPTION_FILLERS)
    cls = next((c for c, heads in DESCRIPTION_CLASSES.items() if rest in heads), None)
    return (fold(m.group(1)), cls) if cls else None


def description_stems(name: str) -> tuple[str, ...]:
    """The country words a description may be filed under: its own and, for an adjective, the
    places it may come from ("georgian" -> georgia, ...)."""
    key = description_key(name)
    return (key[0], *demonym_stems(key[0])) if key else ()


def same_description(a: str, b: str) -> bool:
    """One body described in other words: the same class of head, and the same country word or
    a country and its adjective."""
    ka, kb = description_key(a), description_key(b)
    if ka is None or kb is None or ka[1] != kb[1]:
        return False
    return ka[0] == kb[0] or is_demonym_of(ka[0], kb[0]) or is_demonym_of(kb[0], ka[0])
