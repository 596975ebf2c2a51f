"""The claims browser's facets are counted in the store, not from every claim in memory: they
must still say what the claims themselves say."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from claimgraph.api import Claimgraph


def test_the_claimant_facet_counts_each_claim_once_under_its_claimant(example_db: Path):
    with Claimgraph.open(example_db, create=False) as cg:
        records = list(cg.claims())
        counted = Counter(r["claimant"] for r in records if r["claimant"])
        facets = cg.store.claim_facets()
        voiced_by_author = {c.id for c in cg.store.claims() if c.claimant is None}
    # both kinds are there: the author's own voice counts for the report's publisher entity, a
    # quoted source for the entity of its mention
    assert any(r["claimant"] and r["id"] in voiced_by_author for r in records)
    assert any(r["claimant"] and r["id"] not in voiced_by_author for r in records)
    assert dict(facets["claimant"]) == dict(counted)
    assert facets["claimant"] == sorted(counted.items(), key=lambda kv: (-kv[1], kv[0]))
    assert sum(n for _, n in facets["predicate"]) == len(records)
