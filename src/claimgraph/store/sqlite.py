"""SQLite store: one file, WAL journal, one transaction per document, FTS5 search."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from claimgraph.errors import NotFound, StoreError
from claimgraph.model import (
    Claim,
    ClaimGroup,
    Conflict,
    Document,
    Entity,
    Mention,
    Modality,
    Section,
    Span,
    Statement,
)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def migrations() -> list[tuple[int, str]]:
    folder = resources.files("claimgraph.store") / "schema"
    out = []
    for item in folder.iterdir():
        if item.name.endswith(".sql"):
            out.append((int(item.name.split("_", 1)[0]), item.read_text(encoding="utf-8")))
    return sorted(out)


class SQLiteStore:
    def __init__(self, path: str | Path, create: bool = True):
        self.path = str(path)
        if not create and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"No database at {self.path}. Run `claimgraph --db {self.path} ingest PATH` first.")
        try:
            self.db = sqlite3.connect(self.path, timeout=30.0, isolation_level=None, check_same_thread=False)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA busy_timeout = 30000")
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a claimgraph database ({exc})") from exc

    # ---- plumbing -------------------------------------------------------------------
    def _migrate(self) -> None:
        with self.transaction():
            self.db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT)")
            done = {r[0] for r in self.db.execute("SELECT version FROM schema_migrations")}
            known = migrations()
            if done and max(done) > known[-1][0]:
                raise StoreError(f"{self.path} was written by a newer claimgraph (schema {max(done)}); upgrade claimgraph")
            for version, sql in known:
                if version not in done:
                    for statement in _split_sql(sql):
                        self.db.execute(statement)
                    self.db.execute("INSERT INTO schema_migrations VALUES (?, ?)", (version, now()))

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT: writers queue on the lock instead of failing mid-way."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def close(self) -> None:
        self.db.close()

    @property
    def schema_version(self) -> int:
        return int(self.db.execute("SELECT max(version) FROM schema_migrations").fetchone()[0])

    # ---- documents ------------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def add_document(self, doc: Document, signature: bytes | None, mentions: list[Mention],
                     statements: list[Statement], claims: list[Claim]) -> bool:
        """Store a document with everything extracted from it, all or nothing. False if known."""
        with self.transaction() as db:
            if self.has_document(doc.id):
                return False
            seq = db.execute("SELECT coalesce(max(seq), 0) + 1 FROM documents").fetchone()[0]
            db.execute(
                "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (doc.id, doc.source, doc.title, doc.publisher, json.dumps(list(doc.authors)), doc.published,
                 doc.language, doc.text, doc.duplicate_of, doc.comment_start, doc.status, doc.status_reason,
                 signature, seq, now()),
            )
            db.execute("DELETE FROM skipped WHERE source = ?", (doc.source,))
            db.executemany(
                "INSERT OR IGNORE INTO mentions VALUES (?,?,?,?,?,?,?,?,NULL)",
                [(m.id, m.document, m.start, m.end, m.text, m.type, m.label, str(m.section)) for m in mentions],
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
        rows = self.db.execute("SELECT * FROM documents ORDER BY seq LIMIT ? OFFSET ?", (limit or -1, offset))
        return [_document(r) for r in rows]

    def count(self, table: str) -> int:
        if table not in {"documents", "mentions", "entities", "claims", "statements", "conflicts", "groups", "skipped", "judgements"}:
            raise ValueError(table)
        return int(self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        for row in self.db.execute("SELECT id, signature FROM documents WHERE signature IS NOT NULL ORDER BY seq"):
            yield row[0], row[1]

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

    def save_resolution(self, entities: Iterable[Entity], links: Iterable[tuple[str, str, str, str]],
                        reset: bool = False) -> None:
        """Write entities and mention links (mention, entity, rule, evidence) in one transaction."""
        with self.transaction() as db:
            if reset:
                db.execute("UPDATE mentions SET entity = NULL")
                db.execute("DELETE FROM links")
            stamp = now()
            for e in entities:
                db.execute(
                    "INSERT INTO entities (id, type, name, created_at) VALUES (?,?,?,?) "
                    "ON CONFLICT(id) DO UPDATE SET type = excluded.type, name = excluded.name",
                    (e.id, e.type, e.name, stamp),
                )
            rows = list(links)
            db.executemany("UPDATE mentions SET entity = ? WHERE id = ?", [(ent, m) for m, ent, _, _ in rows])
            db.executemany("INSERT OR REPLACE INTO links VALUES (?,?,?,?)", rows)
            db.execute("DELETE FROM entities WHERE id NOT IN (SELECT DISTINCT entity FROM mentions WHERE entity IS NOT NULL)")
            db.execute("DELETE FROM names_fts")
            db.execute(
                "INSERT INTO names_fts(name, entity) SELECT DISTINCT text, entity FROM mentions WHERE entity IS NOT NULL"
            )

    def entities(self, limit: int | None = None, offset: int = 0, type_: str | None = None) -> list[Entity]:
        sql = ("SELECT e.id, e.type, e.name, count(m.id) AS n FROM entities e LEFT JOIN mentions m ON m.entity = e.id "
               + ("WHERE e.type = ? " if type_ else "") + "GROUP BY e.id ORDER BY n DESC, e.name LIMIT ? OFFSET ?")
        args: list[Any] = ([type_] if type_ else []) + [limit or -1, offset]
        rows = self.db.execute(sql, args).fetchall()
        aliases = self._aliases([r["id"] for r in rows])
        return [Entity(id=r["id"], type=r["type"], name=r["name"], aliases=aliases.get(r["id"], ())) for r in rows]

    def _aliases(self, ids: list[str]) -> dict[str, tuple[tuple[str, int], ...]]:
        out: dict[str, list[tuple[str, int]]] = {}
        for chunk in range(0, len(ids), 500):
            part = ids[chunk : chunk + 500]
            marks = ",".join("?" * len(part))
            described: dict[str, list[tuple[str, int]]] = {}
            for r in self.db.execute(
                f"SELECT entity, text, count(*), label = 'rules/description' FROM mentions WHERE entity IN ({marks}) "
                "GROUP BY entity, text ORDER BY entity, count(*) DESC, text", part,
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

    def entity_ids_named(self, name: str) -> list[str]:
        """Entities that carry `name` (case-insensitive) as a name or alias, most mentioned first."""
        rows = self.db.execute(
            "SELECT entity, count(*) AS n FROM mentions WHERE entity IS NOT NULL AND lower(text) = lower(?) "
            "GROUP BY entity ORDER BY n DESC", (name,),
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
    def statements(self, document: str | None = None) -> list[Statement]:
        sql = "SELECT * FROM statements" + (" WHERE document = ?" if document else "") + " ORDER BY document, content_start"
        return [_statement(r) for r in self.db.execute(sql, (document,) if document else ())]

    def claims(self, document: str | None = None, predicate: str | None = None,
               subject_mentions: list[str] | None = None) -> list[Claim]:
        sql, where, args = "SELECT c.* FROM claims c JOIN documents d ON d.id = c.document", [], []
        if document:
            where.append("c.document = ?")
            args.append(document)
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

    # ---- reasoning --------------------------------------------------------------------
    def save_reasoning(self, groups: list[ClaimGroup], conflicts: list[Conflict], memberships: dict[str, str],
                       conflict_support: dict[str, int] | None = None) -> None:
        """Replace groups and conflicts; append a grade-history row where a group's grade changed."""
        with self.transaction() as db:
            last = {r[0]: r[1] for r in db.execute(
                "SELECT grp, grade FROM grade_history h WHERE rowid = (SELECT max(rowid) FROM grade_history WHERE grp = h.grp)")}
            stamp = now()
            db.execute("DELETE FROM groups")
            db.execute("DELETE FROM claim_group")
            db.execute("DELETE FROM conflicts")
            for g in groups:
                if last.get(g.id) != g.grade:
                    db.execute("INSERT INTO grade_history VALUES (?,?,?)", (g.id, g.grade, stamp))
                db.execute("INSERT INTO groups VALUES (?, ?)", (g.id, json.dumps(_group_dict(g))))
            db.executemany("INSERT INTO claim_group VALUES (?, ?)", list(memberships.items()))
            for c in conflicts:
                db.execute("INSERT INTO conflicts VALUES (?,?,?,?,?)",
                           (c.id, c.kind, json.dumps(list(c.claims)), c.summary, (conflict_support or {}).get(c.id, 0)))

    def groups(self) -> list[ClaimGroup]:
        history: dict[str, list[dict[str, str]]] = {}
        for r in self.db.execute("SELECT grp, grade, since FROM grade_history ORDER BY rowid"):
            history.setdefault(r[0], []).append({"grade": r[1], "since": r[2]})
        out = []
        for r in self.db.execute("SELECT id, data FROM groups ORDER BY id"):
            d = json.loads(r[1])
            out.append(ClaimGroup(
                id=r[0], subject=d["subject"], predicate=d["predicate"], object=d["object"], time=d["time"],
                place=d["place"], claims=tuple(d["claims"]), support=d["support"], grade=d["grade"],
                reasons=tuple(d["reasons"]), history=tuple(history.get(r[0], [])[:-1]),
            ))
        return out

    def claim_groups(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self.db.execute("SELECT claim, grp FROM claim_group")}

    def conflicts(self) -> list[Conflict]:
        rows = self.db.execute("SELECT * FROM conflicts ORDER BY support DESC, id")
        return [Conflict(id=r["id"], kind=r["kind"], claims=tuple(json.loads(r["claims"])), summary=r["summary"]) for r in rows]

    # ---- judgements -------------------------------------------------------------------
    def add_judgement(self, kind: str, a: str, b: str, author: str) -> int:
        with self.transaction() as db:
            cur = db.execute("INSERT INTO judgements (kind, a, b, author, created_at) VALUES (?,?,?,?,?)",
                             (kind, a, b, author, now()))
            return int(cur.lastrowid or 0)

    def undo_judgement(self, judgement_id: int) -> None:
        with self.transaction() as db:
            cur = db.execute("UPDATE judgements SET undone_at = ? WHERE id = ? AND undone_at IS NULL", (now(), judgement_id))
            if cur.rowcount == 0:
                raise NotFound(f"No active judgement {judgement_id}; list them with `claimgraph judgements`.")

    def judgements(self, include_undone: bool = False) -> list[dict[str, Any]]:
        sql = "SELECT * FROM judgements" + ("" if include_undone else " WHERE undone_at IS NULL") + " ORDER BY id"
        return [dict(r) for r in self.db.execute(sql)]

    # ---- search -----------------------------------------------------------------------
    def search_documents(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT d.id, d.title, d.source, snippet(documents_fts, 1, '[', ']', '…', 16) AS snippet "
            "FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
            "WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?", (fts_query(query), limit),
        )
        return [dict(r) for r in rows]

    def search_names(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT DISTINCT entity, name FROM names_fts WHERE names_fts MATCH ? ORDER BY rank LIMIT ?",
            (fts_query(query), limit),
        )
        return [dict(r) for r in rows]


def fts_query(text: str) -> str:
    """User text as an FTS5 query of quoted terms: no syntax error from stray operators."""
    terms = [t.replace('"', "") for t in text.split()]
    return " ".join(f'"{t}"' for t in terms if t) or '""'


def _split_sql(sql: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies (BEGIN ... END;) whole."""
    out, buf = [], []
    for line in sql.splitlines():
        if line.strip().startswith("--") or not line.strip():
            continue
        buf.append(line)
        joined = "\n".join(buf).strip()
        if joined.endswith(";") and ("BEGIN" not in joined.upper().split() or joined.upper().endswith("END;")):
            out.append(joined)
            buf = []
    return out


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
                   type=r["type"], label=r["label"], section=Section(r["section"]), entity=r["entity"])


def _statement(r: sqlite3.Row) -> Statement:
    return Statement(id=r["id"], document=r["document"], source=r["source"], source_text=r["source_text"],
                     cue=r["cue"], content=Span(r["content_start"], r["content_end"], r["content_text"]), kind=r["kind"])


def _claim(r: sqlite3.Row) -> Claim:
    return Claim(
        id=r["id"], document=r["document"], subject=r["subject"], predicate=r["predicate"],
        object=json.loads(r["object"]) if r["object"] else None, time=json.loads(r["time"]) if r["time"] else None,
        place=r["place"], agent=r["agent"], claimant=r["claimant"], modality=Modality(r["modality"]),
        evidence=Span(r["evidence_start"], r["evidence_end"], r["evidence_text"]), statement=r["statement"],
        extractor=r["extractor"], confidence=r["confidence"],
    )


def _group_dict(g: ClaimGroup) -> dict[str, Any]:
    return {"subject": g.subject, "predicate": g.predicate, "object": g.object, "time": g.time, "place": g.place,
            "claims": list(g.claims), "support": g.support, "grade": g.grade, "reasons": list(g.reasons)}
