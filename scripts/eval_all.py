"""`make eval`: every development set scored in one run, printed as one table.

    .venv/bin/python scripts/eval_all.py [--sets seeds,ecbplus-claims,...] [--json OUT] [--jobs N]
                                         [--show-misses SET]

Each set is ingested into a fresh store, exported as JSON Lines and scored with the scorer
that ships with it (`../shared/eval/score.py`, `redocred_score.py`, `ecbplus_score.py`).
Extraction changes are judged on the whole table, never on one set (docs/evaluation.md).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import os
import re
import shutil
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CLAIMGRAPH_SHARED", ROOT.parent / "shared"))
EVAL = SHARED / "eval"

# name -> (kind, corpus, gold)
SETS: dict[str, tuple[str, Path, Path]] = {
    "seeds": ("claims", SHARED / "corpus" / "seeds", EVAL / "seeds.gold.yaml"),
    "ecbplus-claims": ("claims", EVAL / "ecbplus-dev" / "docs", EVAL / "ecbplus-claims.gold.yaml"),
    "heldout": ("claims", ROOT / "eval" / "heldout" / "corpus", ROOT / "eval" / "heldout" / "heldout.gold.yaml"),
    "heldout2": ("claims", ROOT / "eval" / "heldout2" / "corpus", ROOT / "eval" / "heldout2" / "heldout2.gold.yaml"),
    "dev-own": ("claims", ROOT / "eval" / "dev-own" / "corpus", ROOT / "eval" / "dev-own" / "dev-own.gold.yaml"),
    "redocred-dev": ("redocred", EVAL / "redocred-dev" / "docs", EVAL / "redocred-dev" / "gold.json"),
    "ecbplus-dev": ("ecbplus", EVAL / "ecbplus-dev" / "docs", EVAL / "ecbplus-dev" / "gold.json"),
}
DEFAULT = ["seeds", "ecbplus-claims", "redocred-dev", "heldout", "heldout2", "dev-own", "ecbplus-dev"]
WATCHED = ["role", "quantity", "located_in", "alias", "dead", "arrested", "member_of", "leader_of", "origin"]


def load_script(path: Path) -> Any:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(path.parent))
    spec.loader.exec_module(module)
    return module


def corpus_files(kind: str, corpus: Path, gold: Path, workdir: Path) -> Path:
    """The folder to ingest: for a claims gold, exactly the files it annotates."""
    if kind != "claims":
        return corpus
    import yaml

    folder = workdir / "docs"
    folder.mkdir()
    for d in yaml.safe_load(gold.read_text())["documents"]:
        shutil.copy(corpus / d["file"], folder / d["file"])
    return folder


def run_set(name: str, extractor: str | None = None) -> dict[str, Any]:
    from claimgraph.api import Claimgraph

    kind, corpus, gold = SETS[name]
    if not corpus.is_dir():
        return {"set": name, "error": f"{corpus} is missing"}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        folder = corpus_files(kind, corpus, gold, work)
        export = work / "out.jsonl"
        options = {"extractor": extractor} if extractor else {}
        with Claimgraph.open(work / "eval.db", **options) as cg:
            cg.ingest([folder])
            with export.open("w") as fh:
                cg.export(fh, "jsonl")
        keep = os.environ.get("CLAIMGRAPH_EVAL_KEEP")
        if keep:
            Path(keep).mkdir(parents=True, exist_ok=True)
            shutil.copy(export, Path(keep) / f"{name}.jsonl")
        return {"set": name, **SCORERS[kind](gold, export)}


def score_claims(gold: Path, export: Path) -> dict[str, Any]:
    import yaml

    scorer = load_script(EVAL / "score.py")
    result = scorer.Scorer(yaml.safe_load(gold.read_text()), str(export)).score()
    with contextlib.redirect_stdout(io.StringIO()) as out:
        scorer.main([str(gold), str(export), "--show-misses"])
    return {**{k: v for k, v in result.items() if not k.startswith("_missed")}, "report": out.getvalue()}


def score_redocred(gold: Path, export: Path) -> dict[str, Any]:
    text = _run_main(EVAL / "redocred-dev" / "redocred_score.py", [str(gold), str(export), "--show-misses", "30"])
    p, r, f = (float(x) for x in re.search(r"rel_P=([\d.]+) rel_R=([\d.]+) rel_F1=([\d.]+)", text).groups())  # type: ignore[union-attr]
    per = {m.group(1): f"{m.group(3)}/{m.group(2)}" for m in re.finditer(r"^(\w+)\s+(\d+)\s+(\d+)\s+[\d.]+ \|", text, re.M) if m.group(1) != "all"}
    return {"claims_P": p, "claims_R": r, "claims_F1": f, "_per_predicate_recall": per, "report": text}


def score_ecbplus(gold: Path, export: Path) -> dict[str, Any]:
    text = _run_main(EVAL / "ecbplus_score.py", [str(gold), str(export)])
    named = text[text.index("named mentions only"):]
    b3_named = float(re.search(r"B3\s+P=[\d.]+ R=[\d.]+ F1=([\d.]+)", named).group(1))  # type: ignore[union-attr]
    recall = float(re.search(r"mention recall ([\d.]+)", named).group(1))  # type: ignore[union-attr]
    whole = text[: text.index("named mentions only")]
    b3_all = float(re.search(r"B3\s+P=[\d.]+ R=[\d.]+ F1=([\d.]+)", whole).group(1))  # type: ignore[union-attr]
    return {"b3_named": b3_named, "b3_all": b3_all, "named_recall": recall, "report": text}


def _run_main(script: Path, argv: list[str]) -> str:
    module = load_script(script)
    saved = sys.argv
    sys.argv = [str(script), *argv]
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            module.main()
    finally:
        sys.argv = saved
    return out.getvalue()


SCORERS = {"claims": score_claims, "redocred": score_redocred, "ecbplus": score_ecbplus}


def table(results: list[dict[str, Any]]) -> str:
    lines = ["| set | claims F1 (P / R) | strict F1 | conflicts R / P | resolution | " + " | ".join(WATCHED) + " |",
             "|---|---|---|---|---|" + "---|" * len(WATCHED)]
    for r in results:
        if "error" in r:
            lines.append(f"| {r['set']} | {r['error']} |")
            continue
        per = r.get("_per_predicate_recall", {})
        claims = f"{r['claims_F1']:.3f} ({r['claims_P']:.2f} / {r['claims_R']:.2f})" if "claims_F1" in r else ""
        strict = f"{r['strict_F1']:.3f}" if "strict_F1" in r else ""
        conflicts = f"{r['conflicts_R']:.2f} / {r['conflicts_P']:.2f}" if r.get("conflicts_gold") else ""
        if "b3_named" in r:
            resolution = f"B3 named {r['b3_named']:.3f}, all {r['b3_all']:.3f}"
        elif "alias_F1" in r:
            resolution = f"alias {r['alias_F1']:.2f}, names {r['names_found']:.2f}"
        else:
            resolution = ""
        cells = [per.get(p, "") for p in WATCHED]
        lines.append(f"| {r['set']} | {claims} | {strict} | {conflicts} | {resolution} | " + " | ".join(cells) + " |")
    scored = [r for r in results if "claims_F1" in r]
    if len(scored) > 1:
        mean = sum(r["claims_F1"] for r in scored) / len(scored)
        stricts = [r["strict_F1"] for r in scored if "strict_F1" in r]
        lines.append(f"| **mean** ({len(scored)} sets) | **{mean:.3f}** | {sum(stricts) / max(len(stricts), 1):.3f} | | | |" + " |" * (len(WATCHED) - 1))
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", default=",".join(DEFAULT))
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--json", type=Path, help="write every metric and report here")
    ap.add_argument("--show-misses", default="", help="print the scorer's full report for these sets (comma-separated)")
    ap.add_argument("--extractor", default=None, help="rules or rules+learned (default: the shipped default)")
    args = ap.parse_args()
    names = [s for s in args.sets.split(",") if s]
    unknown = [s for s in names if s not in SETS]
    if unknown:
        ap.error(f"unknown sets {unknown}; known: {sorted(SETS)}")
    if not SHARED.is_dir():
        print(f"error: {SHARED} is missing: the development sets live there", file=sys.stderr)
        return 1
    order = sorted(names, key=lambda n: -len(list(SETS[n][1].glob("*"))) if SETS[n][1].is_dir() else 0)
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        done = dict(zip(order, pool.map(run_set, order, [args.extractor] * len(order)), strict=True))
    results = [done[n] for n in names]
    for r in results:
        if r["set"] in args.show_misses.split(","):
            print(r.get("report", ""))
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
