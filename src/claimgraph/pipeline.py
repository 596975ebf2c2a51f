"""The only place that knows the order of the stages: ingest → nlp → extract → resolve → reason → store."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from claimgraph.errors import ClaimgraphError, InputError
from claimgraph.extract.claims import DocumentExtractor
from claimgraph.extract.document import extract_document
from claimgraph.ingest.dedupe import NearDuplicateIndex, document_id, signature
from claimgraph.ingest.files import RawArticle, article_from_text, discover, read_file
from claimgraph.ingest.language import detect_language
from claimgraph.model import Document
from claimgraph.nlp.pipeline import load_pipeline
from claimgraph.reason.grading import reason_over
from claimgraph.resolve.resolver import Resolver
from claimgraph.settings import Settings
from claimgraph.store.sqlite import SQLiteStore

Progress = Callable[[str], None]


@dataclass
class IngestReport:
    new: list[str] = field(default_factory=list)  # document ids
    already_known: list[str] = field(default_factory=list)  # sources whose text is stored already
    near_duplicates: list[tuple[str, str]] = field(default_factory=list)  # (document id, duplicate_of)
    not_analysed: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)


def count_files(paths: Iterable[str | Path]) -> int:
    return sum(1 for f in discover(list(paths)) if not isinstance(f, InputError))


def ingest_paths(store: SQLiteStore, paths: Iterable[str | Path], settings: Settings,
                 progress: Progress | None = None) -> IngestReport:
    """Ingest files and folders; every finished document is committed before the next starts."""
    report = IngestReport()
    batch: list[RawArticle] = []
    index = _duplicate_index(store, settings)
    for item in discover(list(paths)):
        if isinstance(item, InputError):
            _skip(store, report, item)
            continue
        try:
            articles = read_file(item, settings.max_bytes)
        except InputError as exc:
            _skip(store, report, exc)
            articles = []
        for art in articles:
            if isinstance(art, InputError):
                _skip(store, report, art)
            else:
                batch.append(art)
        if len(batch) >= settings.batch_size:
            _ingest_batch(store, batch, settings, index, report)
            batch = []
        if progress:
            progress(str(item))
    _ingest_batch(store, batch, settings, index, report)
    update_graph(store)
    return report


def ingest_texts(store: SQLiteStore, texts: Iterable[str | tuple[str, str]], settings: Settings) -> IngestReport:
    """Ingest texts given in Python: a plain string, or (source, text)."""
    report = IngestReport()
    index = _duplicate_index(store, settings)
    articles = []
    for i, item in enumerate(texts):
        source, text = item if isinstance(item, tuple) else (f"text:{i}", item)
        articles.append(article_from_text(text, source))
    _ingest_batch(store, articles, settings, index, report)
    update_graph(store)
    return report


def update_graph(store: SQLiteStore, full: bool = False) -> None:
    """Resolve new mentions into entities (incrementally unless `full`), then regrade claims."""
    resolver = Resolver(
        existing=store.mentions() if not full else [],
        judgements=store.judgements(),
        alias_claims=store.claims(predicate="alias"),
    )
    todo = store.mentions() if full else store.unresolved_mentions()
    entities, links = resolver.resolve(todo)
    store.save_resolution(entities, links, reset=full)
    mention_entity = store.mention_entities()
    publisher_of = {m.document: mention_entity[m.id] for m in store.mentions() if m.label == "meta/publisher" and m.id in mention_entity}
    reasoning = reason_over(
        claims=store.claims(), mention_entity=mention_entity, documents={d.id: d for d in store.documents()},
        entities={e.id: e for e in store.entities()}, publisher_of=publisher_of,
    )
    store.save_reasoning(reasoning.groups, reasoning.conflicts, reasoning.memberships, reasoning.conflict_support)


EXTRACTORS = ("rules", "rules+learned")


def document_extractors(settings: Settings) -> list[DocumentExtractor]:
    """The extractors that run beside the rules, as `settings.extractor` asks."""
    if settings.extractor not in EXTRACTORS:
        raise ClaimgraphError(f"unknown extractor {settings.extractor!r}; use one of: {', '.join(EXTRACTORS)}")
    if settings.extractor == "rules":
        return []
    from claimgraph.extract.learned.extractor import load_extractor  # onnxruntime only when asked for

    return [load_extractor()]


def _duplicate_index(store: SQLiteStore, settings: Settings) -> NearDuplicateIndex:
    index = NearDuplicateIndex(settings.duplicate_threshold)
    for doc_id, sig in store.signatures():
        index.add(doc_id, np.frombuffer(sig, dtype=np.uint64))
    return index


def _skip(store: SQLiteStore, report: IngestReport, error: InputError) -> None:
    report.skipped.append((error.source, error.reason))
    store.record_skip(error.source, error.reason)


def _ingest_batch(store: SQLiteStore, batch: list[RawArticle], settings: Settings,
                  index: NearDuplicateIndex, report: IngestReport) -> None:
    documents: list[tuple[Document, np.ndarray]] = []
    seen: set[str] = set()
    for art in batch:
        if len(art.text.strip()) < settings.min_chars:
            _skip(store, report, InputError(art.source, "no article text (empty after removing page furniture)"))
            continue
        doc_id = document_id(art.text)
        if doc_id in seen or store.has_document(doc_id):
            report.already_known.append(art.source)
            continue
        seen.add(doc_id)
        sig = signature(art.text)
        language = detect_language(art.text)
        status, reason = "analysed", None
        if language != "en":
            status, reason = "not-analysed", f"language '{language}' is not supported yet (English only)"
            report.not_analysed.append((art.source, reason))
        duplicate_of = index.find(sig)
        if duplicate_of:
            report.near_duplicates.append((doc_id, duplicate_of))
        index.add(doc_id, sig)
        documents.append((Document(
            id=doc_id, source=art.source, text=art.text, title=art.title, publisher=art.publisher,
            authors=tuple(art.authors), published=art.published, language=language, duplicate_of=duplicate_of,
            comment_start=art.comment_start, status=status, status_reason=reason,
        ), sig))
    english = [d for d, _ in documents if d.status == "analysed"]
    parsed = dict(zip((d.id for d in english), load_pipeline().pipe((d.text for d in english), batch_size=settings.batch_size), strict=True)) if english else {}
    extra = document_extractors(settings)
    for doc, sig in documents:
        extraction = extract_document(doc, parsed.get(doc.id), extra)
        if store.add_document(doc, sig.tobytes(), extraction.mentions, extraction.statements, extraction.claims):
            report.new.append(doc.id)
        else:
            report.already_known.append(doc.source)
