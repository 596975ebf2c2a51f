"""Files and folders in, raw articles out; every unreadable input becomes an InputError."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import ftfy

from claimgraph.errors import InputError
from claimgraph.ingest.html import parse_html
from claimgraph.ingest.text import parse_date, parse_text

SUFFIXES = {".txt": "text", ".md": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}


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


def discover(paths: list[str | Path]) -> Iterator[Path | InputError]:
    """Every ingestible file under `paths`, sorted; a missing path is an InputError."""
    for p in map(Path, paths):
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    f = Path(root) / name
                    if f.suffix.lower() in SUFFIXES and not name.startswith("."):
                        yield f
        elif p.is_file():
            if p.suffix.lower() in SUFFIXES:
                yield p
            else:
                yield InputError(str(p), f"unsupported file type {p.suffix or '(none)'}; expected one of {', '.join(sorted(SUFFIXES))}")
        else:
            yield InputError(str(p), "no such file or folder")


def decode(data: bytes, source: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM) or Windows-1252, then mojibake repaired."""
    if not data.strip():
        raise InputError(source, "empty file")
    if b"\x00" in data[:8192]:
        raise InputError(source, "binary file (contains NUL bytes); expected text, HTML or JSON Lines")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise InputError(source, f"not UTF-8 or Windows-1252 text ({exc.reason} at byte {exc.start})") from exc
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.05 * min(len(text), 8192):
        raise InputError(source, "binary file (mostly control characters)")
    return ftfy.fix_text(text, uncurl_quotes=False)


def read_file(path: Path, max_bytes: int) -> list[RawArticle | InputError]:
    """Read one file into articles; a JSON Lines file may hold many, and bad lines come back as errors."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(source, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit (set CLAIMGRAPH_MAX_BYTES to raise it)")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(source, f"cannot read: {exc.strerror or exc}") from exc
    text = decode(data, source)
    kind = SUFFIXES.get(path.suffix.lower(), "text")
    if kind == "html":
        return [parse_html(text, source)]
    if kind == "jsonl":
        return list(read_jsonl(text, source))
    return [article_from_text(text, source)]


def article_from_text(text: str, source: str) -> RawArticle:
    parsed = parse_text(text)
    return RawArticle(
        source=source, text=parsed.text, title=parsed.title, publisher=parsed.publisher,
        authors=parsed.authors, published=parsed.published, comment_start=parsed.comment_start,
    )


def read_jsonl(text: str, source: str) -> Iterator[RawArticle | InputError]:
    """One article a line: `text` or `html`, with optional title, url, publisher, published, authors."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"invalid JSON ({exc.msg})")
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("text") or rec.get("html"), str):
            yield InputError(where, "a JSON Lines article needs a string `text` or `html` field")
            continue
        if rec.get("html"):
            try:
                art = parse_html(rec["html"], rec.get("url") or where)
            except InputError as exc:
                yield exc
                continue
        else:
            art = article_from_text(ftfy.fix_text(rec["text"], uncurl_quotes=False), rec.get("url") or where)
        art.title = rec.get("title") or art.title
        art.publisher = rec.get("publisher") or art.publisher
        art.published = parse_date(rec.get("published")) or art.published
        authors = rec.get("authors") or rec.get("author")
        if authors:
            art.authors = [authors] if isinstance(authors, str) else [str(a) for a in authors]
        yield art

