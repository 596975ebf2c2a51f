"""Plain-text reports: metadata (title, byline, publisher, date) and boilerplate.

News copied as text keeps the page furniture of where it came from: a title repeated,
a byline, a dateline, "Top stories", share lines, "Similar posts", a comment form, an
"About this blog" box. This module keeps the article, marks an appended reader-comment
section, and reads metadata only where the text states it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import dateparser

from claimgraph.ingest.dates import find_date

# A line that is page furniture wherever it stands.
NOISE_LINE = re.compile(
    r"^\s*(accessibility links|breaking news|skip to (main )?content|share( this( article)?)?|"
    r"tweet|print|email|subscribe( now)?|sign up.*newsletter.*|follow us.*|advertisement|"
    r"continues\s*(…|\.\.\.)|read more|click to enlarge|\(file photo\)|"
    r"share on (facebook|twitter|whatsapp)|copy link)\s*$",
    re.IGNORECASE,
)
NOISE_SUFFIX = re.compile(r"\s*(click to enlarge|\(file photo\))\s*$", re.IGNORECASE)
# A line after which the rest of the page is not the article.
TRAILER_LINE = re.compile(
    r"^\s*(top stories|similar posts|related (posts|articles|stories)|more stories|"
    r"leave a (reply|comment)|latest posts|most (read|popular)|recommended|"
    r"about (this|the) (blog|author)|comments are closed.*|"
    r"your email address will not be published.*|to contact .{0,60} visit:?)\s*$",
    re.IGNORECASE,
)
# A line that opens an appended reader comment.
COMMENT_LINE = re.compile(
    r"^\s*((reader'?s? )?comments?|\d+ comments?|reply)\s*([—–:-].*)?$", re.IGNORECASE
)
BYLINE = re.compile(r"^\s*(?:[Bb]y|BY|[-—–]{1,2})\s+([A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){1,3})\s*$")
SOURCE_LINE = re.compile(r"^\s*(?:source|published by|originally published (?:by|at|in))\s*:\s*(.{2,80}?)\s*$", re.IGNORECASE)
NAME = r"[A-Z][\w'.-]+(?:\s+(?:van|von|de|der|al|bin|[A-Z][\w'.-]+)){1,3}"
PERSON_LINE = re.compile(rf"^\s*({NAME})\s*$")
DASH_SPLIT = re.compile(r"\s+[—–|]\s+|\s+-\s+")
AGENCY_DATELINE = re.compile(r"^\s*[A-Z][A-Z .'-]{1,30}(?:,[^()]{1,40})?\s*\(([^()]{2,40})\)\s*[-—–]*\s*$")
LEAD_DATELINE = re.compile(r"^([A-Z][\w.&' -]{1,40}?)\s+[-—–]\s+(?=[A-Z\"“‘'])")
# Words that make a name an outlet rather than a person ("Caspian Wire", "Kavkaz Monitor").
MEDIA_WORDS = frozenset({
    "wire", "news", "times", "post", "daily", "journal", "herald", "ledger", "monitor", "tribune", "gazette",
    "courier", "express", "observer", "guardian", "telegraph", "chronicle", "review", "agency", "press",
    "online", "tv", "radio", "network", "media", "magazine", "weekly", "today", "mail", "star", "sun",
    "independent", "standard", "record", "reporter", "dispatch", "bulletin", "insider", "digest",
})
DATE_LABEL = re.compile(r"^\s*(published|updated|posted|date|first published)(\s+on)?\s*:?\s", re.IGNORECASE)
QUOTED_NAME = re.compile(r"^\s*[\"“']([^\"”']{3,60})[\"”']\s")


@dataclass
class ParsedText:
    text: str
    title: str | None = None
    publisher: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    comment_start: int | None = None


def _paragraphs(raw: str) -> list[str]:
    lines = [ln.rstrip() for ln in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return [ln.strip() for ln in lines]


def _looks_like_person(line: str) -> bool:
    words = line.lower().replace(".", " ").split()
    return (bool(PERSON_LINE.match(line)) and len(words) <= 4 and not find_date(line)
            and not MEDIA_WORDS.intersection(words))


def _looks_like_outlet(line: str) -> bool:
    """A short run of capitalised words ending in a media word: "Harbor Ledger", "Sport Wire"."""
    words = line.strip().split()
    return 1 < len(words) <= 5 and all(w[:1].isupper() for w in words) and words[-1].lower().strip(".") in MEDIA_WORDS


def _strip_markdown(line: str) -> str:
    line = re.sub(r"^#{1,6}\s+", "", line)
    line = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", line)
    return line.replace("**", "").strip()


def parse_text(raw: str) -> ParsedText:
    """Split a plain-text report into clean body text and the metadata it states."""
    lines = [_strip_markdown(ln) for ln in _paragraphs(raw)]
    out = ParsedText(text="")
    # 1. the tail: furniture after the article, an "about this blog" box naming the outlet
    end = len(lines)
    for i, line in enumerate(lines):
        if i > 2 and TRAILER_LINE.match(line):
            if re.match(r"^\s*about (this|the) blog", line, re.I):
                nxt = next((ln for ln in lines[i + 1 :] if ln), "")
                m = QUOTED_NAME.match(nxt)
                if m:
                    out.publisher = m.group(1).strip()
            end = i
            break
    lines = lines[:end]
    # 2. the head: skip furniture, take the title, then byline/date lines
    body_lines: list[str] = []
    idx = 0
    while idx < len(lines) and (not lines[idx] or NOISE_LINE.match(lines[idx])):
        idx += 1
    if idx < len(lines) and len(lines[idx]) <= 200 and not lines[idx].endswith((".", ":")):
        out.title = lines[idx].strip()
        idx += 1
    head_limit = idx + 8
    while idx < min(len(lines), head_limit):
        line = lines[idx]
        if not line or NOISE_LINE.match(line) or line == out.title:
            idx += 1
            continue
        if len(line) > 120:
            break
        if _read_head_line(line, out):
            idx += 1
            continue
        break
    # the headline stays in the text: headlines make claims too ("X survives strike")
    body_lines = ([out.title, ""] if out.title else []) + lines[idx:]
    # 3. footer lines that carry metadata, and the comment section
    kept: list[str] = []
    comment_line: int | None = None
    for line in body_lines:
        m = SOURCE_LINE.match(line)
        if m:
            out.publisher = out.publisher or m.group(1)
            continue
        m = BYLINE.match(line)
        if m and len(line) < 60:
            if m.group(1) not in out.authors:
                out.authors.append(m.group(1))
            continue
        if NOISE_LINE.match(line):
            continue
        line = NOISE_SUFFIX.sub("", line)
        if kept and line and kept[-1] == line:  # a caption repeated
            continue
        if comment_line is None and COMMENT_LINE.match(line) and len(kept) > 2:
            comment_line = len(kept)
        kept.append(line)
    # 4. a dateline naming the outlet at the head of the first paragraph
    first = next((i for i, ln in enumerate(kept) if ln and ln != out.title), None)
    if first is not None:
        m = LEAD_DATELINE.match(kept[first])
        if m and len(m.group(1).split()) <= 4 and not find_date(m.group(1)):
            out.publisher = out.publisher or m.group(1).strip()
    text, comment_start = _join(kept, comment_line)
    out.text = text
    out.comment_start = comment_start
    return out


def _read_head_line(line: str, out: ParsedText) -> bool:
    """Read a byline / dateline under the title; False when the line is article text."""
    m = BYLINE.match(line)
    if m:
        out.authors.append(m.group(1))
        return True
    m = AGENCY_DATELINE.match(line)
    if m:  # "TARRAGONA, Spain, May 15, 2025 (Iberia Press) —": the place, the date, the agency
        date = find_date(line)
        out.publisher = out.publisher or m.group(1).strip()
        out.published = out.published or (date.iso if date else None)
        return True
    parts = [p.strip() for p in DASH_SPLIT.split(line) if p.strip()]
    if parts:
        parts[0] = re.sub(r"^(?:[Bb]y|BY)\s+", "", parts[0])  # "By Ana Ruiz | The Ledger | May 4"
    date = find_date(line)
    if len(parts) >= 2 and not _looks_like_person(parts[0]) and date and len(parts[0]) <= 60 and parts[0][:1].isupper():
        out.publisher = out.publisher or parts[0]  # "Caspian Wire — March 4, 2024"
        out.published = out.published or date.iso
        return True
    if len(parts) >= 2 and _looks_like_person(parts[0]):
        out.authors.append(parts[0])
        rest = " ".join(parts[1:])
        if date:
            out.published = out.published or date.iso
            rest = rest.replace(date.text, "").strip(" ,")
        if rest:
            out.publisher = out.publisher or rest
        return True
    if date and DATE_LABEL.match(line):  # "Published: 14 May 2025", "Updated on ..."
        out.published = out.published or date.iso
        return True
    if _looks_like_outlet(line):  # "Harbor Ledger" on a line of its own
        out.publisher = out.publisher or line.strip()
        return True
    if date and len(line) - len(date.text) <= 6:
        out.published = out.published or date.iso
        return True
    if _looks_like_person(line):
        out.authors.append(line.strip())
        return True
    return False


def _join(lines: list[str], comment_line: int | None) -> tuple[str, int | None]:
    """Join kept lines into paragraphs: blank lines separate, single newlines are kept."""
    pieces: list[str] = []
    comment_start: int | None = None
    length = 0
    previous_blank = True
    for i, line in enumerate(lines):
        if i == comment_line:
            if pieces:
                pieces.append("\n\n")
                length += 2
            comment_start = length
        if not line:
            previous_blank = True
            continue
        if pieces and i != comment_line:
            sep = "\n\n" if previous_blank else "\n"
            pieces.append(sep)
            length += len(sep)
        pieces.append(line)
        length += len(line)
        previous_blank = False
    return "".join(pieces).strip("\n"), comment_start


def parse_date(text: str | None) -> str | None:
    """An ISO date from a metadata field (a JSON `published`, an HTML date), or None."""
    if not text or len(text) > 100:  # a date field, not an essay: dateparser's time grows with it
        return None
    try:
        parsed = dateparser.parse(text, settings={"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False})
    except (ValueError, OverflowError, TypeError):  # no date read is the answer for a date nobody can read
        return None
    return parsed.date().isoformat() if parsed else None
