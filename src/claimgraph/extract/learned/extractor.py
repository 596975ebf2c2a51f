"""The learned extractor at run time: onnxruntime and `tokenizers`, no torch.

The model files ship in `model/` beside this module; `manifest.json` lists each with its
sha256, checked at load, and carries the predicates and their thresholds. `find` turns the
model's answers into the same `Found` records the rules yield, so claimant, modality, time and
evidence come from the same code.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Doc

from claimgraph.errors import ModelError
from claimgraph.extract.coref import referents
from claimgraph.extract.learned.candidates import (
    PAIR_PREDICATES,
    STATUS_PREDICATES,
    Pair,
    Sentence,
    Single,
    pairs,
    sentences,
    singles,
)
from claimgraph.extract.learned.features import load_tokenizer, pair_features, plan, single_features
from claimgraph.extract.predicates.base import Found
from claimgraph.model import Mention

MODEL_DIR = Path(__file__).resolve().parent / "model"
MAX_SENTENCES = 32  # per encoder call: bounds memory on long documents
HIDDEN = 384


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_manifest(model_dir: Path) -> dict[str, Any]:
    """The manifest, after checking every file it lists against its sha256."""
    try:
        manifest: dict[str, Any] = json.loads((model_dir / "manifest.json").read_text())
    except (OSError, ValueError) as exc:
        raise ModelError(f"the learned extractor's model is missing from {model_dir} ({exc}); reinstall claimgraph or use --extractor rules") from exc
    for name, digest in manifest["files"].items():
        path = model_dir / name
        if not path.is_file():
            raise ModelError(f"{path} is missing; reinstall claimgraph or use --extractor rules")
        if _sha256(path) != digest:
            raise ModelError(f"{path} has sha256 {_sha256(path)}, not {digest}: the file is damaged or was replaced; "
                             "reinstall claimgraph, retrain with `make train`, or use --extractor rules")
    return manifest


def relu_head(x: np.ndarray, w: dict[str, np.ndarray], prefix: str) -> np.ndarray:
    hidden = np.maximum(x @ w[f"{prefix}.inner.weight"].T + w[f"{prefix}.inner.bias"], 0)
    logits = hidden @ w[f"{prefix}.outer.weight"].T + w[f"{prefix}.outer.bias"]
    return np.asarray(1.0 / (1.0 + np.exp(-logits)), dtype=np.float32)


class LearnedExtractor:
    """Entity pairs and statuses classified by a fine-tuned all-MiniLM-L6-v2."""

    rule = "learned/minilm-v1"

    def __init__(self, model_dir: Path = MODEL_DIR, threads: int = 1):
        import onnxruntime  # imported here: `--extractor rules` never loads it

        manifest = read_manifest(model_dir)
        self.rule = manifest.get("rule", self.rule)
        self.thresholds: dict[str, float] = manifest["thresholds"]
        # what the model was trained on: names alone, or names and what coreference links to them
        self.references = manifest.get("candidates", "names") == "names+references"
        self.tokenizer = load_tokenizer(str(model_dir / manifest["tokenizer"]))
        with np.load(model_dir / manifest["heads"], allow_pickle=False) as npz:
            self.heads = {k: npz[k].astype(np.float32) for k in npz.files}
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(str(model_dir / manifest["encoder"]), options, providers=["CPUExecutionProvider"])

    def encode(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Last hidden states, (sentences, length, 384), in fixed-size slices of sentences."""
        lengths = mask.sum(axis=1)
        order = np.argsort(lengths, kind="stable")  # similar lengths together: little padding
        out = np.zeros((*ids.shape, HIDDEN), dtype=np.float32)
        for i in range(0, len(order), MAX_SENTENCES):
            rows = order[i : i + MAX_SENTENCES]
            width = int(lengths[rows].max())
            out[rows, :width] = self.session.run(None, {"ids": ids[rows, :width], "mask": mask[rows, :width]})[0]
        return out

    def probabilities(self, doc: Doc, sents: list[Sentence]) -> tuple[list[Pair], np.ndarray, list[Single], np.ndarray]:
        """Kept pairs with their probabilities (pairs, predicates), kept singles likewise."""
        # a predicate whose threshold is above 1 never fires: its candidates are not encoded
        ps = pairs(doc, sents) if any(self.thresholds.get(n, 2.0) <= 1 for n in PAIR_PREDICATES) else []
        ss = singles(doc, sents) if any(self.thresholds.get(n, 2.0) <= 1 for n in STATUS_PREDICATES) else []
        p = plan(self.tokenizer, doc, sents, ps, ss)
        if not p.rows:
            return [], np.zeros((0, len(PAIR_PREDICATES))), [], np.zeros((0, len(STATUS_PREDICATES)))
        hidden = self.encode(p.ids, p.mask)
        vectors = p.pool(hidden)
        pair_p = relu_head(pair_features(vectors, p), self.heads, "pair_head")
        single_p = relu_head(single_features(vectors, p), self.heads, "single_head")
        return [ps[k] for k in p.kept_pairs], pair_p, [ss[k] for k in p.kept_singles], single_p

    def find(self, doc: Doc, mentions: list[Mention], by_token: dict[int, Mention]) -> Iterator[Found]:
        """Found records for every candidate above its predicate's threshold, the most
        probable one for each (predicate, subject name, object name, sentence)."""
        sents = sentences(doc, mentions, referents(doc) if self.references else None)
        kept_pairs, pair_p, kept_singles, single_p = self.probabilities(doc, sents)
        best: dict[tuple, Found] = {}
        for k, pair in enumerate(kept_pairs):
            for j, predicate in enumerate(PAIR_PREDICATES):
                if pair_p[k, j] >= self.thresholds.get(predicate, 2.0):
                    trigger = doc[pair.trigger]
                    key = (predicate, pair.subject.mention.text.lower(), pair.object.mention.text.lower(), pair.sent)
                    _keep(best, key, Found(predicate, trigger, pair.subject.mention, self.rule, object=pair.object.mention,
                                           confidence=round(float(pair_p[k, j]), 3)))
        for k, one in enumerate(kept_singles):
            for j, predicate in enumerate(STATUS_PREDICATES):
                if single_p[k, j] >= self.thresholds.get(predicate, 2.0):
                    m = one.entity.mention
                    _keep(best, (predicate, m.text.lower(), None, one.sent),
                          Found(predicate, doc[one.entity.head], m, self.rule, confidence=round(float(single_p[k, j]), 3)))
        yield from best.values()


def _keep(best: dict[tuple, Found], key: tuple, found: Found) -> None:
    if key not in best or best[key].confidence < found.confidence:
        best[key] = found


@lru_cache(maxsize=1)
def load_extractor() -> LearnedExtractor:
    """The shipped model, loaded once per process."""
    return LearnedExtractor()
