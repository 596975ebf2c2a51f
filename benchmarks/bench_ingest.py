"""Ingestion throughput: the full claimgraph pipeline against bare `nlp.pipe` on the same texts,
side by side in one run (alternating, median of the rounds). Two baselines: the same pipeline
claimgraph parses with (its model on numpy's OpenBLAS, `claimgraph.nlp.ops`), and the spaCy
package as it ships (thinc's own backend, blis): what a user running spaCy alone would get.

    python benchmarks/bench_ingest.py [--rounds 3] [--copies 4] [FOLDER]

The texts are the ECB+ development documents when ../shared is beside the clone, else the
bundled example corpus; --copies repeats each text with a numbered suffix so that every copy
is a new document (claimgraph would otherwise skip known texts).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from claimgraph.api import Claimgraph  # noqa: E402
from claimgraph.ingest.files import discover, read_file  # noqa: E402
from claimgraph.ingest.language import detect_language  # noqa: E402
from claimgraph.nlp.pipeline import load_package, load_pipeline  # noqa: E402

if TYPE_CHECKING:  # spaCy (and numpy) load after claimgraph, which sets OpenBLAS's threads as a user's run does
    from spacy.language import Language


def load_texts(folder: Path, copies: int) -> list[str]:
    texts = []
    for f in discover([folder]):
        if isinstance(f, Path):
            for art in read_file(f, 5_000_000):
                if not isinstance(art, Exception) and art.text.strip():
                    texts.append(art.text)
    return [f"{t}\n\nCopy {i}." for i in range(copies) for t in texts]


def bare(texts: list[str], nlp: Language) -> float:
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return time.perf_counter() - start


def full(texts: list[str]) -> float:
    with tempfile.TemporaryDirectory() as tmp, Claimgraph.open(Path(tmp) / "bench.db") as cg:
        pairs = [(f"bench:{i}", t) for i, t in enumerate(texts)]
        start = time.perf_counter()
        cg.ingest_texts(pairs)
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--copies", type=int, default=2)
    args = parser.parse_args()
    ecb = ROOT.parent / "shared" / "eval" / "ecbplus-dev" / "docs"
    folder = args.folder or (ecb if ecb.is_dir() else ROOT / "examples" / "corpus")
    texts = load_texts(folder, args.copies)
    words = sum(len(t.split()) for t in texts)
    # loading models is not part of any measurement; the package as shipped is loaded first, so
    # that claimgraph's loader moves both models out of the collector's way alike
    shipped = load_package("numpy")
    ours = load_pipeline()
    detect_language("The language identifier loads its model once per process.")
    stock_s, bare_s, full_s = [], [], []
    for _ in range(args.rounds):
        stock_s.append(bare(texts, shipped))
        bare_s.append(bare(texts, ours))
        full_s.append(full(texts))
    s, b, f = statistics.median(stock_s), statistics.median(bare_s), statistics.median(full_s)
    print(f"texts: {len(texts)} from {folder} ({words:,} words), rounds: {args.rounds}")
    print(f"bare nlp.pipe, spaCy as shipped (blis) : {words / s:10,.0f} words/s  (median {s:.2f} s)")
    print(f"bare nlp.pipe, claimgraph's pipeline   : {words / b:10,.0f} words/s  (median {b:.2f} s)")
    print(f"claimgraph ingest                      : {words / f:10,.0f} words/s  (median {f:.2f} s)")
    print(f"ratio claimgraph / bare, same pipeline : {b / f:.2f}")
    print(f"ratio claimgraph / spaCy as shipped    : {s / f:.2f}")


if __name__ == "__main__":
    main()
