"""The resolver's state, kept in the store so that one new report is resolved against candidates
fetched by their blocking keys, not against every mention reloaded: each entity's names, type
votes, creation order and whether it is named; the keys it is filed under; the names search.
SQLiteStore inherits these."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any

from claimgraph.model import Entity
from claimgraph.store.connection import Connection, now

# (id, type, display name, order, named, type votes, names with their counts, key of the display name)
StateRow = tuple[str, str, str, int, bool, dict[str, int], dict[str, int], str]
StoredState = tuple[str, str, int, bool, dict[str, int], dict[str, int], str]  # id, type, order, named, types, names, name
Link = tuple[str, str, str, str]  # mention, entity, rule, evidence
CHUNK = 500


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def marks(items: Sequence[Any]) -> str:
    return ",".join("?" * len(items))


class ResolutionQueries:
    db: Connection

    transaction: Callable[[], AbstractContextManager[sqlite3.Connection]]  # provided by SQLiteStore

    # ---- what the resolver asks (claimgraph.resolve.resolver.EntitySource) --------------
    def entity_block(self, key: str, limit: int) -> list[str]:
        """Entities filed under a blocking key, oldest first, at most `limit`."""
        rows = self.db.execute("SELECT entity FROM entity_keys WHERE key = ? ORDER BY ord, entity LIMIT ?", (key, limit))
        return [r[0] for r in rows]

    def entity_states(self, ids: Sequence[str]) -> list[StoredState]:
        """The resolver's state of these entities (unknown ids are left out)."""
        out: list[StoredState] = []
        for part in chunks(list(ids)):
            names: dict[str, dict[str, int]] = {}
            for r in self.db.execute(f"SELECT entity, name, count FROM entity_names WHERE entity IN ({marks(part)})", part):
                names.setdefault(r[0], {})[r[1]] = r[2]
            for r in self.db.execute(f"SELECT id, type, ord, named, types, name FROM entities WHERE id IN ({marks(part)})", part):
                out.append((r[0], r[1], r[2], bool(r[3]), json.loads(r[4]), names.get(r[0], {}), r[5]))
        return out

    def entities_displayed_as(self, display_key: str) -> list[str]:
        """Named entities whose display name has this key, oldest first."""
        rows = self.db.execute("SELECT id FROM entities WHERE display_key = ? AND named ORDER BY ord, id", (display_key,))
        return [r[0] for r in rows]

    def next_entity_order(self) -> int:
        return int(self.db.execute("SELECT coalesce(max(ord), -1) + 1 FROM entities").fetchone()[0])

    def needs_rebuild(self) -> bool:
        """True when the resolver's state is missing (a store from before it was kept)."""
        return self.db.execute("SELECT 1 FROM store_state WHERE name = 'resolver' AND value = 'rebuild'").fetchone() is not None

    def resolver_state(self) -> Iterator[list[tuple[Any, ...]]]:
        """The resolver's whole state, table by table, in a fixed order (to compare two stores)."""
        yield [tuple(r) for r in self.db.execute(
            "SELECT id, type, name, ord, named, types, display_key, mention_count FROM entities ORDER BY id")]
        yield [tuple(r) for r in self.db.execute("SELECT entity, name, count FROM entity_names ORDER BY entity, name")]
        yield [tuple(r) for r in self.db.execute("SELECT key, ord, entity FROM entity_keys ORDER BY key, ord, entity")]
        yield [tuple(r) for r in self.db.execute("SELECT entity, name FROM entity_search ORDER BY entity, name")]

    # ---- writing a resolution -----------------------------------------------------------
    def save_resolution(self, entities: Iterable[Entity | StateRow], links: Iterable[Link], reset: bool = False,
                        keys: Iterable[tuple[str, int, str]] = ()) -> list[str]:
        """Write entities (with the resolver's state when given as StateRow), mention links
        (mention, entity, rule, evidence) and blocking keys (key, order, entity) in one
        transaction; `reset` replaces everything. Returns the ids of the entities written."""
        rows = [_state_row(e) for e in entities]
        links = list(links)
        with self.transaction() as db:
            if reset:
                for table in ("links", "entity_names", "entity_keys", "entity_search", "store_state"):
                    db.execute(f"DELETE FROM {table}")
                db.execute("UPDATE mentions SET entity = NULL")
                db.execute("INSERT INTO names_fts(names_fts) VALUES ('delete-all')")
            stamp = now()
            db.executemany(
                "INSERT INTO entities (id, type, name, created_at, ord, named, types, display_key) VALUES (?,?,?,?,?,?,?,?) "
                "ON CONFLICT(id) DO UPDATE SET type = excluded.type, name = excluded.name, ord = excluded.ord, "
                "named = excluded.named, types = excluded.types, display_key = excluded.display_key",
                [(r[0], r[1], r[2], stamp, r[3], int(r[4]), json.dumps(r[5], sort_keys=True), r[7]) for r in rows])
            ids = [r[0] for r in rows]
            for part in chunks(ids):
                db.execute(f"DELETE FROM entity_names WHERE entity IN ({marks(part)})", part)
            db.executemany("INSERT INTO entity_names VALUES (?,?,?)",
                           [(r[0], name, n) for r in rows for name, n in sorted(r[6].items()) if n > 0])
            db.executemany("INSERT OR IGNORE INTO entity_keys VALUES (?,?,?)", list(keys))
            db.executemany("UPDATE mentions SET entity = ? WHERE id = ?", [(ent, m) for m, ent, _, _ in links])
            db.executemany("INSERT OR REPLACE INTO links VALUES (?,?,?,?)", links)
            self._after_links(db, ids, [m for m, _, _, _ in links], reset)
        return ids

    def _after_links(self, db: sqlite3.Connection, ids: list[str], mentions: list[str], reset: bool) -> None:
        """Counts, emptied entities and the names search, for what changed (everything on reset)."""
        if reset:
            db.execute("UPDATE entities SET mention_count = (SELECT count(*) FROM mentions m WHERE m.entity = entities.id)")
            db.execute("DELETE FROM entities WHERE mention_count = 0")
            db.execute("DELETE FROM entity_keys WHERE entity NOT IN (SELECT id FROM entities)")
            db.execute("INSERT INTO entity_search (entity, name) SELECT DISTINCT entity, text FROM mentions "
                       "WHERE entity IS NOT NULL AND label NOT LIKE 'coref/%' ORDER BY entity, text")
            db.execute("INSERT INTO names_fts(names_fts) VALUES ('rebuild')")
            return
        touched = sorted(set(ids) | {r[0] for part in chunks(mentions) for r in db.execute(
            f"SELECT DISTINCT entity FROM mentions WHERE id IN ({marks(part)}) AND entity IS NOT NULL", part)})
        for part in chunks(touched):
            db.execute(f"UPDATE entities SET mention_count = (SELECT count(*) FROM mentions m WHERE m.entity = entities.id) "
                       f"WHERE id IN ({marks(part)})", part)
            gone = [r[0] for r in db.execute(f"SELECT id FROM entities WHERE id IN ({marks(part)}) AND mention_count = 0", part)]
            for table, column in (("entity_names", "entity"), ("entity_keys", "entity"), ("entities", "id")):
                db.executemany(f"DELETE FROM {table} WHERE {column} = ?", [(g,) for g in gone])
        last = int(db.execute("SELECT coalesce(max(id), 0) FROM entity_search").fetchone()[0])
        for part in chunks(mentions):
            db.execute(f"INSERT OR IGNORE INTO entity_search (entity, name) SELECT DISTINCT entity, text FROM mentions "
                       f"WHERE id IN ({marks(part)}) AND entity IS NOT NULL AND label NOT LIKE 'coref/%' ORDER BY entity, text", part)
        db.execute("INSERT INTO names_fts (rowid, name, entity) SELECT id, name, entity FROM entity_search WHERE id > ?", (last,))


def _state_row(e: Entity | StateRow) -> StateRow:
    """An Entity without the resolver's state (tests, older callers) as a row of its own."""
    if isinstance(e, Entity):
        return (e.id, e.type, e.name, 0, True, {e.type: 1}, dict(e.aliases), "")
    return e
