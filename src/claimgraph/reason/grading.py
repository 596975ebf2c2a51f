"""Grades for claim groups: confirmed, corroborated, single-source, contested, denied."""

from __future__ import annotations

from dataclasses import dataclass, field

from claimgraph.model import Claim, ClaimGroup, Conflict, Document, Entity


@dataclass
class Reasoning:
    groups: list[ClaimGroup] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    memberships: dict[str, str] = field(default_factory=dict)  # claim id -> group id
    conflict_support: dict[str, int] = field(default_factory=dict)


def reason_over(claims: list[Claim], mention_entity: dict[str, str], documents: dict[str, Document],
                entities: dict[str, Entity]) -> Reasoning:
    return Reasoning()
