"""The Python API: the same operations as the CLI, over one store."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from claimgraph.export.csv import write_csv
from claimgraph.export.graphml import write_graphml
from claimgraph.export.jsonl import write_jsonl
from claimgraph.model import Entity
from claimgraph.pipeline import IngestReport, Progress, ingest_paths, ingest_texts, update_graph
from claimgraph.query import View, entity_claims, export_records, find_entity
from claimgraph.settings import Settings
from claimgraph.store.sqlite import SQLiteStore

WRITERS = {"jsonl": write_jsonl, "csv": write_csv, "graphml": write_graphml}


class Claimgraph:
    """A claimgraph store. `with Claimgraph.open("news.db") as cg: cg.ingest(["reports/"])`."""

    def __init__(self, store: SQLiteStore, settings: Settings):
        self.store = store
        self.settings = settings

    @classmethod
    def open(cls, db: str | Path | None = None, create: bool = True, **settings: Any) -> Claimgraph:
        cfg = Settings.load(db=str(db) if db else None, **settings)
        return cls(SQLiteStore(cfg.db, create=create), cfg)

    def __enter__(self) -> Claimgraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    def ingest(self, paths: Iterable[str | Path], progress: Progress | None = None,
               on_wait: Progress | None = None) -> IngestReport:
        """Ingest files and folders; `on_wait` hears once when another writer holds the database."""
        return ingest_paths(self.store, paths, self.settings, progress, on_wait)

    def ingest_texts(self, texts: Iterable[str | tuple[str, str]], on_wait: Progress | None = None) -> IngestReport:
        return ingest_texts(self.store, texts, self.settings, on_wait)

    def resolve(self, full: bool = True, on_wait: Progress | None = None) -> None:
        update_graph(self.store, full=full, on_wait=on_wait)

    def entities(self, limit: int | None = None) -> list[Entity]:
        return self.store.entities(limit=limit)

    def entity(self, name: str) -> Entity:
        return find_entity(self.store, name)

    def claims(self, subject: str | None = None, predicate: str | None = None) -> Iterator[dict[str, Any]]:
        """Claims as export records (entity ids, evidence), optionally about one entity."""
        view = View(self.store)
        if subject:
            rows = entity_claims(self.store, view, find_entity(self.store, subject).id)
        else:
            rows = self.store.claims(predicate=predicate)
        for c in rows:
            if predicate is None or c.predicate == predicate:
                yield view.claim_record(c)

    def records(self) -> Iterator[dict[str, Any]]:
        return export_records(self.store)

    def export(self, out: TextIO, format: str = "jsonl") -> int:
        return WRITERS[format](self.store, out)
