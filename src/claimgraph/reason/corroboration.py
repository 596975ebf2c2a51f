"""Same claim, many sources: groups of claims and their independent support."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from claimgraph.model import stable_id
from claimgraph.reason.facts import Fact


def group_facts(facts: list[Fact]) -> dict[str, list[Fact]]:
    """Claims with the same subject, predicate and object, across documents, keyed by group id.

    Time is not part of the key: "killed on March 3" and "died on March 18" are one claim
    (he is dead) whose date is disputed — a value conflict, found separately.
    """
    groups: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        gid = stable_id("g", f.subject, f.claim.predicate, f.object_key)
        groups[gid].append(f)
    return dict(groups)


def support(facts: list[Fact]) -> int:
    """Independent sources among the claims that assert or report it (a hedge or a denial is no
    support): a syndicated copy or a repeat by one claimant counts once; a report attributed to a
    party credits that party."""
    return len({f.source_key for f in facts if f.supports})


def typical(values: Sequence[str | None]) -> str | None:
    counted = Counter(v for v in values if v)
    return max(counted, key=lambda v: (counted[v], len(v), v)) if counted else None
