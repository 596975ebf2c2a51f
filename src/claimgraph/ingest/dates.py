"""Absolute dates written in metadata lines ("14 March 2016", "Sept 8, 2017", "2016-03-14")."""

from __future__ import annotations

import re
from dataclasses import dataclass

import dateparser

MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
    # French and Russian (the languages analysed in full): "21 mars 2024", "4 марта 2024"
    r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    r"января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)\.?"
)
DATE_RE = re.compile(
    rf"\b(?:\d{{1,2}}\s+{MONTH},?\s+\d{{4}}|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class FoundDate:
    text: str
    iso: str


def find_date(line: str) -> FoundDate | None:
    """The first full calendar date written in `line`, or None."""
    m = DATE_RE.search(line)
    if not m:
        return None
    text = m.group(0)
    parsed = dateparser.parse(re.sub(r"\bSept\b", "Sep", text), languages=["en", "fr", "ru"])
    if parsed is None:
        return None
    return FoundDate(text=text, iso=parsed.date().isoformat())
