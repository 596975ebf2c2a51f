"""untagged_occurrences looks names up in a word index instead of scanning the text once per
name: the same answers as the plain scan it replaced, whatever the text, name and mentions."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.extract.untagged import untagged_occurrences
from claimgraph.model import Mention

WORDS = ["Gray", "Grays", "al-Gray", "Gray-Smith", "IS", "ISIS", "group", "the", "Omar", "O’Brien", "Café", "said", "(IS)", "—", "ß"]
SEPARATORS = [" ", "  ", "\n", "-", ", ", "'", "“"]


def scan(text: str, surface: str, found: dict, with_group: bool = False) -> list[tuple[int, int]]:
    """The implementation it replaced: every match of the pattern, then every mention compared."""
    pattern = rf"(?<![\w-]){re.escape(surface)}(?![\w-])" + (r"(?: group\b)?" if with_group else "")
    hits = (h.span() for h in re.finditer(pattern, text))
    return [(s, e) for s, e in hits if not any(fs < e and s < fe for (fs, fe) in found)]


texts = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=40).map(
    lambda parts: "".join(w + sep for w, sep in parts))
surfaces = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join) | st.sampled_from(["-Gray", " Gray", "“Omar"])


@settings(max_examples=400, deadline=None)
@given(texts, surfaces, st.lists(st.tuples(st.integers(0, 300), st.integers(1, 30)), max_size=8), st.booleans())
def test_the_same_occurrences_as_a_plain_scan(text: str, surface: str, spans: list[tuple[int, int]], with_group: bool):
    found = {(s, s + n): Mention(id=f"m{s}", document="d", start=s, end=s + n, text="x", type="ORG", label="t")
             for s, n in spans}
    assert untagged_occurrences(text, surface, found, with_group) == scan(text, surface, found, with_group)


def test_names_inside_other_words_and_mentions_are_left_out():
    text = "Gray met al-Gray and Grays; the IS group and IS said Gray."
    found = {(0, 4): Mention(id="m", document="d", start=0, end=4, text="Gray", type="PERSON", label="t")}
    assert untagged_occurrences(text, "Gray", found) == [(53, 57)]
    assert untagged_occurrences(text, "IS", {}, with_group=True) == [(32, 40), (45, 47)]
