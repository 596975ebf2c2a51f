"""Everything extracted from one analysed document: mentions, statements, claims."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from claimgraph.extract.mentions import extract_mentions, metadata_mentions
from claimgraph.model import Claim, Document, Mention, Statement


@dataclass
class Extraction:
    mentions: list[Mention] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)


def extract_document(document: Document, doc: Doc | None) -> Extraction:
    """Mentions, statements and claims of `document`; metadata mentions only when not analysed."""
    out = Extraction(mentions=metadata_mentions(document))
    if doc is None:
        return out
    out.mentions.extend(extract_mentions(document, doc))
    return out
