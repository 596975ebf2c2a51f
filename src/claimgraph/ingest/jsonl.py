"""JSON Lines feeds: one article a record, each record checked against a schema.

A record is one line ended by "\\n" (a U+2028 inside a string is part of the record, not a line
break). Its fields are typed: a wrong type, a record nested too deeply for the JSON parser or a
number too long to read is that record's one-line error; the lines around it are read as usual.
Lone surrogates ("\\ud800") become U+FFFD.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import ftfy
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from claimgraph.errors import InputError
from claimgraph.ingest.article import RawArticle, article_from_text, printable
from claimgraph.ingest.html import parse_html
from claimgraph.ingest.text import parse_date

_SURROGATE = re.compile(r"[\ud800-\udfff]")
EXPECTED = {
    "text": "a string", "html": "a string", "title": "a string or null", "url": "a string or null",
    "publisher": "a string or null", "published": "a date as a string, or null",
    "authors": "a string or a list of strings", "author": "a string or a list of strings",
}


class JsonArticle(BaseModel):
    """The fields claimgraph reads from a record (others are ignored), with their types."""

    model_config = ConfigDict(strict=True, extra="ignore")

    text: str | None = None
    html: str | None = None
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: str | None = None
    authors: str | list[str] | None = None
    author: str | list[str] | None = None

    @field_validator("*", mode="after")
    @classmethod
    def _repair(cls, value: Any) -> Any:
        """Lone surrogates out, mojibake repaired, in every string."""
        if isinstance(value, str):
            return ftfy.fix_text(_SURROGATE.sub("\ufffd", value), uncurl_quotes=False)
        if isinstance(value, list):
            return [cls._repair(v) for v in value]
        return value


def read_jsonl(text: str, source: str) -> Iterator[RawArticle | InputError]:
    """One article a line: `text` or `html`, with optional title, url, publisher, published, authors."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            yield _article(line, where)
        except InputError as exc:
            yield exc


def _article(line: str, where: str) -> RawArticle:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(where, f"invalid JSON ({exc.msg})") from None
    except RecursionError:
        raise InputError(where, "invalid JSON (nested too deeply)") from None
    except ValueError as exc:  # e.g. an integer longer than Python reads
        raise InputError(where, f"invalid JSON ({printable(str(exc))[:120]})") from None
    if not isinstance(record, dict):
        raise InputError(where, f"a JSON Lines article is an object, not {type(record).__name__}")
    try:
        rec = JsonArticle.model_validate(record)
    except ValidationError as exc:
        fields = sorted({str(e["loc"][0]) for e in exc.errors() if e["loc"]})
        shown = "; ".join(f"`{f}` must be {EXPECTED.get(f, 'of another type')}" for f in fields)
        raise InputError(where, f"wrong field type: {shown}") from None
    if not rec.text and not rec.html:
        raise InputError(where, "a JSON Lines article needs a string `text` or `html` field")
    source = printable(rec.url) if rec.url else where
    art = parse_html(rec.html, source) if rec.html else article_from_text(rec.text or "", source)
    art.title = rec.title or art.title
    art.publisher = rec.publisher or art.publisher
    art.published = parse_date(rec.published) or art.published
    authors = rec.authors or rec.author
    if authors:
        art.authors = [authors] if isinstance(authors, str) else [a for a in authors if a.strip()]
    return art
