"""Counts: "23 pirates were captured", "at least 12 people", "more than 300 fighters".

A count is a number modifying a noun (the unit). It belongs to the party that acts on what is
counted ("the navy captured 23 suspects": the navy), to the organisation the counted noun names
("1,000 ISIS fighters": ISIS), or else to the place where the counted things are ("10,000
gathered in the square", "Sixteen crew members were aboard the ship").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Token

from claimgraph.extract.frames.numbers import (
    ONES,
    TENS,
    calendar_day,
    is_range,
    money_name,
    number_value,
    number_words,
    qualifier,
)
from claimgraph.extract.frames.places import used_nationalities
from claimgraph.extract.frames.registry import REGISTRY
from claimgraph.extract.frames.slots import agent
from claimgraph.extract.lexicon import is_person_noun
from claimgraph.extract.parsed import children
from claimgraph.extract.predicates.base import Context, Found, child, conjuncts, prep_objects
from claimgraph.extract.predicates.values import BOUNTY_NOUNS, bounty_target
from claimgraph.model import Mention
from claimgraph.words import is_nationality_of

# What a number next to these nouns measures is not a count of things a source reports.
NOT_COUNTED = frozenset({"year", "day", "month", "week", "hour", "minute", "second", "time", "times", "percent",
                         "kilometer", "kilometre", "mile", "meter", "metre", "foot", "feet", "inch", "pound",
                         "kilogram", "degree", "caliber", "calibre", "mm", "point", "page", "edition", "season",
                         "decade", "century", "age", "term", "stint", "game", "mph", "kph", "km/h", "block", "p.",
                         "a.", "pm", "am", "a.m.", "p.m.", "yard", "acre", "storey", "story", "floor",
                         # a figure of speech, not a count ("in one sense", "in two ways")
                         "sense", "way", "respect", "moment", "occasion", "instance", "thing", "hand", "stage",
                         })
PARTIES = ("ORG", "PLACE")
AMOUNT_NOUNS = frozenset({"total", "number", "dozen", "dozens", "hundreds", "thousands", "group", "crowd", "batch", "team"})
LOCATIVE = ("in", "at", "on", "near", "aboard", "inside", "outside", "around", "across", "throughout", "off")


@REGISTRY.pattern("counts", "rules/counts.quantity.v2")
def quantities(ctx: Context) -> Iterator[Found]:
    for tok in ctx.tokens:
        noun = _counted(tok)
        if noun is None or re.fullmatch(r"1[5-9]\d\d|20\d\d", tok.text) or calendar_day(tok):
            continue  # a year or a day (the tagger also calls "60 rioters" a DATE: the words decide)
        if noun.lemma_.lower() in NOT_COUNTED or tok.i in ctx.by_token:
            continue
        if noun.lemma_.lower() in BOUNTY_NOUNS and bounty_target(ctx, noun) is not None:
            continue  # a sum offered for someone is that person's bounty (predicates/values.py)
        if tok.i > ctx.sent.start and ctx.doc[tok.i - 1].pos_ == "PROPN" and ctx.doc[tok.i - 1].i in ctx.by_token:
            continue  # "the OMX 30 index": part of a name
        words, datatype = number_words(ctx, tok)
        value = words if datatype == "money" else number_value(words)
        if value is None or _not_a_count(ctx, tok):
            continue
        party = counted_party(ctx, noun)
        confidence = 0.55
        if party is None and _people_in_event(noun):  # "Sixty residents were evacuated": the report's party
            party, confidence = setting(ctx), 0.45
        if party is None and _listed(noun) and not is_person_noun(noun.lemma_.lower()) and noun.lemma_.lower() not in PEOPLE:
            # "Among the seized items were seven rifles": the seizer's (people listed are casualties or suspects)
            party, confidence = _recent_party(ctx), 0.45
        if party is None:
            continue
        ctx.index.once("counts.last", dict).update(party=party, start=ctx.sent.start)
        obj: dict[str, str] = {"value": value, "datatype": datatype, "unit": _unit(ctx, tok, noun)}
        qualified = qualifier(ctx, tok)
        if qualified:
            obj["qualifier"] = qualified
        for each in _with_partners(ctx, party):
            yield Found("quantity", noun, each, "rules/counts.quantity.v2", object=dict(obj), confidence=confidence)


INVENTORY_VERBS = frozenset({"include", "comprise", "contain", "number"})


def _listed(noun: Token) -> bool:
    """A count in an inventory of what a report has already said was taken or found: 'among the
    items were seven rifles', 'the haul included 13 magazines'."""
    head = noun
    while head.dep_ in ("conj", "appos") and head.head.i != head.i and head.head.pos_ == "NOUN":
        head = head.head
    verb = head.head
    if head.dep_ in ("attr", "nsubj", "appos", "conj") and verb.lemma_ == "be":  # "among the items were X", parsed any way
        return any(c.dep_ == "prep" and c.lower_ == "among" for c in children(verb))
    return head.dep_ == "dobj" and verb.lemma_ in INVENTORY_VERBS  # a named subject is found before this


def _recent_party(ctx: Context) -> Mention | None:
    """The party of the last count in this sentence or the two before it."""
    last = ctx.index.once("counts.last", dict)
    start = last.get("start")
    if start is None or ctx.sent.start - start > 120:
        return None
    passed = sum(1 for t in ctx.doc[start + 1 : ctx.sent.start + 1] if t.is_sent_start)
    return last["party"] if passed <= 2 else None


def _with_partners(ctx: Context, party: Mention) -> list[Mention]:
    """The party and those coordinated with it in the sentence: "the FBI and the ATF offered a
    $10,000 reward" is a count of each."""
    span = ctx.span_of(party)
    if span is None or not ctx.sent.start <= span.root.i < ctx.sent.end:
        return [party]
    found = [party]
    for t in conjuncts(span.root)[1:]:
        m = ctx.at(t)
        if m is not None and m.type in PARTIES and m.label != "rules/description" and m not in found:
            found.append(m)
    return found


def _counted(tok: Token) -> Token | None:
    """What a number counts: the noun it modifies ("23 pirates"), or the sum itself when money is
    what a verb takes ("the city offered $75,000", "re-signed him for $25 million")."""
    worth = _worth_of(tok)
    if worth is not None:
        return worth
    if tok.ent_type_ == "MONEY" and tok.pos_ == "NUM" and (tok.dep_ in ("dobj", "pobj") or tok.dep_ == "conj" and (
            tok.head.ent_type_ == "MONEY" and tok.head.dep_ in ("dobj", "pobj") and not is_range(money_name(tok)))):
        return tok  # "re-signed them for $80 million and $25 million": each sum
    if tok.dep_ not in ("nummod", "conj", "amod") or not _numeral(tok) or tok.ent_type_ in ("TIME", "ORDINAL", "PERCENT"):
        return None
    noun = tok.head if tok.dep_ in ("nummod", "amod") else tok.head.head
    if noun.pos_ in ("ADJ", "PROPN") and (noun.ent_type_ == "NORP" or noun.dep_ == "conj" and noun.head.ent_type_ == "NORP"):
        return _counted_by_nationality(noun)
    return noun if noun.pos_ == "NOUN" else None


def _counted_by_nationality(word: Token) -> Token | None:
    """'12 Somali and 11 Yemeni suspects', '23 suspects (12 Somali and 11 Yemeni)': a count of
    nationals whose noun is the last conjunct's, or the noun the bracket explains."""
    first = word
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.dep_ == "appos" and first.head.pos_ == "NOUN":
        return first.head
    for t in conjuncts(first):
        if t.pos_ == "NOUN":
            return t
        noun = next((c for c in children(t) if c.dep_ == "conj" and c.pos_ == "NOUN"), None)
        if noun is not None:
            return noun
    head = first.head  # "12 Somali and 11 Yemeni suspects" parsed with the noun as the head
    return head if first.dep_ in ("compound", "amod", "nmod") and head.pos_ == "NOUN" else None


def _worth_of(tok: Token) -> Token | None:
    """What a sum is the worth of: 'a deal worth $60 million', 'a contract valued at $2 billion'
    count for whoever signs the deal or wins the contract."""
    if tok.ent_type_ != "MONEY" or tok.pos_ != "NUM" or tok.dep_ not in ("npadvmod", "pobj", "dobj"):
        return None
    head = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "at" else tok.head
    if head.lemma_.lower() not in ("worth", "value") or head.dep_ not in ("amod", "acl"):
        return None
    return head.head if head.head.pos_ == "NOUN" else None


def _numeral(tok: Token) -> bool:
    if tok.dep_ == "amod":  # the tagger reads "Sixty residents" as an adjective
        return tok.lower_ in ONES or tok.lower_ in TENS
    return tok.pos_ == "NUM" or tok.lower_ == "dozen"  # "a dozen employees"


def _not_a_count(ctx: Context, tok: Token) -> bool:
    """A number in an expression that is not a count: 'No. 2', 'number 2 man', '.357 revolver';
    a score or a record ('an 88-72 loss', 'a 9-14 start'); a number after its noun, which labels
    it ('Highway 214', 'Flight 370', 'Room 12')."""
    before = ctx.text[max(ctx.sent.start_char, tok.idx - 8) : tok.idx].lower()
    after = ctx.text[tok.idx + len(tok.text) : min(ctx.sent.end_char, tok.idx + len(tok.text) + 4)]
    if re.search(r"\d\s*[-–]\s*$", before) or re.match(r"\s*[-–]\s*\d", after):
        return True
    if tok.dep_ == "nummod" and tok.head.i < tok.i and tok.ent_type_ != "MONEY":
        return True
    return bool(re.search(r"(no\.|number|#|\.)\s*$", before))


def _unit(ctx: Context, tok: Token, noun: Token) -> str:
    if noun.i == tok.i:  # a sum a verb takes: what was done with it ("offered", "paid")
        return (tok.head if tok.dep_ == "dobj" else tok.head.head).text
    return ctx.doc[tok.i + 1 : noun.i + 1].text if noun.i > tok.i else noun.text


def counted_party(ctx: Context, noun: Token) -> Mention | None:
    """Whose count it is: the actor that acts on the counted things, the organisation they
    belong to, else the place they are in."""
    head = noun
    for _ in range(4):
        while head.dep_ in ("conj", "appos") and head.head.i != head.i:
            head = head.head  # "captured two boats and 22 fishermen", "23 suspects (12 Somali and 11 Yemeni)"
        if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in AMOUNT_NOUNS:
            head = head.head.head  # "a total of 11 rounds", "dozens of protesters"
        if head.dep_ in ("dobj", "pobj") or head.dep_ == "nsubjpass":
            verb = head.head.head if head.dep_ == "pobj" and head.head.dep_ == "prep" else head.head
            for t in agent(verb) if verb.pos_ in ("VERB", "AUX") else []:
                m = _party(ctx, t)
                if m is not None:
                    return m
            if head.dep_ == "pobj" and verb.pos_ == "NOUN" and verb.i != head.i and (
                    head.head.lower_ in ("with", "carrying", "including") or verb.lower_ == "addition"):
                head = verb  # "seized 26 pirates with six rifles": the rifles go with the pirates
                continue
        break
    owner = _named_owner(ctx, noun)
    if owner is not None:
        return owner
    return _place_of(ctx, head)


def _party(ctx: Context, tok: Token) -> Mention | None:
    """The organisation or place a token names: itself, or the name modifying it ("NYPD officers")."""
    m = ctx.at(tok)
    if m is None:
        m = next((ctx.by_token[c.i] for c in children(tok) if c.dep_ in ("compound", "poss", "amod") and c.i in ctx.by_token), None)
    return m if m is not None and m.type in PARTIES else None


def _named_owner(ctx: Context, noun: Token) -> Mention | None:
    """'1,000 ISIS fighters', 'the navy's 12 ships', '40 members of the union'."""
    for c in [*children(noun)]:
        m = ctx.by_token.get(c.i) if c.dep_ in ("compound", "poss", "nmod") else None
        if m is not None and m.type == "ORG" and m.label != "rules/description":
            return m
    for _, obj in prep_objects(noun, "of", "from"):
        m = ctx.at(obj)
        if m is not None and m.type == "ORG":
            return m
    return None


def _place_of(ctx: Context, noun: Token) -> Mention | None:
    """The place the counted things are in: on the noun, on its verb, or in the sentence."""
    verb = noun.head
    objects = [obj for t in (noun, verb, *([verb.head] if verb.dep_ in ("conj", "xcomp") else []))
               for _, obj in prep_objects(t, *LOCATIVE)]
    for types in (("PLACE",), ("ORG",)):  # "outside the X headquarters in Y": Y
        for obj in objects:
            m = ctx.first_in(obj, types)
            if m is not None and m.label != "rules/description":
                return m
    if verb.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "where" for c in children(verb)):
        m = ctx.at(verb.head)  # "the city of Lyon, where 20,000 people marched"
        if m is not None and m.type in PARTIES and m.label != "rules/description":
            return m
    if noun.dep_ in ("nsubj", "nsubjpass"):
        attr = child(verb, "dobj", "attr")
        m = ctx.at(attr) if attr is not None else None
        if m is not None and m.type in PARTIES:
            return m
    return None


SETTING_LABELS = ("rules/description", "rules/media-name", "meta/publisher")


def setting(ctx: Context) -> Mention | None:
    """The place a report is about: the one it names most often (the first of equals), else its
    most named organisation. A count of people in a sentence that names no party is about it
    ("Sixty residents were evacuated" in a report about a fire in a town). Found once a document."""
    found: Mention | None = ctx.index.once("counts.setting", lambda: _setting(ctx))
    return found


def _setting(ctx: Context) -> Mention | None:
    for types in (("PLACE",), ("ORG",)):
        found = _most_named(ctx, types)
        if found is not None:
            return found
    return None


def _most_named(ctx: Context, types: tuple[str, ...]) -> Mention | None:
    counts: dict[str, int] = {}
    first: dict[str, Mention] = {}
    for m in ctx.mentions:
        if m.type in types and m.label not in SETTING_LABELS and not m.label.startswith("coref/") and m.start is not None:
            key = m.text.lower()
            counts[key] = counts.get(key, 0) + 1
            if key not in first or (first[key].start or 0) > m.start:
                first[key] = m
    if not counts:
        return None
    national = _national(ctx, first) if types == ("PLACE",) else set()
    best = max(counts, key=lambda k: (k not in national, counts[k], -(first[k].start or 0)))
    return first[best]


def _national(ctx: Context, places: dict[str, Mention]) -> set[str]:
    """The places whose nationality adjective the report uses ("Greece" in a report saying
    "Greek"): the country around the event, where a town or a site it names is more precise."""
    used = used_nationalities(ctx)
    return {k for k, m in places.items() if any(is_nationality_of(n, m.text) for n in used)}


PEOPLE = frozenset({"people", "person", "persons", "worker", "employee", "resident", "civilian", "victim", "firefighter",
                    "passenger", "student", "protester", "demonstrator", "marcher", "child", "adult", "customer",
                    "patient", "villager", "inmate", "staff", "guest", "spectator", "fan", "miner", "crew",
                    # those sent to an event: "more than 50 firefighters tackled the blaze"
                    "officer", "soldier", "paramedic", "rescuer", "responder", "volunteer", "diver"})
EVENT_VERBS = frozenset({"injure", "hurt", "kill", "harm", "wound", "die", "rescue", "evacuate", "gather", "march",
                         "attend", "riot", "flee", "protest", "demonstrate", "escape", "treat", "hospitalize",
                         "hospitalise", "trap", "strand", "displace", "survive", "perish", "suffocate", "drown",
                         "tackle", "fight", "battle", "respond", "deploy", "dispatch", "search"})
HARM = frozenset({"injure", "hurt", "kill", "harm", "wound", "die", "arrest", "rescue", "evacuate", "detain"})
HARM_NOUNS = frozenset({"injury", "casualty", "death", "fatality", "arrest"})
LEFT_HARMED = frozenset({"dead", "injured", "wounded", "homeless", "hurt", "stranded", "trapped"})  # "left 4 people dead"
NOBODY = frozenset({"nobody", "no-one", "noone"})


@REGISTRY.pattern("counts", "rules/counts.bare.v1")
def bare_counts(ctx: Context) -> Iterator[Found]:
    """Counts of people a harm verb takes without a noun: 'kills 1, wounds 2', 'twelve were
    arrested'; and none: 'no one was hurt', 'nobody was injured', 'there were no injuries'."""
    for tok in ctx.tokens:
        verb = _harm_verb(tok)
        if tok.lower_ in NOBODY or tok.lower_ == "one" and _after_no(tok):
            value = "0"
        elif tok.pos_ == "NUM" and tok.dep_ in ("dobj", "nsubj", "nsubjpass") and tok.ent_type_ not in ("DATE", "TIME", "MONEY") and not calendar_day(tok):
            value = number_value(tok.text) or ""
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in HARM_NOUNS and _after_no(tok):
            value, verb = "0", tok.head  # the verb, not the negated noun, carries the modality
        else:
            continue
        if not value or verb is None:
            continue
        party = _place_of(ctx, verb) or setting(ctx)
        if party is not None:
            unit = tok.text if tok.lemma_.lower() in HARM_NOUNS else f"people {verb.text}"
            yield Found("quantity", verb, party, "rules/counts.bare.v1", object={"value": value, "datatype": "number", "unit": unit},
                        confidence=0.45)


def _after_no(tok: Token) -> bool:
    """'no one', 'no injuries', and 'No-one' as the tagger splits it ('No', '-', 'one')."""
    before = tok.doc[tok.i - 2] if tok.i > 1 and tok.doc[tok.i - 1].text in ("-", "–") else tok.doc[tok.i - 1] if tok.i > 0 else None
    return before is not None and before.lower_ == "no"


def _harm_verb(tok: Token) -> Token | None:
    """The harm verb a (pro)noun is the subject or object of, through 'is believed to have been'."""
    if tok.dep_ not in ("dobj", "nsubj", "nsubjpass"):
        return None
    verb = tok.head
    for _ in range(3):
        if verb.lemma_.lower() in HARM:
            return verb
        verb = next((c for c in children(verb) if c.dep_ in ("xcomp", "ccomp", "acomp")), None)  # type: ignore[assignment]
        if verb is None:
            return None
    return None


def _people_in_event(noun: Token) -> bool:
    """'Sixty residents were evacuated', 'killing three workers', 'as 100 people rioted': people
    something happened to, whose count belongs to the report's place or party."""
    if noun.lemma_.lower() not in PEOPLE:
        return False
    verb = noun.head
    return verb.lemma_.lower() in EVENT_VERBS or any(
        c.dep_ == "xcomp" and c.lemma_.lower() in EVENT_VERBS or c.dep_ in ("oprd", "acomp") and c.lower_ in LEFT_HARMED
        for c in children(verb))
