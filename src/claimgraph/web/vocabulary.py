"""The workspace's two visual vocabularies, kept apart in shape and colour (style.css):

- modality, how firmly a party says it: a square-cornered outlined tag with a glyph;
- grade, what the claim group rests on: a filled rounded pill with a glyph.

The words here are the tooltips and the legend; colours live in style.css, checked for WCAG AA
contrast by tests/web/test_vocabulary.py.
"""

from __future__ import annotations

MODALITIES = {
    "asserted": ("●", "the author states it in their own voice"),
    "reported": ("❝", "a party says it, and the report attributes it to them"),
    "hedged": ("?", "said with doubt: could not confirm, may have, reportedly; never counts as support"),
    "denied": ("✕", "the party says it is not so"),
}
GRADES = {
    "confirmed": ("✔", "accepted by the party concerned, or reported by 3 or more independent sources with no standing denial"),
    "corroborated": ("②", "reported by 2 independent sources"),
    "single-source": ("①", "reported by 1 independent source"),
    "unconfirmed": ("…", "only hedged claims: nobody asserts or reports it"),
    "contested": ("⚠", "a conflict or a standing denial involves it"),
    "denied": ("⊘", "every claim in it is a denial"),
}
CONFLICT_KINDS = {
    "status": "one source reports a status (killed) that another contradicts (alive)",
    "value": "two values for a once-only fact: two dates of death, two bounty amounts",
    "denial": "the same claim asserted by one party and denied by another",
}
ENTITY_TYPES = {"PERSON": "a person", "ORG": "an organisation: group, government, ministry, outlet, company",
                "PLACE": "a place: country, region, city, valley, base"}


def template_globals() -> dict[str, object]:
    return {"MODALITIES": MODALITIES, "GRADES": GRADES, "CONFLICT_KINDS": CONFLICT_KINDS, "ENTITY_TYPES": ENTITY_TYPES}


# Language names shown beside a report (ISO 639-1 codes as py3langid gives them); others show their code.
LANGUAGES = {
    "en": "English", "fr": "French", "ru": "Russian", "it": "Italian", "de": "German", "es": "Spanish", "pt": "Portuguese",
    "tr": "Turkish", "ar": "Arabic", "fa": "Persian", "uk": "Ukrainian", "nl": "Dutch", "pl": "Polish", "ka": "Georgian",
    "az": "Azerbaijani", "kk": "Kazakh", "uz": "Uzbek", "tg": "Tajik", "ky": "Kyrgyz", "zh": "Chinese", "ja": "Japanese",
}


def language_name(code: str | None) -> str:
    return LANGUAGES.get(code or "", code or "language unknown")
