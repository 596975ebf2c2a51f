"""The work done a document at a time: language, near-copy signature, then nlp → extract, piece
by piece, in document order (`analyse_articles`: here, or on a cluster's worker).

A document is analysed in pieces of at most `settings.chunk_chars` characters
(claimgraph.nlp.chunks), each extracted as a document of its own and put back together with exact
offsets (claimgraph.extract.pieces). A long document — PARALLEL_PIECES pieces or more — has its
pieces analysed at once by `settings.piece_processes` processes forked from this one once its
language's pipeline is loaded (they share the loaded model; 0 means one a core, 1 none): a piece's
extraction depends on that piece alone, so the result is the one a single process gives.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import islice

import numpy as np
from spacy.tokens import Doc

from claimgraph.errors import ClaimgraphError, InputError
from claimgraph.extract.claims import DocumentExtractor
from claimgraph.extract.document import Extraction, extract_document
from claimgraph.extract.pieces import merge_pieces, piece_document
from claimgraph.ingest.article import printable
from claimgraph.ingest.dedupe import signature
from claimgraph.ingest.language import detect_language
from claimgraph.model import Document
from claimgraph.nlp.chunks import parse_in_parts, pipe_in_parts, split_text
from claimgraph.nlp.languages import ANALYSED, load_language
from claimgraph.settings import Settings

EXTRACTORS = ("rules", "rules+learned")
# a document of this many pieces (150,000 characters or more at the default piece size) is
# analysed by several processes: below it, the gain is a few seconds and a second copy of the process
PARALLEL_PIECES = 4

Pieces = list[tuple[int, str]]  # (offset, text)


@dataclass(frozen=True, slots=True)
class Analysed:
    """What the analysis of one document gives back to the writer."""

    language: str  # ISO 639-1, as detected
    signature: np.ndarray  # its MinHash, for near-copy search
    outcome: Extraction | InputError | None  # None: a language no analyser reads (linked by names only)


def analyse_articles(given: Iterable[Document], settings: Settings) -> Iterator[Analysed]:
    """Each document's language, near-copy signature and, in a language analysed in full, its
    extraction; in order, `settings.batch_size` documents at a time (spaCy parses them as one
    batch). Wherever it runs — here or on a cluster's worker — it gives the same."""
    stream = iter(given)
    while batch := list(islice(stream, settings.batch_size)):
        languages = [detect_language(d.text) for d in batch]
        signatures = [signature(d.text) for d in batch]
        full = [replace(d, language=lang) for d, lang in zip(batch, languages, strict=True) if lang in ANALYSED]
        extractions = analyse_documents(full, settings)
        for lang, sig in zip(languages, signatures, strict=True):
            yield Analysed(lang, sig, next(extractions) if lang in ANALYSED else None)


def document_extractors(settings: Settings) -> list[DocumentExtractor]:
    """The extractors that run beside the rules, as `settings.extractor` asks."""
    if settings.extractor not in EXTRACTORS:
        raise ClaimgraphError(f"unknown extractor {settings.extractor!r}; use one of: {', '.join(EXTRACTORS)}")
    if settings.extractor == "rules":
        return []
    try:  # onnxruntime and tokenizers only when asked for
        from claimgraph.extract.learned.extractor import load_extractor
    except ImportError as exc:
        raise ClaimgraphError(f"the learned extractor needs onnxruntime and tokenizers ({exc.name} is missing): "
                              "pip install 'claimgraph[learned]'") from exc
    return [load_extractor()]


def failure_reason(exc: BaseException) -> str:
    """An unexpected error as one line of a skip reason."""
    return printable(f"{type(exc).__name__}: {exc}")[:200]


def piece_processes(settings: Settings, pieces: int) -> int:
    """How many processes analyse a document of `pieces` pieces at once (1: this one alone). A
    daemonic process (a Dask or multiprocessing worker) may not have children of its own."""
    if pieces < PARALLEL_PIECES or multiprocessing.current_process().daemon:
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(pieces, settings.piece_processes or cores))


def analyse_documents(given: Iterable[Document], settings: Settings) -> Iterator[Extraction | InputError]:
    """Each document's extraction, in order, analysed piece by piece as the parses of its
    language's pipeline stream in (a long document's pieces in processes of their own); a document
    that fails comes back as an InputError."""
    documents = list(given)
    languages = sorted({d.language or "en" for d in documents})
    extra = document_extractors(settings) if "en" in languages else []
    pieces: dict[str, Pieces] = {}
    streams = {}
    for language in languages:
        mine = [d for d in documents if (d.language or "en") == language]
        limit = min(settings.chunk_chars, load_language(language).max_length)
        pieces.update({d.id: split_text(d.text, limit) for d in mine})
        serial = [text for d in mine if piece_processes(settings, len(pieces[d.id])) == 1 for _, text in pieces[d.id]]
        streams[language] = _parse(serial, settings, language)
    for doc in documents:
        language = doc.language or "en"
        own_extra = extra if language == "en" else []
        processes = piece_processes(settings, len(pieces[doc.id]))
        if processes > 1:
            outcome = _in_processes(doc, pieces[doc.id], language, own_extra, processes)
        else:
            outcome = _in_turn(doc, pieces[doc.id], streams[language], own_extra)
        yield InputError(doc.source, f"cannot be analysed ({outcome})") if isinstance(outcome, str) else merge_pieces(doc, outcome)


def _in_turn(doc: Document, pieces: Pieces, parses: Iterator[Doc | Exception],
             extra: list[DocumentExtractor]) -> list[tuple[int, Extraction]] | str:
    """The document's pieces extracted here, from the parses of the stream (one a piece); or why
    the first piece that failed did."""
    parts: list[tuple[int, Extraction]] = []
    failure: Exception | None = None
    for number, (offset, text) in enumerate(pieces):
        parsed = next(parses)
        if isinstance(parsed, Exception):
            failure = failure or parsed
        elif failure is None:
            try:
                parts.append((offset, extract_document(piece_document(doc, number, offset, text), parsed, extra)))
            except Exception as exc:
                failure = exc
            finally:
                parsed.user_data.clear()  # its caches hold its tokens, which hold it: freed now, not by the collector
    return failure_reason(failure) if failure else parts


# what the processes forked for one document read: set in each of them when it starts
_forked: tuple[Document, Pieces, str, list[DocumentExtractor]] | None = None


def _in_processes(doc: Document, pieces: Pieces, language: str, extra: list[DocumentExtractor],
                  processes: int) -> list[tuple[int, Extraction]] | str:
    """The document's pieces parsed and extracted by `processes` processes forked from this one
    (with the pipeline loaded: nothing is loaded or pickled but each piece's extraction), taken
    in piece order; or why the first piece that failed did."""
    load_language(language)
    task = (doc, pieces, language, extra)
    with multiprocessing.get_context("fork").Pool(processes, initializer=_receive, initargs=(task,)) as pool:
        parts = []
        for outcome in pool.imap(_analyse_piece, range(len(pieces))):
            if isinstance(outcome, str):
                return outcome
            parts.append(outcome)
    return parts


def _receive(task: tuple[Document, Pieces, str, list[DocumentExtractor]]) -> None:
    global _forked  # in a forked process of its own, never in the one that forks
    _forked = task


def _analyse_piece(number: int) -> tuple[int, Extraction] | str:
    assert _forked is not None, "a piece is analysed only in a process forked for its document"
    doc, pieces, language, extra = _forked
    offset, text = pieces[number]
    try:
        parsed = parse_in_parts(load_language(language), text)
        return offset, extract_document(piece_document(doc, number, offset, text), parsed, extra)
    except Exception as exc:
        return failure_reason(exc)


def _parse(texts: list[str], settings: Settings, language: str = "en") -> Iterator[Doc | Exception]:
    """The parses of `texts` by the language's pipeline, in order; when a batch fails, the rest
    are parsed one by one so that the failure is pinned on its own text."""
    nlp = load_language(language)
    done = 0
    # pieces of a long document go two at a time: the parser's memory grows with the batch's length
    batch = max(1, min(settings.batch_size, 2 * settings.chunk_chars // max([1, *map(len, texts)])))
    stream = pipe_in_parts(nlp, texts, batch)
    while done < len(texts):
        try:
            parsed = next(stream)
        except Exception:  # retried one by one below, where the failing text is named
            break
        done += 1
        yield parsed
    for text in texts[done:]:
        try:
            yield parse_in_parts(nlp, text)
        except Exception as exc:
            yield exc
