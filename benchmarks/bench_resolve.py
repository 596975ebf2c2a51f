"""Entity resolution cost at 10k, 100k and 1M synthetic name mentions, with the growth factor
between sizes (the issue's bar: 1M in at most 60 s, at most x12 per x10).

Wall-clock time and this process's CPU time are both printed: on a shared machine the wall clock
measures the other jobs too, while the CPU time is the work resolution did (it is single-threaded).

    python benchmarks/bench_resolve.py [--sizes 10000 100000 1000000]

Mentions are generated from a fixed seed: people with transliteration variants (Kh/H, o/u,
doubled letters, al-/el-), short family-name forms, organisations with acronyms, and places
with landform words, spread over documents of 20 mentions each.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from claimgraph.model import Mention  # noqa: E402
from claimgraph.resolve.resolver import Resolver  # noqa: E402

SYLLABLES = ["ka", "ri", "mo", "sha", "lu", "de", "va", "ni", "to", "zar", "bek", "hal", "mir", "gul", "tan", "ra", "so", "el"]
SPELLINGS = [("kh", "h"), ("o", "u"), ("ll", "l"), ("ee", "i"), ("j", "dzh")]


def word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def variant(rng: random.Random, name: str) -> str:
    a, b = rng.choice(SPELLINGS)
    low = name.lower()
    if a in low:
        low = low.replace(a, b, 1)
    return " ".join(w.capitalize() for w in low.split())


def generate(n: int, seed: int = 7) -> list[Mention]:
    rng = random.Random(seed)
    people = [f"{word(rng, 2)} {word(rng, 3)}" for _ in range(max(50, n // 40))]
    orgs = [f"{word(rng, 2)} {rng.choice(['Front', 'Brigade', 'Party', 'Council'])}" for _ in range(max(20, n // 200))]
    places = [f"{word(rng, 2)} {rng.choice(['Valley', 'Gorge', ''])}".strip() for _ in range(max(20, n // 200))]
    out = []
    for i in range(n):
        doc = f"d{i // 20}"
        kind = rng.random()
        if kind < 0.6:
            name = rng.choice(people)
            roll = rng.random()
            text = variant(rng, name) if roll < 0.3 else name.split()[-1] if roll < 0.5 else name
            type_ = "PERSON"
        elif kind < 0.8:
            text, type_ = rng.choice(orgs), "ORG"
        else:
            text, type_ = variant(rng, rng.choice(places)), "PLACE"
        out.append(Mention(id=f"m{i}", document=doc, start=i, end=i + len(text), text=text, type=type_, label="bench"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    args = parser.parse_args()
    previous: tuple[float, float] | None = None
    for size in args.sizes:
        mentions = generate(size)
        start, cpu = time.perf_counter(), time.process_time()
        entities, links = Resolver().resolve(mentions)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        growth = f"  x{seconds / previous[0]:.1f} wall, x{cpu / previous[1]:.1f} CPU the previous size" if previous else ""
        print(f"{size:>9,} mentions: {seconds:8.2f} s wall, {cpu:8.2f} s CPU, {len(entities):,} entities, "
              f"{size / cpu:,.0f} mentions/CPU s{growth}", flush=True)
        previous = (seconds, cpu)


if __name__ == "__main__":
    main()
