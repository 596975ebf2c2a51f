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
from typing import Any

from claimgraph.model import Claim, Entity, Mention, Section, stable_id
from claimgraph.resolve.linking import LABEL as LINKED
from claimgraph.resolve.names import (
    acronym,
    description_key,
    description_stems,
    fold,
    is_acronym,
    key,
    name_tokens,
    org_core,
    place_core,
    raw_tokens,
    skeleton,
)
from claimgraph.resolve.score import (
    STRONG,
    WEAK,
    Match,
    begins,
    compare,
    prefix_key,
    significant_tokens,
    tokens_equal,
)
from claimgraph.words import demonym_stems, is_demonym_of

Link = tuple[str, str, str, str]  # mention, entity, rule, evidence
MAX_BLOCK = 16  # a key shared by more entities than this does not discriminate: skip it
MAX_COMPARED = 12  # candidates compared per cluster, those sharing the most keys first
# words that many organisation and place names share: never a blocking key on their own
GENERIC_TOKENS = frozenset({
    "front", "brigade", "party", "council", "group", "army", "forces", "force", "state", "national", "ministry",
    "movement", "union", "valley", "gorge", "province", "city", "river", "north", "south", "east", "west",
    "northern", "southern", "eastern", "western", "united", "republic", "islamic", "democratic", "new", "the",
})
TYPE_ORDER = ("PERSON", "ORG", "PLACE")


@dataclass
class Cluster:
    """Mentions of one document believed to name one thing."""

    mentions: list[Mention] = field(default_factory=list)
    names: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    rules: dict[str, str] = field(default_factory=dict)  # mention id -> why it joined
    type: str = "ORG"  # majority of `types`, kept current by add()

    @property
    def described(self) -> bool:
        """Founded by a description ("US officials"), not a name: takes no short forms."""
        return bool(self.mentions) and self.mentions[0].label == "rules/description"

    def full_names(self) -> list[str]:
        return [n for n in self.names if len(name_tokens(n)) >= 2]

    def add(self, m: Mention, rule: str) -> None:
        if m.is_reference:  # "she", "the group": refers to the cluster, names nothing
            self.mentions.append(m)
            self.rules[m.id] = m.sieve or rule  # the sieve that linked it stays its reason
            return
        described = bool(self.mentions) and not self.described and m.label == "rules/description"
        self.mentions.append(m)
        if not described:  # a named cluster keeps names, not the descriptions that joined it
            self.names[m.text] += 1
        # spaCy wobbles on single-token names: a full name's type counts for more
        self.types[m.type] += 2 if len(name_tokens(m.text)) >= 2 or m.section is Section.META else 1
        self.type = majority_type(self.types)
        self.rules[m.id] = rule


@dataclass
class EntityState:
    id: str
    names: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    order: int = 0
    keys: set[str] = field(default_factory=set)  # exact-match keys of its names
    named: bool = False  # has a name, not only descriptions
    type: str = "ORG"  # majority of `types`, kept current by add()

    def add(self, name: str, type_: str, weight: int = 1) -> None:
        self.names[name] += 1
        self.types[type_] += weight
        self.keys.add(key(name))
        self.type = majority_type(self.types)

    def to_entity(self) -> Entity:
        return Entity(id=self.id, type=self.type, name=display_name(self.names), aliases=tuple(self.names.most_common()))


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


def majority_type(votes: Counter[str]) -> str:
    if not votes:
        return "ORG"
    return max(TYPE_ORDER, key=lambda t: (votes[t], -TYPE_ORDER.index(t)))


def display_name(names: Counter[str]) -> str:
    """The name to show: a full name (two name tokens or more) before a short one, a name in Latin
    script before one in another (the workspace speaks English), then the most used, then the
    longest."""
    def adjective(n: str) -> bool:  # "Karsian" beside "Karsia": show the country
        return any(is_demonym_of(n, other) for other in names if other != n)

    return max(names, key=lambda n: (min(len(name_tokens(n)), 2), is_latin(n), not adjective(n), names[n], len(n), n))


def is_latin(name: str) -> bool:
    """Every letter in the Latin script (accents included: "Malsagov", "Défense")."""
    return all(ord(c) < 0x250 or not c.isalpha() for c in name)


def blocking_keys(name: str, type_: str) -> set[str]:
    """Keys under which an entity with this name is filed; candidates share at least one."""
    keys = {f"k:{key(name)}"}
    toks = name_tokens(name)
    if type_ == "PERSON":
        if len(toks) >= 2:
            keys.add(f"fl:{skeleton(toks[0])[:1]}:{skeleton(toks[-1])}")
        if toks:
            keys.add(f"s:{skeleton(toks[-1])}")
    else:
        keys.update(f"t:{skeleton(t)}" for t in toks if len(t) > 2 and t not in GENERIC_TOKENS)
        keys.add(f"c:{place_core(name)}")
        if is_acronym(name):
            keys.add(f"a:{fold(name).replace(' ', '')}")
        acr = acronym(name)
        if acr:
            keys.add(f"a:{acr}")
        prefix = prefix_key(name) if type_ == "ORG" else None
        if prefix:
            keys.add(f"p:{prefix}")
        if type_ == "ORG" and org_core(name):  # "the IS group" / "IS"
            keys.add(f"o:{org_core(name)}")
        described = description_key(name) if type_ == "ORG" else None
        if described:  # "Georgian military" / "Georgia's armed forces"
            keys.update(f"x:{described[1]}:{w[:4]}" for w in description_stems(name))
        if type_ == "PLACE":  # "Russian" files under russia, "Lebanese" under leban
            keys.update(f"d:{stem[:4]}" for stem in demonym_stems(name))
            if " " not in fold(name):
                keys.add(f"d:{fold(name)[:4]}")
    return keys


class Resolver:
    def __init__(self, existing: Iterable[Mention] = (), judgements: Iterable[dict[str, Any]] = (),
                 alias_claims: Iterable[Claim] = ()):
        self.entities: dict[str, EntityState] = {}
        self.blocks: dict[str, set[str]] = defaultdict(set)
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
            if c.object and c.object.get("value"):
                self.aliases[c.subject].append(str(c.object["value"]))
        self.mention_names: dict[str, str] = {}
        self.mention_types: dict[str, str] = {}
        self.antecedents: dict[str, str] = {}  # mention -> the mention coreference linked it to
        for m in existing:
            if m.entity:
                self._register(m.entity, m)

    # ---- index ----------------------------------------------------------------------
    def _register(self, entity_id: str, m: Mention, weight: int = 1) -> EntityState:
        state = self.entities.get(entity_id)
        if state is None:
            state = self.entities[entity_id] = EntityState(entity_id, order=len(self.entities))
        if m.antecedent:
            self.antecedents[m.id] = m.antecedent
        if m.is_reference:
            pass  # a pronoun or nominal: neither a name nor a type vote
        elif m.label == "rules/description" and state.named:
            state.types[m.type] += weight  # a description of a named entity: not one of its names
        else:
            state.named = state.named or m.label != "rules/description"
            state.add(m.text, m.type, weight)
            for k in blocking_keys(m.text, m.type):
                self.blocks[k].add(entity_id)
        self.mention_names[m.id] = m.text
        self.mention_types[m.id] = m.type
        return state

    def _candidates(self, cluster: Cluster) -> list[str]:
        """Entities of the cluster's type filed under its blocking keys, the most specific keys
        (smallest blocks: the same name, the same first and family name) first, at most
        MAX_COMPARED: the work per document stays bounded however large the store grows."""
        keys = {k for name in cluster.names for k in blocking_keys(name, cluster.type) if k in self.blocks}
        # smallest first, equal sizes by key: a set's order changes with the hash seed
        blocks = [self.blocks[k] for k in sorted(keys, key=lambda k: (len(self.blocks[k]), k))]
        if blocks and len(blocks[0]) > MAX_BLOCK:  # only unspecific keys: the smallest still gives candidates
            if len(blocks[0]) > 4 * MAX_BLOCK:
                return []
            blocks = blocks[:1]
        found: dict[str, None] = {}
        for block in blocks:
            if len(block) > MAX_BLOCK or len(found) >= MAX_COMPARED:
                break
            for e in sorted(block, key=lambda e: self.entities[e].order):
                if self.entities[e].type == cluster.type:
                    found.setdefault(e)
        # the tagger types a name differently from one report to the next ("TMZ", "Betty Ford
        # Center"): an entity's own name (its display name), of two words or more or an acronym,
        # crosses types
        for name in sorted(cluster.names):
            if len(name_tokens(name)) >= 2 or is_acronym(name):
                for e in sorted(self.blocks.get(f"k:{key(name)}", ()), key=lambda e: self.entities[e].order):
                    state = self.entities[e]
                    if len(found) < MAX_COMPARED and state.named and key(display_name(state.names)) == key(name):
                        found.setdefault(e)
        return sorted(list(found)[:MAX_COMPARED], key=lambda e: self.entities[e].order)

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
        for doc_mentions in by_doc.values():
            texts = {m.id: m.text for m in doc_mentions}
            for cluster in self.cluster_document(doc_mentions):
                entity_id, match = self._place(cluster)
                touched.add(entity_id)
                for m in cluster.mentions:
                    self._register(entity_id, m)
                    rule = cluster.rules[m.id]
                    evidence = match.evidence if match.score > 0 else "founded a new entity"
                    if m.antecedent and m.sieve:
                        evidence = f"{m.text!r} → {texts.get(m.antecedent, m.antecedent)!r}"
                    links.append((m.id, entity_id, rule, evidence))
        links = self._apply_judgements(links, touched)
        return [self.entities[e].to_entity() for e in sorted(touched) if e in self.entities], links

    def cluster_document(self, mentions: list[Mention]) -> list[Cluster]:
        clusters: list[Cluster] = []
        by_key: dict[str, Cluster] = {}
        ordered = sorted(mentions, key=lambda m: (m.start is None, m.start or 0))
        present = {m.id for m in ordered}
        linked = [m for m in ordered if m.antecedent in present]
        for m in ordered:
            if m.antecedent in present:
                continue  # follows its antecedent, below
            k = key(m.text)
            target, rule = by_key.get(k), "same name in the document"
            if target is None:
                target, rule = self._short_form_of(m, clusters)
            if target is None or self._is_distinct([m.text], target.names):
                target, rule = Cluster(), "first mention in the document"
                clusters.append(target)
            target.add(m, rule)
            by_key.setdefault(k, target)
        clusters = self._join_family_names(self._join_leading_words(clusters))
        return self._join_aliases(self._follow_antecedents(clusters, linked))

    def _join_family_names(self, clusters: list[Cluster]) -> list[Cluster]:
        """A family name said before the full name ("Obama" in a headline, "Barack Obama" in the
        body) is that person, when exactly one full name in the document ends with it."""
        out = list(clusters)
        people = [c for c in clusters if c.type == "PERSON" and not c.described and c.full_names()]
        for short in [c for c in clusters if not c.described and not c.full_names() and c.names]:
            toks = {t for n in short.names for t in name_tokens(n)}
            if len(toks) != 1:
                continue
            token = next(iter(toks))
            owners = [c for c in people if c is not short and any(tokens_equal(token, name_tokens(n)[-1]) for n in c.full_names())]
            if len(owners) == 1 and (short.type == "PERSON" or any(m.label.startswith("spacy/NORP") for m in short.mentions)):
                if self._is_distinct(short.names, owners[0].names):
                    continue
                for m in short.mentions:
                    owners[0].add(m, f"family name of {max(owners[0].full_names(), key=len)!r}")
                out.remove(short)
        return out

    def _follow_antecedents(self, clusters: list[Cluster], linked: list[Mention]) -> list[Cluster]:
        """Pronouns and descriptions coreference linked join the cluster of the mention they lead
        to, with the sieve that linked them as the reason."""
        owner = {m.id: c for c in clusters for m in c.mentions}
        parent = {m.id: m.antecedent for m in linked}
        for m in linked:
            root, seen = m.antecedent, {m.id}
            while root in parent and root not in seen:
                seen.add(root)
                root = parent[root]
            target = owner.get(root or "")
            if target is None:  # its antecedent is not in this batch: it stands for itself
                target = Cluster()
                target.names[m.text] += 1
                clusters.append(target)
            target.add(m, m.sieve or "coreference")
            owner[m.id] = target
        return clusters

    def _join_leading_words(self, clusters: list[Cluster]) -> list[Cluster]:
        """An organisation named by the leading words of another one's name in the same document
        ("Islamic State" and "Islamic State in Iraq and Syria"), whichever came first, is that one,
        when exactly one longer name fits."""
        out = list(clusters)
        for short in [c for c in clusters if c.type == "ORG" and not c.described]:
            toks = significant_tokens(max(short.names, key=lambda n: len(name_tokens(n))))
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
        for cluster in reversed(clusters):  # the most recent name first
            if cluster.described:
                continue
            for name in cluster.full_names():
                full = name_tokens(name)
                if len(toks) >= len(full):
                    continue
                if cluster.type == "PERSON":
                    if all(any(tokens_equal(t, f) for f in full) for t in toks) and (len(toks) == 1 or m.type == "PERSON"):
                        return cluster, f"short form of {name!r}"
                elif m.type == cluster.type or (len(toks) == 1 and m.label.endswith(("NORP", "PERSON"))):
                    if is_acronym(m.text) and fold(m.text).replace(" ", "").replace(".", "") == acronym(name):
                        return cluster, f"acronym of {name!r}"
                    if all(tokens_equal(t, f) for t, f in zip(toks, full, strict=False)) and not is_acronym(m.text):
                        return cluster, f"leading words of {name!r}"
        return None, ""

    def _join_aliases(self, clusters: list[Cluster]) -> list[Cluster]:
        """Explicit alias claims ("born as X", "also known as X") join the clusters they name."""
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
        names = [n for n in cluster.names]
        weak: list[tuple[str, Match]] = []
        best: tuple[str, Match] | None = None
        for eid in self._candidates(cluster):
            if best is not None and best[1].score >= 1.0:
                break  # nothing scores higher than the same name
            state = self.entities[eid]
            if self._is_distinct(names, state.names):
                continue
            same = next((n for n in names if key(n) in state.keys), None)
            match = Match(1.0, "same name", same, same) if same else compare(names, state.names, cluster.type)
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
        while eid in self.entities:
            n += 1
            eid = stable_id("e", cluster.type, key(base), n)
        self.entities[eid] = EntityState(eid, order=len(self.entities))
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
        # rebuild entity states from the final assignment
        rebuilt: dict[str, EntityState] = {}
        for m, e in current.items():
            st = rebuilt.setdefault(e, EntityState(e, order=self.entities[e].order if e in self.entities else len(self.entities)))
            if m not in references:
                st.add(self.mention_names[m], self.mention_types[m])
        self.entities.update(rebuilt)
        touched.clear()
        touched.update(rebuilt)
        return [(m, current[m], *rules[m]) for m in current]


def explain(names_a: list[str], names_b: list[str], type_a: str, type_b: str) -> Match:
    """Why two name sets would or would not be one entity across documents."""
    if type_a != type_b:
        return Match(0.0, f"different types ({type_a} / {type_b}): never merged")
    return compare(names_a, names_b, type_a)


__all__ = ["Resolver", "explain", "blocking_keys", "raw_tokens"]
