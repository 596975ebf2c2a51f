"""Scale-out with Dask: parsing and extraction of an ingest's documents on a cluster's workers.

`ingest --workers N` (or CLAIMGRAPH_WORKERS=N), N > 1, starts a local cluster of N worker
processes for the ingest; `--scheduler tcp://host:8786` (or CLAIMGRAPH_SCHEDULER) sends the work
to a running one (`dask scheduler`, then `dask worker tcp://host:8786` on each machine, each with
claimgraph installed). Each worker loads the spaCy pipeline once, on its first document, and
keeps it (claimgraph.nlp.pipeline.load_pipeline is cached per process).

What can be done a document at a time leaves this process: language detection, the near-copy
signature, parsing and extraction (claimgraph.analysis.analyse_articles, the same function a
one-process ingest runs). Reading the files, near-copy search against the store, storing (one
writer, one transaction per document, in document order: a result is stored only when every
document before it is), resolution and reasoning run here, as in a one-process ingest, so the
store ends up the same as a one-process ingest of the same files. Tasks are kept in flight while
results are stored: the workers never wait for the writer, nor the writer for a batch to fill.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import replace
from itertools import chain
from typing import TYPE_CHECKING, Any

from claimgraph.errors import ClaimgraphError
from claimgraph.model import Document
from claimgraph.settings import Settings

if TYPE_CHECKING:
    from claimgraph.analysis import Analysed

CHUNK = 8  # documents a task
IN_FLIGHT_PER_WORKER = 4  # tasks sent and not yet stored, per worker: one running, the next ones queued
# a worker's statistical profiler walks the running task's stack every 10 ms: on spaCy's deep
# stacks it cost a third of each document's time here (measured: 0.72 s a document against
# 0.47 s in a plain process); `dask worker` takes the same as DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False
WORKER_CONFIG = {"distributed.worker.profile.enabled": False,
                 "distributed.nanny.pre-spawn-environ.DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED": "False"}
# A local cluster's scheduler and nannies live in the ingesting process and compete with it and
# the workers for the cores. Their timers are slowed: the event-loop watchdog (every 20 ms), the
# system monitor (500 ms), the memory monitor (100 ms). Measured on an idle two-worker cluster:
# 0.069 CPU s a second in the ingesting process and 0.025 in each worker, 0.010 and 0.004 after.
# A worker is given a task only when it is free (worker-saturation 1.0): with two queued on a busy
# worker, the last task waited there while the other worker had finished (1-2 s idle at the end).
LOCAL_CONFIG = {**WORKER_CONFIG,
                "distributed.admin.tick.interval": "1s",
                "distributed.admin.system-monitor.interval": "5s",
                "distributed.worker.memory.monitor-interval": "1s",
                "distributed.scheduler.worker-saturation": 1.0,
                "distributed.worker.multiprocessing-method": "fork"}


def distributed(settings: Settings) -> bool:
    """Whether an ingest with these settings runs its analysis on a Dask cluster."""
    return settings.workers > 1 or bool(settings.scheduler)


def warm_up() -> None:
    """Load what a worker analyses with — the English pipeline, the language identifier's model —
    before its first document arrives. Run here before a local cluster starts, so that its
    workers, forked from this process, start with them loaded (and share their memory)."""
    from claimgraph.ingest.language import detect_language
    from claimgraph.nlp.pipeline import load_pipeline

    load_pipeline()
    detect_language("a few words to load the model with")


def analyse_chunk(documents: list[Document], settings: Settings) -> list[Analysed]:
    """These documents' languages, signatures and extractions (or why each failed), in order, on a worker."""
    from claimgraph.analysis import analyse_articles  # on the worker: the stages, spaCy and all

    return list(analyse_articles(documents, settings))


@contextmanager
def cluster_analyser(settings: Settings, done: Callable[[str], None] | None = None) -> Iterator[ClusterAnalyser]:
    """An analyser that runs on the cluster `settings` ask for, open while the block runs;
    `done(source)` is called as each document finishes, on whichever worker. The cluster starts
    (or is reached) in the background while this process reads and prepares the first files."""
    try:
        import distributed  # noqa: F401
    except ImportError as exc:
        raise ClaimgraphError("`--workers` and `--scheduler` need dask and distributed: "
                              "pip install 'claimgraph[team]'") from exc
    with ThreadPoolExecutor(1, thread_name_prefix="claimgraph-cluster") as pool:
        analyser = ClusterAnalyser(pool.submit(_start, settings), settings, done)
        try:
            yield analyser
        finally:
            client, local, _ = analyser.starting.result()
            client.close()
            if local is not None:
                local.close()


def _start(settings: Settings) -> tuple[Any, Any, list[Any]]:
    """The client, the local cluster (None for a running one), and each worker's warm-up."""
    import dask
    from distributed import Client, LocalCluster

    local = None
    try:
        if settings.scheduler:
            client = Client(settings.scheduler, timeout="20s")
        else:
            warm_up()
            with dask.config.set(LOCAL_CONFIG):
                # no dashboard; the scheduler's own HTTP endpoints on a free loopback port, not
                # Dask's default 8787 on every interface (taken when another cluster runs)
                local = LocalCluster(n_workers=settings.workers, threads_per_worker=1, processes=True,
                                     dashboard_address=None, silence_logs=logging.ERROR,
                                     scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"})
            client = Client(local)
    except OSError as exc:  # no scheduler at that address, or none answered in time
        raise ClaimgraphError(f"cannot reach the Dask scheduler {settings.scheduler or 'of a local cluster'}: {exc}") from exc
    workers = list(client.scheduler_info().get("workers", {}))
    return client, local, [client.submit(warm_up, workers=[address], pure=False) for address in workers]


class ClusterAnalyser:
    """claimgraph.pipeline's Analyser on a cluster, with as many tasks in flight as keep it busy."""

    def __init__(self, starting: Future[tuple[Any, Any, list[Any]]], settings: Settings,
                 done: Callable[[str], None] | None):
        self.starting, self.done, self.workers = starting, done, settings.workers
        # as a worker runs it: in its own process, a long document's pieces in turn (a worker has no children)
        self.settings = replace(settings, workers=1, scheduler="", piece_processes=1)
        if settings.scheduler:  # a running cluster: as many as it has now
            self.workers = len(starting.result()[0].scheduler_info().get("workers", {}))
        self.in_flight = IN_FLIGHT_PER_WORKER * max(1, self.workers)

    def __call__(self, documents: Iterable[Document], _settings: Settings) -> Iterator[Analysed]:
        return _on_cluster(self.starting, documents, self.settings, self.done, self.in_flight)


def _on_cluster(starting: Future[tuple[Any, Any, list[Any]]], documents: Iterable[Document], settings: Settings,
                done: Callable[[str], None] | None, in_flight: int) -> Iterator[Analysed]:
    """The documents sent in tasks of CHUNK as they are given (the scheduler spreads the tasks
    over the workers; spaCy parses a task's documents as one batch, several times faster than one
    by one); the results come back in document order, the oldest task's as soon as `in_flight`
    tasks are out (more documents are read and sent while it is stored), the rest at the end."""
    futures: deque[Any] = deque()
    chunk: list[Document] = []
    try:
        for doc in chain(documents, [None]):
            if doc is not None:
                chunk.append(doc)
            if chunk and (doc is None or len(chunk) == CHUNK):
                client = starting.result()[0]  # the first documents are read while the cluster starts
                futures.append(client.submit(analyse_chunk, chunk, settings, pure=False))
                if done is not None:
                    futures[-1].add_done_callback(lambda _f, sources=[d.source for d in chunk]: [done(s) for s in sources])
                chunk = []
            while len(futures) > in_flight:
                yield from futures.popleft().result()
        while futures:
            yield from futures.popleft().result()
    finally:
        for future in futures:
            future.cancel()
