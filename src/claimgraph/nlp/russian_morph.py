"""Russian lemmas and base forms from pymorphy3, choosing the reading that agrees with the
tagger: "Халимова" tagged a genitive masculine proper noun is "Халимов", tagged a nominative
feminine one it stays "Халимова".

`lemma` is a word's dictionary form (verbs: the infinitive, "заявило" → "заявить"); `base_form`
puts a word of a name in the nominative, keeping its number and gender ("Северной бригады" →
"Северная бригада"), which is what a name is stored under.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

# Universal POS → the OpenCorpora parts of speech pymorphy3 gives the same words
UD_TO_OC = {
    "NOUN": {"NOUN"}, "PROPN": {"NOUN"}, "ADJ": {"ADJF", "ADJS", "COMP"}, "VERB": {"VERB", "INFN", "PRTF", "PRTS", "GRND"},
    "AUX": {"VERB", "INFN"}, "ADV": {"ADVB", "PRED"}, "NUM": {"NUMR"}, "PRON": {"NPRO"}, "DET": {"ADJF", "NPRO"},
}
CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct", "Voc": "voct", "Par": "gen2"}
NUMBERS = {"Sing": "sing", "Plur": "plur"}
GENDERS = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}
NAME_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn"})


class Lemmatiser:
    def __init__(self) -> None:
        import pymorphy3

        self.analyser = pymorphy3.MorphAnalyzer()
        self._best = lru_cache(maxsize=100_000)(self._best_uncached)

    def _best_uncached(self, word: str, pos: str, feats: tuple[tuple[str, str], ...]) -> Any:
        wanted = dict(feats)
        best, best_score = None, -1.0
        for rank, parse in enumerate(self.analyser.parse(word)):
            tag = parse.tag
            score = 3.0 if tag.POS in UD_TO_OC.get(pos, ()) else 0.0
            for feat, table in (("Case", CASES), ("Number", NUMBERS), ("Gender", GENDERS)):
                if feat in wanted and table.get(wanted[feat]) in tag:
                    score += 1.0
            if pos == "PROPN" and NAME_TAGS & tag.grammemes:
                score += 1.5
            score -= rank * 0.01  # pymorphy3's own order breaks ties
            if score > best_score:
                best, best_score = parse, score
        return best

    def lemma(self, word: str, pos: str, feats: dict[str, str]) -> str:
        """The dictionary form (lower case); punctuation and numbers as written."""
        if pos in ("PUNCT", "NUM", "SYM", "X") or not any(c.isalpha() for c in word):
            return word
        parse = self._best(word.lower(), pos, tuple(sorted(feats.items())))
        return str(parse.normal_form) if parse is not None else word.lower()

    def base_form(self, word: str, pos: str, feats: dict[str, str]) -> str:
        """The word in the nominative with its number and gender, in the word's own case style."""
        if feats.get("Case", "Nom") == "Nom" or pos not in ("NOUN", "PROPN", "ADJ") or not word.isalpha():
            return word
        parse = self._best(word.lower(), pos, tuple(sorted(feats.items())))
        if parse is None:
            return word
        inflected = parse.inflect({"nomn"})
        form = str(inflected.word) if inflected is not None else str(parse.normal_form)
        if word.isupper() and len(word) > 1:
            return form.upper()
        return form[:1].upper() + form[1:] if word[:1].isupper() else form
