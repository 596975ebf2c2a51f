"""Logical slots read off Universal Dependencies parses, whatever the voice.

| slot | verb trigger | noun trigger | adjective trigger |
|---|---|---|---|
| `agent` | active subject; a passive's agent (`par X`, an instrumental) | — | — |
| `patient` | active object; passive subject; the noun a participle modifies | its genitive or `de` phrase, its possessive | the noun it modifies |
| `subject` | the clause's subject | — | its subject ("X жив", "X est vivant") |

A subject shared through coordination ("X был задержан и освобождён") is found on the first
verb; coordinated names ("X и Y были убиты") are all returned.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimgraph.extract.frames.lexicon import Lexicon

SUBJECTS = ("nsubj", "nsubj:pass")


def is_passive(tok: Token) -> bool:
    return "Pass" in tok.morph.get("Voice", []) or any(c.dep_ in ("aux:pass", "nsubj:pass") for c in tok.children)


def _kids(tok: Token, deps: tuple[str, ...]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _with_conjuncts(tokens: list[Token]) -> list[Token]:
    out = list(tokens)
    for t in tokens:
        out.extend(c for c in t.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON"))
    return out


def _subjects(tok: Token) -> list[Token]:
    found = _kids(tok, SUBJECTS)
    if not found and tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "ADJ", "AUX"):
        found = _kids(tok.head, SUBJECTS)  # "был задержан и освобождён": the first verb's subject
    return found


def _has_case(tok: Token, words: frozenset[str]) -> bool:
    return any(c.dep_ == "case" and c.lower_ in words for c in tok.children)


def fill(tok: Token, slot: str, lexicon: Lexicon) -> list[Token]:
    """The tokens that fill `slot` of the trigger `tok` (names, nouns or pronouns)."""
    if slot == "subject":
        found = _subjects(tok)
        if not found and tok.dep_ in ("amod", "acl") and tok.pos_ in ("ADJ", "VERB"):
            found = [tok.head]
        return _with_conjuncts(found)
    if slot == "agent":
        if tok.pos_ != "VERB":
            return []
        if not is_passive(tok):
            return _with_conjuncts(_kids(tok, ("nsubj",)))
        return [c for c in tok.children if c.dep_ in ("obl", "obl:agent", "nmod")
                and (_has_case(c, lexicon.agent_cases) or (not _kids(c, ("case",)) and any(k in lexicon.agent_cases for k in c.morph.get("Case", []))))]
    if slot == "patient":
        if tok.pos_ == "NOUN":
            return _with_conjuncts([c for c in tok.children if c.dep_ in ("nmod", "nmod:poss", "det:poss", "det") and
                                    (c.pos_ in ("PROPN", "NOUN", "PRON") or c.lower_ in lexicon.pronouns or c.lemma_.lower() in lexicon.pronouns)
                                    and ("Gen" in c.morph.get("Case", []) or not c.morph.get("Case", []))])
        if tok.dep_ in ("amod", "acl") and tok.pos_ in ("ADJ", "VERB"):
            return [tok.head]
        if is_passive(tok) or tok.pos_ == "ADJ":
            return _with_conjuncts(_subjects(tok))
        return _with_conjuncts(_kids(tok, ("obj",)))
    return []
