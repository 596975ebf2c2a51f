"""Run the extractor on sentences written for the tests."""

from __future__ import annotations

from claimgraph.extract.document import extract_document
from claimgraph.ingest.dedupe import document_id
from claimgraph.model import Document
from claimgraph.nlp.pipeline import load_pipeline


def extract(text: str, publisher: str | None = "Test Wire", published: str | None = "2020-06-10", comment_start: int | None = None,
            title: str | None = None):
    doc = Document(id=document_id(text), source="test", text=text, publisher=publisher, published=published,
                   language="en", comment_start=comment_start, title=title)
    out = extract_document(doc, load_pipeline()(text))
    names = {m.id: m.text for m in out.mentions}
    return doc, out, names


def claims_of(text: str, predicate: str, **kwargs):
    doc, out, names = extract(text, **kwargs)
    rows = []
    for c in out.claims:
        if c.predicate != predicate:
            continue
        obj = c.object or {}
        rows.append({
            "subject": names[c.subject], "object": names.get(obj.get("mention", "")) or obj.get("value"),
            "claimant": names.get(c.claimant or ""), "modality": str(c.modality), "time": (c.time or {}).get("start"),
            "agent": names.get(c.agent or ""), "evidence": c.evidence, "claim": c,
        })
    return rows
