"""How a number is read: its words ("twenty-three", "2 million", "$80 million and $25 million"),
its value, its qualifier ("at least", "nearly") and whether it is a day rather than a count."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from claimgraph.extract.parsed import children, entities
from claimgraph.extract.predicates.base import Context

QUALIFIERS = ("at least", "more than", "fewer than", "less than", "as many as", "up to", "about", "around",
              "roughly", "some", "nearly", "almost", "over", "approximately", "an estimated", "no less than",
              "a total of", "between", "at most", "close to", "upwards of")
ONES = {w: i for i, w in enumerate(["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"])}
TENS = {w: 10 * i for i, w in enumerate(["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]) if w != "_"}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "dozen": 12}


def number_value(text: str) -> str | None:
    """'23' -> '23', '1,200' -> '1,200', 'Sixteen' -> '16', 'twenty-three' -> '23', '2 million' -> '2000000'."""
    t = text.lower().replace("-", " ").strip()
    if re.fullmatch(r"[\d.,]+", t):
        return text if re.search(r"\d", t) else None
    total = current = 0
    matched = False
    for word in t.split():
        if re.fullmatch(r"[\d.]+", word.replace(",", "")):
            current += float(word.replace(",", ""))  # type: ignore[assignment]
        elif word in ONES:
            current += ONES[word]
        elif word in TENS:
            current += TENS[word]
        elif word in SCALES:
            current = max(current, 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total, current = total + current, 0
        elif word in ("and", "a"):
            continue
        else:
            return None
        matched = True
    value = total + current
    return str(int(value)) if matched and value == int(value) else (str(value) if matched else None)


def number_words(ctx: Context, tok: Token) -> tuple[str, str]:
    """The whole number and its datatype: 'twenty - three', '2 million', '1,200', '$215,000'."""
    if tok.ent_type_ == "MONEY":
        return _sum(ctx, tok), "money"
    first = min([tok, *(c for c in children(tok) if c.dep_ in ("compound", "quantmod") and c.pos_ == "NUM")], key=lambda t: t.i)
    words = list(ctx.doc[first.i : tok.i + 1])
    for t in ctx.doc[tok.i + 1 : min(tok.i + 4, ctx.sent.end)]:
        if t.pos_ == "NUM" and t.head.i == tok.i or t.lower_ in SCALES:
            words.append(t)
        else:
            break
    return " ".join(w.text for w in words if w.text not in ("-", "–")), "number"


MONTHS_AND_DAYS = frozenset(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])


def calendar_day(tok: Token) -> bool:
    """'November 18', 'the 18th of May': a day, not a count."""
    near = [tok.doc[i].lower_.rstrip(".") for i in (tok.i - 1, tok.i + 1, tok.i + 2) if 0 <= i < len(tok.doc)]
    return any(w in MONTHS_AND_DAYS for w in near)


def _sum(ctx: Context, tok: Token) -> str:
    """The one sum of a money name `tok` belongs to, its qualifier left out: '$80 million and $25
    million' holds two sums, 'about $4 million' is $4 million (about)."""
    ent = money_name(tok)
    if is_range(ent):  # "between $60 million and $70 million": one sum, a range
        return re.sub(r"^between\s+", "", ent.text, flags=re.IGNORECASE).replace(" and ", " to ")
    start, end = ent.start, ent.end
    for t in ent:
        if t.dep_ == "cc" or t.text in (",", ";"):
            if t.i < tok.i:
                start = t.i + 1
            elif t.i > tok.i:
                end = min(end, t.i)
    text = ctx.doc[start:end].text
    low = text.lower()
    qualifier = next((q for q in QUALIFIERS if low.startswith(q + " ")), None)
    return text[len(qualifier) + 1 :] if qualifier else text


def money_name(tok: Token) -> Span:
    return next(e for e in entities(tok.doc) if e.start <= tok.i < e.end)


def is_range(ent: Span) -> bool:
    before = ent.doc[max(ent.start - 1, 0) : ent.start].text.lower()
    return ent.text.lower().startswith("between ") or before == "between"


def qualifier(ctx: Context, tok: Token) -> str | None:
    if tok.ent_type_ == "MONEY":  # before the sum's first word, which the money name may hold
        ent = money_name(tok)
        first = max([ent.start, *(t.i + 1 for t in ent if t.i < tok.i and (t.dep_ == "cc" or t.text in (",", ";")))])
        words = ctx.doc[first : tok.i + 1].text.lower()
        inside = next((q for q in QUALIFIERS if words.startswith(q + " ")), None)
        if inside is not None:
            return inside
        tok = ctx.doc[first]
    before = ctx.text[max(ctx.sent.start_char, tok.idx - 24) : tok.idx].lower().rstrip()
    return next((q for q in QUALIFIERS if before.endswith(q)), None)
