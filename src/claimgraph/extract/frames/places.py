"""Places: where a person or an organisation is (located_in), and where a person is from (origin).

Frames cover the verbs and nouns of being somewhere ("remained in", "arrived in", "fled to",
"was seen in", "checked into", "his home in"); negated ones are kept as `denied` by the
modality layer. Patterns cover what is read from a name or a modifier: "X-based", "a Brooklyn
resident", "the Calgary City Council", and nationality adjectives ("a Georgian-born fighter",
"the Russian actor X") as origin.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from claimgraph.extract.frames.registry import REGISTRY, Frame
from claimgraph.extract.parsed import children, entities, per_document, tokens
from claimgraph.extract.predicates.base import Context, Found
from claimgraph.model import Mention
from claimgraph.words import is_demonym_of

ACTORS = ("PERSON", "ORG")
WHERE = ("PLACE",)
SITES = ("PLACE", "ORG")  # a clinic, a hotel or a court is often tagged as an organisation

STAY = frozenset({"be", "live", "reside", "remain", "stay", "settle", "hide", "shelter", "camp", "dwell", "work",
                  "study", "operate", "patrol", "gather", "meet", "concentrate", "wait", "spend", "vacation",
                  "holiday", "recuperate", "recover", "sleep"})
GO = frozenset({"arrive", "travel", "go", "return", "move", "flee", "escape", "head", "fly", "sail", "relocate",
                "come", "drive", "walk", "emigrate", "immigrate", "retreat", "withdraw", "deploy", "transfer",
                "retire"})
PLACED = frozenset({"base", "station", "position", "locate", "headquarter", "house", "jail", "hold", "detain", "take",
                    "rush", "airlift", "transport", "evacuate",
                    "imprison", "keep", "see", "spot", "sight", "photograph", "film", "find", "bury", "hospitalise",
                    "hospitalize", "treat", "admit", "confine", "intern", "strand", "trap", "maroon",
                    "catch", "capture", "recapture", "arrest", "apprehend", "corner"})
ENTER = frozenset({"enter", "check", "visit", "reach", "patrol", "tour", "roam"})
FACILITIES = frozenset({"store", "supermarket", "shop", "branch", "outlet", "restaurant", "factory", "plant", "mine",
                        "warehouse", "depot", "premises", "site", "refinery", "mill", "showroom", "dealership", "office",
                        "offices", "bureau", "studio", "campus", "hotel", "franchise", "location"})

REGISTRY.add(
    # "she remained in Paris", "he lives in Lyon", "the rebels operate in the north"
    Frame("places.stays-in.v1", "located_in", verbs=STAY, subject=("agent", "subject"),
          object=("prep:in|at|inside|near|outside|around|within|throughout|across",), object_types=WHERE, confidence=0.55),
    # "arrived in Rome", "fled to Turkey", "returned to Mississippi"
    Frame("places.went-to.v1", "located_in", verbs=GO, subject=("agent", "subject", "patient"),
          object=("prep:to|in|into|at|for",), object_types=WHERE, confidence=0.5),
    # "is based in Oslo", "was seen in Raqqa", "troops stationed near X", "he was treated at X"
    Frame("places.placed-in.v1", "located_in", verbs=PLACED, subject=("patient",),
          object=("prep:in|at|inside|near|on|outside|to",), object_types=SITES, confidence=0.55),
    # "checked into a clinic in Malibu", "entered the Betty Ford Center", "visited Kabul"
    Frame("places.entered.v1", "located_in", verbs=ENTER, subject=("agent", "subject"),
          object=("dobj", "prep:into|in|to|at"), object_types=SITES, confidence=0.5),
    # "she said by phone from Almaty", "the firm operates from Berlin", "the minister said in Rome"
    Frame("places.speaking-from.v1", "located_in", verbs=frozenset({"say", "speak", "tell", "write", "call", "talk",
                                                                    "comment", "broadcast", "operate", "work", "trade",
                                                                    "report", "tweet", "post"}),
          subject=("agent", "subject"), object=("prep:from|in",), object_types=WHERE, confidence=0.5),
    # "a Tesco store in Harlow", "an Oslo branch of Nordbank", "the company's plant near Lyon"
    Frame("places.facility-in.v1", "located_in", nouns=FACILITIES, subject=("compound", "poss", "patient", "self"),
          subject_types=("ORG",), object=("prep:in|at|on|near", "compound"), object_types=WHERE, confidence=0.5),
    # "his home in Santa Rosa", "her stay at the clinic", "their arrival in Kabul"
    Frame("places.home-in.v1", "located_in", nouns=frozenset({"home", "house", "residence", "apartment", "flat",
                                                              "stay", "arrival", "visit", "trip", "office", "farm",
                                                              "villa", "hideout", "headquarters", "base"}),
          subject=("poss",), object=("prep:in|at|to|near",), object_types=WHERE, confidence=0.5),
    # "X is receiving treatment at Mercy Hospital", "underwent surgery in Boston"
    Frame("places.treated-at.v1", "located_in", verbs=frozenset({"receive", "undergo", "get", "seek", "continue"}),
          subject=("agent", "subject"), object=("prep:at|in",), object_types=SITES, confidence=0.5,
          requires=(("dobj", frozenset({"treatment", "care", "surgery", "therapy", "rehab", "rehabilitation"})),)),
    # "her patrol in the Gulf of Aden", "he is receiving treatment at St Mary's", "their mission in Mali"
    Frame("places.duty-in.v1", "located_in", nouns=frozenset({"patrol", "patrols", "mission", "deployment", "tour",
                                                               "posting", "assignment", "treatment", "care", "rehab"}),
          subject=("poss", "owner"), object=("prep:in|at|off|near",), object_types=WHERE, confidence=0.5),
    # "her exit from the clinic", "his release from Evin": she had been there
    Frame("places.left-from.v1", "located_in", nouns=frozenset({"exit", "departure", "discharge", "escape", "release",
                                                                 "checkout", "walkout"}),
          subject=("poss",), object=("prep:from",), object_types=WHERE, confidence=0.45),
    # "the headquarters of X in Y" / "X's offices in Y" are the same frame read from "of"
    Frame("places.seat-of.v1", "located_in", nouns=frozenset({"headquarters", "office", "offices", "plant",
                                                              "factory", "base", "branch", "subsidiary", "unit"}),
          subject=("patient",), subject_types=("ORG",), object=("prep:in|at",), object_types=WHERE, confidence=0.5),
)


# Nationality words that are religions, parties or ethnic categories, not a country of origin.
NOT_NATIONS = frozenset({"muslim", "muslims", "sunni", "shia", "shiite", "christian", "catholic", "protestant", "jewish",
                         "hindu", "buddhist", "republican", "republicans", "democrat", "democrats", "democratic",
                         "conservative", "liberal", "labour", "socialist", "communist", "islamist", "jihadist", "black",
                         "white", "latino", "hispanic", "evangelical", "orthodox", "mormon", "sikh", "gay", "lesbian",
                         # peoples and regions that are not one country
                         "arab", "arabs", "kurdish", "kurd", "kurds", "european", "african", "asian", "latin", "western",
                         "eastern", "nordic", "scandinavian", "baltic", "balkan", "slavic", "caucasian", "pashtun", "tamil",
                         "berber", "bedouin", "yazidi", "alawite", "druze", "roma", "native", "aboriginal", "indigenous",
                         "islamic", "arabic", "salafi", "wahhabi", "jihadi", "zionist", "maoist", "marxist"})
LOCAL_NOUNS = frozenset({"resident", "residents", "native", "local", "locals", "citizen", "homeowner", "shopkeeper",
                         "man", "woman", "boy", "girl", "teen", "teenager", "youth", "mother", "father", "couple"})


def nationality(ctx: Context, tok: Token) -> Mention | None:
    """The place a nationality adjective stands for, as a mention ("the Russian actor": Russian)."""
    if tok.ent_type_ != "NORP" or tok.lower_ in NOT_NATIONS or not tok.text[:1].isupper():
        return None
    known = ctx.by_token.get(tok.i)
    if known is not None:
        return known if known.type == "PLACE" else None
    ent = next((e for e in entities(ctx.doc) if e.start <= tok.i < e.end), None)
    if ent is None or len(ent) > 2:
        return None
    return ctx.new_mention(ent, "PLACE", "rules/nationality")


def origins_in(ctx: Context, span: Span, holder: Mention, trigger: Token, rule: str) -> Iterator[Found]:
    """Origin from the nationality adjectives of a title or an apposition ("a Canadian politician")."""
    for t in span:
        if t.pos_ in ("ADJ", "PROPN") and t.dep_ != "poss":
            place = nationality(ctx, t)
            if place is not None and place.id != holder.id:
                yield Found("origin", trigger, holder, rule, object=place, confidence=0.6, structural=True,
                            extra_mentions=[place] if place not in ctx.index else [])


@REGISTRY.pattern("places", "rules/places.based.v1")
def based(ctx: Context) -> Iterator[Found]:
    """'the Oslo-based company', 'a Washington-based think tank': the organisation is there."""
    for tok in ctx.tokens:
        if tok.lower_ not in ("based", "headquartered") or tok.i < ctx.sent.start + 2:
            continue
        hyphen, where_tok = ctx.doc[tok.i - 1], ctx.doc[tok.i - 2]
        if hyphen.text not in ("-", "–"):
            continue
        place = ctx.by_token.get(where_tok.i)
        holder = _modified(ctx, tok)
        if place is not None and place.type == "PLACE" and holder is not None and holder.id != place.id:
            yield Found("located_in", tok, holder, "rules/places.based.v1", object=place, confidence=0.6, structural=True)


def _modified(ctx: Context, tok: Token) -> Mention | None:
    """The named party an adjective in front of it describes: the name or description it sits in."""
    for t in ctx.doc[tok.i + 1 : min(tok.i + 8, ctx.sent.end)]:
        m = ctx.by_token.get(t.i)
        if m is not None and m.type in ACTORS:
            return ctx.named_inside(m) if m.label == "rules/description" else m
        if t.pos_ in ("VERB", "AUX", "ADP", "PUNCT") and t.text not in ("-",):
            return None
    return None


@REGISTRY.pattern("places", "rules/places.resident.v1")
def residents(ctx: Context) -> Iterator[Found]:
    """'a 16-year-old Brooklyn resident', 'residents of Mosul', 'a native of Ohio' said of someone."""
    for tok in ctx.tokens:
        if tok.pos_ != "NOUN" or tok.lower_ not in LOCAL_NOUNS:
            continue
        holder = _person(ctx, tok)
        if holder is None:
            continue
        places = [c for c in children(tok) if c.dep_ in ("compound", "amod", "nmod") and c.i in ctx.by_token]
        places += [o for c in children(tok) if c.dep_ == "prep" and c.lower_ == "of" for o in children(c) if o.i in ctx.by_token]
        for where in places:
            p = ctx.by_token[where.i]
            if p.type == "PLACE" and p.id != holder.id:
                # "a Brooklyn man" lives there; "a native of Ohio", "an Italian man" comes from there
                from_there = tok.lower_ in ("native", "citizen") or where.ent_type_ == "NORP"
                predicate = "origin" if from_there else "located_in"
                yield Found(predicate, tok, holder, "rules/places.resident.v1", object=p, confidence=0.55, structural=True)


def _person(ctx: Context, noun: Token) -> Mention | None:
    m = ctx.at(noun)
    if m is None and noun.dep_ == "appos":
        m = ctx.at(noun.head)
    if m is None and noun.dep_ == "attr":
        subj = next((c for c in children(noun.head) if c.dep_ in ("nsubj", "nsubjpass")), None)
        m = ctx.at(subj) if subj is not None else None
    return m if m is not None and m.type == "PERSON" and m.label != "rules/description" else None


NAME_PARTICLES = frozenset({"al", "el", "ad", "as", "ash", "an", "at", "the", "of", "de", "la", "le"})


@REGISTRY.pattern("places", "rules/places.in-name.v1")
def places_in_names(ctx: Context) -> Iterator[Found]:
    """'the Calgary City Council', 'the Royal Canadian Air Force': an organisation whose name
    holds a place the document names, or a nationality it uses on its own, is in that place."""
    named_by: dict[str, Mention | None] = ctx.index.once("places.named-by", dict)  # a word -> the first place it names
    places: list[Mention] = ctx.index.once("places.named", lambda: [
        p for p in ctx.mentions if p.type == "PLACE" and p.label != "rules/description"])
    # a name says it once a document, its headline included (the shared rule in extract/claims.py
    # lets a headline's presupposed claims be said again in the body; measured, this one should not)
    said: set[tuple[str, str]] = ctx.index.once("places.in-name.said", set)
    for m in ctx.in_sentence:
        if m.type != "ORG" or m.label == "rules/description" or m.start is None or not ctx.sent.start_char <= m.start < ctx.sent.end_char:
            continue
        span = ctx.span_of(m)
        if span is None or len(span) < 2:
            continue
        for t in span:
            if not t.text[:1].isupper() or t.text == m.text:
                continue
            if t.text not in named_by:
                named_by[t.text] = next((p for p in places if p.text == t.text or is_demonym_of(t.text, p.text)), None)
            named = named_by[t.text]
            if named is None and t.text not in used_nationalities(ctx):
                continue
            if not any(x.is_alpha and x.i != t.i and x.lower_ not in NAME_PARTICLES for x in span):
                continue  # "Al-Shaddadi" tagged as an organisation is the place itself
            place = named if named is not None and named.text == t.text else ctx.new_mention(ctx.doc[t.i : t.i + 1], "PLACE", "rules/nationality")
            if (m.text.lower(), t.text.lower()) in said:
                break  # the name said it where it first appeared
            said.add((m.text.lower(), t.text.lower()))
            yield Found("located_in", span.root, m, "rules/places.in-name.v1", object=place, confidence=0.5, structural=True,
                        extra_mentions=[place] if place is not named else [])
            break  # the first place a name holds ("Bank of Kenya in Mombasa" is in Kenya by its name)


def used_nationalities(ctx: Context) -> frozenset[str]:
    """Nationality adjectives the document uses on their own ("a Canadian province"), once a document."""
    return per_document(ctx.doc, "claimgraph.nationalities", lambda: frozenset(
        t.text for t in tokens(ctx.doc) if t.ent_type_ == "NORP" and t.text[:1].isupper() and t.lower_ not in NOT_NATIONS))


@REGISTRY.pattern("places", "rules/places.named-in.v1")
def named_in(ctx: Context) -> Iterator[Found]:
    """'the Scott Institute in Cambridge', 'the EU delegation in Kabul': an organisation named with
    the place it is in; 'Gordon Pryce at the Scott Institute': a person with where they work."""
    for m in ctx.in_sentence:
        if m.type not in ACTORS or m.start is None or not ctx.sent.start_char <= m.start < ctx.sent.end_char:
            continue
        span = ctx.span_of(m)
        if span is None or (m.label == "rules/description" and m.type != "ORG"):
            continue
        head = span.root
        for prep in (c for c in children(head) if c.dep_ == "prep" and c.i >= span.end):
            for obj in (o for o in children(prep) if o.dep_ == "pobj"):
                place = ctx.by_token.get(obj.i)
                if place is None or place.id == m.id or place.label == "rules/description":
                    continue
                if m.type == "ORG" and place.type == "PLACE" and prep.lower_ in ("in", "at"):
                    yield Found("located_in", head, m, "rules/places.named-in.v1", object=place, confidence=0.5, structural=True)
                elif m.type == "PERSON" and place.type == "ORG" and prep.lower_ == "at":
                    yield Found("member_of", head, m, "rules/places.named-in.v1", object=place, confidence=0.5, structural=True)


HOMETOWN = re.compile(r"^\s*(?:,\s*(?:aged\s+)?\d{1,3}\s*)?(?:,|\s)\s*(?:and\s+)?(of|from)\s+(?:the\s+)?")


@REGISTRY.pattern("places", "rules/places.hometown.v1")
def hometowns(ctx: Context) -> Iterator[Found]:
    """'Ana Ruiz, 47, of Springfield', 'Tom Hale of Leeds', 'Ana Ruiz, aged 24 and from Hull':
    where a person lives (of) or comes from (from), as news names people."""
    for m in ctx.index.ending(ctx.sent.start_char + 1, ctx.sent.end_char):
        if m.type != "PERSON" or m.end is None or m.label == "rules/description" or not ctx.sent.start_char < m.end < ctx.sent.end_char:
            continue
        found = HOMETOWN.match(ctx.text[m.end : min(m.end + 40, ctx.sent.end_char)])
        place = ctx.mention_from(m.end + found.end()) if found is not None else None
        span = ctx.span_of(m)
        if place is None or place.type != "PLACE" or span is None:
            continue
        predicate = "located_in" if found.group(1) == "of" else "origin"  # type: ignore[union-attr]
        yield Found(predicate, span.root, m, "rules/places.hometown.v1", object=place, confidence=0.55, structural=True)


@REGISTRY.pattern("places", "rules/places.nationality-attr.v1")
def nationality_descriptions(ctx: Context) -> Iterator[Found]:
    """'X is a Brazilian football forward', 'X, a Norwegian shipping firm': a nationality adjective
    in what a name is said to be gives a person's origin and an organisation's country."""
    for tok in ctx.tokens:
        if tok.ent_type_ != "NORP" or tok.dep_ not in ("amod", "compound"):
            continue
        noun = tok.head
        while noun.dep_ == "compound" and noun.head.i != noun.i:
            noun = noun.head
        holder = _described(ctx, noun)
        place = nationality(ctx, tok) if holder is not None else None
        if holder is None or place is None or place.id == holder.id:
            continue
        if noun.lemma_.lower() in VESSELS or holder.type != "PERSON" and noun.lemma_.lower() not in ORG_NOUNS:
            continue  # "an Indian ship": a vessel is not where it is registered
        predicate = "origin" if holder.type == "PERSON" else "located_in"
        yield Found(predicate, tok, holder, "rules/places.nationality-attr.v1", object=place, confidence=0.55, structural=True,
                    extra_mentions=[place] if place not in ctx.index else [])


def _described(ctx: Context, noun: Token) -> Mention | None:
    """The named person or organisation a noun phrase describes: the subject of 'is a ...', the
    name it stands in apposition to or with."""
    m = None
    if noun.dep_ in ("attr", "oprd") and noun.head.lemma_ in ("be", "become", "remain"):
        subj = next((c for c in children(noun.head) if c.dep_ in ("nsubj", "nsubjpass")), None)
        m = ctx.at(subj) if subj is not None else None
    elif noun.dep_ == "appos":
        m = ctx.at(noun.head)
    else:
        named = next((c for c in children(noun) if c.dep_ == "appos" and c.i in ctx.by_token), None)
        m = ctx.by_token[named.i] if named is not None else None
    if m is None or m.type not in ACTORS or m.label in ("rules/description", "coref/pronoun"):
        return None
    return m


VESSELS = frozenset({"ship", "vessel", "trawler", "boat", "tanker", "frigate", "warship", "destroyer", "submarine",
                     "freighter", "carrier", "yacht", "ferry", "aircraft", "plane", "jet", "helicopter", "satellite"})
ORG_NOUNS = frozenset({"company", "firm", "group", "party", "club", "team", "band", "bank", "airline", "manufacturer",
                       "newspaper", "network", "organisation", "organization", "agency", "university", "brand",
                       "retailer", "chain", "broadcaster", "publisher", "label", "studio", "carrier", "operator",
                       "conglomerate", "corporation", "insurer", "lender", "startup", "producer", "maker", "developer",
                       "charity", "foundation", "institute", "council", "federation", "league", "union", "association"})
