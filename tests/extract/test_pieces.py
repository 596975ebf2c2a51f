"""A long document's pieces put back together: spans moved by their piece's offset, one mention
per metadata name, and what referred to a later piece's copy of that name follows it."""

from __future__ import annotations

from claimgraph.extract.document import Extraction
from claimgraph.extract.pieces import merge_pieces
from claimgraph.model import Document, Mention, Section


def meta(doc: str, name: str) -> Mention:
    return Mention(id=f"m:{doc}:author", document=doc, start=None, end=None, text=name, type="PERSON",
                   label="meta/author", section=Section.META)


def test_pieces_keep_one_metadata_name_and_references_follow_it():
    document = Document(id="d", source="long.txt", text="x" * 100)
    first, second = meta("d", "Lena Park"), meta("d#1", "Lena Park")
    said = Mention(id="m:d#1:5", document="d#1", start=5, end=7, text="I", type="PERSON", label="coref/pronoun",
                   antecedent=second.id, sieve="speaker")
    town = Mention(id="m:d#1:10", document="d#1", start=10, end=15, text="Tolna", type="PLACE", label="spacy/GPE")
    merged = merge_pieces(document, [(0, Extraction(mentions=[first])), (50, Extraction(mentions=[second, said, town]))])
    ids = [m.id for m in merged.mentions]
    assert ids.count(first.id) == 1 and second.id not in ids
    moved = {m.id: m for m in merged.mentions}
    assert moved[said.id].antecedent == first.id
    assert (moved[town.id].start, moved[town.id].end, moved[town.id].document) == (60, 65, "d")
