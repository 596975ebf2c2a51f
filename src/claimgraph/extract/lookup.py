"""A document's mentions looked up by position: what the rules ask of one sentence or one word."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from functools import cached_property
from typing import Any

from claimgraph.model import Mention


class MentionIndex:
    """A document's spanned mentions by where they start and end, made once a document: a rule
    asks for the few of one sentence (or one stretch of text) instead of scanning them all, so
    a long document costs what its sentences cost, not their number times its mentions'.
    What it gives keeps the mentions' own order, as a scan of the list would."""

    def __init__(self, mentions: list[Mention]):
        self.mentions = mentions
        self._memo: dict[str, Any] = {}

    # each table is made on its first use: a short document asks for few of them
    @cached_property
    def _spanned(self) -> list[int]:
        return [i for i, m in enumerate(self.mentions) if m.start is not None and m.end is not None]

    @cached_property
    def _by_start(self) -> tuple[list[int], list[int]]:
        return self._ordered(lambda m: m.start or 0)

    @cached_property
    def _by_end(self) -> tuple[list[int], list[int]]:
        return self._ordered(lambda m: m.end or 0)

    def _ordered(self, edge: Callable[[Mention], int]) -> tuple[list[int], list[int]]:
        """The spanned mentions' positions in the list, sorted by `edge`, and their edges."""
        order = sorted(self._spanned, key=lambda i: edge(self.mentions[i]))
        return order, [edge(self.mentions[i]) for i in order]

    @cached_property
    def _longest(self) -> int:
        return max(((self.mentions[i].end or 0) - (self.mentions[i].start or 0) for i in self._spanned), default=0)

    @cached_property
    def _list_starts(self) -> list[int] | None:
        """Where a backward scan for the last name before an offset may start: the list is in
        text order when it comes from extraction; another order is scanned whole."""
        listed = [m.start for m in self.mentions if m.start is not None]
        return listed if len(listed) == len(self.mentions) and listed == sorted(listed) else None

    @cached_property
    def _kept(self) -> set[Mention]:
        return set(self.mentions)

    def once(self, key: str, make: Callable[[], Any]) -> Any:
        """What `make` gives, made on the first ask for `key` in this document."""
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]

    def starting(self, lo: int, hi: int) -> list[Mention]:
        """The mentions that start in [lo, hi), in list order."""
        return self._between(self._by_start, lo, hi)

    def ending(self, lo: int, hi: int) -> list[Mention]:
        """The mentions that end in [lo, hi), in list order."""
        return self._between(self._by_end, lo, hi)

    def _between(self, ordered: tuple[list[int], list[int]], lo: int, hi: int) -> list[Mention]:
        order, edges = ordered
        return [self.mentions[i] for i in sorted(order[bisect_left(edges, lo) : bisect_left(edges, hi)])]

    def before(self, offset: int, among: Sequence[Mention] | None = None) -> Iterator[Mention]:
        """From the last mention in the list (or in `among`, a part of the list in its order)
        backwards, beginning at the last that may start before `offset` (every one when the
        list is not in text order)."""
        items = self.mentions if among is None else among
        if self._list_starts is None:
            i = len(items)
        elif among is None:
            i = bisect_left(self._list_starts, offset)
        else:
            i = bisect_left([m.start or 0 for m in among], offset)
        while i > 0:
            i -= 1
            yield items[i]

    def covering(self, offset: int) -> Mention | None:
        """The first mention in the list whose span holds the character at `offset`."""
        order, starts = self._by_start
        lo, hi = bisect_left(starts, offset - self._longest), bisect_left(starts, offset + 1)
        found = [i for i in order[lo:hi] if (self.mentions[i].end or 0) > offset]
        return self.mentions[min(found)] if found else None

    def __contains__(self, m: Mention) -> bool:
        return m in self._kept
