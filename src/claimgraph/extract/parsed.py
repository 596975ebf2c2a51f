"""The parse's tokens, sentences and entities, built once per document.

spaCy makes a new `Token` object each time a `Doc` or `Span` is indexed or iterated, and
recomputes `doc.sents` and `doc.ents` on every access. Extraction reads each sentence a few
dozen times (once per rule), so those objects dominate its cost; here they are built once and
kept in `doc.user_data` (extraction never changes a parse, so they never go stale).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from typing import TypeVar

from spacy.attrs import HEAD
from spacy.tokens import Doc, Span, Token

_TOKENS = "claimgraph.tokens"
_SENTS = "claimgraph.sents"
_ENTS = "claimgraph.ents"
_TEXT = "claimgraph.text"
_CHILDREN = "claimgraph.children"
_HEADS = "claimgraph.heads"
_SPANS = "claimgraph.spans"
T = TypeVar("T")


def tokens(doc: Doc) -> list[Token]:
    """Every token of `doc`, in order (the same objects on every call)."""
    found = doc.user_data.get(_TOKENS)
    if found is None or len(found) != len(doc):
        found = doc.user_data[_TOKENS] = list(doc)
    return found


def span_tokens(span: Span) -> list[Token]:
    """The tokens of a sentence or any other span of its document."""
    return tokens(span.doc)[span.start : span.end]


def sentences(doc: Doc) -> list[Span]:
    found = doc.user_data.get(_SENTS)
    if found is None:
        found = doc.user_data[_SENTS] = list(doc.sents)
    return found


def entities(doc: Doc) -> tuple[Span, ...]:
    found = doc.user_data.get(_ENTS)
    if found is None:
        found = doc.user_data[_ENTS] = tuple(doc.ents)
    return found


def doc_text(doc: Doc) -> str:
    """The document's text (`Doc.text` joins every token on each call)."""
    found = doc.user_data.get(_TEXT)
    if found is None:
        found = doc.user_data[_TEXT] = doc.text
    return found


def sentence_entities(sent: Span) -> list[Span]:
    """The entities inside one sentence (`Span.ents` walks the whole document's), found by
    bisection in the document's, which are in order."""
    ents = entities(sent.doc)
    starts = per_document(sent.doc, "claimgraph.ent-starts", lambda: [e.start for e in ents])
    first, last = bisect_left(starts, sent.start), bisect_left(starts, sent.end)
    return [e for e in ents[first:last] if e.end <= sent.end]


def children(tok: Token) -> list[Token]:
    """`tok.children` in order, from a table built once per document."""
    doc = tok.doc
    table = doc.user_data.get(_CHILDREN)
    if table is None:
        every = tokens(doc)
        table = [[] for _ in every]
        for i, offset in enumerate(_head_offsets(doc)):
            if offset:
                table[i + offset].append(every[i])
        doc.user_data[_CHILDREN] = table
    return table[tok.i]


def head(tok: Token) -> Token:
    """`tok.head`, from a table built once per document (`Token.head` makes a new object; the
    heads come as offsets in one array)."""
    doc = tok.doc
    heads = doc.user_data.get(_HEADS)
    if heads is None:
        every = tokens(doc)
        heads = doc.user_data[_HEADS] = [every[i + offset] for i, offset in enumerate(_head_offsets(doc))]
    return heads[tok.i]


def _head_offsets(doc: Doc) -> list[int]:
    """Each token's head as an offset from the token (0: a root)."""
    offsets: list[int] = doc.to_array([HEAD]).astype("int64").tolist()
    return offsets


def per_document(doc: Doc, key: str, build: Callable[[], T]) -> T:
    """What `build` makes of `doc`, made once and kept with the document under `key`."""
    if key not in doc.user_data:
        doc.user_data[key] = build()
    found: T = doc.user_data[key]
    return found


def char_span(doc: Doc, start: int, end: int) -> Span | None:
    """`doc.char_span(start, end, alignment_mode="expand")`, once per document and offsets."""
    spans = doc.user_data.setdefault(_SPANS, {})
    key = (start, end)
    if key not in spans:
        spans[key] = doc.char_span(start, end, alignment_mode="expand")
    found: Span | None = spans[key]
    return found


def know_text(doc: Doc, text: str) -> None:
    """Record the text `doc` was parsed from (spaCy's tokens keep every character), so that
    `doc_text` needs no join; a text of another length is ignored."""
    if len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(text):
        doc.user_data[_TEXT] = text


SET_OFF = (",", "(", "—", "–")


def set_off(tok: Token, marks: tuple[str, ...] = SET_OFF) -> bool:
    """Whether the phrase `tok` heads follows a comma, a bracket or a dash: "X, who ...",
    "..., the Gazette reported"."""
    first = min(t.i for t in tok.subtree)
    return first > 0 and tok.doc[first - 1].text in marks
