"""Scale-out with Dask (claimgraph.cluster): an ingest whose parsing and extraction run on two
local workers stores exactly what a one-process ingest stores, reports each document as it is
done, and a scheduler that cannot be reached is a one-line error."""

from __future__ import annotations

import io
from pathlib import Path

from claimgraph.api import Claimgraph
from tests.conftest import EXAMPLES
from tests.test_determinism import claimgraph


def export(cg: Claimgraph) -> str:
    buf = io.StringIO()
    cg.export(buf, "jsonl")
    return buf.getvalue()


def test_two_workers_store_what_one_process_stores(tmp_path: Path):
    files = sorted(EXAMPLES.iterdir())
    with Claimgraph.open(tmp_path / "one.db") as cg:
        one = cg.ingest(files)
        expected = export(cg)
    done: list[str] = []
    with Claimgraph.open(tmp_path / "two.db", workers=2, batch_size=4) as cg:
        two = cg.ingest(files, progress=done.append)
        assert export(cg) == expected
    assert two.new == one.new and two.skipped == one.skipped and two.near_duplicates == one.near_duplicates
    with Claimgraph.open(tmp_path / "one.db") as cg:
        stored = {d.source for d in cg.store.documents()}
    assert stored <= set(done)  # every document analysed on a worker was reported done


def test_an_unreachable_scheduler_is_a_one_line_error(tmp_path: Path):
    process = claimgraph("--db", tmp_path / "x.db", "ingest", "--scheduler", "tcp://127.0.0.1:9", EXAMPLES)
    out, err = process.communicate(timeout=120)
    assert process.returncode != 0
    assert "cannot reach the Dask scheduler tcp://127.0.0.1:9" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
