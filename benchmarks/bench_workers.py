"""Scale-out: `claimgraph ingest` in one process (`--workers 1`) against `--workers 2` (a local
Dask cluster of two worker processes) on the same files, each run a fresh store in its own
process, timed whole (cluster start and model loading included), alternating; the exports must
be the same. Prints documents a second for each and the ratio.

`--workers 1` is one process that reads, analyses and stores, with no cluster: the fastest
one-core ingest, so the ratio is what the cluster gains over not having one (against a Dask
cluster of one worker it would look better). Neither run forks processes for long documents
(CLAIMGRAPH_PIECE_PROCESSES=1): one analysing process against two. Each run also prints its CPU
split: seconds in the ingesting process (`cpu_main`) and in the processes it started (`cpu_workers`);
`amdahl` is the speed-up those allow on two cores, the one-process run's CPU over
cpu_main + cpu_workers / 2 (the ingesting process's work counted as serial): on a loaded machine
it says what a quiet one would show.

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
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "CLAIMGRAPH_PIECE_PROCESSES": "1"}
# `python -m claimgraph ARGS` that prints its own CPU time and its children's on standard error
LAUNCH = """
import json, resource, runpy, sys
sys.argv = ["claimgraph", *sys.argv[1:]]
try:
    runpy.run_module("claimgraph", run_name="__main__", alter_sys=True)
finally:
    own, kids = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    print(json.dumps({"cpu_main": own.ru_utime + own.ru_stime, "cpu_workers": kids.ru_utime + kids.ru_stime}), file=sys.stderr)
"""


def run(folder: Path, workers: int, tmp: Path) -> tuple[float, dict[str, float], bytes]:
    db, out = tmp / f"w{workers}.db", tmp / f"w{workers}.jsonl"
    for old in tmp.glob(f"w{workers}.*"):
        old.unlink()
    start = time.perf_counter()
    ingest = subprocess.run([sys.executable, "-c", LAUNCH, "--db", str(db), "ingest", "--workers", str(workers), str(folder)],
                            env=ENV, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    cpu = json.loads(ingest.stderr.strip().splitlines()[-1])
    subprocess.run([sys.executable, "-m", "claimgraph", "--db", str(db), "export", "--output", str(out)], env=ENV, check=True,
                   stdout=subprocess.DEVNULL)
    return seconds, cpu, out.read_bytes()


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
    cpus: dict[int, list[dict[str, float]]] = {1: [], args.workers: []}
    exports: dict[int, bytes] = {}
    with tempfile.TemporaryDirectory() as tmp:
        if args.copies > 1:
            folder = copied(folder, args.copies, Path(tmp) / "copies")
        documents = sum(1 for f in folder.iterdir() if f.is_file())
        for _ in range(args.rounds):
            for workers in times:
                load = os.getloadavg()[0]
                seconds, cpu, exports[workers] = run(folder, workers, Path(tmp))
                times[workers].append(seconds)
                cpus[workers].append(cpu)
                print(json.dumps({"workers": workers, "seconds": round(seconds, 1), "documents_per_second": round(documents / seconds, 2),
                                  "cpu_main": round(cpu["cpu_main"], 1), "cpu_workers": round(cpu["cpu_workers"], 1),
                                  "load_before": round(load, 2)}))
    one, many = statistics.median(times[1]), statistics.median(times[args.workers])
    serial = statistics.median(c["cpu_main"] + c["cpu_workers"] for c in cpus[1])
    main_cpu = statistics.median(c["cpu_main"] for c in cpus[args.workers])
    workers_cpu = statistics.median(c["cpu_workers"] for c in cpus[args.workers])
    print(json.dumps({"folder": str(folder), "documents": documents, "rounds": args.rounds, "copies": args.copies,
                      "same_export": exports[1] == exports[args.workers],
                      f"speedup_{args.workers}_workers": round(one / many, 2),
                      "amdahl": round(serial / (main_cpu + workers_cpu / args.workers), 2), "cores": os.cpu_count()}))


if __name__ == "__main__":
    main()
