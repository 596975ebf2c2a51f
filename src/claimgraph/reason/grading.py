"""Grades for claim groups, each with the counts it rests on in words (docs/grades.md).

confirmed     the party concerned accepts it in its own words (the subject itself, or an
              organisation it belonged to at that time), or at least 3 independent sources report
              it and no conflict or standing denial remains
corroborated  2 independent sources report it
single-source 1 independent source reports it
unconfirmed   nobody asserts or reports it: only hedged claims ("could not confirm", "may have")
contested     a conflict involves it (and the party concerned has not accepted it)
denied        every claim in it is a denial

A hedged claim is never support; a denial that its party later took back no longer stands.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from claimgraph.model import Claim, ClaimGroup, Conflict, Document, Entity
from claimgraph.reason.conflicts import find_conflicts
from claimgraph.reason.corroboration import group_facts, support, typical
from claimgraph.reason.facts import Fact, to_facts
from claimgraph.reason.parties import Membership, memberships, speaks_for

CONFIRM_SUPPORT = 3


@dataclass
class Reasoning:
    groups: list[ClaimGroup] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    memberships: dict[str, str] = field(default_factory=dict)  # claim id -> group id
    conflict_support: dict[str, int] = field(default_factory=dict)


def _party(f: Fact, name: dict[str, str]) -> str:
    return name.get(f.claimant or "") or f.document.publisher or "the author"


def _listed(parties: list[str]) -> str:
    return f" ({', '.join(parties)})" if parties else ""


def counts_in_words(facts: list[Fact], name: dict[str, str]) -> tuple[str, dict[str, int]]:
    """"reported by 2 independent sources (A, B) in 3 reports; 1 hedged or could not confirm (C);
    denied by none" and the same counts as numbers."""
    supporting = [f for f in facts if f.supports]
    sources: dict[str, str] = {}
    for f in supporting:
        sources.setdefault(f.source_key, _party(f, name))
    hedgers = sorted({_party(f, name) for f in facts if f.hedged})
    deniers = sorted({_party(f, name) for f in facts if f.negative})
    reports = len({f.document.id for f in supporting})
    n = len(sources)
    labels = Counter(sources.values())  # an outlet's own voice counts once per original report
    named = [f"{label} in {k} reports" if k > 1 else label for label, k in sorted(labels.items())]
    said = (f"reported by {n} independent source{'s' if n != 1 else ''}{_listed(named)}"
            + (f" in {reports} reports" if reports > n else "")) if n else "asserted or reported by no source"
    words = [said, f"{len(hedgers)} hedged or could not confirm{_listed(hedgers)}" if hedgers else "",
             f"denied by {len(deniers)}{_listed(deniers)}" if deniers else "denied by none"]
    copies = len([f for f in facts if f.document.duplicate_of])
    counts = {"sources": n, "reports": reports, "hedged": len(hedgers), "denied": len(deniers), "copies": copies}
    return "; ".join(w for w in words if w), counts


def standing_denials(facts: list[Fact]) -> set[str]:
    """Claim ids of denials their party has not taken back by a later report that accepts it."""
    def when(f: Fact) -> tuple[str, str]:
        return f.document.published or "", f.claim.id
    out = set()
    for f in facts:
        if f.negative and not any(g.supports and g.claimant == f.claimant and when(g) > when(f) for g in facts):
            out.add(f.claim.id)
    return out


def grade_group(facts: list[Fact], conflicts: list[Conflict], concerned: list[Membership],
                name: dict[str, str]) -> tuple[str, list[str], dict[str, int]]:
    """The grade, the lines that explain it (its counts in words first) and the counts."""
    words, counts = counts_in_words(facts, name)
    reasons = [words]
    if counts["copies"]:
        reasons.append(f"{counts['copies']} claim{'s' if counts['copies'] != 1 else ''} from near-duplicate "
                       "(syndicated) reports counted once")
    if all(f.negative for f in facts):
        return "denied", reasons + ["denied: every source denies it"], counts
    standing = standing_denials(facts)
    live = [c for c in conflicts if c.kind != "denial" or standing & set(c.claims)]
    subject = facts[0].subject
    own = sorted((f for f in facts if speaks_for(f.claimant, subject, f.document.published or f.known_by, concerned)),
                 key=lambda f: (f.document.published or "", f.claim.id))
    if own:
        last, who = own[-1], _party(own[-1], name)
        role = "itself" if last.claimant == subject else "the party concerned (its own organisation at the time)"
        if last.supports:
            return "confirmed", reasons + [f"confirmed: accepted by {who}, {role}"] + (
                ["an earlier conflict remains on record (see conflicts)"] if conflicts else []), counts
        reasons.append(f"{who}, {role}, {'denies it' if last.negative else 'does not confirm it'}")
    if live:
        return "contested", reasons + ["contested: a conflicting or denying claim stands (see conflicts)"], counts
    n = support(facts)
    if n >= CONFIRM_SUPPORT:
        return "confirmed", reasons + [f"confirmed: {n} independent sources report it and no denial stands"], counts
    why = "confirming takes 3 independent sources, or the party concerned's own word"
    if n == 2:
        return "corroborated", reasons + [f"not confirmed: 2 independent sources; {why}"], counts
    if n == 1:
        return "single-source", reasons + [f"not confirmed: 1 independent source; {why}"], counts
    return "unconfirmed", reasons + ["not confirmed: no source asserts or reports it, hedged claims only"], counts


def reason_over(claims: list[Claim], mention_entity: dict[str, str], documents: dict[str, Document],
                entities: dict[str, Entity], publisher_of: dict[str, str] | None = None,
                names: dict[str, str] | None = None) -> Reasoning:
    """Groups, grades and conflicts of `claims`. Everything is per subject, so the claims of some
    subjects (all of theirs) give exactly those subjects' part of the whole. `names` (entity id
    -> display name) may stand in for `entities`."""
    names = {**{e.id: e.name for e in entities.values()}, **(names or {})}
    facts = to_facts(claims, mention_entity, documents, publisher_of or {})
    conflicts = find_conflicts(facts, lambda e: names.get(e or "", e or "?"))
    conflicts_of: dict[str, list[Conflict]] = {}
    for c in conflicts:
        for cid in c.claims:
            conflicts_of.setdefault(cid, []).append(c)
    known = memberships(facts)
    out = Reasoning(conflicts=conflicts)
    group_support: dict[str, int] = {}
    for gid, members in sorted(group_facts(facts).items()):
        here = list({c.id: c for f in members for c in conflicts_of.get(f.claim.id, [])}.values())
        grade, reasons, counts = grade_group(members, here, known.get(members[0].subject, []), names)
        first = members[0]
        places = [f.claim.place for f in members if f.claim.place]
        group = ClaimGroup(
            id=gid, subject=first.subject, predicate=first.claim.predicate, object=first.object,
            time=_time(typical([f.time for f in members])), place=mention_entity.get(typical(places) or ""),
            claims=tuple(f.claim.id for f in members), support=support(members), grade=grade, reasons=tuple(reasons),
            counts=counts,
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
