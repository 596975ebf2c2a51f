"""The package import stays light: commands that need no NLP (stats, show, serve) load no spaCy,
no numpy and no MinHash; an ingest loads them when it starts."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import ROOT

HEAVY = ("spacy", "thinc", "numpy", "datasketch", "scipy", "trafilatura")


def loaded_after(statement: str) -> list[str]:
    code = f"import sys, json\n{statement}\nprint(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_the_command_line_and_the_service_import_no_nlp():
    assert loaded_after("import claimgraph, claimgraph.cli, claimgraph.api, claimgraph.web.app") == []


def test_an_ingest_still_loads_the_pipeline():
    assert "spacy" in loaded_after("import claimgraph.pipeline")
