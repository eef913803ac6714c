"""When a statement was made: one dated well before the article is about some earlier matter.

"In 2008, India reiterated its support for the treaty", "Back in 2016, Merkel said ...", "Two
years ago, Chile criticised a similar plan": the speaker said it before the event the article
reports, so it is no reaction to it (the guideline: a statement about some other matter). Read
from the parse, the time phrase hung on the verb of saying, not from the words near it: "In 2020
the treaty was signed; on Friday Spain said ..." dates the signing, not what Spain said.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from . import lexicon

_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b")


def event_years(*names: str) -> frozenset[int]:
    """The years the event's own words name (its title, its label): a statement "in 2018" about an event
    of 2018 answers it, however long after the article was written."""
    return frozenset(int(y) for name in names for y in _YEAR.findall(name or ""))


def said_before(verb: Token, published: int | None, event_years: frozenset[int] = frozenset()) -> bool:
    """Whether the time phrase of this verb of saying puts it well before the article.

    `published` is the article's year, when known: an explicit year ("in 2008", "back in March 2016")
    dates the statement only when it is earlier, and not a year the event's own words name (`event_years`,
    from the title and the event label: an article a year on about an event "in 2018"), and two years
    earlier at least: "In December 2024, Peru criticised ..." can be a reaction reported in January 2025.
    A participle without a time phrase of its own goes with its head's ("In 2011, X called it a
    disease, saying ..."); a conjunct does not ("X praised it in 2021 but now criticises it").
    """
    for _ in range(3):
        found = _time_of(verb, published, event_years)
        if found is not None:
            return found
        if verb.dep_ not in ("advcl", "xcomp") or verb.head is verb:
            return False
        verb = verb.head
    return False


def _time_of(verb: Token, published: int | None, event_years: frozenset[int]) -> bool | None:
    """True for an earlier time phrase on the verb, False for another one ("on Monday"), None for none."""
    found: bool | None = None
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ == "back":
            # "Back in 2016": the year hangs on "back"
            earlier = any(_earlier_year(p, published, event_years) for p in child.children
                          if p.dep_ == "prep" and p.lower_ == "in")
        elif child.dep_ == "prep" and child.lower_ == "in" and _a_date(child):
            earlier = _earlier_year(child, published, event_years)
        elif child.dep_ == "advmod" and child.lower_ == "ago":
            # "two years ago", "a decade ago" (not "days ago")
            earlier = any(u.lemma_.lower() in lexicon.PAST_UNITS for u in child.children if u.dep_ == "npadvmod")
        elif child.dep_ == "npadvmod" and child.lemma_.lower() in lexicon.PAST_UNITS:
            # "last year" (not "this year", nor "last week")
            earlier = any(a.lower_ == "last" for a in child.children if a.dep_ == "amod")
        elif child.dep_ in ("prep", "npadvmod") and _a_date(child):
            earlier = False  # a day of its own: "on Monday", "on March 3"
        else:
            continue
        found = bool(found) or earlier
    return found


def _a_date(phrase: Token) -> bool:
    """A time phrase: "in 2008", "on Monday", "Monday": the phrase's own noun is a date, not a noun that
    only mentions one ("in a nod to the 1946 convention", "in line with its 2018 pledge")."""
    if phrase.dep_ == "npadvmod":
        return phrase.ent_type_ in ("DATE", "TIME")
    return any(p.ent_type_ in ("DATE", "TIME") for p in phrase.children if p.dep_ == "pobj")


def _earlier_year(prep: Token, published: int | None, event_years: frozenset[int]) -> bool:
    """'in 2008', 'in March 2016': a year of the date itself (its noun or a number on it), at least two
    years before the article's and not the event's."""
    if published is None:
        return False
    years = [int(t.text) for p in prep.children if p.dep_ == "pobj" and p.ent_type_ == "DATE"
             for t in (p, *p.children) if t.ent_type_ == "DATE" and _YEAR.fullmatch(t.text)]
    return bool(years) and all(y < published - 1 and y not in event_years for y in years)
