"""HTML pages: main text and metadata with trafilatura."""

from __future__ import annotations

import trafilatura

from claimgraph.errors import InputError
from claimgraph.ingest.article import RawArticle
from claimgraph.ingest.text import parse_date


def parse_html(html: str, source: str) -> RawArticle:
    doc = trafilatura.bare_extraction(
        html, url=source if source.startswith("http") else None, with_metadata=True,
        include_comments=True, include_tables=False, favor_precision=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None or isinstance(doc, dict) or not doc.text:
        raise InputError(source, "no article text found in the HTML page")
    body = doc.text.strip()
    title = doc.title
    if title and not body.startswith(title):
        body = f"{title}\n\n{body}"  # the headline stays in the text, as for plain text
    comments = (getattr(doc, "comments", None) or "").strip()
    comment_start = None
    if comments:
        comment_start = len(body) + 2
        body = f"{body}\n\n{comments}"
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    return RawArticle(
        source=source, text=body, title=title, publisher=doc.sitename or doc.hostname,
        authors=authors, published=parse_date(doc.date), comment_start=comment_start,
    )
