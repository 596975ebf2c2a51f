"""The export contract of ../shared/spec/claims.md, and provenance of every claim."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.api import Claimgraph
from claimgraph.model import Document
from claimgraph.store.sqlite import SQLiteStore
from tests.conftest import needs_shared

ORDER = ["document", "entity", "statement", "claim", "group", "conflict"]


def records(cg: Claimgraph) -> list[dict]:
    buf = io.StringIO()
    cg.export(buf, "jsonl")
    return [json.loads(line) for line in buf.getvalue().splitlines()]


def check_contract(recs: list[dict]) -> None:
    kinds = [r["type"] for r in recs]
    assert kinds == sorted(kinds, key=ORDER.index), "records must come in the contract's order"
    docs = {r["id"]: r for r in recs if r["type"] == "document"}
    entities = {r["id"]: r for r in recs if r["type"] == "entity"}
    for e in entities.values():
        assert e["entity_type"] in ("PERSON", "ORG", "PLACE") and e["name"] and e["aliases"]
        for m in e["mentions"]:
            assert docs[m["document"]]["text"][m["start"] : m["end"]] == m["text"]
    claims = [r for r in recs if r["type"] == "claim"]
    assert claims
    for c in claims:
        ev = c["evidence"]
        text = docs[ev["document"]]["text"]
        assert text[ev["start"] : ev["end"]] == ev["text"], f"evidence offsets of {c['id']} do not point at its sentence"
        assert c["subject"] in entities
        assert c["modality"] in ("asserted", "reported", "hedged", "denied")
        assert 0 <= c["confidence"] <= 1 and c["extractor"].startswith("rules/")
        if c["object"] and "entity" in c["object"]:
            assert c["object"]["entity"] in entities
        for role in ("claimant", "agent", "place"):
            assert c[role] is None or c[role] in entities
    for s in (r for r in recs if r["type"] == "statement"):
        content = s["content"]
        assert docs[s["document"]]["text"][content["start"] : content["end"]] == content["text"]


def test_example_export_honours_the_contract(example: Claimgraph):
    check_contract(records(example))


@needs_shared
def test_seed_export_honours_the_contract(seeds_db: Path):
    with Claimgraph.open(seeds_db) as cg:
        check_contract(records(cg))


def test_csv_and_graphml(example: Claimgraph):
    buf = io.StringIO()
    n = example.export(buf, "csv")
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert len(rows) == n and rows[0]["evidence"]
    buf = io.StringIO()
    example.export(buf, "graphml")
    root = ET.fromstring(buf.getvalue())
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert root.findall(".//g:node", ns) and root.findall(".//g:edge", ns)
    grades = {d.text for d in root.findall(".//g:edge/g:data[@key='grade']", ns)}
    assert grades & {"confirmed", "corroborated", "single-source", "contested", "denied"}


texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=200)


@settings(max_examples=40, deadline=None)
@given(text=texts, title=st.none() | texts, authors=st.lists(texts, max_size=3))
def test_store_round_trip(tmp_path_factory: pytest.TempPathFactory, text: str, title: str | None, authors: list[str]):
    store = SQLiteStore(tmp_path_factory.mktemp("rt") / "rt.db")
    doc = Document(id="d:1", source="s", text=text, title=title, authors=tuple(authors), published="2020-01-02", language="en")
    assert store.add_document(doc, None, [], [], [])
    assert store.document("d:1") == doc
    assert not store.add_document(doc, None, [], [], [])  # a second insert is a no-op
    store.close()
