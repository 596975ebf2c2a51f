"""Who speaks for a subject: the party concerned, read in time.

A subject speaks for itself; an organisation speaks for its members and leaders only while they
belong to it. A membership has ended when its own sentence says so ("former", "ex-", "before
joining", "until") or when the member defected elsewhere, and it does not reach back before the
date it began. A former employer is not the party concerned: a ministry whose police a man once
served in cannot confirm his death by being asked about it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from claimgraph.reason.facts import Fact

MEMBERSHIP = ("member_of", "leader_of")
# words in a membership's own sentence that put it in the past
ENDED = re.compile(
    r"\b(?i:former(ly)?|once|previously|used to|until|had (led|headed|served|commanded)|"
    r"before (joining|defecting|switching|leaving)|left|quit|resigned|dismissed|sacked)\b"
    r"|\bex-(?=[a-z])",  # "ex-commander", not "ex-Soviet"
)


@dataclass(frozen=True, slots=True)
class Membership:
    org: str  # entity id
    since: str | None  # the membership's date, when the text gives one
    ended: bool  # its sentence puts it in the past
    left: tuple[str | None, ...]  # dates of defections elsewhere (None: undated) that end it


def memberships(facts: list[Fact]) -> dict[str, list[Membership]]:
    """Each subject's memberships and leaderships, as asserted or reported (a hedge is not enough)."""
    defections: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        if f.claim.predicate == "defected_to" and f.supports:
            defections[f.subject].append(f)
    out: dict[str, list[Membership]] = defaultdict(list)
    for f in facts:
        if f.claim.predicate not in MEMBERSHIP or not f.supports or not f.object or "entity" not in f.object:
            continue
        org, since = f.object["entity"], f.stated_time
        left = tuple(d.time for d in defections[f.subject]
                     if (d.object or {}).get("entity") != org and not _after(since, d.time))
        out[f.subject].append(Membership(org, since, bool(ENDED.search(f.claim.evidence.text)), left))
    return out


def speaks_for(party: str | None, subject: str, when: str | None, known: list[Membership]) -> bool:
    """`party` speaks for `subject` at `when`: the subject itself, or an organisation it belonged
    to at that time (unknown dates count against it only where the text says it ended)."""
    if party is None:
        return False
    if party == subject:
        return True
    return any(m.org == party and valid_at(m, when) for m in known)


def valid_at(m: Membership, when: str | None) -> bool:
    if m.ended:
        return False
    if m.since and when and _after(m.since, when):
        return False  # joined after the words were said
    return not any(left is None or when is None or not _after(left, when) for left in m.left)


def _after(a: str | None, b: str | None) -> bool:
    """a is strictly later than b at the precision both give; unknown is never later."""
    if not a or not b:
        return False
    n = min(len(a), len(b))
    return a[:n] > b[:n]
