"""Named mentions: spaCy entities, cleaned and typed PERSON / ORG / PLACE, plus what it misses.

spaCy's spans carry determiners, possessives and quotes, its small model misses names
after titles and long organisation names, and its types wobble on news names (a surname
tagged NORP, a valley tagged PERSON). This module trims spans, types names by their head
word where the head is telling, adds the names untagged.py recovers (acronyms, quoted names,
media, proper-noun runs) and unnamed but specific parties ("the Russian defence ministry",
"US officials"), and tags every later occurrence of a name the document already used ("one
sense per discourse").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from claimgraph.extract.context_types import retype_by_context_words
from claimgraph.extract.coref.gender import is_first_name
from claimgraph.extract.headlines import recut_headline_names
from claimgraph.extract.lexicon import (
    ORG_DESCRIPTION_HEADS,
    ORG_NAME_HEADS,
    PERSON_DESCRIPTION_HEADS,
    PLACE_NAME_HEADS,
    ROLE_NOUNS,
    is_person_noun,
    type_from_name,
)
from claimgraph.extract.list_types import (
    join_city_teams,
    retype_lists,
    retype_personal_names,
)
from claimgraph.extract.parsed import char_span, children, entities, per_document, tokens
from claimgraph.extract.untagged import (
    acronym_definitions,
    acronym_expansions,
    acronyms_of_names,
    media_names,
    places_after_nouns,
    prefixed_parties,
    proper_runs,
    quoted_names,
    untagged_occurrences,
)
from claimgraph.model import ENTITY_TYPES, Document, Mention, Section, stable_id
from claimgraph.words import is_demonym_of

# words that title a person before the name ("President", "Dr", "Coroner")
TITLES = frozenset(ROLE_NOUNS | PERSON_DESCRIPTION_HEADS | {
    "dr", "mr", "mrs", "ms", "miss", "sen", "gov", "rep", "gen", "col", "capt", "lt", "sgt", "prof", "rev", "coroner",
    "sheriff", "detective", "pope", "sir", "dame", "attorney", "surgeon", "officer", "constable", "inspector"})
LEADING = re.compile(r"^(the|a|an|former|late|ex-|top|senior|so-called)\s+", re.IGNORECASE)
TRAILING = re.compile(r"(['’]s|['’])$")
ABBREVIATION = re.compile(r"(?:(?:\b[A-Z]\.){2,}|\b(?:Jr|Sr|Inc|Ltd|Corp|Co|Bros|Mfg|Assn)\.)$")
QUOTES = "\"'“”‘’«»„"
# spaCy label -> claimgraph entity type; NORP is decided per mention (_norp_type)
LABEL_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}
_TYPE_RANK = {t: i for i, t in enumerate(ENTITY_TYPES)}  # a fixed order for ties between types


def mention_id(doc_id: str, start: int, end: int) -> str:
    return stable_id("m", doc_id, start, end)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim quotes, determiners, possessives and punctuation off text[start:end]."""
    changed = True
    while changed and start < end:
        changed = False
        while start < end and (text[start] in QUOTES or text[start].isspace()):
            start, changed = start + 1, True
        keep_dot = bool(ABBREVIATION.search(text[start:end]))
        while end > start and (text[end - 1] in QUOTES + ",;:" or text[end - 1].isspace() or (text[end - 1] == "." and not keep_dot)):
            end, changed = end - 1, True
        m = LEADING.match(text[start:end])
        # "the Pentagon" -> "Pentagon", but "The Times" keeps its article
        if m and (m.group(1).lower() != "the" or len(text[start + m.end() : end].split()) > 1):
            start, changed = start + m.end(), True
        m = TRAILING.search(text[start:end])
        if m:
            end, changed = end - len(m.group(0)), True
    return start, end


def make_mention(document: Document, start: int, end: int, type_: str, label: str) -> Mention | None:
    """A mention over text[start:end] after trimming, or None when nothing name-like remains."""
    start, end = trim(document.text, start, end)
    surface = document.text[start:end]
    if "(" in surface and ")" not in surface:  # "Movement for Democratic Change (MDC"
        start, end = trim(document.text, start, start + surface.index("("))
        surface = document.text[start:end]
    if len(surface) < 2 or not any(ch.isupper() for ch in surface) or "\n" in surface:
        return None
    if label.startswith("spacy/"):
        type_ = type_from_name(surface, type_)
    if type_ == "PERSON":  # "Coroner Gary Hargrove", "President Obama": the title is no part of the name
        start, end = _without_title(document.text, start, end)
        surface = document.text[start:end]
    return Mention(
        id=mention_id(document.id, start, end), document=document.id, start=start, end=end,
        text=surface, type=type_, label=label, section=document.section_at(start),
    )


def _without_title(text: str, start: int, end: int) -> tuple[int, int]:
    """'Coroner Gary Hargrove' -> 'Gary Hargrove': one title word before a common first name."""
    words = text[start:end].split(" ")
    if len(words) > 2 and words[0].rstrip(".").lower() in TITLES and is_first_name(words[1]):
        start += len(words[0]) + 1
    return start, end


def _norp_type(ent: Span, person_tokens: set[str]) -> str | None:
    """NORP covers nationalities ("Russian") but also groups ("Kurds"), owners ("Tajikistan's")
    and mis-typed surnames."""
    if ent.text in person_tokens:
        return "PERSON"
    if any(child.dep_ == "case" for child in children(ent.root)):
        return "PLACE"
    if ent.root.tag_ in ("NNPS", "NNS") and ent.root.dep_ not in ("amod", "compound"):
        return "ORG"
    if len(ent) == 1 and ent.root.dep_ in ("amod", "compound", "npadvmod") and _country_named(ent):
        return "PLACE"  # "Russian columns", "Iraqi-born": the country the document names, for resolution to read
    return None


def _country_named(ent: Span) -> bool:
    """A nationality adjective whose country the document names ("Iranian" where "Iran" occurs);
    religions and sects ("Sunni") and peoples without a state name stay out."""
    nxt = ent.doc[ent.end : ent.end + 2]
    if len(nxt) == 2 and nxt[0].text == "-" and nxt[1].lower_ == "born":  # "Iraqi-born": a country, whatever else
        return True
    return any(is_demonym_of(ent.text, p) for p in _places_named(ent.doc))


def _places_named(doc: Doc) -> frozenset[str]:
    """The names of the document's places (GPE, LOC), gathered once a document."""
    return per_document(doc, "claimgraph.places-named", lambda: frozenset(e.text for e in entities(doc) if e.label_ in ("GPE", "LOC")))


def _add(found: dict[tuple[int, int], Mention], m: Mention | None) -> None:
    if m is None or m.start is None or m.end is None:
        return
    start, end = m.start, m.end
    for (s, e) in [k for k in found if k[0] < end and start < k[1]]:  # overlaps, in the order they came
        if (e - s) >= (end - start):  # keep the longer span
            return
        del found[(s, e)]
    found[(start, end)] = m


def extract_mentions(document: Document, doc: Doc) -> list[Mention]:
    person_tokens = {t.text for e in entities(doc) if e.label_ == "PERSON" for t in e if len(e) > 1}
    found: dict[tuple[int, int], Mention] = {}
    titles: set[int] = set()  # characters of ranks tagged as entities ("General of the Army")
    for start, end, long_name in acronym_definitions(document.text):
        _add(found, make_mention(document, start, end, "ORG", "rules/acronym-definition"))
        _add(found, make_mention(document, long_name[0], long_name[1], "ORG", "rules/acronym-definition"))
    for ent in entities(doc):
        type_ = LABEL_TYPES.get(ent.label_)
        if ent.label_ == "NORP":
            type_ = _norp_type(ent, person_tokens)
        if type_ is None:
            continue
        start, end = ent.start_char, ent.end_char
        nxt = doc[ent.end] if ent.end < len(doc) else None
        if type_ == "ORG" and nxt is not None and nxt.lower_ == "group":
            end = nxt.idx + len(nxt)
        the = doc[ent.start - 1] if ent.start > 0 else None
        if type_ == "ORG" and the is not None and the.text == "The" and (not the.is_sent_start or ent.text.lower() in ORG_NAME_HEADS):
            start = doc[ent.start - 1].idx
        if _is_title(ent):
            titles.update(range(ent.start_char, ent.end_char))
            continue
        owner = next((t for t in ent if t.dep_ == "case" and t.i > ent.start and t.head.i < t.i), None)
        if type_ == "ORG" and owner is not None and owner.i < ent.end - 1:  # "Moscow's Institute for X": two names
            _add(found, make_mention(document, ent.start_char, owner.idx, "PLACE", f"spacy/{ent.label_}+owner"))
            start = doc[owner.i + 1].idx
        acronyms = [t for t in ent if len(t.text) >= 2 and t.text.isupper() and t.text.isalpha()]
        if type_ == "PERSON" and acronyms and len(ent) > 1:  # "Chechen ISIS": a people's name and a group's
            for t in acronyms:
                _add(found, make_mention(document, t.idx, t.idx + len(t), "ORG", "spacy/PERSON+acronym"))
            continue
        prev = doc[ent.start - 1] if ent.start > 0 else None
        if type_ == "ORG" and prev is not None and prev.ent_type_ == "NORP" and prev.ent_iob_ in ("B", "I") and prev.text[:1].isupper():
            first = prev.i
            while first > 0 and doc[first].ent_iob_ == "I":
                first -= 1
            start = doc[first].idx  # "Islamic" + "State": one name
        _add(found, make_mention(document, start, end, type_, f"spacy/{ent.label_}"))
    descriptions = [make_mention(document, span.start_char, span.end_char, type_, "rules/description") for span, type_ in _descriptions(doc)]
    for span in proper_runs(doc, found, titles):
        type_ = "ORG" if len(span) == 1 and span.text.isupper() else type_from_name(span.text, "PERSON")
        _add(found, make_mention(document, span.start_char, span.end_char, type_, "rules/proper-noun"))
    for span in media_names(doc, found):
        _add(found, make_mention(document, span.start_char, span.end_char, "ORG", "rules/media-name"))
    for start, end, type_ in quoted_names(document.text):
        quoted = make_mention(document, start, end, type_, "rules/quoted-name")
        if quoted is not None:  # the noun before it types a quoted name better than the tagger
            found.pop((quoted.start or 0, quoted.end or 0), None)
        _add(found, quoted)
    for start, end, type_ in acronym_expansions(document.text, found):
        _add(found, make_mention(document, start, end, type_, "rules/acronym-expansion"))
    for start, end, type_ in acronyms_of_names(document.text, found):
        _add(found, make_mention(document, start, end, type_, "rules/acronym-of-name"))
    for start, end, type_ in places_after_nouns(document.text):
        if (start, end) in found and found[(start, end)].type == "PERSON":
            del found[(start, end)]  # "the city of Lyon" tagged as a person: the words before it decide
        _add(found, make_mention(document, start, end, type_, "rules/place-of"))
    for start, end, type_ in prefixed_parties(document.text, found):
        _add(found, make_mention(document, start, end, type_, "rules/anti-pro"))
    recut_headline_names(document.text, doc, found)
    _retype_by_context(doc, found)
    _retype_by_description(doc, found)
    join_city_teams(document.text, found)
    retype_personal_names(found)
    retype_by_context_words(doc, found)
    retype_lists(doc, found)
    _propagate(document, found)
    owners, first_use = _family_names(found)
    shorts = {short: first_use[short] for short, full in owners.items() if len(full) == 1}
    _propagate_short_forms(document, doc, found, shorts)
    _harmonise_types(found, owners)
    # a description may contain a name ("Tajikistan's top counterterrorism officer"): both stay,
    # unless a name at least as long overlaps it
    for d in descriptions:
        if d is not None and d.start is not None and d.end is not None and not any(
                s < d.end and d.start < e and e - s >= d.end - d.start for (s, e) in found):
            found.setdefault((d.start, d.end), d)
    return sorted(found.values(), key=lambda m: m.start or 0)


# what follows a family name in a full name: "Ray Hollis Jr.", "Tom Brannigan III"
GENERATIONS = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def _family_names(found: dict[tuple[int, int], Mention]) -> tuple[dict[str, set[str]], dict[str, int]]:
    """Family names of the full personal names a document uses ("Assad" of "Bashar al-Assad",
    "Hollis" of "Ray Hollis Jr."), each with the full names it ends and the offset of the first
    one's first use. One that ends a single full name is a short form of it; any is a person's."""
    owners: dict[str, set[str]] = {}
    first: dict[str, int] = {}
    for m in found.values():
        if m.type != "PERSON" or m.label == "rules/description" or m.start is None:
            continue
        words = m.text.rstrip(",").split()
        while len(words) > 2 and words[-1].lower() in GENERATIONS:
            words = words[:-1]
        if len(words) < 2:
            continue
        bare = re.sub(r"^(?:al|el|ad|as|ash)-", "", words[-1], flags=re.IGNORECASE)  # "al-Assad" -> "Assad"
        for short in dict.fromkeys((words[-1], bare)):  # in order: the set's order would vary by hash seed
            if len(short) >= 3 and short[:1].isupper():
                owners.setdefault(short, set()).add(m.text)
                first[short] = min(first.get(short, m.start), m.start)
    return owners, first


def _propagate_short_forms(document: Document, doc: Doc, found: dict[tuple[int, int], Mention],
                           shorts: dict[str, int]) -> None:
    """A person's family name standing alone after the full name ("... Talal Silo ... Silo said")
    is a mention of that person, whether or not the tagger saw it."""
    for short, since in shorts.items():
        for s, e in untagged_occurrences(document.text, short, found):
            span = doc.char_span(s, e)
            if s >= since and span is not None and span[0].pos_ == "PROPN":
                _add(found, Mention(id=mention_id(document.id, s, e), document=document.id, start=s, end=e, text=short,
                                    type="PERSON", label="rules/short-form", section=document.section_at(s)))


def _harmonise_types(found: dict[tuple[int, int], Mention], shorts: dict[str, set[str]]) -> None:
    """One name, one type within a document: a one-word name that is the family name of a full
    personal name (or of two: "Lia Dorne" and "Max Dorne") is a person ("Khalimov" tagged GPE
    after "Gulmurod Khalimov"), and otherwise
    a name takes the type most of its occurrences have."""
    votes: dict[str, Counter[str]] = {}
    for m in found.values():
        if m.label != "rules/description":
            votes.setdefault(m.text, Counter())[m.type] += 1
    for k, m in list(found.items()):
        if m.label == "rules/description" or m.section is Section.META or m.label.endswith("+context"):
            continue
        if _family_named(m, shorts) and type_from_name(m.text, "") == "":
            if m.type != "PERSON":
                found[k] = replace(m, type="PERSON")
            continue
        (best, n), *rest = votes[m.text].most_common()
        if best != m.type and (not rest or n > rest[0][1]):
            found[k] = replace(m, type=best)


def _family_named(m: Mention, family: dict[str, set[str]]) -> bool:
    """A family name alone, or after a short first name with the initial of the full name's ("Mo
    Ferrin" beside "Maurice Ferrin") that the tagger typed otherwise."""
    if m.text in family:
        return True
    words = m.text.split()
    if len(words) != 2 or not m.label.startswith("spacy/") or not words[0].isalpha() or not words[0][:1].isupper():
        return False
    return any(full != m.text and full[:1] == words[0][:1] and is_first_name(full.split()[0]) for full in family.get(words[-1], ()))


def _placed(tok: Token) -> bool:
    """Where only a place can stand: 'deployed around X', 'near X and Y'."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in ("around", "near", "outside", "throughout")


# nouns whose "of" names an organisation, never a person: "the founder of Graphwerk"
OF_AN_ORGANISATION = frozenset({"founder", "co-founder", "cofounder", "employee", "employees", "owner", "owners",
                                "shareholder", "shareholders", "subsidiary", "headquarters", "ceo", "chairman",
                                "chairwoman", "spokesman", "spokeswoman", "spokesperson", "staff", "board"})


def _of_an_organisation(tok: Token) -> bool:
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in OF_AN_ORGANISATION


def _with_article(span: Span) -> bool:
    """'the Ledger', 'the Blazers': a person's name takes no article (a title between them,
    'the late', 'the Rev.', is a word of its own and not the article's neighbour)."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.lower_ == "the" and before.head.i in range(span.start, span.end)


def _retype_by_context(doc: Doc, found: dict[tuple[int, int], Mention]) -> None:
    """A name followed by 'who' or 'whose' is a person, whatever the tagger said ("Rihanna, who ...");
    a "person" only a place could be ("forces deployed around Rafah") is a place, and one with an
    article ("joined the Blazers") an organisation."""
    for key, m in list(found.items()):
        if m.start is None or m.end is None or m.label == "rules/description":
            continue
        if m.type == "PERSON" and not m.label.startswith("spacy/"):
            continue
        if type_from_name(m.text, "") in ("ORG", "PLACE"):  # "the Karsian army, who ...": a mis-attached clause
            continue
        span = char_span(doc, m.start, m.end)
        if span is None:
            continue
        if m.type == "PERSON":
            if _placed(span.root):
                found[key] = replace(m, type="PLACE", label=m.label + "+place")
            elif _with_article(span) and not is_first_name(m.text.split()[0]):
                found[key] = replace(m, type="ORG", label=m.label + "+the")
            elif _of_an_organisation(span.root):
                found[key] = replace(m, type="ORG", label=m.label + "+of")
            continue
        for c in children(span.root):
            if c.dep_ == "relcl" and any(t.lower_ in ("who", "whom", "whose") and t.i < c.i for t in c.lefts):
                found[key] = replace(m, type="PERSON", label=m.label + "+who")


# What a name in apposition or before a head noun is said to be: "Brightwater, a treatment
# facility", "the Brightwater rehab clinic" (a place); "Glimmer, the celebrity website" (an organisation).
DESCRIBED_AS = {**{w: "PLACE" for w in PLACE_NAME_HEADS | {"rehab", "shelter", "store", "shop", "restaurant", "school"}},
                **{w: "ORG" for w in ORG_NAME_HEADS | {"website", "site", "magazine", "newspaper", "paper", "outlet",
                                                      "tabloid", "broadcaster", "firm", "charity", "label", "band",
                                                      "blog", "publication", "show", "studio"}}}


def _retype_by_description(doc: Doc, found: dict[tuple[int, int], Mention]) -> None:
    """A name the report calls a facility or an organisation is one, in the whole document, whatever
    the tagger made of it:
    "at Brightwater, a treatment facility" or "the Brightwater rehab clinic" makes every
    "Brightwater" of the report a place. A name that is the first words of such a name in the
    same report ("Harbor View" beside "Harbor View Clinic") takes its type too; only a facility's
    ("the Ann Moss Foundation" says nothing about Ann Moss)."""
    said: dict[str, str] = {}
    for m in found.values():
        if m.type == "PLACE" or m.start is None or m.end is None or m.label == "rules/description":
            continue
        span = char_span(doc, m.start, m.end)
        if span is None:
            continue
        root = span.root
        nouns: list[tuple[Token, tuple[str, ...]]] = [(c, ("PLACE", "ORG")) for c in children(root) if c.dep_ == "appos"]
        if root.dep_ == "compound" and root.head.pos_ == "NOUN" and not any(
                c.dep_ == "det" and c.lower_ in ("a", "an") for c in children(root.head)):
            # "the Brightwater rehab clinic" names a place; "a Tesco store" is one of a brand's;
            # "the Tajik interior ministry" is no Tajik organisation
            nouns.append((root.head, ("PLACE",)))
        for noun, kinds in nouns:
            kind = DESCRIBED_AS.get(noun.lemma_.lower()) if noun.pos_ == "NOUN" else None
            if kind in kinds:
                said.setdefault(m.text, kind)
                break
    for m in found.values():
        words = m.text.split()
        if m.type in ("ORG", "PLACE") and len(words) >= 3 and DESCRIBED_AS.get(words[-1].lower()) == "PLACE":
            said.setdefault(" ".join(words[:-1]), m.type)  # "Harbor View Clinic" -> "Harbor View"
    for key, m in list(found.items()):
        if m.text in said and m.type != said[m.text] and m.label != "rules/description":
            found[key] = replace(m, type=said[m.text], label=m.label + "+described")


TITLE_WORDS = frozenset({"rear", "vice", "deputy", "acting", "chief", "first", "second", "lord", "lady", "sir", "dame", "grand", "supreme", "senior", "junior", "staff", "of", "the"})


def _is_title(ent: Span) -> bool:
    """'General of the Army' or 'Rear Admiral' tagged as a name before a name is a rank."""
    words = ent.text.lower().split()
    if not words or ent.end >= len(ent.doc) or ent.doc[ent.end].pos_ != "PROPN":
        return False
    if words[0] in PERSON_DESCRIPTION_HEADS or words[0] in ("general", "president", "colonel"):
        return True
    return is_person_noun(words[-1]) and all(w in TITLE_WORDS or is_person_noun(w) for w in words)


def _descriptions(doc: Doc) -> list[tuple[Span, str]]:
    """Unnamed but specific parties: a nationality, country or organisation modifying a head noun
    such as ministry, officials, troops or spokesman ("the Tajik interior ministry")."""
    out = []
    for tok in tokens(doc):
        lemma = tok.lower_
        if tok.pos_ not in ("NOUN", "PROPN") or not tok.text.islower() or not (lemma in ORG_DESCRIPTION_HEADS or lemma in PERSON_DESCRIPTION_HEADS):
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ in ("NOUN", "PROPN"):
            continue  # not the head of its phrase, or a title before a name ("commander Abu Omar")
        left = [t for t in tok.subtree if t.i < tok.i]
        anchor = next((t for t in left if t.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") and t.dep_ != "det"), None)
        if anchor is None:
            continue
        if any(t.pos_ in ("VERB", "ADP", "PUNCT") and t.i > anchor.i and t.text not in ("’s", "'s", "-") for t in left):
            continue
        span = doc[anchor.i : tok.i + 1]
        type_ = "PERSON" if lemma in PERSON_DESCRIPTION_HEADS and tok.tag_ == "NN" else "ORG"
        out.append((span, type_))
    return out



def _propagate(document: Document, found: dict[tuple[int, int], Mention]) -> None:
    """Tag every other occurrence of a name the document already tagged (whole words only)."""
    text = document.text
    votes = Counter((m.text, m.type) for m in found.values() if m.label != "rules/description")
    tagged = set(votes)
    # "the Islamic State group" also names "Islamic State" where the word "group" is not there
    tagged |= {(t[: -len(" group")], ty) for t, ty in tagged if ty == "ORG" and t.endswith(" group") and t[:1].isupper()}
    # longest first; a name tagged with two types propagates the type most of its tags have (ties in
    # a fixed order), whatever order the set holds them in
    names = sorted({(t, ty) for t, ty in tagged if len(t) >= 3 or re.fullmatch(r"[A-Z]{2}", t)},
                   key=lambda x: (-len(x[0]), x[0], -votes[x], _TYPE_RANK.get(x[1], len(_TYPE_RANK))))
    for surface, type_ in names:
        for s, e in untagged_occurrences(text, surface, found, with_group=type_ == "ORG"):
            _add(found, Mention(id=mention_id(document.id, s, e), document=document.id, start=s, end=e, text=text[s:e],
                                type=type_, label="rules/same-name", section=document.section_at(s)))


def token_mention(mentions: list[Mention], tok: Token) -> Mention | None:
    """The mention covering token `tok`, if any."""
    for m in mentions:
        if m.start is not None and m.end is not None and m.start <= tok.idx < m.end:
            return m
    return None


def metadata_mentions(document: Document) -> list[Mention]:
    """The publisher and authors named in metadata, as mentions without a text span."""
    out = []
    if document.publisher:
        out.append(Mention(id=stable_id("m", document.id, "publisher"), document=document.id, start=None,
                           end=None, text=document.publisher, type="ORG", label="meta/publisher", section=Section.META))
    for author in document.authors:
        out.append(Mention(id=stable_id("m", document.id, "author", author), document=document.id, start=None,
                           end=None, text=author, type="PERSON", label="meta/author", section=Section.META))
    return out
