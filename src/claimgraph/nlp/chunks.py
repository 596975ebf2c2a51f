"""Long texts in pieces the model takes whole.

spaCy refuses a text over its `max_length`, needs memory in proportion to a text's length, and
the rules after it compare each sentence with the whole document: a book-length text is read in
pieces of at most `limit` characters, cut where the text itself breaks — between paragraphs,
else between lines (every line break ends a sentence), else after a sentence's full stop, else
at a space. Every piece keeps its offset, so spans found in it map back exactly.
"""

from __future__ import annotations

import re

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
