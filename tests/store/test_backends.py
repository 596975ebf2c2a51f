"""One suite, two backends: what every store promises (tests/conftest.py `store_url` runs each
test on SQLite and on PostgreSQL): a document stored once and whole, pages in arrival order,
word and phrase search that reads no operator, judgements that say who made them."""

from __future__ import annotations

import pytest

from claimgraph.errors import NotFound
from claimgraph.model import Claim, Document, Mention, Modality, Section, Span
from claimgraph.store import Store, open_store

TEXTS = {"d:one": "Flooding closed the harbour road near Velmora", "d:two": "A ferry strike delayed cargo at Ostrand",
         "d:three": "Engineers reopened the Velmora harbour road", "d:four": "Quarry workers in Brenmark voted to strike"}


def document(doc_id: str, text: str) -> Document:
    return Document(id=doc_id, source=f"{doc_id[2:]}.txt", text=text, title=text.split(" near")[0],
                    authors=("Ines Marr", "Tomas Ek"), published="2024-03-0" + str(len(doc_id) % 9), language="en")


def mention(doc: Document, word: str) -> Mention:
    start = doc.text.index(word)
    return Mention(id=f"m:{doc.id}:{start}", document=doc.id, start=start, end=start + len(word), text=word,
                   type="GPE", label="ner", section=Section.BODY)


def claim(doc: Document, subject: Mention, claim_id: str | None = None) -> Claim:
    return Claim(id=claim_id or f"c:{doc.id}", document=doc.id, subject=subject.id, predicate="closed", object=None,
                 time={"start": "2024-03"}, place=None, agent=None, claimant=None, modality=Modality.ASSERTED,
                 evidence=Span(0, len(doc.text), doc.text), statement=None, extractor="rules", confidence=0.8125)


@pytest.fixture
def store(store_url: str):
    s = open_store(store_url)
    yield s
    s.close()


def fill(store: Store) -> None:
    for doc_id, text in TEXTS.items():
        doc = document(doc_id, text)
        m = mention(doc, text.split()[-1])
        assert store.add_document(doc, b"\x00\x01sig", [m], [], [claim(doc, m)])


def test_a_document_is_stored_once_with_what_was_extracted(store: Store):
    fill(store)
    doc = document("d:one", TEXTS["d:one"])
    assert not store.add_document(doc, None, [], [], [])  # known: nothing doubled
    assert store.document("d:one") == doc
    assert store.count("documents") == 4 and store.count("mentions") == 4 and store.count("claims") == 4
    assert [c.confidence for c in store.claims(document="d:one")] == [0.8125]
    assert store.claims(document="d:one")[0].time == {"start": "2024-03"}
    assert [d.id for d in store.documents()] == list(TEXTS)  # arrival order
    assert [d.id for d in store.documents(limit=2, offset=1)] == ["d:two", "d:three"]
    facets = store.claim_facets()
    assert facets["predicate"] == [("closed", 4)] and type(facets["predicate"][0][1]) is int
    with pytest.raises(NotFound):
        store.document("d:none")


def test_a_document_that_fails_leaves_nothing_behind(store: Store):
    doc = document("d:one", TEXTS["d:one"])
    m = mention(doc, "Velmora")
    clash = claim(doc, m, "c:same")
    with pytest.raises(Exception):  # noqa: B017 - each backend its own integrity error
        store.add_document(doc, None, [m], [], [clash, clash.__class__(**{**clash.__dict__, "document": "d:elsewhere"})])
    assert not store.has_document("d:one")
    assert store.count("mentions") == 0 and store.count("claims") == 0
    assert store.add_document(doc, None, [m], [], [clash])  # and it can be stored afterwards


def test_search_reads_words_and_phrases_and_no_operator(store: Store):
    fill(store)
    assert {h["id"] for h in store.search_documents("Velmora")} == {"d:one", "d:three"}
    assert {h["id"] for h in store.search_documents("harbour Velmora reopened")} == {"d:three"}
    assert {h["id"] for h in store.search_documents('"ferry strike"')} == {"d:two"}
    assert {h["id"] for h in store.search_documents('"strike ferry"')} == set()
    for odd in ("", "   ", "AND", "strike OR", '"', "NEAR(a b)", "-strike", "a\x00b", "x:y*"):
        store.search_documents(odd)  # never an error
    assert store.count_matches("strike")[1] == 2
    hit = store.search_documents("Ostrand")[0]
    assert "[" in hit["snippet"] and hit["source"] == "two.txt"


def test_judgements_record_who_made_them(store: Store):
    first = store.add_judgement("merge", "e:a", "e:b", "ana")
    second = store.add_judgement("split", "e:c", "e:d", "ben")
    assert second > first
    assert [(j["kind"], j["author"]) for j in store.judgements()] == [("merge", "ana"), ("split", "ben")]
    store.undo_judgement(first)
    assert [j["author"] for j in store.judgements()] == ["ben"]
    assert len(store.judgements(include_undone=True)) == 2 and store.count_active_judgements() == 1
    for missing in (first, 999_999, 2**70):
        with pytest.raises(NotFound):
            store.undo_judgement(missing)


def test_a_store_opened_again_keeps_everything(store_url: str):
    with_store = open_store(store_url)
    fill(with_store)
    with_store.close()
    again = open_store(store_url, create=False)
    assert again.count("documents") == 4 and again.documents(limit=1)[0].authors == ("Ines Marr", "Tomas Ek")
    again.close()
