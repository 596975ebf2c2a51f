"""Statuses said indirectly: custody and prison, funerals and bodies, fatal events, "unhurt",
"the late X", life dates "(1903 – 1987)".

The direct forms ("X was killed", "X died", "the arrest of X") are the `rules/status` pattern
(`predicates/status.py`); these frames add what news says without those words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from claimgraph.extract.frames.registry import REGISTRY, Frame
from claimgraph.extract.frames.slots import fill
from claimgraph.extract.parsed import children
from claimgraph.extract.predicates.base import Context, Found
from claimgraph.extract.predicates.status import not_yet, unrealised
from claimgraph.extract.timex import resolve_time
from claimgraph.extract.untagged import title_case
from claimgraph.model import Mention

PERSON = ("PERSON",)
PRISON_TERMS = frozenset({"life", "prison", "jail", "death", "year", "month", "consecutive", "custodial"})
REFLEXIVES = frozenset({"himself", "herself", "themselves", "myself", "yourself"})
SEVERE = frozenset({"critical", "serious", "grave", "stable", "guarded", "fair", "life-threatening", "satisfactory"})
BODY_PARTS = frozenset({"head", "chest", "arm", "arms", "leg", "legs", "back", "neck", "abdomen", "stomach", "shoulder",
                        "face", "hand", "foot", "thigh", "torso", "side", "hip", "groin", "knee", "eye", "jaw", "buttock"})
AMONG_DEAD = frozenset({"dead", "victim", "fatality", "casualty", "killed", "body"})
CONFINEMENT = frozenset({"custody", "jail", "prison", "detention", "cell", "cells", "jailhouse", "penitentiary", "lockup"})

REGISTRY.add(
    # "X remains in custody", "was taken into custody", "is being held in jail"
    Frame("status.custody.v1", "arrested", verbs=frozenset({"remain", "be", "stay", "keep", "hold", "place", "take",
                                                            "remand", "put", "spend", "sit", "languish", "die"}),
          subject=("patient", "subject"), subject_types=PERSON, requires=(("prep:in|into", CONFINEMENT),), confidence=0.6),
    # "went to jail", "was sent to prison", "returned to prison"
    Frame("status.sent-to-prison.v1", "arrested", verbs=frozenset({"go", "send", "return", "head", "commit", "transfer"}),
          subject=("patient", "agent"), subject_types=PERSON, requires=(("prep:to|into", CONFINEMENT),), confidence=0.6),
    # "served his sentence", "served jail time", "served five months in federal prison"
    Frame("status.served-sentence.v1", "arrested", verbs=frozenset({"serve", "complete", "finish"}),
          subject=("agent", "subject"), subject_types=PERSON,
          requires=(("dobj", frozenset({"sentence", "time", "prison", "jail"})),), confidence=0.55),  # "a prison term", not "two terms"
    Frame("status.served-in-prison.v1", "arrested", verbs=frozenset({"serve", "spend"}),
          subject=("agent", "subject"), subject_types=PERSON, requires=(("prep:in|behind", CONFINEMENT | {"bars"}),),
          confidence=0.6),
    # "X's funeral", "the body of X", "his burial", "an autopsy on X"
    Frame("status.funeral.v1", "dead", nouns=frozenset({"funeral", "body", "demise", "burial", "autopsy", "remains",
                                                        "corpse", "obituary", "cremation", "wake", "coffin", "grave",
                                                        "post-mortem", "postmortem"}),
          subject=("poss", "patient", "prep:on"), subject_types=PERSON, confidence=0.55),
    # "the fatal shooting of X", "a deadly attack on X"
    Frame("status.fatal-event.v1", "dead", nouns=frozenset({"shooting", "stabbing", "beating", "attack", "crash",
                                                            "accident", "overdose", "poisoning", "assault", "wounding",
                                                            "injury", "injuries", "fall", "collision", "blast"}),
          subject=("patient", "poss", "prep:on"), subject_types=PERSON,
          requires=(("compound", frozenset({"fatal", "deadly", "lethal", "fatally"})),), confidence=0.6),
    # "X has two prior arrests", "X's arrest record"
    Frame("status.arrest-record.v1", "arrested", nouns=frozenset({"arrest", "arrests", "detention", "conviction",
                                                                  "imprisonment", "incarceration", "jailing"}),
          subject=("owner",), subject_types=PERSON, confidence=0.55),
    # "X escaped unhurt", "she was unharmed"
    Frame("status.unhurt.v1", "alive", adjectives=frozenset({"unhurt", "unharmed", "uninjured", "unscathed"}),
          subject=("subject",), subject_types=PERSON, confidence=0.6),
    # "X is survived by his wife Y": X is dead (and Y alive)
    Frame("status.survived-by.v1", "dead", verbs=frozenset({"survive"}), subject=("patient",), subject_types=PERSON,
          requires=(("agent", frozenset()),), confidence=0.65),
    Frame("status.survivor.v1", "alive", verbs=frozenset({"survive"}), subject=("agent",), subject_types=PERSON,
          confidence=0.6),
    # "a judge sentenced X to life in prison", "X was sentenced to twelve years"
    Frame("status.sentenced.v1", "arrested", verbs=frozenset({"sentence", "resentence"}), subject=("patient",),
          subject_types=PERSON, agent=("agent",), confidence=0.55),
    # "X received a life sentence", "she was given a two-year prison term"
    Frame("status.given-sentence.v1", "arrested", nouns=frozenset({"sentence", "sentences", "term"}), subject=("owner",),
          subject_types=PERSON, requires=(("self", PRISON_TERMS),), confidence=0.55),
    # "X was caught hours later", "police recaptured X", "a man surrendered", "turned himself in"
    Frame("status.caught.v1", "arrested", verbs=frozenset({"catch", "handcuff", "cuff", "collar"}), subject=("patient",),
          subject_types=PERSON, agent=("agent",), confidence=0.5),
    Frame("status.surrendered.v1", "arrested", verbs=frozenset({"surrender"}), subject=("agent",), subject_types=PERSON,
          confidence=0.5),
    Frame("status.turned-in.v1", "arrested", verbs=frozenset({"turn"}), particle="in", subject=("agent",),
          subject_types=PERSON, requires=(("dobj", REFLEXIVES),), confidence=0.5),
    Frame("status.gave-up.v1", "arrested", verbs=frozenset({"give"}), particle="up", subject=("agent",),
          subject_types=PERSON, requires=(("dobj", REFLEXIVES),), confidence=0.5),
    # "X is held without bail", "the judge ordered him held without bond", "X was denied bail"
    Frame("status.no-bail.v1", "arrested", verbs=frozenset({"hold", "keep", "remand", "jail", "detain"}),
          subject=("patient",), subject_types=PERSON, requires=(("prep:without", frozenset({"bail", "bond"})),),
          confidence=0.55),
    Frame("status.denied-bail.v1", "arrested", verbs=frozenset({"deny", "refuse"}), subject=("patient",),
          subject_types=PERSON, requires=(("dobj", frozenset({"bail", "bond"})),), confidence=0.55),
    # "gunmen kidnapped X", "X was abducted", "they took X hostage": held by the captor
    Frame("status.kidnapped.v1", "arrested", verbs=frozenset({"kidnap", "abduct", "snatch"}), subject=("patient",),
          subject_types=PERSON, agent=("agent",), confidence=0.55),
    Frame("status.hostage.v1", "arrested", verbs=frozenset({"take", "hold", "keep"}), subject=("patient",),
          subject_types=PERSON, agent=("agent",), requires=(("complement", frozenset({"hostage", "captive", "prisoner"})),),
          confidence=0.55),
    # "X is still on the run", "remains at large": not in custody
    Frame("status.at-large.v1", "arrested", verbs=frozenset({"be", "remain", "stay", "go"}), subject=("subject",),
          subject_types=PERSON, requires=(("prep:on", frozenset({"run", "loose", "lam"})),), negative=True, confidence=0.55),
    Frame("status.at-large.adj.v1", "arrested", adjectives=frozenset({"large"}), subject=("subject",),
          subject_types=PERSON, requires=(("self", frozenset({"at"})),), negative=True, confidence=0.55),
    # "X was in critical condition", "remains in serious condition at a hospital"
    Frame("status.condition.v1", "wounded", verbs=frozenset({"be", "remain", "list", "stay", "hospitalize", "hospitalise"}),
          subject=("subject", "patient"), subject_types=PERSON,
          requires=(("prep:in", frozenset({"condition"})), ("prep:in", SEVERE)), confidence=0.55),
    # "X suffered head injuries", "his wounds", "her injury kept her out"
    Frame("status.injuries.v1", "wounded", nouns=frozenset({"injury", "injuries", "wound", "wounds", "burns"}),
          subject=("poss", "owner"), subject_types=PERSON, confidence=0.5),
    # "X was struck in the chest", "a bullet hit her in the leg"
    Frame("status.struck-in.v1", "wounded", verbs=frozenset({"strike", "hit", "graze", "pierce"}),
          subject=("patient",), subject_types=PERSON, requires=(("prep:in", BODY_PARTS),), confidence=0.5),
    # "X was gunned down", "gunmen mowed down X"
    Frame("status.gunned-down.v1", "dead", verbs=frozenset({"gun", "mow", "cut", "shoot"}), particle="down",
          subject=("patient",), subject_types=PERSON, agent=("agent",), confidence=0.6),
    # "X was among the dead", "X is among the victims"
    Frame("status.among-dead.v1", "dead", verbs=frozenset({"be", "remain"}),
          subject=("subject", "patient"), subject_types=PERSON,
          requires=(("prep:among", AMONG_DEAD),), confidence=0.6),
    # "the union listed X among the victims": the lister's claim
    Frame("status.listed-among-dead.v1", "dead", verbs=frozenset({"count", "number", "list", "include", "name"}),
          subject=("patient", "subject"), subject_types=PERSON, source=("agent",),
          requires=(("prep:among", AMONG_DEAD),), confidence=0.6),
)

LIFE_SPAN = re.compile(r"^\s*\(([^()]{4,160})\)")
DASH = re.compile(r"\s[–—-]\s|[–—]")
YEAR = re.compile(r"\b(\d{3,4})\b")
A_DATE = re.compile(r"\d{1,2}\s+[A-Z][a-z]+\.?,?\s+\d{3,4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{3,4}|[A-Z][a-z]+\s+\d{3,4}|\d{3,4}")


@REGISTRY.pattern("status", "rules/status.life-dates.v1")
def life_dates(ctx: Context) -> Iterator[Found]:
    """'Ada Ruiz (4 May 1903 – 1987)', 'Ada Ruiz (1903 in Lyon – 1987 in Paris)', 'Ada Ruiz
    (Lyon, 4 May 1903 – Paris, 1987)': a person with a date of death is dead, at that date and
    at the place given beside it; the place beside the birth date is where she was from."""
    for m in ctx.index.ending(ctx.sent.start_char + 1, ctx.sent.end_char + 1):
        # the sentence where the name ends (the parser sometimes breaks a long name in two)
        if m.type != "PERSON" or m.end is None or not ctx.sent.start_char < m.end <= ctx.sent.end_char:
            continue
        found = LIFE_SPAN.match(ctx.text[m.end : min(m.end + 170, ctx.sent.end_char)])
        span = ctx.span_of(m)
        halves = _life_halves(ctx, m.end + found.start(1), found.group(1)) if found is not None else None
        if halves is None or span is None:
            continue
        (born_year, born_place), (died_text, died_place) = halves
        time = resolve_time(died_text, None) or {"start": died_text[-4:].strip(), "end": died_text[-4:].strip()}
        yield Found("dead", span.root, m, "rules/status.life-dates.v1", confidence=0.7, structural=True, time=time,
                    place=died_place)
        if born_place is not None and born_place.id != m.id:
            yield Found("origin", span.root, m, "rules/status.life-dates.v1", object=born_place, confidence=0.6,
                        structural=True)


def _life_halves(ctx: Context, start: int, content: str) -> tuple[tuple[str, Mention | None], tuple[str, Mention | None]] | None:
    """Birth and death halves of a bracket of life dates: each half's date words and place."""
    dash = DASH.search(content)
    if dash is None:
        return None
    parts = [(start, content[: dash.start()]), (start + dash.end(), content[dash.end() :])]
    years = [YEAR.findall(text) for _, text in parts]
    if not all(years) or int(years[1][-1]) < int(years[0][-1]):
        return None
    out = []
    for offset, text in parts:
        date = max(A_DATE.findall(text), key=len)
        places = [p for p in ctx.index.starting(offset, offset + len(text) + 1) if p.type == "PLACE" and p.start is not None and p.end is not None
                  and offset <= p.start and p.end <= offset + len(text)]
        out.append((date, min(places, key=lambda p: (p.start or 0, p.id)) if places else None))
    return out[0], out[1]


@REGISTRY.pattern("status", "rules/status.the-late.v1")
def the_late(ctx: Context) -> Iterator[Found]:
    """'the late Ada Ruiz', 'her late husband, Tom': someone spoken of as dead."""
    for tok in ctx.tokens:
        if tok.lower_ != "late" or tok.pos_ != "ADJ" or tok.i + 1 >= ctx.sent.end:
            continue
        before = ctx.doc[tok.i - 1] if tok.i > ctx.sent.start else None
        if before is None or before.lower_ not in ("the", "his", "her", "their", "our", "my"):
            continue  # "late last year", "a late goal"
        m = ctx.by_token.get(tok.i + 1) or ctx.following_name(tok)
        if m is None and tok.head.i != tok.i:
            m = ctx.at(tok.head)
        if m is not None and m.type == "PERSON" and m.label != "rules/description":
            yield Found("dead", tok, m, "rules/status.the-late.v1", confidence=0.6, structural=True)


HEADLINE_STATUS = {"dead": "dead", "dies": "dead", "died": "dead", "killed": "dead", "slain": "dead",
                   "arrested": "arrested", "detained": "arrested", "jailed": "arrested", "freed": "released",
                   "released": "released", "wounded": "wounded", "injured": "wounded", "hurt": "wounded",
                   "survives": "alive", "alive": "alive"}


@REGISTRY.pattern("status", "rules/status.headline.v1")
def headline_status(ctx: Context) -> Iterator[Found]:
    """'Film Critic Ada Ruiz Dead at 95', 'Rebel Commander Freed': in a title-case headline the
    tagger reads the status word as part of a name."""
    if not title_case(ctx.sent):
        return
    for m in ctx.in_sentence:
        if m.type != "PERSON" or m.end is None or not ctx.sent.start_char <= (m.start or 0) < ctx.sent.end_char:
            continue
        after = re.match(r"^[\s,]*(?:\d+\s*,\s*)?([A-Z][a-z]+)\b", ctx.text[m.end : ctx.sent.end_char])
        predicate = HEADLINE_STATUS.get(after.group(1).lower()) if after else None
        span = ctx.span_of(m)
        if predicate is not None and span is not None:
            yield Found(predicate, span.root, m, "rules/status.headline.v1", confidence=0.6)


WEAPON_VERBS = frozenset({"shoot", "stab", "knife"})
FATAL_WORDS = frozenset({"fatally", "mortally", "dead", "death"})
KILL_VERBS = frozenset({"kill", "die", "murder", "slay"})


@REGISTRY.pattern("status", "rules/status.shot.v1")
def shot(ctx: Context) -> Iterator[Found]:
    """'X was shot in the leg': wounded; 'X was shot dead', 'fatally stabbed', 'shot to death':
    dead. 'Shot and killed' is left to the verb that says the death."""
    for tok in ctx.tokens:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in WEAPON_VERBS or unrealised(tok) or not_yet(tok):
            continue
        near = children(tok)
        if any(c.dep_ in ("prt", "advmod") and c.lower_ == "down" for c in near):
            continue  # "gunned down", "shot down": the frame status.gunned-down
        if any(c.dep_ == "conj" and c.lemma_.lower() in KILL_VERBS for c in near) or (
                tok.dep_ == "conj" and tok.head.lemma_.lower() in KILL_VERBS):
            continue
        fatal = any(c.lower_ in FATAL_WORDS or any(o.lower_ == "death" for o in children(c) if c.lower_ == "to") for c in near)
        agent = next((m for t in fill(tok, "agent") for m in [ctx.at(t)] if m is not None and m.type in ("PERSON", "ORG")), None)
        for t in fill(tok, "patient"):
            m = ctx.at(t)
            if m is not None and m.type == "PERSON" and m is not agent:
                yield Found("dead" if fatal else "wounded", tok, m, "rules/status.shot.v1", agent=agent, confidence=0.55)
