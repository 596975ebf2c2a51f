"""The region a place is named with: "a store in Leeds, West Yorkshire", "born in Tulsa,
Oklahoma", "a depot in Ayr in Scotland". News names a town with its county, state or country;
an organisation's seat and a person's origin are in both, and a reader counts both. Where a
person is or went ("drove to Ayr, Scotland") is said of the town: readers count the town alone.

This is a step after the frames and patterns (`engine.run`), not a frame: it widens any
located_in or origin claim whose object is a place followed by ", Region" or "in Region".
A list of places ("toured Lyon, Nantes and Lille") is no town and region.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from claimgraph.extract.predicates.base import Context, Found
from claimgraph.model import Mention

WIDENED = frozenset({"located_in", "origin"})
# between a town and its region: a comma, or "in" ("in Ayr in Scotland"), each with an optional "the"
JOINER = re.compile(r"(?:\s*,\s*|\s+in\s+)(?:the\s+)?")
# after the region: another item of a list ("Lyon, Nantes and Lille", "Lyon, Nantes, Lille")
LIST_GOES_ON = re.compile(r"\s*(?:,\s*)?(?:and|or|&)\s", re.IGNORECASE)
REGION_CONFIDENCE = 0.45


def with_regions(ctx: Context, found: Found) -> Iterator[Found]:
    """The same claim of the region the place is named with, if any."""
    place = found.object
    if found.predicate not in WIDENED or not isinstance(place, Mention) or place.type != "PLACE":
        return
    if found.predicate == "located_in" and found.subject.type == "PERSON":
        return  # where a person is or went: the town is the report's point (measured: the region was noise)
    region = region_of(ctx, place)
    if region is not None and region.id != found.subject.id:
        yield replace(found, object=region, rule=found.rule + "+region", extra_mentions=[],
                      confidence=min(found.confidence, REGION_CONFIDENCE))


def region_of(ctx: Context, place: Mention) -> Mention | None:
    """The place named right after `place` as its region, in the same sentence."""
    if place.end is None or place.start is None or not ctx.sent.start_char <= place.start < ctx.sent.end_char:
        return None
    joined = JOINER.match(ctx.text, place.end, ctx.sent.end_char)
    if joined is None:
        return None
    region = _name_at(ctx, joined.end())
    if region is None or region.type != "PLACE" or region.end is None or region.text == place.text:
        return None
    if region.label == "rules/nationality":
        return None  # "In Berlin, German officials said": an adjective, not the region
    after = ctx.text[region.end : min(region.end + 12, ctx.sent.end_char)]
    if LIST_GOES_ON.match(after) or _another_place_follows(ctx, region.end):
        return None  # "Lyon, Nantes and Lille": items of a list, not a town and its region
    return region


def _another_place_follows(ctx: Context, pos: int) -> bool:
    """'Lyon, Nantes, Lille': a third place after a comma."""
    joined = re.compile(r"\s*,\s*").match(ctx.text, pos, ctx.sent.end_char)
    nxt = _name_at(ctx, joined.end()) if joined is not None else None
    return nxt is not None and nxt.type == "PLACE"


def _name_at(ctx: Context, pos: int) -> Mention | None:
    """The name (not a description) that starts at text offset `pos`, found through its token."""
    tok = next((t for t in ctx.sent if t.idx == pos), None)
    m = ctx.by_token.get(tok.i) if tok is not None else None
    return m if m is not None and m.start == pos and m.label != "rules/description" else None
