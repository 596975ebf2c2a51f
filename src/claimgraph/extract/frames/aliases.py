"""Other names: an acronym in brackets after a name, "X, as Y is widely known", "Born X, ...".

The older alias rules ("known as", "real name", "nicknamed", a person's bracketed alternate)
are the `rules/names` pattern (`predicates/names.py`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from claimgraph.extract.frames.registry import REGISTRY
from claimgraph.extract.parsed import children
from claimgraph.extract.predicates.base import Context, Found

ACRONYM = re.compile(r"^\s*\(\s*([A-Z][A-Za-z0-9&.-]{1,11})\s*\)")
AS_KNOWN = re.compile(r"^[,\s]*as\s+(?:the\s+)?", re.I)


def _value(text: str) -> dict[str, str]:
    return {"value": text, "datatype": "text"}


@REGISTRY.pattern("names", "rules/names.acronym.v1")
def acronyms(ctx: Context) -> Iterator[Found]:
    """'the Union for Democratic Choice (UDC)': the bracketed acronym is another name of it."""
    for m in ctx.in_sentence:
        if m.type != "ORG" or m.end is None or m.label == "rules/description" or not ctx.sent.start_char <= (m.start or 0) < ctx.sent.end_char:
            continue
        found = ACRONYM.match(ctx.text[m.end : min(m.end + 20, ctx.sent.end_char)])
        if found is None or found.group(1) == m.text or sum(ch.isupper() for ch in found.group(1)) < 2:
            continue
        span = ctx.span_of(m)
        if span is not None:
            yield Found("alias", span.root, m, "rules/names.acronym.v1", object=_value(found.group(1)), confidence=0.75, structural=True)


@REGISTRY.pattern("names", "rules/names.as-known.v1")
def as_widely_known(ctx: Context) -> Iterator[Found]:
    """'Democratic Choice, as the Union for Democratic Choice is widely known': the first name is
    what the named party is commonly called."""
    for tok in ctx.tokens:
        if tok.lemma_ != "know" or tok.tag_ != "VBN" or not any(c.lower_ in ("widely", "commonly", "popularly", "generally", "better", "locally") for c in children(tok)):
            continue
        subj = next((c for c in children(tok) if c.dep_ == "nsubjpass"), None)
        named = ctx.at(subj) if subj is not None else None
        mark = next((c for c in children(tok) if c.dep_ == "mark" and c.lower_ == "as"), None)
        if named is None or mark is None or named.type not in ("ORG", "PERSON"):
            continue
        before = ctx.text[ctx.sent.start_char : mark.idx].rstrip(" ,")
        name = before.split(",")[-1].strip(" \"“”")
        if name and name != named.text and name[:1].isupper() and len(name.split()) <= 6:
            yield Found("alias", tok, named, "rules/names.as-known.v1", object=_value(name), confidence=0.7, structural=True)


@REGISTRY.pattern("names", "rules/names.born-as.v1")
def born_as(ctx: Context) -> Iterator[Found]:
    """'Born Ingrid Lund in 1937, she ...': the name at birth of the clause's subject."""
    first = ctx.sent[0]
    if first.lower_ != "born" or len(ctx.sent) < 4:
        return
    birth = ctx.by_token.get(ctx.sent[1].i)
    if birth is None or birth.type != "PERSON":
        return
    verb = first.head if first.dep_ == "advcl" else None
    subj = next((c for c in children(verb) if c.dep_ in ("nsubj", "nsubjpass")), None) if verb is not None else None
    holder = ctx.at(subj) if subj is not None else None
    if holder is not None and holder.type == "PERSON" and holder.id != birth.id:
        yield Found("alias", first, holder, "rules/names.born-as.v1", object=_value(birth.text), confidence=0.7, structural=True)
