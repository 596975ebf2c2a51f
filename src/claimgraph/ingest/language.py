"""Language identification (py3langid ships its model inside the package)."""

from __future__ import annotations

import py3langid


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, from its first 5,000 characters."""
    lang, _score = py3langid.classify(text[:5000])
    return str(lang)
