"""The one way names are compared: folded case, accents and spacing."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lowercase, accent-free, single-spaced, possessive-free form of a name.

    "Mélenchon" and "Melenchon", "Israel's" and "Israel" then compare equal.
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower().replace("'s ", " ")
    if text.endswith("'s"):
        text = text[:-2]
    return " ".join(text.split())
