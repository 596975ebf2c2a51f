import json
from pathlib import Path

import pytest

from claimgraph.errors import InputError
from claimgraph.ingest.files import decode, discover, read_file

ARTICLE = "Ceasefire agreed in the north\n\nBoth sides agreed to a ceasefire on Monday, the United Nations said in a statement.\n"


def test_text_markdown_html_and_jsonl(tmp_path: Path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.md").write_text("# Heading\n\n" + ARTICLE)
    (tmp_path / "c.html").write_text(
        "<html><head><title>Ceasefire agreed</title><meta property='og:site_name' content='North Wire'>"
        "<meta property='article:published_time' content='2022-05-02'></head><body><nav>Home | World</nav>"
        "<article><h1>Ceasefire agreed</h1><p>Both sides agreed to a ceasefire on Monday, the United Nations said "
        "in a statement released in Geneva after two weeks of talks.</p><p>Fighting had displaced thousands of "
        "families in the region over the past month, aid groups said.</p></article></body></html>"
    )
    (tmp_path / "d.jsonl").write_text(json.dumps({"text": ARTICLE, "publisher": "Feed", "published": "2022-05-03", "url": "https://x.example/1"}) + "\n")
    (tmp_path / "ignored.pdf").write_bytes(b"%PDF")
    files = [p for p in discover([tmp_path]) if not isinstance(p, InputError)]
    assert [f.name for f in files] == ["a.txt", "b.md", "c.html", "d.jsonl"]
    html = read_file(tmp_path / "c.html", 10**6)[0]
    assert not isinstance(html, InputError)
    assert html.publisher == "North Wire" and html.published == "2022-05-02"
    assert "Home | World" not in html.text and "United Nations" in html.text
    feed = read_file(tmp_path / "d.jsonl", 10**6)[0]
    assert not isinstance(feed, InputError)
    assert feed.publisher == "Feed" and feed.published == "2022-05-03" and feed.source == "https://x.example/1"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"   \n\n ", "empty file"),
        (b"\x00\x01\x02binary\x00", "binary"),
        (bytes(range(1, 32)) * 40, "binary"),
    ],
)
def test_bad_bytes_are_refused_with_a_reason(data: bytes, reason: str):
    with pytest.raises(InputError, match=reason):
        decode(data, "x.txt")


def test_windows_1252_and_mojibake_are_repaired():
    assert decode("caf\xe9 d\u00e9j\u00e0 vu".encode("cp1252"), "x.txt") == "café déjà vu"
    assert decode("The minister’s statement".encode().decode("latin-1").encode(), "x.txt") == "The minister’s statement"


def test_huge_file_is_skipped(tmp_path: Path):
    big = tmp_path / "big.txt"
    big.write_text("word " * 3000)
    with pytest.raises(InputError, match="over the 1,000-byte limit"):
        read_file(big, 1000)


def test_missing_path_and_unsupported_type(tmp_path: Path):
    (tmp_path / "x.docx").write_text("x")
    errors = [e for e in discover([tmp_path / "nope", tmp_path / "x.docx"]) if isinstance(e, InputError)]
    assert [e.reason.split(";")[0] for e in errors] == ["no such file or folder", "unsupported file type .docx"]


def test_bad_jsonl_lines_do_not_spoil_the_file(tmp_path: Path):
    path = tmp_path / "feed.jsonl"
    path.write_text("{not json\n" + json.dumps({"title": "no text"}) + "\n" + json.dumps({"text": ARTICLE}) + "\n")
    items = read_file(path, 10**6)
    assert [type(i).__name__ for i in items] == ["InputError", "InputError", "RawArticle"]
    assert items[0].source.endswith("feed.jsonl:1")
