r"""Logical argument slots of a trigger word, whatever the voice or the clause it sits in.

"The club fired its coach", "the coach was fired by the club", "the fired coach" and "a coach
the club fired" all give `patient` = the coach and `agent` = the club. Slots name tokens; the
engine turns them into mentions or values.

| slot | verb trigger | noun trigger | adjective trigger |
|---|---|---|---|
| `agent` | active subject, passive "by" object | "by" object | — |
| `patient` | active object, passive subject, the noun a participle modifies | "of" object | — |
| `subject` | the clause's subject (active or passive) | the copula's subject ("X is the head") | the copula's subject, the noun it modifies |
| `complement` | "named him chief", "became chairman" | — | — |
| `prep:in\|at` | objects of those prepositions on the trigger (or on its object, where parsers attach them) | the same | the same |
| `poss`, `compound`, `head` | — | possessor ("his arrest": a frame says whose role it is), compound modifiers, the noun an apposition/modifier hangs from | — |
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from claimgraph.extract.parsed import children
from claimgraph.extract.predicates.base import child, conjuncts

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# what one is "on" somewhere: "on patrol in X", "on a visit to X"
ERRANDS = frozenset({"patrol", "mission", "visit", "tour", "duty", "deployment", "assignment", "trip", "holiday",
                     "vacation", "leave", "business", "pilgrimage", "operation", "exercise"})


def is_passive(tok: Token) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in children(tok)):
        return True
    return tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod", "advcl") and not any(c.dep_ == "aux" for c in children(tok))


def _inherited(tok: Token, deps: tuple[str, ...]) -> Token | None:
    """A subject the clause shares with the clause it hangs from: "was arrested and released",
    "decided to resign", "after resigning as coach, he ..."."""
    cur = tok
    for _ in range(3):
        if cur.dep_ not in ("conj", "xcomp", "advcl", "ccomp") or cur.head.i == cur.i:
            return None
        if cur.dep_ == "ccomp" and cur.head.lemma_ not in ("be", "become", "remain"):
            return None
        cur = cur.head
        found = child(cur, *deps)
        if found is not None:
            return found
    return None


def _relative_head(tok: Token) -> Token | None:
    """The noun a relative clause or participle describes ("the man who was fired", "a coach
    fired last week")."""
    if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return described(tok.head)
    return None


def described(noun: Token) -> Token:
    """Who a predicate noun describes: "X is a forward who plays for Y" -> X; any other noun
    is itself."""
    if noun.dep_ == "attr" and noun.head.lemma_ in ("be", "become", "remain"):
        subj = child(noun.head, "nsubj")
        if subj is not None:
            return subj
    return noun


def clause_subject(tok: Token) -> Token | None:
    own = child(tok, *SUBJECTS)
    if own is not None:
        if own.lower_ in ("who", "that", "which") and tok.dep_ == "relcl":
            return tok.head
        return own
    return _inherited(tok, SUBJECTS) or _relative_head(tok)


def agent(tok: Token) -> list[Token]:
    if tok.pos_ in ("NOUN", "PROPN"):
        return _prep_objects(tok, ("by",))
    if is_passive(tok):
        return _prep_objects(tok, ("by",), deps=("agent", "prep"))
    subj = child(tok, "nsubj")
    if subj is not None and subj.lower_ in ("who", "that", "which") and tok.dep_ == "relcl":
        return [described(tok.head)]
    if subj is not None:
        return [subj]
    inherited = _inherited(tok, ("nsubj",))
    if inherited is not None:
        return [inherited]
    head = _relative_head(tok)
    return [head] if head is not None and tok.tag_ != "VBN" else []


def patient(tok: Token) -> list[Token]:
    if tok.pos_ in ("NOUN", "PROPN"):
        return _prep_objects(tok, ("of",))
    if is_passive(tok):
        own = child(tok, "nsubjpass")
        if own is not None and own.lower_ in ("who", "that", "which") and tok.dep_ == "relcl":
            return [tok.head]
        if own is not None:
            return [own]
        inherited = _inherited(tok, ("nsubjpass", "nsubj"))
        if inherited is not None:
            return [inherited]
        head = _relative_head(tok) or (tok.head if tok.dep_ == "amod" else None)
        return [head] if head is not None else []
    dobj = child(tok, "dobj")
    if dobj is not None:
        named = [c for c in children(dobj) if c.dep_ == "compound" and c.pos_ == "PROPN"]
        return [dobj, *named[-1:]]  # "elected Ana Ruiz speaker": the name inside the object phrase
    if tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN") and not any(c.dep_ == "dobj" for c in children(tok)):
        return [tok.head]  # "the coach they fired"
    return []


def subject(tok: Token) -> list[Token]:
    if tok.pos_ == "ADJ" and tok.dep_ == "amod":
        return [tok.head]
    cur = tok
    for _ in range(3):  # "X is dead", "X was named chairman", "X, who is the head of Y"
        subj = clause_subject(cur)
        if subj is not None:
            return [subj]
        if cur.dep_ not in ("acomp", "attr", "oprd", "xcomp", "conj", "advmod") or cur.head.i == cur.i:
            break
        cur = cur.head
    if tok.dep_ == "appos":
        return [tok.head]
    return []


def complement(tok: Token) -> list[Token]:
    found = [c for c in children(tok) if c.dep_ in ("oprd", "attr", "acomp")]
    found += [c for c in children(tok) if c.dep_ == "xcomp" and c.pos_ in ("NOUN", "PROPN")]
    dobj = child(tok, "dobj")
    if dobj is not None:  # "named him chief": the parser may hang the post under the object
        found += [c for c in children(dobj) if c.dep_ in ("oprd", "appos", "npadvmod") and c.pos_ == "NOUN"]
        if dobj.pos_ == "NOUN" and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in children(dobj)):
            found.append(dobj)  # "elected Ana Ruiz speaker": parsed as one noun phrase, the post its head
    return found


def _prep_objects(tok: Token, preps: tuple[str, ...], deps: tuple[str, ...] = ("prep",)) -> list[Token]:
    out: list[Token] = []
    for c in children(tok):
        if c.dep_ in deps and c.lower_ in preps or c.dep_ == "agent" and "by" in preps:
            out.extend(o for o in children(c) if o.dep_ in ("pobj", "pcomp"))
    return out


def prepositional(tok: Token, preps: tuple[str, ...]) -> list[Token]:
    """Objects of these prepositions on the trigger, else on its direct object (parsers hang
    "appointed X as Y" / "fired X from Y" on either)."""
    found = _prep_objects(tok, preps)
    if not found:
        dobj = child(tok, "dobj", "nsubjpass")
        if dobj is not None:
            found = _prep_objects(dobj, preps)
    if not found and "as" not in preps:  # "worked as a reporter for the Ledger", "plays as a forward for X"
        found = [o for post in _prep_objects(tok, ("as",)) for o in _prep_objects(post, preps)]
    if not found:  # "is on patrol in the Gulf", "arrived on a visit to Oslo": the place of the errand
        found = [o for c in children(tok) if c.dep_ == "prep" and c.lower_ in ("on", "during")
                 for e in children(c) if e.dep_ == "pobj" and e.lemma_.lower() in ERRANDS for o in _prep_objects(e, preps)]
    if not found and ("in" in preps or "at" in preps):  # "escaped from a prison van in Baytown": where the van was
        found = [o for c in children(tok) if c.dep_ == "prep" and c.lower_ in ("from", "at", "outside", "near", "inside")
                 for e in children(c) if e.dep_ == "pobj" and e.pos_ == "NOUN" for o in _prep_objects(e, ("in", "at"))]
    if not found:  # "she is back at the clinic", "he is still in Rome": the phrase hangs on the adverb
        found = [o for c in children(tok) if c.dep_ == "advmod" and c.pos_ == "ADV" for o in _prep_objects(c, preps)]
    if ("in" in preps or "at" in preps) and tok.dep_ == "relcl" and any(
            c.dep_ == "advmod" and c.lower_ == "where" for c in children(tok)):
        found = [*found, tok.head]  # "the clinic where she was treated": the clause is in the noun it describes
    if not found and tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        # "exploded at a bank in Salem": the parser hangs the phrase right after the noun on the verb
        after = tok.right_edge.i + 1
        found = [o for c in children(tok.head.head) if c.i == after and c.dep_ == "prep" and c.lower_ in preps
                 for o in children(c) if o.dep_ == "pobj"]
    return found


def possessor(tok: Token) -> list[Token]:
    poss = child(tok, "poss")
    return [poss] if poss is not None else []


def compounds(tok: Token) -> list[Token]:
    return [c for c in children(tok) if c.dep_ in ("compound", "nmod", "amod") and c.pos_ in ("PROPN", "NOUN", "ADJ")]


def owner(tok: Token) -> list[Token]:
    """Who has what a noun names: 'X has four prior arrests', 'X faces a life sentence', 'X
    suffered head injuries', 'X was given two life sentences'."""
    if tok.dep_ != "dobj":
        return []
    if tok.head.lemma_ == "give":  # "gave him a life sentence", "he was given a life sentence"
        given = child(tok.head, "dative") or child(tok.head, "nsubjpass")
        return [given] if given is not None else []
    if tok.head.lemma_ in ("have", "face", "record", "receive", "get", "serve", "suffer", "sustain"):
        subj = clause_subject(tok.head)
        return [subj] if subj is not None else []
    return []


def head(tok: Token) -> list[Token]:
    return [tok.head] if tok.dep_ in ("appos", "amod", "compound", "acl") and tok.head.i != tok.i else []


SLOTS: dict[str, Callable[[Token], list[Token]]] = {
    "agent": agent,
    "patient": patient,
    "subject": subject,
    "complement": complement,
    "poss": possessor,
    "compound": compounds,
    "head": head,
    "owner": owner,
    "dobj": lambda tok: [c for c in children(tok) if c.dep_ == "dobj"],
    "self": lambda tok: [tok],  # for `requires`: words inside the trigger's own phrase ("a life sentence")
}


def fill(tok: Token, slot: str) -> list[Token]:
    """The tokens `slot` names for trigger `tok`, each with its conjuncts ("X and Y")."""
    found = prepositional(tok, tuple(slot[5:].split("|"))) if slot.startswith("prep:") else SLOTS[slot](tok)
    out: list[Token] = []
    for t in found:
        for c in conjuncts(t):
            if c not in out:
                out.append(c)
    return out
