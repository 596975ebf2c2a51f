"""The SQLite store's own promises: readers that cannot write, a clear StoreBusy, upgrades in
place, full-text search keyed on an explicit integer key (VACUUM-proof), no crash on odd input."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from claimgraph.errors import NotFound, StoreBusy, StoreError
from claimgraph.store.connection import migrations, split_sql
from claimgraph.store.sqlite import SQLiteStore, fts_query
from tests.store.locking import held

WORDS = {"d:one": "Flooding closed the harbour road near Velmora", "d:two": "A ferry strike delayed cargo at Ostrand",
         "d:three": "Engineers reopened the Velmora harbour road", "d:four": "Quarry workers in Brenmark voted to strike"}


def version_one(path: Path) -> Path:
    """A database as claimgraph's first schema wrote it: documents on an implicit rowid."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT)")
    for statement in split_sql(dict(migrations())[1]):
        db.execute(statement)
    db.execute("INSERT INTO schema_migrations VALUES (1, 'then')")
    for seq, (doc_id, text) in enumerate(WORDS.items(), 1):
        db.execute("INSERT INTO documents VALUES (?,?,?,NULL,'[]',NULL,'en',?,NULL,NULL,'analysed',NULL,NULL,?,'then')",
                   (doc_id, f"{doc_id}.txt", text.split(" near")[0], text, seq))
        db.execute("INSERT INTO mentions VALUES (?,?,0,5,'Word','ORG','ner','body',NULL)", (f"m:{doc_id}", doc_id))
    for grade in ("single-source", "corroborated", "confirmed"):
        db.execute("INSERT INTO grade_history VALUES ('g:1', ?, 'then')", (grade,))
    db.close()
    return path


def hits(store: SQLiteStore, word: str) -> set[str]:
    return {h["id"] for h in store.search_documents(word)}


def expected(word: str) -> set[str]:
    return {d for d, text in WORDS.items() if word.lower() in text.lower().split()}


def test_an_old_database_upgrades_in_place(tmp_path: Path):
    with sqlite3.connect(version_one(tmp_path / "v1.db")) as old:
        rowids = dict(old.execute("SELECT id, rowid FROM documents").fetchall())
    store = SQLiteStore(tmp_path / "v1.db", create=False)
    assert store.schema_version == max(v for v, _ in migrations())
    assert dict(store.db.execute("SELECT id, key FROM documents").fetchall()) == rowids
    assert store.count("mentions") == len(WORDS)  # rebuilding documents cascaded nothing away
    history = store.db.execute("SELECT grade FROM grade_history WHERE grp = 'g:1' ORDER BY seq").fetchall()
    assert [r[0] for r in history] == ["single-source", "corroborated", "confirmed"]
    for word in ("Velmora", "strike", "ferry"):
        assert hits(store, word) == expected(word)
    store.close()


def test_search_is_keyed_on_an_explicit_integer_key(tmp_path: Path):
    store = SQLiteStore(version_one(tmp_path / "k.db"))
    columns = {r["name"]: r for r in store.db.execute("PRAGMA table_info(documents)")}
    assert columns["key"]["pk"] == 1 and columns["key"]["type"] == "INTEGER"
    fts = store.db.execute("SELECT sql FROM sqlite_master WHERE name = 'documents_fts'").fetchone()[0]
    assert "content_rowid='key'" in fts
    store.close()


def test_vacuum_then_search(tmp_path: Path):
    store = SQLiteStore(version_one(tmp_path / "vac.db"))
    store.db.execute("DELETE FROM documents WHERE id = 'd:one'")  # a gap in the keys
    del_expected = {w: expected(w) - {"d:one"} for w in ("Velmora", "strike", "harbour", "Brenmark")}
    store.db.execute("VACUUM")
    for word, ids in del_expected.items():
        assert hits(store, word) == ids, word
    store.close()


def test_a_reader_cannot_write(tmp_path: Path):
    SQLiteStore(tmp_path / "r.db").close()
    reader = SQLiteStore(tmp_path / "r.db", create=False, readonly=True)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        reader.db.execute("INSERT INTO skipped VALUES ('x', 'y', 'z')")
    reader.close()


def test_a_reader_upgrades_an_old_database_once(tmp_path: Path):
    reader = SQLiteStore(version_one(tmp_path / "old.db"), create=False, readonly=True)
    assert reader.schema_version == max(v for v, _ in migrations()) and hits(reader, "ferry") == {"d:two"}
    reader.close()


def test_a_reader_answers_while_another_process_writes(tmp_path: Path):
    SQLiteStore(version_one(tmp_path / "w.db")).close()
    with held(tmp_path / "w.db", "write"):
        reader = SQLiteStore(tmp_path / "w.db", create=False, readonly=True, read_timeout=0.2)
        assert hits(reader, "ferry") == {"d:two"} and reader.skipped() == []  # the other's write is not visible yet
        reader.close()
        writer = SQLiteStore(tmp_path / "w.db", create=False, timeout=0.2, read_timeout=0.2)
        with pytest.raises(StoreBusy, match="busy"):
            writer.record_skip("mine.txt", "a second writer")
        writer.close()


def test_a_database_held_exclusively_is_busy_not_broken(tmp_path: Path):
    SQLiteStore(version_one(tmp_path / "x.db")).close()
    with held(tmp_path / "x.db", "exclusive"), pytest.raises(StoreBusy) as caught:
        SQLiteStore(tmp_path / "x.db", create=False, readonly=True, read_timeout=0.2)
    assert "try again" in str(caught.value) and "not a claimgraph database" not in str(caught.value)


def test_another_programs_database_is_refused_untouched(tmp_path: Path):
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE bookmarks (url TEXT)")
    with pytest.raises(StoreError, match="not a claimgraph database.*bookmarks"):
        SQLiteStore(other, create=False)
    with sqlite3.connect(other) as db:
        assert [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")] == ["bookmarks"]
    text = tmp_path / "notes.db"
    text.write_text("these are notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="not a claimgraph database"):
        SQLiteStore(text, create=False)


@pytest.mark.parametrize("query", ["\x00", "Velmora\x00", "\udcff", "\ud800harbour", 'harbour" OR "x', "\x00\x00\"\x00"])
def test_odd_text_never_crashes_a_lookup(tmp_path: Path, query: str):
    store = SQLiteStore(version_one(tmp_path / "odd.db"))
    assert isinstance(store.search_documents(query), list) and isinstance(store.search_names(query), list)
    assert store.entity_ids_named(query) == []
    with pytest.raises(NotFound):
        store.entity(query)
    assert "\x00" not in fts_query(query)
    store.close()


@pytest.mark.parametrize("number", [2**63, 2**64, 10**30])
def test_numbers_past_sqlite_integers_name_nothing(tmp_path: Path, number: int):
    store = SQLiteStore(version_one(tmp_path / "big.db"))
    with pytest.raises(NotFound):
        store.undo_judgement(number)
    assert len(store.documents(limit=number)) == len(WORDS) and store.documents(offset=number) == []
    assert store.entities(limit=number) == []
    store.close()
