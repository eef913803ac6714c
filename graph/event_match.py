"""Which stored event a new article is about, if any.

An article joins the event whose topic terms it shares most. Each term
counts by how rare it is among the events it could join (a term every event
has, like "country:us" in a year of US decisions, tells nothing), and the
overlap is taken over the smaller of the two term sets, since a short
headline names fewer things. Events dated more than `MAX_DAYS` from the
article never match. Below `THRESHOLD` a new event is made: two different
events must never merge, while a missed match costs only a manual merge.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

MAX_DAYS = 14
THRESHOLD = 0.2
COUNTRY_WEIGHT = 0.4


@dataclass(frozen=True)
class Candidate:
    """A stored event as the matcher sees it."""

    id: str
    date: dt.date | None
    terms: frozenset[str]


def best_match(terms: tuple[str, ...], date: dt.date | None, events: list[Candidate]) -> str | None:
    """The id of the event these terms and date belong to, or None for a new event."""
    mine = frozenset(terms)
    usable = [e for e in events if e.terms and (date is None or e.date is None or abs((e.date - date).days) <= MAX_DAYS)]
    if not mine or not usable:
        return None
    spread = Counter(t for e in usable for t in e.terms)

    def weight(term: str) -> float:
        # Rarer terms say more; countries are named in passing more often than topics are.
        return (COUNTRY_WEIGHT if term.startswith("country:") else 1.0) / (1 + spread[term])

    scored = []
    for event in usable:
        common = mine & event.terms
        if all(t.startswith("country:") for t in common):
            continue  # the same countries alone are not the same event: a topic must be shared too
        shared = sum(weight(t) for t in common)
        smaller = min(sum(weight(t) for t in mine), sum(weight(t) for t in event.terms))
        scored.append((shared / smaller, event.id))
    if not scored:
        return None
    score, best = max(scored)
    return best if score >= THRESHOLD else None
