"""One Settings object: defaults < CLAIMGRAPH_* environment < explicit arguments."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from typing import Any


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = "claimgraph.db"
    max_bytes: int = 5_000_000  # larger files are skipped with a clear reason
    min_chars: int = 20  # shorter texts are skipped as empty
    batch_size: int = 16  # documents per nlp.pipe batch
    chunk_chars: int = 50_000  # longer documents are analysed in pieces of at most this many characters
    piece_processes: int = 0  # processes that analyse a long document's pieces at once (claimgraph.analysis): 0 one a core, 1 none
    workers: int = 1  # Dask worker processes that parse and extract an ingest's documents (claimgraph.cluster)
    scheduler: str = ""  # a running Dask scheduler to send that work to instead (tcp://host:8786)
    duplicate_threshold: float = 0.7  # MinHash Jaccard above which a document is a near-copy
    author: str = "anonymous"  # who records judgements
    extractor: str = "rules"  # "rules", or "rules+learned" to add the learned extractor

    @classmethod
    def load(cls, **overrides: Any) -> Settings:
        values: dict[str, Any] = {}
        for f in fields(cls):
            env = os.environ.get(f"CLAIMGRAPH_{f.name.upper()}")
            if env is not None:
                values[f.name] = type(getattr(cls(), f.name))(env)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return replace(cls(), **values)
