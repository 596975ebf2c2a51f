"""A long document extracted piece by piece (see claimgraph.nlp.chunks), put back together.

Each piece is extracted as a document of its own: the first under the document's id, so a
document of one piece comes out exactly as if it had never been cut; the others under
"<id>#<n>", so their mentions, statements and claims get ids of their own. Putting them together
moves every span by its piece's offset, gives everything the document's id, and keeps one
mention per metadata name (publisher, authors, the comment writer).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from claimgraph.extract.document import Extraction
from claimgraph.model import Claim, Document, Span, Statement


def piece_document(document: Document, number: int, offset: int, text: str) -> Document:
    """Piece `number` of `document`, which begins at `offset`, as a document of its own."""
    if number == 0 and offset == 0 and text == document.text:
        return document
    comment_start = None if document.comment_start is None else max(0, document.comment_start - offset)
    return replace(document, id=document.id if number == 0 else f"{document.id}#{number}", text=text,
                   comment_start=comment_start)


def merge_pieces(document: Document, parts: list[tuple[int, Extraction]]) -> Extraction:
    """One extraction for `document` from its pieces' extractions, given with their offsets."""
    if len(parts) == 1 and parts[0][0] == 0:
        return parts[0][1]
    out = Extraction()
    meta: dict[tuple[str, str], str] = {}  # (label, name) -> the id of its first metadata mention
    for offset, part in parts:
        renamed: dict[str, str] = {}
        for m in part.mentions:
            if m.start is None or m.end is None:
                first = meta.setdefault((m.label, m.text), m.id)
                renamed[m.id] = first
        for m in part.mentions:
            if m.start is None or m.end is None:
                if renamed[m.id] == m.id:
                    out.mentions.append(replace(m, document=document.id))
            else:  # a reference to a metadata name follows it to the one kept
                antecedent = renamed.get(m.antecedent, m.antecedent) if m.antecedent else m.antecedent
                out.mentions.append(replace(m, document=document.id, start=m.start + offset, end=m.end + offset,
                                            antecedent=antecedent))
        out.statements.extend(_statement(s, document.id, offset, renamed) for s in part.statements)
        out.claims.extend(_claim(c, document.id, offset, renamed) for c in part.claims)
    return out


def _span(span: Span, offset: int) -> Span:
    return Span(span.start + offset, span.end + offset, span.text)


def _statement(s: Statement, document: str, offset: int, renamed: dict[str, str]) -> Statement:
    source = renamed.get(s.source, s.source) if s.source else s.source
    return replace(s, document=document, source=source, content=_span(s.content, offset))


def _claim(c: Claim, document: str, offset: int, renamed: dict[str, str]) -> Claim:
    def ref(mention: str | None) -> str | None:
        return renamed.get(mention, mention) if mention else mention

    obj: dict[str, Any] | None = c.object
    if obj and "mention" in obj:
        obj = {**obj, "mention": ref(obj["mention"])}
    return replace(c, document=document, subject=ref(c.subject) or c.subject, object=obj, place=ref(c.place),
                   agent=ref(c.agent), claimant=ref(c.claimant), evidence=_span(c.evidence, offset))
