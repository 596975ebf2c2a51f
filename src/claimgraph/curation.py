"""People's judgements you can follow: what a merge, split or distinct would move (a preview that
writes nothing), recording or undoing one, and a report of what moved.

A judgement triggers a full re-resolution, which may move more than the name it is about (short
forms that followed a split name, the claims about them): the preview and the report show all of
it, names and claims, from which entity to which.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from claimgraph.model import STATUS_PREDICATES
from claimgraph.query import require_entity
from claimgraph.store.base import Store


@dataclass
class Move:
    """Mentions that go from one entity to another, by name, and the claims about them."""

    source: str  # entity name before
    target: str  # entity name after
    names: Counter[str] = field(default_factory=Counter)
    claims: Counter[str] = field(default_factory=Counter)  # by predicate

    def line(self) -> str:
        names = ", ".join(f"{n} ({c})" for n, c in sorted(self.names.items()))
        total = sum(self.claims.values())
        status = sum(c for p, c in self.claims.items() if p in STATUS_PREDICATES)
        claims = f"; {total} claim{'s' if total != 1 else ''}" + (f" ({status} on status)" if status else "") if total else ""
        return f"{self.source} → {self.target}: {names}{claims}"


@dataclass
class Movement:
    moves: list[Move] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.moves

    def summary(self) -> str:
        if not self.moves:
            return "nothing moves"
        return "; ".join(m.line() for m in self.moves)

    def as_dict(self) -> dict[str, Any]:
        return {"summary": self.summary(), "moves": [
            {"from": m.source, "to": m.target, "names": dict(m.names), "claims": dict(m.claims)} for m in self.moves]}


def checked(store: Store, kind: str, a: str, b: str) -> tuple[str, str]:
    """Both sides must name entities; a split names the entity by its id and the name to split off."""
    if kind == "split":
        return require_entity(store, a).id, b
    require_entity(store, a), require_entity(store, b)
    return a, b


def preview(store: Store, kind: str, a: str, b: str) -> Movement:
    """What recording this judgement would move, computed in memory: nothing is written."""
    a, b = checked(store, kind, a, b)
    from claimgraph.resolve.resolver import Resolver  # resolution loads only for a preview

    judgements = [*store.judgements(), {"kind": kind, "a": a, "b": b}]
    resolver = Resolver(judgements=judgements, alias_claims=store.claims(predicate="alias"))
    entities, links = resolver.resolve(store.mentions())
    before = {e.id: e.name for e in store.entities()}
    return movement(store, store.mention_entities(), {m: e for m, e, _, _ in links}, before, {e.id: e.name for e in entities})


Snapshot = tuple[dict[str, str], dict[str, str]]  # mention -> entity, entity -> name


def snapshot(store: Store) -> Snapshot:
    """Who is who now, to report later what a change moved."""
    return store.mention_entities(), {e.id: e.name for e in store.entities()}


def moved_since(store: Store, before: Snapshot) -> Movement:
    return movement(store, before[0], store.mention_entities(), before[1], {e.id: e.name for e in store.entities()})


def record(store: Store, kind: str, a: str, b: str, author: str,
           on_wait: Callable[[str], None] | None = None) -> tuple[int, Movement]:
    """Record a judgement, re-resolve, and report what moved."""
    a, b = checked(store, kind, a, b)
    before = snapshot(store)
    jid = store.add_judgement(kind, a, b, author)
    _rebuild(store, on_wait)
    return jid, moved_since(store, before)


def undo(store: Store, judgement_id: int, on_wait: Callable[[str], None] | None = None) -> Movement:
    before = snapshot(store)
    store.undo_judgement(judgement_id)
    _rebuild(store, on_wait)
    return moved_since(store, before)


def _rebuild(store: Store, on_wait: Callable[[str], None] | None) -> None:
    from claimgraph.pipeline import update_graph  # the stages load only when a judgement is made

    update_graph(store, full=True, on_wait=on_wait)


def _labels(old: str | None, new: str | None, before: dict[str, str], after: dict[str, str]) -> tuple[str, str]:
    """The two sides as a person tells them apart: "Umar Bakayev" → "Umar Bakayev (was Idris
    Malsagov)"; ids only when the names say nothing."""
    source, target = before.get(old or "", "no entity"), after.get(new or "", "no entity")
    if new in before and before[new] != target:
        target += f" (was {before[new]})"
    elif old in after and after[old] != source:
        source += f" (now {after[old]})"
    if source == target:
        source, target = f"{source} ({old})", f"{target} ({new})"
    return source, target


def movement(store: Store, before: dict[str, str], after: dict[str, str], names_before: dict[str, str],
             names_after: dict[str, str]) -> Movement:
    """Mentions whose entity changed, grouped by (from, to), with the claims whose subject they
    are. Each side is named as it was (from) and as it is (to); the same name on both sides gets
    the entity ids."""
    changed = {m: (before.get(m), after.get(m)) for m in set(before) | set(after) if before.get(m) != after.get(m)}
    if not changed:
        return Movement()
    text = {m.id: m.text for m in store.mentions() if m.id in changed}
    moves: dict[tuple[str | None, str | None], Move] = {}
    for m, (old, new) in sorted(changed.items()):
        pair = (old, new)
        if pair not in moves:
            moves[pair] = Move(*_labels(old, new, names_before, names_after))
        moves[pair].names[text.get(m, m)] += 1
    for c in store.claims(subject_mentions=list(changed)):
        moves[changed[c.subject]].claims[c.predicate] += 1
    return Movement(sorted(moves.values(), key=lambda mv: (-sum(mv.names.values()), mv.source, mv.target)))
