"""What someone is called and what they are: alias (born as, known as, real name, a name
in quotes or brackets), role (titles, appositions, 'X is a ...'), and the membership a
title implies ('ISIS chief Abu Bakr al-Baghdadi')."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Token

from claimgraph.extract.lexicon import is_person_noun
from claimgraph.extract.parsed import children, set_off
from claimgraph.extract.predicates.base import Context, Found, child, conjuncts, is_aside, prep_objects
from claimgraph.model import Mention, Modality

QUOTED = re.compile(r"[“\"‘']([A-Z][^”\"’']{1,60})[”\"’']")


def _fold(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text).strip().lower()


def _value(text: str) -> dict[str, str]:
    return {"value": text.strip(" ,.“”\"‘’'()"), "datatype": "text"}


def _name_after(ctx: Context, tok: Token) -> tuple[str, int] | None:
    """A proper name that starts at or right after tok: a quoted string or a mention."""
    rest = ctx.text[tok.idx : ctx.sent.end_char]
    q = QUOTED.match(rest.lstrip())
    if q:
        return q.group(1), tok.idx + rest.index(q.group(1))
    m = ctx.by_token.get(tok.i)
    if m is not None and m.type == "PERSON" or (m is not None and tok.pos_ == "PROPN"):
        return m.text, m.start or 0
    return None


def find_names(ctx: Context) -> Iterator[Found]:
    for tok in ctx.tokens:
        lemma = tok.lemma_.lower()
        if lemma in ("bear", "born") and tok.tag_ == "VBN":
            yield from _alias_after(ctx, tok, "as", "rules/alias.born-as.v1")
        elif lemma == "know" and tok.tag_ == "VBN":
            yield from _known_as(ctx, tok)
        elif lemma in ("call", "name", "dub", "nickname") and tok.pos_ == "VERB":
            yield from _called(ctx, tok)
        elif lemma in ("alias", "pseudonym", "nom", "name") and tok.pos_ == "NOUN" and tok.head.lemma_ in ("use", "go", "adopt", "take"):
            for c in children(tok):
                if c.dep_ in ("appos", "compound", "npadvmod", "attr") and c.i > tok.i:
                    yield from _alias_from(ctx, tok, c, "rules/alias.uses-alias.v1")
            for _, obj in prep_objects(tok, "of"):
                yield from _alias_from(ctx, tok, obj, "rules/alias.name-of.v1")
        elif tok.lower_ == "real" and tok.head.lemma_ == "name":
            head = tok.head
            attr = child(head.head, "attr") if head.dep_ == "nsubj" else None
            if attr is not None:
                yield from _alias_from(ctx, head, attr, "rules/alias.real-name.v1")
    yield from _brackets(ctx)
    yield from identities(ctx)
    yield from _terms_for(ctx)
    yield from _of_party(ctx)


def _subject_of(ctx: Context, tok: Token) -> Mention | None:
    """Whom a participle or clause describes: the noun it modifies, or the clause's subject."""
    cur = tok
    for _ in range(4):
        if cur.dep_ in ("acl", "relcl", "amod") or (cur.dep_ == "appos"):
            m = ctx.at(cur.head)
            if m is not None:
                return m
        subj = child(cur, "nsubj", "nsubjpass")
        if subj is not None:
            return ctx.at(subj)
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return None


def _alias_after(ctx: Context, tok: Token, prep: str, rule: str) -> Iterator[Found]:
    for _, obj in prep_objects(tok, prep):
        yield from _alias_from(ctx, tok, obj, rule)


def _alias_from(ctx: Context, trigger: Token, obj: Token, rule: str) -> Iterator[Found]:
    noun = trigger.head
    apposed = noun.dep_ == "appos" and noun.head.i in ctx.by_token  # "Shishani, a fighter born as X"
    predicated = _predicated_of(ctx, noun) if trigger.dep_ == "acl" else None
    if trigger.dep_ == "acl" and noun.pos_ == "NOUN" and noun.i not in ctx.by_token and not apposed and predicated is None:
        return  # "a group named X" introduces X; it does not rename an earlier group
    subject = predicated or _subject_of(ctx, trigger)
    names = []
    for c in conjuncts(obj):
        start = min(t.i for t in c.subtree if t.i >= c.left_edge.i)
        found = _name_after(ctx, ctx.doc[start]) or _name_after(ctx, c)
        if found:
            names.append(found[0])
    if subject is None and len(names) >= 2:
        first = ctx.by_token.get(obj.i)
        if first is not None:
            subject, names = first, names[1:]
    # "X (also known as Y)", "X, known as Y,", "X, who is known as Y": an aside about X, in the
    # author's voice whatever the sentence's verb says
    aside = _aside(ctx, trigger)
    for name in names:
        if subject is not None and _fold(name) != _fold(subject.text) and subject.type in ("PERSON", "ORG"):
            yield Found("alias", trigger, subject, rule, object=_value(name), confidence=0.8, structural=aside)


def _predicated_of(ctx: Context, noun: Token) -> Mention | None:
    """The person a noun phrase is said of: "X was the informant known as Y", "X remained
    anonymous as the source known as Y"."""
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "as" else noun.head if noun.dep_ == "attr" else None
    subj = child(verb, "nsubj", "nsubjpass") if verb is not None and verb.pos_ in ("VERB", "AUX") else None
    if subj is not None and subj.lower_ in ("who", "that") and verb is not None and verb.dep_ == "relcl":
        subj = verb.head
    m = ctx.at(subj) if subj is not None else None
    return m if m is not None and m.type == "PERSON" and m.label != "rules/description" else None


def _aside(ctx: Context, tok: Token) -> bool:
    """A participle or relative clause set off from its sentence, or words in brackets."""
    before = ctx.text[ctx.sent.start_char : tok.idx]
    # "X, known as Y," but not "the man known as Y"; "X, the rider known as Y,"
    within_apposition = tok.dep_ in ("acl", "amod") and tok.head.dep_ == "appos"
    return (tok.dep_ in ("acl", "amod", "appos", "parataxis") and set_off(tok) or within_apposition or is_aside(tok)
            or before.rfind("(") > before.rfind(")"))


def _speaker(ctx: Context, tok: Token) -> Mention | None:
    """The person whose clause `tok` stands in: the subject of the nearest verb above it."""
    for anc in tok.ancestors:
        subj = child(anc, "nsubj")
        m = ctx.at(subj) if subj is not None else None
        if m is not None and m.type == "PERSON":
            return m
    return None


NICKNAME_NOUNS = frozenset({"nickname", "moniker", "alias", "name", "handle", "pseudonym", "sobriquet"})


def _known_by(ctx: Context, tok: Token) -> Iterator[Found]:
    """'known by the nickname "Chispa"', 'known by the street moniker of Chispa': the name after
    the noun (quoted, in apposition or after "of") is another name of whom the participle describes."""
    for _, noun in prep_objects(tok, "by"):
        if noun.lemma_.lower() not in NICKNAME_NOUNS:
            continue
        subject = _subject_of(ctx, tok)
        if subject is None or subject.type not in ("PERSON", "ORG"):
            continue
        found = _name_after(ctx, ctx.doc[noun.i + 1]) if noun.i + 1 < ctx.sent.end else None
        if found is None:  # "the street moniker of Chispa"
            found = next((f for _, of in prep_objects(noun, "of") if (f := _name_after(ctx, of)) is not None), None)
        if found is not None and _fold(found[0]) != _fold(subject.text):
            yield Found("alias", tok, subject, "rules/alias.known-by.v1", object=_value(found[0]), confidence=0.8,
                        structural=_aside(ctx, tok))


def _known_as(ctx: Context, tok: Token) -> Iterator[Found]:
    yield from _known_by(ctx, tok)
    for _, obj in prep_objects(tok, "as"):
        start = obj.left_edge
        if start.lower_ in ("the", "a", "an") or start.pos_ == "DET" or (start.pos_ in ("NOUN", "ADJ") and start.text.islower()):
            subject = _subject_of(ctx, tok)
            if subject is None or subject.type != "PERSON":
                continue
            first = start.i + (1 if start.pos_ == "DET" else 0)
            end = obj.right_edge.idx + len(obj.right_edge)
            quoted = QUOTED.search(ctx.text[ctx.doc[first].idx : ctx.sent.end_char])
            if quoted is not None and ctx.doc[first].idx + quoted.start() < end:  # "known as the informant 'Grey Owl'"
                yield Found("alias", tok, subject, "rules/alias.known-as.v1", object=_value(quoted.group(1)),
                            confidence=0.8, structural=_aside(ctx, tok))
                end = ctx.doc[first].idx + quoted.start()
            text = ctx.text[ctx.doc[first].idx : end].strip(" ,\"'“”‘’")
            if text:
                yield Found("role", tok, subject, "rules/role.known-as.v1", object=_value(text), structural=_aside(ctx, tok))
            continue
        yield from _alias_from(ctx, tok, obj, "rules/alias.known-as.v1")


# "was rumoured to be X", "is believed to be X": an identity someone else puts forward
PERSONAL = frozenset({"he", "she", "i", "who"})  # not "it would have been X"
HEDGING_RAISERS = frozenset({"rumor", "rumour", "believe", "think", "suspect", "say", "allege", "speculate", "reckon"})


def identities(ctx: Context) -> Iterator[Found]:
    """'He was Grey Owl', 'Ms Lund was long rumoured to be "Grey Owl"', 'his identity as Grey
    Owl': a person said to be one who goes by another name has that name. The name is a
    quoted one or a person's; the subject a person named or referred to by a pronoun."""
    for tok in ctx.tokens:
        if tok.lemma_ == "be" and tok.dep_ != "aux":
            attr = child(tok, "attr")
            subj = child(tok, "nsubj")
            raiser = tok.head if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in HEDGING_RAISERS else None
            if raiser is not None and subj is None:
                subj = child(raiser, "nsubjpass", "nsubj") or _one_of(raiser)
            if attr is not None and subj is not None and (subj.pos_ == "PROPN" or subj.lower_ in PERSONAL):
                yield from _identity(ctx, tok, subj, attr, raiser is not None)
        elif tok.lemma_.lower() == "identity" and tok.pos_ == "NOUN":
            owner = child(tok, "poss")
            as_ = next((c for c in children(tok) if c.dep_ == "prep" and c.lower_ == "as"), None)
            obj = child(as_, "pobj") if as_ is not None else None
            if obj is None and as_ is not None and as_.i + 1 < ctx.sent.end:
                obj = ctx.doc[as_.i + 1]  # the parser often leaves a quoted name after "as" unattached
            if owner is not None and obj is not None:
                yield from _identity(ctx, tok, owner, obj, False)


def _one_of(raiser: Token) -> Token | None:
    """'X was one of many officials rumoured to be Y', 'X is among those thought to be Y': X."""
    noun = raiser.head if raiser.dep_ == "acl" else None
    if noun is not None and noun.dep_ == "pobj" and noun.head.lower_ in ("of", "among"):
        noun = noun.head.head
    if noun is None:
        return None
    if noun.dep_ == "attr" or noun.pos_ in ("VERB", "AUX"):
        verb = noun.head if noun.dep_ == "attr" else noun
        subj = child(verb, "nsubj")
        return subj if subj is not None and (subj.pos_ == "PROPN" or subj.lower_ in PERSONAL) else None
    return None


def _identity(ctx: Context, trigger: Token, subj: Token, name_tok: Token, hedged: bool) -> Iterator[Found]:
    person = ctx.at(subj)
    if subj.pos_ == "PRON" and person is not None and person.id == getattr(ctx.by_token.get(name_tok.i), "id", None):
        person = _speaker(ctx, trigger)  # "X denied that he was Y": the pronoun read as Y is X
    if person is None or person.type != "PERSON" or person.label == "rules/description":
        return
    quoted = QUOTED.match(ctx.text[name_tok.left_edge.idx : ctx.sent.end_char])
    named = ctx.by_token.get(name_tok.i)
    if quoted is not None:
        name = quoted.group(1)
    elif (named is not None and named.type == "PERSON" and named.label != "rules/description" and name_tok.pos_ == "PROPN"
          and not is_person_noun(named.text.split()[-1].lower())):  # "she was Founder and CEO": a post
        name = named.text
    else:
        return
    if _fold(name) != _fold(person.text) and (named is None or named.id != person.id):
        yield Found("alias", trigger, person, "rules/alias.identity.v1", object=_value(name), confidence=0.6,
                    modality=Modality.HEDGED if hedged else None)


def _called(ctx: Context, tok: Token) -> Iterator[Found]:
    """'was nicknamed "Bubba"', 'colleagues called her "the Ice Queen"', 'calls himself X'. Not
    'will name X as minister' (an appointment) nor 'called him a liar' (a description)."""
    if tok.lemma_.lower() == "name" and (any(c.lower_ == "as" for c in children(tok)) or not QUOTED.search(ctx.text[tok.idx : ctx.sent.end_char])):
        return
    named = child(tok, "dobj")
    person = ctx.at(named) if named is not None and named.pos_ != "PRON" or named is not None and named.lower_ not in ("himself", "herself", "itself", "themselves") else None
    if person is not None and person.type == "PERSON" and child(tok, "oprd", "xcomp", "attr", "ccomp") is not None:
        complement = child(tok, "oprd", "xcomp", "attr", "ccomp")
        first = complement.left_edge if complement is not None else None
        if first is None or first.lower_ in ("a", "an", "the") and not QUOTED.match(ctx.text[first.idx : ctx.sent.end_char]):
            return  # "called Magruder a liar"
    objects = [c for c in children(tok) if c.dep_ in ("dobj", "oprd", "xcomp", "attr")]
    named_person = next((ctx.by_token[c.i] for c in objects if c.i in ctx.by_token and ctx.by_token[c.i].type == "PERSON"), None)
    quoted = QUOTED.match(ctx.text[named_person.end : ctx.sent.end_char].lstrip()) if named_person is not None and named_person.end else None
    if named_person is not None and quoted:
        name = quoted.group(1)  # 'colleagues called Ingrid Lund "Isdronningen"': the name after the person
        if _fold(name) != _fold(named_person.text):
            yield Found("alias", tok, named_person, "rules/alias.called.v1", object=_value(name), confidence=0.8)
        return
    obj = child(tok, "oprd", "xcomp", "attr")
    if obj is None:
        dobjs = [c for c in children(tok) if c.dep_ == "dobj"]
        obj = dobjs[-1] if dobjs else None
        if obj is not None and obj.pos_ == "PRON":  # "calls herself X or Y"
            obj = child(obj, "appos") or next((c for c in children(tok) if c.dep_ in ("oprd", "ccomp", "xcomp")), None)
    if obj is not None:
        yield from _alias_from(ctx, tok, obj, "rules/alias.called.v1")


def _brackets(ctx: Context) -> Iterator[Found]:
    """'Bely Sneg ("White Snow")', 'Al-Shimali (also known as ...)' — a name then a bracketed name."""
    text = ctx.text
    for m in ctx.in_sentence:
        if m.start is None or m.end is None or not (ctx.sent.start_char <= m.start < ctx.sent.end_char) or m.type != "PERSON":
            continue
        after = text[m.end : min(m.end + 80, ctx.sent.end_char)]
        b = re.match(r"\s*\(\s*[“\"‘]?([A-Z][\w' .-]{1,50}?)[”\"’]?\s*\)", after)
        if b and after[b.start(1) - 1] not in "“\"‘" and _bracketed_party(ctx, m.end + b.start(1), m.end + b.end(1)):
            continue  # "Ana Ruiz (Lisbon)", "Tom Hale (Civic Union)": where from or for whom, not another name
        if b and not b.group(1).lower().startswith(("also", "aka", "a.k.a")) and not b.group(1).isupper():
            tok = ctx.span_of(m)
            if tok is not None:
                yield Found("alias", tok.root, m, "rules/alias.brackets.v1", object=_value(b.group(1)), confidence=0.7, structural=True)


def _bracketed_party(ctx: Context, start: int, end: int) -> bool:
    """Whether the words in a bracket are the name of a place or an organisation."""
    return any(n.type in ("PLACE", "ORG") and n.label != "rules/description" and n.end is not None and n.end <= end
               for n in ctx.index.starting(start, start + 1))


TERM_NOUNS = frozenset({"term", "name", "nickname", "epithet", "label", "moniker", "word"})
QUOTED_BEFORE = re.compile(r"[“\"‘']([A-Z][^”\"’'“‘]{1,60})[”\"’']\s*$")


def _terms_for(ctx: Context) -> Iterator[Found]:
    """'the "Baghdadi State" [a pejorative term for the IS group]', 'Daesh, an Arabic name for
    Islamic State': the name before is another name of the one after "for"."""
    for tok in ctx.tokens:
        if tok.lemma_.lower() not in TERM_NOUNS or tok.pos_ != "NOUN":
            continue
        named = [ctx.first_in(obj, ("ORG", "PERSON", "PLACE")) for _, obj in prep_objects(tok, "for")]
        owner = named[0] if named else None
        if owner is None:
            continue
        left = tok.left_edge
        before = ctx.text[ctx.sent.start_char : left.idx].rstrip(" [(,—–-")
        quoted = QUOTED_BEFORE.search(before)
        if quoted:
            name = quoted.group(1)
        else:
            i = left.i - 1
            while i >= ctx.sent.start and ctx.doc[i].is_punct:
                i -= 1
            prev = ctx.by_token.get(i) if i >= ctx.sent.start else None
            if prev is None or prev.end is None or ctx.text[prev.end : left.idx].strip(" [(,—–-"):
                continue
            name = prev.text
        if name.lower() != owner.text.lower():
            yield Found("alias", tok, owner, "rules/alias.term-for.v1", object=_value(name), confidence=0.7, structural=True)


def _of_party(ctx: Context) -> Iterator[Found]:
    """'Governor Ana Ruiz of the Progress Party', 'Tom Becker of the Civic Union': a person named
    with the organisation they belong to."""
    for m in ctx.in_sentence:
        if m.type != "PERSON" or m.end is None or not (ctx.sent.start_char <= (m.start or 0) < ctx.sent.end_char):
            continue
        after = re.match(r"^,?\s+of\s+(?:the\s+)?", ctx.text[m.end : ctx.sent.end_char])
        party = ctx.mention_from(m.end + after.end()) if after else None
        span = ctx.span_of(m)
        if party is None or party.type != "ORG" or party.label == "rules/description" or span is None:
            continue
        person = ctx.named_apposition(span.root) if m.label == "rules/description" else m  # "the spokesman of X, Talal Silo"
        if person is not None:
            yield Found("member_of", span.root, person, "rules/member.of-party.v1", object=party, confidence=0.6, structural=True)


def as_holder(ctx: Context, as_tok: Token) -> Mention | None:
    """Who is what an 'as' phrase says: the object of 'appointed X as', the one 'described as',
    else the subject ('began his career as')."""
    verb = as_tok.head
    dobj = child(verb, "dobj")
    named = ctx.at(dobj) if dobj is not None else None
    if named is not None and named.type == "PERSON":
        return named
    if verb.lemma_.lower() in ("describe", "know", "identify", "name", "list") and verb.tag_ == "VBN":
        return _subject_of(ctx, verb)
    return ctx.actor_above(verb)
