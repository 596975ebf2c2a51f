"""How firmly, in a UD-parsed sentence: denied, hedged, reported or asserted, from the words the
language's lexicon lists (negations, denial verbs, hedges, moods that report at second hand)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimgraph.extract.frames.lexicon import Lexicon
from claimgraph.model import Modality

MODIFIERS = ("advmod", "aux", "aux:pass", "aux:tense", "cop", "det", "amod", "discourse", "obl", "parataxis")
PRESUPPOSED = ("acl:relcl", "appos")  # "X, который возглавлял группу, …" does not deny what the clause says


def _chain(trigger: Token, sent: Span) -> list[Token]:
    """The trigger and the words it hangs from, within the sentence, up to a relative clause."""
    chain = [trigger]
    cur = trigger
    while cur.head.i != cur.i and sent.start <= cur.head.i < sent.end and cur.dep_ not in PRESUPPOSED:
        cur = cur.head
        chain.append(cur)
    return chain


def _negated(tok: Token, lexicon: Lexicon) -> bool:
    return any(c.dep_ in ("advmod", "neg", "det") and (c.lower_ in lexicon.negations or c.lemma_.lower() in lexicon.negations)
               for c in tok.children) or "Neg" in tok.morph.get("Polarity", [])


def modality_of(trigger: Token, sent: Span, lexicon: Lexicon, attributed: bool) -> Modality:
    chain = _chain(trigger, sent)
    for tok in chain:
        lemma = tok.lemma_.lower()
        if lemma in lexicon.confirm_verbs and _negated(tok, lexicon):
            return Modality.HEDGED  # "не подтвердил", "n'a pas confirmé": no support, no denial
        if tok.i != trigger.i and lemma in lexicon.denial_verbs:
            return Modality.DENIED
        if lemma in lexicon.reporting_verbs or lemma in lexicon.belief_verbs:
            break  # what the speaker does is not what the content says
        if _negated(tok, lexicon) and not (tok.i != trigger.i and tok.pos_ in ("NOUN", "PROPN")):
            return Modality.DENIED
    if hedged(chain, lexicon):
        return Modality.HEDGED
    return Modality.REPORTED if attributed else Modality.ASSERTED


def hedged(chain: list[Token], lexicon: Lexicon) -> bool:
    for tok in chain:
        near = [tok] + [c for c in tok.children if c.dep_ in MODIFIERS]
        for t in near:
            if t.lemma_.lower() in lexicon.hedges or t.lower_ in lexicon.hedges:
                return True
            if lexicon.hedged_moods & set(t.morph.get("Mood", [])):
                return True
    return False


def non_confirmation(sent: Span, lexicon: Lexicon) -> bool:
    """A sentence that says something is unconfirmed ("информация не подтверждена", "selon des
    informations non confirmées"): its claims, and those of the sentence before, are hedged."""
    lemmas = [t.lemma_.lower() for t in sent if not t.is_punct and not t.is_space]
    for phrase in lexicon.hedge_phrases:
        at = 0
        for word in phrase:
            window = lemmas[at:at + 3] if at else lemmas
            if word not in window:
                break
            at = (at + window.index(word) + 1) if at else lemmas.index(word) + 1
        else:
            return True
    return False
