"""From a folder to an archive: what adding one report and reading a dossier cost as the store
grows, printed as ratios between sizes measured side by side in one run.

    python benchmarks/bench_archive.py [--sizes 150 1000 10000] [--articles 7] [--cache FILE]

The stores are built here from ../shared/eval/*/docs and mixtures of two of those reports
(benchmarks/archive.py) and resolved by a full rebuild. Then, on a copy of each store, the same
new reports (mixtures, parsed and analysed for real) are ingested one at a time, alternating
between the sizes, so that a load on the machine weighs on every size alike: the median of
"+1 article" at each size, and its ratio to the smallest. On the largest store: the dossier
(JSON and page) and the conflicts board (page and API), p50 and p95 over many requests; and
`claimgraph stats` as a command, against a bare `python -c pass`.

Every figure is given twice: wall-clock time, and the CPU time this process spent (for a command,
its user+system time). On a machine shared with other jobs the wall clock counts their load too;
the CPU time is the work itself.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from archive import analyse, archive, base_texts, fill, mixture_texts  # noqa: E402

from claimgraph.api import Claimgraph  # noqa: E402
from claimgraph.nlp.pipeline import load_pipeline  # noqa: E402
from claimgraph.pipeline import update_graph  # noqa: E402
from claimgraph.settings import Settings  # noqa: E402
from claimgraph.store import open_store  # noqa: E402


def build(folder: Path, sizes: list[int], cache: Path | None) -> dict[int, Path]:
    """One store grown through `sizes`, fully resolved at each, copied aside at each size."""
    start = time.perf_counter()
    base = analyse(base_texts(), cache)
    print(f"analysed {len(base)} base reports in {time.perf_counter() - start:.0f} s")
    documents = archive(base)
    path = folder / "archive.db"
    out, stored = {}, 0
    for size in sizes:
        start = time.perf_counter()
        store = open_store(path)
        fill(store, documents, size - stored)
        stored = size
        update_graph(store, full=True)
        counts = {t: store.count(t) for t in ("documents", "mentions", "entities", "claims", "groups", "conflicts")}
        store.close()
        out[size] = folder / f"store-{size}.db"
        shutil.copy(path, out[size])
        print(f"built {size:,} documents in {time.perf_counter() - start:.0f} s: "
              + ", ".join(f"{v:,} {k}" for k, v in counts.items()))
    return out


Sample = tuple[float, float]  # wall-clock seconds, CPU seconds


def plus_one(stores: dict[int, Path], articles: list[str]) -> dict[int, list[Sample]]:
    """Each article ingested into every store in turn (a warm-up article first, not counted)."""
    graphs = {size: Claimgraph.open(path, batch_size=Settings().batch_size) for size, path in stores.items()}
    times: dict[int, list[Sample]] = {size: [] for size in stores}
    try:
        for n, text in enumerate(articles):
            for size, cg in graphs.items():
                start, cpu = time.perf_counter(), time.process_time()
                report = cg.ingest_texts([(f"new:{n}", text)])
                sample = (time.perf_counter() - start, time.process_time() - cpu)
                assert report.new, report
                if n:
                    times[size].append(sample)
    finally:
        for cg in graphs.values():
            cg.close()
    return times


def percentiles(samples: list[Sample]) -> str:
    def p50_p95(values: list[float]) -> str:
        ordered = sorted(values)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        return f"p50 {1000 * statistics.median(ordered):7.1f} ms  p95 {1000 * p95:7.1f} ms"
    return (f"wall {p50_p95([w for w, _ in samples])}   CPU {p50_p95([c for _, c in samples])}"
            f"  (n={len(samples)})")


def timed(call: Callable[[], object], repeat: int = 1) -> list[Sample]:
    out = []
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        call()
        out.append((time.perf_counter() - start, time.process_time() - cpu))
    return out


def reads(db: Path, entities: int) -> None:
    """Dossier and conflicts board on the store at `db`, through the web app in process."""
    from fastapi.testclient import TestClient

    from claimgraph.web.app import create_app

    with Claimgraph.open(db) as cg:
        rows = cg.store.entity_rows(20, 0)
        total = cg.store.count_entities()
        rng = random.Random(5)
        others = cg.store.entity_rows(1, 0)  # warm
        others = [r for off in sorted(rng.sample(range(total), min(total, entities)))
                  for r in cg.store.entity_rows(1, off)]
    ids = [r["id"] for r in rows + others]
    client = TestClient(create_app(db), base_url="http://127.0.0.1")

    def get(url: str) -> None:
        answer = client.get(url)
        assert answer.status_code == 200, (url, answer.status_code, answer.text[:300])

    get(f"/api/v1/entities/{ids[0]}")  # warm-up
    print(f"dossier JSON ({len(ids)} entities: the 20 most mentioned and {len(others)} at random)")
    print("  " + percentiles([t for e in ids for t in timed(lambda e=e: get(f"/api/v1/entities/{e}"))]))
    print("dossier page")
    print("  " + percentiles([t for e in ids[:60] for t in timed(lambda e=e: get(f"/entities/{e}"))]))
    print("conflicts page (first page)")
    print("  " + percentiles(timed(lambda: get("/conflicts"), 20)))
    print("conflicts API (first page)")
    print("  " + percentiles(timed(lambda: get("/api/v1/conflicts"), 20)))
    print("claims page (first page, no filter)")
    print("  " + percentiles(timed(lambda: get("/claims"), 20)))


def run_command(args: list[str], env: dict[str, str] | None = None) -> Sample:
    """One command's wall-clock time and its CPU time (user + system of the child)."""
    before = os.times()
    start = time.perf_counter()
    subprocess.run(args, check=True, env=env, stdout=subprocess.DEVNULL)
    after = os.times()
    return time.perf_counter() - start, (after.children_user - before.children_user) + (after.children_system - before.children_system)


def command(db: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    bare = [run_command([sys.executable, "-c", "pass"]) for _ in range(5)]
    stats = [run_command([sys.executable, "-m", "claimgraph", "--db", str(db), "stats"], env) for _ in range(7)]
    print(f"claimgraph stats: median wall {statistics.median(w for w, _ in stats):.2f} s, "
          f"CPU {statistics.median(c for _, c in stats):.2f} s (bare python: wall {statistics.median(w for w, _ in bare):.2f} s, "
          f"CPU {statistics.median(c for _, c in bare):.2f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[150, 1000])
    parser.add_argument("--articles", type=int, default=7, help="new reports added at each size (one more warms up)")
    parser.add_argument("--entities", type=int, default=80, help="random entities whose dossier is read")
    parser.add_argument("--cache", type=Path, help="keep the base reports' analysis in this file between runs")
    parser.add_argument("--keep", type=Path, help="build the stores in this folder and keep them")
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.2f} (2 cores shared)")
    load_pipeline()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        stores = build(folder, sorted(args.sizes), args.cache)
        articles = mixture_texts(base_texts(), args.articles + 1, seed=99)
        times = plus_one({size: folder / f"store-{size}.db" for size in stores}, articles)
        smallest = min(times)
        print("+1 article, in-process (parse, extract, store, resolve, grade), median of the same articles:")
        for clock, i in (("wall", 0), ("CPU", 1)):
            low = statistics.median(s[i] for s in times[smallest])
            for size, samples in times.items():
                values = [s[i] for s in samples]
                med = statistics.median(values)
                print(f"  {clock:>4} {size:>7,} documents: {med:6.3f} s  x{med / low:.2f} the {smallest:,}-document store"
                      f"  (min {min(values):.3f}, max {max(values):.3f})")
        largest = stores[max(stores)]
        print(f"reads on the {max(stores):,}-document store:")
        reads(largest, args.entities)
        command(largest)
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
