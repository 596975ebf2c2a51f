"""The evaluation gate: the seeds gold and ECB+ entity chains, with pinned floors (floors.json)."""

from __future__ import annotations

import importlib.util
import io
import json
import os
import re
import shutil
import subprocess
import sys
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from claimgraph.api import Claimgraph
from tests.conftest import GOLD, SHARED, needs_shared

FLOORS = json.loads((Path(__file__).with_name("floors.json")).read_text())


def load_script(name: str):
    spec = importlib.util.spec_from_file_location(name, SHARED / "eval" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@needs_shared
def test_seeds_quality_floors(seeds_db: Path, tmp_path: Path):
    import yaml

    export = tmp_path / "seeds.jsonl"
    with Claimgraph.open(seeds_db) as cg, export.open("w") as fh:
        cg.export(fh, "jsonl")
    score = load_script("score")
    result = score.Scorer(yaml.safe_load(GOLD.read_text()), str(export)).score()
    low = {k: round(result[k], 3) for k, floor in FLOORS["seeds"].items() if result[k] < floor}
    assert not low, f"below the pinned floors {FLOORS['seeds']}: {low}"


@needs_shared
@pytest.mark.parametrize(("name", "gold"), [
    ("heldout", "heldout.gold.yaml"),  # three reports never tuned on
    ("heldout2", "heldout2.gold.yaml"),  # six reports written and annotated by someone who never saw the rules
    ("dev-own", "dev-own.gold.yaml"),  # three reports of our own that rules were fixed on
])
def test_own_reports_quality_floors(name: str, gold: str, tmp_path: Path):
    """Reports on other topics (business, politics, sport), written and annotated for claimgraph."""
    import yaml

    folder = Path(__file__).resolve().parents[2] / "eval" / name
    export = tmp_path / f"{name}.jsonl"
    with Claimgraph.open(tmp_path / f"{name}.db") as cg:
        cg.ingest([folder / "corpus"])
        with export.open("w") as fh:
            cg.export(fh, "jsonl")
    score = load_script("score")
    result = score.Scorer(yaml.safe_load((folder / gold).read_text()), str(export)).score()
    low = {k: round(result[k], 3) for k, floor in FLOORS[name].items() if result[k] < floor}
    assert not low, f"below the pinned floors {FLOORS[name]}: {low}"


@needs_shared
def test_ecbplus_resolution_floors(tmp_path: Path):
    docs = SHARED / "eval" / "ecbplus-dev" / "docs"
    export = tmp_path / "ecb.jsonl"
    with Claimgraph.open(tmp_path / "ecb.db") as cg:
        cg.ingest([docs])
        with export.open("w") as fh:
            cg.export(fh, "jsonl")
    scorer = load_script("ecbplus_score")
    # the shipped scorer uses two names it does not define; supply them as its docstring describes
    if not hasattr(scorer, "_TOKEN_RE"):
        scorer._TOKEN_RE = re.compile(r"\w+|[^\w\s]")
        scorer._TRANS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})
    out = io.StringIO()
    argv = sys.argv
    sys.argv = ["ecbplus_score.py", str(SHARED / "eval" / "ecbplus-dev" / "gold.json"), str(export)]
    try:
        with redirect_stdout(out):
            scorer.main()
    finally:
        sys.argv = argv
    text = out.getvalue()
    named = text[text.index("named mentions only") :]
    recall = float(re.search(r"mention recall ([\d.]+)", named).group(1))
    b3 = float(re.search(r"B3\s+P=[\d.]+ R=[\d.]+ F1=([\d.]+)", named).group(1))
    floors = FLOORS["ecbplus_named"]
    assert recall >= floors["mention_recall"] and b3 >= floors["b3_f1"], text[-800:]
    # every mention, pronouns and nominals included: coreference's floor
    whole = text[text.index("all mentions") : text.index("named mentions only")]
    b3_all = float(re.search(r"B3\s+P=[\d.]+ R=[\d.]+ F1=([\d.]+)", whole).group(1))
    assert b3_all >= FLOORS["ecbplus_all"]["b3_f1"], text[-800:]


pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def test_floors_keep_a_margin_under_the_measured_figures():
    measured = FLOORS["_measured"]
    for name, floors in FLOORS.items():
        if name.startswith("_"):
            continue
        for metric, floor in floors.items():
            assert floor < measured[name][metric], f"{name} {metric}: floor {floor} leaves no margin under {measured[name][metric]}"


def test_without_shared_the_gate_fails_in_ci_and_skips_elsewhere(tmp_path: Path):
    """A clone with no ../shared beside it: CI=true turns the gate's skips into failures."""
    clone = tmp_path / "clone"
    root = Path(__file__).resolve().parents[2]
    for part in ("src", "tests", "eval"):
        shutil.copytree(root / part, clone / part, ignore=shutil.ignore_patterns("__pycache__", "*.db"))
    shutil.copy(root / "pyproject.toml", clone / "pyproject.toml")
    outcomes = {}
    for ci in ("true", ""):
        env = {**os.environ, "CI": ci, "PYTHONPATH": str(clone / "src")}
        run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/eval/test_eval_gate.py",
                              "-k", "floors and not margin"], cwd=clone, env=env, capture_output=True, text=True, check=False)
        outcomes[ci] = (run.returncode, run.stdout.strip().splitlines()[-1])
    code, summary = outcomes["true"]  # the fixture fails: pytest counts errors
    assert code == 1 and ("failed" in summary or "error" in summary) and "skipped" not in summary
    assert outcomes[""][0] == 0 and "skipped" in outcomes[""][1] and "failed" not in outcomes[""][1]
