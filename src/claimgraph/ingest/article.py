"""What reading produces: a raw article (clean text and the metadata the input gave), and how
its source is named in messages and in the store (one printable line)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from claimgraph.ingest.text import parse_text

_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


@dataclass
class RawArticle:
    """One article as read, before NLP: clean text plus whatever metadata the input gave."""

    source: str
    text: str
    title: str | None = None
    publisher: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    comment_start: int | None = None


def printable(text: str) -> str:
    """`text` on one printable line: control characters, line separators and lone surrogates
    written as escapes ("\\n", "\\udcff")."""
    return _UNPRINTABLE.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)


def source_name(path: str | Path) -> str:
    """A path as shown and stored: bytes that are not UTF-8 escaped ("bad\\xffname.txt")."""
    return printable(os.fsencode(path).decode("utf-8", "backslashreplace"))


def article_from_text(text: str, source: str) -> RawArticle:
    parsed = parse_text(text)
    return RawArticle(
        source=source, text=parsed.text, title=parsed.title, publisher=parsed.publisher,
        authors=parsed.authors, published=parsed.published, comment_start=parsed.comment_start,
    )
