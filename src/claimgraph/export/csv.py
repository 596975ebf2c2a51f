"""CSV export: the claims table, one row a claim with names beside the ids."""

from __future__ import annotations

import csv
from typing import TextIO

from claimgraph.query import View
from claimgraph.store.sqlite import SQLiteStore

COLUMNS = ["id", "document", "subject", "subject_name", "predicate", "object", "time", "claimant",
           "claimant_name", "modality", "grade", "evidence_start", "evidence_end", "evidence", "extractor", "confidence"]


def write_csv(store: SQLiteStore, out: TextIO) -> int:
    view = View(store)
    grades = {g.id: g.grade for g in store.groups()}
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    n = 0
    for c in store.claims():
        rec = view.claim_record(c)
        obj = rec["object"] or {}
        obj_text = view.name(obj.get("entity")) or obj.get("value") or ""
        time = rec["time"] or {}
        writer.writerow([
            c.id, c.document, rec["subject"], view.name(rec["subject"]), c.predicate, obj_text,
            time.get("start", ""), rec["claimant"], view.name(rec["claimant"]), rec["modality"],
            grades.get(rec["group"] or "", ""), c.evidence.start, c.evidence.end, c.evidence.text,
            c.extractor, rec["confidence"],
        ])
        n += 1
    return n
