"""GraphML export: entities as nodes, entity-to-entity claims as edges with grade and support."""

from __future__ import annotations

from typing import TextIO
from xml.sax.saxutils import quoteattr

from claimgraph.query import View
from claimgraph.store.sqlite import SQLiteStore

KEYS = [("node", "name", "string"), ("node", "type", "string"), ("node", "mentions", "int"),
        ("edge", "predicate", "string"), ("edge", "modality", "string"), ("edge", "grade", "string"),
        ("edge", "support", "int"), ("edge", "claim", "string"), ("edge", "evidence", "string")]


def write_graphml(store: SQLiteStore, out: TextIO) -> int:
    view = View(store)
    groups = {g.id: g for g in store.groups()}
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
    for domain, name, type_ in KEYS:
        out.write(f'  <key id="{name}" for="{domain}" attr.name="{name}" attr.type="{type_}"/>\n')
    out.write('  <graph id="claimgraph" edgedefault="directed">\n')
    for e in store.entities():
        out.write(f"    <node id={quoteattr(e.id)}>")
        out.write(f'<data key="name">{_x(e.name)}</data><data key="type">{e.type}</data>')
        out.write(f'<data key="mentions">{sum(c for _, c in e.aliases)}</data></node>\n')
    n = 0
    for c in store.claims():
        rec = view.claim_record(c)
        target = (rec["object"] or {}).get("entity")
        if not rec["subject"] or not target:
            continue
        g = groups.get(rec["group"] or "")
        out.write(f"    <edge id={quoteattr(c.id)} source={quoteattr(rec['subject'])} target={quoteattr(target)}>")
        out.write(f'<data key="predicate">{c.predicate}</data><data key="modality">{rec["modality"]}</data>')
        out.write(f'<data key="grade">{g.grade if g else ""}</data><data key="support">{g.support if g else 1}</data>')
        out.write(f'<data key="claim">{c.id}</data><data key="evidence">{_x(c.evidence.text)}</data></edge>\n')
        n += 1
    out.write("  </graph>\n</graphml>\n")
    return n


def _x(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
