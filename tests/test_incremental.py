"""Incremental by construction: reports added a few at a time end in the graph a full rebuild
(`claimgraph resolve`) makes of the same store, and in the graph one ingest of them all makes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from claimgraph.api import Claimgraph
from tests.conftest import EXAMPLES, IN_CI, SEEDS, SHARED

ECB = SHARED / "eval" / "ecbplus-dev" / "docs"


def corpus() -> list[Path]:
    """The seeds and two ECB+ topics from ../shared, or the example corpus where it is absent."""
    if SEEDS.is_dir() and ECB.is_dir():
        return sorted(SEEDS.glob("*.txt")) + sorted(ECB.glob("19_*.txt")) + sorted(ECB.glob("3_*.txt"))
    assert not IN_CI, "../shared is missing in CI"
    return sorted(EXAMPLES.iterdir())


def graph(cg: Claimgraph) -> dict[str, list[dict[str, Any]]]:
    """Entities, claims, groups and conflicts as exported, without the times grades changed."""
    out: dict[str, list[dict[str, Any]]] = {}
    for r in cg.records():
        if r["type"] in ("entity", "claim", "group", "conflict"):
            r.pop("history", None)
            out.setdefault(r["type"], []).append(json.loads(json.dumps(r, sort_keys=True)))
    return out


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("incremental")
    files = corpus()
    step = max(1, len(files) // 4)
    with Claimgraph.open(folder / "steps.db") as cg:
        for i in range(0, len(files), step):  # a few reports at a time, resolved and graded each time
            cg.ingest(files[i : i + step])
    with Claimgraph.open(folder / "once.db") as cg:
        cg.ingest(files)
    shutil.copy(folder / "steps.db", folder / "rebuilt.db")
    with Claimgraph.open(folder / "rebuilt.db") as cg:
        cg.resolve(full=True)
    return {name: folder / f"{name}.db" for name in ("steps", "once", "rebuilt")}


def test_incremental_ingests_equal_a_full_rebuild(stores: dict[str, Path]):
    with Claimgraph.open(stores["steps"]) as a, Claimgraph.open(stores["rebuilt"]) as b:
        steps, rebuilt = graph(a), graph(b)
    assert len(steps["entity"]) > 20 and steps["group"]
    assert steps.get("conflict") or not SEEDS.is_dir()  # the seeds hold conflicts
    for kind in ("entity", "claim", "group", "conflict"):
        assert steps.get(kind) == rebuilt.get(kind), kind


def test_incremental_ingests_equal_one_ingest_of_everything(stores: dict[str, Path]):
    with Claimgraph.open(stores["steps"]) as a, Claimgraph.open(stores["once"]) as b:
        assert graph(a) == graph(b)


def test_a_rebuild_leaves_the_resolver_state_an_incremental_run_would(stores: dict[str, Path]):
    """What the next report is resolved against: every entity's names, votes, order and keys."""
    def state(path: Path) -> tuple[list[Any], ...]:
        with Claimgraph.open(path) as cg:
            return tuple(cg.store.resolver_state())
    assert state(stores["steps"]) == state(stores["rebuilt"])
