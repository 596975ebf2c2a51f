"""A long document's pieces analysed by forked processes (claimgraph.analysis) give exactly what
one process gives: the same mentions, statements and claims with the same offsets, the same
export, and the same one-line reason when a piece fails."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest

import claimgraph.analysis as analysis
from claimgraph.api import Claimgraph
from claimgraph.errors import InputError
from claimgraph.extract.document import Extraction
from claimgraph.ingest.dedupe import document_id
from claimgraph.model import Document
from claimgraph.settings import Settings

TOWNS = ["Kelso", "Brora", "Lairg", "Wick", "Thurso", "Dornoch"]
PEOPLE = ["Morag Baird", "Callum Ross", "Iona Munro", "Fraser Gunn", "Eilidh Mackay", "Rory Sutherland"]


def ferry_report(paragraphs: int) -> str:
    """A report many pieces long, each paragraph a statement, a claim and a pronoun of its own."""
    body = []
    for i in range(paragraphs):
        person, town = PEOPLE[i % 6], TOWNS[i % 6]
        body.append(f"{person}, the harbour master of {town}, was arrested on Friday, police in {town} said. "
                    f"She had denied the charges, a lawyer for {person.split()[1]} told reporters.")
    return "Harbour masters held\n\n" + "\n\n".join(body) + "\n"


def document(text: str) -> Document:
    return Document(id=document_id(text), source="ferries", text=text, language="en")


def analysed(doc: Document, **settings: int) -> Extraction | InputError:
    (out,) = analysis.analyse_documents([doc], Settings(chunk_chars=900, **settings))
    return out


def test_pieces_analysed_in_processes_equal_pieces_analysed_in_turn():
    doc = document(ferry_report(36))
    assert analysis.piece_processes(Settings(chunk_chars=900, piece_processes=2), 9) == 2
    serial, forked = analysed(doc, piece_processes=1), analysed(doc, piece_processes=2)
    assert isinstance(serial, Extraction) and isinstance(forked, Extraction)
    assert forked.mentions == serial.mentions and forked.statements == serial.statements
    assert forked.claims == serial.claims
    assert sum(c.predicate == "arrested" for c in forked.claims) == 36
    spans = [m for m in forked.mentions if m.start is not None]
    assert all(doc.text[m.start : m.end] == m.text for m in spans)
    assert all(doc.text[c.evidence.start : c.evidence.end] == c.evidence.text for c in forked.claims)


def test_a_short_document_or_a_worker_process_stays_in_one_process():
    settings = Settings(piece_processes=4)
    assert analysis.piece_processes(settings, analysis.PARALLEL_PIECES - 1) == 1
    assert analysis.piece_processes(settings, analysis.PARALLEL_PIECES) == 4
    assert analysis.piece_processes(replace(settings, piece_processes=1), 40) == 1


def test_a_failing_piece_gives_the_same_reason_in_processes(monkeypatch: pytest.MonkeyPatch):
    real = analysis.extract_document

    def failing(document, doc, extra=()):
        if "Poisoned" in document.text:
            raise ValueError("a rule tripped over a piece")
        return real(document, doc, extra)

    monkeypatch.setattr(analysis, "extract_document", failing)  # the forked processes inherit it
    text = ferry_report(12) + "\n\nPoisoned paragraph.\n\n" + ferry_report(12)
    serial, forked = analysed(document(text), piece_processes=1), analysed(document(text), piece_processes=2)
    assert isinstance(forked, InputError) and forked.reason == "cannot be analysed (ValueError: a rule tripped over a piece)"
    assert isinstance(serial, InputError) and (serial.source, serial.reason) == (forked.source, forked.reason)


def test_a_long_document_exports_the_same_from_processes(tmp_path: Path):
    text = ferry_report(30)
    exports = []
    for processes in (1, 2):
        with Claimgraph.open(tmp_path / f"{processes}.db", chunk_chars=1200, piece_processes=processes) as cg:
            cg.ingest_texts([("ferries", text), ("short", "Harbour talk\n\nIona Munro visited Wick on Sunday.\n")])
            buf = io.StringIO()
            cg.export(buf, "jsonl")
            exports.append(buf.getvalue())
    assert exports[0] == exports[1] and "Rory Sutherland" in exports[0]
