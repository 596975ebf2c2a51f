"""Downloads from the web: the exports streamed a record at a time, on a reader connection of their own."""

from __future__ import annotations

import json
from collections.abc import Iterator

from fastapi.responses import StreamingResponse

from claimgraph.export.csv import csv_chunks
from claimgraph.export.graphml import graphml_chunks
from claimgraph.query import export_records
from claimgraph.store import Store, open_store

MEDIA = {"jsonl": "application/x-ndjson", "csv": "text/csv", "graphml": "application/graphml+xml"}


def _chunks(store: Store, format: str) -> Iterator[str]:
    try:
        if format == "jsonl":
            for rec in export_records(store):
                yield json.dumps(rec, ensure_ascii=False) + "\n"
        elif format == "csv":
            yield from csv_chunks(store)
        else:
            yield from graphml_chunks(store)
    finally:
        store.close()


def stream_export(db: str, format: str, read_timeout: float) -> StreamingResponse:
    """The store opened now (a missing or busy database is an error answer, not a broken download),
    read while the response streams, closed when it ends."""
    store = open_store(db, create=False, readonly=True, read_timeout=read_timeout)
    return StreamingResponse(_chunks(store, format), media_type=f"{MEDIA[format]}; charset=utf-8",
                             headers={"content-disposition": f'attachment; filename="claimgraph.{format}"'})
