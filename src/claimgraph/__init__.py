"""claimgraph: news reports in, a sourced knowledge graph of who says what out.

The public names are loaded when first used (PEP 562): importing a submodule, as the command
line does, does not import the service, the store and the model behind them.
"""

from __future__ import annotations

import importlib
import os
from typing import TYPE_CHECKING, Any

# numpy's OpenBLAS multiplies the pipeline's matrices (claimgraph.nlp.ops) in one thread a
# process: a long document's pieces and a cluster's workers are processes, one a core. Read when
# numpy loads, so set here, before any module of ours imports it; a number the caller set stays.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

if TYPE_CHECKING:
    from claimgraph.api import Claimgraph
    from claimgraph.errors import ClaimgraphError, InputError, ModelError, NotFound, StoreError
    from claimgraph.model import Claim, ClaimGroup, Conflict, Document, Entity, Mention, Modality, Statement

__all__ = [
    "Claim", "ClaimGroup", "Claimgraph", "ClaimgraphError", "Conflict", "Document", "Entity", "InputError",
    "Mention", "Modality", "ModelError", "NotFound", "Statement", "StoreError",
]
__version__ = "0.1.0"

_HOME = {"Claimgraph": "claimgraph.api",
         **dict.fromkeys(("ClaimgraphError", "InputError", "ModelError", "NotFound", "StoreError"), "claimgraph.errors"),
         **dict.fromkeys(("Claim", "ClaimGroup", "Conflict", "Document", "Entity", "Mention", "Modality", "Statement"),
                         "claimgraph.model")}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module 'claimgraph' has no attribute {name!r}")
    value = getattr(importlib.import_module(_HOME[name]), name)
    globals()[name] = value  # once loaded, an ordinary attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
