"""Which stored event a new article is about, if any.

An article and an event are compared by their topic terms (see
`graph.extract.event.topic`): term counts weighted by how rare each term is
among the stored articles (tf-idf), then the cosine of the two. A term most
articles have ("nuclear" in a year of arms-control stories) tells little; a
term few have ("Jerusalem") tells most. An ingest of many articles counts
their terms before matching any, so even an empty store starts with useful
rarities. The article joins the most similar event if the cosine reaches
`THRESHOLD`.
Events dated more than `MAX_DAYS` from the article never match. The
threshold is set so that articles about different events never merge on the
annotated set, since two events wrongly merged mislead an analyst, while a
missed match costs only a manual merge (`POST /api/events/<id>/merge`).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

MAX_DAYS = 14
THRESHOLD = 0.2
EVENT_TERMS = 80  # terms an event keeps as articles join it


@dataclass(frozen=True)
class Candidate:
    """A stored event as the matcher sees it."""

    id: str
    date: dt.date | None
    terms: Mapping[str, float]


@dataclass(frozen=True)
class Rarity:
    """How many stored articles there are, and how many have each term."""

    articles: int
    having: Mapping[str, int]

    def weight(self, term: str) -> float:
        """Inverse document frequency: near 0 for a term every article has."""
        return math.log((self.articles + 1) / (self.having.get(term, 0) + 0.5))


def best_match(terms: Mapping[str, float], date: dt.date | None, events: list[Candidate],
               rarity: Rarity) -> str | None:
    """The id of the event these terms and date belong to, or None for a new event."""
    usable = [e for e in events if e.terms and (date is None or e.date is None or abs((e.date - date).days) <= MAX_DAYS)]
    if not terms or not usable:
        return None

    def weighted(vector: Mapping[str, float]) -> dict[str, float]:
        out = {t: c * rarity.weight(t) for t, c in vector.items()}
        norm = math.sqrt(sum(v * v for v in out.values()))
        return {t: v / norm for t, v in out.items()} if norm else {}

    mine = weighted(terms)
    scored = []
    for event in usable:
        theirs = weighted(event.terms)
        scored.append((sum(v * theirs[t] for t, v in mine.items() if t in theirs), event.id))
    score, best = max(scored)
    return best if score >= THRESHOLD else None


def window(date: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day an event may have to match an article of `date`.

    Clipped to the calendar: an article dated 0001-01-01 or 9999-12-31 is
    odd but valid input, and must not overflow the date arithmetic.
    """
    days = dt.timedelta(days=MAX_DAYS)
    low = date - days if date - dt.date.min >= days else dt.date.min
    high = date + days if dt.date.max - date >= days else dt.date.max
    return low, high


def merged(event: Mapping[str, float], article: Mapping[str, float]) -> dict[str, float]:
    """An event's terms once an article joins it: counts add up; the `EVENT_TERMS` largest stay."""
    total = Counter(event)
    total.update(article)
    return dict(sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))[:EVENT_TERMS])


def dumps(terms: Mapping[str, float]) -> str:
    """Terms as stored: "term=count" separated by spaces."""
    return " ".join(f"{t}={c:g}" for t, c in terms.items())


def loads(text: str | None) -> dict[str, float]:
    """Stored terms back; a bare term (stored before counts were kept) counts once."""
    out: dict[str, float] = {}
    for item in (text or "").split():
        term, _, count = item.rpartition("=")
        if not term:
            term, count = count, "1"
        try:
            out[term] = float(count)
        except ValueError:
            out[item] = 1.0
    return out
