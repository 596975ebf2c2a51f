"""A large store for the benchmarks, built in the benchmark and never committed: the reports of
../shared/eval/*/docs (ECB+, Re-DocRED) and mixtures of two of them.

Each base report is parsed and extracted once; a mixture ("report A, then report B") reuses the
two extractions, moved by B's offset and given ids of its own, so that a store of 10,000
documents takes minutes, not hours, while its names, claims and near-copies are those of real
reports. The store is resolved and graded by the program's own full rebuild.
"""

from __future__ import annotations

import pickle
import random
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from claimgraph.extract.document import Extraction, extract_document
from claimgraph.ingest.dedupe import document_id, signature
from claimgraph.ingest.files import article_from_text, discover, read_file
from claimgraph.model import Claim, Document, Mention, Statement
from claimgraph.nlp.pipeline import load_pipeline

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"

Analysed = tuple[Document, Extraction]


def base_texts() -> list[str]:
    """The texts of ../shared/eval/*/docs, in path order (the example corpus without ../shared)."""
    folders = sorted(EVAL.glob("*/docs")) or [ROOT / "examples" / "corpus"]
    out = []
    for f in discover(folders):
        if isinstance(f, Path) and f.suffix == ".txt":
            out.extend(a.text for a in read_file(f, 5_000_000) if not isinstance(a, Exception) and len(a.text) > 200)
    return out


def document(text: str, source: str) -> Document:
    art = article_from_text(text, source)
    return Document(id=document_id(art.text), source=source, text=art.text, title=art.title, publisher=art.publisher,
                    authors=tuple(art.authors), published=art.published, language="en")


def analyse(texts: list[str], cache: Path | None = None) -> list[Analysed]:
    """Every text parsed and extracted (kept in `cache` between runs when given)."""
    if cache and cache.exists():
        with cache.open("rb") as fh:
            cached: list[Analysed] = pickle.load(fh)
        if [d.text for d, _ in cached] == [document(t, "").text for t in texts]:
            return cached
    docs = [document(t, f"base:{i}") for i, t in enumerate(texts)]
    nlp = load_pipeline()
    out = [(d, extract_document(d, parsed)) for d, parsed in zip(docs, nlp.pipe([d.text for d in docs], batch_size=16),
                                                                 strict=True)]
    if cache:
        with cache.open("wb") as fh:
            pickle.dump(out, fh)
    return out


def _moved(value: Any, tag: str, shift: int) -> Any:
    """A mention id (or an object pointing at one) under the mixture's own ids."""
    if isinstance(value, str):
        return f"{value}@{tag}"
    if isinstance(value, dict) and "mention" in value:
        return {**value, "mention": f"{value['mention']}@{tag}"}
    return value


def _part(analysed: Analysed, doc_id: str, tag: str, shift: int) -> Extraction:
    src, ex = analysed
    def at(x: int | None) -> int | None:
        return None if x is None else x + shift
    mentions = [replace(m, id=f"{m.id}@{tag}", document=doc_id, start=at(m.start), end=at(m.end),
                        antecedent=_moved(m.antecedent, tag, shift) if m.antecedent else None) for m in ex.mentions]
    statements = [replace(s, id=f"{s.id}@{tag}", document=doc_id, source=_moved(s.source, tag, shift) if s.source else None,
                          content=replace(s.content, start=s.content.start + shift, end=s.content.end + shift))
                  for s in ex.statements]
    claims = [replace(c, id=f"{c.id}@{tag}", document=doc_id, subject=f"{c.subject}@{tag}", object=_moved(c.object, tag, shift),
                      place=_moved(c.place, tag, shift) if c.place else None,
                      agent=_moved(c.agent, tag, shift) if c.agent else None,
                      claimant=_moved(c.claimant, tag, shift) if c.claimant else None,
                      statement=f"{c.statement}@{tag}" if c.statement else None,
                      evidence=replace(c.evidence, start=c.evidence.start + shift, end=c.evidence.end + shift))
              for c in ex.claims]
    return Extraction(mentions, statements, claims)


def mixture(a: Analysed, b: Analysed, number: int) -> tuple[Document, Extraction]:
    """Report A, a blank line, report B: one new document whose extraction is both of theirs."""
    text = f"{a[0].text}\n\n{b[0].text}"
    doc = replace(a[0], id=document_id(text), source=f"mixture:{number}", text=text)
    first, second = _part(a, doc.id, f"{number}a", 0), _part(b, doc.id, f"{number}b", len(a[0].text) + 2)
    return doc, Extraction(first.mentions + second.mentions, first.statements + second.statements,
                           first.claims + second.claims)


def archive(base: list[Analysed], seed: int = 13) -> Iterator[tuple[Document, Extraction]]:
    """The base reports, then mixtures of two of them, without end (the same sequence every run)."""
    rng = random.Random(seed)
    yield from base
    number = 0
    while True:
        i, j = rng.sample(range(len(base)), 2)
        yield mixture(base[i], base[j], number)
        number += 1


def mixture_texts(texts: list[str], n: int, seed: int) -> list[str]:
    """`n` new reports of the usual length for ingesting through the whole pipeline (the articles
    a benchmark adds): the first half of one report's lines, then the second half of another's."""
    rng = random.Random(seed)
    out = []
    for i, j in (rng.sample(range(len(texts)), 2) for _ in range(n)):
        a, b = texts[i].splitlines(), texts[j].splitlines()
        out.append("\n".join(a[: max(1, len(a) // 2)] + b[len(b) // 2 :]))
    return out


def fill(store: Any, documents: Iterator[tuple[Document, Extraction]], n: int) -> None:
    """Store `n` more documents with their extractions (unresolved: the caller resolves)."""
    from claimgraph import pipeline

    keep = getattr(pipeline, "store_document", None)  # files the document's near-copy keys too
    stored = 0
    while stored < n:
        doc, ex = next(documents)
        sig = signature(doc.text)
        if keep:
            stored += bool(keep(store, doc, sig, ex))
        else:
            stored += bool(store.add_document(doc, sig.tobytes(), ex.mentions, ex.statements, ex.claims))


__all__ = ["Claim", "Mention", "Statement", "analyse", "archive", "base_texts", "fill", "mixture_texts"]
