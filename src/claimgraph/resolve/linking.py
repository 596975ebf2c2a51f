"""Names of known entities found in a report no analyser reads (Italian, Turkish, Arabic, …).

Such a report gets no claims, but it is linked: every place where it names an entity the store
already knows becomes a mention of that entity, so a dossier lists the report. Text and names
are compared folded to ASCII (anyascii), so a Latin-script name is found as written and a name
in another script through its transliteration; in a script that writes few vowels (Arabic),
a name of two or more words is also found by its consonants (`abjad_key`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from anyascii import anyascii

from claimgraph.model import Document, Entity, Mention, stable_id

WORD = re.compile(r"\w+", re.UNICODE)
LABEL = "linked/name"


def abjad_key(word: str) -> str:
    """A folded word as a script that writes few vowels spells it: consonants only, w and y read
    as vowels, v as f ("khalimov" and the Arabic "khlymwf" are both "hlmf")."""
    for a, b in (("kh", "h"), ("gh", "g"), ("dzh", "j"), ("zh", "j"), ("sh", "s"), ("ch", "c"), ("q", "k"), ("v", "f")):
        word = word.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouyw]", "", word)) or word


def _pieces(text: str) -> list[str]:
    return [p for p in re.split(r"[^a-z0-9]+", anyascii(text).lower()) if p]


def _latin(word: str) -> bool:
    return anyascii(word) == word


@dataclass
class KnownNames:
    """Every name and alias of the store's entities, by its folded words (and skeletons)."""

    exact: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)  # words -> (name, type)
    loose: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)  # skeletons -> (name, type)
    longest: int = 0

    @classmethod
    def of(cls, entities: Iterable[Entity]) -> KnownNames:
        known = cls()
        kinds: dict[tuple[str, ...], set[str]] = {}
        for entity in sorted(entities, key=lambda e: e.id):
            for name in dict.fromkeys([entity.name] + [a for a, _ in entity.aliases]):
                words = tuple(_pieces(name))
                if not words or not name[:1].isupper() or (len(words) == 1 and len(words[0]) < 4):
                    continue  # descriptions ("the group") and short words name nothing on their own
                keys = [(known.exact, words)] + ([(known.loose, tuple(abjad_key(w) for w in words))] if len(words) >= 2 else [])
                for table, key in keys:
                    table.setdefault(key, (name, entity.type))
                    kinds.setdefault(key, set()).add(entity.type)
                known.longest = max(known.longest, len(words))
        for key, types in kinds.items():
            if len(types) > 1:  # one spelling, two kinds of entity: too ambiguous to link
                known.exact.pop(key, None)
                known.loose.pop(key, None)
        return known


def link_known_names(document: Document, known: KnownNames) -> list[Mention]:
    """Mentions of known names in the document's text, longest first, never overlapping."""
    text = document.text
    words = []  # (folded piece, start, end, capitalised or caseless, latin)
    for m in WORD.finditer(text):
        token = m.group(0)
        flagged = token[:1].isupper() or token[:1].lower() == token[:1].upper()
        for piece in _pieces(token):
            words.append((piece, m.start(), m.end(), flagged, _latin(token)))
    out: list[Mention] = []
    i = 0
    while i < len(words):
        found = None
        for n in range(min(known.longest, len(words) - i), 0, -1):
            window = words[i:i + n]
            if not window[0][3]:
                break
            key = tuple(w[0] for w in window)
            match = known.exact.get(key)
            if match is None and n >= 2 and not any(w[4] for w in window):
                match = known.loose.get(tuple(abjad_key(p) for p in key))
            if match is not None:
                found = (n, match)
                break
        if found is None:
            i += 1
            continue
        n, (name, type_) = found
        start, end = words[i][1], words[i + n - 1][2]
        out.append(Mention(id=stable_id("m", document.id, start, end), document=document.id, start=start, end=end,
                           text=name, type=type_, label=LABEL, section=document.section_at(start)))
        i += n
        while i < len(words) and words[i][1] < end:
            i += 1
    return out
