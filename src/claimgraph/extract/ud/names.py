"""The name a span goes by: as written, or (in an inflected language) in its base form.

"гибели Руслана Джабраилова" names "Руслан Джабраилов"; "министерства обороны" names
"министерство обороны": the head and the words that agree with it take their nominative
(the parser's `norm_`, see claimgraph.nlp.russian), dependents in another case stay as written.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

AGREEING = ("amod", "flat", "flat:name", "flat:foreign", "appos", "det", "nummod")


def _agrees(tok: Token, root: Token) -> bool:
    if tok.i == root.i:
        return True
    cur = tok
    while cur.i != root.i and cur.dep_ in AGREEING and cur.head.i != cur.i:
        cur = cur.head
    return cur.i == root.i and tok.morph.get("Case", []) == root.morph.get("Case", [])


def span_name(span: Span, inflected: bool) -> str:
    if not inflected:
        return span.text
    root = span.root
    out = []
    for tok in span:
        word = tok.norm_ if _agrees(tok, root) and tok.norm_ and tok.norm_.lower() != tok.lower_ else tok.text
        if word != tok.text and tok.text[:1].isupper():
            word = word[:1].upper() + word[1:]
        out.append(word + tok.whitespace_)
    return "".join(out).strip()
