"""What the learned extractor classifies: entity pairs named in one sentence or in two adjacent
sentences, and single persons or groups for the status predicates.

A party is named or referred to: a pronoun or nominal that coreference linked to a name
("He joined the club", "the group"), or a description whose antecedent chain reaches one, stands
for that name at its own place in the text (the name is the claim's subject or object; the words
pooled are the pronoun's or description's own).

Training (`train/`) and inference build candidates with these same functions, so the model
never sees at run time a kind of candidate it was not trained on.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from claimgraph.model import Mention

PAIR_PREDICATES = ("member_of", "leader_of", "located_in", "origin", "affiliated_with")
STATUS_PREDICATES = ("dead", "wounded", "arrested", "released")
TYPES = ("PERSON", "ORG", "PLACE")
SUBJECT_TYPES = ("PERSON", "ORG")
MAX_MENTIONS = 12  # per sentence: a list of forty names is a table, not a claim


@dataclass(frozen=True, slots=True)
class Named:
    """A mention inside a sentence: its character span relative to the sentence."""

    mention: Mention
    start: int
    end: int
    head: int  # token index of the name's syntactic head


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    span: Span
    start: int  # character offset of span.text in the document
    names: tuple[Named, ...]

    @property
    def text(self) -> str:
        return self.span.text


@dataclass(frozen=True, slots=True)
class Pair:
    subject: Named
    object: Named
    subject_sent: int
    object_sent: int
    trigger: int  # token index: where time, modality and attribution are read

    @property
    def sent(self) -> int:
        """The evidence sentence: the later of the two (the one that states the relation
        about a name given just before: 'Smith joined in 2004. He plays for the Nets.')."""
        return max(self.subject_sent, self.object_sent)


@dataclass(frozen=True, slots=True)
class Single:
    entity: Named
    sent: int
    trigger: int


def usable(m: Mention) -> bool:
    return m.start is not None and m.end is not None and m.type in TYPES and m.label != "rules/description" and not m.is_reference


def _named_by(m: Mention, by_id: dict[str, Mention]) -> Mention | None:
    """The name a description leads to along its antecedents (None: it reaches none)."""
    seen: set[str] = set()
    cur: Mention | None = m
    while cur is not None and cur.id not in seen:
        if usable(cur):
            return cur
        seen.add(cur.id)
        cur = by_id.get(cur.antecedent) if cur.antecedent else None
    return None


def spots(doc: Doc, mentions: list[Mention], refers: dict[int, Mention | None] | None = None) -> list[tuple[int, int, Mention]]:
    """(start, end, the name) for every name, in text order; given coreference's `refers`
    (even empty), every linked description and linked pronoun or nominal (one token: its head)
    too. Without it, names alone: the candidates of a model trained before references."""
    by_id = {m.id: m for m in mentions}
    out = [(m.start or 0, m.end or 0, m) for m in mentions if usable(m)]
    for m in mentions if refers is not None else ():
        if m.label == "rules/description" and m.start is not None and m.end is not None and m.antecedent:
            name = _named_by(m, by_id)
            if name is not None:
                out.append((m.start, m.end, name))
    for i, target in sorted((refers or {}).items()):
        if target is not None and usable(target) and i < len(doc):
            out.append((doc[i].idx, doc[i].idx + len(doc[i].text), target))
    return sorted(out, key=lambda s: (s[0], s[1], s[2].id))


def sentences(doc: Doc, mentions: list[Mention], refers: dict[int, Mention | None] | None = None) -> list[Sentence]:
    """The document's sentences with the parties named or referred to inside each, in text
    order; `refers` is coreference's token -> name (`extract.coref.referents`)."""
    spanned = spots(doc, mentions, refers)
    out: list[Sentence] = []
    j = 0
    for i, sent in enumerate(doc.sents):
        start, end = sent.start_char, sent.end_char
        while j < len(spanned) and spanned[j][0] < start:
            j += 1
        names: list[Named] = []
        k = j
        while k < len(spanned) and spanned[k][0] < end:
            a, b, m = spanned[k]
            span = doc.char_span(a, b, alignment_mode="expand")
            overlaps = any(n.start < b - start and a - start < n.end for n in names)
            if b <= end and span is not None and not overlaps:
                names.append(Named(m, a - start, b - start, span.root.i))
            k += 1
        out.append(Sentence(i, sent, start, tuple(names[:MAX_MENTIONS])))
    return out


def _key(n: Named) -> str:
    return n.mention.text.lower()


def lowest_common_ancestor(doc: Doc, a: int, b: int) -> int | None:
    above_b = {b, *(t.i for t in doc[b].ancestors)}
    return next((t for t in (a, *(x.i for x in doc[a].ancestors)) if t in above_b), None)


def pair_trigger(doc: Doc, sents: list[Sentence], a: Named, b: Named, a_sent: int, b_sent: int) -> int:
    """The lowest common ancestor of the two names' heads (usually the verb that relates them);
    across two sentences, the root of the later one, which states the relation."""
    later = sents[max(a_sent, b_sent)].span
    if a_sent != b_sent:
        return later.root.i
    found = lowest_common_ancestor(doc, a.head, b.head)
    return later.root.i if found is None else found


def status_trigger(doc: Doc, n: Named, sent: Sentence) -> int:
    """The word that governs the name ('killed' in 'X was killed'), else the name's head."""
    head = doc[n.head].head
    return head.i if sent.span.start <= head.i < sent.span.end else n.head


def pairs(doc: Doc, sents: list[Sentence]) -> list[Pair]:
    """(subject, object) in one sentence, or one in each of two adjacent sentences; never two
    mentions of the same name, never a place as subject."""
    out: list[Pair] = []
    for s in sents:
        before = sents[s.index - 1] if s.index > 0 else None
        groups = [(s.names, s.index)] + ([(before.names, before.index)] if before is not None else [])
        for a in s.names:
            for names, where in groups:
                for b in names:
                    if b is a or _key(a) == _key(b):
                        continue
                    trigger = pair_trigger(doc, sents, a, b, s.index, where)
                    if a.mention.type in SUBJECT_TYPES:
                        out.append(Pair(a, b, s.index, where, trigger))
                    if where != s.index and b.mention.type in SUBJECT_TYPES:
                        out.append(Pair(b, a, where, s.index, trigger))
    return out


def singles(doc: Doc, sents: list[Sentence]) -> list[Single]:
    return [Single(n, s.index, status_trigger(doc, n, s)) for s in sents for n in s.names if n.mention.type in SUBJECT_TYPES]
