"""The only place that knows the order of the stages: ingest → nlp → extract → resolve → reason → store.

With `settings.workers` > 1 or a `settings.scheduler`, parsing and extraction run on a Dask
cluster's workers (claimgraph.cluster) and everything else here, so the graph is the same.

Writers take turns (claimgraph.lock): an ingest reads, analyses and stores its documents one
transaction each, then resolves and grades, while no other writer runs. Files are read in path
order, so the same files make the same graph. No input stops a run: a file or a document that
cannot be read or analysed is skipped with a one-line reason, and the documents around it are
stored and resolved as usual.
"""

from __future__ import annotations

import gc
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from claimgraph.analysis import Analysed, analyse_articles, failure_reason
from claimgraph.analysis import document_extractors as document_extractors  # where callers found it first
from claimgraph.errors import InputError
from claimgraph.extract.document import Extraction, extract_document
from claimgraph.ingest.dedupe import NearDuplicateIndex, document_id
from claimgraph.ingest.files import RawArticle, article_from_text, discover, read_file, source_name
from claimgraph.lock import writer_lock
from claimgraph.model import Document
from claimgraph.reason.grading import reason_over
from claimgraph.resolve.linking import KnownNames, link_known_names
from claimgraph.resolve.resolver import Resolver
from claimgraph.settings import Settings
from claimgraph.store.base import Store

Progress = Callable[[str], None]
Analyser = Callable[[Iterable[Document], Settings], Iterator[Analysed]]


@dataclass
class IngestReport:
    new: list[str] = field(default_factory=list)  # document ids
    already_known: list[str] = field(default_factory=list)  # sources whose text is stored already
    near_duplicates: list[tuple[str, str]] = field(default_factory=list)  # (document id, duplicate_of)
    not_analysed: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)


def count_files(paths: Iterable[str | Path]) -> int:
    return sum(1 for f in discover(list(paths)) if not isinstance(f, InputError))


def ingest_paths(store: Store, paths: Iterable[str | Path], settings: Settings,
                 progress: Progress | None = None, on_wait: Progress | None = None) -> IngestReport:
    """Ingest files and folders; every finished document is committed before the next starts."""
    report = IngestReport()
    with writer_lock(store.path, on_wait):
        linked: list[tuple[Document, np.ndarray]] = []
        with _fewer_collections(), _resolved_afterwards(store), _analyser(settings, progress) as analyse:
            # with a cluster, the workers report each document they analysed; here, each file read
            articles = _read_all(store, report, paths, settings, progress if analyse is analyse_articles else None)
            _ingest(store, articles, settings, report, analyse, linked)
            _store_linked(store, linked, report)
    return report


def ingest_texts(store: Store, texts: Iterable[str | tuple[str, str]], settings: Settings,
                 on_wait: Progress | None = None) -> IngestReport:
    """Ingest texts given in Python: a plain string, or (source, text)."""
    report = IngestReport()
    articles = []
    for i, item in enumerate(texts):
        source, text = item if isinstance(item, tuple) else (f"text:{i}", item)
        articles.append(article_from_text(text, source))
    linked: list[tuple[Document, np.ndarray]] = []
    with writer_lock(store.path, on_wait), _fewer_collections(), _resolved_afterwards(store), _analyser(settings) as analyse:
        _ingest(store, articles, settings, report, analyse, linked)
        _store_linked(store, linked, report)
    return report


@contextmanager
def _fewer_collections(young: int = 10_000) -> Iterator[None]:
    """Collect the young generation every `young` new objects instead of every 700 while a
    batch is ingested: extraction makes many short-lived objects and few reference cycles
    (147 news texts: 533 young collections, down to under 100)."""
    before = gc.get_threshold()
    gc.set_threshold(young, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _analyser(settings: Settings, progress: Progress | None = None) -> AbstractContextManager[Analyser]:
    """Where the documents are analysed: here, or on a Dask cluster's workers (which then report
    each document as it is done)."""
    from claimgraph import cluster

    if cluster.distributed(settings):
        return cluster.cluster_analyser(settings, progress)
    return nullcontext(analyse_articles)


def update_graph(store: Store, full: bool = False, on_wait: Progress | None = None) -> None:
    """Resolve new mentions into entities and regrade what they touched; `full` rebuilds
    everything from scratch (the same code over every mention and every subject)."""
    with writer_lock(store.path, on_wait):
        if full or store.needs_rebuild():
            _rebuild(store)
        else:
            _update(store)


def _rebuild(store: Store) -> None:
    resolver = Resolver(judgements=store.judgements(), alias_claims=store.claims(predicate="alias"))
    entities, links = resolver.resolve(store.mentions())
    live = {e.id for e in entities}
    store.save_resolution(resolver.index.rows(live), links, reset=True, keys=resolver.index.keys_of(live))
    _regrade(store, None)


def _update(store: Store) -> None:
    """One ingest's new mentions, resolved against candidates the store finds by their blocking
    keys; then the subjects of the new claims, and of every claim that names an entity whose
    name changed, regraded."""
    todo = store.unresolved_mentions()
    if not todo:
        return
    documents = sorted({m.document for m in todo})
    resolver = Resolver(judgements=store.judgements(), alias_claims=store.claims(predicate="alias", documents=documents),
                        source=store)
    entities, links = resolver.resolve(todo)
    touched = {e.id for e in entities}
    store.save_resolution(resolver.index.rows(touched), links, keys=resolver.index.keys_of(touched))
    _regrade(store, store.subjects_of_documents(documents) | store.subjects_naming(resolver.index.renamed(touched)))


def _regrade(store: Store, subjects: set[str] | None) -> None:
    """Groups, grades and conflicts of `subjects` (of everything when None) computed anew."""
    if subjects is None:
        claims = store.claims()
    elif not subjects:
        return
    else:
        claims = store.claims_about(subjects)
    mention_entity = store.entities_of_mentions(
        [m for c in claims for m in (c.subject, c.claimant, c.place, c.agent, (c.object or {}).get("mention")) if m])
    documents = store.documents_meta({c.document for c in claims})
    while missing := {d.duplicate_of for d in documents.values() if d.duplicate_of and d.duplicate_of not in documents}:
        documents.update(store.documents_meta(missing))  # the originals that near-copies fold into
    publisher_of = store.publisher_entities(documents)
    names = store.entity_names({*mention_entity.values(), *publisher_of.values()})
    reasoning = reason_over(claims=claims, mention_entity=mention_entity, documents=documents,
                            entities={}, publisher_of=publisher_of, names=names)
    store.save_reasoning(reasoning.groups, reasoning.conflicts, reasoning.memberships, reasoning.conflict_support,
                         subjects=subjects)


@contextmanager
def _resolved_afterwards(store: Store) -> Iterator[None]:
    """Resolve and grade what was stored when the block ends, also when it ends in an error (not
    on Ctrl-C: the next run resolves): a stored document never waits for a later run."""
    try:
        yield
    except Exception:
        update_graph(store)
        raise
    update_graph(store)


def store_document(store: Store, doc: Document, sig: np.ndarray, extraction: Extraction,
                   index: NearDuplicateIndex | None = None) -> bool:
    """Store a document with its extraction and file its signature in the near-copy index."""
    bands = (index or NearDuplicateIndex(0.7)).band_keys(sig)
    return store.add_document(doc, sig.tobytes(), extraction.mentions, extraction.statements, extraction.claims, bands)


def _skip(store: Store, report: IngestReport, error: InputError) -> None:
    report.skipped.append((error.source, error.reason))
    store.record_skip(error.source, error.reason)


def _read(store: Store, report: IngestReport, item: Path | InputError, settings: Settings) -> list[RawArticle]:
    """The articles of one discovered file; what cannot be read is recorded as skipped."""
    if isinstance(item, InputError):
        _skip(store, report, item)
        return []
    try:
        found = read_file(item, settings.max_bytes)
    except InputError as exc:
        found = [exc]
    except Exception as exc:  # a parser's own failure on a hostile file (RecursionError, ...)
        found = [InputError(source_name(item), f"cannot be read ({failure_reason(exc)})")]
    articles = []
    for art in found:
        if isinstance(art, InputError):
            _skip(store, report, art)
        else:
            articles.append(art)
    return articles


def _read_all(store: Store, report: IngestReport, paths: Iterable[str | Path], settings: Settings,
              progress: Progress | None) -> Iterator[RawArticle]:
    """The articles of every file, read as they are asked for (in path order)."""
    for item in discover(list(paths)):
        yield from _read(store, report, item, settings)
        if progress and not isinstance(item, InputError):
            progress(source_name(item))


def _ingest(store: Store, articles: Iterable[RawArticle], settings: Settings, report: IngestReport,
            analyse: Analyser, linked: list[tuple[Document, np.ndarray]]) -> None:
    """Analyse and store the articles, each as its analysis comes back, in order. The analyser
    takes each new document as it is read (a cluster works on the first ones while the next are
    read) and gives back its language and near-copy signature with its extraction. Near-copies
    are searched when a document is stored: among the stored documents (the store's LSH buckets)
    and this run's others, every one before it. A report in a language no analyser reads is put
    in `linked`, stored once this run's entities are resolved (`_store_linked`)."""
    index = NearDuplicateIndex(settings.duplicate_threshold)
    waiting: deque[Document] = deque()  # sent to the analyser, not back yet

    def new_documents() -> Iterator[Document]:
        seen: set[str] = set()
        for art in articles:
            if len(art.text.strip()) < settings.min_chars:
                _skip(store, report, InputError(art.source, "no article text (empty after removing page furniture)"))
                continue
            doc_id = document_id(art.text)
            if doc_id in seen or store.has_document(doc_id):
                report.already_known.append(art.source)
                continue
            seen.add(doc_id)
            waiting.append(Document(id=doc_id, source=art.source, text=art.text, title=art.title, publisher=art.publisher,
                                    authors=tuple(art.authors), published=art.published,
                                    comment_start=art.comment_start))
            yield waiting[-1]

    for analysed in analyse(new_documents(), settings):
        doc = _filed(store, report, waiting.popleft(), analysed, index)
        if analysed.outcome is None:
            linked.append((doc, analysed.signature))
        elif isinstance(analysed.outcome, InputError):
            _skip(store, report, analysed.outcome)
        elif store_document(store, doc, analysed.signature, analysed.outcome, index):
            report.new.append(doc.id)
        else:
            report.already_known.append(doc.source)


def _filed(store: Store, report: IngestReport, doc: Document, analysed: Analysed, index: NearDuplicateIndex) -> Document:
    """The document with its language, status and earliest near-copy; its signature filed."""
    status, reason = "analysed", None
    if analysed.outcome is None:
        status, reason = "linked", f"language '{analysed.language}': linked by the names of known entities, no claims extracted"
        report.not_analysed.append((doc.source, reason))
    sig = analysed.signature
    duplicate_of = index.find(sig, store.near_copy_candidates(index.band_keys(sig), index.SCAN))
    if duplicate_of:
        report.near_duplicates.append((doc.id, duplicate_of))
    index.add(doc.id, sig)
    return replace(doc, language=analysed.language, duplicate_of=duplicate_of, status=status, status_reason=reason)


def _store_linked(store: Store, linked: list[tuple[Document, np.ndarray]], report: IngestReport) -> None:
    """Reports no analyser reads, stored with a mention wherever they name an entity the store
    knows, this run's reports included (they are resolved first)."""
    if not linked:
        return
    update_graph(store)
    known = KnownNames.of(store.entities())
    for doc, sig in linked:
        extraction = extract_document(doc, None)
        extraction.mentions.extend(link_known_names(doc, known))
        if store_document(store, doc, sig, extraction):
            report.new.append(doc.id)
        else:
            report.already_known.append(doc.source)
    linked.clear()
