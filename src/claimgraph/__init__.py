"""claimgraph: news reports in, a sourced knowledge graph of who says what out."""

from claimgraph.api import Claimgraph
from claimgraph.errors import ClaimgraphError, InputError, ModelError, NotFound, StoreError
from claimgraph.model import Claim, ClaimGroup, Conflict, Document, Entity, Mention, Modality, Statement

__all__ = [
    "Claim", "ClaimGroup", "Claimgraph", "ClaimgraphError", "Conflict", "Document", "Entity", "InputError",
    "Mention", "Modality", "ModelError", "NotFound", "Statement", "StoreError",
]
__version__ = "0.1.0"
