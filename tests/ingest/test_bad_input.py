"""Inputs that once stopped a run (issue 12), each read into an article or a one-line error."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from claimgraph.errors import InputError
from claimgraph.ingest.files import RawArticle, decode, discover, read_file, source_name

STORY = ("Bridge reopens after repairs\n\nThe regional transport office said on Friday that the old river bridge "
         "had reopened to traffic after eight months of repairs.")


def jsonl(tmp_path: Path, *lines: str) -> list[RawArticle | InputError]:
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return read_file(path, 10**7)


def one_error(items: list[RawArticle | InputError]) -> InputError:
    assert len(items) == 1 and isinstance(items[0], InputError), items
    assert "\n" not in items[0].reason
    return items[0]


@pytest.mark.parametrize(("record", "field"), [
    ({"text": STORY, "authors": -1}, "authors"),
    ({"text": STORY, "published": True}, "published"),
    ({"text": STORY, "publisher": {"name": "Wire"}}, "publisher"),
    ({"text": STORY, "url": 12345678901234567890}, "url"),
    ({"text": STORY, "url": {"href": "x"}}, "url"),
    ({"text": STORY, "authors": ["Ana Ruiz", 7]}, "authors"),
    ({"text": 42}, "text"),
])
def test_a_field_of_the_wrong_type_is_that_records_error(tmp_path: Path, record: dict, field: str):
    error = one_error(jsonl(tmp_path, json.dumps(record)))
    assert f"`{field}` must be" in error.reason and error.source.endswith("feed.jsonl:1")


def test_an_empty_html_field_with_an_author_is_an_error_not_a_crash(tmp_path: Path):
    error = one_error(jsonl(tmp_path, json.dumps({"html": "", "author": "x"})))
    assert "needs a string `text` or `html`" in error.reason


def test_a_lone_surrogate_becomes_a_replacement_character(tmp_path: Path):
    (art,) = jsonl(tmp_path, json.dumps({"text": STORY + " \ud800", "title": "Bridge \udc00 reopens"}))
    assert isinstance(art, RawArticle)
    assert art.text.endswith("\ufffd") and art.title == "Bridge \ufffd reopens"
    art.text.encode("utf-8")  # storable


def test_deep_nesting_and_huge_numbers_are_invalid_json(tmp_path: Path):
    items = jsonl(tmp_path, "[" * 100_000, '{"text": ' + "9" * 5000 + "}", json.dumps({"text": STORY}))
    assert [type(i).__name__ for i in items] == ["InputError", "InputError", "RawArticle"]
    assert "nested too deeply" in items[0].reason and "invalid JSON" in items[1].reason


def test_a_line_separator_inside_a_record_stays_in_it(tmp_path: Path):
    record = json.dumps({"text": STORY.replace("after eight", "after\u2028eight"), "title": "T"}, ensure_ascii=False)
    assert "\u2028" in record
    (art,) = jsonl(tmp_path, record, "")
    assert isinstance(art, RawArticle) and "eight months" in art.text.replace("\n", " ")


def test_a_file_name_that_is_not_utf8_is_read_and_shown_escaped(tmp_path: Path):
    name = os.fsdecode(b"bad\xffname.txt")
    (tmp_path / name).write_text(STORY)
    (found,) = [f for f in discover([tmp_path]) if not isinstance(f, InputError)]
    assert source_name(found).endswith("bad\\xffname.txt")
    (art,) = read_file(found, 10**6)
    assert isinstance(art, RawArticle) and art.source.endswith("bad\\xffname.txt")
    art.source.encode("utf-8")  # storable and printable


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-32-be"])
def test_utf16_and_utf32_are_read_by_their_byte_order_mark(codec: str):
    data = STORY.replace("old", "ancient café").encode(codec)
    if not codec.endswith(("16", "32")):  # the -be codecs write no mark: add it
        data = "\ufeff".encode(codec) + data
    assert decode(data, "x.txt") == STORY.replace("old", "ancient café")


def test_utf16_without_a_mark_is_still_refused_as_binary():
    with pytest.raises(InputError, match="binary"):
        decode(STORY.encode("utf-16-le"), "x.txt")


def test_a_stray_byte_is_replaced_not_a_reason_to_refuse_the_article():
    data = STORY.replace("Friday", "Friday \u2014 at dawn \u2014").encode() + b" \x81 end."
    text = decode(data, "x.txt")
    assert "\u2014 at dawn \u2014" in text and text.endswith("\ufffd end.")
    assert decode(b"Caf\xe9 owner \x81 arrested in Lyon on Friday", "x.txt") == "Café owner \ufffd arrested in Lyon on Friday"


def test_many_near_identical_records_are_all_read(tmp_path: Path):
    lines = [json.dumps({"text": STORY + f" Lane {i} stays closed.", "url": f"https://feed.example/{i}"}) for i in range(2000)]
    items = jsonl(tmp_path, *lines)
    assert len(items) == 2000 and all(isinstance(i, RawArticle) for i in items)
