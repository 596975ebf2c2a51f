"""When: spaCy DATE spans resolved against the document's date, at the precision written.

Absolute dates keep their precision ("2010" stays a year, "May 2013" a month). Relative
ones ("on Wednesday", "last October", "in April", "late this week") are resolved against
the document's `published` date; with no date to anchor them they stay null rather than
guessed. dateparser does the absolute parsing; the relative forms it gets wrong are here.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

import dateparser

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")

Time = dict[str, str]


def _span(start: date, end: date, precision: str) -> Time:
    fmt = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}[precision]
    return {"start": start.strftime(fmt), "end": end.strftime(fmt)}


def _month(year: int, month: int) -> Time:
    return _span(date(year, month, 1), date(year, month, 1), "month")


def resolve_time(text: str, published: str | None) -> Time | None:
    """A time span for a DATE phrase, or None when it cannot be pinned down honestly."""
    t = text.lower().strip().strip(".,")
    t = re.sub(r"^(on|in|by|since|from|during|as of|until)\s+", "", t)
    anchor = date.fromisoformat(published[:10]) if published else None
    words = re.findall(r"[a-z]+", t)
    year_m = YEAR.search(t)
    # a weekday: the latest such day on or before the document's date
    for w in words:
        if w in WEEKDAYS and not year_m:
            if anchor is None:
                return None
            back = (anchor.weekday() - WEEKDAYS[w]) % 7
            day = anchor - timedelta(days=back)
            return _span(day, day, "day")
    if re.search(r"\b(this|last|next) week\b", t):
        if anchor is None:
            return None
        monday = anchor - timedelta(days=anchor.weekday())
        if "last week" in t:
            monday -= timedelta(days=7)
        return _span(monday, min(monday + timedelta(days=6), anchor), "day")
    if t in ("today", "yesterday", "tonight", "this morning", "this evening") or t.endswith(("morning", "night", "evening")) and len(words) <= 2 and words[0] in ("yesterday", "today", "last"):
        if anchor is None:
            return None
        day = anchor - timedelta(days=1 if "yesterday" in t or t == "last night" else 0)
        return _span(day, day, "day")
    dated_may = bool(year_m or "in may" in text.lower() or re.search(r"\bmay \d{1,2}\b|\b\d{1,2}(st|nd|rd|th)? may\b", t))
    month = next((MONTHS[w] for w in words if w in MONTHS and (w != "may" or dated_may)), None)
    season = next((w for w in words if w in SEASONS), None)
    if year_m:
        year = int(year_m.group(1))
        if month:
            day_m = re.search(r"\b(\d{1,2})(st|nd|rd|th)?\b", YEAR.sub("", t))
            if day_m and 1 <= int(day_m.group(1)) <= 31:
                parsed = dateparser.parse(text, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})
                if parsed:
                    return _span(parsed.date(), parsed.date(), "day")
            return _month(year, month)
        return _span(date(year, 1, 1), date(year, 1, 1), "year")
    if month or season:
        if anchor is None:
            return None
        if month:
            # the most recent such month on or before the document's date
            year = anchor.year if month < anchor.month or (month == anchor.month and "last" not in words) else anchor.year - 1
            day_m = re.search(r"\b(\d{1,2})(st|nd|rd|th)?\b", t)
            if day_m and 1 <= int(day_m.group(1)) <= calendar.monthrange(year, month)[1]:
                day = date(year, month, int(day_m.group(1)))
                return _span(day, day, "day")
            return _month(year, month)
        year = anchor.year - 1 if "last" in words else anchor.year
        return _span(date(year, 1, 1), date(year, 1, 1), "year")
    if re.search(r"\blast year\b", t) and anchor:
        return _span(date(anchor.year - 1, 1, 1), date(anchor.year - 1, 1, 1), "year")
    if re.search(r"\bthis year\b", t) and anchor:
        return _span(date(anchor.year, 1, 1), date(anchor.year, 1, 1), "year")
    return None
