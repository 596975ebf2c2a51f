"""Everything extracted from one analysed document: mentions, statements, claims."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc

from claimgraph.extract.attribution import Attribution, find_attributions
from claimgraph.extract.claims import DocumentExtractor, extract_claims
from claimgraph.extract.coref import resolve_coreference
from claimgraph.extract.frames import REGISTRY
from claimgraph.extract.mentions import extract_mentions, metadata_mentions
from claimgraph.extract.parsed import children, know_text
from claimgraph.extract.ud.document import extract_ud
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
    lexicon = REGISTRY.lexicons.get(document.language or "en")
    if lexicon is not None:  # a language of its own frames and words (Russian, French)
        commenter = comment_author(document)
        mentions, out.statements, out.claims = extract_ud(document, doc, lexicon, commenter)
        out.mentions.extend(mentions + ([commenter] if commenter is not None else []))
        return out
    know_text(doc, document.text)
    named = extract_mentions(document, doc)
    attributions, described = find_attributions(document, doc, named)
    mentions = sorted(named + described, key=lambda m: m.start or 0)
    coref = resolve_coreference(document, doc, mentions, [(a.statement, a.source_mention, a.cue_token) for a in attributions])
    _follow_sources(doc, attributions, coref.refers)
    commenter = comment_author(document)
    out.mentions.extend(coref.mentions)
    if commenter is not None:
        out.mentions.append(commenter)
    out.statements = list({a.statement.id: a.statement for a in attributions}.values())
    named_or_described = [m for m in coref.mentions if not m.is_reference]
    found: list[Mention] = []
    out.claims = extract_claims(document, doc, named_or_described, attributions, commenter, found, extra)
    known = {m.id for m in out.mentions}
    out.mentions.extend(m for m in found if m.id not in known)
    return out


def _follow_sources(doc: Doc, attributions: list[Attribution], refers: dict[int, Mention | None]) -> None:
    """A statement whose source is a pronoun ("she said", "according to him") takes the entity
    coreference linked the pronoun to; every other source stays as attribution read it."""
    for att in attributions:
        cue = doc[att.cue_token]
        near = [c for c in children(cue) if c.dep_ in ("nsubj", "agent", "prep", "pobj")]
        near += [g for c in near for g in children(c) if g.dep_ == "pobj"]
        if cue.dep_ == "conj":
            near += [c for c in children(cue.head) if c.dep_ == "nsubj"]
        phrase = att.statement.source_text.lower().strip()
        for tok in near:
            target = refers.get(tok.i)
            if target is not None and tok.pos_ == "PRON" and phrase == tok.lower_:
                att.statement = replace(att.statement, source=target.id)
                att.source_mention = target
                break
