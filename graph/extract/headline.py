"""Headlines: Title Case put back into sentence case, and which lines are headings.

spaCy's small model reads capitals as names, so "Israel Supportive Of US
Strike" parses as one long proper noun and no one reacts in it. The article
body tells which words are names: a word the body writes capitalised in the
middle of a sentence at least as often as in lowercase keeps its capital, and
so does a word `is_name` knows (a country, a capital) or one of a seat of
government or institution ("Kremlin", "Downing Street"); other words are
lowercased before parsing. Only the case changes, never the length, so
character offsets into the text stay valid.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from . import lexicon

_WORD = re.compile(r"[A-Za-z][\w'-]*")
# A capitalised word after a lowercase word or a comma: not the start of a sentence.
_MID_SENTENCE_CAPITAL = re.compile(r"(?<=[a-z,;] )[A-Z][\w'-]*")
_HEADING_MAX_WORDS = 16
# Words of the names of seats of government and institutions ("Kremlin", "Downing", "Street").
_INSTITUTION_WORDS = frozenset(w for name in (*lexicon.SEATS_OF_GOVERNMENT, *lexicon.INSTITUTIONS) for w in name.split())
_SENTENCE_END = ('.', '!', '?', '."', ".'", '!"', '?"')
# Words a name or a title in capitals runs over that are written in lowercase: "SECRETARY OF STATE",
# "URSULA VON DER LEYEN" (with the particles of names, graph/words/name_particles.txt).
_CONNECTORS = frozenset({"of", "the", "and", "for", "to", "in", "on", "at", "by"}) | lexicon.NAME_PARTICLES
_ACRONYM_MAX = 2  # a word in capitals this short is an acronym ("US", "UN") unless the body says otherwise


def is_title_case(line: str) -> bool:
    """A short line whose longer words are nearly all capitalised, like many headlines."""
    words = [w for w in _WORD.findall(line) if len(w) > 3]
    return 3 <= len(words) <= 20 and sum(w[0].isupper() for w in words) / len(words) > 0.8 \
        and not line.rstrip().endswith((".", '"'))


def is_capitals(line: str) -> bool:
    """A heading written wholly in capitals ("US SECRETARY OF STATE MARCO RUBIO", "GERMANY"), with at
    least one word longer than an acronym: round-ups set their speakers and countries so, and the
    NER reads no name in capitals."""
    letters = [c for c in line if c.isalpha()]
    return is_heading(line) and bool(letters) and all(c.isupper() for c in letters) \
        and any(len(w) > _ACRONYM_MAX + 1 for w in _WORD.findall(line))


def is_heading(line: str) -> bool:
    """A headline or section heading: a few words that do not end like a sentence."""
    return len(line.split()) <= _HEADING_MAX_WORDS and not line.rstrip().endswith(_SENTENCE_END)


class Casing:
    """How one article's body writes its words, to sentence-case its headlines."""

    def __init__(self, body: str, is_name: Callable[[str], bool]) -> None:
        self._capitalised = Counter(_MID_SENTENCE_CAPITAL.findall(body))
        self._lower = Counter(w for w in _WORD.findall(body) if w[0].islower())
        self._is_name = is_name
        # Words the body writes in capitals where the rest of its line is not: acronyms ("NATO", "UAE").
        self._acronyms = {w for line in body.splitlines() if not is_capitals(line)
                          for w in _WORD.findall(line) if len(w) > 1 and w.isupper()}

    def name_case(self, line: str) -> str:
        """A line in capitals written as a name is: "US SECRETARY OF STATE MARCO RUBIO" becomes "US
        Secretary of State Marco Rubio", "U.N. SECRETARY-GENERAL" "U.N. Secretary-General".

        Each word keeps its first capital and loses the rest, but a connector ("of", "von") or a word
        the body writes in lowercase more often than capitalised ("levy" in a headline in capitals) is
        lowercased, and an acronym (a word of two letters, or one the body writes in capitals) keeps
        its capitals. A word the body never writes keeps its capital: in a round-up's speaker line it
        is most often a name. Only the case changes, never the length.
        """
        if not is_capitals(line):
            return line
        first = True

        def fix(m: re.Match[str]) -> str:
            nonlocal first
            word, was_first = m.group(0), first
            first = False
            if word.lower() in _CONNECTORS and not was_first:
                return word.lower()
            if len(word) <= _ACRONYM_MAX or word in self._acronyms:
                return word
            cased = "-".join(part[:1] + part[1:].lower() for part in word.split("-"))
            if not was_first and self._lower[cased.lower()] > self._capitalised[cased]:
                return cased.lower()  # a word the body writes in lowercase: "WORLD REACTS TO COPPER LEVY"
            return cased

        return _WORD.sub(fix, line)

    def sentence_case(self, line: str) -> str:
        """`line` with the capitals of words that are not names lowered, if it is in Title Case."""
        if not is_title_case(line):
            return line
        first = True

        def fix(m: re.Match[str]) -> str:
            nonlocal first
            word = m.group(0)
            if first:
                first = False
                return word
            if len(word) == 1 and line[m.end():m.end() + 1] == ".":
                return word  # a letter of a dotted acronym or an initial: "U.S.", "U.N.", "Donald J. Trump"
            lowered = word.lower()
            if word[1:] != word[1:].lower() or len(lowered) != len(word) or self._is_name_word(word):
                return word  # "US", "McGurk", a name the body or the gazetteer knows
            return lowered

        return _WORD.sub(fix, line)

    def _is_name_word(self, word: str) -> bool:
        base = word[:-2] if word.endswith("'s") else word.rstrip("'")
        return self._capitalised[base] >= max(1, self._lower[base.lower()]) or self._is_name(base) \
            or base.lower() in _INSTITUTION_WORDS
