"""Scale-out with Dask (claimgraph.cluster): an ingest whose parsing and extraction run on two
local workers stores exactly what a one-process ingest stores, reports each document as it is
done, a local cluster runs with its timers slowed and gives a worker a task only when it is free,
and a scheduler that cannot be reached is a one-line error."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from claimgraph.api import Claimgraph
from claimgraph.cluster import cluster_analyser
from claimgraph.settings import Settings
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


def _timers(dask_worker: Any) -> dict[str, float]:
    return {name: callback.callback_time for name, callback in dask_worker.periodic_callbacks.items()}


def test_a_local_cluster_runs_with_slow_timers_and_one_task_a_free_worker():
    with cluster_analyser(Settings(workers=2)) as analyser:
        client, local, _ = analyser.starting.result()
        assert local is not None
        on_workers = client.run(_timers)  # in the worker processes, which take the settings from this one
        saturation = client.run_on_scheduler(lambda dask_scheduler: dask_scheduler.WORKER_SATURATION)
        scheduler_tick = client.run_on_scheduler(lambda dask_scheduler: dask_scheduler.periodic_callbacks["tick"].callback_time)
    assert len(on_workers) == 2
    for timers in on_workers.values():
        assert timers["tick"] >= 1000 and timers["monitor"] >= 5000 and timers["memory_monitor"] >= 1000
        assert "profile" not in timers
    assert saturation == 1.0 and scheduler_tick >= 1000


def test_an_unreachable_scheduler_is_a_one_line_error(tmp_path: Path):
    process = claimgraph("--db", tmp_path / "x.db", "ingest", "--scheduler", "tcp://127.0.0.1:9", EXAMPLES)
    out, err = process.communicate(timeout=120)
    assert process.returncode != 0
    assert "cannot reach the Dask scheduler tcp://127.0.0.1:9" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_a_local_cluster_starts_beside_another_on_dasks_default_port():
    import socket
    import warnings

    held = socket.socket()
    try:
        try:
            held.bind(("127.0.0.1", 8787))  # Dask's default port, as another session's cluster holds it
            held.listen(1)
        except OSError:
            pass  # held by someone else already: the situation this test is about, all the same
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # "Port 8787 is already in use" would be an error here
            with cluster_analyser(Settings(workers=1)) as analyser:
                client, _, _ = analyser.starting.result()
                port = client.run_on_scheduler(lambda dask_scheduler: dask_scheduler.http_server.port)
        assert port != 8787
    finally:
        held.close()
