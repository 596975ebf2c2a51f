"""JSON Lines export: one record a line, in the contract's order."""

from __future__ import annotations

import json
from typing import TextIO

from claimgraph.query import export_records
from claimgraph.store.base import Store


def write_jsonl(store: Store, out: TextIO) -> int:
    n = 0
    for rec in export_records(store):
        out.write(json.dumps(rec, ensure_ascii=False, sort_keys=False) + "\n")
        n += 1
    return n
