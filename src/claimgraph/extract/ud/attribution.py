"""Who says so, in a UD-parsed sentence: a reporting verb and its subject ("министерство заявило,
что …", "le porte-parole a démenti …"), a source phrase ("по словам X", "по данным X",
"selon X", "d'après X"). The cue words come from the language's lexicon.

A statement's content is the clause the verb governs (its complement, parataxis or object), or
for a trailing cue ("…, a déclaré le ministère") and a source phrase, the rest of its sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from claimgraph.extract.ud.context import UDContext
from claimgraph.extract.ud.mentions import description, trimmed
from claimgraph.model import Mention, Statement, stable_id
from claimgraph.model import Span as TextSpan

CONTENT = ("ccomp", "parataxis", "obj", "xcomp", "csubj")
CUT = ("acl:relcl", "punct", "parataxis", "conj", "cc")


@dataclass
class UDStatement:
    statement: Statement
    source: Mention | None
    cue: Token
    denial: bool = False
    belief: bool = False

    def covers(self, offset: int) -> bool:
        return self.statement.content.start <= offset < self.statement.content.end


def _text_span(doc: Doc, start: int, end: int) -> TextSpan:
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].dep_ == "mark"):
        start += 1  # ", что …", "que …": the clause, not its conjunction
    span = doc[start:end]
    text = span.text.rstrip()
    lead = len(text) - len(text.lstrip())
    return TextSpan(span.start_char + lead, span.start_char + len(text), text.strip())


def _source(ctx: UDContext, tok: Token, described: list[Mention]) -> Mention | None:
    """The party a source word names, or a description of its own for an unnamed one."""
    m = ctx.at(tok)
    if m is not None:
        return m
    for t in tok.subtree:  # "представитель группировки Идрис Малсагов", "un porte-parole du ministère"
        m = ctx.by_token.get(t.i)
        if m is not None and m.type in ("PERSON", "ORG"):
            return m
    lemma = tok.lemma_.lower()
    if tok.pos_ not in ("NOUN", "PROPN") or lemma not in ctx.lexicon.source_nouns | ctx.lexicon.role_nouns | ctx.lexicon.org_nouns:
        return None  # "selon des informations …": the publisher relays it
    words = [t for t in tok.subtree if not (t.i > tok.i and t.dep_ in CUT)]
    span = trimmed(ctx.doc[min(t.i for t in words):max(t.i for t in words) + 1])
    if span is None:
        return None
    type_ = "ORG" if lemma in ctx.lexicon.org_nouns else "PERSON"
    m = description(ctx.document, span, ctx.lexicon, type_)
    described.append(m)
    return m


def _verb_statement(ctx: UDContext, verb: Token, described: list[Mention]) -> UDStatement | None:
    lexicon = ctx.lexicon
    lemma = verb.lemma_.lower()
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    trailing = verb.dep_ in ("parataxis", "ccomp", "conj") and verb.i > verb.head.i
    # "X n'est pas mort, a affirmé son frère Y": the reported clause first, hung on the verb
    fronted = [] if subjects else [c for c in verb.children if c.dep_ in ("advcl", "ccomp", "parataxis", "dep") and c.i < verb.i]
    if not subjects and (trailing or fronted):  # "…, affirme Malsagov": the inverted subject parsed as an object
        subjects = [c for c in verb.children if c.dep_ == "obj" and c.i > verb.i and _names_someone(ctx, c)]
    if not subjects:
        return None
    # the clause it governs, also one the parser attached loosely but that opens with "что" / "que"
    content = [c for c in verb.children if (c.dep_ in CONTENT or (c.i > verb.i and any(k.dep_ == "mark" for k in c.children))
                                            or (c.dep_ in ("obl", "nmod") and any(k.dep_ == "case" and k.lower_ in lexicon.about for k in c.children)))
               and c.i != subjects[0].i and not ((trailing or fronted) and c.i > verb.i)] + [c for c in fronted if c.dep_ in ("advcl", "dep")]
    sent = ctx.sent
    if content:
        start = min(t.left_edge.i for t in content)
        end = max(t.right_edge.i for t in content) + 1
    elif trailing:  # "…, a déclaré le ministère"
        start, end = sent.start, verb.left_edge.i
    else:
        return None
    source = _source(ctx, subjects[0], described)
    return _statement(ctx, verb, source, start, end, denial=lemma in lexicon.denial_verbs, belief=lemma in lexicon.belief_verbs)


def _names_someone(ctx: UDContext, tok: Token) -> bool:
    """The phrase holds a mention: "Malsagov", "son frère Yacine Benali"."""
    return any(ctx.by_token.get(t.i) is not None for t in tok.subtree)


def _phrase_statement(ctx: UDContext, tok: Token, described: list[Mention]) -> UDStatement | None:
    """"по словам X, …", "по данным X", "selon X", "d'après X": X is the source of the sentence."""
    for prep, noun in ctx.lexicon.source_phrases:
        marker = next((c for c in tok.children if c.dep_ == "case" and _is(c, prep)), None)
        if marker is None:
            continue
        if noun:
            if tok.lemma_.lower() != noun:
                continue
            owners = [c for c in tok.children if c.dep_ in ("nmod", "nmod:poss", "det:poss") or ("Gen" in c.morph.get("Case", []) and c.dep_ != "case")]
            if not owners:
                continue
            source_tok = owners[0]
        else:
            source_tok = tok
        source = _source(ctx, source_tok, described)
        return _statement(ctx, marker, source, ctx.sent.start, _through_comma(ctx))
    return None


def _through_comma(ctx: UDContext) -> int:
    """The end of the sentence, or of the next one when the parser cut the sentence at the comma
    after the source phrase ("Selon la police, | X a été arrêté")."""
    last = next((t for t in reversed(ctx.sent) if not t.is_space), None)
    following = ctx.doc[ctx.sent.end] if ctx.sent.end < len(ctx.doc) else None
    if following is not None and ((last is not None and last.text == ",") or following.text == ","):
        return following.sent.end
    return ctx.sent.end


def _is(tok: Token, word: str) -> bool:
    """The preposition is `word`, also when the tokenizer split it ("d'" + fixed "après")."""
    written = tok.lower_ + "".join(c.lower_ for c in tok.children if c.dep_ == "fixed")
    return written.replace("’", "'") == word


def _statement(ctx: UDContext, cue: Token, source: Mention | None, start: int, end: int,
               denial: bool = False, belief: bool = False) -> UDStatement | None:
    content = _text_span(ctx.doc, start, end)
    if not content.text:
        return None
    statement = Statement(id=stable_id("s", ctx.document.id, cue.idx, content.start), document=ctx.document.id,
                          source=source.id if source else None, source_text=source.text if source else "",
                          cue=cue.text, content=content, kind="indirect")
    return UDStatement(statement, source, cue, denial, belief)


def find_statements(ctx: UDContext, described: list[Mention]) -> list[UDStatement]:
    """The statements of one sentence; unnamed sources are appended to `described`."""
    lexicon = ctx.lexicon
    cues = lexicon.reporting_verbs | lexicon.denial_verbs | lexicon.belief_verbs
    out = []
    for tok in ctx.sent:
        found = None
        if tok.pos_ == "VERB" and tok.lemma_.lower() in cues:
            found = _verb_statement(ctx, tok, described)
        elif tok.pos_ in ("NOUN", "PROPN", "PRON"):
            found = _phrase_statement(ctx, tok, described)
        if found is not None:
            out.append(found)
    return out


def innermost(statements: list[UDStatement], offset: int) -> UDStatement | None:
    inside = [s for s in statements if s.covers(offset)]
    return min(inside, key=lambda s: s.statement.content.end - s.statement.content.start) if inside else None

