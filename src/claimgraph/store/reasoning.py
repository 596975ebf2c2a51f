"""Groups, grades and conflicts, written and read one subject at a time: what reasoning needs to
regrade the subjects a report touched, and what the pages read. SQLiteStore inherits these."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Collection, Iterable, Sequence
from contextlib import AbstractContextManager
from typing import Any

from claimgraph.model import Claim, ClaimGroup, Conflict, Document
from claimgraph.store.browse import claim_from_row
from claimgraph.store.connection import Connection, now
from claimgraph.store.resolution import chunks, marks

PUBLISHER_OF = ("(SELECT min(p.entity) FROM mentions p WHERE p.document = {doc} AND p.label = 'meta/publisher' "
                "AND p.entity IS NOT NULL)")


class ReasoningQueries:
    db: Connection

    transaction: Callable[[], AbstractContextManager[sqlite3.Connection]]  # provided by SQLiteStore

    # ---- what reasoning reads ------------------------------------------------------------
    def claims_about(self, subjects: Collection[str]) -> list[Claim]:
        """Every claim whose subject is one of these entities, in report order."""
        out: list[tuple[int, int, str, Claim]] = []
        for part in chunks(sorted(subjects)):
            for r in self.db.execute(
                f"SELECT c.*, d.seq AS doc_seq FROM mentions m JOIN claims c ON c.subject = m.id "
                f"JOIN documents d ON d.id = c.document WHERE m.entity IN ({marks(part)})", part,
            ):
                out.append((r["doc_seq"], r["evidence_start"], r["id"], claim_from_row(r)))
        return [c for *_, c in sorted(out, key=lambda t: t[:3])]

    def entities_of_mentions(self, ids: Iterable[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for part in chunks(sorted(set(ids))):
            out.update((r[0], r[1]) for r in self.db.execute(
                f"SELECT id, entity FROM mentions WHERE id IN ({marks(part)}) AND entity IS NOT NULL", part))
        return out

    def documents_meta(self, ids: Iterable[str] | None = None) -> dict[str, Document]:
        """Documents without their text (enough for provenance), these or all of them."""
        sql = "SELECT id, source, title, publisher, published, duplicate_of, language FROM documents"
        parts = [None] if ids is None else list(chunks(sorted(set(ids))))
        out: dict[str, Document] = {}
        for part in parts:
            rows = self.db.execute(sql + (f" WHERE id IN ({marks(part)})" if part is not None else ""), part or ())
            out.update((r[0], Document(id=r[0], source=r[1], text="", title=r[2], publisher=r[3], published=r[4],
                                       duplicate_of=r[5], language=r[6])) for r in rows)
        return out

    def publisher_entities(self, documents: Iterable[str] | None = None) -> dict[str, str]:
        """Each document's publisher entity (the claimant of its author's own voice)."""
        if documents is None:
            return {r[0]: r[1] for r in self.db.execute(
                "SELECT document, min(entity) FROM mentions WHERE label = 'meta/publisher' AND entity IS NOT NULL "
                "GROUP BY document")}
        out: dict[str, str] = {}
        for part in chunks(sorted(set(documents))):
            out.update((r[0], r[1]) for r in self.db.execute(
                f"SELECT document, min(entity) FROM mentions WHERE document IN ({marks(part)}) AND label = 'meta/publisher' "
                "AND entity IS NOT NULL GROUP BY document", part))
        return out

    def entity_names(self, ids: Iterable[str] | None = None) -> dict[str, str]:
        if ids is None:
            return {r[0]: r[1] for r in self.db.execute("SELECT id, name FROM entities")}
        out: dict[str, str] = {}
        for part in chunks(sorted(set(ids))):
            out.update((r[0], r[1]) for r in self.db.execute(f"SELECT id, name FROM entities WHERE id IN ({marks(part)})", part))
        return out

    def subjects_of_documents(self, documents: Iterable[str]) -> set[str]:
        """The entities that claims in these documents are about."""
        out: set[str] = set()
        for part in chunks(sorted(set(documents))):
            out.update(r[0] for r in self.db.execute(
                f"SELECT DISTINCT m.entity FROM claims c JOIN mentions m ON m.id = c.subject WHERE c.document IN ({marks(part)}) "
                "AND m.entity IS NOT NULL", part))
        return out

    def subjects_naming(self, entities: Iterable[str]) -> set[str]:
        """The subjects whose groups and conflicts say these entities' names: as the subject, the
        claimant (also as a document's publisher), or the object."""
        out: set[str] = set()
        for part in chunks(sorted(set(entities))):
            m = marks(part)
            out.update(part)
            for sql in (f"SELECT c.subject FROM mentions k JOIN claims c ON c.claimant = k.id WHERE k.entity IN ({m})",
                        f"SELECT c.subject FROM mentions k JOIN claims c ON json_extract(c.object, '$.mention') = k.id "
                        f"WHERE k.entity IN ({m})",
                        f"SELECT c.subject FROM mentions k JOIN claims c ON c.document = k.document AND c.claimant IS NULL "
                        f"WHERE k.entity IN ({m}) AND k.label = 'meta/publisher'"):
                subjects = [r[0] for r in self.db.execute(sql, part)]
                out.update(self.entities_of_mentions(subjects).values())
        return out

    # ---- writing ------------------------------------------------------------------------------
    def save_reasoning(self, groups: list[ClaimGroup], conflicts: list[Conflict], memberships: dict[str, str],
                       conflict_support: dict[str, int] | None = None, subjects: Collection[str] | None = None) -> None:
        """Replace the groups and conflicts of `subjects` (of everything when None); append a
        grade-history row where a group's grade changed."""
        subject_of = {g.id: g.subject for g in groups}
        with self.transaction() as db:
            if subjects is None:
                for table in ("groups", "claim_group", "conflicts"):
                    db.execute(f"DELETE FROM {table}")
            else:
                for part in chunks(sorted(subjects)):
                    db.execute(f"DELETE FROM claim_group WHERE grp IN (SELECT id FROM groups WHERE subject IN ({marks(part)}))", part)
                    db.execute(f"DELETE FROM groups WHERE subject IN ({marks(part)})", part)
                    db.execute(f"DELETE FROM conflicts WHERE subject IN ({marks(part)})", part)
            stamp = now()
            history = []
            for g in groups:
                last = db.execute("SELECT grade FROM grade_history WHERE grp = ? ORDER BY seq DESC LIMIT 1", (g.id,)).fetchone()
                if last is None or last[0] != g.grade:
                    history.append((g.id, g.grade, stamp))
            db.executemany("INSERT INTO grade_history (grp, grade, since) VALUES (?,?,?)", history)
            db.executemany("INSERT INTO groups (id, data, subject, predicate, grade, target) VALUES (?,?,?,?,?,?)",
                           [(g.id, json.dumps(_group_dict(g)), g.subject, g.predicate, g.grade, (g.object or {}).get("entity"))
                            for g in groups])
            db.executemany("INSERT OR REPLACE INTO claim_group VALUES (?, ?)", sorted(memberships.items()))
            db.executemany("INSERT INTO conflicts (id, kind, claims, summary, support, subject) VALUES (?,?,?,?,?,?)",
                           [(c.id, c.kind, json.dumps(list(c.claims)), c.summary, (conflict_support or {}).get(c.id, 0),
                             subject_of.get(memberships.get(c.claims[0], ""))) for c in conflicts])

    # ---- reading ------------------------------------------------------------------------------
    def groups(self, ids: Sequence[str] | None = None, subject: str | None = None) -> list[ClaimGroup]:
        """Claim groups with their grade history: these, one subject's, or all of them."""
        if ids is not None:
            parts: list[tuple[str, Sequence[Any]]] = [(f"WHERE id IN ({marks(p)})", p) for p in chunks(sorted(set(ids)))]
        else:
            parts = [("WHERE subject = ?", [subject])] if subject is not None else [("", [])]
        out: list[ClaimGroup] = []
        for where, args in parts:
            rows = self.db.execute(f"SELECT id, data FROM groups {where} ORDER BY id", args).fetchall()
            history = self._history([r[0] for r in rows]) if (ids is not None or subject is not None) else self._history(None)
            out.extend(_group(r[0], json.loads(r[1]), history) for r in rows)
        return sorted(out, key=lambda g: g.id)

    def _history(self, ids: list[str] | None) -> dict[str, list[dict[str, str]]]:
        history: dict[str, list[dict[str, str]]] = {}
        parts = [None] if ids is None else list(chunks(ids))
        for part in parts:
            sql = "SELECT grp, grade, since FROM grade_history" + (f" WHERE grp IN ({marks(part)})" if part is not None else "")
            for r in self.db.execute(sql + " ORDER BY seq", part or ()):
                history.setdefault(r[0], []).append({"grade": r[1], "since": r[2]})
        return history

    def claim_groups(self, claims: Iterable[str] | None = None) -> dict[str, str]:
        """The group of each claim: of these claims, or of all."""
        if claims is None:
            return {r[0]: r[1] for r in self.db.execute("SELECT claim, grp FROM claim_group")}
        out: dict[str, str] = {}
        for part in chunks(sorted(set(claims))):
            out.update((r[0], r[1]) for r in self.db.execute(f"SELECT claim, grp FROM claim_group WHERE claim IN ({marks(part)})", part))
        return out

    def conflicts(self, limit: int | None = None, offset: int = 0, subject: str | None = None) -> list[Conflict]:
        """Conflicts, most supported first: a page of them, or one subject's."""
        where, args = ("WHERE subject = ? ", [subject]) if subject is not None else ("", [])
        rows = self.db.execute(f"SELECT * FROM conflicts {where}ORDER BY support DESC, id LIMIT ? OFFSET ?",
                               [*args, limit if limit and limit > 0 else -1, max(offset, 0)])
        return [Conflict(id=r["id"], kind=r["kind"], claims=tuple(json.loads(r["claims"])), summary=r["summary"]) for r in rows]

    def graph_groups(self, limit: int, type_: str | None = None, predicate: str | None = None, grade: str | None = None,
                     since: str | None = None, until: str | None = None, outlet: str | None = None,
                     ) -> tuple[list[ClaimGroup], int]:
        """Claim groups between two entities (the edges of the network) that pass the filters, by
        id, at most `limit`, and how many pass."""
        when = "json_extract(g.data, '$.time.start')"
        tests = [("g.predicate = ?", [predicate]), ("g.grade = ?", [grade]), (f"{when} >= ?", [since]),
                 (f"substr({when}, 1, length(?)) <= ?", [until, until]), ("s.type = ? AND t.type = ?", [type_, type_]),
                 ("EXISTS (SELECT 1 FROM claim_group cg JOIN claims c ON c.id = cg.claim JOIN documents d ON d.id = c.document "
                  "WHERE cg.grp = g.id AND d.publisher = ?)", [outlet])]
        where = " AND ".join(["g.target IS NOT NULL"] + [t for t, v in tests if v[0]])
        args = [a for t, v in tests if v[0] for a in v]
        sql = f"FROM groups g JOIN entities s ON s.id = g.subject JOIN entities t ON t.id = g.target WHERE {where}"
        total = int(self.db.execute(f"SELECT count(*) {sql}", args).fetchone()[0])
        rows = self.db.execute(f"SELECT g.id {sql} ORDER BY g.id LIMIT ?", [*args, limit]).fetchall()
        return self.groups(ids=[r[0] for r in rows]), total

    def conflict_subjects(self, ids: Iterable[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for part in chunks(sorted(set(ids))):
            out.update((r[0], r[1]) for r in self.db.execute(f"SELECT id, subject FROM conflicts WHERE id IN ({marks(part)})", part))
        return out


def _group(gid: str, d: dict[str, Any], history: dict[str, list[dict[str, str]]]) -> ClaimGroup:
    return ClaimGroup(id=gid, subject=d["subject"], predicate=d["predicate"], object=d["object"], time=d["time"],
                      place=d["place"], claims=tuple(d["claims"]), support=d["support"], grade=d["grade"],
                      reasons=tuple(d["reasons"]), history=tuple(history.get(gid, [])[:-1]), counts=d.get("counts", {}))


def _group_dict(g: ClaimGroup) -> dict[str, Any]:
    return {"subject": g.subject, "predicate": g.predicate, "object": g.object, "time": g.time, "place": g.place,
            "claims": list(g.claims), "support": g.support, "grade": g.grade, "reasons": list(g.reasons),
            "counts": g.counts}
