"""Named mentions of a UD-parsed document: the parser's entities, trimmed and typed, each named
by its base form (`names.span_name`), with offsets at the words as written."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from claimgraph.extract.frames.lexicon import Lexicon
from claimgraph.extract.ud.names import span_name
from claimgraph.model import Document, Mention, stable_id

LABELS = {"PER": "PERSON", "PERSON": "PERSON", "LOC": "PLACE", "GPE": "PLACE", "ORG": "ORG"}
EDGE_POS = ("DET", "ADP", "PUNCT", "SPACE", "CCONJ", "SCONJ")


def trimmed(span: Span) -> Span | None:
    """The span without edge words; a capitalised article inside a sentence is part of a name
    ("selon Le Figaro"), one that opens the sentence is not ("La Brigade … a confirmé")."""
    start, end = span.start, span.end
    while start < end and (span.doc[start].pos_ in EDGE_POS or span.doc[start].text in "«»\"“”„'"):
        first = span.doc[start]
        if first.pos_ == "DET" and first.text[:1].isupper() and not first.is_sent_start and start + 1 < end:
            break
        start += 1
    while end > start and (span.doc[end - 1].pos_ in EDGE_POS or span.doc[end - 1].text in "«»\"“”„'"):
        end -= 1
    return span.doc[start:end] if end > start else None


def misc_type(span: Span, lexicon: Lexicon) -> str | None:
    """A name the tagger left untyped (MISC): an organisation by its head noun, a person when
    it is a run of capitalised words in apposition to a title or the subject of a status."""
    if any(t.lemma_.lower() in lexicon.org_nouns for t in span):
        return "ORG"
    words = [t for t in span if t.is_alpha]
    if len(words) >= 2 and all(t.text[:1].isupper() or t.text.lower() in ("al", "el", "ad", "ibn", "bin", "abu", "abou") for t in words):
        heads = {span.root.head.lemma_.lower()} | {c.lemma_.lower() for c in span.root.children if c.dep_ == "appos"}
        if heads & lexicon.role_nouns:
            return "PERSON"
    return None


def titled(span: Span, lexicon: Lexicon) -> bool:
    """A name beside a title ("le porte-parole Idris Malsagov", "le commandant …, Abou Hamza
    al-Karsi,", "Idris Malsagov, porte-parole …"): a person, whatever label the parser gave
    the link between them."""
    root = span.root
    before = span.doc[span.start - 1] if span.start > 0 else None
    roles = lexicon.role_nouns
    if (before is not None and before.lemma_.lower() in roles) or (
            before is not None and before.text == "," and span.start > 1 and span.doc[span.start - 2].lemma_.lower() in roles):
        return True
    if root.head.lemma_.lower() in lexicon.role_nouns and root.head.i < span.start and (
            root.dep_ in ("appos", "flat:name") or (before is not None and (before.text == "," or before.i == root.head.i))):
        return True
    return any(c.dep_ == "appos" and c.lemma_.lower() in lexicon.role_nouns for c in root.children)


def ud_mentions(document: Document, doc: Doc, lexicon: Lexicon) -> list[Mention]:
    """The tagger's names; a name titled as a person, or a word of a person's name used again
    ("Karsi" after "Abou Hamza al-Karsi"), is a person whatever the tagger said."""
    found: list[tuple[Span, str, str]] = []
    for ent in _joined(list(doc.ents)):
        span = trimmed(ent)
        if span is None or not any(t.is_alpha for t in span):
            continue
        type_ = "PERSON" if titled(span, lexicon) else LABELS.get(ent.label_) or misc_type(span, lexicon)
        if type_ is not None:
            found.append((span, type_, ent.label_))
    found += _occurrences(doc, found)
    person_words = {w for span, type_, _ in found if type_ == "PERSON" for w in _words(span_name(span, lexicon.inflected))}
    out = []
    for span, type_, label in found:
        name = span_name(span, lexicon.inflected)
        if type_ != "PERSON" and _words(name) <= person_words and label not in ("ORG",):
            type_ = "PERSON"
        out.append(Mention(id=stable_id("m", document.id, span.start_char, span.end_char), document=document.id,
                           start=span.start_char, end=span.end_char, text=name, type=type_,
                           label=f"ner/{label}", section=document.section_at(span.start_char)))
    return out


def _occurrences(doc: Doc, found: list[tuple[Span, str, str]]) -> list[tuple[Span, str, str]]:
    """Later uses of a person's name the tagger missed (one sense per discourse): the full name
    or its surname alone, compared in base form ("Козлова" is "Козлов")."""
    names: dict[tuple[str, ...], str] = {}
    for span, type_, _ in found:
        if type_ == "PERSON":
            words = tuple(t.norm_.lower() for t in span if t.is_alpha)
            names[words] = "PER"
            if len(words) >= 2 and len(words[-1]) >= 4:
                names.setdefault(words[-1:], "PER")
    if not names:
        return []
    covered = {i for span, _, _ in found for i in range(span.start, span.end)}
    longest = max(len(k) for k in names)
    out = []
    i = 0
    while i < len(doc):
        hit = None
        if i not in covered and doc[i].text[:1].isupper():
            for n in range(min(longest, len(doc) - i), 0, -1):
                window = doc[i:i + n]
                if any(t.i in covered for t in window):
                    continue
                if tuple(t.norm_.lower() for t in window) in names:
                    hit = window
                    break
        if hit is not None:
            out.append((hit, "PERSON", "PER"))
            i = hit.end
        else:
            i += 1
    return out


def _joined(ents: list[Span]) -> list[Span]:
    """An organisation and the place it belongs to, tagged apart ("Министерство обороны" +
    "Карсии"), are one name when the place hangs from the organisation."""
    out: list[Span] = []
    for ent in ents:
        prev = out[-1] if out else None
        if (prev is not None and prev.label_ == "ORG" and ent.start == prev.end and ent.label_ in ("LOC", "GPE")
                and ent.root.head.i in range(prev.start, prev.end) and ent.root.dep_ == "nmod"):
            out[-1] = Span(ent.doc, prev.start, ent.end, label=prev.label_)
            continue
        out.append(ent)
    return out


def _words(name: str) -> set[str]:
    return {w for w in name.lower().replace("-", " ").split() if len(w) > 2}


def description(document: Document, span: Span, lexicon: Lexicon, type_: str) -> Mention:
    """An unnamed party in words of its own ("источник в силовых структурах", "un responsable")."""
    return Mention(id=stable_id("m", document.id, span.start_char, span.end_char), document=document.id,
                   start=span.start_char, end=span.end_char, text=span_name(span, lexicon.inflected)[:120], type=type_,
                   label="rules/description", section=document.section_at(span.start_char))
