"""No input stops a run: a folder of every input that once did (issue 12) stores each good file
with its entities and lists each bad one with a one-line reason; a document that fails analysis
or a killed run loses nothing else."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import claimgraph.analysis as analysis
from claimgraph.api import Claimgraph
from tests.conftest import EXAMPLES, ROOT


def report(n: int, place: str, person: str) -> str:
    return (f"Port workers strike in {place}\n\n"
            f"Dock workers in {place} walked out on Tuesday, union leader {person} said, after talks "
            f"with the harbour board broke down over pay. {person} said the strike would last a week.\n")


CITIES = ["Malmo", "Lund", "Uppsala", "Orebro", "Vasteras", "Linkoping", "Umea", "Lulea"]
MAYORS = ["Tomas Berg", "Anna Lind", "Erik Holm", "Sara Dahl", "Nils Ek", "Maja Strand", "Olof Sand", "Ida Falk"]


def long_report(paragraphs: int) -> str:
    """A report far longer than the pieces it is analysed in: one arrest a paragraph."""
    body = [f"{MAYORS[i % 8]}, the mayor of {CITIES[i % 8]}, was arrested on Monday, police in {CITIES[i % 8]} said."
            for i in range(paragraphs)]
    return "Mayors arrested\n\n" + "\n\n".join(body) + "\n"


BAD_RECORDS = [
    {"text": report(0, "Varna", "Ivo Petrov"), "authors": -1},
    {"text": report(0, "Varna", "Ivo Petrov"), "published": True},
    {"text": report(0, "Varna", "Ivo Petrov"), "publisher": {"name": "x"}},
    {"text": report(0, "Varna", "Ivo Petrov"), "url": 12345678901234567890},
    {"text": report(0, "Varna", "Ivo Petrov"), "url": {"href": "x"}},
    {"html": "", "author": "x"},
]


def bad_folder(folder: Path) -> tuple[int, int]:
    """Every reproduction of the issue beside good files; (good articles, bad inputs)."""
    folder.mkdir()
    (folder / "a_good.txt").write_text(report(1, "Gdynia", "Ewa Nowak"))
    lines = [json.dumps(r) for r in BAD_RECORDS]
    lines.insert(3, json.dumps({"text": report(2, "Split", "Ante Horvat"), "title": "Split\ud800 strike"}))  # a lone surrogate
    lines.append("[" * 100_000)  # RecursionError in the JSON parser
    lines.append(json.dumps({"text": report(3, "Rijeka", "Luka Babic").replace("talks with", "talks\u2028with")},
                            ensure_ascii=False))  # U+2028 inside a record
    (folder / "b_feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / os.fsdecode(b"c_bad\xffname.txt")).write_text(report(4, "Constanta", "Radu Ionescu"))
    (folder / "d_utf16.txt").write_bytes(report(5, "Klaipeda", "Jonas Kazlauskas").encode("utf-16"))
    (folder / "e_utf32.txt").write_bytes(report(6, "Tallinn", "Mart Tamm").encode("utf-32"))
    (folder / "f_stray_byte.txt").write_bytes(report(7, "Gdansk", "Piotr Zielinski").encode() + b"\x81\n")
    (folder / "g_long.txt").write_text(long_report(60))
    (folder / "h_binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (folder / "i_empty.txt").write_bytes(b"")
    (folder / "j_good.md").write_text(report(8, "Riga", "Janis Ozols"))
    return 9, len(BAD_RECORDS) + 3


def test_a_folder_of_every_reproduction_stores_the_good_and_lists_the_bad(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    analysed: list[int] = []
    real = analysis.extract_document
    monkeypatch.setattr(analysis, "extract_document", lambda d, doc, extra=(): analysed.append(len(d.text)) or real(d, doc, extra))
    good, bad = bad_folder(tmp_path / "in")
    with Claimgraph.open(tmp_path / "x.db", chunk_chars=1000, piece_processes=1) as cg:  # counted here
        result = cg.ingest([tmp_path / "in"])
        documents = cg.store.documents()
        assert len(result.new) == good == len(documents)
        assert len(result.skipped) == bad, result.skipped
        assert all("\n" not in reason and reason for _, reason in result.skipped)
        assert dict(cg.store.skipped()) == dict(result.skipped)
        for d in documents:  # every stored document is resolved
            mentions = cg.store.mentions(document=d.id)
            assert mentions and all(m.entity for m in mentions), d.source
        names = {n for e in cg.entities() for n, _ in e.aliases}
    assert {"Ewa Nowak", "Ante Horvat", "Luka Babic", "Radu Ionescu", "Jonas Kazlauskas", "Mart Tamm",
            "Piotr Zielinski", "Ida Falk", "Janis Ozols"} <= names
    assert max(analysed) <= 1000 and len(analysed) > good  # the long report went in pieces
    assert any(s.endswith("c_bad\\xffname.txt") for s in (d.source for d in documents))


def test_a_long_document_is_analysed_in_pieces_with_exact_offsets(tmp_path: Path):
    text = long_report(40)
    with Claimgraph.open(tmp_path / "x.db", chunk_chars=700) as cg:
        cg.ingest_texts([("long", text)])
        (doc,) = cg.store.documents()
        mentions = cg.store.mentions(document=doc.id)
        claims = cg.store.claims(document=doc.id)
        statements = cg.store.statements(document=doc.id)
    assert len(doc.text) > 4 * 700
    spans = [m for m in mentions if m.start is not None]
    assert all(doc.text[m.start : m.end] == m.text for m in spans)
    assert sum(m.text == "Tomas Berg" for m in spans) == 5  # in every piece it is named in
    assert len({m.id for m in mentions}) == len(mentions)
    assert all(doc.text[c.evidence.start : c.evidence.end] == c.evidence.text for c in claims)
    assert all(doc.text[s.content.start : s.content.end] == s.content.text for s in statements)
    assert sum(c.predicate == "arrested" for c in claims) == 40 and len(statements) == 40  # as many as paragraphs


def test_a_document_that_fails_analysis_is_skipped_and_its_neighbours_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    real = analysis.extract_document

    def failing(document, doc, extra=()):
        if "Poisoned" in document.text:
            raise ValueError("a rule met something it did not expect")
        return real(document, doc, extra)

    monkeypatch.setattr(analysis, "extract_document", failing)
    texts = [("one", report(1, "Bergen", "Ola Nordmann")), ("two", "Poisoned report\n\n" + report(2, "Oslo", "Kari Hansen")),
             ("three", report(3, "Tromso", "Per Olsen"))]
    with Claimgraph.open(tmp_path / "x.db", batch_size=8) as cg:
        result = cg.ingest_texts(texts)
        assert len(result.new) == 2
        assert result.skipped == [("two", "cannot be analysed (ValueError: a rule met something it did not expect)")]
        assert all(m.entity for m in cg.store.mentions())
        assert {"Ola Nordmann", "Per Olsen"} <= {e.name for e in cg.entities()}


def test_a_parse_that_fails_is_pinned_on_its_own_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    nlp = analysis.load_language("en")

    class Fragile:
        max_length = nlp.max_length

        def pipe(self, texts, **options):
            for text in texts:
                yield self(text)

        def __call__(self, text):
            if "Poisoned" in text:
                raise RuntimeError("the parser gave up")
            return nlp(text)

    monkeypatch.setattr(analysis, "load_language", lambda language: Fragile())
    texts = [("one", report(1, "Aarhus", "Mads Jensen")), ("two", "Poisoned report\n\n" + report(2, "Odense", "Sofie Holm")),
             ("three", report(3, "Aalborg", "Lars Berg"))]
    with Claimgraph.open(tmp_path / "x.db") as cg:
        result = cg.ingest_texts(texts)
    assert len(result.new) == 2 and result.skipped == [("two", "cannot be analysed (RuntimeError: the parser gave up)")]


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return 0


def _export(db: Path) -> str:
    with Claimgraph.open(db) as cg:
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in cg.records())


def test_kill_9_mid_run_then_a_rerun_equals_a_clean_run(tmp_path: Path):
    """Bounded to a minute: an ingest killed with SIGKILL after a few documents, run again."""
    folder = tmp_path / "in"
    folder.mkdir()
    for f in EXAMPLES.iterdir():
        (folder / f.name).write_bytes(f.read_bytes())
    for i, (place, person) in enumerate([("Turku", "Mikko Virtanen"), ("Oulu", "Aino Korhonen"), ("Vaasa", "Juha Nieminen"),
                                         ("Kotka", "Leena Laine"), ("Pori", "Timo Heikkinen"), ("Lahti", "Sari Koskinen")]):
        (folder / f"z{i}.txt").write_text(report(i, place, person))
    clean = tmp_path / "clean.db"
    with Claimgraph.open(clean) as cg:
        cg.ingest([folder])
    killed = tmp_path / "killed.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "CLAIMGRAPH_BATCH_SIZE": "1"}
    run = subprocess.Popen([sys.executable, "-m", "claimgraph", "--db", str(killed), "ingest", str(folder)],
                           env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while _stored(killed) < 3 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    run.send_signal(signal.SIGKILL)
    run.wait(timeout=10)
    assert 0 < _stored(killed) < 14, "the run was not killed part-way"
    with Claimgraph.open(killed) as cg:
        cg.ingest([folder])
    assert _export(killed) == _export(clean)
