"""The sentence rules written before the frames, registered as patterns of their families.

They read constructions a frame cannot describe (names in brackets, title runs, "X, a term for
Y", allegiance pledges); where a frame now covers the same ground, the duplicate claim is
merged away in `extract/claims.py`.
"""

from __future__ import annotations

from claimgraph.extract.frames.registry import REGISTRY, Pattern
from claimgraph.extract.predicates.location import find_locations
from claimgraph.extract.predicates.names import find_names
from claimgraph.extract.predicates.relations import find_relations
from claimgraph.extract.predicates.status import find_status
from claimgraph.extract.predicates.values import find_values

REGISTRY.patterns.extend([
    Pattern("rules/status", "status", find_status),
    Pattern("rules/relations", "relations", find_relations),
    Pattern("rules/locations", "places", find_locations),
    Pattern("rules/names", "names", find_names),
    Pattern("rules/values", "counts", find_values),
])
