"""Document identity and near-duplicates.

A document's id is a hash of its normalised text, so the same report ingested twice is
the same document. Near-copies (a syndicated story with another headline, a re-post with
a different footer) are found with MinHash over word shingles and linked `duplicate_of`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

from claimgraph.model import stable_id

NUM_PERM = 128
SHINGLE = 5
SCHEME = "affine32"  # stored signatures must be read back with the scheme that made them


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[\u2018\u2019\u201c\u201d\"'`]", "", text)
    return re.sub(r"\s+", " ", text).strip()


def document_id(text: str) -> str:
    return stable_id("d", normalise(text), length=16)


def signature(text: str) -> np.ndarray:
    words = re.findall(r"\w+", normalise(text))
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    mh = MinHash(num_perm=NUM_PERM, seed=7, scheme=SCHEME)
    mh.update_batch([s.encode("utf-8") for s in shingles])
    return np.asarray(mh.hashvalues, dtype=np.uint64)


@lru_cache(maxsize=8)
def band_layout(threshold: float) -> tuple[int, int]:
    """LSH bands and rows per band for a threshold: datasketch finds them by numerical integration
    (a tenth of a second), so once per process, not once per ingest."""
    # a loose band setting finds candidates; the estimated Jaccard decides
    layout = MinHashLSH(threshold=min(threshold, 0.5), num_perm=NUM_PERM)
    return layout.b, layout.r


class NearDuplicateIndex:
    """Signatures filed by LSH bands; `find` returns the earliest near-copy of a signature.

    Each band's bucket keeps its documents in the order they came and is searched among its first
    SCAN documents only, all candidates compared at once: thousands of near-identical records cost
    a bounded search each, not one comparison per earlier record. (A near-copy is missed only when
    every bucket it shares with its original holds SCAN other documents before it.)
    """

    SCAN = 32

    def __init__(self, threshold: float):
        self.threshold = threshold
        bands, rows = band_layout(threshold)
        self.bands = [(i * rows, (i + 1) * rows) for i in range(bands)]
        self.buckets: list[dict[bytes, list[int]]] = [{} for _ in self.bands]
        self.rows: dict[str, int] = {}  # document id -> row of `matrix`, in the order added
        self.ids: list[str] = []
        self.matrix = np.empty((64, NUM_PERM), dtype=np.uint64)
        self.comparisons = 0  # signatures compared so far (what `find` costs)

    def add(self, doc_id: str, sig: np.ndarray) -> None:
        if doc_id in self.rows:
            return
        row = self.rows[doc_id] = len(self.ids)
        self.ids.append(doc_id)
        if row == len(self.matrix):
            self.matrix = np.concatenate([self.matrix, np.empty_like(self.matrix)])
        self.matrix[row] = sig
        for (start, end), bucket in zip(self.bands, self.buckets, strict=True):
            bucket.setdefault(sig[start:end].tobytes(), []).append(row)

    def band_keys(self, sig: np.ndarray) -> list[bytes]:
        """The signature's bucket key in each band (what a store files it under)."""
        return [sig[start:end].tobytes() for start, end in self.bands]

    def find(self, sig: np.ndarray, stored: list[list[tuple[int, str, bytes]]] | None = None) -> str | None:
        """The earliest near-copy of `sig`: among `stored` documents (each band's bucket as a
        store keeps it: (arrival, id, signature), earliest first) before those added here."""
        rows: set[int] = set()
        earlier: dict[str, tuple[int, bytes]] = {}
        for i, ((start, end), bucket) in enumerate(zip(self.bands, self.buckets, strict=True)):
            before = stored[i] if stored else []
            for seq, doc_id, data in before[: self.SCAN]:
                earlier.setdefault(doc_id, (seq, data))
            rows.update(bucket.get(sig[start:end].tobytes(), [])[: max(0, self.SCAN - len(before))])
        first = sorted(earlier, key=lambda d: earlier[d][0])
        found = [*first, *(self.ids[r] for r in sorted(rows))]  # earliest first
        if not found:
            return None
        matrix = np.vstack([*(np.frombuffer(earlier[d][1], dtype=np.uint64) for d in first),
                            *(self.matrix[r] for r in sorted(rows))])
        self.comparisons += len(found)
        # the estimated Jaccard similarity, as datasketch's MinHash.jaccard computes it
        similar = np.count_nonzero(matrix == sig, axis=1) / NUM_PERM >= self.threshold
        hits = np.flatnonzero(similar)
        return found[int(hits[0])] if hits.size else None
