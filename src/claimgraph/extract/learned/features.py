"""From candidates to the numbers the heads read: one encoder pass per sentence, then pooled
word-piece vectors.

A mention's vector is the mean of its word pieces; a sentence's is the mean of all its pieces
(how all-MiniLM-L6-v2 pools). A pair reads [subject; object; subject*object; the words between
them; the sentence(s); the trigger word] and a one-hot of the two types and of where each sits;
a status reads [entity; sentence; the word governing it] and the entity's type. Training builds the same `Plan` and multiplies the
same pooling matrix with torch, so the two cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from spacy.tokens import Doc
from tokenizers import Tokenizer

from claimgraph.extract.learned.candidates import TYPES, Pair, Sentence, Single

MAX_PIECES = 128
PLACES = 4  # same sentence subject first, same sentence object first, subject a sentence before, object a sentence before
PAIR_EXTRA = 2 * len(TYPES) + PLACES
SINGLE_EXTRA = len(TYPES)
PAIR_VECTORS = 6  # subject, object, their product, the words between, the sentence(s), the trigger word
SINGLE_VECTORS = 3  # the name, the sentence, the word governing it


def load_tokenizer(path: str) -> Tokenizer:
    tok = Tokenizer.from_file(path)
    tok.enable_truncation(MAX_PIECES)
    tok.no_padding()
    return tok


@dataclass
class Plan:
    """What to encode and how to pool it, for one batch of sentences."""

    ids: np.ndarray  # (sentences, length) int64
    mask: np.ndarray  # (sentences, length) int64
    rows: list[list[tuple[int, int, int]]] = field(default_factory=list)  # per pooled vector: (sentence, start, end)
    pairs: list[tuple[int, int, int, int, int, int]] = field(default_factory=list)  # subject, object, between, context, context2, trigger
    pair_extra: list[np.ndarray] = field(default_factory=list)
    singles: list[tuple[int, int, int]] = field(default_factory=list)  # entity, context, trigger
    single_extra: list[np.ndarray] = field(default_factory=list)
    kept_pairs: list[int] = field(default_factory=list)  # index into the candidates given
    kept_singles: list[int] = field(default_factory=list)

    def pool(self, hidden: np.ndarray) -> np.ndarray:
        """The mean of each row's word pieces, from running sums (the same numbers as
        `pooling() @ hidden`, without the large matrix)."""
        sums = np.zeros((hidden.shape[0], hidden.shape[1] + 1, hidden.shape[2]), dtype=np.float64)
        np.cumsum(hidden, axis=1, out=sums[:, 1:])
        out = np.zeros((len(self.rows), hidden.shape[2]), dtype=np.float32)
        for r, parts in enumerate(self.rows):
            if parts:
                (sent, s, e), = parts
                out[r] = (sums[sent, e] - sums[sent, s]) / (e - s)
        return out

    def pooling(self) -> np.ndarray:
        """(vectors, sentences * length) averaging matrix; an empty row pools to zeros."""
        n, length = self.ids.shape
        out = np.zeros((len(self.rows), n * length), dtype=np.float32)
        for r, parts in enumerate(self.rows):
            size = sum(e - s for _, s, e in parts)
            for sent, s, e in parts:
                out[r, sent * length + s : sent * length + e] = 1.0 / size
        return out


def _pieces(offsets: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    inside = [i for i, (a, b) in enumerate(offsets) if b > a and a < end and start < b]
    return (inside[0], inside[-1] + 1) if inside else None


def plan(tok: Tokenizer, doc: Doc, sents: list[Sentence], pairs: list[Pair], singles: list[Single]) -> Plan:
    """Encode every sentence a candidate needs once; candidates whose names fall past the
    128-piece cap are dropped."""
    needed = sorted({p.subject_sent for p in pairs} | {p.object_sent for p in pairs} | {s.sent for s in singles})
    slot = {s: i for i, s in enumerate(needed)}
    encs = tok.encode_batch([sents[s].text for s in needed]) if needed else []
    length = max((len(e.ids) for e in encs), default=1)
    ids = np.zeros((len(needed), length), dtype=np.int64)
    mask = np.zeros((len(needed), length), dtype=np.int64)
    for i, e in enumerate(encs):
        ids[i, : len(e.ids)] = e.ids
        mask[i, : len(e.ids)] = 1
    out = Plan(ids, mask)
    rows: dict[tuple, int] = {}

    def row(key: tuple, parts: list[tuple[int, int, int]]) -> int:
        if key not in rows:
            rows[key] = len(out.rows)
            out.rows.append(parts)
        return rows[key]

    def context(s: int) -> int:
        return row(("ctx", s), [(slot[s], 0, len(encs[slot[s]].ids))])

    def name(s: int, start: int, end: int) -> int | None:
        span = _pieces(encs[slot[s]].offsets, start, end)
        return None if span is None else row(("name", s, *span), [(slot[s], *span)])

    def word(s: int, i: int) -> int:
        start = doc[i].idx - sents[s].start
        found = name(s, start, start + len(doc[i].text))
        return row(("none",), []) if found is None else found

    for k, p in enumerate(pairs):
        a = name(p.subject_sent, p.subject.start, p.subject.end)
        b = name(p.object_sent, p.object.start, p.object.end)
        if a is None or b is None:
            continue
        between = row(("none",), [])
        if p.subject_sent == p.object_sent:
            (_, s0, e0), (_, s1, e1) = out.rows[a][0], out.rows[b][0]
            lo, hi = min(e0, e1), max(s0, s1)
            if hi > lo:
                between = row(("between", p.sent, lo, hi), [(slot[p.sent], lo, hi)])
            place = 0 if p.subject.start < p.object.start else 1
        else:
            place = 2 if p.subject_sent < p.object_sent else 3
        extra = np.zeros(PAIR_EXTRA, dtype=np.float32)
        extra[TYPES.index(p.subject.mention.type)] = 1
        extra[len(TYPES) + TYPES.index(p.object.mention.type)] = 1
        extra[2 * len(TYPES) + place] = 1
        out.pairs.append((a, b, between, context(p.subject_sent), context(p.object_sent), word(p.sent, p.trigger)))
        out.pair_extra.append(extra)
        out.kept_pairs.append(k)
    for k, one in enumerate(singles):
        entity = name(one.sent, one.entity.start, one.entity.end)
        if entity is None:
            continue
        extra = np.zeros(SINGLE_EXTRA, dtype=np.float32)
        extra[TYPES.index(one.entity.mention.type)] = 1
        out.singles.append((entity, context(one.sent), word(one.sent, one.trigger)))
        out.single_extra.append(extra)
        out.kept_singles.append(k)
    return out


def pair_features(vectors: np.ndarray, p: Plan) -> np.ndarray:
    if not p.pairs:
        return np.zeros((0, PAIR_VECTORS * vectors.shape[1] + PAIR_EXTRA), dtype=np.float32)
    idx = np.array(p.pairs)
    s, o = vectors[idx[:, 0]], vectors[idx[:, 1]]
    ctx = (vectors[idx[:, 3]] + vectors[idx[:, 4]]) / 2
    return np.concatenate([s, o, s * o, vectors[idx[:, 2]], ctx, vectors[idx[:, 5]], np.stack(p.pair_extra)], axis=1)


def single_features(vectors: np.ndarray, p: Plan) -> np.ndarray:
    if not p.singles:
        return np.zeros((0, SINGLE_VECTORS * vectors.shape[1] + SINGLE_EXTRA), dtype=np.float32)
    idx = np.array(p.singles)
    return np.concatenate([vectors[idx[:, 0]], vectors[idx[:, 1]], vectors[idx[:, 2]], np.stack(p.single_extra)], axis=1)
