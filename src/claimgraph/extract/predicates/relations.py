"""Organisations and people among each other: member_of, leader_of, defected_to,
affiliated_with, allied_with, opposed_to, trained_by."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Token

from claimgraph.extract.lexicon import LEADER_NOUNS, ROLE_NOUNS, SUBORDINATE
from claimgraph.extract.parsed import children
from claimgraph.extract.predicates.base import Context, Found, child, conjuncts, prep_objects
from claimgraph.extract.predicates.names import as_holder
from claimgraph.model import Mention

ACTORS = ("PERSON", "ORG")
# Verbs whose subject acts against their object ("routed the army", "denounced the US").
OPPOSING_VERBS = frozenset({
    "fight", "battle", "attack", "target", "oppose", "combat", "denounce", "condemn", "rout", "defeat", "topple",
    "overthrow", "eradicate", "annihilate", "destroy", "besiege", "bomb", "shell", "invade", "ambush", "raid",
    "oust", "crush", "confront", "resist", "sanction", "expel",
})
# Nouns of hostile action, with the party acted against after "against" ("strikes against X").
OPPOSING_NOUNS = frozenset({
    "strike", "attack", "revenge", "war", "campaign", "offensive", "operation", "operations", "fight", "battle",
    "rift", "feud", "conflict", "victory", "sanctions", "jihad", "struggle", "retaliation", "assault", "raid",
})
# Every verb the relation rules read (any verb also reads with "alongside").
RELATION_VERBS = OPPOSING_VERBS | {
    "join", "defect", "lead", "head", "command", "run", "found", "take", "strike", "wage", "call", "train", "school",
    "instruct", "back", "support", "arm", "fund", "sponsor", "help", "assist", "protect", "ally", "link", "affiliate",
    "tie", "connect", "belong", "consider",
}
# Nouns of cooperation between parties ("collusion between A and B", "support given by A to B").
ALLIANCE_NOUNS = frozenset({"alliance", "collusion", "collaboration", "cooperation", "coordination", "partnership", "support", "backing", "aid", "assistance", "pact"})
# Of those, the ones two parties do together: the actor comes first ("A's alliance with B").
MUTUAL_NOUNS = frozenset({"alliance", "collusion", "collaboration", "cooperation", "coordination", "partnership", "pact"})
# A part of an organisation ("an affiliate of X"), and every noun whose holder a relation reads.
PART_NOUNS = frozenset({"affiliate", "branch", "wing", "offshoot", "part", "faction", "arm"})
HOLDER_NOUNS = PART_NOUNS | LEADER_NOUNS | ROLE_NOUNS | {"executive", "ally", "partner"}
GROUPS = ("ORG",)
PARTIES = ("ORG", "PLACE")  # a country acting ("US-backed") is a party too


def _subjects(ctx: Context, verb: Token) -> list[Mention]:
    subj = child(verb, "nsubj")
    if subj is None and verb.dep_ in ("conj", "xcomp", "advcl", "relcl", "acl"):
        if verb.dep_ in ("relcl", "acl"):
            m = ctx.at(verb.head)
            return [m] if m else []
        subj = child(verb.head, "nsubj")
        if subj is None and verb.dep_ == "conj":  # "was born in X and trained at Y"
            subj = child(verb.head, "nsubjpass")
    if subj is None:
        return []
    return [m for m in (ctx.at(c) for c in conjuncts(subj)) if m is not None and m.type in ACTORS + PARTIES]


def _objects(ctx: Context, tok: Token, types: tuple[str, ...]) -> list[Mention]:
    """Mentions named by tok and its conjuncts (looking inside 'groups like X')."""
    out: list[Mention] = []
    for c in conjuncts(tok):
        m = ctx.first_in(c, types)
        owner = _owner_of_forces(ctx, m) if m is not None else None
        if owner is not None and owner.type in types:
            m = owner  # "Assad's forces": Assad's side
        if m is not None and m not in out:
            out.append(m)
    return out


FORCE_NOUNS = frozenset({"forces", "troops", "army", "fighters", "men", "regime", "government", "militia", "militias", "loyalists"})


def _owner_of_forces(ctx: Context, m: Mention) -> Mention | None:
    """The named owner of a description such as "Assad's forces" or "Moscow's troops"."""
    if m.label != "rules/description" or not m.text.split() or m.text.split()[-1].lower() not in FORCE_NOUNS:
        return None
    span = ctx.span_of(m)
    if span is None:
        return None
    owner = next((ctx.by_token.get(t.i) for t in span if t.dep_ == "poss" and ctx.by_token.get(t.i) is not m), None)
    return owner if owner is not None and owner.label != "rules/description" else None


ALLEGIANCE = re.compile(r"^\w*\s+(?:(?:his|her|their|its|an|a|the|formal|full)\s+)*(?:allegiance|loyalty|fealty|bay'?ah|oath of allegiance)\s+to\s+(?:the\s+)?", re.I)
DEFECTION = re.compile(r"^\w*\s+from\s+(?:the\s+)?")


def _allegiance_and_defection(ctx: Context) -> Iterator[Found]:
    """'pledged allegiance to X' (X a group, or a leader whose title names it) and 'defected from
    A to B', read from the words: the small model parses both badly."""
    for tok in ctx.tokens:
        lemma = tok.lemma_.lower()
        rest = ctx.text[tok.idx : ctx.sent.end_char]
        if lemma in ("pledge", "swear", "vow", "declare") and (m := ALLEGIANCE.match(rest)):
            target = ctx.mention_from(tok.idx + m.end())
            if target is not None and target.type == "PERSON":
                target = next((o for o in (ctx.by_token.get(t.i) for t in ctx.title_run(target)) if o is not None and o.type == "ORG"), None)
            actor = ctx.actor_above(tok)
            if target is not None and target.type == "ORG" and actor is not None and actor.id != target.id:
                yield Found("member_of", tok, actor, "rules/member.allegiance.v2", object=target)
        if lemma == "defect" and (m := DEFECTION.match(rest)):
            source = ctx.mention_from(tok.idx + m.end())
            actor = ctx.actor_above(tok)
            if source is not None and source.type == "ORG" and actor is not None and actor.id != source.id:
                yield Found("member_of", tok, actor, "rules/member.defected-from.v1", object=source)
                after = ctx.text[(source.end or 0) : ctx.sent.end_char]
                to = re.match(r"^\s+to\s+(?:the\s+)?", after)
                dest = ctx.mention_from((source.end or 0) + to.end()) if to else None
                if dest is not None and dest.type == "ORG" and dest.id != actor.id:
                    yield Found("defected_to", tok, actor, "rules/defect.from-to.v1", object=dest)


def find_relations(ctx: Context) -> Iterator[Found]:
    yield from _allegiance_and_defection(ctx)
    for tok in ctx.tokens:
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX"):
            yield from _verb_relations(ctx, tok, lemma)
        if tok.pos_ in ("NOUN", "PROPN"):
            yield from _noun_relations(ctx, tok, lemma)
        if tok.lower_ in ("allied", "aligned") and tok.dep_ in ("ROOT", "acomp", "conj", "ccomp", "relcl"):
            yield from _allied_with(ctx, tok)
        if tok.lower_ in ("backed", "trained", "linked", "led", "allied", "affiliated", "sponsored", "funded", "supported") and tok.dep_ in ("amod", "compound", "acl"):
            yield from _hyphen_relations(ctx, tok)
    yield from _anti_and_pro(ctx)


def _verb_relations(ctx: Context, verb: Token, lemma: str) -> Iterator[Found]:
    if lemma not in RELATION_VERBS and not prep_objects(verb, "alongside"):
        return
    subjects = _subjects(ctx, verb)
    if lemma == "join":
        dobj = child(verb, "dobj")
        for s, o in _pairs(subjects, _objects(ctx, dobj, GROUPS) if dobj is not None else []):
            yield Found("member_of", verb, s, "rules/member.join.v1", object=o)
    if lemma == "defect":
        for _, obj in prep_objects(verb, "to"):
            for s in subjects:
                for o in _objects(ctx, obj, GROUPS):
                    yield Found("defected_to", verb, s, "rules/defect.v1", object=o)
    if lemma in ("lead", "head", "command", "run", "found"):
        dobj = child(verb, "dobj")
        if dobj is not None:
            for s in subjects:
                if s.type == "PERSON":
                    for o in _objects(ctx, dobj, GROUPS):
                        yield Found("leader_of", verb, s, "rules/leader.verb.v1", object=o)
    if lemma == "take":  # "took command of X"
        dobj = child(verb, "dobj")
        if dobj is not None and dobj.lemma_ in ("command", "control", "leadership", "charge"):
            for _, obj in prep_objects(dobj, "of") + prep_objects(verb, "of"):  # the parser may hang "of" on the verb
                for s in subjects:
                    for o in _objects(ctx, obj, GROUPS):
                        yield Found("leader_of", verb, s, "rules/leader.take-command.v1", object=o)
    yield from _verb_opposition(ctx, verb, lemma, subjects)
    yield from _verb_support(ctx, verb, lemma, subjects)


def _verb_opposition(ctx: Context, verb: Token, lemma: str, subjects: list[Mention]) -> Iterator[Found]:
    """Fighting against, fighting alongside, fighting for."""
    if lemma in OPPOSING_VERBS or lemma in ("strike", "wage", "call"):
        direct = child(verb, "dobj") if lemma in OPPOSING_VERBS else None
        targets = ([direct] if direct is not None else []) + [o for _, o in prep_objects(verb, "against")]
        for t in targets:
            for s in subjects:
                for o in _objects(ctx, t, PARTIES):
                    if o.id != s.id:
                        yield Found("opposed_to", verb, s, "rules/opposed.verb.v1", object=o)
        for _, obj in prep_objects(verb, "with"):
            if lemma in ("fight", "wage"):
                for s in subjects:
                    for o in _objects(ctx, obj, PARTIES):
                        if o.id != s.id:
                            yield Found("allied_with", verb, s, "rules/allied.alongside.v1", object=o)
        for _, obj in prep_objects(verb, "for"):
            if lemma == "fight":
                for s in subjects:
                    for o in _objects(ctx, obj, GROUPS):
                        yield Found("member_of", verb, s, "rules/member.fight-for.v1", object=o)
    for _, obj in prep_objects(verb, "alongside"):
        for s, o in _pairs(subjects, _objects(ctx, obj, PARTIES)):
            yield Found("allied_with", verb, s, "rules/allied.alongside.v1", object=o)


def _verb_support(ctx: Context, verb: Token, lemma: str, subjects: list[Mention]) -> Iterator[Found]:
    """Training, backing, links between organisations."""
    if lemma in ("train", "school", "instruct"):
        yield from _trained(ctx, verb, subjects)
    if lemma in ("back", "support", "arm", "fund", "sponsor", "help", "assist", "protect", "ally"):
        dobj = child(verb, "dobj")
        passive = child(verb, "nsubjpass")
        backed_toks = conjuncts(passive) if passive is not None else []
        if passive is None and verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl", "amod") and dobj is None:
            # "Backed by Russia, Syrian troops broke through": whom the participle describes
            backed_toks = [verb.head] if verb.dep_ in ("acl", "amod") else conjuncts(child(verb.head, "nsubj") or verb.head)
        if backed_toks:
            for _, by in prep_objects(verb, "by"):
                for backed in (ctx.at(c) for c in backed_toks):
                    for o in _objects(ctx, by, PARTIES):
                        if backed is not None and backed.type in ACTORS and o.id != backed.id:
                            yield Found("allied_with", verb, backed, "rules/allied.backed-by.v1", object=o)
        elif dobj is not None:
            for s in subjects:
                for o in _objects(ctx, dobj, ("ORG", "PERSON")):
                    if o.id != s.id and (o.type == "ORG" or lemma in ("back", "endorse", "sponsor", "fund")):
                        yield Found("allied_with", verb, o, "rules/allied.supported.v1", object=s)
    if lemma in ("link", "affiliate", "tie", "connect", "belong"):
        passive = child(verb, "nsubjpass")
        subj_toks = conjuncts(passive) if passive is not None else []
        subs = [m for m in (ctx.at(t) for t in subj_toks) if m is not None]
        if not subs and verb.dep_ in ("acl", "amod"):
            subs = [m for m in [ctx.at(verb.head)] if m is not None]
        for _, obj in prep_objects(verb, "to", "with"):
            for s in subs:
                for o in _objects(ctx, obj, GROUPS):
                    if o.id != s.id and s.type == "ORG":
                        yield Found("affiliated_with", verb, s, "rules/affiliated.linked.v1", object=o)
    if lemma == "consider":  # "considers itself to be the Syrian affiliate of X"
        for c in verb.subtree:
            if c.lemma_ in ("affiliate", "branch", "wing", "part"):
                for _, obj in prep_objects(c, "of"):
                    for s in subjects:
                        for o in _objects(ctx, obj, GROUPS):
                            yield Found("affiliated_with", verb, s, "rules/affiliated.noun.v1", object=o)


def _anti_and_pro(ctx: Context) -> Iterator[Found]:
    """'an anti-Iranian policy', 'pro-Kremlin militias': the party behind the noun is against, or
    with, the one named after the prefix."""
    sentence = ctx.text[ctx.sent.start_char : ctx.sent.end_char].lower()
    if "anti-" not in sentence and "pro-" not in sentence:
        return
    for m in ctx.in_sentence:
        if m.start is None or m.type not in PARTIES or not (ctx.sent.start_char <= m.start < ctx.sent.end_char):
            continue
        prefix = ctx.text[max(ctx.sent.start_char, m.start - 5) : m.start].lower()
        if not prefix.endswith(("anti-", "pro-")):
            continue
        span = ctx.span_of(m)
        if span is None:
            continue
        noun = span.root.head if span.root.dep_ in ("amod", "compound", "npadvmod") else span.root
        while noun.dep_ in ("amod", "compound") and noun.head.i != noun.i:
            noun = noun.head
        own = ctx.by_token.get(noun.i)
        agents = [own] if own is not None and own.id != m.id and own.type in ACTORS else _clause_agents(ctx, noun)
        predicate, rule = ("opposed_to", "rules/opposed.anti.v1") if prefix.endswith("anti-") else ("allied_with", "rules/allied.pro.v1")
        for agent in agents:
            if agent.id != m.id:
                yield Found(predicate, noun, agent, rule, object=m, confidence=0.5)


def _allied_with(ctx: Context, tok: Token) -> Iterator[Found]:
    """'The Civic Union is allied with the Farmers League' (adjective or passive)."""
    owner = tok.head if tok.dep_ == "acomp" else tok
    subj = child(owner, "nsubj", "nsubjpass")
    allies = [m for m in (ctx.at(c) for c in conjuncts(subj)) if m is not None and m.type in ACTORS] if subj is not None else []
    for _, obj in prep_objects(tok, "with", "to"):
        for s, o in _pairs(allies, _objects(ctx, obj, PARTIES)):
            yield Found("allied_with", tok, s, "rules/allied.allied-with.v1", object=o)


def _trained(ctx: Context, verb: Token, subjects: list[Mention]) -> Iterator[Found]:
    passive = child(verb, "nsubjpass")
    trainers = [o for _, o in prep_objects(verb, "by", "under", "with", "from")]
    trainer_mentions: list[Mention] = []
    for t in trainers:
        trainer_mentions.extend(_objects(ctx, t, PARTIES))
    for _, t in prep_objects(verb, "at"):  # "trained at the Asante Academy" (a school, not a place)
        trainer_mentions.extend(_objects(ctx, t, GROUPS))
    if passive is not None or (verb.tag_ == "VBN" and not child(verb, "dobj")):
        trainees = [ctx.at(c) for c in conjuncts(passive)] if passive is not None else subjects
        for s in trainees:
            for o in trainer_mentions:
                if s is not None and o.id != s.id:
                    yield Found("trained_by", verb, s, "rules/trained.passive.v1", object=o)
        return
    dobj = child(verb, "dobj")
    if dobj is not None:  # "We trained him": the subject trains the object
        trainee = ctx.at(dobj)
        for s in subjects:
            if trainee is not None and trainee.id != s.id:
                yield Found("trained_by", verb, trainee, "rules/trained.active.v1", object=s)
    else:  # "he trained under X"
        for s in subjects:
            for o in trainer_mentions:
                if o.id != s.id:
                    yield Found("trained_by", verb, s, "rules/trained.under.v1", object=o)


def _noun_relations(ctx: Context, noun: Token, lemma: str) -> Iterator[Found]:
    modifier = child(noun, "amod")
    if lemma in ("operation", "operations") and modifier is not None and modifier.lower_ == "joint":
        verb = noun.head
        for s in _subjects(ctx, verb):
            for _, obj in prep_objects(noun, "with"):
                for o in _objects(ctx, obj, PARTIES):
                    yield Found("allied_with", noun, s, "rules/allied.joint.v1", object=o)
    if lemma in OPPOSING_NOUNS:
        preps = ("with", "against", "on", "over") if lemma in ("war", "victory", "rift", "feud", "battle", "fight", "conflict") else ("against",)
        targets = [o for _, obj in prep_objects(noun, *preps) for o in _objects(ctx, obj, PARTIES)]
        for s, o in _pairs(_agents_of_noun(ctx, noun) if targets else [], targets):
            yield Found("opposed_to", noun, s, "rules/opposed.noun.v1", object=o, confidence=0.5)
    if lemma in ALLIANCE_NOUNS:
        yield from _alliance(ctx, noun)
    if lemma in TRAINING_NOUNS:
        yield from _training(ctx, noun)
    leader = ctx.at(child(noun, "poss")) if lemma in ("command", "leadership") else None
    if leader is not None and leader.type == "PERSON":  # "his command of the Tajik police"
        for _, obj in prep_objects(noun, "of"):
            for o in _objects(ctx, obj, GROUPS):
                yield Found("leader_of", noun, leader, "rules/leader.command-of.v1", object=o)
    # "the commander of X", "a member of X", "X's leader", "an affiliate of X"
    if lemma not in HOLDER_NOUNS:
        return
    holder = _holder(ctx, noun)
    if holder is None:
        return
    groups = [o for _, obj in prep_objects(noun, "of", "in", "at") for o in _objects(ctx, obj, GROUPS)]
    poss = child(noun, "poss")
    # "Lumera's head of investor relations" heads a department of Lumera: a member, not its leader
    of_department = any(obj.pos_ == "NOUN" and ctx.at(obj) is None for _, obj in prep_objects(noun, "of"))
    if poss is not None:
        pm = ctx.at(poss)
        if pm is not None and pm.type == "ORG":
            groups.append(pm)
    for g in groups:
        if g.id == holder.id:
            continue
        if lemma in PART_NOUNS and holder.type == "ORG":
            yield Found("affiliated_with", noun, holder, "rules/affiliated.noun.v1", object=g)
        elif holder.type == "PERSON" and (lemma in LEADER_NOUNS or lemma == "executive" and any(c.lower_ == "chief" for c in noun.lefts)) \
                and not any(c.lower_.rstrip("-") in SUBORDINATE for c in noun.lefts) and not (of_department and g is not None and poss is not None and g is ctx.at(poss)):
            yield Found("leader_of", noun, holder, "rules/leader.noun.v1", object=g, structural=noun.dep_ != "attr")
        elif lemma in ROLE_NOUNS and holder.type == "PERSON":
            yield Found("member_of", noun, holder, "rules/member.noun.v1", object=g, structural=noun.dep_ != "attr")
        elif lemma in ("ally", "partner") and holder.type in ACTORS:
            yield Found("allied_with", noun, holder, "rules/allied.noun.v1", object=g)


def _pairs(subjects: list[Mention], objects: list[Mention]) -> Iterator[tuple[Mention, Mention]]:
    """Every subject with every object, never an entity with itself."""
    return ((s, o) for s in subjects for o in objects if o.id != s.id)


def _agents_of_noun(ctx: Context, noun: Token) -> list[Mention]:
    """Who carries out the action a noun names: its possessor ("Russia's campaign"), else the
    subject of the nearest clause above it ("X released a video threatening attacks against Y")."""
    poss = child(noun, "poss")
    if poss is not None:
        m = ctx.at(poss)
        return [m] if m is not None and m.type in PARTIES else []
    for c in children(noun):  # "US collaboration with X", "Iranian support for Y"
        m = ctx.by_token.get(c.i) if c.dep_ in ("compound", "amod", "nmod") else None
        if m is not None and m.type in PARTIES and m.label != "rules/description":
            return [m]
    return _clause_agents(ctx, noun)


def _clause_agents(ctx: Context, noun: Token) -> list[Mention]:
    """The subject of the nearest clause above a noun."""
    cur = noun
    for _ in range(5):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            found = _subjects(ctx, cur)
            if found:
                return found
            if child(cur, "nsubj", "nsubjpass") is not None:
                return []
    return []


def _alliance(ctx: Context, noun: Token) -> Iterator[Found]:
    """'collusion between A and B', 'alliance with B' (A: the clause's subject), 'support given by
    A to B', 'A's support for B'."""
    for _, obj in prep_objects(noun, "between", "among"):
        parties = _objects(ctx, obj, PARTIES)
        for i, a in enumerate(parties):
            for b in parties[i + 1 :]:
                yield Found("allied_with", noun, a, "rules/allied.between.v1", object=b, confidence=0.5)
    if noun.lemma_.lower() in MUTUAL_NOUNS:  # "US collaboration with ISIS": the actor, then the partner
        partners = [o for _, obj in prep_objects(noun, "with") for o in _objects(ctx, obj, PARTIES)]
        for actor, partner in _pairs(_agents_of_noun(ctx, noun) if partners else [], partners):
            yield Found("allied_with", noun, actor, "rules/allied.mutual.v1", object=partner, confidence=0.5)
        return
    givers = [o for _, obj in prep_objects(noun, "by", "from") for o in _objects(ctx, obj, PARTIES)]
    takers = [o for _, obj in prep_objects(noun, "to", "for", "with") for o in _objects(ctx, obj, PARTIES + ("PERSON",))]
    for c in children(noun):  # "the support given by Russia to Assad"
        if c.dep_ == "acl":
            givers += [o for _, obj in prep_objects(c, "by", "from") for o in _objects(ctx, obj, PARTIES)]
            takers += [o for _, obj in prep_objects(c, "to", "for") for o in _objects(ctx, obj, PARTIES + ("PERSON",))]
    if not givers and takers:
        givers = _agents_of_noun(ctx, noun)
    for taker, giver in _pairs(takers, givers):
        yield Found("allied_with", noun, taker, "rules/allied.support.v1", object=giver, confidence=0.5)


TRAINING_NOUNS = frozenset({"training", "course", "instruction", "schooling", "drill"})


def _training(ctx: Context, noun: Token) -> Iterator[Found]:
    """'his training by US commandos', 'training courses run by the US military', 'received
    American training': the trainee is the possessor or the clause's subject."""
    trainers = [o for _, obj in prep_objects(noun, "by", "from") for o in _objects(ctx, obj, PARTIES)]
    for c in children(noun):
        if c.dep_ == "acl":  # "provided by", "run by", "given by"
            trainers += [o for _, obj in prep_objects(c, "by") for o in _objects(ctx, obj, PARTIES)]
        elif c.dep_ in ("amod", "compound"):
            m = ctx.by_token.get(c.i)
            if m is not None and m.type in PARTIES and m.label != "rules/description":
                trainers.append(m)
    if not trainers:
        return
    poss = child(noun, "poss")
    trainee = ctx.at(poss) if poss is not None else ctx.actor_above(noun)
    if trainee is None or trainee.type not in ACTORS:
        return
    for o in trainers:
        if o.id != trainee.id:
            yield Found("trained_by", noun, trainee, "rules/trained.noun.v1", object=o, confidence=0.5)


def _holder(ctx: Context, noun: Token) -> Mention | None:
    """Who holds the role a noun names: the mention it is in apposition with, or the subject
    of 'X is the leader of ...', or the name right after a title ('ISIS chief Abu Bakr')."""
    m = ctx.at(noun)
    if m is not None:
        return m
    if noun.dep_ == "attr":
        subj = child(noun.head, "nsubj")
        return ctx.at(subj)
    if noun.dep_ == "appos":
        return ctx.at(noun.head)
    if noun.dep_ == "pobj" and noun.head.lower_ == "as" and noun.head.head.pos_ in ("VERB", "NOUN"):
        return as_holder(ctx, noun.head)  # "appointed X as commander of Y", "began his career as a soldier in Z"
    return None


def _hyphen_relations(ctx: Context, tok: Token) -> Iterator[Found]:
    """'US-backed al Nusra Front', 'US-trained Chechen commander X', 'Chechen-led faction X'."""
    owner_tok = tok.head
    backer = None
    for c in list(children(tok)) + [t for t in ctx.tokens if t.i == tok.i - 2]:
        m = ctx.at(c)
        if m is not None and m.type in PARTIES:
            backer = m
    if backer is None:
        return
    target = ctx.at(owner_tok)
    if target is None:
        for c in owner_tok.subtree:
            m = ctx.at(c)
            if m is not None and m.type in ACTORS and m.id != backer.id:
                target = m
                break
    if target is None or target.id == backer.id:
        return
    word = tok.lower_
    if word in ("backed", "allied", "sponsored", "funded", "supported"):
        yield Found("allied_with", tok, target, "rules/allied.hyphen.v1", object=backer)
    elif word == "trained":
        yield Found("trained_by", tok, target, "rules/trained.hyphen.v1", object=backer)
    elif word in ("linked", "affiliated") and target.type == "ORG":
        yield Found("affiliated_with", tok, target, "rules/affiliated.hyphen.v1", object=backer)
