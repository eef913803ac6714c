"""The one way names are compared: folded case, accents and spacing."""

from __future__ import annotations

import unicodedata


# "Israel’s" and "Israel's": a typographer's choice, not another name.
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'"})


def fold(text: str) -> str:
    """Lowercase, accent-free, single-spaced, possessive-free form of a name.

    "Mélenchon" and "Melenchon", "Israel's", "Israel’s" and "Israel" then compare equal.
    """
    text = unicodedata.normalize("NFKD", text).translate(_APOSTROPHES)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower().replace("'s ", " ")
    if text.endswith("'s"):
        text = text[:-2]
    return " ".join(text.split())
