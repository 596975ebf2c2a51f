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
    """An LSH index over document signatures; `find` returns the earliest near-copy."""

    def __init__(self, threshold: float):
        self.threshold = threshold
        # a loose LSH band setting finds candidates; the estimated Jaccard decides
        self.lsh = MinHashLSH(threshold=min(threshold, 0.5), num_perm=NUM_PERM)
        self.signatures: dict[str, MinHash] = {}
        self.order: dict[str, int] = {}

    def add(self, doc_id: str, sig: np.ndarray) -> None:
        if doc_id in self.signatures:
            return
        mh = MinHash(num_perm=NUM_PERM, seed=7, hashvalues=sig, scheme=SCHEME)
        self.lsh.insert(doc_id, mh)
        self.signatures[doc_id] = mh
        self.order[doc_id] = len(self.order)

    def find(self, sig: np.ndarray) -> str | None:
        mh = MinHash(num_perm=NUM_PERM, seed=7, hashvalues=sig, scheme=SCHEME)
        hits = [h for h in self.lsh.query(mh) if self.signatures[h].jaccard(mh) >= self.threshold]
        return min(hits, key=self.order.__getitem__) if hits else None
