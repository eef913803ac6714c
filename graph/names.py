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


def initials(name: str) -> str | None:
    """A name's capitalised words' initials, folded, if it has two or more: "pm" of "Prime Minister", "snb" of
    "Swiss National Bank"; news writes them for titles and bodies alike."""
    words = [w for w in name.split() if w[:1].isupper()]
    return "".join(w[0] for w in words).lower() if len(words) >= 2 else None


def is_acronym(word: str) -> bool:
    """A word written as capitals alone, two to six of them ("SNB", "CMA")."""
    return 2 <= len(word) <= 6 and word.isalpha() and word.isupper()


def acronyms(name: str) -> set[str]:
    """The folded acronyms a name goes by: an acronym itself ("EU": "eu"); else the initials of its capitalised
    words ("European Union": "eu") and of all its words ("Bank of Japan": "boj"), up to six letters. So "EU" and
    "European Union", "BOJ" and "Bank of Japan" share one."""
    words = [w for w in name.split() if w.lower() != "the"]
    if len(words) == 1:
        return {words[0].lower()} if is_acronym(words[0]) else set()
    short = initials(" ".join(words))
    if short is None:
        return set()
    return {a for a in (short, "".join(w[0] for w in words).lower()) if len(a) <= 6}
