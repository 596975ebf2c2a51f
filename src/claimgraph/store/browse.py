"""The workspace's read queries: entities and claims a page at a time with their totals, filters
and facets, where an entity is mentioned, grouped name search. SQLiteStore inherits them."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from dataclasses import dataclass
from typing import Any

from claimgraph.model import Claim, Document, Modality, Span
from claimgraph.store.connection import Connection

# the entity a claim's claimant is: its mention's entity, or the publisher's for the author's voice
# (each an indexed look-up of the claim's own document, never an aggregate over every mention)
PUBLISHER = ("(SELECT min(p.entity) FROM mentions p WHERE p.document = c.document AND p.label = 'meta/publisher' "
             "AND p.entity IS NOT NULL)")
CLAIMANT = f"coalesce(mc.entity, CASE WHEN c.claimant IS NULL THEN {PUBLISHER} END)"
CLAIMS_FROM = ("FROM claims c JOIN documents d ON d.id = c.document LEFT JOIN mentions mc ON mc.id = c.claimant "
               "LEFT JOIN mentions ms ON ms.id = c.subject LEFT JOIN claim_group cg ON cg.claim = c.id "
               "LEFT JOIN groups g ON g.id = cg.grp")
FACET_VALUES = 200  # a facet lists its most used values
ENTITY_ORDER = {"mentions": "e.mention_count DESC, e.name, e.id", "name": "e.name COLLATE UNICASE, e.id"}


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """What the claims browser, the API and `claimgraph claims` filter on; every field optional."""

    subject: str | None = None  # entity id
    predicate: str | None = None
    claimant: str | None = None  # entity id
    outlet: str | None = None  # the document's publisher, as written
    grade: str | None = None
    modality: str | None = None
    since: str | None = None  # report date, ISO, at any precision
    until: str | None = None
    group: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        tests = [("ms.entity = ?", self.subject), ("c.predicate = ?", self.predicate), (f"{CLAIMANT} = ?", self.claimant),
                 ("d.publisher = ?", self.outlet), ("g.grade = ?", self.grade),
                 ("c.modality = ?", self.modality), ("d.published >= ?", self.since),
                 ("substr(d.published, 1, length(?)) <= ?", self.until), ("cg.grp = ?", self.group)]
        sql, args = [], []
        for test, value in tests:
            if value:
                sql.append(test)
                args.extend([value] * test.count("?"))
        return (" WHERE " + " AND ".join(sql)) if sql else "", args


class BrowseQueries:
    db: Connection

    def count_entities(self, type_: str | None = None) -> int:
        sql = "SELECT count(*) FROM entities" + (" WHERE type = ?" if type_ else "")
        return int(self.db.execute(sql, [type_] if type_ else []).fetchone()[0])

    def entity_type_counts(self) -> dict[str, int]:
        return {r[0]: r[1] for r in self.db.execute("SELECT type, count(*) FROM entities GROUP BY type ORDER BY type")}

    def entity_rows(self, limit: int, offset: int, type_: str | None = None, order: str = "mentions") -> list[dict[str, Any]]:
        """A page of entities: id, type, name and mention count, by mentions or by name."""
        sql = ("SELECT e.id, e.type, e.name, e.mention_count FROM entities e " + ("WHERE e.type = ? " if type_ else "")
               + f"ORDER BY {ENTITY_ORDER[order]} LIMIT ? OFFSET ?")
        rows = self.db.execute(sql, [*([type_] if type_ else []), limit, offset])
        return [{"id": r[0], "type": r[1], "name": r[2], "mentions": r[3]} for r in rows]

    def claims_page(self, f: ClaimFilter, limit: int | None, offset: int = 0) -> tuple[list[Claim], int]:
        """Claims that pass the filter, in report order, a page of them, and how many pass."""
        where, args = f.where()
        total = int(self.db.execute(f"SELECT count(*) {CLAIMS_FROM}{where}", args).fetchone()[0])
        sql = f"SELECT c.* {CLAIMS_FROM}{where} ORDER BY d.seq, c.evidence_start, c.id LIMIT ? OFFSET ?"
        rows = self.db.execute(sql, [*args, limit if limit and limit > 0 else -1, max(offset, 0)])
        return [claim_from_row(r) for r in rows], total

    def claims_by_id(self, ids: list[str]) -> list[Claim]:
        """These claims, in report order (unknown ids are left out)."""
        out: list[tuple[int, int, str, Claim]] = []
        for chunk in range(0, len(ids), 500):
            part = ids[chunk : chunk + 500]
            out.extend((r["doc_seq"], r["evidence_start"], r["id"], claim_from_row(r)) for r in self.db.execute(
                f"SELECT c.*, d.seq AS doc_seq FROM claims c JOIN documents d ON d.id = c.document "
                f"WHERE c.id IN ({','.join('?' * len(part))})", part))
        return [c for *_, c in sorted(out, key=lambda t: t[:3])]

    def claim_facets(self) -> dict[str, list[tuple[str, int]]]:
        """The values the claims browser offers, each with its number of claims."""
        def pairs(sql: str) -> list[tuple[str, int]]:
            return [(r[0], r[1]) for r in self.db.execute(sql) if r[0]]
        return {
            "predicate": pairs("SELECT predicate, count(*) FROM claims GROUP BY predicate ORDER BY predicate"),
            "modality": pairs("SELECT modality, count(*) FROM claims GROUP BY modality ORDER BY modality"),
            "outlet": pairs("SELECT d.publisher, count(*) FROM claims c JOIN documents d ON d.id = c.document "
                            "GROUP BY d.publisher ORDER BY d.publisher"),
            "grade": pairs("SELECT g.grade, count(*) FROM claim_group cg JOIN groups g ON g.id = cg.grp "
                           "GROUP BY g.grade ORDER BY g.grade"),
            "claimant": self._claimant_counts(),
        }

    def _claimant_counts(self) -> list[tuple[str, int]]:
        """The most frequent claimants: a claimant mention's entity, and for the author's voice the
        publisher, looked up once per report rather than once per claim."""
        counts: Counter[str] = Counter()
        for who, n in self.db.execute(
            # CROSS JOIN keeps claims outermost: SQLite would otherwise walk every mention with an entity
            "SELECT mc.entity, count(*) FROM claims c CROSS JOIN mentions mc ON mc.id = c.claimant "
            "WHERE c.claimant IS NOT NULL AND mc.entity IS NOT NULL GROUP BY mc.entity"
        ):
            counts[who] += n
        for who, n in self.db.execute(
            f"SELECT {PUBLISHER.replace('c.document', 'x.document')} AS who, sum(x.n) FROM "
            "(SELECT document, count(*) AS n FROM claims WHERE claimant IS NULL GROUP BY document) x GROUP BY who"
        ):
            if who:
                counts[who] += n
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:FACET_VALUES]

    def entity_documents(self, entity_id: str, limit: int | None = None, offset: int = 0) -> list[tuple[Document, int]]:
        """The reports that mention an entity (metadata names too), oldest first, with how often;
        a page of them."""
        rows = self.db.execute(
            "SELECT d.id, d.source, d.title, d.publisher, d.published, d.duplicate_of, d.language, d.status, count(m.id) "
            "FROM mentions m JOIN documents d ON d.id = m.document WHERE m.entity = ? GROUP BY d.id "
            "ORDER BY coalesce(d.published, ''), d.seq LIMIT ? OFFSET ?",
            (entity_id, limit if limit and limit > 0 else -1, max(offset, 0)))
        return [(Document(id=r[0], source=r[1], text="", title=r[2], publisher=r[3], published=r[4], duplicate_of=r[5],
                          language=r[6], status=r[7]), r[8]) for r in rows]

    def count_entity_documents(self, entity_id: str) -> int:
        return int(self.db.execute("SELECT count(DISTINCT document) FROM mentions WHERE entity = ?", (entity_id,)).fetchone()[0])

    def group_outlets(self, groups: list[str] | None = None) -> dict[str, list[str]]:
        """The outlets whose reports carry each claim group (these groups, or all)."""
        out: dict[str, list[str]] = {}
        sql = ("SELECT DISTINCT cg.grp, d.publisher FROM claim_group cg JOIN claims c ON c.id = cg.claim "
               "JOIN documents d ON d.id = c.document WHERE d.publisher IS NOT NULL")
        parts = [None] if groups is None else [groups[i : i + 500] for i in range(0, len(groups), 500)]
        for part in parts:
            where = f" AND cg.grp IN ({','.join('?' * len(part))})" if part is not None else ""
            for r in self.db.execute(sql + where + " ORDER BY 1, 2", part or ()):
                out.setdefault(r[0], []).append(r[1])
        return out

    def outlets(self) -> list[str]:
        """Every outlet whose reports carry claims, by name."""
        return [r[0] for r in self.db.execute(
            "SELECT DISTINCT d.publisher FROM documents d WHERE d.publisher IS NOT NULL "
            "AND EXISTS (SELECT 1 FROM claims c WHERE c.document = d.id) ORDER BY 1")]

    def entity_rows_by_id(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for i in range(0, len(ids), 500):
            part = ids[i : i + 500]
            for r in self.db.execute(f"SELECT id, type, name, mention_count FROM entities WHERE id IN ({','.join('?' * len(part))})", part):
                out[r[0]] = {"id": r[0], "type": r[1], "name": r[2], "mentions": r[3]}
        return out

    def count_active_judgements(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM judgements WHERE undone_at IS NULL").fetchone()[0])


def claim_from_row(r: sqlite3.Row) -> Claim:
    return Claim(
        id=r["id"], document=r["document"], subject=r["subject"], predicate=r["predicate"],
        object=json.loads(r["object"]) if r["object"] else None, time=json.loads(r["time"]) if r["time"] else None,
        place=r["place"], agent=r["agent"], claimant=r["claimant"], modality=Modality(r["modality"]),
        evidence=Span(r["evidence_start"], r["evidence_end"], r["evidence_text"]), statement=r["statement"],
        extractor=r["extractor"], confidence=r["confidence"],
    )
