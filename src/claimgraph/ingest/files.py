"""Files and folders in, raw articles out; every unreadable input becomes an InputError.

Bytes are read as UTF-8, or by their byte-order mark as UTF-16/32, or as Windows-1252; a stray
undecodable byte is replaced, not a reason to refuse the article. A file name that is not valid
UTF-8 is shown with its bad bytes escaped.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import ftfy

from claimgraph.errors import InputError
from claimgraph.ingest.article import RawArticle, article_from_text, printable, source_name
from claimgraph.ingest.html import parse_html
from claimgraph.ingest.jsonl import read_jsonl

SUFFIXES = {".txt": "text", ".md": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
# byte-order marks, the four-byte ones first: the UTF-32 LE mark begins with the UTF-16 LE one
BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def discover(paths: list[str | Path]) -> Iterator[Path | InputError]:
    """Every ingestible file under `paths`, each once, in path order whatever order the paths
    are given in (the same files make the same graph); a missing path is an InputError."""
    found: set[Path] = set()
    for p in map(Path, paths):
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                found.update(Path(root) / name for name in files
                             if Path(name).suffix.lower() in SUFFIXES and not name.startswith("."))
        elif p.is_file():
            if p.suffix.lower() in SUFFIXES:
                found.add(p)
            else:
                yield InputError(source_name(p), f"unsupported file type {printable(p.suffix) or '(none)'}; "
                                                 f"expected one of {', '.join(sorted(SUFFIXES))}")
        else:
            yield InputError(source_name(p), "no such file or folder")
    yield from sorted(found, key=os.fsencode)


def decode(data: bytes, source: str, repair: bool = True) -> str:
    """Bytes to text (see the module's docstring), then mojibake repaired unless `repair` is off."""
    if not data.strip():
        raise InputError(source, "empty file")
    text = _decode_by_bom(data)
    if text is None:
        if b"\x00" in data[:8192]:
            raise InputError(source, "binary file (contains NUL bytes); expected text, HTML or JSON Lines")
        text = _decode_unmarked(data)
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.05 * min(len(text), 8192):
        raise InputError(source, "binary file (mostly control characters)")
    if repair:
        text = ftfy.fix_text(text, uncurl_quotes=False)  # may drop what only looked like text (escapes)
    if not text.strip():
        raise InputError(source, "empty file")
    return text


def _decode_by_bom(data: bytes) -> str | None:
    for bom, codec in BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, "replace")
    return None


def _decode_unmarked(data: bytes) -> str:
    """UTF-8 when the bytes are UTF-8 but for a few stray ones (each becomes U+FFFD), else
    Windows-1252 (its five undefined bytes become U+FFFD)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", "replace")
    stray = text.count("\ufffd") - data.count("\ufffd".encode())
    decoded = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")  # characters UTF-8 did read
    return text if decoded >= stray else data.decode("cp1252", "replace")


def read_file(path: Path, max_bytes: int) -> list[RawArticle | InputError]:
    """Read one file into articles; a JSON Lines file may hold many, and bad lines come back as errors."""
    source = source_name(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(source, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit (set CLAIMGRAPH_MAX_BYTES to raise it)")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(source, f"cannot read: {exc.strerror or exc}") from exc
    kind = SUFFIXES.get(path.suffix.lower(), "text")
    if kind == "jsonl":  # repaired field by field: a line break U+2028 inside a record stays in it
        return list(read_jsonl(decode(data, source, repair=False), source))
    text = decode(data, source)
    if kind == "html":
        return [parse_html(text, source)]
    return [article_from_text(text, source)]


__all__ = ["RawArticle", "article_from_text", "decode", "discover", "read_file", "source_name"]
