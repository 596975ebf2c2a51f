"""What a command costs before it does anything: `claimgraph stats` on a small store, run as the
console command in a new process, beside a bare `python -c pass` (the ratio) and a bare Typer
app with one option and one command (the floor the CLI library sets; its version is printed: from
0.29 on, Typer imports pydantic to coerce the first parameter). The issue's bar: `claimgraph stats`
in at most 0.3 s.

    python benchmarks/bench_start.py [--db STORE] [--repeat 15]

Without --db the store is the example corpus, ingested once into a temporary folder. The three
commands are run in turn, round after round, so a load on the machine weighs on each alike; the
median wall-clock time and the median CPU time (the child's user + system time) are printed.
The package is byte-compiled first, as an install leaves it (with PYTHONDONTWRITEBYTECODE set,
every run would otherwise compile claimgraph's modules again).
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

Sample = tuple[float, float]  # wall-clock seconds, CPU seconds

# Typer alone: the group option and the command that `claimgraph --db X stats` goes through
BARE_TYPER = """
from typing import Annotated
import typer
app = typer.Typer(add_completion=False, rich_markup_mode=None)
@app.callback()
def main(ctx: typer.Context, db: Annotated[str, typer.Option("--db")] = "x.db") -> None:
    ctx.obj = db
@app.command()
def stats(ctx: typer.Context) -> None:
    typer.echo(ctx.obj)
@app.command()
def other() -> None:
    pass
app(prog_name="bare")
"""


def run_command(args: list[str], env: dict[str, str]) -> Sample:
    """One command's wall-clock time and its CPU time (user + system of the child)."""
    before = os.times()
    start = time.perf_counter()
    subprocess.run(args, check=True, env=env, stdout=subprocess.DEVNULL)
    after = os.times()
    return time.perf_counter() - start, (after.children_user - before.children_user) + (after.children_system - before.children_system)


def console_command() -> list[str]:
    """The installed `claimgraph` script beside this Python (it imports src/ through PYTHONPATH),
    else `python -m claimgraph`."""
    script = Path(sys.executable).parent / "claimgraph"
    return [str(script)] if script.exists() else [sys.executable, "-m", "claimgraph"]


def example_store(folder: Path) -> Path:
    from claimgraph.api import Claimgraph

    db = folder / "examples.db"
    with Claimgraph.open(db) as cg:
        cg.ingest([ROOT / "examples" / "corpus"])
    return db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, help="a store to count (default: the example corpus, ingested here)")
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    compileall.compile_dir(ROOT / "src" / "claimgraph", quiet=1)
    from importlib.metadata import version

    print(f"load average before: {os.getloadavg()[0]:.2f} (2 cores shared); Typer {version('typer')}")
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or example_store(Path(tmp))
        copy = Path(tmp) / "stats.db"  # counted on a copy: the store itself is never opened for writing
        shutil.copy(db, copy)
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "bare Typer app (--db X stats)": [sys.executable, "-c", BARE_TYPER, "--db", "x", "stats"],
            "claimgraph stats": [*console_command(), "--db", str(copy), "stats"],
        }
        for argv in commands.values():  # warm the file cache
            run_command(argv, env)
        samples: dict[str, list[Sample]] = {name: [] for name in commands}
        for _ in range(args.repeat):
            for name, argv in commands.items():
                samples[name].append(run_command(argv, env))
    base_wall = statistics.median(w for w, _ in samples["python -c pass"])
    base_cpu = statistics.median(c for _, c in samples["python -c pass"])
    print(f"start-up, median of {args.repeat} runs each, interleaved:")
    for name, values in samples.items():
        wall, cpu = statistics.median(w for w, _ in values), statistics.median(c for _, c in values)
        print(f"  {name:30} wall {wall:6.3f} s  x{wall / base_wall:5.1f} python -c pass   "
              f"CPU {cpu:6.3f} s  x{cpu / max(base_cpu, 1e-3):5.1f}")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
