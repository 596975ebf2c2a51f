"""Labelled candidates from ../shared/eval/ecbplus-train: claimgraph's own mentions, paired as at
run time (claimgraph.extract.learned.candidates), labelled against the six gold files.

A pair (or a single entity for a status) is positive for a predicate when a gold claim of that
document has that predicate, a subject among the gold entities the subject mention names, an
object among those the object mention names, and its evidence in the candidate's sentence. The
same claim stated in another sentence of the document is left out of the loss (-1): the gold
keeps one sentence per repeated fact, and that is a choice, not a negative.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml
from spacy.tokens import Doc
from tokenizers import Tokenizer

from claimgraph.extract.attribution import find_attributions
from claimgraph.extract.coref import resolve_coreference
from claimgraph.extract.learned.candidates import (
    PAIR_PREDICATES,
    STATUS_PREDICATES,
    Named,
    Sentence,
    pairs,
    sentences,
    singles,
)
from claimgraph.extract.learned.features import Plan, plan
from claimgraph.extract.mentions import extract_mentions
from claimgraph.extract.parsed import know_text
from claimgraph.ingest.dedupe import document_id
from claimgraph.ingest.files import read_file
from claimgraph.model import Document
from claimgraph.nlp.pipeline import load_pipeline

GOLD_FILES = ("g1", "g1b", "g2", "g2b", "g3", "g3b")


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", str(s)).replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    s = re.sub(r"\s+", " ", s).strip().lower()
    return s[4:] if s.startswith("the ") else s


@dataclass
class TrainDoc:
    file: str
    topic: str
    plan: Plan
    pair_labels: np.ndarray  # (kept pairs, predicates): 1, 0, or -1 (left out of the loss)
    single_labels: np.ndarray
    gold_pairs: int = 0
    gold_singles: int = 0
    found_pairs: int = 0
    found_singles: int = 0


HONORIFICS = re.compile(r"^(mr|mrs|ms|dr|sgt|lt|deputy|judge|coach)\.? ")


def name_key(s: str) -> str:
    """Names compared without punctuation, a leading 'the' or an honorific ('Mr Pitman')."""
    return HONORIFICS.sub("", re.sub(r"[^\w ]+", "", norm(s)).strip())


def name_index(entities: dict[str, dict]) -> dict[str, set[str]]:
    """Normalised name -> gold entity keys; a person's family name ("Pitman" for "Robert
    Pitman") too, when no other entity of the topic has a name ending in it."""
    index: dict[str, set[str]] = {}
    last: dict[str, set[str]] = {}
    for key, ent in entities.items():
        for n in ent.get("names") or []:
            k = name_key(n)
            index.setdefault(k, set()).add(key)
            if " " in k and k.split()[-1] not in ("jr", "sr", "ii", "iii"):
                last.setdefault(k.split()[-1], set()).add(key)
    for word, keys in last.items():
        if len(keys) == 1:
            index.setdefault(word, set()).update(keys)
    return index


def load_gold(root: Path) -> tuple[dict[str, list[dict]], dict[str, dict[str, set[str]]]]:
    """Claims by document file, and per document the gold keys of every normalised name."""
    claims: dict[str, list[dict]] = {}
    names: dict[str, dict[str, set[str]]] = {}
    groups: dict[str, dict[str, dict]] = {}
    golds = {g: yaml.safe_load((root / f"{g}.gold.yaml").read_text()) for g in GOLD_FILES}
    for g, gold in golds.items():
        groups.setdefault(g.rstrip("b"), {}).update(gold.get("entities") or {})
    for g, gold in golds.items():
        index = name_index(groups[g.rstrip("b")])
        for d in gold["documents"]:
            names[d["file"]] = index
            claims.setdefault(d["file"], [])
        for c in gold["claims"]:
            claims[c["doc"]].append(c)
    return claims, names


def _labels(gold: list[dict], predicates: tuple[str, ...], subj: set[str], obj: set[str] | None, sentence: str) -> list[int]:
    out = [0] * len(predicates)
    for c in gold:
        p = c["predicate"]
        if p not in predicates or c["subject"] not in subj:
            continue
        if obj is not None and (not isinstance(c.get("object"), str) or c["object"] not in obj):
            continue
        i = predicates.index(p)
        if norm(c.get("evidence") or "") in norm(sentence):
            out[i] = 1
        elif out[i] == 0:
            out[i] = -1
    return out


def build(root: Path, tok: Tokenizer) -> Iterator[TrainDoc]:
    """Every training document with its labelled candidates, in file order."""
    claims, names = load_gold(root)
    nlp = load_pipeline()
    files = sorted(claims)
    for file in files:
        art = read_file(root / "docs" / file, 5_000_000)[0]
        assert not isinstance(art, Exception), art
        document = Document(id=document_id(art.text), source=file, text=art.text, title=art.title,
                            publisher=art.publisher, published=art.published, language="en")
        doc = nlp(document.text)
        know_text(doc, document.text)
        named = extract_mentions(document, doc)
        attributions, described = find_attributions(document, doc, named)
        mentions = sorted(named + described, key=lambda m: m.start or 0)
        coref = resolve_coreference(document, doc, mentions, [(a.statement, a.source_mention, a.cue_token) for a in attributions])
        # as extract_document hands mentions to the extractors: names and descriptions, references by `refers`
        sents = sentences(doc, [m for m in coref.mentions if not m.is_reference and m.start is not None], coref.refers)
        yield labelled(file, doc, sents, claims[file], names[file], tok)


def labelled(file: str, doc: Doc, sents: list[Sentence], gold: list[dict], names: dict[str, set[str]], tok: Tokenizer) -> TrainDoc:
    def keys(n: Named) -> set[str]:
        return names.get(name_key(n.mention.text), set())

    ps, ss = pairs(doc, sents), singles(doc, sents)
    pl = [_labels(gold, PAIR_PREDICATES, keys(p.subject), keys(p.object), sents[p.sent].text) for p in ps]
    sl = [_labels(gold, STATUS_PREDICATES, keys(o.entity), None, sents[o.sent].text) for o in ss]
    p = plan(tok, doc, sents, ps, ss)
    out = TrainDoc(file, file.split("_")[0], p,
                   np.array([pl[k] for k in p.kept_pairs], dtype=np.int8).reshape(-1, len(PAIR_PREDICATES)),
                   np.array([sl[k] for k in p.kept_singles], dtype=np.int8).reshape(-1, len(STATUS_PREDICATES)))
    out.gold_pairs = sum(1 for c in gold if c["predicate"] in PAIR_PREDICATES and isinstance(c.get("object"), str))
    out.gold_singles = sum(1 for c in gold if c["predicate"] in STATUS_PREDICATES)
    out.found_pairs = _found(gold, PAIR_PREDICATES, [(x.subject, x.object, pl[k]) for k, x in enumerate(ps) if k in set(p.kept_pairs)], names)
    out.found_singles = _found(gold, STATUS_PREDICATES, [(x.entity, None, sl[k]) for k, x in enumerate(ss) if k in set(p.kept_singles)], names)
    return out


def _found(gold: list[dict], predicates: tuple[str, ...], rows: list[tuple[Named, Named | None, list[int]]],
           names: dict[str, set[str]]) -> int:
    """How many gold claims some candidate labels positive (the ceiling of recall)."""
    hit = 0
    for c in gold:
        if c["predicate"] not in predicates:
            continue
        i = predicates.index(c["predicate"])
        for s, o, labels in rows:
            if labels[i] != 1 or c["subject"] not in names.get(name_key(s.mention.text), set()):
                continue
            if o is not None and c.get("object") not in names.get(name_key(o.mention.text), set()):
                continue
            hit += 1
            break
    return hit
