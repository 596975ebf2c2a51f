"""What a predicate rule returns, and the sentence context rules share."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from spacy.tokens import Doc, Span, Token

from claimgraph.extract.coref import referents
from claimgraph.extract.lexicon import is_person_noun
from claimgraph.extract.lookup import MentionIndex
from claimgraph.extract.parsed import char_span, children, doc_text, set_off, span_tokens
from claimgraph.model import Document, Mention, Modality, Section, stable_id

# Unnamed people who act for an organisation ("militants claiming to represent X").
GROUP_PEOPLE = frozenset({"militant", "fighter", "gunman", "rebel", "member", "supporter", "loyalist", "soldier", "jihadist", "insurgent"})
PERSONISH = {"leader", "commander", "man", "militant", "fighter", "jihadist", "chief", "emir", "official", "officer", "colonel",
             "defector", "sniper", "minister", "citizen", "national", "native", "veteran", "woman"}


@dataclass
class Found:
    predicate: str
    trigger: Token
    subject: Mention
    rule: str
    object: Mention | dict[str, Any] | None = None
    agent: Mention | None = None
    place: Mention | None = None
    confidence: float = 0.6
    # a description presupposed by the sentence (a title, an apposition): the main verb's
    # negation or hedge does not reach it
    structural: bool = False
    # set by a frame: `denied` for what ended ("fired as coach"), `hedged` for rumours
    modality: Modality | None = None
    time: dict[str, str] | None = None  # when the words give it outright ("(1903 – 1987)")
    extra_mentions: list[Mention] = field(default_factory=list)
    source: Mention | None = None  # the party the frame's own verb gives the claim to (a lister, a counter)


class Context:
    """One sentence with the document's mentions, for the predicate rules."""

    def __init__(self, doc: Doc, sent: Span, mentions: list[Mention], by_token: dict[int, Mention], text: str | None = None,
                 document: Document | None = None, index: MentionIndex | None = None):
        self.doc = doc
        self.text = doc_text(doc) if text is None else text
        self.sent = sent
        self.tokens = span_tokens(sent)  # the sentence's tokens, made once (claimgraph.extract.parsed)
        self.mentions = mentions
        self.index = MentionIndex(mentions) if index is None else index
        self.by_token = by_token
        self.document = document

    @cached_property
    def in_sentence(self) -> list[Mention]:
        """The mentions that start in this sentence, in list order."""
        return self.index.starting(self.sent.start_char, self.sent.end_char)

    def new_mention(self, span: Span, type_: str, label: str) -> Mention:
        """A mention a rule finds inside a name or a word the tagger left out ("Canadian" in
        "a Canadian politician"); the claim that uses it carries it in `extra_mentions`."""
        existing = self.by_token.get(span.start)
        if existing is not None and existing.start == span.start_char and existing.end == span.end_char:
            return existing
        doc_id = self.document.id if self.document is not None else ""
        section = self.document.section_at(span.start_char) if self.document is not None else Section.BODY
        return Mention(id=stable_id("m", doc_id, span.start_char, span.end_char), document=doc_id, start=span.start_char,
                       end=span.end_char, text=span.text, type=type_, label=label, section=section)

    def at(self, tok: Token | None) -> Mention | None:
        """The mention covering `tok`, a pronoun's antecedent, or the mention a
        description stands in apposition to."""
        if tok is None:
            return None
        m = self.by_token.get(tok.i)
        if m is not None:
            if m.label == "rules/description":  # "Tajikistan's top officer, Gumurod Halimov": the name
                return self.named_apposition(tok) or m
            return m
        refers = referents(self.doc)  # what coreference linked this pronoun or nominal to
        if tok.i in refers:
            return refers[tok.i]
        if tok.pos_ == "PRON" or tok.lower_ in ("his", "her", "its", "their", "whose", "who", "which"):
            return self.antecedent(tok)
        for child in children(tok):
            if child.dep_ == "appos" and child.i in self.by_token:
                return self.by_token[child.i]
        if tok.dep_ == "appos" and tok.head.i in self.by_token:
            return self.by_token[tok.head.i]
        if tok.pos_ == "NOUN" and tok.tag_ == "NNS" and tok.lemma_ in GROUP_PEOPLE:
            party = self.represented(tok)  # "militants claiming to represent X", "fighters loyal to X"
            if party is not None:
                return party
        if tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in children(tok)):
            if tok.lemma_ in PERSONISH:  # "the 'minister of war' Gulmurod Khalimov", else an earlier person
                return self.following_name(tok) or self.last_of("PERSON", tok.idx)
            return self.last_named(tok.lower_, tok.idx)  # "the brigade" after "the Northern Shield Brigade"
        return None

    def following_name(self, tok: Token) -> Mention | None:
        """The person named right after a title noun, before any verb or comma."""
        for t in self.doc[tok.i + 1 : min(tok.i + 7, self.sent.end)]:
            m = self.by_token.get(t.i)
            if m is not None and m.type == "PERSON" and m.label != "rules/description":
                return m
            if t.pos_ in ("VERB", "AUX", "PRON") or t.text in (",", ";", "(", ")"):
                return None
        return None

    def represented(self, people: Token) -> Mention | None:
        """The organisation unnamed people act for: 'claiming to represent X', 'loyal to X',
        'of X' (an organisation, not a place: 'fighters from Syria' is where they come from)."""
        for c in people.subtree:
            if c.i == people.i or c.dep_ not in ("dobj", "pobj"):
                continue
            via = c.head
            if (via.lemma_ in ("represent", "serve", "join") or (via.lower_ in ("to", "of", "for") and
                                                                via.head.lemma_ in ("loyal", "member", "claim", people.lemma_, "fight"))):
                m = self.by_token.get(c.i)
                if m is not None and m.label != "rules/description" and (m.type == "ORG" or via.lemma_ == "represent"):
                    return m  # one claims to represent a province or a country, not to be from it
        return None

    def named_apposition(self, tok: Token) -> Mention | None:
        head = tok
        while head.dep_ in ("compound", "amod", "poss") and head.head.i != head.i:
            head = head.head
        for c in children(head):
            m = self.by_token.get(c.i)
            if c.dep_ == "appos" and m is not None and m.label != "rules/description":
                return m
        if head.dep_ == "appos":
            m = self.by_token.get(head.head.i)
            if m is not None and m.label != "rules/description":
                return m
        return None

    def last_named(self, head: str, before: int) -> Mention | None:
        """The last organisation before `before` whose name ends in the word `head`."""
        for m in self.index.before(before, self.index.once("orgs-by-last-word", self._orgs_by_last_word).get(head, ())):
            if m.start is not None and m.start < before and m.type == "ORG" and m.text.lower().split()[-1:] == [head]:
                return m
        return None

    def _orgs_by_last_word(self) -> dict[str, list[Mention]]:
        out: dict[str, list[Mention]] = {}
        for m in self.mentions:
            if m.type == "ORG" and m.text.strip():
                out.setdefault(m.text.lower().split()[-1], []).append(m)
        return out

    def antecedent(self, tok: Token) -> Mention | None:
        refers = referents(self.doc)
        if tok.i in refers:
            return refers[tok.i]
        low = tok.lower_
        if low in ("i", "me", "my", "we", "us", "our", "you", "your"):
            return None  # the speaker or the reader, not a name in the text
        if low in ("who", "whose", "which", "that"):
            head = tok.head
            while head.dep_ not in ("relcl",) and head.head.i != head.i:
                head = head.head
            noun = head.head if head.dep_ == "relcl" else None
            if noun is not None and noun.i != tok.i:
                return self.at(noun)
            return None
        if low in ("it", "its"):  # a group or a country
            found = [m for m in (self.last_of("ORG", tok.idx), self.last_of("PLACE", tok.idx)) if m is not None]
            return max(found, key=lambda m: m.start or 0) if found else None
        kind = "ORG" if low in ("they", "their", "them") else "PERSON"
        return self.last_of(kind, tok.idx)

    def last_of(self, kind: str, before: int) -> Mention | None:
        """The last name of this type before `before`; media and platforms are sources, not the
        actors a pronoun picks up."""
        for m in self.index.before(before):
            if m.start is not None and m.start < before and m.type == kind and m.label not in ("rules/description", "rules/media-name", "meta/publisher"):
                return m
        return None

    def mention_from(self, pos: int) -> Mention | None:
        """The name that starts at text offset `pos` (spaces and quotes skipped)."""
        while pos < self.sent.end_char and self.text[pos] in " \t\"'“‘":
            pos += 1
        return next((m for m in self.index.starting(pos, pos + 1) if m.label != "rules/description"), None)

    def actor_above(self, tok: Token) -> Mention | None:
        """The party doing what tok's clause says: the subject of the nearest clause above it."""
        for cur in [tok, *tok.ancestors]:
            subj = next((c for c in children(cur) if c.dep_ in ("nsubj", "nsubjpass") and c.i != tok.i), None)
            m = self.at(subj) if subj is not None else None
            if m is not None and m.type in ("PERSON", "ORG"):
                return m
            if subj is not None:
                return None
        return None

    def named_inside(self, m: Mention) -> Mention:
        """The organisation or place a description names ("ISIS fighters": ISIS), else itself."""
        span = self.span_of(m) if m.label == "rules/description" else None
        if span is None:
            return m
        inner = [n for n in self.in_subtree(span.root, ("ORG", "PLACE")) if n.label != "rules/description"]
        return next((n for n in inner if (n.start or 0) >= (m.start or 0) and (n.end or 0) <= (m.end or 0)), m)

    def span_of(self, m: Mention) -> Span | None:
        if m.start is None or m.end is None:
            return None
        return char_span(self.doc, m.start, m.end)

    def title_run(self, m: Mention) -> list[Token]:
        """The title words right before a person's name: 'Russian Foreign Minister', 'ISIS chief',
        "Tajikistan's top officer", 'Islamic State in Iraq and Syria commander'. Read from the
        words, not the parse: the small model breaks long noun stacks apart. A whole organisation
        or place name joins the run; a verb, determiner, preposition or comma ends it."""
        span = self.span_of(m)
        if span is None:
            return []
        run: list[Token] = []
        i = span.start - 1
        while i >= self.sent.start:
            t = self.doc[i]
            if self._named(t) and self.by_token[t.i] is not m:
                inner = self.span_of(self.by_token[t.i])
                if inner is None or inner.start < self.sent.start:
                    break
                run[:0] = list(inner[: i - inner.start + 1])
                i = inner.start - 1
                continue
            if t.text in ("‘", "’", "'", "“", "”") and not run:
                i -= 1
                continue
            if t.text in ("-", "–") and not t.whitespace_ and run and i > self.sent.start and not self.doc[i - 1].whitespace_:
                run[:0] = [self.doc[i - 1], t]  # "high-profile", "US-trained"
                i -= 2
                continue
            if t.text == "." and i > self.sent.start and is_person_noun(self.doc[i - 1].lower_):  # "Sgt . X"
                run[:0] = [self.doc[i - 1], t]
                i -= 2
                continue
            titleish = t.pos_ in ("ADJ", "PROPN") or is_person_noun(t.lemma_.lower()) or (t.pos_ == "NOUN" and t.dep_ in ("compound", "nmod"))
            # "Islamic State in Iraq and Syria commander": a connective between two names
            linking = t.lower_ in ("in", "and", "of", "for") and run and self._named(run[0]) and i > self.sent.start and self._named(self.doc[i - 1])
            # "Nuggets President and General Manager X": two posts of one holder
            linking = linking or (t.lower_ in ("and", "&") and bool(run) and i > self.sent.start
                                  and self.doc[i - 1].text[:1].isupper() and is_person_noun(self.doc[i - 1].lemma_.lower()))
            if titleish or linking or t.text in ("’s", "'s"):
                run.insert(0, t)
                i -= 1
                continue
            break
        while run and (run[0].pos_ in ("PUNCT", "PART") or run[0].text in ("’s", "'s")):
            run = run[1:]
        return run if any(is_person_noun(t.lemma_.lower()) or is_person_noun(t.lower_) for t in run) else []

    def _named(self, tok: Token) -> bool:
        m = self.by_token.get(tok.i)
        return m is not None and m.type in ("ORG", "PLACE") and m.label != "rules/description"

    def titled_person(self, m: Mention) -> Mention | None:
        """The person whose title holds this organisation or place: 'the death of ISIS commander
        X' names X, not ISIS."""
        if m.type == "PERSON" or m.end is None:
            return None
        for p in self.index.starting(m.end, self.sent.end_char):
            if p.type != "PERSON" or p.start is None or not (m.end <= p.start < self.sent.end_char):
                continue
            if p.start - m.end > 80:
                continue
            if any(self.by_token.get(t.i) is m for t in self.title_run(p)):
                return p
        return None

    def in_subtree(self, tok: Token, types: tuple[str, ...] = ("PERSON", "ORG", "PLACE")) -> list[Mention]:
        """Mentions inside tok's subtree, in order, one each."""
        seen: dict[str, Mention] = {}
        for t in tok.subtree:
            m = self.by_token.get(t.i)
            if m is not None and m.type in types and m.id not in seen:
                seen[m.id] = m
        return list(seen.values())

    def first_in(self, tok: Token | None, types: tuple[str, ...] = ("PERSON", "ORG", "PLACE")) -> Mention | None:
        if tok is None:
            return None
        own = self.at(tok)
        if own is not None and own.type in types:
            return own
        found = self.in_subtree(tok, types)
        return found[0] if found else None


def conjuncts(tok: Token) -> list[Token]:
    """tok and the tokens coordinated with it ("X and Y"). In a list of names the parser often
    hangs the second name on the first as an apposition ("A, B, C and D"): a proper name in
    apposition to a proper name that has a coordinator of its own is one of the list."""
    out = [tok]
    listed = any(c.dep_ == "cc" for c in children(tok))
    for c in children(tok):
        if c.dep_ == "conj" or c.dep_ == "appos" and c.pos_ == "PROPN" and tok.pos_ == "PROPN" and (
                listed or any(g.dep_ in ("conj", "cc") for g in children(c))):
            out.extend(conjuncts(c))
    return out


def child(tok: Token, *deps: str) -> Token | None:
    return next((c for c in children(tok) if c.dep_ in deps), None)


def prep_objects(tok: Token, *preps: str) -> list[tuple[Token, Token]]:
    """(preposition, object) pairs hanging from tok: 'trained under X' -> (under, X)."""
    out = []
    for c in children(tok):
        if c.dep_ in ("prep", "agent", "dative") and (not preps or c.lower_ in preps):
            for o in children(c):
                if o.dep_ == "pobj":
                    out.append((c, o))
    return out


def is_aside(verb: Token) -> bool:
    """A non-restrictive relative clause ("X, who is known as Y, ..."): background the sentence
    presupposes, in the author's voice whoever the sentence quotes."""
    return verb.dep_ == "relcl" and set_off(verb)
