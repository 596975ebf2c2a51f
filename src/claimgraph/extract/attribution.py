"""Who says so: reporting verbs, "according to", passive attributions and quotations.

Each attribution becomes a Statement: its source (a mention, or the words used), the cue
and the content span. A quotation that runs over several sentences, and a paragraph that
continues a quotation, belong to the statement whose cue closes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain

from spacy.tokens import Doc, Span, Token

from claimgraph.extract.lexicon import ORG_DESCRIPTION_HEADS, REPORTING_NOUNS, REPORTING_VERBS, type_from_name
from claimgraph.extract.lookup import MentionIndex
from claimgraph.extract.mentions import make_mention, token_mention
from claimgraph.extract.parsed import children, doc_text, sentences, set_off, span_tokens
from claimgraph.model import Document, Mention, Statement, stable_id
from claimgraph.model import Span as TextSpan

OPEN_QUOTES = "“‘\"«"
CLOSE_QUOTES = "”’\"»"
PRONOUNS = {"he": "PERSON", "she": "PERSON", "him": "PERSON", "her": "PERSON", "it": "ORG", "they": "ORG", "we": "ORG", "i": "PERSON"}


@dataclass
class Attribution:
    statement: Statement
    source_mention: Mention | None
    cue_token: int  # token index of the cue
    relayed: bool = False  # an unnamed document or "reports": the publisher reports it


# Nouns for documents that speak for their author ("the report", "an editorial", "the charge sheet").
DOCUMENT_NOUNS = frozenset({
    "report", "reports", "article", "editorial", "statement", "release", "post", "study", "data", "estimate",
    "estimates", "sheet", "record", "records", "document", "documents", "filing", "survey", "poll", "profile",
    "letter", "tweet", "memo", "transcript", "account", "accounts", "footage", "video", "broadcast", "dispatch",
    "story", "investigation", "analysis", "findings", "figures", "statistics", "indictment", "complaint",
    "lawsuit", "affidavit", "autopsy", "communique", "bulletin", "notice", "papers", "reporting",
})
# Reporting verbs that take an event as object ("confirmed his death"), and those events.
EVENT_CUES = frozenset({"confirm", "deny", "report", "announce", "acknowledge", "dismiss", "reject", "claim", "allege"})
EVENT_NOUNS = frozenset({"death", "killing", "arrest", "detention", "release", "capture", "survival", "injury", "injuries",
                         "appointment", "resignation", "dismissal", "departure", "election", "nomination", "murder",
                         "assassination", "execution", "kidnapping", "abduction", "disappearance", "identity", "role",
                         "presence", "involvement", "membership", "defection", "existence",
                         # what one denies or confirms of another: "denied charges of collaboration with X"
                         "charge", "allegation", "accusation", "rumour", "rumor", "report", "suggestion"})
# Speech verbs whose content may be a phrase after "of" or "about": "boasting of his training by X"
TOPIC_CUES = frozenset({"boast", "brag", "speak", "talk", "complain", "warn", "write", "testify"})
# Nouns for outlets, whose name may be a modifier ("the Valley Courier newspaper").
MEDIA_NOUNS = frozenset({"newspaper", "paper", "daily", "weekly", "tabloid", "agency", "channel", "network", "station",
                         "broadcaster", "magazine", "website", "site", "outlet", "radio", "television", "tv", "wire",
                         "blog", "journal", "publication", "programme", "program", "show"})


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class Attributor:
    """Finds the attributions of one document; keeps the last source for pronouns and continuations."""

    def __init__(self, document: Document, doc: Doc, mentions: list[Mention]):
        self.document = document
        self.doc = doc
        self.text = doc_text(doc)
        self.mentions = mentions
        self.index = MentionIndex(mentions)
        self.new_mentions: list[Mention] = []  # descriptions made into sources, after `mentions`
        self._by_id: dict[str, Mention] = {}
        for m in mentions:
            self._by_id.setdefault(m.id, m)
        self.last_source: dict[str, Mention] = {}

    # ---- sources ----------------------------------------------------------------------
    def source_for(self, head: Token) -> tuple[Mention | None, str, bool]:
        """Who a source phrase names, its words, and whether the report only relays an unnamed
        document ("reports say", "according to the charge sheet": the publisher's `reported`).

        In order: a pronoun's antecedent; a name the phrase holds in apposition ("the county
        coroner, Ana Pell", "Yemen's news agency SABA", "the Valley Courier newspaper"); the
        author of a document ("an editorial in the daily X", "the NYPD's statement"); a named
        mention; else a description made into a mention ("a spokesman for the ministry")."""
        phrase = self._phrase(head)
        if head.lower_ in PRONOUNS:
            return self.antecedent(head), phrase.text, False
        if head.ent_type_ in ("DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY"):
            return None, phrase.text, False  # "68 per cent of voters believe": no one in particular
        named = self._named_in_phrase(head)
        if named is not None:
            return named, phrase.text, False
        if head.lemma_.lower() in DOCUMENT_NOUNS:
            owner = self._document_owner(head)
            return owner, phrase.text, owner is None
        m = self._at(head)
        if m is None:
            return self._describe(head), phrase.text, False
        return m, phrase.text, False

    def _at(self, tok: Token) -> Mention | None:
        """The first mention covering `tok`: a name of the document, else a source made here."""
        return self.index.covering(tok.idx) or token_mention(self.new_mentions, tok)

    def _named_in_phrase(self, head: Token) -> Mention | None:
        own = self._at(head)
        if own is not None and own.label != "rules/description":
            return own
        candidates = [c for c in children(head) if c.dep_ == "appos"]
        if head.dep_ in ("compound", "nmod") and head.head.i > head.i:
            candidates.append(head.head)  # "news agency SABA" parsed with the name as head
        if head.lower_ in MEDIA_NOUNS or head.lemma_.lower() in MEDIA_NOUNS:
            candidates += [c for c in children(head) if c.dep_ in ("compound", "poss", "nmod")]  # "the Courier newspaper"
        for c in candidates:
            m = self._at(c)
            if m is not None and m.label != "rules/description" and m.type in ("PERSON", "ORG"):
                return m
        return None

    def _document_owner(self, head: Token) -> Mention | None:
        """Whose document it is: "the NYPD's statement", "a report by the AP", "an editorial
        in the daily X", "the post by Y"."""
        owners = [c for c in children(head) if c.dep_ == "poss"]
        owners += [o for c in children(head) if c.dep_ == "prep" and c.lower_ in ("by", "of", "in", "from") for o in children(c) if o.dep_ == "pobj"]
        for o in owners:
            for t in o.subtree:
                m = self._at(t)
                if m is not None and m.type in ("PERSON", "ORG") and m.label != "rules/description":
                    return m
        return None

    def _phrase(self, head: Token) -> Span:
        toks = [t for t in head.subtree if t.dep_ != "punct" or t.i < head.i]
        inside = {x.i for x in head.subtree}
        toks = [t for t in toks if not (t.dep_ in ("relcl", "acl") or any(a.dep_ in ("relcl", "acl") and a.i != head.i for a in t.ancestors if a.i in inside))]
        if not toks:
            return self.doc[head.i : head.i + 1]
        return self.doc[min(t.i for t in toks) : max(t.i for t in toks) + 1]

    def _describe(self, head: Token) -> Mention | None:
        """A common-noun source ("the officer", "a spokesman"): a mention of its own, or the
        earlier description with the same head ("the ministry" after "the Russian defence ministry")."""
        if head.pos_ not in ("NOUN", "PROPN"):
            return None
        left = [t for t in head.lefts if t.dep_ in ("amod", "compound", "nmod", "poss") and t.pos_ != "DET"]
        start_tok = min([t.left_edge for t in left] + [head], key=lambda t: t.i)
        if start_tok.pos_ == "DET":
            start_tok = self.doc[start_tok.i + 1]
        has_modifier = start_tok.i < head.i
        if not has_modifier:
            for m in chain(reversed(self.new_mentions), self.index.before(head.idx)):
                if m.start is not None and m.start < head.idx and m.text.lower().endswith(head.lower_):
                    return m
        type_ = "ORG" if head.tag_ in ("NNS", "NNPS") or head.lower_ in ORG_DESCRIPTION_HEADS or head.lower_ == "media" else "PERSON"
        start, end = start_tok.idx, head.idx + len(head)
        label = "rules/description"
        if head.pos_ == "PROPN" and not has_modifier and head.text[:1].isupper():  # "TMZ reported": a name the tagger missed
            type_, label = type_from_name(head.text, "PERSON"), "rules/proper-noun"
        made = make_mention(self.document, start, end, type_, label)
        if made is not None:
            m = made
        else:
            text = self.document.text[start:end]
            from claimgraph.extract.mentions import mention_id

            m = Mention(id=mention_id(self.document.id, start, end), document=self.document.id, start=start,
                        end=end, text=text, type=type_, label=label, section=self.document.section_at(start))
        existing = self._by_id.get(m.id)
        if existing:
            return existing
        self.new_mentions.append(m)
        self._by_id[m.id] = m
        return m

    def antecedent(self, tok: Token) -> Mention | None:
        """The last source, else the last named mention of the pronoun's kind before `tok`."""
        kind = PRONOUNS.get(tok.lower_, "PERSON")
        if kind in self.last_source:
            return self.last_source[kind]
        for m in self.index.before(tok.idx):
            if m.start is not None and m.start < tok.idx and m.type == kind:
                return m
        return None

    # ---- attributions -----------------------------------------------------------------
    def find(self) -> list[Attribution]:
        out: list[Attribution] = []
        pending_quote: tuple[int, int] | None = None  # an open quotation waiting for its cue
        for sent in sentences(self.doc):
            found = self._in_sentence(sent)
            text = self.text[sent.start_char : sent.end_char]
            opens = sum(text.count(q) for q in "“") + (1 if text.lstrip()[:1] in "‘\"" else 0)
            closes = sum(text.count(q) for q in "”")
            if not found:
                if opens > closes or (pending_quote and text.lstrip()[:1] in OPEN_QUOTES):
                    pending_quote = (pending_quote[0] if pending_quote else sent.start_char, sent.end_char)
                elif text.lstrip()[:1] in OPEN_QUOTES and out and self._adjacent(out[-1], sent):
                    out.append(self._continue(out[-1], sent))
                else:
                    pending_quote = None
                continue
            for att in found:
                if pending_quote and att.statement.kind != "indirect":
                    start = pending_quote[0]
                    end = att.statement.content.end
                    s, e = _strip(self.text, start, end)
                    att.statement = self._statement(att.source_mention, att.statement.source_text, att.statement.cue, s, e, "direct")
                out.append(att)
            pending_quote = None
        return out

    def _adjacent(self, previous: Attribution, sent: Span) -> bool:
        gap = self.text[previous.statement.content.end : sent.start_char]
        return len(gap) < 200 and gap.count("\n\n") <= 1

    def _continue(self, previous: Attribution, sent: Span) -> Attribution:
        s, e = _strip(self.text, sent.start_char, sent.end_char)
        st = self._statement(previous.source_mention, previous.statement.source_text, previous.statement.cue, s, e, "direct")
        return Attribution(st, previous.source_mention, previous.cue_token)

    def _statement(self, source: Mention | None, source_text: str, cue: str, start: int, end: int, kind: str) -> Statement:
        start, end = self._with_quotes(start, end)
        if kind == "indirect":
            kind = self._kind(start, end)
        text = self.document.text[start:end]
        return Statement(
            id=stable_id("s", self.document.id, start, end, cue), document=self.document.id,
            source=source.id if source else None, source_text=source_text, cue=cue,
            content=TextSpan(start, end, text), kind=kind,
        )

    def _with_quotes(self, start: int, end: int) -> tuple[int, int]:
        """Widen content to the quotation marks around it: “We will rebuild,” she said."""
        text = self.document.text
        if start > 0 and text[start - 1] in OPEN_QUOTES:
            tail = text[end : end + 3]
            close = next((i for i, ch in enumerate(tail) if ch in CLOSE_QUOTES), None)
            if close is not None:
                return start - 1, end + close + 1
        return start, end

    def _kind(self, start: int, end: int) -> str:
        content = self.document.text[start:end].strip()
        if content[:1] in OPEN_QUOTES and content.rstrip(".,")[-1:] in CLOSE_QUOTES:
            return "direct"
        if any(q in content for q in "“”\""):
            return "mixed"
        return "indirect"

    def _in_sentence(self, sent: Span) -> list[Attribution]:
        out = [a for a in (self._headline_colon(sent), self._impersonal(sent)) if a is not None]
        for tok in span_tokens(sent):
            source_tok, cue, content = None, None, None
            reflexive = _self_description(tok)
            if reflexive is not None:  # "X, which considers itself the branch of Y": X's own claim
                source_tok, cue = _clause_subject(tok), f"{tok.text} {reflexive.text}"
                last = max(t.i for t in tok.subtree)
                content = (tok.idx, self.doc[last].idx + len(self.doc[last])) if source_tok is not None else None
            elif tok.pos_ in ("VERB", "AUX") and tok.lemma_ in REPORTING_VERBS and not _descriptive(tok):
                source_tok, content = self._verb_source(tok, sent)
                cue = self._cue_text(tok)
            elif tok.lower_ == "according" and tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].lower_ == "to":
                to = self.doc[tok.i + 1]
                objs = [c for c in children(to) if c.dep_ == "pobj"]
                if objs:
                    source_tok, cue = objs[0], "according to"
                    phrase_end = max(t.i for t in objs[0].subtree) + 1
                    content = self._content_outside(sent, tok.i, phrase_end)
            elif tok.lemma_ in REPORTING_NOUNS and tok.pos_ == "NOUN":
                poss = [c for c in children(tok) if c.dep_ == "poss"]
                if poss and poss[0].lower_ not in ("his", "her", "its", "their"):
                    source_tok, cue = poss[0], tok.text
                    content = self._content_outside(sent, min(t.i for t in tok.subtree), max(t.i for t in tok.subtree) + 1)
            if source_tok is None or content is None:
                continue
            source, source_text, relayed = self.source_for(source_tok)
            if source is not None:
                self.last_source[source.type if source.type != "PLACE" else "ORG"] = source
            s, e = _strip(self.text, *content)
            if e - s < 3:
                continue
            st = self._statement(source, source_text, cue or tok.text, s, e, self._kind(s, e))
            out.append(Attribution(st, source, tok.i, relayed))
        return out

    def _headline_colon(self, sent: Span) -> Attribution | None:
        """'Police: suspect fled the scene' — a short speaker, a colon, what they say."""
        colon = next((t for t in span_tokens(sent) if t.text == ":"), None)
        if colon is None or colon.i - sent.start > 5 or sent.end - colon.i < 4:
            return None
        left = self.doc[sent.start : colon.i]
        if not left or any(t.pos_ in ("VERB", "AUX", "PRON") for t in left) or not any(t.pos_ in ("PROPN", "NOUN") for t in left):
            return None
        source, source_text, relayed = self.source_for(left.root)
        if source is None and not relayed:
            return None
        s, e = _strip(self.text, self.doc[colon.i + 1].idx, sent.end_char)
        st = self._statement(source, source_text, ":", s, e, self._kind(s, e))
        return Attribution(st, source, colon.i, relayed)

    def _impersonal(self, sent: Span) -> Attribution | None:
        """'It was reported that ...', 'it is understood that ...': the publisher relays it."""
        for verb in span_tokens(sent):
            if verb.tag_ != "VBN" or verb.lemma_ not in IMPERSONAL_VERBS:
                continue
            subj = next((c for c in children(verb) if c.dep_ == "nsubjpass"), None)
            clause = [c for c in children(verb) if c.dep_ == "ccomp"]
            if subj is None or subj.lower_ != "it" or not clause or any(c.dep_ == "agent" for c in children(verb)):
                continue
            lo, hi = min(t.i for t in clause[0].subtree), max(t.i for t in clause[0].subtree)
            s, e = _strip(self.text, self.doc[lo].idx, self.doc[hi].idx + len(self.doc[hi]))
            st = self._statement(None, subj.text, f"it {verb.text}", s, e, self._kind(s, e))
            return Attribution(st, None, verb.i, relayed=True)
        return None

    def _cue_text(self, verb: Token) -> str:
        extra = [c for c in children(verb) if c.dep_ == "dobj" and c.ent_type_ in ("ORG", "PERSON", "GPE")]
        return f"{verb.text} {extra[0].text}" if extra else verb.text

    def _verb_source(self, verb: Token, sent: Span) -> tuple[Token | None, tuple[int, int] | None]:
        subj = _clause_subject(verb)
        if verb.tag_ == "VBN":  # passive: "touted by US outlets", "he was quoted by ABNA24"
            agent = next((c for c in children(verb) if c.dep_ == "agent"), None)
            pobj = next((g for g in children(agent) if g.dep_ == "pobj"), None) if agent else None
            if pobj is not None:
                if verb.lemma_ == "quote":
                    subj = next((c for c in children(verb) if c.dep_ == "nsubjpass"), None) or pobj
                else:
                    subj = pobj
            elif verb.dep_ in ("amod", "acl") or any(c.dep_ == "nsubjpass" for c in children(verb)):
                return None, None
        if subj is None:
            if verb.dep_ == "conj" and verb.head.lemma_ in REPORTING_VERBS or verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG":
                subj = next((c for c in children(verb.head) if c.dep_ == "nsubj"), None)
            if subj is None:
                return None, None
        comp = [c for c in children(verb) if c.dep_ in ("ccomp", "xcomp", "dobj", "advcl", "parataxis") and c.i != subj.i]
        clause = [c for c in comp if c.dep_ in ("ccomp", "parataxis", "xcomp")]
        for d in (c for c in children(verb) if c.dep_ in ("dobj", "dative")):
            # "told a judge that X ...": the parser may hang the content on the addressee
            clause += [g for g in children(d) if g.dep_ in ("acl", "relcl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in children(g))]
            if not clause and verb.lemma_ in EVENT_CUES and d.pos_ == "NOUN" and d.lemma_.lower() in EVENT_NOUNS:
                clause.append(d)  # "police confirmed his death", "the ministry announced the arrest of X"
        if not clause and verb.lemma_ in TOPIC_CUES:
            clause += [o for p in children(verb) if p.dep_ == "prep" and p.lower_ in ("of", "about") for o in children(p) if o.dep_ == "pobj"]
        if _trailing(verb) and not clause:
            # "‘...,’ the ministry said." : the rest of the sentence is the content
            return subj, self._content_outside(sent, min(t.i for t in verb.subtree), max(t.i for t in verb.subtree) + 1)
        if clause:
            # "reported that X, described as ..., had been killed": the parser hangs the
            # clause's own verb on the reporting verb as a subjectless conjunct
            clause += [c for c in children(verb) if c.dep_ == "conj" and c.i > verb.i and not any(g.dep_ in ("nsubj", "nsubjpass") for g in children(c))]
            lo = min(t.i for c in clause for t in c.subtree)
            hi = max(t.i for c in clause for t in c.subtree) + 1
            return subj, (self.doc[lo].idx, self.doc[hi - 1].idx + len(self.doc[hi - 1]))
        if verb.i > subj.i and verb.dep_ == "ROOT" and verb.i == sent.end - 2:
            return None, None
        if verb.dep_ == "ROOT" and subj.i > verb.i or (verb.dep_ == "ROOT" and verb.i > sent.start + 2 and sent.text.lstrip()[:1] in OPEN_QUOTES):
            return subj, self._content_outside(sent, min(t.i for t in subj.subtree), sent.end)
        return None, None

    def _content_outside(self, sent: Span, lo: int, hi: int) -> tuple[int, int]:
        """The part of the sentence outside tokens [lo, hi): before it if longer, else after."""
        before = (sent.start_char, self.doc[lo].idx) if lo > sent.start else (sent.start_char, sent.start_char)
        after_start = self.doc[hi].idx if hi < sent.end else sent.end_char
        after = (after_start, sent.end_char)
        return before if before[1] - before[0] >= after[1] - after[0] else after


def _clause_subject(verb: Token) -> Token | None:
    """The verb's subject; for a relative pronoun, the noun the clause hangs on ("the agency,
    which has denied ...": the agency)."""
    subj = next((c for c in children(verb) if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ in ("which", "who", "that") and verb.dep_ == "relcl":
        return verb.head
    return subj


def _trailing(verb: Token) -> bool:
    """A reporting clause after what it reports, hung on that clause's verb: "..., the ministry
    said." (parataxis, ccomp) or "..., the Gazette reported, citing police." (an adverbial
    clause with no conjunction of its own, set off by a comma)."""
    if verb.head.i == verb.i or verb.i < verb.head.i:
        return False
    if verb.dep_ in ("parataxis", "ccomp"):
        return verb.head.lemma_ not in REPORTING_VERBS  # "said it could not confirm": the cue is "said"
    return (verb.dep_ == "advcl" and set_off(verb, (",",))
            and not any(c.dep_ in ("mark", "advmod") for c in children(verb) if c.i < verb.i))


# ("calls herself X" gives a name she goes by, which the author reports as a fact: not here)
SELF_DESCRIBING = frozenset({"consider", "describe", "bill", "proclaim", "declare", "present"})
REFLEXIVES = frozenset({"itself", "himself", "herself", "themselves"})


IMPERSONAL_VERBS = REPORTING_VERBS | {"understand"}  # "it is understood that ..."


def _self_description(verb: Token) -> Token | None:
    """The reflexive of "considers itself", "describes herself as", "calls themselves": what
    follows is the subject's account of itself."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in SELF_DESCRIBING:
        return None
    near = children(verb) + [g for c in children(verb) if c.dep_ in ("ccomp", "xcomp", "oprd") for g in children(c)]
    return next((t for t in near if t.lower_ in REFLEXIVES and t.i > verb.i), None)


def _descriptive(verb: Token) -> bool:
    """'X, described as the top commander, ...' and 'known as': a label, not a report."""
    return verb.lemma_ in ("describe", "know", "see", "regard") and any(c.dep_ == "prep" and c.lower_ == "as" for c in children(verb))


def find_attributions(document: Document, doc: Doc, mentions: list[Mention]) -> tuple[list[Attribution], list[Mention]]:
    """Attributions of the document, and the description mentions made for their sources."""
    attributor = Attributor(document, doc, mentions)
    found = attributor.find()
    return found, attributor.new_mentions
