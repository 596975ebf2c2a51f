"""Predicate frames as data, one module per family, and the engine that reads them.

Importing this package registers every family in `REGISTRY` (see `registry.py`; how to add a
trigger or a predicate: docs/frames.md).
"""

from claimgraph.extract.frames import aliases, counts, fr, legacy, places, posts, ru, status, titles  # noqa: F401  (each registers its frames; fr, ru: docs/languages.md)
from claimgraph.extract.frames.engine import run
from claimgraph.extract.frames.lexicon import Lexicon
from claimgraph.extract.frames.registry import REGISTRY, Frame, Pattern, Registry

__all__ = ["REGISTRY", "Frame", "Lexicon", "Pattern", "Registry", "run"]
