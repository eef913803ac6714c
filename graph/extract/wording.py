"""How a candidate event label reads: its words tidied, shortened, checked and written out.

The label strategies (`label.py`) find candidate words in a headline or
lead; everything here holds for all of them alike, which is what keeps a
reactor's quote or sentence, a date or a title out of every label whatever
strategy found it: a candidate is refused when it reads like a quote, when a
reactor's reporting verb is its verb, when its subject is a pronoun, when it
names no act or has fewer than two words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from . import lexicon

MAX_WORDS = 12  # a label names the act and its actor or object; longer ones are sentences
# The verbs of someone reacting to an event, not making it: every verb of saying but those a
# decision-maker uses of its own act ("Trump announced tariffs", "Zanu declares victory").
REPORTING_VERBS = (lexicon.SPEECH_VERBS | lexicon.REACTING_WORDS) - lexicon.OWN_ACT_VERBS
# Modifiers that can be cut from a long label, the last first: "strikes on X by Y after Z".
_TRAILING_DEPS = ("prep", "acl", "relcl", "appos", "advcl", "conj", "parataxis")
_DATE_ENTS = {"DATE", "TIME"}
_OPEN_QUOTES = {'"', "“", "‘", "'", "«", "``"}
_CLOSE_QUOTES = {'"', "”", "’", "'", "»", "''"}
_QUOTE_SPAN = 120  # tokens: a quote runs a few sentences at most
_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "who", "this", "that"}

Words = Sequence["Token | str"]  # tokens of one parse, in order; a str is a word the label adds ("'s")


def quoted(doc: Doc) -> set[int]:
    """Indices of the tokens inside quotation marks in `doc`, the marks included.

    A mark opens a quote after a space (or at the start) and closes one before
    a space, punctuation or the end, so the apostrophes of "Israel's" and
    "Ministers' meeting" open nothing; a quote left open for `_QUOTE_SPAN`
    tokens is no quote.
    """
    inside: set[int] = set()
    opened: int | None = None
    for tok in doc:
        if opened is not None and tok.i - opened > _QUOTE_SPAN:
            opened = None
        text = tok.text
        before_space = tok.i == 0 or bool(doc[tok.i - 1].whitespace_) or doc[tok.i - 1].is_punct
        after_space = bool(tok.whitespace_) or tok.i + 1 == len(doc) or doc[tok.i + 1].is_punct
        if opened is not None and text in _CLOSE_QUOTES and after_space and tok.i > opened + 1:
            inside.update(range(opened, tok.i + 1))
            opened = None
        elif opened is None and text in _OPEN_QUOTES and before_space:
            opened = tok.i
    return inside


def _date(tok: Token) -> bool:
    return tok.ent_type_ in _DATE_ENTS


def tidied(words: Words, inside: set[int]) -> list[Token | str]:
    """`words` without dates ("on Tuesday", "2015"), quoted judging adjectives ("'cowardly' attack":
    the reactor's word, not the event's) and the quotation marks of what stays."""
    tokens = [t for t in words if isinstance(t, Token)]
    drop: set[int] = set()
    for t in tokens:
        if t.dep_ == "prep" and t.lower_ in ("on", "in", "at", "during", "since") and len(list(t.subtree)) > 1 \
                and all(_date(c) for c in t.subtree if c.i != t.i):
            drop.update(c.i for c in t.subtree)  # "on Wednesday"
        elif _date(t) and t.dep_ in ("npadvmod", "nummod", "compound", "amod", "tmod"):
            # "Tuesday's vote", "the 2015 agreement", "the March 3 vote": the whole date
            dates = [e for e in t.doc.ents if e.start <= t.i < e.end and e.label_ in _DATE_ENTS]
            drop.update(c.i for c in t.subtree if _date(c))
            drop.update(i for e in dates for i in range(e.start, e.end))
        elif t.dep_ in ("amod", "advmod") and t.i in inside and t.head.i not in inside:
            drop.update(c.i for c in t.subtree)
    return [t for t in words if isinstance(t, str) or (t.i not in drop and not (t.is_quote and t.i in inside)
                                                        and t.text not in ("“", "”", '"'))]


def shortened(words: list[Token | str]) -> list[Token | str]:
    """`words` cut back to `MAX_WORDS` (`_cut_back`) and without a dangling end (`_closed`)."""
    return _closed(_cut_back(words))


_DANGLING_POS = ("ADP", "CCONJ", "SCONJ", "DET")


def _closed(words: list[Token | str]) -> list[Token | str]:
    """`words` without a last word that needs a complement the label left out: a preposition,
    conjunction or determiner whose object went with a date, a side clause or a cut ("described
    the Act as", "Lee and", "strikes on Valdora by"). A label ending so is a fragment."""
    while len(words) > 2:
        last = words[-1]
        if not isinstance(last, Token) or last.pos_ not in _DANGLING_POS or last.dep_ == "prt":  # "sign off"
            return words
        kept = {t.i for t in words if isinstance(t, Token)}
        if any(c.i in kept for c in last.children):
            return words
        words = words[:-1]
        while len(words) > 2 and isinstance(words[-1], Token) and words[-1].is_punct:
            words = words[:-1]
    return words


def _cut_back(words: list[Token | str]) -> list[Token | str]:
    """`words` cut back to `MAX_WORDS`: first the titles before a person's name ("US President
    Ann Lee" is Ann Lee), then trailing modifiers, the last first: what a label loses from
    "strikes on the port by the navy after talks" matters least at its end."""
    if _count(words) > MAX_WORDS:
        titles = {c.i for t in words if isinstance(t, Token) and t.dep_ in ("compound", "amod")
                  and t.head.ent_type_ == "PERSON" and t.ent_type_ != "PERSON" and t.i < t.head.i
                  for c in t.subtree}
        words = [t for t in words if isinstance(t, str) or t.i not in titles]
    while _count(words) > MAX_WORDS:
        tokens = [t for t in words if isinstance(t, Token)]
        ids = {t.i for t in tokens}
        heads = [t for t in tokens if t.dep_ in _TRAILING_DEPS and t.head.i in ids and t.i > t.head.i]
        cut = max(heads, key=lambda t: t.left_edge.i, default=None)
        if cut is None:
            return words
        gone = {c.i for c in cut.subtree}
        if cut.dep_ == "conj":  # "steel and aluminium": the "and" goes with it
            gone |= {c.i for c in cut.head.children if c.dep_ in ("cc", "punct") and cut.head.i < c.i < cut.i}
        if cut.dep_ in ("appos", "relcl", "acl"):  # "the US, the largest emitter, was": its commas too
            gone |= {c.i for c in cut.head.children if c.dep_ == "punct"
                     and cut.left_edge.i - 1 <= c.i <= cut.right_edge.i + 1}
        shorter = [t for t in words if isinstance(t, str) or t.i not in gone]
        if _count(shorter) < 2:
            return words
        words = shorter
    return words


def _count(words: Words) -> int:
    return len(as_text(words).split())


_INNER = re.compile(r"[-‐‑/]+")  # what joins the parts of one word: "U-turn", "US-led", "and/or"


def as_text(words: Words) -> str:
    """The words as text: each token with its own spacing, an added word glued to the one before."""
    out = ""
    for n, t in enumerate(words):
        if isinstance(t, str):
            out = out.rstrip() + t + " "
            continue
        out += t.text
        following = words[n + 1] if n + 1 < len(words) else None
        if isinstance(following, Token) and following.i > t.i + 1:
            # words the text spaces apart stay apart ("the United States, Britain and ... 'seriously'" keeps
            # "States seriously"), and a word's inner hyphen or slash a strategy left out is the word's ("U-turn")
            between = t.doc.text[t.idx + len(t.text):following.idx]
            # and other marks part words even unspaced ("the worst in a decade—killed", "exports...slumped")
            out += between if _INNER.fullmatch(between) else " "
        elif isinstance(following, Token) and following.i < t.i:
            out += " "  # a subject put before its clause: "Lee | would sell"
        else:
            out += t.whitespace_
    text = " ".join(out.split()).strip(" ,;:-–—\"'“”‘’")
    text = re.sub(r"\s+([,;:.!?])", r"\1", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    return text[:1].upper() + text[1:]


def quote_like(words: Words, inside: set[int]) -> bool:
    """Whether the words start inside a quote or are more than half quoted."""
    tokens = [t for t in words if isinstance(t, Token) and not t.is_punct]
    return bool(tokens) and (tokens[0].i in inside or sum(t.i in inside for t in tokens) * 2 > len(tokens))


def _act(tok: Token) -> bool:
    """A word that can name an act or a thing done: a noun or verb, or a capitalised one that is no
    one's name or title ("Trump Tariffs", "Operation Sindoor")."""
    if tok.pos_ in ("NOUN", "VERB"):
        return True
    return tok.pos_ == "PROPN" and tok.ent_type_ not in ("PERSON", "GPE", "NORP", "LOC") \
        and tok.lower_ not in lexicon.TITLE_WORDS


def acceptable(words: Words, inside: set[int]) -> bool:
    """A candidate may be the label: two to `MAX_WORDS` words, no quote, an act, no pronoun for
    its subject and no reactor's reporting verb for its verb."""
    tokens = [t for t in words if isinstance(t, Token) and not t.is_punct]
    if _count(words) < 2 or _count(words) > MAX_WORDS or not tokens:
        return False
    if quote_like(words, inside):
        return False  # "'Unprovoked and unjustified'"
    ids = {t.i for t in tokens}
    if not any(_act(t) for t in tokens):
        return False  # "From Lee to Kim", "President Ann Lee": names, no act
    if all(t.pos_ == "ADP" for t in tokens if t.head.i not in ids or t.head.i == t.i):
        return False  # "From Lee to Kim: ...", "In Ruritania's neighbours, fear": a preposition's phrase, no event
    if any(t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in _PRONOUNS and (t.head.i not in ids or t.head.i == t.i
                                                                            or t.head.head.i not in ids
                                                                            or t.head.head.i == t.head.i)
           for t in tokens):  # the subject of the candidate's own verb, even where that verb is its sentence's root
        return False  # "He will sign", "Who is cheering": the text says who, the label does not
    return not any(t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in REPORTING_VERBS and t.i not in inside
                   and (t.head.i not in ids or t.head.i == t.i or any(c.dep_ == "nsubj" for c in t.children))
                   for t in tokens)  # the candidate's own verb, or a clause's: not "the decision affirming"


def cut(words: Words) -> str:
    """The words as text, cut after `MAX_WORDS` words if they are more."""
    text = as_text(words)
    return text if len(text.split()) <= MAX_WORDS else " ".join(text.split()[:MAX_WORDS]).rstrip(",;:-–—")
