"""Mentions, statements and claims of one UD-parsed document, in its language's words."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span

from claimgraph.extract.frames.lexicon import Lexicon
from claimgraph.extract.predicates.base import Found
from claimgraph.extract.ud.attribution import UDStatement, find_statements, innermost
from claimgraph.extract.ud.context import UDContext
from claimgraph.extract.ud.engine import run
from claimgraph.extract.ud.mentions import ud_mentions
from claimgraph.extract.ud.modality import modality_of, non_confirmation
from claimgraph.model import Claim, Document, Mention, Modality, Section, Statement, stable_id
from claimgraph.model import Span as TextSpan


def _by_token(doc: Doc, mentions: list[Mention]) -> dict[int, Mention]:
    out: dict[int, Mention] = {}
    for m in mentions:
        span = doc.char_span(m.start or 0, m.end or 0, alignment_mode="expand")
        if span is not None:
            for t in span:
                out.setdefault(t.i, m)
    return out


def evidence_of(document: Document, sent: Span) -> TextSpan:
    start, end = sent.start_char, sent.end_char
    while start < end and document.text[start].isspace():
        start += 1
    while end > start and document.text[end - 1].isspace():
        end -= 1
    return TextSpan(start, end, document.text[start:end])


def extract_ud(document: Document, doc: Doc, lexicon: Lexicon,
               commenter: Mention | None) -> tuple[list[Mention], list[Statement], list[Claim]]:
    named = ud_mentions(document, doc, lexicon)
    by_token = _by_token(doc, named)
    people = sorted((m for m in named if m.type == "PERSON"), key=lambda m: m.start or 0)
    described: list[Mention] = []
    statements: list[UDStatement] = []
    claims: dict[tuple, Claim] = {}
    sents = list(doc.sents)
    for n, sent in enumerate(sents):
        evidence = evidence_of(document, sent)
        if not evidence.text:
            continue
        ctx = UDContext(doc, sent, document, lexicon, by_token, people)
        here = find_statements(ctx, described)
        statements.extend(here)
        unconfirmed = non_confirmation(sent, lexicon) or (n + 1 < len(sents) and _looks_back(sents[n + 1], lexicon, by_token))
        for found in run(ctx):
            claim = _claim(document, found, sent, evidence, statements, lexicon, commenter)
            if unconfirmed and not found.structural and claim.modality in (Modality.ASSERTED, Modality.REPORTED):
                claim = replace(claim, modality=Modality.HEDGED)
            key = (claim.predicate, claim.subject, str(claim.object), claim.evidence.start)
            if key not in claims or claims[key].confidence < claim.confidence:
                claims[key] = claim
    mentions = sorted(named + described, key=lambda m: (m.start or 0, m.id))
    return mentions, [s.statement for s in statements], list(claims.values())


def _looks_back(sent: Span, lexicon: Lexicon, by_token: dict[int, Mention]) -> bool:
    """A sentence of non-confirmation that names no one ("Эти сведения не подтверждены") speaks
    of the sentence before it; one that names a person speaks of its own words."""
    return non_confirmation(sent, lexicon) and not any(by_token.get(t.i) is not None and by_token[t.i].type == "PERSON" for t in sent)


def _claim(document: Document, found: Found, sent: Span, evidence: TextSpan, statements: list[UDStatement],
           lexicon: Lexicon, commenter: Mention | None) -> Claim:
    statement = None if found.structural else innermost(statements, found.trigger.idx)
    claimant = statement.source.id if statement is not None and statement.source is not None else None
    if statement is None and document.section_at(evidence.start) is Section.COMMENT and commenter is not None:
        claimant = commenter.id
    if found.structural:
        modality = Modality.ASSERTED
    else:
        modality = modality_of(found.trigger, sent, lexicon, attributed=statement is not None)
        if statement is not None and statement.denial and modality is not Modality.DENIED:
            modality = Modality.DENIED
        elif statement is not None and statement.belief and modality is Modality.REPORTED:
            modality = Modality.HEDGED
        if found.modality is Modality.DENIED:
            modality = Modality.DENIED if modality is not Modality.DENIED else Modality.ASSERTED
    obj = found.object
    obj_value = {"mention": obj.id} if isinstance(obj, Mention) else obj
    obj_key = obj.id if isinstance(obj, Mention) else str(obj)
    return Claim(
        id=stable_id("c", document.id, found.predicate, found.subject.id, obj_key, evidence.start),
        document=document.id, subject=found.subject.id, predicate=found.predicate, evidence=evidence, modality=modality,
        object=obj_value, agent=found.agent.id if found.agent else None, claimant=claimant,
        statement=statement.statement.id if statement is not None else None, extractor=found.rule, confidence=found.confidence,
    )
