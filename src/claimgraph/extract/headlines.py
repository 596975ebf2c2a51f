"""Names in title-case lines. A headline capitalises every word, and the tagger reads a run of
capitals as one name: "Obama To Nominate Regina Benjamin", "Lindsay Lohan Checks Into Rehab".
Where such a run holds names the body of the report uses, those names are the mentions."""

from __future__ import annotations

import functools
import re

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from claimgraph.extract.lexicon import (
    LOCATION_VERBS,
    ORG_NAME_HEADS,
    PLACE_NAME_HEADS,
    REPORTING_VERBS,
    STATUS_TRIGGERS,
)
from claimgraph.extract.parsed import sentences, span_tokens
from claimgraph.model import Mention, stable_id

MIN_WORDS = 4  # capitalised words of four letters or more a title-case line has at least
MAX_LOWER = 1  # and lowercase ones at most: "Ruslan Jabrailov, known as X, was born in Y" is prose


def title_case_lines(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the sentences written in title case. Unlike the proper-noun runs' test
    (untagged.title_case), words the tagger made names count: "Lindsay Lohan Checks Into Rehab
    at Betty Ford Center" is all names to the tagger, and that is what is to be undone here."""
    out = []
    for sent in sentences(doc):
        capital = lower = 0
        for t in span_tokens(sent):
            if len(t) > 3 and t.is_alpha:
                if t.is_lower:
                    lower += 1
                    if lower > MAX_LOWER:
                        break  # prose: no need to read on
                else:
                    capital += 1
        if capital >= MIN_WORDS and lower <= MAX_LOWER:
            out.append((sent.start_char, sent.end_char))
    return out


NAME_WORDS = ORG_NAME_HEADS | PLACE_NAME_HEADS | {"center", "centre", "clinic", "hospital", "institute", "school", "hotel"}


def recut_headline_names(text: str, doc: Doc, found: dict[tuple[int, int], Mention]) -> None:
    """Replace a name in a title-case line by the body's names inside it ("Obama To Nominate Regina
    Benjamin" -> "Obama", "Regina Benjamin"), each typed as the body types it."""
    lines = title_case_lines(doc)
    if not lines:
        return
    inside = {k for k in found if any(a <= k[0] and k[1] <= b for a, b in lines)}
    body: dict[str, Mention] = {}
    shorts: set[str] = set()
    for k, m in found.items():
        if k not in inside and m.label != "rules/description":
            body.setdefault(m.text, m)
            if m.type == "PERSON" and " " in m.text:  # "Obama" of "Barack Obama"
                body.setdefault(m.text.split()[-1], m)
                shorts.add(m.text.split()[-1])
    name_words = {w.lower() for n in body for w in n.split()}
    names = sorted(body, key=len, reverse=True)
    for key in sorted(inside):
        m = found[key]
        if m.text in body or m.label == "rules/description":
            continue
        parts = _names_within(m.text, names)
        if not parts or not _words_around_are_not_a_name(m.text, parts, name_words):
            _cut_at_verb(text, key, found, body)
            continue
        del found[key]
        for s, e in parts:
            type_ = body[m.text[s:e]].type
            if m.text[s:e] in shorts:  # "Fred LaRue Dies" where the body says "Frederick LaRue": keep "Fred"
                s = _with_first_name(m.text, s)
            start, end = key[0] + s, key[0] + e
            found[(start, end)] = Mention(id=stable_id("m", m.document, start, end), document=m.document, start=start,
                                          end=end, text=text[start:end], type=type_, label=m.label + "+headline",
                                          section=m.section)


def _names_within(surface: str, names: list[str]) -> list[tuple[int, int]]:
    """Where the longest of `names` occur in `surface` as whole words, without overlapping."""
    taken: list[tuple[int, int]] = []
    for name in filter(None, names):
        start = surface.find(name)
        while start >= 0:
            end = start + len(name)
            if not _word_char(surface, start - 1) and not _word_char(surface, end):
                if not any(s < end and start < e for s, e in taken):
                    taken.append((start, end))
                start = surface.find(name, end)
            else:
                start = surface.find(name, start + 1)
    return sorted(taken)


def _word_char(text: str, i: int) -> bool:
    """Whether text[i] exists and is a word character (regular expressions' \\w)."""
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] == "_")


# words between a headline's verb and the name after it ("Checks Into Rehab", "Flees To Syria")
PARTICLES = frozenset({"into", "in", "out", "to", "at", "as", "for", "from", "with", "on", "off", "up", "down", "over",
                       "after", "of", "by"})


@functools.cache
def headline_verbs() -> frozenset[str]:
    """The verbs a headline's news is told with: every English frame's trigger verbs, the status
    verbs (killed, arrested) and the reporting verbs (says, denies)."""
    from claimgraph.extract.frames import REGISTRY  # the registry imports the extractors, which import this

    words = {w for f in REGISTRY.frames if f.language == "en" for w in f.verbs}
    words |= {w for ws in STATUS_TRIGGERS.values() for w in ws} | REPORTING_VERBS | LOCATION_VERBS
    return frozenset(words - {"be"})


def is_headline_verb(word: str, after_to: bool = False) -> bool:
    """Whether a capitalised word is an inflected news verb ("Checks", "Dies", "Named", "Quits"),
    or its bare form after "To" ("To Nominate"). Bare forms alone are left: "Fire", "Post" and
    "Head" name things as often as they tell news."""
    w, verbs = word.lower(), headline_verbs()
    if after_to:
        return w in verbs
    stems = []
    if w.endswith("ies") or w.endswith("ied"):
        stems.append(w[:-3] + "y")
    if w.endswith("s"):
        stems += [w[:-1], w[:-2]]
    if w.endswith("ed"):
        stems += [w[:-1], w[:-2], w[:-3]]  # "Named", "Checked", "Quitted"
    return any(s in verbs for s in stems if len(s) >= 2)


def _cut_at_verb(text: str, key: tuple[int, int], found: dict[tuple[int, int], Mention], body: dict[str, Mention]) -> None:
    """Cut a headline's run of capitals at its verb when the body names nothing in it: "Lindsay
    Lohan Checks Into Rehab" -> "Lindsay Lohan"; "Nominates Regina Benjamin" -> "Regina Benjamin".
    A verb right after the first word, or inside what the tagger took for an organisation, cuts
    only before a particle ("Obama Names X" may be "Names" the surname, "Strategic Studies" a
    noun; "Checks Into" is a verb), and the name after a verb stays only when it
    follows the verb directly with two words or more. A part the body names takes its type."""
    m = found[key]
    words = list(re.finditer(r"[^\s]+", m.text))
    if m.type != "PERSON" and len(words) > 4:
        # a whole headline taken for an organisation: no name to keep in it, and none at all when
        # it tells news with a verb ("Chechen Militants Accuse Group Of Treating Recruits As")
        if any(w.group()[:1].isupper() and (is_headline_verb(w.group()) or _gerund_after(words, i))
               for i, w in enumerate(words) if 0 < i < len(words) - 1):
            del found[key]
        return
    for i, w in enumerate(words):
        after_to = i > 0 and words[i - 1].group().lower() == "to"
        if not w.group()[:1].isupper() or not is_headline_verb(w.group(), after_to):
            continue
        following = words[i + 1].group().lower() if i + 1 < len(words) else ""
        if (i == 1 or m.type != "PERSON") and i > 0 and not after_to and following not in PARTICLES:
            continue  # "Institute for Strategic Studies" ends in a noun, not a verb
        before = [x for x in words[:i] if x.group().lower() != "to"]
        after = words[i + 1:] if following not in PARTICLES else []
        parts = [(before[0].start(), before[-1].end())] if before else []
        if len(after) >= 2 and all(x.group()[:1].isupper() for x in after):
            parts.append((after[0].start(), after[-1].end()))
        if not parts:
            return
        del found[key]
        for s, e in parts:
            start, end = key[0] + s, key[0] + e
            type_ = body[text[start:end]].type if text[start:end] in body else m.type
            found[(start, end)] = Mention(id=stable_id("m", m.document, start, end), document=m.document, start=start,
                                          end=end, text=text[start:end], type=type_, label=m.label + "+headline-verb",
                                          section=m.section)
        return


def _gerund_after(words: list[re.Match[str]], i: int) -> bool:
    """'Of Ignoring', 'For Treating': a verb in -ing after a preposition is a headline's clause."""
    w = words[i].group()
    return len(w) > 5 and w.lower().endswith("ing") and words[i - 1].group().lower() in ("of", "for", "by", "after")


def _words_around_are_not_a_name(surface: str, parts: list[tuple[int, int]], name_words: set[str]) -> bool:
    """The words left beside the body's names are a headline's verbs and particles ("Checks Into"),
    not the rest of a longer name ("Center", or a word of another name the body uses)."""
    rest = surface
    for s, e in reversed(parts):
        rest = rest[:s] + " " + rest[e:]
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", rest)]
    return bool(words) and not any(w in NAME_WORDS or w in name_words for w in words)


def _with_first_name(surface: str, start: int) -> int:
    """Where a family name's mention starts once the capitalised word before it joins it."""
    before = re.search(r"([A-Z][a-z]+)\s+$", surface[:start])
    if before and before.group(1).lower() not in STOP_WORDS:
        return before.start(1)
    return start
