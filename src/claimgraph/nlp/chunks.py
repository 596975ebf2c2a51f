"""Long texts in pieces the model takes whole.

spaCy refuses a text over its `max_length`, needs memory in proportion to a text's length, and
the rules after it compare each sentence with the whole document: a book-length text is read in
pieces of at most `limit` characters, cut where the text itself breaks — between paragraphs,
else between lines (every line break ends a sentence), else after a sentence's full stop, else
at a space. Every piece keeps its offset, so spans found in it map back exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Doc

if TYPE_CHECKING:
    from spacy.language import Language

# where a piece may end, best first: the end of what the pattern matches
BREAKS = (re.compile(r"\n\s*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"'”’)]*\s+"), re.compile(r"\s+"))


def split_text(text: str, limit: int) -> list[tuple[int, str]]:
    """`text` as (offset, piece) pairs, each piece at most `limit` characters (at least half of it
    unless the text gives no place to cut), joined back they are the text."""
    if limit <= 0:
        raise ValueError(f"a piece holds at least one character, not {limit}")
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start, start + limit)
        pieces.append((start, text[start:end]))
        start = end
    if start < len(text) or not pieces:
        pieces.append((start, text[start:]))
    return pieces


def _cut(text: str, start: int, stop: int) -> int:
    """Where the piece that begins at `start` ends: the last break of the best kind found in the
    second half of text[start:stop], or `stop`."""
    floor = start + (stop - start) // 2
    for pattern in BREAKS:
        end = None
        for m in pattern.finditer(text, floor, stop):
            end = m.end()
        if end is not None and end > start:
            return end
    return stop


# A text longer than this is parsed in parts of at most this many characters, cut as pieces are
# (see `split_text`), and the parts' parses joined into one Doc. The parser and tagger read a
# sentence and a few words around it, never a whole page, so the parts' parses are what the
# whole text's would be except at a cut (a break between paragraphs, as a rule); and spaCy's
# models take a long text slower per word than a batch of short ones (measured: a 50,000-
# character piece whole 2.75 s, in parts of 10,000 1.96 s).
PART_CHARS = 10_000


def pipe_in_parts(nlp: Language, texts: Iterable[str], batch_size: int) -> Iterator[Doc]:
    """`nlp.pipe(texts, batch_size=batch_size)`, but a text longer than PART_CHARS parsed in
    parts and joined; texts in between are piped together as before."""
    short: list[str] = []
    for text in texts:
        if len(text) <= PART_CHARS:
            short.append(text)
            continue
        if short:
            yield from nlp.pipe(short, batch_size=batch_size)
            short = []
        yield parse_in_parts(nlp, text)
    if short:
        yield from nlp.pipe(short, batch_size=batch_size)


def parse_in_parts(nlp: Language, text: str) -> Doc:
    """One Doc of `text`, parsed in parts of at most PART_CHARS characters."""
    if len(text) <= PART_CHARS:
        return nlp(text)
    parts = [part for _, part in split_text(text, PART_CHARS)]
    doc = Doc.from_docs(list(nlp.pipe(parts, batch_size=len(parts))), ensure_whitespace=False)
    assert doc.text == text, "the parts of a text join back into the text"
    return doc
