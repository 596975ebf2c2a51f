"""Scale-out: `claimgraph ingest` in one process (`--workers 1`) against `--workers 2` (a local
Dask cluster of two worker processes) on the same files, each run a fresh store in its own
process, timed whole (cluster start and model loading included), alternating; the exports must
be the same. Prints documents a second for each and the ratio.

    python benchmarks/bench_workers.py [--rounds 1] [--workers 2] [--copies 1] [FOLDER]

The files are the ECB+ development documents when ../shared is beside the clone, else the
bundled example corpus; --copies N ingests N numbered copies of each (every copy a new
document): the start of a cluster and the resolution at the end weigh less on a longer run. The machine's load average is printed beside each run: on a shared
machine a ratio means something only when the machine was quiet.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def run(folder: Path, workers: int, tmp: Path) -> tuple[float, bytes]:
    db, out = tmp / f"w{workers}.db", tmp / f"w{workers}.jsonl"
    for old in tmp.glob(f"w{workers}.*"):
        old.unlink()
    command = [sys.executable, "-m", "claimgraph", "--db", str(db)]
    start = time.perf_counter()
    subprocess.run([*command, "ingest", "--workers", str(workers), str(folder)], env=ENV, check=True,
                   stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    subprocess.run([*command, "export", "--output", str(out)], env=ENV, check=True, stdout=subprocess.DEVNULL)
    return seconds, out.read_bytes()


def copied(folder: Path, copies: int, into: Path) -> Path:
    into.mkdir()
    for f in sorted(p for p in folder.iterdir() if p.is_file() and p.suffix == ".txt"):
        for i in range(copies):
            (into / f"{f.stem}-{i}.txt").write_text(f"{f.read_text(encoding='utf-8')}\n\nCopy {i}.\n", encoding="utf-8")
    return into


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", type=Path)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--copies", type=int, default=1)
    args = parser.parse_args()
    ecb = ROOT.parent / "shared" / "eval" / "ecbplus-dev" / "docs"
    folder = args.folder or (ecb if ecb.is_dir() else ROOT / "examples" / "corpus")
    times: dict[int, list[float]] = {1: [], args.workers: []}
    exports: dict[int, bytes] = {}
    with tempfile.TemporaryDirectory() as tmp:
        if args.copies > 1:
            folder = copied(folder, args.copies, Path(tmp) / "copies")
        documents = sum(1 for f in folder.iterdir() if f.is_file())
        for _ in range(args.rounds):
            for workers in times:
                load = os.getloadavg()[0]
                seconds, exports[workers] = run(folder, workers, Path(tmp))
                times[workers].append(seconds)
                print(json.dumps({"workers": workers, "seconds": round(seconds, 1),
                                  "documents_per_second": round(documents / seconds, 2), "load_before": round(load, 2)}))
    one, many = statistics.median(times[1]), statistics.median(times[args.workers])
    print(json.dumps({"folder": str(folder), "documents": documents, "rounds": args.rounds, "copies": args.copies,
                      "same_export": exports[1] == exports[args.workers],
                      f"speedup_{args.workers}_workers": round(one / many, 2), "cores": os.cpu_count()}))


if __name__ == "__main__":
    main()
