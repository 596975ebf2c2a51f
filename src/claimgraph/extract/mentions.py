"""Named mentions from spaCy entities, cleaned and typed PERSON / ORG / PLACE.

spaCy's spans carry determiners, possessives and quotes, and its types wobble on news
names (a surname tagged NORP, a valley tagged PERSON). Spans are trimmed here; types are
repaired later by majority over a resolved entity's mentions.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from claimgraph.model import Document, Mention, Section, stable_id

LEADING = re.compile(r"^(the|a|an|former|late|ex-)\s+", re.IGNORECASE)
TRAILING = re.compile(r"(['’]s|['’])$")
QUOTES = "\"'“”‘’«»"
# spaCy label -> claimgraph entity type; NORP is decided per mention (_norp_type)
LABEL_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}
GROUP_SUFFIX = re.compile(r"\s+(group|militants?|fighters|forces)$", re.IGNORECASE)


def mention_id(doc_id: str, start: int, end: int) -> str:
    return stable_id("m", doc_id, start, end)


def make_mention(document: Document, start: int, end: int, type_: str, label: str) -> Mention | None:
    """A mention over text[start:end], trimmed of determiners, possessives and quotes."""
    text = document.text
    while start < end and (text[start] in QUOTES or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in QUOTES + ".,;:" or text[end - 1].isspace()):
        end -= 1
    m = LEADING.match(text[start:end])
    if m:
        start += m.end()
    m = TRAILING.search(text[start:end])
    if m:
        end -= len(m.group(0))
    surface = text[start:end]
    if len(surface) < 2 or not any(ch.isupper() for ch in surface[:1] + surface):
        return None
    return Mention(
        id=mention_id(document.id, start, end), document=document.id, start=start, end=end,
        text=surface, type=type_, label=label, section=document.section_at(start),
    )


def _norp_type(ent: Span, person_tokens: set[str]) -> str | None:
    """NORP covers nationalities ("Russian") but also groups ("Kurds") and mis-typed surnames."""
    if ent.text in person_tokens:
        return "PERSON"
    if ent.root.tag_ in ("NNPS", "NNS") and ent.root.dep_ not in ("amod", "compound"):
        return "ORG"
    return None


def extract_mentions(document: Document, doc: Doc) -> list[Mention]:
    person_tokens = {t.text for e in doc.ents if e.label_ == "PERSON" for t in e if len(e) > 1}
    mentions: dict[tuple[int, int], Mention] = {}
    for ent in doc.ents:
        type_ = LABEL_TYPES.get(ent.label_)
        if ent.label_ == "NORP":
            type_ = _norp_type(ent, person_tokens)
        if type_ is None:
            continue
        m = make_mention(document, ent.start_char, ent.end_char, type_, f"spacy/{ent.label_}")
        if m is not None and m.start is not None and m.end is not None:
            mentions[(m.start, m.end)] = m
    return sorted(mentions.values(), key=lambda m: (m.start or 0))


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
