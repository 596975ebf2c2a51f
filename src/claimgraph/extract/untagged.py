"""Names the tagger misses, found by rules: acronym definitions ("Long Name (ACR)") and
expansions (a run of capitalised words spelling an acronym the document uses), names given in
quotes after "known as", media and platform names ("posted on Facebook", "Rossiya 24 TV
channel"), the party in "anti-X" / "pro-X", and runs of proper nouns no entity covers.

Each function returns spans (or offsets) with a type; mentions.py makes them mentions.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import accumulate

from spacy.tokens import Doc, Span, Token

from claimgraph.extract.lexicon import (
    ORG_DESCRIPTION_HEADS,
    ORG_NAME_HEADS,
    PERSON_DESCRIPTION_HEADS,
    ROLE_NOUNS,
    is_person_noun,
    type_from_name,
)
from claimgraph.extract.parsed import children, doc_text, sentences, span_tokens, tokens
from claimgraph.model import Mention
from claimgraph.words import is_demonym_of

_WORD = r"(?:(?:al|el|wal|ad|as|ash|an|ar|at|az|bin|ibn)-)?[A-Z][\w'’.-]*"
NAME_RUN = re.compile(rf"{_WORD}(?:(?:\s+(?:of|in|and|the|for|al|wal|el))*\s+{_WORD})*")
# a name given in quotes: 'the commander known as "Omar the Chechen"', 'a unit dubbed "White Snow"'
QUOTED_NAME = re.compile(r"\b(?:known as|dubbed|nicknamed|called|named|nom de guerre)\s+[“\"‘]([A-Z][^”\"’“‘\n]{1,50}?)[”\"’]")
ACRONYM_DEF = re.compile(rf"((?:{_WORD}\s+)(?:(?:{_WORD}|of|in|and|the|for|al|wal|el)\s+){{0,8}}?{_WORD})\s+\(([A-Z]{{2,6}})\)")


def acronym_definitions(text: str) -> list[tuple[int, int, tuple[int, int]]]:
    """'Long Name (ACR)' where ACR is the long name's initials: both are names of one organisation."""
    out = []
    for m in ACRONYM_DEF.finditer(text):
        words = m.group(1).split()
        acr = m.group(2)
        for i in range(len(words)):  # the shortest tail of the capitalised run that spells the acronym
            if not words[i][:1].isupper():
                continue
            candidate = " ".join(words[i:])
            if _initials(candidate) == acr.lower():
                start = m.start(1) + len(" ".join(words[:i])) + (1 if i else 0)
                out.append((m.start(2), m.end(2), (start, m.end(1))))
                break
    return out


# Nouns that say the name beside them is a medium: "Rossiya 24 TV channel", "the social network
# VKontakte", "Twitter user @x"; and words after which "on X" is a platform ("posted on Facebook").
MEDIA_HEADS = frozenset({"channel", "network", "newspaper", "broadcaster", "outlet", "site", "website", "platform",
                         "app", "messenger", "user", "account", "tv", "television", "radio", "daily", "weekly",
                         "magazine", "tabloid", "portal", "blog"})
PUBLISHING = frozenset({"post", "publish", "share", "write", "upload", "appear", "broadcast", "tweet", "announce",
                        "presence", "account", "page", "statement", "video", "message", "posting", "comment"})


def media_names(doc: Doc, found: dict[tuple[int, int], Mention]) -> list[Span]:
    """Names of media and platforms the tagger leaves out: by the noun beside them, by "posted
    on X", by "quoted by X"."""
    taken = {i for (s, e) in found for i in range(s, e)}
    in_long_names = {i for (s, e), m in found.items() if " " in m.text for i in range(s, e)}
    out: list[Span] = []

    def name_at(tok: Token) -> None:
        if tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.idx not in taken and tok.ent_type_ not in ("DATE", "TIME"):
            out.append(doc[tok.i : tok.i + 1])

    for tok in tokens(doc):
        low = tok.lower_
        if low in MEDIA_HEADS and tok.pos_ in ("NOUN", "PROPN"):
            i = tok.i - 1
            while i >= 0 and doc[i].lower_ in MEDIA_HEADS:
                i -= 1
            end = i
            while i >= 0 and doc[i].pos_ in ("PROPN", "NUM") and doc[i].idx not in in_long_names:
                i -= 1
            if i < end and doc[i + 1].pos_ == "PROPN" and doc[i + 1].text[:1].isupper():
                out.append(doc[i + 1 : end + 1])  # "Rossiya 24 [TV channel]"
            for c in children(tok):
                if c.dep_ == "appos" and c.i > tok.i:
                    name_at(c)  # "the social network VKontakte"
        if tok.dep_ == "pobj" and tok.head.lower_ == "on" and tok.head.head.lemma_.lower() in PUBLISHING:
            for c in [tok, *[x for x in tok.subtree if x.dep_ == "conj"]]:
                name_at(c)  # "posted on Facebook", "a presence on both Facebook and ..."
        if tok.dep_ == "pobj" and tok.head.lower_ == "by" and tok.head.head.lemma_.lower() in ("quote", "cite"):
            name_at(tok)  # "he was quoted by ABNA24"
    return out


ANTI_PRO = re.compile(r"\b(?i:anti|pro)-([A-Z][a-z]+)\b")


PLACE_OF = re.compile(r"\b(?:city|town|village|province|region|district|port|county|island|"
                      r"municipality|governorate|oblast|prefecture|canton|suburb|neighbo(?:u)?rhood)\s+of\s+"
                      r"((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+){0,2})")


def places_after_nouns(text: str) -> list[tuple[int, int, str]]:
    """'the southern city of Osh', 'the port town of Eyl': the name after "city of" is a place,
    whatever the tagger made of it."""
    return [(m.start(1), m.end(1), "PLACE") for m in PLACE_OF.finditer(text)]


def prefixed_parties(text: str, found: dict[tuple[int, int], Mention]) -> list[tuple[int, int, str]]:
    """'anti-Iranian', 'pro-Kremlin': the party after the prefix, when the document names it (or
    its country) elsewhere; the tagger rarely sees it inside the hyphenated word."""
    names = {m.text: m.type for m in found.values() if m.label != "rules/description" and m.type in ("ORG", "PLACE")}
    out = []
    for m in ANTI_PRO.finditer(text):
        word = m.group(1)
        type_ = names.get(word) or next((t for n, t in names.items() if t == "PLACE" and is_demonym_of(word, n)), None)
        if type_:
            out.append((m.start(1), m.end(1), type_))
    return out


def quoted_names(text: str) -> list[tuple[int, int, str]]:
    """Names given in quotes after "known as", "dubbed", "nicknamed": typed by the nearest head
    noun before them (a commander: a person; a unit, a group: an organisation)."""
    out = []
    for m in QUOTED_NAME.finditer(text):
        words = re.findall(r"[A-Za-z]+", text[max(0, m.start() - 60) : m.start()].lower())
        type_ = None
        for w in reversed(words[-5:]):
            if w in ROLE_NOUNS or w in PERSON_DESCRIPTION_HEADS or w in ("man", "woman", "boy", "girl"):
                type_ = "PERSON"
            elif w in ORG_NAME_HEADS or w in ORG_DESCRIPTION_HEADS or w in ("unit", "outfit", "cell", "gang"):
                type_ = "ORG"
            if type_:
                break
        if type_:
            out.append((m.start(1), m.end(1), type_))
    return out


def acronym_expansions(text: str, found: dict[tuple[int, int], Mention]) -> list[tuple[int, int, str]]:
    """A run of capitalised words whose initials spell an acronym the document uses ("ISIS" ...
    "Islamic State in Iraq and Syria") is that organisation's full name, even where the tagger
    cut it into pieces. Two-letter acronyms must spell a whole run, not its tail."""
    acronyms = {m.text: m.type for m in found.values() if m.label != "rules/description" and re.fullmatch(r"[A-Z]{2,6}", m.text)}
    out: list[tuple[int, int, str]] = []
    if not acronyms:
        return out
    for run in NAME_RUN.finditer(text):
        words = run.group(0).split()
        if len(words) < 2:
            continue
        offset = run.start()
        for i in range(len(words)):
            candidate = " ".join(words[i:])
            acr = _initials(candidate).upper()
            if acr in acronyms and words[i][:1].isupper() and (i == 0 or len(acr) >= 3) and len(candidate.split()) >= 2:
                start = offset + len(" ".join(words[:i])) + (1 if i else 0)
                out.append((start, run.end(), acronyms[acr]))
                break
    return out


def acronyms_of_names(text: str, found: dict[tuple[int, int], Mention]) -> list[tuple[int, int, str]]:
    """An acronym standing alone whose letters are the initials of an organisation the document
    names ("IS" where "Islamic State group" was named), the reverse of acronym_expansions."""
    initials: dict[str, str] = {}
    for m in found.values():
        if m.type == "ORG" and m.label != "rules/description" and len(m.text.split()) >= 2:
            bare = re.sub(r"\s+(?:group|organisation|organization)$", "", m.text, flags=re.I)
            acr = _initials(bare).upper()
            if 2 <= len(acr) <= 6 and acr.isalpha() and acr.isascii():
                initials.setdefault(acr, m.type)
    return [(s, e, type_) for acr, type_ in initials.items() for s, e in untagged_occurrences(text, acr, found, with_group=True)]


def untagged_occurrences(text: str, surface: str, found: dict[tuple[int, int], Mention],
                         with_group: bool = False) -> list[tuple[int, int]]:
    """Whole-word occurrences of `surface` that overlap no mention yet; with `with_group`, a
    following "group" joins the name, as the tagger's organisation names take it ("the IS group").

    Called once per name of a document: occurrences are looked up in a word index of the text and
    checked against the mentions' spans by bisection, so the cost follows the hits, not the length
    of the text times the number of mentions."""
    pattern = _occurrence_pattern(surface, with_group)
    first = _FIRST_WORD.match(surface)
    if first is None or first.end() == 0:  # a name that opens with a sign: scan the text
        hits = [h.span() for h in pattern.finditer(text)]
    else:
        hits, end = [], 0
        for start in _word_starts(text).get(first.group(0), ()):  # as finditer would: left to right, no overlaps
            h = pattern.match(text, start) if start >= end else None
            if h is not None:
                hits.append(h.span())
                end = h.end()
    if not hits or not found:
        return hits
    if len(hits) <= FEW_HITS:  # a few hits: each checked against the spans, cheaper than sorting them
        return [(s, e) for s, e in hits if not [k for k in found if k[0] < e and s < k[1]]]
    spans = sorted(found)
    starts = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max))  # the furthest end among spans starting so far
    return [(s, e) for s, e in hits if not _overlaps(starts, reach, s, e)]


FEW_HITS = 4
_FIRST_WORD = re.compile(r"\w*")
_WORDS = re.compile(r"\w+")


@lru_cache(maxsize=4096)
def _occurrence_pattern(surface: str, with_group: bool) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(surface)}(?![\w-])" + (r"(?: group\b)?" if with_group else ""))


@lru_cache(maxsize=2)
def _word_starts(text: str) -> dict[str, list[int]]:
    """Where each word of `text` begins (a word: a maximal run of word characters), in order."""
    index: dict[str, list[int]] = {}
    for m in _WORDS.finditer(text):
        index.setdefault(m.group(0), []).append(m.start())
    return index


def _overlaps(starts: list[int], reach: list[int], s: int, e: int) -> bool:
    """Whether a span [fs, fe) with fs < e and s < fe exists, given the spans' sorted starts and the
    running maximum of their ends."""
    i = bisect_left(starts, e)
    return i > 0 and reach[i - 1] > s


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name.lower()) if w and w not in {"of", "in", "and", "the", "for", "al", "wal", "el"}]
    return "".join(w[0] for w in words)


TITLE_WORDS = frozenset({
    "governor", "general", "president", "minister", "senator", "mayor", "colonel", "captain", "judge", "coach",
    "sheikh", "king", "queen", "prince", "dr", "mr", "mrs", "ms", "sir", "lord", "chancellor", "commander",
    "lieutenant", "sergeant", "major", "admiral", "prime", "foreign", "defence", "defense", "interior", "deputy",
    "army", "navy",
})


def title_case(sent: Span) -> bool:
    """A headline in title case: most of its longer words capitalised, verbs included."""
    words = [t for t in span_tokens(sent) if t.is_alpha and len(t) > 3]
    capital = [t for t in words if t.text[:1].isupper()]
    outside = [t for t in capital if not t.ent_type_ and t.i > sent.start]  # capitalised, yet no name
    return len(words) >= 4 and len(capital) >= 0.8 * len(words) and len(outside) >= 2


def proper_runs(doc: Doc, found: dict[tuple[int, int], Mention], titles: set[int]) -> list[Span]:
    """Runs of two or more capitalised proper nouns that no multi-word entity covers: names the
    tagger split or missed ("Governor Ana Lima" tagged as a place "Lima"), without leading titles;
    "of", "for", "and" may join capitalised words inside an organisation's or place's name
    ("Defense and Security Committee"), and a nationality before one belongs to it ("Russian
    Upper House")."""
    text = doc_text(doc)
    covered = {i for (s, e) in found for i in range(s, e) if e - s > 0 and " " in text[s:e]}
    out: list[Span] = []
    run: list[Token] = []

    def flush() -> None:
        if not run:
            return
        named_by_head = type_from_name(" ".join(t.text for t in run), "") != ""
        while run and ((run[0].lower_ in TITLE_WORDS and not named_by_head) or not run[0].text[:1].isupper()):
            run.pop(0)  # "Governor Ana Lima", but "Defense and Security Committee" keeps its first word
        while run and not run[-1].text[:1].isupper():
            run.pop()
        if len(run) > 2 and run[1].lower_ == "of" and is_person_noun(run[0].lower_):
            run.clear()  # "Secretary of Health and Human Services", "Chief of Staff": a post, not a body
            return
        if run and is_person_noun(run[-1].lower_):  # "FBI Acting Director" is a title: its body, if any, stays
            while run and (is_person_noun(run[-1].lower_) or run[-1].lower_ in TITLE_WORDS or run[-1].lower_ in RANK_WORDS):
                run.pop()
            if len(run) == 1 and run[0].text.isupper() and len(run[0].text) >= 2:
                out.append(doc[run[0].i : run[0].i + 1])
            run.clear()
            return
        if len(run) >= 2 and all((t.text[:1].isupper() and t.is_alpha) or t.lower_ in CONNECTORS for t in run):
            span = doc[run[0].i : run[-1].i + 1]
            if any(t.lower_ in CONNECTORS for t in run) and type_from_name(span.text, "") == "":
                run.clear()  # "Smith and Jones": two names, not one
                return
            prev = doc[run[0].i - 1] if run[0].i > 0 else None
            if prev is not None and prev.ent_type_ == "NORP" and prev.text[:1].isupper() and type_from_name(span.text, "") == "ORG":
                span = doc[prev.i : run[-1].i + 1]
            out.append(span)
        run.clear()

    headlines = {i for sent in sentences(doc) if title_case(sent) for i in range(sent.start, sent.end)}

    def eligible(tok: Token, joined: bool = False) -> bool:
        """A proper noun no name covers yet; after a connector, one inside a tagged name too
        ("Defense and [Security Committee]"); never in a title-case headline ("Obama To Nominate
        Benjamin"), where every word looks like a name."""
        return tok.pos_ == "PROPN" and (joined or tok.idx not in covered) and tok.idx not in titles and tok.ent_type_ not in (
            "DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "NORP") and tok.i not in headlines

    for tok in tokens(doc):
        joined = bool(run) and any(t.lower_ in CONNECTORS for t in run)
        connects = bool(run) and tok.lower_ in CONNECTORS and tok.i + 1 < len(doc) and eligible(doc[tok.i + 1], True)
        if eligible(tok, joined) or connects:
            run.append(tok)
        else:
            flush()
    flush()
    return out


CONNECTORS = frozenset({"of", "for", "and"})
# Words that qualify a title ("Acting Director", "Deputy Chief", "Former Minister").
RANK_WORDS = frozenset({"acting", "deputy", "vice", "interim", "former", "chief", "senior", "assistant", "associate",
                        "executive", "general", "principal", "lead", "head"})
