"""Grades for claim groups, in the spirit of how conflict monitors grade contested incidents.

confirmed     the party concerned accepts it (the subject itself, or an organisation it
              belongs to or leads), or several independent sources assert it and none contests it
corroborated  two or more independent sources
single-source one source
contested     a conflict involves it
denied        every claim in it is a denial
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from claimgraph.model import Claim, ClaimGroup, Conflict, Document, Entity
from claimgraph.reason.conflicts import find_conflicts
from claimgraph.reason.corroboration import group_facts, support, typical
from claimgraph.reason.facts import Fact, to_facts

CONFIRM_SUPPORT = 3


@dataclass
class Reasoning:
    groups: list[ClaimGroup] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    memberships: dict[str, str] = field(default_factory=dict)  # claim id -> group id
    conflict_support: dict[str, int] = field(default_factory=dict)


def concerned_parties(facts: list[Fact]) -> dict[str, set[str]]:
    """Each subject, and the organisations it belongs to or leads, speak for it."""
    out: dict[str, set[str]] = defaultdict(set)
    for f in facts:
        out[f.subject].add(f.subject)
        if f.claim.predicate in ("member_of", "leader_of") and f.object and "entity" in f.object and not f.negative:
            out[f.subject].add(f.object["entity"])
    return out


def grade_group(facts: list[Fact], contested: bool, concerned: set[str], name: dict[str, str]) -> tuple[str, list[str]]:
    n = support(facts)
    reasons = []
    parties = sorted({name.get(f.claimant or "", "the author") for f in facts if not f.negative})
    if parties:
        reasons.append(f"{n} independent source{'s' if n != 1 else ''}: {', '.join(parties)}")
    dupes = len([f for f in facts if f.document.duplicate_of])
    if dupes:
        reasons.append(f"{dupes} claim{'s' if dupes != 1 else ''} from near-duplicate (syndicated) reports counted once")
    if all(f.negative for f in facts):
        return "denied", reasons + ["every source denies it"]
    # the concerned party's latest word decides whether it accepts the claim
    own = sorted((f for f in facts if f.claimant in concerned), key=lambda f: (f.document.published or "", f.claim.id))
    if own and not own[-1].negative:
        who = name.get(own[-1].claimant or "", "the party concerned")
        return "confirmed", reasons + [f"accepted by the party concerned ({who})"] + (["an earlier conflict remains on record"] if contested else [])
    if contested:
        return "contested", reasons + ["a conflicting or denying claim exists (see conflicts)"]
    if n >= CONFIRM_SUPPORT:
        return "confirmed", reasons + [f"asserted by {n} independent sources, contested by none"]
    if n >= 2:
        return "corroborated", reasons
    return "single-source", reasons


def reason_over(claims: list[Claim], mention_entity: dict[str, str], documents: dict[str, Document],
                entities: dict[str, Entity], publisher_of: dict[str, str] | None = None) -> Reasoning:
    names = {e.id: e.name for e in entities.values()}
    facts = to_facts(claims, mention_entity, documents, publisher_of or {})
    conflicts = find_conflicts(facts, lambda e: names.get(e or "", e or "?"))
    in_conflict = {cid for c in conflicts for cid in c.claims}
    concerned = concerned_parties(facts)
    out = Reasoning(conflicts=conflicts)
    group_support: dict[str, int] = {}
    for gid, members in sorted(group_facts(facts).items()):
        contested = any(f.claim.id in in_conflict for f in members)
        grade, reasons = grade_group(members, contested, concerned.get(members[0].subject, set()), names)
        first = members[0]
        places = [f.claim.place for f in members if f.claim.place]
        group = ClaimGroup(
            id=gid, subject=first.subject, predicate=first.claim.predicate, object=first.object,
            time=_time(typical([f.time for f in members])), place=mention_entity.get(typical(places) or ""),
            claims=tuple(f.claim.id for f in members), support=support(members), grade=grade, reasons=tuple(reasons),
        )
        out.groups.append(group)
        group_support[gid] = group.support
        for f in members:
            out.memberships[f.claim.id] = gid
    for c in conflicts:
        out.conflict_support[c.id] = sum({group_support[out.memberships[cid]] for cid in c.claims if cid in out.memberships})
    return out


def _time(start: str | None) -> dict[str, str] | None:
    return {"start": start, "end": start} if start else None
