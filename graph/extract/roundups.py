"""The shapes of a reaction round-up's lines, which name a speaker outside any sentence.

Round-ups ("World reacts to ...") set a quote and its speaker side by side
rather than in a sentence: '"..." - Iranian President Hassan Rouhani',
'Jeb Bush:' above the quote, '-British Prime Minister Theresa May' below
it, a line of only a name and title above a quoted paragraph. These are
the patterns alone; attribution decides whether what they name is a
speaker (`attribution._Attributor._named`), and the pipeline keeps a name
line's capitals (`is_name_line`), which a headline's would lose. Captions
and a clip's lines ("Photo: ...", "X reports on Turkey's reaction from
Ankara") sit among them and tell no reaction (`is_media_line`).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..countries import gazetteer
from . import lexicon
from .entities import is_media

# '"..." - Iranian President Hassan Rouhani', 'Moscow is "deeply disappointed ..." - Russia's foreign ministry'
QUOTE_DASH = re.compile(r'^(?P<quote>.*?"[^"]{3,}"[.,]?)\s*[-\u2013\u2014]+\s*(?P<who>[^"]{3,150})$')
# '"...Iraq."French President Emmanuel Macron, on Twitter, referring to ...'
QUOTE_THEN_NAME = re.compile(r'^(?P<quote>"[^"]{10,}")\s*(?P<who>[A-Z][^",]{3,120})(?:,[^"]*)?$')
# A post embedded from a social network: 'My thoughts are with ... — Jane Doe (@janedoe) May 22, 2017'
EMBEDDED_POST = re.compile(r'^(?P<quote>.{10,}?)\s+[-\u2013\u2014]+\s*(?P<who>[^-\u2013\u2014()@]{2,80}?)\s*\(@\w+\)'
                           r'\s*(?:on\s+)?[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}\.?$')
# A round-up's line that only names who speaks, above the quote ('Jeb Bush:', 'Russian President Vladimir
# Putin:') or below it ('—British Prime Minister Theresa May').
LABEL_LINE = re.compile(r'^(?P<who>[^:"()]{3,80}?)\s*(?:\([^()]{0,60}\))?\s*:$')
SIGNATURE_LINE = re.compile(r'^[-\u2013\u2014]+\s*(?P<who>[^\u2013\u2014"()]{2,119}[^-\u2013\u2014"()\s.])\.?$')
LABEL_REACH = 4  # paragraphs a label line above the quote can cover
NAME_LINE_TOKENS = 12  # a line of a name and title is short
_OPENING_QUOTES = ('"', "\u201c", "\u2018", "\u00ab")
_NAME_WORDS = 4  # words of a name line that are neither a title's nor a country's ("Pavel Novak", "Trade union")
_CONNECTORS = frozenset({"of", "for", "the", "and", "to"})


# A name line's tail after the name and title: how or when they spoke ("on X on July 6", ", 5 July 2025",
# "in a statement"). Cut before the line's name words are counted, so that a tail does not make a name
# line look like a headline; who the line names is the parse's call, not the tail's.
_MONTH = rf"(?:{lexicon.alternation(lexicon.MONTHS)})\b\.?"  # whole words: "Decree 14" is no date
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?|(?:{lexicon.alternation(lexicon.WEEKDAYS)})\b)"
_MEDIUM = lexicon.alternation(lexicon.NAME_LINE_TAILS | lexicon.PLATFORMS)
TAIL = re.compile(rf"(?:,?\s+(?:(?:on|in|via)\s+(?:(?:{lexicon.alternation(lexicon.TAIL_DETERMINERS)})\s+)?(?:{_MEDIUM})\b"
                  rf"|(?:on\s+)?{_DATE}))+\s*$", re.I)
# A byline: "By Maria Gomez", or a reporter's name beside their outlet or city and date ("Maria Gomez,
# Associated Press, La Paz, June 3"): who wrote the story, never a speaker.
_BYLINE_OPENING = re.compile(r"^by\s+[A-Z]", re.I)
# How a name's head can hang from a line's head that is a title: "Luis Prado" under "Minister" in
# "Foreign Minister, Luis Prado"; or the name is the head and the title hangs from it.
_NAME_LINKS = frozenset({"compound", "appos", "flat", "npadvmod"})
NAME_COLON = re.compile(r'^(?P<who>[^:"]{3,100}):\s+(?P<quote>\S.{10,})$')

# A dateline opening a story: 'New Delhi: Over 40 countries condemned ...', 'New Delhi [India], Feb 15 (ANI): ...',
# 'Dublin, May 26 : ...': the city the story was filed from, then its first sentence (no quotation).
DATELINE = re.compile(r'^(?P<place>[A-Z][\w.]+(?: [A-Z][\w.]+){0,2})(?: \[[^\]]{2,30}\])?(?:, [A-Z][a-z]{2,8}\.? \d{1,2})?'
                      r'(?: \([A-Za-z]{2,12}\))?\s*:\s+(?P<rest>[^"\u201c\u2018\s][^"\u201c\u2018]{0,20}\s\S.*)$')
DATELINE_REACH = 3  # paragraphs from the start where a story's dateline can stand (after a headline, a standfirst)

# A line that labels a picture or a clip rather than telling what anyone said: "Photo: ...", "WATCH: ...".
MEDIA_LINE = re.compile(r"^(?:(?:file\s+)?photos?|pictures?|images?|pictured|videos?|watch|listen)\s*(?::|\||\s[-\u2013\u2014])",
                        re.I)
_CORRESPONDENT_PREPOSITIONS = frozenset({"on", "from"})

# A paragraph that is a quote and its speaker at once, tried in this order.
PARAGRAPH_SHAPES = (EMBEDDED_POST, QUOTE_DASH, QUOTE_THEN_NAME, NAME_COLON)


def is_name_line(text: str, next_text: str = "") -> bool:
    """A round-up's line that only names a speaker ('Jeb Bush:', '—British Prime Minister Theresa May',
    or a short line without a verb's punctuation above a quote, 'Sen. Dana Whitfield' over '"..."'):
    its capitals are a name's, not a headline's, so it keeps them."""
    text = text.strip()
    kept = without_tail(text)
    bare = text[:1].isalnum() and len(text.split()) <= NAME_LINE_TOKENS and text[-1] not in ".!?" \
        and not any(c in text for c in '"\u201c\u201d:') and next_text.lstrip().startswith(_OPENING_QUOTES) \
        and len(_name_words(kept)) <= _NAME_WORDS \
        and (kept == text or _has_title(kept, lexicon.TITLE_WORDS | lexicon.VOICE_WORDS))
    # a name and a title, not a headline ("World Leaders Hail Levy"); nor a dateline, a name with a place
    # and a date but no office ("Tom Hale, Lisbon, May 3", "Tom Hale in Lisbon, Friday"): a reporter's
    return bool(LABEL_LINE.match(text) or SIGNATURE_LINE.match(text) or bare)


def _has_title(line: str, titles: frozenset[str] = lexicon.TITLE_WORDS) -> bool:
    """Whether a line has a title's word ("Minister", "Sen.", "Director-General"; with `titles`, perhaps
    one who speaks for someone, "X's office"): a name line says who speaks by their office; a name with a
    place and a date is a reporter's dateline."""
    return any(w.lower().strip(".,;|()'") in titles for w in re.split(r"[\s\-]+", line))


def is_media_line(text: str, doc: Doc) -> bool:
    """A caption or a video's line, which tells no reaction: "Photo: President X at the summit", "WATCH:
    ...", or a correspondent's report as one sentence, "Al Jazeera's X reports on Turkey's reaction from
    Ankara" (a video report's caption: "reports on"/"from", not "reports that ...", which tells what)."""
    if MEDIA_LINE.match(text.strip()):
        return True
    sents = list(doc.sents)
    if len(sents) != 1:
        return False
    root = sents[0].root
    return root.lemma_.lower() == "report" and root.tag_ == "VBZ" \
        and any(c.dep_ == "prep" and c.lower_ in _CORRESPONDENT_PREPOSITIONS for c in root.children) \
        and not any(c.dep_ in ("ccomp", "dobj") for c in root.children)


def _name_words(line: str) -> list[str]:
    """The capitalised words of a line that are not a title's, a country's or a connector's: what would be
    a name. A word in lower case is a description's ("development bank president"), which a headline in
    Title Case has none of. A part after a comma that is a place or a body as a whole ("..., Climate
    Envoy, South Africa", "..., Chief Executive, Nordic Copper Association", "..., Director-General,
    Associated Press") says where they speak from, not who they are: none of its words is a name's. A
    title joined by hyphens ("Editor-in-Chief") is a title's."""
    first, *rest = line.split(",")
    kept = [first, *(part for part in rest if gazetteer().lookup(part.strip()) is None and not is_media(part.strip())
                     and (part.split() or [""])[-1].lower() not in lexicon.BODY_NAME_WORDS)]
    return [w for w in " ".join(kept).split()
            if w[:1].isupper() and not _has_title(w) and w.lower() not in _CONNECTORS
            and gazetteer().lookup(w.strip(".")) is None]


def without_tail(line: str) -> str:
    """A name line without what it adds after the name and title about how or when they spoke: "Chilean
    President Ana Rojas" of "Chilean President Ana Rojas on X on July 6"."""
    return TAIL.sub("", line.strip()) or line.strip()


def is_byline(text: str) -> bool:
    """Who wrote the story, not who speaks: "By Maria Gomez", a name beside a reporter's job ("Maria Gomez,
    Staff Writer, Lima") or beside a news outlet ("Maria Gomez, Reuters, Lima") with no other office
    before it; "Helen Marsh, Director-General, BBC" speaks for her newsroom."""
    text = text.strip()
    if _BYLINE_OPENING.match(text):
        return True
    parts = [part.strip() for part in re.split(r"[,|\u2022]", text)[1:]]
    for i, part in enumerate(parts):
        if (part.split() or [""])[-1].lower() in lexicon.REPORTER_TITLES:
            return True  # a reporter's job: "Staff Writer", "Nordic Correspondent", "Buenos Aires bureau"
        if is_media(part):
            # an outlet after an office that is not a reporter's is where an executive speaks from:
            # "Helen Marsh, Director-General, BBC"
            return not any(_has_title(p) for p in parts[:i])
    return False


def heads_its_line(name: list[Token], others: bool = False) -> bool:
    """Whether a line names the person `name` as its speaker: the name is the head of the line's parse
    ("Chilean President Ana Rojas on July 6", "Ana Rojas, President of Chile"), or in apposition to a
    title that is, or the possessor of one who speaks for them ("Ana Rojas's office"). A line *about*
    the person has another head, with the name the object of a preposition
    ("Supporters of President Ana Rojas", "Reaction from ..."), a possessive ("Ana Rojas's speech") or one
    of two things joined ("Ana Rojas and the copper levy"). With `others`, another person is named in the
    line, and one who speaks for them is that person ("X's adviser Y" is Y's line, not X's); so too when
    the parse hangs a name from the aide, whether or not it was taken for a person's.

    An aside in brackets is not the line's: "X (has yet to declare):" is X's label, whatever the aside's
    parse; "Critics of X (left):" is still about X. A name that hangs from the aside heads the rest."""
    tokens = {t.i for t in name}
    aside = _aside(name[0].doc) if name else set()
    head = next((t for t in name if t.head.i not in tokens or t.head.i == t.i), None)
    if head is None:
        return False
    while head.dep_ != "ROOT" and head.head.i not in aside:
        if head.dep_ == "poss" and head.head.lemma_.lower() in lexicon.VOICE_WORDS and not others \
                and not any(c.dep_ in _NAME_LINKS and c.pos_ == "PROPN" for c in head.head.children if c.i not in tokens):
            head = head.head  # one who speaks for them: "Peruvian President Ana Rojas's office", "... spokesman"
            continue
        if head.dep_ not in _NAME_LINKS or head.head.lower_.strip(".") not in lexicon.TITLE_WORDS:
            return False
        head = head.head
    return not any(c.dep_ == "cc" and c.i not in aside for c in head.children)


def _aside(doc: Doc) -> set[int]:
    """The tokens of a line inside brackets: "(has yet to declare)", "(left)"."""
    out: set[int] = set()
    depth = 0
    for t in doc:
        depth += t.text == "("
        if depth:
            out.add(t.i)
        depth -= t.text == ")" and depth > 0
    return out


def is_dateline(text: str) -> bool:
    """A story's dateline before its first sentence: a city (a capital, not a country's name) and a colon,
    with perhaps its country, a date and an agency ('New Delhi [India], Feb 15 (ANI): ...'). It tells
    where the story was filed, not who speaks: a round-up's label names a country or a speaker."""
    m = DATELINE.match(text.strip())
    if m is None:
        return False
    match = gazetteer().lookup(m.group("place"))
    return match is not None and match.how == "capital" and len(m.group("rest").split()) >= 8
