"""Shared fixtures: the example corpus, the seeds (when ../shared exists), fresh stores."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from claimgraph.api import Claimgraph

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "corpus"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "eval" / "seeds.gold.yaml"

needs_shared = pytest.mark.skipif(
    not SEEDS.is_dir(), reason="../shared/corpus/seeds is not beside this clone (it is in CI and on developer machines)"
)


@pytest.fixture
def cg(tmp_path: Path):
    with Claimgraph.open(tmp_path / "test.db") as graph:
        yield graph


@pytest.fixture(scope="session")
def example_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example corpus ingested once, in two steps (the confirmation arrives later)."""
    path = tmp_path_factory.mktemp("example") / "example.db"
    with Claimgraph.open(path) as graph:
        graph.ingest(sorted(EXAMPLES.glob("0[1-4]*")))
        graph.ingest([EXAMPLES])
    return path


@pytest.fixture
def example(example_db: Path, tmp_path: Path):
    """A private copy of the ingested example corpus, safe to modify."""
    copy = tmp_path / "example.db"
    shutil.copy(example_db, copy)
    with Claimgraph.open(copy) as graph:
        yield graph


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is not beside this clone")
    path = tmp_path_factory.mktemp("seeds") / "seeds.db"
    with Claimgraph.open(path) as graph:
        graph.ingest([SEEDS])
    return path
