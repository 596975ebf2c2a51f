"""Data for the pages and the API, built from query.py: graph, timeline, highlighted text."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from html import escape
from typing import Any

from markupsafe import Markup

from claimgraph.model import Document, Section
from claimgraph.store.base import Store

MODALITY_COLOURS = {"asserted": "#263238", "reported": "#00695c", "hedged": "#7a4f00", "denied": "#8e1450"}  # as style.css
GRAPH_EDGES = 2000  # edges the network shows at most (the answer says how many passed the filters)
SHAPES = {  # modality as shape: the timeline and its legend (entity.html) draw the same ones
    "asserted": "<circle cx='{x}' cy='{y}' r='6' {paint}/>",
    "reported": "<path d='M{x} {top} L{right} {y} L{x} {bottom} L{left} {y} Z' {paint}/>",
    "hedged": "<path d='M{x} {top} L{right} {low} L{left} {low} Z' {paint}/>",
    "denied": "<path d='M{left} {top} L{right} {bottom} M{right} {top} L{left} {bottom}' stroke-width='2.5' {paint}/>",
}


def shape(modality: str, x: float, y: float, colour: str, hollow: bool) -> str:
    """A point of the timeline: its shape says the modality; hollow when dated by the report."""
    fill = "white" if hollow or modality == "denied" else colour
    paint = f"fill='{fill}' stroke='{colour}' stroke-width='2'"
    return SHAPES.get(modality, SHAPES["asserted"]).format(
        x=f"{x:.1f}", y=f"{y:.1f}", top=f"{y - 6:.1f}", bottom=f"{y + 6:.1f}", low=f"{y + 5:.1f}",
        left=f"{x - 6:.1f}", right=f"{x + 6:.1f}", paint=paint)


def graph(store: Store, type_: str | None = None, predicate: str | None = None, grade: str | None = None,
          since: str | None = None, until: str | None = None, outlet: str | None = None,
          limit: int = GRAPH_EDGES) -> dict[str, Any]:
    """Entities as nodes and entity-to-entity claim groups as edges, filtered in the store; each
    edge knows the outlets whose reports carry it. Nodes and edges come sorted by id (a stable
    layout's input); at most `limit` edges, and `total` says how many passed."""
    groups, total = store.graph_groups(limit, type_, predicate, grade, since, until, outlet)
    outlets_of = store.group_outlets([g.id for g in groups])
    edges = [{"data": {"id": g.id, "source": g.subject, "target": (g.object or {}).get("entity"), "predicate": g.predicate,
                       "label": g.predicate.replace("_", " "), "grade": g.grade, "support": g.support,
                       "time": (g.time or {}).get("start"), "claims": list(g.claims), "outlets": outlets_of.get(g.id, []),
                       "basis": g.reasons[0] if g.reasons else ""}} for g in groups]
    used = sorted({str(g.subject) for g in groups} | {str((g.object or {}).get("entity")) for g in groups})
    rows = store.entity_rows_by_id(used)
    nodes = [{"data": {"id": eid, "label": rows[eid]["name"], "type": rows[eid]["type"], "mentions": rows[eid]["mentions"]}}
             for eid in used if eid in rows]
    return {"nodes": nodes, "edges": edges, "outlets": store.outlets(), "total": total}


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
    parts = [f"<svg class='timeline' viewBox='0 0 {width} {height}' width='{width}' height='{height}' role='img' "
             "aria-label='timeline of dated claims, one lane per predicate'>"]
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
        parts.append(f"<a href='/documents/{escape(doc)}#s-{int(start)}' class='point {escape(r['modality'])}'>"
                     f"<title>{escape(title)}</title>{shape(r['modality'], cx, cy, colour, bool(r.get('as_of')))}</a>")
    parts.append("</svg>")
    return Markup("".join(parts))


def evidence_blocks(spans: list[tuple[int, int]]) -> list[tuple[int, int, list[int]]]:
    """Evidence spans as blocks: overlapping sentences join into one, which keeps every start
    (each is an anchor `#s-START`)."""
    blocks: list[tuple[int, int, list[int]]] = []
    for start, end in sorted(set(spans)):
        if blocks and start < blocks[-1][1]:
            lo, hi, starts = blocks[-1]
            blocks[-1] = (lo, max(hi, end), starts if start in starts else [*starts, start])
        else:
            blocks.append((start, end, [start]))
    return blocks


def highlighted(store: Store, document: Document) -> tuple[Markup, Markup]:
    """The clean text with mentions linked to their entities and each claim's evidence sentence
    marked as one block (`<mark id="s-START">`, the target of evidence links); the body and the
    reader-comment section separately. Every character of the text is escaped."""
    text = document.text
    n = len(text)
    mention_at: list[str | None] = [None] * n
    entity_of: dict[str, str] = {}
    # longest first, so that a name inside a description ("Tajikistan" in "Tajikistan's top
    # officer") keeps its own link
    spanned = [m for m in store.mentions(document=document.id) if m.start is not None and m.end is not None and m.entity]
    for m in sorted(spanned, key=lambda m: (m.start or 0) - (m.end or 0)):
        for i in range(m.start or 0, min(m.end or 0, n)):
            mention_at[i] = m.id
        entity_of[m.id] = m.entity or ""
    blocks = evidence_blocks([(c.evidence.start, min(c.evidence.end, n)) for c in store.claims(document=document.id)])

    def linked(lo: int, hi: int) -> str:
        out, i = [], lo
        while i < hi:
            j = i
            while j < hi and mention_at[j] == mention_at[i]:
                j += 1
            m = mention_at[i]
            chunk = escape(text[i:j])
            out.append(f"<a class='mention' href='/entities/{escape(entity_of[m])}'>{chunk}</a>" if m else chunk)
            i = j
        return "".join(out)

    def render(lo: int, hi: int) -> Markup:
        out, pos = [], lo
        for start, end, starts in blocks:
            start, end = max(start, lo), min(end, hi)
            if start >= end:
                continue
            out.append(linked(pos, start))
            cuts = [s for s in starts if start < s < end]
            pieces, at = [], start
            for cut in cuts:
                pieces.append(linked(at, cut) + f"<span class='anchor' id='s-{cut}'></span>")
                at = cut
            pieces.append(linked(at, end))
            anchor = f" id='s-{starts[0]}'" if start == starts[0] else ""
            out.append(f"<mark class='evidence'{anchor}>{''.join(pieces)}</mark>")
            pos = end
        out.append(linked(pos, hi))
        return Markup("".join(out))

    split = document.comment_start if document.comment_start is not None else n
    return render(0, split), render(split, n)


def section_label(section: Section) -> str:
    return {"body": "article", "comment": "reader comment", "meta": "metadata"}[str(section)]
