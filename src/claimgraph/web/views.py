"""Data for the pages and the API, built from query.py: graph, timeline, highlighted text."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from html import escape
from typing import Any

from markupsafe import Markup

from claimgraph.model import Document, Section
from claimgraph.store.sqlite import SQLiteStore

MODALITY_COLOURS = {"asserted": "#2e7d32", "reported": "#1565c0", "hedged": "#ef6c00", "denied": "#c62828"}


def graph(store: SQLiteStore, type_: str | None = None, predicate: str | None = None, grade: str | None = None,
          since: str | None = None, until: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """Entities as nodes and entity-to-entity claim groups as edges, filtered."""
    entities = {e.id: e for e in store.entities()}
    edges: dict[str, dict[str, Any]] = {}
    for g in store.groups():
        target = (g.object or {}).get("entity")
        if not target or g.subject not in entities or target not in entities:
            continue
        when = (g.time or {}).get("start")
        if (predicate and g.predicate != predicate) or (grade and g.grade != grade):
            continue
        if (since and (not when or when < since)) or (until and (not when or when[: len(until)] > until)):
            continue
        edges[g.id] = {"data": {"id": g.id, "source": g.subject, "target": target, "predicate": g.predicate,
                                "grade": g.grade, "support": g.support, "time": when, "claims": list(g.claims)}}
    used = {e["data"]["source"] for e in edges.values()} | {e["data"]["target"] for e in edges.values()}
    nodes = []
    for eid in sorted(used):
        e = entities[eid]
        if type_ and e.type != type_:
            continue
        nodes.append({"data": {"id": eid, "label": e.name, "type": e.type, "mentions": sum(c for _, c in e.aliases)}})
    kept = {n["data"]["id"] for n in nodes}
    return {"nodes": nodes, "edges": [e for e in edges.values() if e["data"]["source"] in kept and e["data"]["target"] in kept]}


def _date_value(text: str) -> float:
    parts = [int(p) for p in text.split("-")] + [1, 1]
    y, m, d = parts[0], max(1, parts[1]), max(1, parts[2])
    return date(y, m, min(d, 28)).toordinal() + (15 if len(text) == 7 else 182 if len(text) == 4 else 0)


def timeline_svg(rows: list[dict[str, Any]], width: int = 860) -> Markup:
    """The dated claims about an entity as an SVG chart: one lane per predicate, points coloured
    by modality, the claimant and date in each point's tooltip."""
    if not rows:
        return Markup("<p class='muted'>No dated claims.</p>")
    lanes = sorted({r["predicate"] for r in rows})
    values = [_date_value(r["time"]) for r in rows]
    lo, hi = min(values), max(values)
    span = max(hi - lo, 30.0)
    left, right, lane_h, top = 110, 20, 34, 20
    height = top + lane_h * len(lanes) + 40
    x = lambda v: left + (v - lo) / span * (width - left - right)  # noqa: E731
    parts = [f"<svg class='timeline' viewBox='0 0 {width} {height}' role='img' aria-label='timeline'>"]
    for i, lane in enumerate(lanes):
        y = top + i * lane_h + lane_h / 2
        parts.append(f"<line x1='{left}' x2='{width - right}' y1='{y}' y2='{y}' class='lane'/>")
        parts.append(f"<text x='{left - 8}' y='{y + 4}' text-anchor='end' class='lane-label'>{escape(lane)}</text>")
    base = top + lane_h * len(lanes) + 10
    years = sorted({r["time"][:4] for r in rows})
    for yr in years:
        xv = x(date(int(yr), 1, 1).toordinal())
        if left <= xv <= width - right:
            parts.append(f"<line x1='{xv:.1f}' x2='{xv:.1f}' y1='{top}' y2='{base}' class='tick'/>")
            parts.append(f"<text x='{xv:.1f}' y='{base + 14}' text-anchor='middle' class='tick-label'>{yr}</text>")
    stack: dict[tuple[str, int], int] = defaultdict(int)
    for r, v in zip(rows, values, strict=True):
        lane = lanes.index(r["predicate"])
        cx = x(v)
        bucket = (r["predicate"], int(cx // 12))
        offset = stack[bucket]
        stack[bucket] += 1
        cy = top + lane * lane_h + lane_h / 2 - 8 + (offset % 3) * 8
        colour = MODALITY_COLOURS.get(r["modality"], "#555")
        when = f"no later than {r['time']} (the report's date)" if r.get("as_of") else r["time"]
        title = f"{when} {r['predicate']} {r.get('target') or ''} — {r['modality']} by {r['who']} [{r.get('grade') or ''}]"
        doc = (r.get("evidence") or {}).get("document", "")
        start = (r.get("evidence") or {}).get("start", 0)
        hollow = f" stroke='{colour}' fill-opacity='0.25'" if r.get("as_of") else ""  # a report's date: hollow
        parts.append(f"<a href='/documents/{escape(doc)}#s-{int(start)}'><circle cx='{cx:.1f}' cy='{cy:.1f}' r='6' fill='{colour}'{hollow} "
                     f"class='point {escape(r['modality'])}'><title>{escape(title)}</title></circle></a>")
    parts.append("</svg>")
    return Markup("".join(parts))


def highlighted(store: SQLiteStore, document: Document) -> tuple[Markup, Markup]:
    """The clean text with mentions linked to their entities and claim evidence marked; the body
    and the reader-comment section separately. Every character of the text is escaped."""
    text = document.text
    n = len(text)
    mention_at: list[str | None] = [None] * n
    entity_of: dict[str, str] = {}
    # longest first, so that a name inside a description ("Tajikistan" in "Tajikistan's top
    # officer") keeps its own link
    spanned = [m for m in store.mentions(document=document.id) if m.start is not None and m.end is not None]
    for m in sorted(spanned, key=lambda m: (m.start or 0) - (m.end or 0)):
        if m.start is None or m.end is None or not m.entity:
            continue
        for i in range(m.start, min(m.end, n)):
            mention_at[i] = m.id
        entity_of[m.id] = m.entity
    evidence_at: list[int | None] = [None] * n
    for c in store.claims(document=document.id):
        for i in range(c.evidence.start, min(c.evidence.end, n)):
            evidence_at[i] = c.evidence.start
    split = document.comment_start if document.comment_start is not None else n

    def render(lo: int, hi: int) -> Markup:
        out, i, opened = [], lo, set()
        while i < hi:
            j = i
            while j < hi and mention_at[j] == mention_at[i] and evidence_at[j] == evidence_at[i]:
                j += 1
            chunk = escape(text[i:j])
            m, ev = mention_at[i], evidence_at[i]
            if m:
                chunk = f"<a class='mention' href='/entities/{escape(entity_of[m])}'>{chunk}</a>"
            if ev is not None:
                anchor = "" if ev in opened else f" id='s-{ev}'"
                opened.add(ev)
                chunk = f"<mark class='evidence'{anchor}>{chunk}</mark>"
            out.append(chunk)
            i = j
        return Markup("".join(out))

    return render(0, split), render(split, n)


def section_label(section: Section) -> str:
    return {"body": "article", "comment": "reader comment", "meta": "metadata"}[str(section)]
