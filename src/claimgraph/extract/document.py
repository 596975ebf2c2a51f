"""Everything extracted from one analysed document: mentions, statements, claims."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc

from claimgraph.extract.attribution import find_attributions
from claimgraph.extract.claims import DocumentExtractor, extract_claims
from claimgraph.extract.mentions import extract_mentions, metadata_mentions
from claimgraph.model import Claim, Document, Mention, Section, Statement, stable_id


@dataclass
class Extraction:
    mentions: list[Mention] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)


def comment_author(document: Document) -> Mention | None:
    """The writer of an appended reader comment: a party of its own, never the publisher."""
    if document.comment_start is None:
        return None
    where = document.publisher or document.title or document.source
    return Mention(id=stable_id("m", document.id, "comment"), document=document.id, start=None, end=None,
                   text=f"reader comment on {where}"[:120], type="PERSON", label="meta/comment-author", section=Section.META)


def extract_document(document: Document, doc: Doc | None, extra: Iterable[DocumentExtractor] = ()) -> Extraction:
    """Mentions, statements and claims of `document`; metadata mentions only when not analysed.
    `extra` extractors (the learned one) run after the rules."""
    out = Extraction(mentions=metadata_mentions(document))
    if doc is None:
        return out
    named = extract_mentions(document, doc)
    attributions, described = find_attributions(document, doc, named)
    mentions = sorted(named + described, key=lambda m: m.start or 0)
    commenter = comment_author(document)
    out.mentions.extend(mentions)
    if commenter is not None:
        out.mentions.append(commenter)
    out.statements = list({a.statement.id: a.statement for a in attributions}.values())
    found: list[Mention] = []
    out.claims = extract_claims(document, doc, mentions, attributions, commenter, found, extra)
    known = {m.id for m in out.mentions}
    out.mentions.extend(m for m in found if m.id not in known)
    return out
