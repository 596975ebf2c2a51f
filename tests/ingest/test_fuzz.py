"""Fuzzing the readers: whatever the bytes, an article or a one-line InputError, never a crash."""

from __future__ import annotations

import json
import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.errors import InputError
from claimgraph.ingest.files import RawArticle, decode, read_file, source_name
from claimgraph.ingest.jsonl import read_jsonl
from claimgraph.ingest.text import parse_text
from claimgraph.nlp.chunks import split_text

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
FIELDS = ["text", "html", "title", "url", "publisher", "published", "authors", "author", "other"]
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
records = st.dictionaries(st.sampled_from(FIELDS), json_values | st.text(min_size=20), max_size=6)


def storable(text: str | None) -> bool:
    """Text SQLite and a terminal take: valid UTF-8 (no lone surrogates)."""
    if text is None:
        return True
    text.encode("utf-8")
    return True


def check_article(art: RawArticle) -> None:
    assert storable(art.text) and storable(art.title) and storable(art.publisher) and storable(art.source)
    assert all(isinstance(a, str) and storable(a) for a in art.authors)
    assert art.comment_start is None or 0 <= art.comment_start <= len(art.text)


def check_error(error: InputError) -> None:
    assert error.reason and "\n" not in error.reason and "\n" not in error.source
    assert storable(error.reason) and storable(error.source)


@FUZZ
@given(st.binary(max_size=3000))
def test_any_bytes_decode_to_text_or_a_one_line_error(data: bytes):
    try:
        text = decode(data, "x.txt")
    except InputError as exc:
        check_error(exc)
    else:
        assert storable(text) and text.strip()


@FUZZ
@given(st.lists(records | json_values | st.text(), max_size=6), st.booleans())
def test_any_json_lines_give_one_item_per_line(values: list, raw: bool):
    lines = [v if raw and isinstance(v, str) else json.dumps(v, ensure_ascii=False) for v in values]
    lines = [line.replace("\n", " ") for line in lines]  # one record a line
    items = list(read_jsonl("\n".join(lines), "feed.jsonl"))
    assert len(items) == sum(1 for line in lines if line.strip())
    for item in items:
        check_error(item) if isinstance(item, InputError) else check_article(item)


@FUZZ
@given(st.text(max_size=3000))
def test_any_text_parses_into_a_body_and_metadata(raw: str):
    parsed = parse_text(raw)
    assert parsed.comment_start is None or 0 <= parsed.comment_start <= len(parsed.text)
    assert parsed.title is None or parsed.title in parsed.text


@FUZZ
@given(st.text(alphabet=st.sampled_from("ab .\n!?\"”"), max_size=400), st.integers(min_value=1, max_value=60))
def test_pieces_join_back_into_the_text(text: str, limit: int):
    pieces = split_text(text, limit)
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= limit for _, p in pieces)
    assert [o for o, _ in pieces] == [sum(len(p) for _, p in pieces[:i]) for i in range(len(pieces))]


@FUZZ
@given(st.binary(min_size=1, max_size=40).filter(lambda b: b"/" not in b and b"\x00" not in b and b not in (b".", b"..")),
       st.sampled_from([".txt", ".md", ".html", ".jsonl"]), st.binary(max_size=2000))
def test_any_file_reads_into_articles_or_errors(tmp_path_factory, name: bytes, suffix: str, data: bytes):
    folder = tmp_path_factory.mktemp("fuzz")
    path = Path(os.fsdecode(os.path.join(os.fsencode(folder), name + suffix.encode())))
    path.write_bytes(data)
    assert "\n" not in source_name(path) and storable(source_name(path))
    try:
        items = read_file(path, 10**6)
    except InputError as exc:
        check_error(exc)
        return
    for item in items:
        check_error(item) if isinstance(item, InputError) else check_article(item)
