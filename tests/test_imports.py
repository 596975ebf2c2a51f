"""The package import stays light: commands that need no NLP (stats, show, serve) load no spaCy,
no numpy and no MinHash; an ingest loads them when it starts. The command line itself loads
Typer and the errors: a command imports the service, the store, the reads and Rich when it runs,
so `claimgraph stats` costs a Python start-up, Typer and one query."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from claimgraph.api import Claimgraph
from tests.conftest import ROOT

HEAVY = ("spacy", "thinc", "numpy", "datasketch", "scipy", "trafilatura")
# what the command line leaves to the commands that use it
LAZY = ("rich", "claimgraph.api", "claimgraph.store", "claimgraph.query", "claimgraph.model", "claimgraph.curation")


def loaded_after(statement: str, watched: tuple[str, ...] = HEAVY) -> list[str]:
    code = f"import sys, json\n{statement}\nprint(json.dumps(sorted(m for m in {watched!r} if m in sys.modules)))"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.splitlines()[-1])


def test_the_command_line_and_the_service_import_no_nlp():
    assert loaded_after("import claimgraph, claimgraph.cli, claimgraph.api, claimgraph.web.app") == []


def test_an_ingest_still_loads_the_pipeline():
    assert "spacy" in loaded_after("import claimgraph.pipeline")


def test_importing_the_command_line_loads_no_command_s_parts():
    assert loaded_after("import claimgraph.cli", HEAVY + LAZY) == []


def test_the_package_names_load_when_first_used():
    assert loaded_after("import claimgraph", LAZY) == []
    assert loaded_after("from claimgraph import Entity", LAZY) == ["claimgraph.model"]
    assert "claimgraph.api" in loaded_after("from claimgraph import Claimgraph", LAZY)


def test_stats_opens_the_store_without_rich_or_nlp(tmp_path: Path):
    db = tmp_path / "empty.db"
    Claimgraph.open(db).close()
    run = f"from claimgraph.cli import app\napp(['--db', {str(db)!r}, 'stats'], standalone_mode=False)"
    loaded = loaded_after(run, HEAVY + LAZY)
    assert "claimgraph.store" in loaded  # it did run: it opened the store
    assert [m for m in loaded if m in HEAVY or m == "rich"] == []


TYPER = tuple(int(p) for p in version("typer").split(".")[:2])


@pytest.mark.skipif(TYPER >= (0, 29), reason="this venv's Typer is not the locked 0.28 (make setup installs the lock)")
def test_stats_parses_its_options_without_pydantic(tmp_path: Path):
    """Typer 0.29 coerces every parameter through a pydantic TypeAdapter, importing pydantic for
    the first one (0.15 s of a 0.3 s budget): the lock keeps 0.28, whose options are plain."""
    db = tmp_path / "empty.db"
    Claimgraph.open(db).close()
    run = f"from claimgraph.cli import app\napp(['--db', {str(db)!r}, 'stats'], standalone_mode=False)"
    loaded = loaded_after(run, ("pydantic", "claimgraph.store"))
    assert loaded == ["claimgraph.store"]
