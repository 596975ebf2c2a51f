"""MentionIndex answers what a scan of the mention list would, in the list's order."""

from __future__ import annotations

from claimgraph.extract.lookup import MentionIndex
from claimgraph.model import Mention


def mention(start: int | None, end: int | None, text: str, type_: str = "ORG") -> Mention:
    return Mention(id=f"m{start}-{end}-{text}", document="d", start=start, end=end, text=text, type=type_, label="spacy/ORG")


def scan_covering(mentions: list[Mention], offset: int) -> Mention | None:
    return next((m for m in mentions if m.start is not None and m.end is not None and m.start <= offset < m.end), None)


MENTIONS = [mention(0, 12, "Harbour Bank"), mention(8, 12, "Bank"), mention(20, 25, "Lagos", "PLACE"),
            mention(30, 52, "Harbour Workers Union"), mention(None, None, "Daily Tide"), mention(44, 52, "Union")]


def test_starting_and_ending_keep_the_list_order():
    index = MentionIndex(MENTIONS)
    assert [m.text for m in index.starting(0, 21)] == ["Harbour Bank", "Bank", "Lagos"]
    assert [m.text for m in index.starting(21, 44)] == ["Harbour Workers Union"]
    assert [m.text for m in index.ending(12, 13)] == ["Harbour Bank", "Bank"]
    assert [m.text for m in index.ending(26, 60)] == ["Harbour Workers Union", "Union"]


def test_covering_is_the_first_mention_a_scan_would_find():
    index = MentionIndex(MENTIONS)
    for offset in range(0, 60):
        assert index.covering(offset) == scan_covering(MENTIONS, offset), offset


def test_before_walks_back_from_the_offset_in_text_order():
    ordered = [m for m in MENTIONS if m.start is not None]
    index = MentionIndex(ordered)
    assert [m.text for m in index.before(21)] == ["Lagos", "Bank", "Harbour Bank"]
    assert list(index.before(0)) == []


def test_before_scans_everything_when_the_list_is_not_in_text_order():
    shuffled = [MENTIONS[2], MENTIONS[0], MENTIONS[3]]
    index = MentionIndex(shuffled)
    assert [m.text for m in index.before(21)] == ["Harbour Workers Union", "Harbour Bank", "Lagos"]


def test_once_makes_a_value_a_single_time_and_membership_is_by_mention():
    index = MentionIndex(MENTIONS)
    calls: list[int] = []
    assert index.once("k", lambda: calls.append(1) or len(calls)) == 1
    assert index.once("k", lambda: calls.append(1) or len(calls)) == 1
    assert calls == [1]
    assert MENTIONS[2] in index
    assert mention(20, 25, "Lagos", "ORG") not in index
