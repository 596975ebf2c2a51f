"""Long texts cut where the text breaks: paragraphs first, then lines, sentences, spaces."""

from __future__ import annotations

import pytest

from claimgraph.nlp.chunks import split_text


def test_a_short_text_is_one_piece():
    assert split_text("One line.", 100) == [(0, "One line.")]
    assert split_text("", 100) == [(0, "")]


def test_paragraph_breaks_come_before_line_breaks_and_sentences():
    text = "First paragraph. Still first.\n\nSecond paragraph.\nIts second line. More."
    pieces = split_text(text, 50)
    assert pieces[0] == (0, "First paragraph. Still first.\n\n")
    assert "".join(p for _, p in pieces) == text


def test_a_one_line_text_is_cut_after_a_full_stop():
    text = " ".join(f"Sentence number {i} ends here." for i in range(200))
    pieces = split_text(text, 300)
    assert all(len(p) <= 300 for _, p in pieces) and len(pieces) > 20
    assert all(p.rstrip().endswith(".") for _, p in pieces)
    assert all(text[o : o + len(p)] == p for o, p in pieces)


def test_a_text_without_breaks_is_cut_at_the_limit():
    assert split_text("x" * 25, 10) == [(0, "x" * 10), (10, "x" * 10), (20, "x" * 5)]
    with pytest.raises(ValueError):
        split_text("x", 0)
