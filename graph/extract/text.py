"""Turning raw input into the normalised text that extraction and spans use.

The stored article text is the normalised text, so every character span a
reaction carries points into exactly what the user can read back.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from ..errors import InvalidInput

# Typographic variants that change nothing in meaning but break matching.
_TRANSLATION = {
    0x00A0: " ", 0x2007: " ", 0x2009: " ", 0x200A: " ", 0x202F: " ", 0x3000: " ",
    0x2018: "'", 0x2019: "'", 0x201A: "'", 0x201B: "'", 0x2032: "'", 0x02BC: "'",
    0x201C: '"', 0x201D: '"', 0x201E: '"', 0x201F: '"', 0x00AB: '"', 0x00BB: '"', 0x2033: '"',
    0x200B: None, 0x200C: None, 0x200D: None, 0x2060: None, 0xFEFF: None, 0x00AD: None,
}
# C0/C1 controls other than tab and newline, XML-invalid code points, and
# every format character (category Cf: bidirectional marks, embeddings and
# isolates, invisible operators, tags), which would split one name into many.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff"
                      "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e\u200b-\u200f"
                      "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
                      "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
                      "\U000e0020-\U000e007f]")
_TRAILING_SPACE = re.compile(r"[ \t]+(?=\n)|[ \t]+$")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")
_SENTENCE_END = re.compile(r"""[.!?:;"')\]]\s*$""")
# The mark of a list item that names its speaker before a colon: "• Chile: ...", "- President X: ...". The NER
# reads no name after a mark; other items ("• Obama says ...") parse as they are. (Not a dash that signs a
# quote, "—Russian President Vladimir Putin", nor one that sets off a heading, "- Canada -".)
_BULLET = re.compile(r"(?:[\u2022\u25aa\u25cf\u00b7\u25ba*]|-(?=\s))\s*(?=[A-Z][^:\"]{2,99}:\s+\S)")
# '...conflicts."Ibrahim Kalin': a quote that ends a sentence glued to the next word.
_GLUED_QUOTE = re.compile(r'([.!?,]")(?=[A-Z])')


def normalise(text: str) -> str:
    """Normalise whitespace, quotes and invisible characters.

    Curly quotes become straight ones and non-breaking spaces plain spaces,
    because spaCy and the lexicons see "Israel’s" and "Israel's" as different.
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text.translate(_TRANSLATION))
    text = _GLUED_QUOTE.sub(r"\1 ", _TRAILING_SPACE.sub("", text))
    return _MANY_BLANK_LINES.sub("\n\n", text).strip()


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the normalised text and where it starts in it."""

    start: int
    text: str


def paragraphs(text: str) -> list[Paragraph]:
    """Split normalised text into paragraphs, keeping their offsets.

    spaCy runs a heading into the next sentence when only a line break
    separates them, so each line is its own unit, except that a line that
    stops mid-sentence and is followed by a lowercase line is joined to it
    (hard-wrapped prose). The mark of a list item "• Israel: ..." is left out
    of its unit: it hides the name from the NER.
    """
    units: list[Paragraph] = []
    offset = 0
    pending: tuple[int, int] | None = None  # (start, end) of the unit being built
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        if not line.strip():
            if pending:
                units.append(Paragraph(pending[0], text[pending[0]:pending[1]]))
            pending = None
            continue
        if pending and not _SENTENCE_END.search(text[pending[0]:pending[1]]) and line.lstrip()[:1].islower():
            pending = (pending[0], end)
            continue
        if pending:
            units.append(Paragraph(pending[0], text[pending[0]:pending[1]]))
        lead = len(line) - len(line.lstrip())
        bullet = _BULLET.match(line, lead)
        if bullet and bullet.end() < len(line):
            lead = bullet.end()
        pending = (start + lead, end)
    if pending:
        units.append(Paragraph(pending[0], text[pending[0]:pending[1]]))
    return units


def check_text(text: str, max_chars: int) -> str:
    """Normalise `text` and refuse what cannot be an article."""
    if "\x00" in text:
        raise InvalidInput("the input is binary, not text")
    if len(text) > max_chars:
        raise InvalidInput(f"the text has {len(text):,} characters; the limit is {max_chars:,}")
    clean = normalise(text)
    if not clean:
        raise InvalidInput("the text is empty")
    return clean


@dataclass(frozen=True)
class HtmlArticle:
    """What an HTML page yields: its main text and the metadata found."""

    text: str
    title: str | None
    published: dt.date | None
    source: str | None
    url: str | None


def read_html(html: str) -> HtmlArticle:
    """Extract the main text, title and date of a news page with trafilatura."""
    import trafilatura  # heavy import; only HTML input needs it

    doc = trafilatura.bare_extraction(html, with_metadata=True, favor_recall=True)
    if doc is None or not (doc.text or "").strip():
        raise InvalidInput("no article text found in the HTML page")
    published = None
    if doc.date:
        try:
            published = dt.date.fromisoformat(doc.date[:10])
        except ValueError:
            published = None
    return HtmlArticle(text=doc.text, title=doc.title, published=published, source=doc.sitename, url=doc.url)
