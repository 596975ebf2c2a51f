"""How firmly: asserted, reported, hedged or denied, from the words around a claim's trigger."""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimgraph.extract.lexicon import DENIALS, HEDGES, NEGATIONS
from claimgraph.extract.parsed import children, span_tokens
from claimgraph.model import Modality


def _governors(trigger: Token, sent: Span) -> list[Token]:
    """The trigger, its ancestors within the sentence, and each one's direct modifiers."""
    chain = [trigger]
    cur = trigger
    # a relative clause or apposition is presupposed: "X, who led the party, denied it" does
    # not deny that X led the party
    while cur.head.i != cur.i and sent.start <= cur.head.i < sent.end and cur.dep_ not in ("relcl", "appos"):
        cur = cur.head
        chain.append(cur)
    out = list(chain)
    for tok in chain:
        out.extend(c for c in children(tok) if c.dep_ in ("neg", "aux", "advmod", "acomp", "auxpass", "amod", "det"))
    return out


CONFIRMING = frozenset({"confirm", "verify", "corroborate", "substantiate", "authenticate"})


def unconfirmed(trigger: Token, sent: Span) -> bool:
    """'Officials could not confirm that X was killed': a negated confirmation is no support,
    and no denial either."""
    return any(tok.lemma_ in CONFIRMING and any(c.dep_ == "neg" for c in children(tok)) for tok in _governors(trigger, sent))


def non_confirmation(sent: Span) -> bool:
    """A sentence saying that what was just reported is unconfirmed: 'The claim could not be
    independently verified', 'There was no independent confirmation', 'unverified reports'."""
    for tok in span_tokens(sent):
        if tok.lemma_ in CONFIRMING and any(c.dep_ == "neg" for c in children(tok)):
            return True
        if tok.lemma_ in ("confirmation", "verification") and any(c.lower_ == "no" for c in children(tok)):
            return True
        if tok.lower_ in ("unconfirmed", "unverified") and tok.dep_ in ("acomp", "ROOT", "attr"):
            return True
    return False


def is_negated(trigger: Token, sent: Span) -> bool:
    for tok in _governors(trigger, sent):
        if tok.dep_ == "neg" and tok.head.lemma_ in CONFIRMING:
            continue  # "could not confirm" hedges (unconfirmed), it does not deny
        if tok.dep_ == "neg" or (tok.dep_ == "det" and tok.lower_ == "no" and tok.head.i == trigger.i):
            return True
        if tok.lemma_ in DENIALS and tok.i != trigger.i:  # "dismissed from the club" is the event, not a denial
            return True
    # "Celebrations of the death ... were premature"
    return any(t.lemma_.lower() in DENIALS for t in span_tokens(sent) if t.dep_ in ("acomp", "attr") and trigger.i in _judged(t.head))


def _judged(clause: Token) -> set[int]:
    """What a predicate adjective passes judgement on: its clause, or the noun a clause with no
    relative pronoun was misattached to ("Celebrations of X's death [were premature]")."""
    out = {x.i for x in clause.subtree}
    if clause.dep_ == "relcl" and not any(c.tag_ in ("WDT", "WP", "WP$") for c in clause.subtree):
        out |= {x.i for x in clause.head.subtree}
    return out


def is_hedged(trigger: Token, sent: Span) -> bool:
    for tok in _governors(trigger, sent):
        lemma = tok.lemma_.lower()
        if lemma in HEDGES and not (lemma == "claimed" and tok.dep_ != "amod"):
            if lemma in ("believe", "think", "suggest") and not (tok.tag_ == "VBN" or tok.i == trigger.i or tok.dep_ != "ROOT"):
                continue
            return True
    return False


def modality_of(trigger: Token, sent: Span, attributed: bool) -> Modality:
    if is_negated(trigger, sent):
        return Modality.DENIED
    if is_hedged(trigger, sent) or unconfirmed(trigger, sent):
        return Modality.HEDGED
    return Modality.REPORTED if attributed else Modality.ASSERTED


__all__ = ["NEGATIONS", "is_hedged", "is_negated", "modality_of", "non_confirmation"]
