"""Document identity and near-duplicates.

A document's id is a hash of its normalised text, so the same report ingested twice is
the same document. Near-copies (a syndicated story with another headline, a re-post with
a different footer) are found with MinHash over word shingles and linked `duplicate_of`.
"""

from __future__ import annotations

import re
import unicodedata

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


class NearDuplicateIndex:
    """Signatures filed by LSH bands; `find` returns the earliest near-copy of a signature.

    Every band's bucket keeps its documents in the order they came, so the first similar one in a
    bucket is the earliest there and the search of that bucket stops at it; a bucket is searched
    among its first SCAN documents only. Thousands of near-identical records then cost a few
    comparisons each, not one per earlier record.
    """

    SCAN = 32

    def __init__(self, threshold: float):
        self.threshold = threshold
        # a loose band setting finds candidates; the estimated Jaccard decides
        layout = MinHashLSH(threshold=min(threshold, 0.5), num_perm=NUM_PERM)
        self.bands = [(i * layout.r, (i + 1) * layout.r) for i in range(layout.b)]
        self.buckets: list[dict[bytes, list[str]]] = [{} for _ in self.bands]
        self.signatures: dict[str, np.ndarray] = {}
        self.order: dict[str, int] = {}
        self.comparisons = 0  # signatures compared so far (what `find` costs)

    def add(self, doc_id: str, sig: np.ndarray) -> None:
        if doc_id in self.signatures:
            return
        self.signatures[doc_id] = sig
        self.order[doc_id] = len(self.order)
        for (start, end), bucket in zip(self.bands, self.buckets, strict=True):
            bucket.setdefault(sig[start:end].tobytes(), []).append(doc_id)

    def find(self, sig: np.ndarray) -> str | None:
        best: str | None = None
        similar: dict[str, bool] = {}
        for (start, end), bucket in zip(self.bands, self.buckets, strict=True):
            for doc_id in bucket.get(sig[start:end].tobytes(), [])[: self.SCAN]:
                if best is not None and self.order[doc_id] >= self.order[best]:
                    break  # nothing later in this bucket is earlier than the one found
                if doc_id not in similar:
                    similar[doc_id] = self._similar(sig, doc_id)
                if similar[doc_id]:
                    best = doc_id
                    break
        return best

    def _similar(self, sig: np.ndarray, doc_id: str) -> bool:
        """The estimated Jaccard similarity (as datasketch's MinHash.jaccard) reaches the threshold."""
        self.comparisons += 1
        return float(np.count_nonzero(self.signatures[doc_id] == sig)) / NUM_PERM >= self.threshold
