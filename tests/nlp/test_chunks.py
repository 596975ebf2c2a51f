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


def _long_report() -> str:
    paragraphs = [f"Mayor Ines Varga of Tolna opened the new bridge number {i} on Monday. "
                  f"Engineers from the Danube Works said the span would carry {i * 100} cars a day.\n\n" for i in range(90)]
    return "".join(paragraphs)


def test_a_long_text_is_parsed_in_parts_into_one_doc_of_the_same_text_and_words():
    from claimgraph.nlp.chunks import PART_CHARS, parse_in_parts
    from claimgraph.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    text = _long_report()
    assert len(text) > PART_CHARS
    whole, parts = nlp(text), parse_in_parts(nlp, text)
    assert parts.text == text
    assert [t.text for t in parts] == [t.text for t in whole]
    found = {(e.start_char, e.end_char, e.label_) for e in parts.ents}
    expected = {(e.start_char, e.end_char, e.label_) for e in whole.ents}
    assert expected and len(found & expected) >= 0.95 * len(expected)  # they may differ beside a cut only
    # heads stay inside the part they were parsed in: no sentence runs across a cut
    cuts = [o for o, _ in split_text(text, PART_CHARS)][1:]
    assert all(not (t.idx < cut <= t.head.idx or t.head.idx < cut <= t.idx) for t in parts for cut in cuts)


def test_pipe_in_parts_keeps_the_order_of_short_and_long_texts():
    from claimgraph.nlp.chunks import pipe_in_parts
    from claimgraph.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    texts = ["A short note from Tolna.", _long_report(), "Another note.", "And a third one."]
    assert [d.text for d in pipe_in_parts(nlp, texts, batch_size=2)] == texts
