"""SQLite store: one file, WAL journal, one transaction per document, FTS5 search. Readers
(`readonly=True`) never take the write lock; a lock held too long is StoreBusy, not a crash."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from claimgraph.errors import NotFound, StoreError
from claimgraph.model import (
    Claim,
    Document,
    Entity,
    Mention,
    Section,
    Span,
    Statement,
)
from claimgraph.store.browse import BrowseQueries
from claimgraph.store.browse import claim_from_row as _claim
from claimgraph.store.connection import (
    MAX_INTEGER,
    READ_TIMEOUT,
    WRITE_TIMEOUT,
    connect,
    now,
    write_transaction,
)
from claimgraph.store.reasoning import ReasoningQueries
from claimgraph.store.resolution import ResolutionQueries, marks


class SQLiteStore(BrowseQueries, ResolutionQueries, ReasoningQueries):
    def __init__(self, path: str | Path, create: bool = True, readonly: bool = False,
                 timeout: float = WRITE_TIMEOUT, read_timeout: float = READ_TIMEOUT):
        """`timeout`: how long a write waits for another writer; `read_timeout`: how long a read
        waits (in WAL only for recovery or an exclusive lock). A reader is `query_only`."""
        self.path = str(path)
        if not create and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"No database at {self.path}. Run `claimgraph --db {self.path} ingest PATH` first.")
        self.timeout = timeout
        self.db = connect(self.path, readonly, read_timeout, timeout)

    # ---- plumbing -------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT: writers queue on the lock instead of failing mid-way."""
        with write_transaction(self.db, self.timeout) as db:
            yield db

    def close(self) -> None:
        self.db.close()

    @property
    def schema_version(self) -> int:
        return int(self.db.execute("SELECT max(version) FROM schema_migrations").fetchone()[0])

    # ---- documents ------------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def add_document(self, doc: Document, signature: bytes | None, mentions: list[Mention],
                     statements: list[Statement], claims: list[Claim], bands: Sequence[bytes] = ()) -> bool:
        """Store a document with everything extracted from it, all or nothing, and file its
        signature's LSH `bands` in the near-copy index. False if known."""
        with self.transaction() as db:
            if self.has_document(doc.id):
                return False
            seq = db.execute("SELECT coalesce(max(seq), 0) + 1 FROM documents").fetchone()[0]
            db.execute(
                "INSERT INTO documents (id, source, title, publisher, authors, published, language, text, duplicate_of, "
                "comment_start, status, status_reason, signature, seq, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (doc.id, doc.source, doc.title, doc.publisher, json.dumps(list(doc.authors)), doc.published,
                 doc.language, doc.text, doc.duplicate_of, doc.comment_start, doc.status, doc.status_reason,
                 signature, seq, now()),
            )
            db.execute("DELETE FROM skipped WHERE source = ?", (doc.source,))
            db.executemany("INSERT INTO near_copy_keys VALUES (?,?,?,?)", [(i, b, seq, doc.id) for i, b in enumerate(bands)])
            db.executemany(
                "INSERT OR IGNORE INTO mentions (id, document, start, end, text, type, label, section, entity, antecedent, sieve) "
                "VALUES (?,?,?,?,?,?,?,?,NULL,?,?)",
                [(m.id, m.document, m.start, m.end, m.text, m.type, m.label, str(m.section), m.antecedent, m.sieve) for m in mentions],
            )
            db.executemany(
                "INSERT OR IGNORE INTO statements VALUES (?,?,?,?,?,?,?,?,?)",
                [(s.id, s.document, s.source, s.source_text, s.cue, s.content.start, s.content.end,
                  s.content.text, s.kind) for s in statements],
            )
            db.executemany(
                "INSERT OR IGNORE INTO claims VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [(c.id, c.document, c.subject, c.predicate, _dump(c.object), _dump(c.time), c.place, c.agent,
                  c.claimant, str(c.modality), c.evidence.start, c.evidence.end, c.evidence.text, c.statement,
                  c.extractor, c.confidence) for c in claims],
            )
        return True

    def record_skip(self, source: str, reason: str) -> None:
        with self.transaction() as db:
            db.execute("INSERT OR REPLACE INTO skipped VALUES (?,?,?)", (source, reason, now()))

    def skipped(self) -> list[tuple[str, str]]:
        return [(r[0], r[1]) for r in self.db.execute("SELECT source, reason FROM skipped ORDER BY source")]

    def document(self, doc_id: str) -> Document:
        row = self.db.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise NotFound(f"No document {doc_id!r}.")
        return _document(row)

    def documents(self, limit: int | None = None, offset: int = 0) -> list[Document]:
        rows = self.db.execute("SELECT * FROM documents ORDER BY seq LIMIT ? OFFSET ?", _page(limit, offset))
        return [_document(r) for r in rows]

    def count(self, table: str) -> int:
        if table not in {"documents", "mentions", "entities", "claims", "statements", "conflicts", "groups", "skipped", "judgements"}:
            raise ValueError(table)
        return int(self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def count_documents_where(self, test: str) -> int:
        """Documents that are near-copies (`near-copy`) or were not analysed (`not-analysed`)."""
        sql = {"near-copy": "duplicate_of IS NOT NULL", "not-analysed": "status != 'analysed'"}[test]
        return int(self.db.execute(f"SELECT count(*) FROM documents WHERE {sql}").fetchone()[0])

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        for row in self.db.execute("SELECT id, signature FROM documents WHERE signature IS NOT NULL ORDER BY seq"):
            yield row[0], row[1]

    def near_copy_candidates(self, bands: Sequence[bytes], scan: int) -> list[list[tuple[int, str, bytes]]]:
        """For each LSH band of a signature, the first `scan` stored documents in its bucket (in
        the order they came): (arrival, id, signature)."""
        out = []
        for i, band in enumerate(bands):
            out.append([(r[0], r[1], r[2]) for r in self.db.execute(
                "SELECT k.seq, d.id, d.signature FROM near_copy_keys k JOIN documents d ON d.id = k.document "
                "WHERE k.band = ? AND k.key = ? ORDER BY k.seq LIMIT ?", (i, band, scan))])
        return out

    # ---- mentions and entities ------------------------------------------------------
    def mentions(self, document: str | None = None, entity: str | None = None) -> list[Mention]:
        sql, args = "SELECT m.* FROM mentions m JOIN documents d ON d.id = m.document", []
        where = []
        if document:
            where.append("m.document = ?")
            args.append(document)
        if entity:
            where.append("m.entity = ?")
            args.append(entity)
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY d.seq, coalesce(m.start, -1), m.id"
        return [_mention(r) for r in self.db.execute(sql, args)]

    def unresolved_mentions(self) -> list[Mention]:
        sql = ("SELECT m.* FROM mentions m JOIN documents d ON d.id = m.document WHERE m.entity IS NULL "
               "ORDER BY d.seq, coalesce(m.start, -1), m.id")
        return [_mention(r) for r in self.db.execute(sql)]

    def entities(self, limit: int | None = None, offset: int = 0, type_: str | None = None) -> list[Entity]:
        sql = ("SELECT e.id, e.type, e.name FROM entities e " + ("WHERE e.type = ? " if type_ else "")
               + "ORDER BY e.mention_count DESC, e.name, e.id LIMIT ? OFFSET ?")
        args: list[Any] = ([type_] if type_ else []) + list(_page(limit, offset))
        rows = self.db.execute(sql, args).fetchall()
        aliases = self._aliases([r["id"] for r in rows])
        return [Entity(id=r["id"], type=r["type"], name=r["name"], aliases=aliases.get(r["id"], ())) for r in rows]

    def _aliases(self, ids: list[str]) -> dict[str, tuple[tuple[str, int], ...]]:
        out: dict[str, list[tuple[str, int]]] = {}
        for chunk in range(0, len(ids), 500):
            part = ids[chunk : chunk + 500]
            marks = ",".join("?" * len(part))
            described: dict[str, list[tuple[str, int]]] = {}
            for r in self.db.execute(  # pronouns and nominals ("she", "the group") are never names
                f"SELECT entity, text, count(*), label = 'rules/description' FROM mentions WHERE entity IN ({marks}) "
                f"AND label NOT LIKE 'coref/%' GROUP BY entity, text ORDER BY entity, count(*) DESC, text", part,
            ):
                (described if r[3] else out).setdefault(r[0], []).append((r[1], r[2]))
            for entity, names in described.items():  # descriptions are names only of the unnamed
                if entity not in out:
                    out[entity] = names
        return {k: tuple(v) for k, v in out.items()}

    def entity(self, entity_id: str) -> Entity:
        row = self.db.execute("SELECT id, type, name FROM entities WHERE id = ?", (entity_id,)).fetchone()
        if row is None:
            raise NotFound(f"No entity {entity_id!r}.")
        return Entity(id=row[0], type=row[1], name=row[2], aliases=self._aliases([row[0]]).get(row[0], ()))

    def has_entity(self, entity_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM entities WHERE id = ?", (entity_id,)).fetchone() is not None

    def entity_ids_named(self, name: str) -> list[str]:
        """Entities that carry `name` (case-insensitive) as a name or alias, most mentioned first."""
        rows = self.db.execute(
            "SELECT entity, count(*) AS n FROM mentions WHERE entity IS NOT NULL AND lower(text) = lower(?) "
            "AND label NOT LIKE 'coref/%' GROUP BY entity ORDER BY n DESC", (name,),
        ).fetchall()
        if not rows:
            rows = self.db.execute("SELECT id, 0 FROM entities WHERE id = ? OR lower(name) = lower(?)", (name, name)).fetchall()
        return [r[0] for r in rows]

    def links(self, mention_ids: list[str]) -> dict[str, tuple[str, str]]:
        marks = ",".join("?" * len(mention_ids))
        return {r[0]: (r[1], r[2]) for r in self.db.execute(
            f"SELECT mention, rule, evidence FROM links WHERE mention IN ({marks})", mention_ids)}

    def mention_entities(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self.db.execute("SELECT id, entity FROM mentions WHERE entity IS NOT NULL")}

    # ---- statements and claims ------------------------------------------------------
    def statements(self, document: str | None = None, limit: int | None = None, offset: int = 0) -> list[Statement]:
        sql = ("SELECT * FROM statements" + (" WHERE document = ?" if document else "")
               + " ORDER BY document, content_start LIMIT ? OFFSET ?")
        return [_statement(r) for r in self.db.execute(sql, ((document,) if document else ()) + _page(limit, offset))]

    def count_statements(self, document: str | None = None) -> int:
        sql = "SELECT count(*) FROM statements" + (" WHERE document = ?" if document else "")
        return int(self.db.execute(sql, (document,) if document else ()).fetchone()[0])

    def claims(self, document: str | None = None, predicate: str | None = None,
               subject_mentions: list[str] | None = None, documents: Sequence[str] | None = None) -> list[Claim]:
        sql, where, args = "SELECT c.* FROM claims c JOIN documents d ON d.id = c.document", [], []
        if document:
            where.append("c.document = ?")
            args.append(document)
        if documents is not None:
            where.append(f"c.document IN ({marks(documents)})")
            args.extend(documents)
        if predicate:
            where.append("c.predicate = ?")
            args.append(predicate)
        if subject_mentions is not None:
            where.append(f"c.subject IN ({','.join('?' * len(subject_mentions))})")
            args.extend(subject_mentions)
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY d.seq, c.evidence_start, c.id"
        return [_claim(r) for r in self.db.execute(sql, args)]

    # ---- judgements -------------------------------------------------------------------
    def add_judgement(self, kind: str, a: str, b: str, author: str) -> int:
        with self.transaction() as db:
            cur = db.execute("INSERT INTO judgements (kind, a, b, author, created_at) VALUES (?,?,?,?,?)",
                             (kind, a, b, author, now()))
            return int(cur.lastrowid or 0)

    def undo_judgement(self, judgement_id: int) -> None:
        if not 0 < judgement_id <= MAX_INTEGER:
            raise NotFound(f"No active judgement {judgement_id}; list them with `claimgraph judgements`.")
        with self.transaction() as db:
            cur = db.execute("UPDATE judgements SET undone_at = ? WHERE id = ? AND undone_at IS NULL", (now(), judgement_id))
            if cur.rowcount == 0:
                raise NotFound(f"No active judgement {judgement_id}; list them with `claimgraph judgements`.")

    def judgements(self, include_undone: bool = False) -> list[dict[str, Any]]:
        sql = "SELECT * FROM judgements" + ("" if include_undone else " WHERE undone_at IS NULL") + " ORDER BY id"
        return [dict(r) for r in self.db.execute(sql)]

    # ---- search -----------------------------------------------------------------------
    def search_documents(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        return self._match(
            "SELECT d.id, d.title, d.source, d.publisher, d.published, snippet(documents_fts, 1, '[', ']', '…', 16) AS snippet "
            "FROM documents_fts JOIN documents d ON d.key = documents_fts.rowid "
            "WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?", query, limit)

    def search_names(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        return self._match("SELECT DISTINCT entity, name FROM names_fts WHERE names_fts MATCH ? ORDER BY rank LIMIT ?",
                           query, limit)

    def search_entities(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Entities whose names match, best first, each once with the names that matched."""
        rows = self._match("SELECT entity, group_concat(name, '\x1f') AS names, min(rank) AS best FROM names_fts "
                           "WHERE names_fts MATCH ? GROUP BY entity ORDER BY best, entity LIMIT ?", query, limit)
        return [{"entity": r["entity"], "names": sorted(set(r["names"].split("\x1f")))} for r in rows]

    def count_matches(self, query: str) -> tuple[int, int]:
        """How many entities and how many reports a search finds, beyond any page."""
        entities = self._match("SELECT count(DISTINCT entity) AS n FROM names_fts WHERE names_fts MATCH ? LIMIT ?", query, 1)
        documents = self._match("SELECT count(*) AS n FROM documents_fts WHERE documents_fts MATCH ? LIMIT ?", query, 1)
        return int(entities[0]["n"]), int(documents[0]["n"])

    def _match(self, sql: str, query: str, limit: int) -> list[dict[str, Any]]:
        try:
            return [dict(r) for r in self.db.execute(sql, (fts_query(query), _page(limit, 0)[0]))]
        except sqlite3.OperationalError as exc:  # fts_query should make this impossible; never a crash
            raise StoreError(f"cannot search for {query!r}: {exc}") from exc


def fts_query(text: str) -> str:
    """User text as an FTS5 query: words and "quoted phrases", each quoted, so that no stray
    operator is a syntax error; no NUL (FTS5 reads the query as a C string, so a NUL would cut it
    inside a quoted term)."""
    terms = []
    for phrase, word in re.findall(r'"([^"]*)"|(\S+)', text.replace("\x00", " ")):
        words = (phrase or word).replace('"', "").split()
        if words:
            terms.append('"' + " ".join(words) + '"')
    return " ".join(terms) or '""'


def _page(limit: int | None, offset: int) -> tuple[int, int]:
    """LIMIT and OFFSET as SQLite takes them: no limit is -1; a number past SQLite's integers is 'all'."""
    return (min(limit, MAX_INTEGER) if limit and limit > 0 else -1), min(max(offset, 0), MAX_INTEGER)


def _dump(value: Any) -> str | None:
    return None if value is None else json.dumps(value, sort_keys=True)


def _document(r: sqlite3.Row) -> Document:
    return Document(
        id=r["id"], source=r["source"], text=r["text"], title=r["title"], publisher=r["publisher"],
        authors=tuple(json.loads(r["authors"])), published=r["published"], language=r["language"],
        duplicate_of=r["duplicate_of"], comment_start=r["comment_start"], status=r["status"],
        status_reason=r["status_reason"],
    )


def _mention(r: sqlite3.Row) -> Mention:
    return Mention(id=r["id"], document=r["document"], start=r["start"], end=r["end"], text=r["text"],
                   type=r["type"], label=r["label"], section=Section(r["section"]), entity=r["entity"],
                   antecedent=r["antecedent"], sieve=r["sieve"])


def _statement(r: sqlite3.Row) -> Statement:
    return Statement(id=r["id"], document=r["document"], source=r["source"], source_text=r["source_text"],
                     cue=r["cue"], content=Span(r["content_start"], r["content_end"], r["content_text"]), kind=r["kind"])
