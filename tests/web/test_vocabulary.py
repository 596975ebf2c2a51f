"""Modality and grade are two vocabularies: distinct in shape and colour, every colour at WCAG AA
contrast, every value with a legend entry (style.css and web/vocabulary.py)."""

from __future__ import annotations

import re
from importlib import resources

from claimgraph.web.vocabulary import GRADES, MODALITIES

CSS = (resources.files("claimgraph.web") / "static" / "style.css").read_text(encoding="utf-8")


def rule(selector: str) -> str:
    found = re.search(re.escape(selector) + r"\s*\{([^}]*)\}", CSS)
    assert found, selector
    return found.group(1)


def colour(body: str, prop: str) -> str:
    found = re.search(rf"(?<![-\w]){prop}:\s*(#[0-9a-fA-F]{{6}})", body)
    assert found, (prop, body)
    return found.group(1).lower()


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_grades_are_filled_pills_with_aa_contrast():
    assert "border-radius: 999px" in rule(".grade") and colour(rule(".grade"), "color") == "#ffffff"
    for g in GRADES:
        assert contrast(colour(rule(f".g-{g}"), "background"), "#ffffff") >= 4.5, g


def test_modalities_are_outlined_square_tags_with_aa_contrast():
    assert "border-radius: 0" in rule(".modality") and colour(rule(".modality"), "background") == "#ffffff"
    for m in MODALITIES:
        assert contrast(colour(rule(f".m-{m}"), "color"), "#ffffff") >= 4.5, m


def test_the_two_vocabularies_share_no_colour_and_no_glyph():
    grades = {colour(rule(f".g-{g}"), "background") for g in GRADES}
    modalities = {colour(rule(f".m-{m}"), "color") for m in MODALITIES}
    assert len(grades) == len(GRADES) and len(modalities) == len(MODALITIES)
    assert not grades & modalities
    assert not {glyph for glyph, _ in GRADES.values()} & {glyph for glyph, _ in MODALITIES.values()}


def test_muted_text_is_readable():
    for selector in (".muted", ".file", "\nth"):
        assert contrast(colour(rule(selector), "color"), "#fafafa") >= 4.5, selector.strip()
