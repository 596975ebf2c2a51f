"""Russian analysed with natasha's models, as a spaCy Doc the extractors read like any other.

The weights ship inside the PyPI wheel `natasha` 1.6.0 (MIT): slovnet's NER, morphology and
syntax models and the navec embeddings (`natasha/data/`). We load them with `slovnet` and
`navec` directly (natasha's own package imports pymorphy2, which does not run on Python 3.11),
split text with `razdel`, and take lemmas from `pymorphy3` (its dictionaries ship in
`pymorphy3-dicts-ru`), choosing the reading that agrees with slovnet's tags. Every file of the
natasha package is checked against `natasha.sha256` before a weight loads.

The Doc keeps the text exactly (whitespace runs are tokens of their own, as spaCy makes them),
so character offsets are the document's; a sentence never crosses a line break.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from claimgraph.errors import ModelError
from claimgraph.nlp.model_files import package_folder, recorded_hashes, verify_files
from claimgraph.nlp.russian_morph import Lemmatiser

HASHES = Path(__file__).with_name("natasha.sha256")
NER_LABELS = {"PER": "PER", "LOC": "LOC", "ORG": "ORG"}


@dataclass(frozen=True)
class Models:
    ner: Any
    morph: Any
    syntax: Any
    lemmas: Lemmatiser


@lru_cache(maxsize=1)
def load_models() -> Models:
    folder = package_folder("natasha")
    verify_files(folder, recorded_hashes(HASHES), "natasha")
    try:
        navec_module = importlib.import_module("navec")
        slovnet = importlib.import_module("slovnet")
    except ImportError as exc:
        raise ModelError(f"Russian needs {exc.name}; install the pinned requirements (`make setup`)") from exc
    data = folder / "data"
    navec = navec_module.Navec.load(data / "emb" / "navec_news_v1_1B_250K_300d_100q.tar")
    return Models(
        ner=slovnet.NER.load(data / "model" / "slovnet_ner_news_v1.tar", batch_size=16).navec(navec),
        morph=slovnet.Morph.load(data / "model" / "slovnet_morph_news_v1.tar", batch_size=16).navec(navec),
        syntax=slovnet.Syntax.load(data / "model" / "slovnet_syntax_news_v1.tar", batch_size=16).navec(navec),
        lemmas=Lemmatiser(),
    )


@dataclass
class _Sentence:
    start: int  # character offset in the text
    text: str
    tokens: list[tuple[int, int]]  # character offsets in the text


def _sentences(text: str) -> list[_Sentence]:
    from razdel import sentenize, tokenize

    out = []
    offset = 0
    for line in text.split("\n"):
        for sent in sentenize(line):
            start = offset + sent.start
            toks = [(start + t.start, start + t.stop) for t in tokenize(sent.text)]
            if toks:
                out.append(_Sentence(start, sent.text, toks))
        offset += len(line) + 1
    return out


class RussianAnalyser:
    """The 'tokenizer' of a blank Russian spaCy pipeline that returns a fully analysed Doc."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        models = load_models()
        sents = _sentences(text)
        words_of = [[text[a:b] for a, b in s.tokens] for s in sents]
        morphs = list(models.morph.map(words_of))
        parses = list(models.syntax.map(words_of))
        spans = list(models.ner.map([s.text for s in sents]))
        builder = _DocBuilder(text)
        for sent, words, morph, parse, ner in zip(sents, words_of, morphs, parses, spans, strict=True):
            builder.add_sentence(sent, words, morph.tokens, parse.tokens, ner.spans, models.lemmas)
        return builder.build(self.vocab)


class _DocBuilder:
    def __init__(self, text: str) -> None:
        self.text = text
        self.words: list[str] = []
        self.spaces: list[bool] = []
        self.heads: list[int] = []
        self.deps: list[str] = []
        self.pos: list[str] = []
        self.morphs: list[str] = []
        self.lemmas: list[str] = []
        self.norms: list[str] = []  # a word of a name in its base form (claimgraph.nlp.russian_morph)
        self.ents: list[str] = []
        self.end = 0  # characters consumed
        self.last_root: int | None = None
        self.pending: list[int] = []  # whitespace tokens waiting for the next sentence's root

    def _gap(self, upto: int, head: int | None) -> None:
        """The whitespace before `upto`: one space after a word, the rest a token of its own
        (whose head, when None, is the next sentence's root: see `pending`)."""
        gap = self.text[self.end:upto]
        if gap and gap[0] == " " and self.words and not self.spaces[-1] and not self.words[-1].isspace():
            self.spaces[-1] = True
            gap = gap[1:]
        if gap:
            if head is None:
                self.pending.append(len(self.words))
            self._token(gap, "SPACE", "", gap, gap, "dep", head if head is not None else len(self.words), "O")
        self.end = upto

    def _token(self, word: str, pos: str, morph: str, lemma: str, norm: str, dep: str, head: int, ent: str) -> None:
        self.words.append(word)
        self.norms.append(norm)
        self.spaces.append(False)
        self.heads.append(head)
        self.deps.append(dep)
        self.pos.append(pos)
        self.morphs.append(morph)
        self.lemmas.append(lemma)
        self.ents.append(ent)

    def add_sentence(self, sent: _Sentence, words: list[str], morph: list[Any], parse: list[Any], spans: list[Any],
                     lemmas: Lemmatiser) -> None:
        self._gap(sent.tokens[0][0], self.last_root)
        heads = _tree([int(p.head_id) for p in parse])
        ent_tags = _bio(sent, spans)
        first = len(self.words)
        index = []
        for (a, b), word, m, p, tag in zip(sent.tokens, words, morph, parse, ent_tags, strict=True):
            self._gap(a, first)  # a gap inside the sentence hangs from its root (set below)
            index.append(len(self.words))
            feats = "|".join(f"{k}={v}" for k, v in sorted(m.feats.items()))
            self._token(word, m.pos, feats, lemmas.lemma(word, m.pos, m.feats), lemmas.base_form(word, m.pos, m.feats),
                        p.rel if p.rel != "root" else "dep", first, tag)
            self.end = b
        root = index[heads.index(-1)]
        for i in range(first, len(self.words)):
            self.heads[i] = root
        for i, h in enumerate(heads):
            self.heads[index[i]] = root if h == -1 else index[h]
        self.deps[root] = "ROOT"
        for i in self.pending:
            self.heads[i] = root
        self.pending = []
        self.last_root = root

    def build(self, vocab: Vocab) -> Doc:
        self._gap(len(self.text), self.last_root)
        if not self.words:
            return Doc(vocab, words=[], spaces=[])
        doc = Doc(vocab, words=self.words, spaces=self.spaces, heads=self.heads, deps=self.deps, pos=self.pos,
                  morphs=self.morphs, lemmas=self.lemmas, ents=self.ents)
        for tok, norm in zip(doc, self.norms, strict=True):
            tok.norm_ = norm
        return doc


def _tree(heads: list[int]) -> list[int]:
    """slovnet's 1-based heads (0 = root) as 0-based indices with one root (-1) and no cycle:
    a second root or a token in a cycle hangs from the first root."""
    out = [h - 1 for h in heads]
    roots = [i for i, h in enumerate(out) if h < 0 or h >= len(out) or h == i]
    root = roots[0] if roots else 0
    for i in range(len(out)):
        if i != root and (out[i] < 0 or out[i] >= len(out) or out[i] == i):
            out[i] = root
    out[root] = -1
    for i in range(len(out)):
        seen, cur = {i}, out[i]
        while cur != -1:
            if cur in seen:
                out[i] = root
                break
            seen.add(cur)
            cur = out[cur]
    return out


def _bio(sent: _Sentence, spans: list[Any]) -> list[str]:
    """slovnet's character spans (within the sentence) as BIO tags over the sentence's tokens."""
    tags = ["O"] * len(sent.tokens)
    for span in spans:
        label = NER_LABELS.get(span.type)
        if label is None:
            continue
        inside = [i for i, (a, b) in enumerate(sent.tokens) if a - sent.start >= span.start and b - sent.start <= span.stop]
        for n, i in enumerate(inside):
            tags[i] = f"{'B' if n == 0 else 'I'}-{label}"
    return tags


@lru_cache(maxsize=1)
def load_russian() -> Language:
    """A blank Russian spaCy pipeline whose tokenizer runs natasha's models (cached)."""
    nlp = spacy.blank("ru")
    nlp.tokenizer = RussianAnalyser(nlp.vocab)
    nlp.max_length = 2_000_000
    return nlp
