"""Time and memory against document length: one document of growing size through the whole
pipeline (ingest, pieces, parse, extract, resolve, reason, store), each size in a fresh process.

    python benchmarks/bench_length.py [--sizes 50000,200000,800000] [--workers 1] [FOLDER]

The document is the reports of FOLDER (default: the ECB+ development texts when ../shared is
beside the clone, else the example corpus) joined and repeated up to the size. Printed as ratios:
time per character of each size against the smallest (1.0 is linear growth), CPU seconds per
100k characters, and the peak memory of each process. Absolute wall times on a shared machine
say little; the ratios say whether the cost grows with the square of the length.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def document(folder: Path, size: int) -> str:
    from claimgraph.ingest.files import discover, read_file

    texts = [a.text for f in discover([folder]) if isinstance(f, Path) for a in read_file(f, 5_000_000)
             if not isinstance(a, Exception)]
    out, n = [], 0
    while n < size:
        for i, t in enumerate(texts):
            piece = f"{t}\n\nReport {len(out)}-{i}."
            out.append(piece)
            n += len(piece) + 2
            if n >= size:
                break
    return "\n\n".join(out)[:size]


def measure(folder: Path, size: int, workers: int) -> dict[str, float]:
    """One size in this process: wall and CPU seconds of one ingest, and the peak memory."""
    from claimgraph.api import Claimgraph
    from claimgraph.nlp.pipeline import load_pipeline

    text = document(folder, size)
    load_pipeline()  # the model's loading is not the document's cost
    with tempfile.TemporaryDirectory() as tmp, Claimgraph.open(Path(tmp) / "b.db", workers=workers) as cg:
        wall, cpu = time.perf_counter(), time.process_time()
        report = cg.ingest_texts([("long", text)])
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        assert len(report.new) == 1, report.skipped
        mentions = cg.store.count("mentions")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6 + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1e6
    return {"chars": len(text), "wall": wall, "cpu": cpu, "peak_gb": peak, "mentions": mentions}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", type=Path)
    parser.add_argument("--sizes", default="50000,200000,800000")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a child process: measure one size
    args = parser.parse_args()
    ecb = ROOT.parent / "shared" / "eval" / "ecbplus-dev" / "docs"
    folder = args.folder or (ecb if ecb.is_dir() else ROOT / "examples" / "corpus")
    if args.one:
        print(json.dumps(measure(folder, args.one, args.workers)))
        return
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        run = subprocess.run([sys.executable, __file__, str(folder), "--one", str(size), "--workers", str(args.workers)],
                             capture_output=True, text=True, check=True)
        rows.append(json.loads(run.stdout.strip().splitlines()[-1]))
    base = rows[0]
    print(f"{'characters':>12} {'time/char ratio':>16} {'cpu s per 100k':>15} {'peak GB':>8} {'mentions':>9}")
    for r in rows:
        ratio = (r["wall"] / r["chars"]) / (base["wall"] / base["chars"])
        print(f"{r['chars']:>12,} {ratio:>16.2f} {100_000 * r['cpu'] / r['chars']:>15.1f} {r['peak_gb']:>8.2f} {r['mentions']:>9,}")


if __name__ == "__main__":
    main()
