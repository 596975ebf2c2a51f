"""CSV export: the claims table, one row a claim with names beside the ids, its grade and the
grade's counts in words, and where it was read (outlet, report date, title, file)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any, TextIO

from claimgraph.query import EXPORT_CHUNK, View
from claimgraph.store.base import Store

COLUMNS = ["id", "document", "subject", "subject_name", "predicate", "object", "time", "claimant",
           "claimant_name", "modality", "grade", "evidence_start", "evidence_end", "evidence", "extractor", "confidence",
           "outlet", "published", "title", "file", "grade_basis", "language"]


def csv_rows(store: Store) -> Iterator[list[Any]]:
    """The header, then one row a claim, in report order."""
    yield COLUMNS
    claims = store.claims()
    view = View(store)
    for i, c in enumerate(claims):
        if i % EXPORT_CHUNK == 0:  # the names, groups and reports of the next chunk of claims
            view = View(store, claims[i : i + EXPORT_CHUNK])
        row = view.claim_row(c)
        where = row["provenance"]
        yield [
            c.id, c.document, row["subject"], row["subject_name"], c.predicate, row["target"],
            (row["time"] or {}).get("start", ""), row["claimant"], view.name(row["claimant"]), row["modality"],
            row["grade"], c.evidence.start, c.evidence.end, c.evidence.text, c.extractor, row["confidence"],
            where["outlet"] or "", where["published"] or "", where["title"] or "", where["file"] or "", row["basis"],
            where["language"] or "",
        ]


def csv_chunks(store: Store) -> Iterator[str]:
    """The CSV text a row at a time (for a streamed download)."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    for row in csv_rows(store):
        writer.writerow(row)
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate()


def write_csv(store: Store, out: TextIO) -> int:
    writer = csv.writer(out)
    n = -1
    for row in csv_rows(store):
        writer.writerow(row)
        n += 1
    return n
