"""Mentions to entities: within each document, then against the entities already known.

Within a document a short form joins the full name introduced before it ("Shishani"
after "Abu Omar al-Shishani", "IS" after "Islamic State"), whatever type the tagger gave
it. Across documents a document's cluster joins an existing entity of the same type on
strong name evidence (spelling variants, acronyms, explicit alias claims); weak evidence
(a family name alone) only when it points at a single entity. Different first names with
one family name never merge. People's judgements (merge, split, distinct) override all.
Candidates come from blocking keys (name-token skeletons, acronyms), so the cost grows
with the number of names, not its square.
"""

from __future__ import annotations

import gc
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from claimgraph.model import Claim, Entity, Mention, Modality, Section, stable_id
from claimgraph.resolve.entities import (
    BIG_BLOCK,
    MAX_BLOCK,
    EntityIndex,
    EntitySource,
    EntityState,
    blocking_keys,
    display_name,
    majority_type,
)
from claimgraph.resolve.linking import LABEL as LINKED
from claimgraph.resolve.names import NAMES_CACHE, acronym, fold, is_acronym, key, name_tokens, raw_tokens
from claimgraph.resolve.score import STRONG, WEAK, Match, begins, compare, significant_tokens, tokens_equal

Link = tuple[str, str, str, str]  # mention, entity, rule, evidence
MAX_COMPARED = 12  # candidates compared per cluster, those sharing the most keys first


@lru_cache(maxsize=NAMES_CACHE)
def same_name(name: str) -> Match:
    """The match of a cluster's name found among a candidate's names (one object a name)."""
    return Match(1.0, "same name", name, name)


@lru_cache(maxsize=NAMES_CACHE)
def _same_name_evidence(name: str) -> str:
    return same_name(name).evidence


def evidence_of(match: Match) -> str:
    """`match.evidence`, written once for each name a same-name match is made on."""
    if match.rule == "same name" and match.a == match.b and match.score == 1.0:
        return _same_name_evidence(match.a)
    return match.evidence


def _no_counts() -> Counter[str]:
    """An empty Counter, as Counter() makes it, without its __init__ (two for every cluster)."""
    return Counter.__new__(Counter)


@dataclass(slots=True)
class Cluster:
    """Mentions of one document believed to name one thing."""

    mentions: list[Mention] = field(default_factory=list)
    names: Counter[str] = field(default_factory=_no_counts)
    types: Counter[str] = field(default_factory=_no_counts)
    rules: dict[str, str] = field(default_factory=dict)  # mention id -> why it joined
    type: str = "ORG"  # majority of `types`, kept current by add()
    # founded by a description ("US officials"), not a name: takes no short forms (set by the first mention)
    described: bool = False
    _full: tuple[int, list[str], list[tuple[str, tuple[str, ...]]]] | None = field(default=None, repr=False, compare=False)

    def _full_names(self) -> tuple[int, list[str], list[tuple[str, tuple[str, ...]]]]:
        # names are only ever added, so their number says whether the lists are still current
        kept = self._full
        if kept is None or kept[0] != len(self.names):
            full = [(n, name_tokens(n)) for n in self.names]
            full = [(n, toks) for n, toks in full if len(toks) >= 2]
            kept = self._full = (len(self.names), [n for n, _ in full], full)
        return kept

    def full_names(self) -> list[str]:
        return self._full_names()[1]

    def full_tokens(self) -> list[tuple[str, tuple[str, ...]]]:
        """The full names (two name tokens or more) with their tokens."""
        return self._full_names()[2]

    def add(self, m: Mention, rule: str) -> None:
        if not self.mentions:
            self.described = m.label == "rules/description"
        if m.is_reference:  # "she", "the group": refers to the cluster, names nothing
            self.mentions.append(m)
            self.rules[m.id] = m.sieve or rule  # the sieve that linked it stays its reason
            return
        described = bool(self.mentions) and not self.described and m.label == "rules/description"
        self.mentions.append(m)
        text, names, types = m.text, self.names, self.types
        if not described:  # a named cluster keeps names, not the descriptions that joined it
            names[text] = names.get(text, 0) + 1
        # spaCy wobbles on single-token names: a full name's type counts for more
        types[m.type] = types.get(m.type, 0) + (2 if len(name_tokens(text)) >= 2 or m.section is Section.META else 1)
        self.type = majority_type(types)
        self.rules[m.id] = rule


MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})


def pronoun_gender(cluster: Cluster) -> str | None:
    """'m' or 'f' when the pronouns coreference linked to the cluster say so clearly (two to one)."""
    male = sum(1 for m in cluster.mentions if m.is_reference and m.text.lower() in MALE_PRONOUNS)
    female = sum(1 for m in cluster.mentions if m.is_reference and m.text.lower() in FEMALE_PRONOUNS)
    if male >= 2 * female and male:
        return "m"
    if female >= 2 * male and female:
        return "f"
    return None


def _genders_clash(a: Cluster, b: Cluster) -> bool:
    """'he' for one and 'she' for the other: two people, whatever an alias claim says."""
    ga, gb = pronoun_gender(a), pronoun_gender(b)
    return ga is not None and gb is not None and ga != gb


def _each_in(toks: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Every token of `toks` is one of `full`'s, spelling variants allowed."""
    for t in toks:
        for f in full:
            if tokens_equal(t, f):
                break
        else:
            return False
    return True


def _each_exactly_in(toks: tuple[str, ...], full: tuple[str, ...]) -> bool:
    return all(t in full for t in toks)


def _opens(toks: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """`toks` are `full`'s leading tokens, spelling variants allowed."""
    for t, f in zip(toks, full, strict=False):  # noqa: SIM110  (a loop: no generator frame a call)
        if not tokens_equal(t, f):
            return False
    return True


def _ends_with(token: str, lasts: tuple[str, ...]) -> bool:
    """`token` is one of `lasts`, spelling variants allowed."""
    for last in lasts:  # noqa: SIM110  (a loop: no generator frame a call)
        if tokens_equal(token, last):
            return True
    return False


class Resolver:
    def __init__(self, existing: Iterable[Mention] = (), judgements: Iterable[dict[str, Any]] = (),
                 alias_claims: Iterable[Claim] = (), source: EntitySource | None = None):
        """`source`: a store to fetch known entities from as each report needs them (an
        incremental run); without one, `existing` mentions and this run are all there is."""
        self.index = EntityIndex(source)
        self.distinct: set[frozenset[str]] = set()
        self.merges: list[tuple[str, str]] = []
        self.splits: list[tuple[str, str]] = []
        for j in judgements:
            if j["kind"] == "distinct":
                self.distinct.add(frozenset((key(j["a"]), key(j["b"]))))
            elif j["kind"] == "merge":
                self.merges.append((j["a"], j["b"]))
            elif j["kind"] == "split":
                self.splits.append((j["a"], j["b"]))
        self.aliases: dict[str, list[str]] = defaultdict(list)  # subject mention -> alias names
        for c in alias_claims:
            # only a name the text gives as the subject's own: "rumoured to be X" or "denied he
            # was X" must not make two people one
            if c.object and c.object.get("value") and c.modality not in (Modality.HEDGED, Modality.DENIED):
                self.aliases[c.subject].append(str(c.object["value"]))
        # what judgements need to move mentions once they are placed: kept only when there are any
        self.judged = bool(self.merges or self.splits)
        # in memory, with no judgements: where a known name's entity can be told at once (_oldest_same_name)
        self.plain = source is None and not (self.judged or self.distinct)
        self._name_keys: dict[tuple[str, str], tuple[str, tuple[str, ...]]] = {}
        self.mention_names: dict[str, str] = {}
        self.mention_types: dict[str, str] = {}
        self.antecedents: dict[str, str] = {}  # mention -> the mention coreference linked it to
        self.gave_name: dict[str, bool] = {}  # with a source: whether registering a mention added a name
        for m in existing:
            if m.entity:
                self._register(m.entity, m)

    @property
    def entities(self) -> dict[str, EntityState]:
        return self.index.entities

    @property
    def blocks(self) -> dict[str, set[str]]:
        return self.index.blocks

    # ---- index ----------------------------------------------------------------------
    def _register(self, entity_id: str, m: Mention, weight: int = 1) -> EntityState:
        index = self.index
        state = index.entities.get(entity_id) or index.state(entity_id)
        named = False
        if m.is_reference:
            pass  # a pronoun or nominal: neither a name nor a type vote
        elif m.label == "rules/description" and state.named:
            state.types[m.type] += weight  # a description of a named entity: not one of its names
        else:
            state.named = state.named or m.label != "rules/description"
            state.add(m.text, m.type, weight)
            index.file(m.text, m.type, entity_id)
            named = True
        if index.source is not None:
            self.gave_name[m.id] = named
        if self.judged:
            if m.antecedent:
                self.antecedents[m.id] = m.antecedent
            self.mention_names[m.id] = m.text
            self.mention_types[m.id] = m.type
        return state

    def _candidates(self, cluster: Cluster) -> list[str]:
        """Entities of the cluster's type filed under its blocking keys, the most specific keys
        (smallest blocks: the same name, the same first and family name) first, at most
        MAX_COMPARED: the work per document stays bounded however large the store grows."""
        type_, names = cluster.type, cluster.names
        if len(names) == 1:  # most clusters: one name, whose keys are cached
            wanted: Iterable[str] = blocking_keys(next(iter(names)), type_)
        else:
            wanted = {k for name in names for k in blocking_keys(name, type_)}
        index, entities = self.index, self.entities
        if index.source is not None:
            index.fetch(wanted)
        block_of = index.blocks.get
        # smallest first, equal sizes by key: a set's order changes with the hash seed
        keys = sorted([(len(b), k) for k in wanted if (b := block_of(k)) is not None])
        bound = MAX_BLOCK
        if keys and keys[0][0] > MAX_BLOCK:  # only unspecific keys: the smallest still gives candidates
            if keys[0][0] > BIG_BLOCK:
                return []
            keys, bound = keys[:1], BIG_BLOCK
        found: dict[str, None] = {}
        ordered = index.ordered
        for size, k in keys:
            if size > bound or len(found) >= MAX_COMPARED:
                break
            for e in ordered(k):
                if e not in found and entities[e].type == type_:
                    found[e] = None
                    if len(found) == MAX_COMPARED:
                        break  # the rest would never be among the first MAX_COMPARED
        # the tagger types a name differently from one report to the next ("TMZ", "Betty Ford
        # Center"): an entity's own name (its display name), of two words or more or an acronym,
        # crosses types
        for name in sorted(names) if len(names) > 1 else names:
            if len(found) < MAX_COMPARED and (len(name_tokens(name)) >= 2 or is_acronym(name)):
                for e in index.displayed_as(key(name), found):
                    if len(found) < MAX_COMPARED:
                        found[e] = None
        return sorted(found, key=lambda e: entities[e].order) if len(found) > 1 else list(found)

    def _oldest_same_name(self, name: str, type_: str) -> str | None:
        """What _place answers for a cluster of this one name, when it can be told without
        gathering the candidates: the oldest entity with the name, when it is of the cluster's type
        and in the first block _candidates takes whole (at most MAX_COMPARED entities).

        In memory, with no judgements, the entities with a name are exactly its "k:" block (a name
        is filed when it is added, and nothing is unfiled), so the first candidate with the name is
        the block's oldest entity whenever that one is a candidate; None: gather them."""
        index = self.index
        block_of = index.blocks.get
        own, others = self._name_keys.get((name, type_)) or self._own_keys(name, type_)
        block = block_of(own)
        if not block:
            return None  # a name no entity has
        first, size = own, len(block)  # the smallest block, equal sizes by key, as _candidates sorts them
        for k in others:
            block = block_of(k)
            if block is not None and (len(block) < size or len(block) == size and k < first):
                first, size = k, len(block)
        if size > MAX_COMPARED:
            return None
        oldest = index.ordered(own)[0]
        if index.entities[oldest].type != type_ or oldest not in index.blocks[first]:
            return None
        return oldest

    def _own_keys(self, name: str, type_: str) -> tuple[str, tuple[str, ...]]:
        """A name's exact-name blocking key and its other blocking keys (for this type), kept for
        the run in a plain dict (no cache bookkeeping on the hits, one a cluster)."""
        own = f"k:{key(name)}"
        found = self._name_keys[(name, type_)] = (own, tuple(k for k in blocking_keys(name, type_) if k != own))
        return found

    def _is_distinct(self, names_a: Iterable[str], names_b: Iterable[str]) -> bool:
        if not self.distinct:
            return False
        keys_b = {key(n) for n in names_b}
        return any(frozenset((key(a), kb)) in self.distinct for a in names_a for kb in keys_b)

    # ---- resolution -------------------------------------------------------------------
    def resolve(self, mentions: list[Mention]) -> tuple[list[Entity], list[Link]]:
        # the cyclic collector would rescan the whole, growing index again and again while
        # millions of small objects are built: none of them form cycles, so it waits till the end
        paused = gc.isenabled()
        gc.disable()
        try:
            return self._resolve(mentions)
        finally:
            if paused:
                gc.enable()

    def _resolve(self, mentions: list[Mention]) -> tuple[list[Entity], list[Link]]:
        by_doc: dict[str, list[Mention]] = defaultdict(list)
        for m in mentions:
            by_doc[m.document].append(m)
        links: list[Link] = []
        touched: set[str] = set()
        register, append = self._register, links.append
        for doc_mentions in by_doc.values():
            texts: dict[str, str] | None = None  # the document's mention texts, when a reference needs them
            for cluster in self.cluster_document(doc_mentions):
                entity_id, match = self._place(cluster)
                touched.add(entity_id)
                placed = evidence_of(match) if match.score > 0 else "founded a new entity"  # one string for the cluster
                rules = cluster.rules
                for m in cluster.mentions:
                    register(entity_id, m)
                    evidence = placed
                    if m.antecedent and m.sieve:
                        if texts is None:
                            texts = {x.id: x.text for x in doc_mentions}
                        evidence = f"{m.text!r} → {texts.get(m.antecedent, m.antecedent)!r}"
                    append((m.id, entity_id, rules[m.id], evidence))
        links = self._apply_judgements(links, touched)
        return [self.entities[e].to_entity() for e in sorted(touched) if e in self.entities], links

    def cluster_document(self, mentions: list[Mention]) -> list[Cluster]:
        clusters: list[Cluster] = []
        by_key: dict[str, Cluster] = {}
        ordered = sorted(mentions, key=lambda m: (m.start is None, m.start or 0))
        present = {m.id for m in ordered}
        # a pronoun or description follows its antecedent; one whose antecedent is not among these
        # mentions (a piece's merged-away metadata name, a batch cut short) stands for itself there
        linked = [m for m in ordered if m.antecedent in present or m.is_reference]
        longest = 0  # the most name tokens of a name the document's clusters have so far
        distinct = bool(self.distinct)
        for m in ordered:
            if m.antecedent in present or m.is_reference:
                continue  # follows its antecedent, below
            text = m.text
            k = key(text)
            size = len(name_tokens(text))
            target, rule = by_key.get(k), "same name in the document"
            if target is None and size < longest:  # else no name it could shorten
                target, rule = self._short_form_of(m, clusters)
            if target is None or distinct and self._is_distinct([text], target.names):
                target, rule = Cluster(), "first mention in the document"
                clusters.append(target)
            target.add(m, rule)
            if k not in by_key:
                by_key[k] = target
            if size > longest:
                longest = size
        clusters = self._join_family_names(self._join_leading_words(clusters))
        return self._join_aliases(self._follow_antecedents(clusters, linked))

    def _join_family_names(self, clusters: list[Cluster]) -> list[Cluster]:
        """A family name said before the full name ("Obama" in a headline, "Barack Obama" in the
        body) is that person, when exactly one full name in the document ends with it."""
        shorts: list[tuple[Cluster, str]] = []  # (cluster, its one name token): only people's owners change below
        for c in clusters:
            if c.described or not c.names or c.full_names():
                continue
            if not (c.type == "PERSON" or any(m.label.startswith("spacy/NORP") for m in c.mentions)):
                continue  # a name of no person
            toks = {t for n in c.names for t in name_tokens(n)}
            if len(toks) == 1:
                shorts.append((c, next(iter(toks))))
        if not shorts:
            return clusters
        out = list(clusters)
        # a person's family names: adding a short name (one token) to a cluster changes none of them
        people = [(c, tuple(toks[-1] for _, toks in c.full_tokens())) for c in clusters
                  if c.type == "PERSON" and not c.described and c.full_names()]
        for short, token in shorts:
            owners = [c for c, lasts in people if c is not short and _ends_with(token, lasts)]
            if len(owners) == 1:
                if self._is_distinct(short.names, owners[0].names):
                    continue
                for m in short.mentions:
                    owners[0].add(m, f"family name of {max(owners[0].full_names(), key=len)!r}")
                out.remove(short)
        return out

    def _follow_antecedents(self, clusters: list[Cluster], linked: list[Mention]) -> list[Cluster]:
        """Pronouns and descriptions coreference linked join the cluster of the mention they lead
        to, with the sieve that linked them as the reason."""
        if not linked:
            return clusters
        owner = {m.id: c for c in clusters for m in c.mentions}
        parent = {m.id: m.antecedent for m in linked}
        for m in linked:
            root, seen = m.antecedent, {m.id}
            while root in parent and root not in seen:
                seen.add(root)
                root = parent[root]
            target = owner.get(root or "")
            if target is None:  # its antecedent is not in this batch: it stands for itself, and
                target = Cluster()  # the references that lead to the same missing one with it
                target.names[m.text] += 1
                clusters.append(target)
                if root is not None:
                    owner[root] = target
            target.add(m, m.sieve or "coreference")
            owner[m.id] = target
        return clusters

    def _join_leading_words(self, clusters: list[Cluster]) -> list[Cluster]:
        """An organisation named by the leading words of another one's name in the same document
        ("Islamic State" and "Islamic State in Iraq and Syria"), whichever came first, is that one,
        when exactly one longer name fits."""
        if not any(c.type == "ORG" and not c.described and any(len(significant_tokens(n)) > 2 for n in c.names) for c in clusters):
            return clusters  # no name three words long, which a shorter one (two or more) could begin
        out = list(clusters)
        for short in [c for c in clusters if c.type == "ORG" and not c.described]:
            toks = significant_tokens(max(short.names, key=lambda n: len(name_tokens(n))))
            if len(toks) < 2:
                continue  # begins() needs two leading words
            longer = [c for c in out if c is not short and c.type == "ORG" and not c.described and any(
                len(significant_tokens(n)) > len(toks) and begins(toks, significant_tokens(n)) for n in c.names)]
            if len(longer) == 1 and short in out and not self._is_distinct(short.names, longer[0].names):
                for m in short.mentions:
                    longer[0].add(m, f"leading words of {max(longer[0].names, key=len)!r}")
                out.remove(short)
        return out

    def _short_form_of(self, m: Mention, clusters: list[Cluster]) -> tuple[Cluster | None, str]:
        """The cluster whose full name `m` shortens: a person's family or first name (whatever type
        the tagger gave it), an organisation's or place's leading words, or an acronym."""
        toks = name_tokens(m.text)
        # a name linked in a report no analyser reads is a known entity's name already (linking.py)
        if m.section is Section.META or not toks or m.label in ("rules/description", LINKED):
            return None, ""
        # a people's adjective ("Indian") stands for its country: it opens "Indian Ocean" and
        # "Indian Naval Ship Sukanya" without being a short form of either
        adjective = m.type == "PLACE" and m.label.endswith(("NORP", "nationality"))
        size = len(toks)
        of_person = size == 1 or m.type == "PERSON"  # what a person's short form must be
        any_type = size == 1 and m.label.endswith(("NORP", "PERSON"))  # shortens another type's name too
        initials = fold(m.text).replace(" ", "").replace(".", "") if is_acronym(m.text) else None
        for cluster in reversed(clusters):  # the most recent name first
            if cluster.described:
                continue
            if cluster.type == "PERSON":
                if of_person:
                    # spelling variants only for a name the tagger also calls a person: "Navy" (an
                    # organisation) is not a short form of a person named "Nava"
                    within = _each_in if m.type == "PERSON" else _each_exactly_in
                    for name, full in cluster.full_tokens():
                        if size < len(full) and not (adjective and toks == full[:1]) and within(toks, full):
                            return cluster, f"short form of {name!r}"
            elif adjective or not (m.type == cluster.type or any_type):
                continue  # no name of this cluster could match
            elif initials is not None:
                for name, full in cluster.full_tokens():
                    if size < len(full) and initials == acronym(name):
                        return cluster, f"acronym of {name!r}"
            else:
                for name, full in cluster.full_tokens():
                    if size < len(full) and _opens(toks, full):
                        return cluster, f"leading words of {name!r}"
        return None, ""

    def _join_aliases(self, clusters: list[Cluster]) -> list[Cluster]:
        """Explicit alias claims ("born as X", "also known as X") join the clusters they name."""
        if not self.aliases:
            return clusters
        by_mention = {m.id: c for c in clusters for m in c.mentions}
        merged: list[Cluster] = list(clusters)
        for mention_id, alias_names in self.aliases.items():
            owner = by_mention.get(mention_id)
            if owner is None:
                continue
            for alias in alias_names:
                for other in list(merged):
                    if other is owner or key(alias) not in {key(n) for n in other.names}:
                        continue
                    if self._is_distinct(owner.names, other.names) or _genders_clash(owner, other):
                        continue
                    # "the commander known as 'X'": the description joins the name, not the reverse
                    keep, gone = (other, owner) if owner.described and not other.described else (owner, other)
                    for m in gone.mentions:
                        keep.add(m, f"alias claim: {alias!r} names the same {keep.type.lower()}")
                        by_mention[m.id] = keep
                    merged.remove(gone)
                    owner = keep
                if not owner.described:
                    owner.names.setdefault(alias, 0)
        return merged

    def _place(self, cluster: Cluster) -> tuple[str, Match]:
        if cluster.described and cluster.type == "PERSON":
            # "a spokesman", "a Georgian military officer": unnamed people are not identifiable
            # across documents
            return self._new_entity_id(cluster), Match(0.0, "unnamed person: kept to its document")
        names = tuple(cluster.names)
        if self.plain and len(names) == 1 and names[0]:
            oldest = self._oldest_same_name(names[0], cluster.type)
            if oldest is not None:
                return oldest, same_name(names[0])
        entities = self.entities
        candidates = self._candidates(cluster)
        if self.distinct:
            candidates = [e for e in candidates if not self._is_distinct(names, entities[e].names)]
        # the same name scores 1.0, more than any other evidence (compare() never reaches it): the
        # first candidate, in order, that has one of the cluster's names is the answer, and the
        # candidates before it need no comparing
        if len(names) == 1:  # most clusters
            only, only_key = names[0], key(names[0])
            for eid in candidates:
                if only_key in entities[eid].keys:
                    if only:
                        return eid, same_name(only)
                    break  # no other name to decide
        else:
            name_keys = [(n, key(n)) for n in names]
            for eid in candidates:
                keys = entities[eid].keys
                for n, k in name_keys:
                    if k in keys:  # the first of the names it has decides, as next() over them would
                        if n:
                            return eid, same_name(n)
                        break
        weak: list[tuple[str, Match]] = []
        best: tuple[str, Match] | None = None
        for eid in candidates:
            match = compare(names, entities[eid].names, cluster.type)
            if match.score >= STRONG and (best is None or match.score > best[1].score):
                best = (eid, match)
            elif WEAK <= match.score < STRONG:
                weak.append((eid, match))
        if best:
            return best
        if len(weak) == 1 and (cluster.type != "PERSON" or not cluster.full_names()):
            return weak[0]
        return self._new_entity_id(cluster), Match(0.0, "new entity")

    def _new_entity_id(self, cluster: Cluster) -> str:
        base = display_name(cluster.names)
        eid = stable_id("e", cluster.type, key(base))
        n = 1
        while self.index.exists(eid):
            n += 1
            eid = stable_id("e", cluster.type, key(base), n)
        self.index.new(eid)
        return eid

    # ---- judgements -------------------------------------------------------------------
    def _apply_judgements(self, links: list[Link], touched: set[str]) -> list[Link]:
        """Splits move a name's mentions to a new entity; merges unite the entities of two names."""
        if not (self.merges or self.splits):
            return links
        current = {m: e for m, e, _, _ in links}
        rules = {m: (r, ev) for m, _, r, ev in links}
        references = {m for m in current if m in self.antecedents}
        for entity_id, name in self.splits:
            moved = [m for m, e in current.items() if e == entity_id and key(self.mention_names[m]) == key(name)]
            if not moved:
                continue
            new_id = stable_id("e", "split", entity_id, key(name))
            for m in moved:
                current[m] = new_id
                rules[m] = ("judgement: split", f"{name!r} split from {entity_id}")
        for a, b in self.merges:
            ea = {e for m, e in current.items() if key(self.mention_names[m]) == key(a) or e == a}
            eb = {e for m, e in current.items() if key(self.mention_names[m]) == key(b) or e == b}
            group = ea | eb
            if not ea or not eb or len(group) < 2:
                continue
            keep = min(group, key=lambda e: (self.entities[e].order if e in self.entities else 10**9, e))
            for m, e in current.items():
                if e in group and e != keep:
                    current[m] = keep
                    rules[m] = ("judgement: merge", f"{a!r} and {b!r} merged by a person")
        for m in sorted(references):  # a pronoun or description goes where its antecedent went
            root, seen = m, set()
            while root in self.antecedents and root not in seen:
                seen.add(root)
                root = self.antecedents[root]
            if root in current:
                current[m] = current[root]
        if self.index.source is None:
            self._rebuild(current, references, touched)
        else:
            self._move({m: e for m, e, _, _ in links}, current, references, touched)
        return [(m, current[m], *rules[m]) for m in current]

    def _rebuild(self, current: dict[str, str], references: set[str], touched: set[str]) -> None:
        """A full run: every entity's state anew from the final assignment (and filed under its
        names, for the store's index)."""
        rebuilt: dict[str, EntityState] = {}
        for m, e in current.items():
            st = rebuilt.setdefault(e, EntityState(e, order=self.entities[e].order if e in self.entities else len(self.entities)))
            if m not in references:
                st.add(self.mention_names[m], self.mention_types[m])
        self.entities.update(rebuilt)
        for m, e in current.items():
            if m not in references:
                self.index.file(self.mention_names[m], self.mention_types[m], e)
        touched.clear()
        touched.update(rebuilt)

    def _move(self, placed: dict[str, str], current: dict[str, str], references: set[str], touched: set[str]) -> None:
        """An incremental run: the mentions a judgement moved leave the state of the entity they
        were placed in and join the one they belong to; the rest of the store is untouched."""
        for m, e in sorted(current.items()):
            if placed[m] == e or m in references:
                continue
            name, type_ = self.mention_names[m], self.mention_types[m]
            self.entities[placed[m]].remove(name if self.gave_name.get(m) else None, type_)
            state = self.index.state(e)
            state.named = True
            state.add(name, type_)
            self.index.file(name, type_, e)
            touched.add(placed[m])
        touched.update(current.values())


def explain(names_a: list[str], names_b: list[str], type_a: str, type_b: str) -> Match:
    """Why two name sets would or would not be one entity across documents."""
    if type_a != type_b:
        return Match(0.0, f"different types ({type_a} / {type_b}): never merged")
    return compare(names_a, names_b, type_a)


__all__ = ["Resolver", "explain", "blocking_keys", "raw_tokens"]
