"""Which languages are analysed in full, and the spaCy pipeline of each.

A language listed here gets mentions, statements and claims; every other language is stored,
searched and linked by the names of known entities (claimgraph.resolve.linking). Adding one:
docs/languages.md.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language

from claimgraph.nlp.french import load_french
from claimgraph.nlp.pipeline import load_pipeline
from claimgraph.nlp.russian import load_russian

LOADERS: dict[str, Callable[[], Language]] = {"en": load_pipeline, "fr": load_french, "ru": load_russian}
ANALYSED = tuple(LOADERS)
# languages whose pipeline may run in worker processes (the Russian one holds unpicklable models)
FORKABLE = frozenset({"en", "fr"})


def load_language(language: str) -> Language:
    """The verified pipeline of an analysed language (KeyError for any other)."""
    return LOADERS[language]()
