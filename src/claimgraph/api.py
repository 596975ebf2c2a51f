"""The Python API and the one service the command line and the web workspace call: ingest,
reads, exports and people's judgements (recorded, undone, previewed) over one store.

Importing it is light: spaCy and the ingest stages load only when something is ingested.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from claimgraph.curation import Movement
from claimgraph.export.csv import write_csv
from claimgraph.export.graphml import write_graphml
from claimgraph.export.jsonl import write_jsonl
from claimgraph.model import Entity
from claimgraph.query import (
    EXPORT_CHUNK,
    View,
    entity_claims,
    export_records,
    find_entity,
    require_entity,
    stats,
)
from claimgraph.settings import Settings
from claimgraph.store import Store, open_store

if TYPE_CHECKING:
    from claimgraph.pipeline import IngestReport, Progress

__all__ = ["WRITERS", "Claimgraph", "Movement"]
WRITERS = {"jsonl": write_jsonl, "csv": write_csv, "graphml": write_graphml}


class Claimgraph:
    """A claimgraph store. `with Claimgraph.open("news.db") as cg: cg.ingest(["reports/"])`."""

    def __init__(self, store: Store, settings: Settings):
        self.store = store
        self.settings = settings

    @classmethod
    def open(cls, db: str | Path | None = None, create: bool = True, readonly: bool = False,
             timeout: float | None = None, read_timeout: float | None = None, **settings: Any) -> Claimgraph:
        cfg = Settings.load(db=str(db) if db else None, **settings)
        waits = {k: v for k, v in (("timeout", timeout), ("read_timeout", read_timeout)) if v is not None}
        return cls(open_store(cfg.db, create=create, readonly=readonly, **waits), cfg)

    def __enter__(self) -> Claimgraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    # ---- writing ----------------------------------------------------------------------
    def ingest(self, paths: Iterable[str | Path], progress: Progress | None = None,
               on_wait: Progress | None = None) -> IngestReport:
        """Ingest files and folders; `on_wait` hears once when another writer holds the database."""
        from claimgraph.pipeline import ingest_paths

        return ingest_paths(self.store, paths, self.settings, progress, on_wait)

    def ingest_texts(self, texts: Iterable[str | tuple[str, str]], on_wait: Progress | None = None) -> IngestReport:
        from claimgraph.pipeline import ingest_texts

        return ingest_texts(self.store, texts, self.settings, on_wait)

    def resolve(self, full: bool = True, on_wait: Progress | None = None) -> None:
        from claimgraph.pipeline import update_graph

        update_graph(self.store, full=full, on_wait=on_wait)

    @staticmethod
    def count_files(paths: Iterable[str | Path]) -> int:
        """How many files an ingest of `paths` would read (for a progress bar)."""
        from claimgraph.errors import InputError
        from claimgraph.ingest.files import discover

        return sum(1 for f in discover(list(paths)) if not isinstance(f, InputError))

    # ---- people's judgements (written once, here: the CLI and the web call these) --------
    def judge(self, kind: str, a: str, b: str, author: str | None = None,
              on_wait: Progress | None = None) -> tuple[int, Movement]:
        """Record a merge, split or distinct, re-resolve, and report what moved."""
        from claimgraph import curation

        return curation.record(self.store, kind, a, b, author or self.settings.author, on_wait)

    def undo(self, judgement_id: int, on_wait: Progress | None = None) -> Movement:
        from claimgraph import curation

        return curation.undo(self.store, judgement_id, on_wait)

    def preview(self, kind: str, a: str, b: str) -> Movement:
        """What recording this judgement would move; nothing is written."""
        from claimgraph import curation

        return curation.preview(self.store, kind, a, b)

    def why(self, a: str, b: str) -> tuple[Entity, Entity, str]:
        """The entities two names are, and the best evidence that they are (or are not) one."""
        from claimgraph.resolve.resolver import explain

        ea, eb = find_entity(self.store, a), find_entity(self.store, b)
        match = explain([n for n, _ in ea.aliases], [n for n, _ in eb.aliases], ea.type, eb.type)
        return ea, eb, match.evidence

    # ---- reading ------------------------------------------------------------------------
    def entities(self, limit: int | None = None) -> list[Entity]:
        return self.store.entities(limit=limit)

    def entity(self, name: str) -> Entity:
        return find_entity(self.store, name)

    def require_entity(self, name_or_id: str) -> Entity:
        return require_entity(self.store, name_or_id)

    def claims(self, subject: str | None = None, predicate: str | None = None) -> Iterator[dict[str, Any]]:
        """Claims as export records (entity ids, evidence), optionally about one entity."""
        if subject:
            rows = entity_claims(self.store, find_entity(self.store, subject).id)
        else:
            rows = self.store.claims(predicate=predicate)
        rows = [c for c in rows if predicate is None or c.predicate == predicate]
        for i in range(0, len(rows), EXPORT_CHUNK):
            view = View(self.store, rows[i : i + EXPORT_CHUNK])
            for c in rows[i : i + EXPORT_CHUNK]:
                yield view.claim_record(c)

    def stats(self) -> dict[str, int]:
        """Counts of everything in the store."""
        return stats(self.store)

    def records(self) -> Iterator[dict[str, Any]]:
        return export_records(self.store)

    def export(self, out: TextIO, format: str = "jsonl") -> int:
        return WRITERS[format](self.store, out)
