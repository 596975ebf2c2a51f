"""GraphML export: entities as nodes, entity-to-entity claims as edges with grade and support."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TextIO

from claimgraph.query import EXPORT_CHUNK, View
from claimgraph.store.base import Store

KEYS = [("node", "name", "string"), ("node", "type", "string"), ("node", "mentions", "int"),
        ("edge", "predicate", "string"), ("edge", "modality", "string"), ("edge", "grade", "string"),
        ("edge", "support", "int"), ("edge", "claim", "string"), ("edge", "evidence", "string")]


def graphml_chunks(store: Store) -> Iterator[str]:
    """The GraphML document a node or an edge at a time; a count of edges is not needed to start."""
    groups = {g.id: g for g in store.groups()}
    yield '<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
    for domain, name, type_ in KEYS:
        yield f'  <key id="{name}" for="{domain}" attr.name="{name}" attr.type="{type_}"/>\n'
    yield '  <graph id="claimgraph" edgedefault="directed">\n'
    for e in store.entities():
        yield (f"    <node id={quoteattr(e.id)}><data key=\"name\">{_x(e.name)}</data><data key=\"type\">{e.type}</data>"
               f'<data key="mentions">{sum(c for _, c in e.aliases)}</data></node>\n')
    claims = store.claims()
    view = View(store)
    for i, c in enumerate(claims):
        if i % EXPORT_CHUNK == 0:
            view = View(store, claims[i : i + EXPORT_CHUNK])
        rec = view.claim_record(c)
        target = (rec["object"] or {}).get("entity")
        if not rec["subject"] or not target:
            continue
        g = groups.get(rec["group"] or "")
        yield (f"    <edge id={quoteattr(c.id)} source={quoteattr(rec['subject'])} target={quoteattr(target)}>"
               f'<data key="predicate">{c.predicate}</data><data key="modality">{rec["modality"]}</data>'
               f'<data key="grade">{g.grade if g else ""}</data><data key="support">{g.support if g else 1}</data>'
               f'<data key="claim">{c.id}</data><data key="evidence">{_x(c.evidence.text)}</data></edge>\n')
    yield "  </graph>\n</graphml>\n"


def write_graphml(store: Store, out: TextIO) -> int:
    n = 0
    for chunk in graphml_chunks(store):
        out.write(chunk)
        n += chunk.startswith("    <edge ")
    return n


def quoteattr(text: str) -> str:
    """An XML attribute value with its quotes, as xml.sax.saxutils.quoteattr writes it (without
    importing it: it pulls in urllib and the network stack, a tenth of a second)."""
    text = _x(text).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in text:
        return f'"{text}"'
    return f"'{text}'" if "'" not in text else '"' + text.replace('"', "&quot;") + '"'



def _x(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
