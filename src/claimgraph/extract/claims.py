"""Claims from sentences: run the predicate rules, then add claimant, modality, time and evidence.

A claim whose trigger lies inside an attributed statement takes the statement's source as
claimant and is `reported` (unless hedged or denied); otherwise the author asserts it and
the claimant is the document's publisher. A claim in a reader-comment section belongs to
the comment's writer, never to the publisher.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from claimgraph.extract.attribution import Attribution
from claimgraph.extract.frames import run as run_frames
from claimgraph.extract.lexicon import BELIEF_VERBS, REPORTING_NOUNS, REPORTING_VERBS, STATUS_TRIGGERS
from claimgraph.extract.lookup import MentionIndex
from claimgraph.extract.modality import modality_of, non_confirmation
from claimgraph.extract.parsed import doc_text, sentence_entities, sentences
from claimgraph.extract.predicates.base import Context, Found
from claimgraph.extract.timex import resolve_time
from claimgraph.model import Claim, Document, Mention, Modality, Section, stable_id
from claimgraph.model import Span as TextSpan

TIMED = {"dead", "wounded", "alive", "arrested", "released", "defected_to", "leader_of", "member_of", "located_in", "opposed_to", "allied_with", "role", "bounty", "quantity", "trained_by"}


class DocumentExtractor(Protocol):
    """An extractor that reads a whole document at once (the learned one): it yields the same
    Found records as the rules; `_claim` adds claimant, modality, time and evidence."""

    rule: str

    def find(self, doc: Doc, mentions: list[Mention], by_token: dict[int, Mention]) -> Iterable[Found]: ...


def sentence_span(document: Document, sent: Span) -> TextSpan:
    start, end = sent.start_char, sent.end_char
    text = document.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return TextSpan(start, end, text[start:end])


def _time_of(document: Document, trigger: Token, sent: Span, predicate: str) -> dict[str, str] | None:
    """The event's own date; for a status with none, the date of the report that carries it
    ("touted on Wednesday", "reported in April that X had been killed"), marked
    `"basis": "report"`: the status held no later than that."""
    candidates = []
    # a date on the reporting verb dates the report, not the event ("denied on Tuesday that ...")
    head_is_report = trigger.head.lemma_ in REPORTING_VERBS
    for ent in sentence_entities(sent):
        if ent.label_ != "DATE":
            continue
        ancestors = {a.i for a in ent.root.ancestors}
        near = trigger.head.i in ancestors and not _in_clause_below(ent.root, trigger.head) or ent.root.head.i == trigger.head.i
        own = trigger.i in ancestors and not _in_clause_below(ent.root, trigger)
        distance = 0 if own else 1 if not head_is_report and near else 2
        if distance == 2 and (predicate not in STATUS_TRIGGERS or not _on_report(ent.root)):
            continue
        candidates.append((distance, abs(ent.start - trigger.i), ent))
    for distance, _, ent in sorted(candidates, key=lambda c: (c[0], c[1])):
        resolved = resolve_time(ent.text, document.published)
        if resolved:
            return {**resolved, "basis": "report"} if distance == 2 else resolved
    return None


def _in_clause_below(tok: Token, top: Token) -> bool:
    """tok sits in a relative or adverbial clause under `top` ("the leader, whose death was
    touted on Wednesday, is alive": Wednesday dates the touting, not the survival)."""
    cur = tok
    while cur.i != top.i and cur.head.i != cur.i:
        if cur.dep_ in ("relcl", "acl", "advcl", "ccomp"):
            return True
        cur = cur.head
    return False


def _on_report(tok: Token) -> bool:
    """The date hangs from a reporting verb or noun ("reported in April", "reports Friday")."""
    return any(a.lemma_.lower() in REPORTING_VERBS or a.lemma_.lower() in REPORTING_NOUNS for a in list(tok.ancestors)[:3])


def extract_claims(document: Document, doc: Doc, mentions: list[Mention], attributions: list[Attribution],
                   comment_author: Mention | None, found_mentions: list[Mention] | None = None,
                   extra: Iterable[DocumentExtractor] = ()) -> list[Claim]:
    """Claims of every sentence; mentions that rules find on the way are appended to
    `found_mentions` (the caller stores them with the document's other mentions). `extra`
    document extractors (the learned one) run after the rules; a claim both find is merged."""
    by_token: dict[int, Mention] = {}
    spanned = [m for m in mentions if m.start is not None and m.end is not None]
    # names first: a description's tokens that are a name ("Tajikistan's") belong to the name
    for m in sorted(spanned, key=lambda m: m.label == "rules/description"):
        span = doc.char_span(m.start or 0, m.end or 0, alignment_mode="expand")
        if span is not None:
            for t in span:
                by_token.setdefault(t.i, m)
    claims: dict[tuple, Claim] = {}
    text = doc_text(doc)
    unconfirmed = _unconfirmed_sentences(doc)
    index = MentionIndex(spanned)
    presupposed: dict[tuple[str, str, str], int] = {}  # what a name or a title said, and the sentence it said it in
    body = headline_end(document, text)
    for sent in sentences(doc):
        ctx = Context(doc, sent, spanned, by_token, text, document, index)
        evidence = sentence_span(document, sent)
        if not evidence.text:
            continue
        for found in run_frames(ctx):
            if found.structural and sent.start_char >= body and _said_before(presupposed, found, sent.start):
                continue
            claim = _claim(document, found, sent, evidence, attributions, comment_author)
            if claim is not None and sent.start in unconfirmed and not found.structural and claim.modality in (Modality.ASSERTED, Modality.REPORTED):
                claim = replace(claim, modality=Modality.HEDGED)
            if _keep(claims, found, claim) and found_mentions is not None:
                found_mentions.extend(m for m in found.extra_mentions if m not in found_mentions)
    for extractor in extra:  # after the rules: a claim both find is merged into the rule's
        for found in extractor.find(doc, spanned, by_token):
            sent = found.trigger.sent
            evidence = sentence_span(document, sent)
            if evidence.text:
                _keep(claims, found, _claim(document, found, sent, evidence, attributions, comment_author))
    return _without_fatal_wounds(list(claims.values()), spanned)


def _without_fatal_wounds(claims: list[Claim], mentions: list[Mention]) -> list[Claim]:
    """A report that someone was killed tells the shots that killed him as the death: "X was hit
    in the back" in a report of X's death is no injury he lived with. Wounded claims of a person
    the same document says in its own voice is dead, and nowhere alive, are left out; a death only
    others report may be contested ("listed among the victims", then "pulled alive"), and the
    wounds stay."""
    name = {m.id: m.text.split()[-1].lower() for m in mentions if m.type == "PERSON" and m.text.split()}
    dead = {name.get(c.subject) for c in claims if c.predicate == "dead" and c.modality is Modality.ASSERTED}
    dead -= {name.get(c.subject) for c in claims if c.predicate == "alive"}  # "reported dead, wounded but alive"
    dead.discard(None)
    if not dead:
        return claims
    return [c for c in claims if c.predicate != "wounded" or name.get(c.subject) not in dead]


def _unconfirmed_sentences(doc: Doc) -> set[int]:
    """Sentences that a "could not be independently verified" hedges: itself and the one before."""
    out: set[int] = set()
    previous: int | None = None
    for sent in sentences(doc):
        if non_confirmation(sent):
            out.update(i for i in (previous, sent.start) if i is not None)
        previous = sent.start
    return out


def _frame_modality(frame: Modality | None, read: Modality, attributed: bool) -> Modality:
    """A frame's own modality over the one read off the sentence: what ended ("was fired as
    coach") is denied unless negated ("was not fired"); a rumour is hedged unless denied."""
    if frame is Modality.DENIED:
        if read is Modality.DENIED:
            return Modality.REPORTED if attributed else Modality.ASSERTED
        return Modality.DENIED
    if frame is Modality.HEDGED and read is not Modality.DENIED:
        return Modality.HEDGED
    if frame is Modality.REPORTED and read is Modality.ASSERTED:
        return Modality.REPORTED  # "the union listed X among the dead": someone else's word, unnamed
    return read


def _keep(claims: dict[tuple, Claim], found: Found, claim: Claim | None) -> bool:
    """One claim per predicate, subject, object and sentence: the most confident rule's; a
    claim the rules and a document extractor both find keeps the rule's reading (agent, place,
    modality) with the higher confidence and both names. True when `claim` was kept."""
    if claim is None:
        return False
    obj = found.object
    obj_key = obj.id if isinstance(obj, Mention) else str(sorted(obj.items())) if isinstance(obj, dict) else None
    k = (claim.predicate, claim.subject, obj_key, claim.evidence.start)
    old = claims.get(k)
    if old is None:
        claims[k] = claim
        return True
    if _learned(old) != _learned(claim):
        rule, model = (claim, old) if _learned(old) else (old, claim)
        names = rule.extractor if model.extractor in rule.extractor else f"{rule.extractor}+{model.extractor}"
        claims[k] = replace(rule, confidence=max(rule.confidence, model.confidence), extractor=names)
        return False
    if old.confidence < claim.confidence:
        claims[k] = claim
        return True
    return False


def headline_end(document: Document, text: str) -> int:
    """Where the body begins after the headline ingest read as the report's title and kept at the
    head of its text, else 0. A headline's words are said again in the body, which is where a
    reader (and an annotator) finds the claim."""
    title = (document.title or "").strip()
    start = text.find(title) if title else -1
    return start + len(title) if start >= 0 and not text[:start].strip() else 0


def _said_before(said: dict[tuple[str, str, str], int], found: Found, sentence: int) -> bool:
    """Whether a claim a name or a title presupposes ("the Oslo Port Authority", "Mayor Ana
    Ruiz", "Ana Ruiz (1903 – 1987)") was made in an earlier sentence of the document, by the same
    words: the report says it once, where the name first appears, however often it repeats it."""
    obj = found.object
    obj_key = obj.text if isinstance(obj, Mention) else str(sorted(obj.items())) if isinstance(obj, dict) else ""
    key = (found.predicate, found.subject.text.lower(), obj_key.lower())
    return said.setdefault(key, sentence) != sentence


def _learned(claim: Claim) -> bool:
    return claim.extractor.startswith("learned/")


def _claim(document: Document, found: Found, sent: Span, evidence: TextSpan, attributions: list[Attribution],
           comment_author: Mention | None) -> Claim | None:
    obj = found.object
    obj_value = {"mention": obj.id} if isinstance(obj, Mention) else obj
    if isinstance(obj, Mention) and (obj.id == found.subject.id or obj.text.casefold() == found.subject.text.casefold()):
        return None  # "X located_in X": a name cannot stand in relation to itself
    statement = None  # the innermost attribution around the trigger speaks for it
    if not found.structural:  # titles and appositions are the author's words, whoever speaks
        for att in attributions:
            c = att.statement.content
            if c.start <= found.trigger.idx < c.end and (att.statement.source is not None or att.relayed) and (
                    statement is None or c.end - c.start <= statement.statement.content.end - statement.statement.content.start):
                statement = att
    claimant = statement.statement.source if statement else None
    if statement is None and found.source is not None:  # "the union listed X among the dead": the union's
        claimant = found.source.id
    if statement is None and document.section_at(evidence.start) is Section.COMMENT and comment_author is not None:
        claimant = comment_author.id
    if found.structural:
        modality = Modality.ASSERTED
    else:
        modality = modality_of(found.trigger, sent, attributed=statement is not None or found.source is not None)
    if not found.structural and statement is not None and statement.statement.cue.split()[0].lower() in ("denied", "denies", "deny", "dismissed", "rejected"):
        modality = Modality.DENIED
    elif statement is not None and modality is Modality.REPORTED and sent.doc[statement.cue_token].lemma_.lower() in BELIEF_VERBS:
        modality = Modality.HEDGED  # "X believes that Y was killed": a belief, not a report
    modality = _frame_modality(found.modality, modality, statement is not None)
    time = found.time or (_time_of(document, found.trigger, sent, found.predicate) if found.predicate in TIMED else None)
    obj_key = obj.id if isinstance(obj, Mention) else str(obj)
    return Claim(
        id=stable_id("c", document.id, found.predicate, found.subject.id, obj_key, evidence.start),
        document=document.id, subject=found.subject.id, predicate=found.predicate, evidence=evidence,
        modality=modality, object=obj_value, time=time, place=found.place.id if found.place else None,
        agent=found.agent.id if found.agent else None, claimant=claimant,
        statement=statement.statement.id if statement else None, extractor=found.rule, confidence=found.confidence,
    )
