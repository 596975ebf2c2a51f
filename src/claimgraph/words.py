"""Facts about English words that more than one stage needs: a nationality adjective and the
place it comes from. Imports nothing of ours (bottom layer, beside model, errors, settings)."""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

DEMONYM_ENDINGS = ("ian", "an", "n", "i", "ese", "ish")


@lru_cache(maxsize=200_000)
def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"['`´’‘\".,()]", "", anyascii(text).lower())).strip()


@lru_cache(maxsize=200_000)
def demonym_stems(name: str) -> tuple[str, ...]:
    """The place names a one-word demonym may come from: Russian -> russia, Iraqi -> iraq,
    Iranian -> iran, Lebanese -> leban(on), Kurdish -> kurd(s). Read from the ending, not from
    a table."""
    folded = _fold(name)
    if " " in folded or len(folded) < 5:
        return ()
    return tuple(folded[: -len(e)] for e in DEMONYM_ENDINGS if folded.endswith(e) and len(folded) - len(e) >= 3)


def demonym_key(name: str) -> str:
    """The first three letters of a name, folded. `is_demonym_of` holds, either way round, only
    between names of the same key (a stem is 3 letters or more and begins both), so a document's
    names are compared within their key, not all with all."""
    return _fold(name)[:3]


def is_demonym_of(demonym: str, place: str) -> bool:
    """'Russian' of 'Russia', 'Iraqi' of 'Iraq', 'Lebanese' of 'Lebanon' (a stem of 4+ letters
    the place name begins with, and no more than two letters shorter)."""
    target = _fold(place)
    if " " in target:
        return False
    return any(target == s or (len(s) >= 4 and target.startswith(s) and len(target) - len(s) <= 2) for s in demonym_stems(demonym))


# Nationality adjectives whose country the ending does not give ("Greek" / "Greece").
IRREGULAR_DEMONYMS = {
    "greek": ("greece",), "french": ("france",), "british": ("britain", "great britain", "united kingdom", "uk"),
    "english": ("england",), "scottish": ("scotland",), "welsh": ("wales",), "irish": ("ireland",),
    "american": ("united states", "america", "us", "usa"), "spanish": ("spain",), "dutch": ("netherlands", "holland"),
    "swiss": ("switzerland",), "turkish": ("turkey",), "polish": ("poland",), "danish": ("denmark",),
    "swedish": ("sweden",), "finnish": ("finland",), "norwegian": ("norway",), "thai": ("thailand",),
    "filipino": ("philippines",), "afghan": ("afghanistan",), "peruvian": ("peru",), "israeli": ("israel",),
    "saudi": ("saudi arabia",), "emirati": ("united arab emirates", "uae"), "portuguese": ("portugal",),
    "somali": ("somalia",), "yemeni": ("yemen",), "malagasy": ("madagascar",), "czech": ("czech republic", "czechia"),
}


def is_nationality_of(demonym: str, place: str) -> bool:
    """`is_demonym_of`, and the nationalities whose country the ending does not give."""
    return _fold(place) in IRREGULAR_DEMONYMS.get(_fold(demonym), ()) or is_demonym_of(demonym, place)


# Abbreviated titles before names ("Sgt. Ortiz", "Gov. Ruiz").
TITLE_ABBREVIATIONS = {
    "sgt": "sergeant", "dr": "doctor", "capt": "captain", "gen": "general", "lt": "lieutenant", "col": "colonel",
    "adm": "admiral", "cmdr": "commander", "cdr": "commander", "gov": "governor", "sen": "senator",
    "rep": "representative", "prof": "professor", "supt": "superintendent", "insp": "inspector", "det": "detective",
    "cpl": "corporal", "pvt": "private", "maj": "major", "brig": "brigadier", "rev": "reverend", "amb": "ambassador",
    "pres": "president", "sec": "secretary", "atty": "attorney", "cmdt": "commandant", "sgt.-maj": "sergeant major",
}
