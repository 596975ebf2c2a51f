"""Time and memory against document length: one document of growing size through the whole
pipeline (ingest, pieces, parse, extract, resolve, reason, store), each size in a fresh process.

    python benchmarks/bench_length.py [--sizes 50000,200000,800000] [--workers 1] [--piece-processes 0] [FOLDER]

The document is the reports of FOLDER (default: the ECB+ development texts when ../shared is
beside the clone, else the example corpus) joined and repeated up to the size. Printed as ratios:
time per character of each size against the smallest (1.0 is linear growth), CPU seconds per
100k characters (of every process: the ingesting one and those it forked), wall seconds, and the
peak of the memory of all the processes together (the sum of their resident sets, sampled every
50 ms; pages a forked process shares with its parent count twice). Absolute wall times on a
shared machine say little; the ratios say whether the cost grows with the square of the length,
and the load average printed beside each size says how shared the machine was.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
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


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants (Linux /proc)."""
    total = 0
    try:
        with open(f"/proc/{pid}/statm") as f:
            total = int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                total += sum(tree_rss(int(child)) for child in f.read().split())
    except (FileNotFoundError, ProcessLookupError, ValueError):  # a process that ended meanwhile
        pass
    return total


class PeakMemory(threading.Thread):
    """The peak of tree_rss(this process), sampled until stopped; `cpu` is the sampling's own CPU
    time (not the document's cost)."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak, self.cpu, self.done = 0, 0.0, threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.05):
            self.peak = max(self.peak, tree_rss(os.getpid()))
            self.cpu = time.thread_time()


def cpu_seconds() -> float:
    return sum(resource.getrusage(who).ru_utime + resource.getrusage(who).ru_stime
               for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))


def measure(folder: Path, size: int, workers: int, piece_processes: int) -> dict[str, float]:
    """One size in this process: wall and CPU seconds of one ingest, and the peak memory."""
    from claimgraph.api import Claimgraph
    from claimgraph.ingest.language import detect_language
    from claimgraph.nlp.pipeline import load_pipeline

    text = document(folder, size)
    load_pipeline()  # the models' loading is not the document's cost (as in bench_ingest.py)
    detect_language("The language identifier loads its model once per process.")
    sampler = PeakMemory()
    sampler.start()
    with tempfile.TemporaryDirectory() as tmp, Claimgraph.open(Path(tmp) / "b.db", workers=workers,
                                                                piece_processes=piece_processes) as cg:
        load = os.getloadavg()[0]
        wall, cpu = time.perf_counter(), cpu_seconds()
        report = cg.ingest_texts([("long", text)])
        wall, cpu = time.perf_counter() - wall, cpu_seconds() - cpu
        assert len(report.new) == 1, report.skipped
        mentions = cg.store.count("mentions")
    sampler.done.set()
    sampler.join()
    cpu -= sampler.cpu
    return {"chars": len(text), "wall": wall, "cpu": cpu, "peak_gb": sampler.peak / 1e9, "mentions": mentions,
            "load": load}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", type=Path)
    parser.add_argument("--sizes", default="50000,200000,800000")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--piece-processes", type=int, default=0, help="CLAIMGRAPH_PIECE_PROCESSES (0: one a core)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a child process: measure one size
    args = parser.parse_args()
    ecb = ROOT.parent / "shared" / "eval" / "ecbplus-dev" / "docs"
    folder = args.folder or (ecb if ecb.is_dir() else ROOT / "examples" / "corpus")
    if args.one:
        print(json.dumps(measure(folder, args.one, args.workers, args.piece_processes)))
        return
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        run = subprocess.run([sys.executable, __file__, str(folder), "--one", str(size), "--workers", str(args.workers),
                              "--piece-processes", str(args.piece_processes)], capture_output=True, text=True, check=True)
        rows.append(json.loads(run.stdout.strip().splitlines()[-1]))
    base = rows[0]
    print(f"{'characters':>12} {'time/char ratio':>16} {'cpu s per 100k':>15} {'wall s':>7} {'peak GB':>8} {'mentions':>9} "
          f"{'load':>5}")
    for r in rows:
        ratio = (r["wall"] / r["chars"]) / (base["wall"] / base["chars"])
        print(f"{r['chars']:>12,} {ratio:>16.2f} {100_000 * r['cpu'] / r['chars']:>15.1f} {r['wall']:>7.1f} {r['peak_gb']:>8.2f} "
              f"{r['mentions']:>9,} {r['load']:>5.1f}")


if __name__ == "__main__":
    main()
