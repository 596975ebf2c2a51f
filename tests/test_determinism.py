"""The same input gives the same graph: whatever the hash seed, the order the files are given in,
the batch size, and whether two ingests ran one after the other or at the same time."""

from __future__ import annotations

import fcntl
import json
import os
import select
import subprocess
import sys
import time
from pathlib import Path

from claimgraph.api import Claimgraph
from claimgraph.lock import lock_path
from tests.conftest import EXAMPLES, IN_CI, ROOT, SEEDS, SHARED

ECB = SHARED / "eval" / "ecbplus-dev" / "docs"
# one ECB+ topic whose names the tagger types both ways ("Gray" a person and an organisation)
ECB_SLICE = "19_*.txt"


def corpus() -> list[Path]:
    """The seeds and an ECB+ slice from ../shared, or the example corpus where ../shared is absent."""
    if SEEDS.is_dir() and ECB.is_dir():
        return sorted(SEEDS.glob("*.txt")) + sorted(ECB.glob(ECB_SLICE))
    assert not IN_CI, "../shared is missing in CI"
    return sorted(EXAMPLES.iterdir())


def claimgraph(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """`python -m claimgraph ARGS` with this tree's code, in its own process."""
    full = {**os.environ, "PYTHONPATH": str(ROOT / "src"), **(env or {})}
    return subprocess.Popen([sys.executable, "-m", "claimgraph", *map(str, args)], env=full, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(process: subprocess.Popen[str], timeout: float = 600) -> str:
    out, err = process.communicate(timeout=timeout)
    assert process.returncode == 0, err[-2000:]
    return err


def export(db: Path, out: Path) -> bytes:
    finish(claimgraph("--db", db, "export", "--format", "jsonl", "--output", out))
    return out.read_bytes()


def test_hash_seed_file_order_and_batch_size_change_nothing(tmp_path: Path):
    files = corpus()
    runs = {"a": ("1", "16", files), "b": ("2", "3", files[::-1])}
    processes = {name: claimgraph("--db", tmp_path / f"{name}.db", "ingest", *order,
                                  env={"PYTHONHASHSEED": seed, "CLAIMGRAPH_BATCH_SIZE": batch})
                 for name, (seed, batch, order) in runs.items()}
    for p in processes.values():
        finish(p)
    a, b = (export(tmp_path / f"{name}.db", tmp_path / f"{name}.jsonl") for name in runs)
    assert a.count(b"\n") > len(files)
    assert a == b


def _wait_until_locked(db: Path, writer: subprocess.Popen[str]) -> None:
    """Until a process other than this one holds the writer lock of `db` (or `writer` is done)."""
    fd = os.open(lock_path(str(db)), os.O_RDWR | os.O_CREAT)
    try:
        while writer.poll() is None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return
            fcntl.flock(fd, fcntl.LOCK_UN)
            time.sleep(0.05)
    finally:
        os.close(fd)


def _without_timestamps(data: bytes) -> list[dict]:
    """Export records with the wall-clock times of grade changes left out."""
    records = [json.loads(line) for line in data.splitlines()]
    for r in records:
        for h in r.get("history", []):
            h.pop("since")
    return records


def test_concurrent_disjoint_ingests_equal_sequential_ones(tmp_path: Path):
    files = corpus()[:10]
    first, second = files[: len(files) // 2], files[len(files) // 2 :]
    syndicated = tmp_path / "syndicated.txt"  # a near-copy of a report of the first half, in the second
    syndicated.write_text("Shared from the wire\n\n" + first[0].read_text() + "\n\nDistributed by Wire Partners.\n")
    second = [*second, syndicated]
    with Claimgraph.open(tmp_path / "sequential.db") as cg:
        cg.ingest(first)
        cg.ingest(second)
    db = tmp_path / "concurrent.db"
    a = claimgraph("--db", db, "ingest", *first)
    _wait_until_locked(db, a)
    b = claimgraph("--db", db, "ingest", *second)
    finish(a), finish(b)
    concurrent = _without_timestamps(export(db, tmp_path / "concurrent.jsonl"))
    sequential = _without_timestamps(export(tmp_path / "sequential.db", tmp_path / "sequential.jsonl"))
    assert any(r["type"] == "document" and r["duplicate_of"] for r in sequential)
    assert concurrent == sequential


def test_a_second_writer_says_it_waits(tmp_path: Path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Mayor arrested\n\nPolice said on Monday that the mayor of Tarnow had been arrested.\n")
    db = tmp_path / "x.db"
    fd = os.open(lock_path(str(db)), os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)  # another writer at work
    try:
        waiting = claimgraph("--db", db, "ingest", tmp_path / "in")
        assert waiting.stderr is not None
        said = ""
        while "waiting for another ingest" not in said:
            ready, _, _ = select.select([waiting.stderr], [], [], 120)
            assert ready, f"no waiting message; stderr so far: {said!r}"
            line = waiting.stderr.readline()
            assert line, f"the second writer ended without waiting: {said!r}"
            said += line
        assert waiting.poll() is None  # and it waits
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
    finish(waiting)
    with Claimgraph.open(db) as cg:
        assert cg.store.count("documents") == 1
