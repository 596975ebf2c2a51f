"""Status: dead, wounded, alive, arrested, released — with agent, place and the negated forms."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from claimgraph.extract.lexicon import STATUS_NOUNS, STATUS_TRIGGERS
from claimgraph.extract.parsed import children, head
from claimgraph.extract.predicates.base import Context, Found, child, conjuncts, prep_objects
from claimgraph.model import Mention

TRANSITIVE = {"kill", "slay", "assassinate", "execute", "eliminate", "murder", "behead", "wound", "injure", "hurt",
              "arrest", "detain", "capture", "apprehend", "jail", "imprison", "release", "free", "recapture", "nab"}


def _predicate(tok: Token) -> str | None:
    lemma = tok.lemma_.lower()
    for predicate, words in STATUS_TRIGGERS.items():
        if lemma in words or tok.lower_ in words:
            if predicate == "wounded" and any(c.lower_ in ("fatally", "mortally") for c in children(tok)):
                return "dead"
            return predicate
    return None


def _subject_and_agent(ctx: Context, tok: Token) -> tuple[list[Token], Token | None]:
    if tok.pos_ == "NOUN":  # "the death of X", "X's death", "whose death"
        subj = child(tok, "poss")
        if subj is None:
            objs = [o for p, o in prep_objects(tok, "of")]
            subj = objs[0] if objs else None
        if subj is None:  # "the death of Hamas commander X" parsed without an object: the name after "of"
            of = next((c for c in children(tok) if c.dep_ == "prep" and c.lower_ == "of"), None)
            named = ctx.following_name(of) if of is not None else None
            span = ctx.span_of(named) if named is not None else None
            subj = span.root if span is not None else None
        agents = [o for p, o in prep_objects(tok, "by", "at")]
        agent = agents[0] if agents else None
        if agent is not None and agent.lower_ == "hands":
            inner = [o for p, o in prep_objects(agent, "of")]
            agent = inner[0] if inner else None
        return ([subj] if subj is not None else []), agent
    if tok.pos_ == "ADJ":  # "X is dead", "wounded but alive"
        head = tok
        while head.dep_ in ("conj", "acomp", "xcomp", "attr") and head.head.i != head.i:
            head = head.head
            if child(head, "nsubj", "nsubjpass") is not None:
                break
        subj = child(head, "nsubj", "nsubjpass")
        if subj is None and head.dep_ == "acl":  # "four commanders confirmed to be dead"
            subj = head.head
        return ([subj] if subj is not None else []), None
    passive = child(tok, "nsubjpass")
    if passive is None and child(tok, "auxpass") is not None:
        passive = _stray_subject(tok)
    if passive is not None or (tok.tag_ == "VBN" and tok.dep_ in ("acl", "relcl")):
        agents = [o for p, o in prep_objects(tok, "by")]
        subj = passive if passive is not None else (tok.head if tok.dep_ == "acl" else None)
        return ([subj] if subj is not None else []), agents[0] if agents else None
    if tok.lemma_ in TRANSITIVE:
        obj = child(tok, "dobj")
        shared = child(tok.head, "nsubjpass") if obj is None and tok.dep_ == "conj" else None
        if shared is not None:
            return [shared], None  # "was arrested in 2009 and released the same day"
        if obj is None and tok.dep_ == "conj":
            obj = child(tok.head, "dobj")  # "shot and killed a teenager": the object is shared
        return ([obj] if obj is not None else []), child(tok, "nsubj") or (child(tok.head, "nsubj") if tok.dep_ == "conj" else None)
    subj = child(tok, "nsubj")
    if subj is None and tok.dep_ == "conj":
        subj = child(tok.head, "nsubj", "nsubjpass")
    if subj is None and tok.dep_ == "xcomp":
        subj = child(tok.head, "nsubj", "nsubjpass", "dobj")
    return ([subj] if subj is not None else []), None


# Words whose complement has not happened (yet): "tried to kill", "a plot to kill", "a bid to free".
INTENT = frozenset({"try", "attempt", "want", "plan", "seek", "vow", "threaten", "threat", "hope", "aim", "intend", "plot", "wish", "fail", "order", "urge", "bid"})
UNREALISED = frozenset({"attempted", "failed", "foiled", "planned", "botched", "thwarted", "would-be", "possible", "threatened"})


def unrealised(tok: Token) -> bool:
    """An attempt, plan, threat or condition, not an event: "tried to kill X", "the attempted
    killing of X", "if you want to die". Decided once per token (every frame a word triggers
    asks)."""
    memo: dict[int, bool] = tok.doc.user_data.setdefault(_UNREALISED, {})
    found = memo.get(tok.i)
    if found is None:
        found = memo[tok.i] = _unrealised(tok)
    return found


_UNREALISED = "claimgraph.unrealised"


def _unrealised(tok: Token) -> bool:
    if any(c.lower_ in UNREALISED for c in children(tok) if c.dep_ in ("amod", "compound")):
        return True
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and _called_for(tok.head):
        return True  # "a warrant for his arrest", "information leading to her capture"
    cur = tok
    for _ in range(3):
        up = head(cur)
        if cur.dep_ in ("xcomp", "ccomp", "acl", "advcl", "pobj", "pcomp") and up.lemma_.lower() in INTENT:
            return True
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in children(cur)):
            return True
        if up.i == cur.i:
            break
        cur = up
    return False


# nouns that ask for what their "for" phrase names: "a warrant for the arrest of X"
CALLED_FOR = frozenset({"warrant", "call", "demand", "order", "reward", "bounty", "petition", "campaign", "appeal",
                        "plea", "motion", "request", "push", "pressure", "ask", "lobby", "clamour", "clamor"})


def _called_for(prep: Token) -> bool:
    gov = prep.head
    if prep.lower_ == "to" and gov.lemma_.lower() == "lead" and gov.dep_ in ("acl", "relcl"):
        return True  # "information leading to X's arrest": the arrest is what the information is for
    return prep.lower_ == "for" and gov.lemma_.lower() in CALLED_FOR


def _stray_subject(tok: Token) -> Token | None:
    """The subject of a passive verb the parser left without one ("reported that X, described as
    ..., had been killed" attaches X to "described"): the nearest subject to its left that is not
    the subject of a verb governing it."""
    governing = {a.i for a in tok.ancestors}
    for left in reversed(list(tok.sent)[: tok.i - tok.sent.start]):
        if left.dep_ in ("nsubj", "nsubjpass") and left.head.i not in governing and left.head.i != tok.i:
            return left
        if left.dep_ == "mark" and left.lower_ == "that":
            break
    return None


MODALS = frozenset({"will", "'ll", "would", "shall", "should", "must", "could", "can", "ca", "might", "may"})
MANDATE = frozenset({"recommend", "recommendation", "demand", "insist", "ask", "request", "propose", "urge", "order"})


def not_yet(tok: Token) -> bool:
    """An event to come or called for, not one that happened: "X will die in prison", "X is to
    be sentenced", "X was going to be shot", "a recommendation that X be executed". A modal of
    the perfect ("X may have been killed") is a hedge, and a state ("X could be dead") is not an
    event: both are left to the modality layer."""
    if tok.pos_ != "VERB" or tok.lemma_ == "be":
        return False
    aux = [c for c in children(tok) if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in MODALS for c in aux) and not any(c.lemma_ == "have" for c in aux):
        return True
    up = head(tok)
    if tok.dep_ == "xcomp" and any(c.lower_ == "to" for c in aux) and (
            up.lemma_ == "be" or up.lower_ == "going" and up.pos_ == "VERB"):
        return True  # "is to be sentenced", "was going to be shot"
    # "recommended that X be executed", "a recommendation that X die"
    return tok.dep_ in ("ccomp", "acl") and up.lemma_.lower() in MANDATE and (
        tok.tag_ in ("VB", "VBP") or any(c.lower_ == "be" and c.tag_ == "VB" for c in aux))


def find_status(ctx: Context) -> Iterator[Found]:
    for tok in ctx.tokens:
        predicate = _predicate(tok) if tok.pos_ in ("VERB", "NOUN", "ADJ", "AUX") else None
        if predicate is None:
            continue
        if tok.pos_ == "NOUN" and tok.lemma_.lower() not in STATUS_NOUNS:
            continue
        if tok.pos_ == "ADJ" and tok.dep_ == "amod":
            continue  # "the killed fighters": no one named
        if unrealised(tok) or not_yet(tok):
            continue
        if tok.lemma_ == "survive" and child(tok, "nsubjpass") is not None:
            continue  # "X is survived by Y": the frames say X is dead and Y alive
        subjects, agent_tok = _subject_and_agent(ctx, tok)
        subjects = [_among(ctx, s) for s in subjects]
        agent = ctx.first_in(agent_tok, ("PERSON", "ORG", "PLACE")) if agent_tok is not None else None
        place = _place(ctx, tok)
        for s in subjects:
            for conj in conjuncts(s):
                m = ctx.at(conj)
                if m is not None and m.type != "PERSON":
                    m = ctx.titled_person(m) or m
                if m is None or m.type == "PLACE":
                    continue
                yield Found(predicate, tok, m, f"rules/status.{tok.pos_.lower()}.v1", agent=agent, place=place, confidence=0.7)


def _among(ctx: Context, subj: Token) -> Token:
    """'X and Y were among those killed', 'X was among four commanders confirmed dead': the
    status of the group is the status of the names said to be among it."""
    if ctx.at(subj) is not None:
        return subj
    cur = subj
    for _ in range(4):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.dep_ == "prep" and cur.lower_ == "among":
            named = child(cur.head, "nsubj")
            m = ctx.at(named) if cur.head.lemma_ == "be" else None
            span = ctx.span_of(m) if m is not None else None
            if span is not None:  # the name's own token, so "X and Y" both count
                return span.root
            break
    return subj


def _place(ctx: Context, tok: Token) -> Mention | None:
    for _, obj in prep_objects(tok, "in", "near", "at", "outside"):
        m = ctx.first_in(obj, ("PLACE",))
        if m is not None:
            return m
    return None
