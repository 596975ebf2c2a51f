"""Conflicts: status (killed vs alive), value (two dates of death, two bounties), denial.

Time matters: alive before a later death is a sequence, not a conflict; arrested then
released are different predicates and never conflict.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from claimgraph.model import Conflict, stable_id
from claimgraph.reason.facts import Fact

SINGLE_VALUED_TIME = ("dead",)  # a person dies once
SINGLE_VALUED_OBJECT = ("bounty",)


def _compatible(a: str | None, b: str | None) -> bool:
    """Two times at their own precision agree when one contains the other ("2016-03" ⊇ "2016-03-09")."""
    if not a or not b:
        return True
    return a.startswith(b) or b.startswith(a)


def find_conflicts(facts: list[Fact], name: Callable[[str | None], str]) -> list[Conflict]:
    by_subject: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        by_subject[f.subject].append(f)
    out: dict[str, Conflict] = {}

    def add(kind: str, members: list[Fact], summary: str) -> None:
        ids = tuple(sorted({m.claim.id for m in members}))
        if len(ids) >= 2:
            cid = stable_id("x", kind, *ids)
            out[cid] = Conflict(id=cid, kind=kind, claims=ids, summary=summary)

    for subject, fs in by_subject.items():
        who = name(subject)
        dead = [f for f in fs if f.claim.predicate == "dead" and not f.negative]
        alive = [f for f in fs if f.claim.predicate == "alive" and not f.negative]
        # status: reported killed, yet alive at the same time or later
        clash = [a for a in alive if any(_not_before(a.known_by, d.known_by) for d in dead)]
        if dead and clash:
            d0, a0 = dead[0], clash[0]
            add("status", dead + clash,
                f"{_said(d0, name)} {who} killed{_when(d0)}; {_said(a0, name)} he is alive{_when(a0)}")
        # denial: the same claim asserted by one party and denied by another
        by_claim: dict[tuple[str, str], list[Fact]] = defaultdict(list)
        for f in fs:
            by_claim[(f.claim.predicate, f.object_key)].append(f)
        for (predicate, _), group in by_claim.items():
            pos = [f for f in group if not f.negative]
            neg = [f for f in group if f.negative]
            if pos and neg and {f.claimant for f in pos} != {f.claimant for f in neg} | {None}:
                add("denial", pos + neg,
                    f"{_said(pos[0], name)} {who} {_verb(predicate)}{_obj(pos[0], name)}; {_name(neg[0].claimant, name)} denies it")
        # value: a single-valued fact with different values
        for predicate in SINGLE_VALUED_TIME:
            # a hedge ("could not confirm") gives no date of its own: only reports can clash
            dated = sorted((f for f in fs if f.claim.predicate == predicate and f.supports and f.known_by),
                           key=lambda f: f.known_by or "")
            for members in _clusters(dated, lambda a, b: a.claimant != b.claimant and _dates_clash(a, b)):
                first, last = members[0], members[-1]
                add("value", members, f"{_said(first, name)} {who} {_verb(predicate)}{_at(first)}; "
                                      f"{_said(last, name)} it{_at(last)}")
        for predicate in SINGLE_VALUED_OBJECT:
            valued = [f for f in fs if f.claim.predicate == predicate and not f.negative]
            keys = {f.object_key for f in valued}
            if len(keys) > 1:
                a = valued[0]
                b = next(f for f in valued if f.object_key != a.object_key)
                add("value", valued, f"{who}: {predicate} of {_obj(a, name).strip()} per {_name(a.claimant, name)}; "
                                     f"{_obj(b, name).strip()} per {_name(b.claimant, name)}")
    return list(out.values())


def _clusters(facts: list[Fact], clash: Callable[[Fact, Fact], bool]) -> list[list[Fact]]:
    """Facts joined by clashes, transitively, each group in the input's order."""
    group = list(range(len(facts)))

    def root(i: int) -> int:
        while group[i] != i:
            i = group[i]
        return i

    for i, a in enumerate(facts):
        for j in range(i + 1, len(facts)):
            if clash(a, facts[j]):
                group[root(j)] = root(i)
    out: dict[int, list[Fact]] = defaultdict(list)
    for i, f in enumerate(facts):
        out[root(i)].append(f)
    return [members for members in out.values() if len(members) > 1]


def _dates_clash(a: Fact, b: Fact) -> bool:
    """Two accounts of a once-only event (a death) that cannot both hold: two stated dates that
    differ; a report made before the date the other states ("killed in April" reported, then
    "killed in a strike in September"); or two parties' reports, months apart, that each
    announce it."""
    sa, sb = a.stated_time, b.stated_time
    if sa and sb:
        return not _compatible(sa, sb)
    if sa or sb:
        stated, reported = (sa, b.known_by) if sa else (sb, a.known_by)
        return not _not_before(reported, stated)
    # two parties each announcing it, months apart (an author's recap of an old death is not one)
    attributed = a.claim.claimant is not None and b.claim.claimant is not None
    return attributed and _months_apart(a.known_by, b.known_by) >= 2


def _months_apart(a: str | None, b: str | None) -> int:
    if not a or not b:
        return 0
    if len(a) < 7 or len(b) < 7:  # a year only
        return 12 * abs(int(a[:4]) - int(b[:4]))
    return abs((int(a[:4]) * 12 + int(a[5:7])) - (int(b[:4]) * 12 + int(b[5:7])))


def _at(f: Fact) -> str:
    if f.stated_time:
        return f" on {f.stated_time}"
    return f" (reported {f.known_by})" if f.known_by else ""


def _not_before(a: str | None, b: str | None) -> bool:
    """a is not earlier than b, at the precision both give (unknown: it may well be)."""
    if not a or not b:
        return True
    n = min(len(a), len(b))
    return a[:n] >= b[:n]


def _name(entity: str | None, name: Callable[[str | None], str]) -> str:
    return name(entity) if entity else "the author"


def _said(f: Fact, name: Callable[[str | None], str]) -> str:
    who = _name(f.claimant, name)
    modality = str(f.claim.modality)
    if _plural(who):  # "US officials say", "reports suggest"
        return f"{who} " + {"reported": "say", "hedged": "suggest", "asserted": "say", "denied": "deny"}[modality]
    return f"{who} " + {"reported": "reports", "hedged": "suggests", "asserted": "says", "denied": "denies"}[modality]


def _plural(party: str) -> bool:
    """A party described by a plural common noun ("US officials", "local sources", "reports"),
    not a name that ends in s ("Reuters", "Kavkaz News")."""
    last = party.split()[-1] if party.split() else ""
    return last.islower() and last.endswith("s") and not last.endswith("ss")


def _when(f: Fact) -> str:
    return f" ({f.time})" if f.time else ""


def _verb(predicate: str) -> str:
    return {"dead": "died", "alive": "is alive", "wounded": "was wounded", "arrested": "was arrested",
            "released": "was released"}.get(predicate, predicate.replace("_", " "))


def _obj(f: Fact, name: Callable[[str | None], str]) -> str:
    if not f.object:
        return ""
    if "entity" in f.object:
        return " " + name(f.object["entity"])
    return f" {f.object.get('value', '')}"
