"""Who sides with whom: alignment between actors (or countries) across events.

A *party* is an actor, or, with `by="country"`, a country standing for
itself, its officials and its bodies. A party's *position* on an event
comes from its reactions there:

- An actor's position is the stance most of its reactions to the event
  took between support and oppose; neutral when it only made neutral
  statements, or when its supporting and opposing reports tie (the press
  does not tell which side it took).
- A country's position is the same rule one level up: the majority of its
  actors' positions, one vote per actor, so an official quoted in twenty
  articles does not outvote the foreign ministry quoted in one.

For two parties, the *common events* are the events both took a position
on. Each common event is `same` (both support or both oppose), `opposite`
(one supports, the other opposes) or `neutral` (at least one is neutral).
The score is (same - opposite) / common events, in [-1, 1]. Neutral events
count in the denominator but on neither side: a statement of concern is
not siding with anyone, so two parties that agreed once and stayed neutral
nine times score 0.1, not 1.0; the evidence of siding together is thin.

The pairwise counts are matrix products over a parties x events matrix
(numpy), so a scope with thousands of events is a fraction of a second
once its positions are read. A scope keeps its `top` most active parties;
the result says how many it left out.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import threading
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
from sqlalchemy import Engine, and_, case, false, func, or_, select, true

from . import schema as t
from .errors import InvalidInput, NotFound
from .network import country_attrs

By = Literal["actor", "country"]
Order = Literal["events", "agreement", "disagreement"]
MAX_TOP = 1000
DEFAULT_TOP = 200
_SIGN = {"support": 1, "oppose": -1, "neutral": 0}


@dataclass(frozen=True)
class Scope:
    """Which reactions count: events, a publication date range, a country's actors; by actor or by country."""

    by: By = "actor"
    events: tuple[str, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    country: str | None = None

    def __post_init__(self) -> None:
        if self.by not in ("actor", "country"):
            raise InvalidInput(f"by must be 'actor' or 'country', got {self.by!r}")
        if self.since and self.until and self.since > self.until:
            raise InvalidInput(f"since ({self.since}) is after until ({self.until})")


@dataclass(frozen=True)
class Party:
    """An actor or a country that takes positions on events."""

    id: str
    name: str
    kind: str  # person, organization, country
    country: str | None
    events: int  # events in scope it took a position on


@dataclass(frozen=True)
class SharedEvent:
    """One common event of a pair, with each side's position."""

    id: str
    label: str
    date: dt.date | None
    a: str
    b: str


@dataclass(frozen=True)
class Pair:
    """How often two parties sided together over their common events."""

    a: Party
    b: Party
    events: int
    same: int
    opposite: int
    neutral: int
    score: float
    shared: list[SharedEvent] = field(default_factory=list)


@dataclass(frozen=True)
class Positions:
    """Each party's position on each event of a scope, as a parties x events matrix.

    `sign[i, j]` is +1 (support), -1 (oppose) or 0 (neutral, or no position);
    `present[i, j]` says whether party i took a position on event j.
    """

    parties: list[Party]
    events: list[str]
    sign: np.ndarray
    present: np.ndarray
    left_out: int  # parties in scope beyond `top`
    labels: dict[str, tuple[str, dt.date | None]] = field(default_factory=dict)  # event id -> label, date

    def newest_first(self) -> np.ndarray:
        """Event indices by event date, newest first (undated last), ties by id."""
        if "newest" not in self.__dict__.setdefault("_memo", {}):
            keys = [(self.labels.get(e, ("", None))[1] or dt.date.min, e) for e in self.events]
            self.__dict__["_memo"]["newest"] = np.array(sorted(range(len(self.events)), key=keys.__getitem__,
                                                              reverse=True), dtype=np.int64)
        return self.__dict__["_memo"]["newest"]

    def index(self, party_id: str) -> int:
        for i, p in enumerate(self.parties):
            if p.id == party_id:
                return i
        raise NotFound(f"no party {party_id!r} among the {len(self.parties)} most active in this scope")


def position(counts: Counter[str]) -> str:
    """The side a set of stances takes: the majority of support vs oppose; neutral when they tie."""
    if counts["support"] > counts["oppose"]:
        return "support"
    if counts["oppose"] > counts["support"]:
        return "oppose"
    return "neutral"


def _where(scope: Scope) -> list[Any]:
    r = t.reactions
    clauses: list[Any] = []
    if scope.events:
        clauses.append(r.c.event_id.in_(scope.events))
    if scope.country:
        clauses.append(r.c.actor_country == scope.country)
    if scope.by == "country":
        clauses.append(r.c.actor_country.is_not(None))
    if scope.since or scope.until:
        published = select(t.articles.c.id)
        if scope.since:
            published = published.where(t.articles.c.published >= scope.since)
        if scope.until:
            published = published.where(t.articles.c.published <= scope.until)
        clauses.append(r.c.article_id.in_(published))
    return clauses


def _check_events(conn: Any, scope: Scope) -> None:
    if scope.events:
        known = set(conn.execute(select(t.events.c.id).where(t.events.c.id.in_(scope.events))).scalars())
        missing = sorted(set(scope.events) - known)
        if missing:
            raise NotFound(f"no event with id {missing[0]!r}")


def _party_column(scope: Scope) -> Any:
    return t.reactions.c.actor_country if scope.by == "country" else t.reactions.c.actor_id


def _signs(scope: Scope, chosen: list[str]) -> Any:
    """(party, event, supporting, opposing) rows for the chosen parties, positions made in SQL.

    By actor, `supporting`/`opposing` count its reactions; by country, they
    count its actors whose own position is support / oppose (one vote each).
    """
    r = t.reactions
    support = func.sum(case((r.c.stance == "support", 1), else_=0))
    oppose = func.sum(case((r.c.stance == "oppose", 1), else_=0))
    where = and_(true(), *_where(scope), _party_column(scope).in_(chosen))
    if scope.by == "actor":
        return (select(r.c.actor_id.label("party"), r.c.event_id, support.label("s"), oppose.label("o"))
                .where(where).group_by(r.c.actor_id, r.c.event_id))
    inner = (select(r.c.actor_country.label("party"), r.c.actor_id, r.c.event_id, support.label("s"),
                    oppose.label("o")).where(where).group_by(r.c.actor_country, r.c.actor_id, r.c.event_id)
             .subquery())
    return (select(inner.c.party, inner.c.event_id,
                   func.sum(case((inner.c.s > inner.c.o, 1), else_=0)).label("s"),
                   func.sum(case((inner.c.o > inner.c.s, 1), else_=0)).label("o"))
            .group_by(inner.c.party, inner.c.event_id))


def positions(engine: Engine, scope: Scope, *, min_events: int = 2, top: int = DEFAULT_TOP,
              include: tuple[str, ...] = ()) -> Positions:
    """The positions of the `top` most active parties with at least `min_events` events in scope.

    First the parties are ranked by their number of events (one grouped
    count in SQL), then only the chosen ones' positions are read. Parties
    named in `include` are kept whatever their rank (a party a user asks
    about is never ranked out).
    """
    if not 1 <= top <= MAX_TOP:
        raise InvalidInput(f"top must be between 1 and {MAX_TOP}, got {top}")
    if min_events < 1:
        raise InvalidInput(f"min_events must be at least 1, got {min_events}")
    party = _party_column(scope)
    n = func.count(t.reactions.c.event_id.distinct())
    ranking = (select(party.label("party"), n.label("n")).where(and_(true(), *_where(scope)))
               .group_by(party).having(or_(n >= min_events, party.in_(include) if include else false())))
    with engine.connect() as conn:
        _check_events(conn, scope)
        n_events: Counter[str] = Counter(dict(conn.execute(ranking).all()))
        ranked = sorted(n_events, key=lambda p: (p not in include, -n_events[p], p))
        keep = max(top, sum(1 for p in include if p in n_events))
        chosen = sorted(ranked[:keep])
        rows = conn.execute(_signs(scope, chosen)).all() if chosen else []
    index = {p: i for i, p in enumerate(chosen)}
    events = sorted({row.event_id for row in rows})
    event_index = {e: j for j, e in enumerate(events)}
    sign = np.zeros((len(chosen), len(events)), dtype=np.float32)
    present = np.zeros_like(sign)
    for row in rows:
        i, j = index[row.party], event_index[row.event_id]
        present[i, j] = 1
        sign[i, j] = np.sign(int(row.s) - int(row.o))
    labels = _event_labels(engine, events)
    return Positions(_describe(engine, scope.by, chosen, n_events), events, sign, present,
                     max(0, len(ranked) - len(chosen)), labels)


def _event_labels(engine: Engine, ids: list[str]) -> dict[str, tuple[str, dt.date | None]]:
    found: dict[str, tuple[str, dt.date | None]] = {}
    with engine.connect() as conn:
        for i in range(0, len(ids), 500):
            for row in conn.execute(select(t.events.c.id, t.events.c.label, t.events.c.date)
                                    .where(t.events.c.id.in_(ids[i:i + 500]))):
                found[row.id] = (row.label, row.date)
    return found


def _describe(engine: Engine, by: By, ids: list[str], n_events: Counter[str]) -> list[Party]:
    if by == "country":
        return [Party(code, country_attrs(code)["label"], "country", code, n_events[code]) for code in ids]
    found: dict[str, Any] = {}
    with engine.connect() as conn:
        for i in range(0, len(ids), 500):
            for row in conn.execute(select(t.actors.c.id, t.actors.c.name, t.actors.c.kind, t.actors.c.country)
                                    .where(t.actors.c.id.in_(ids[i:i + 500]))):
                found[row.id] = row
    return [Party(a, found[a].name, found[a].kind, found[a].country, n_events[a]) for a in ids]


@dataclass(frozen=True)
class Matrix:
    """Pairwise counts of a scope: common events, same, opposite, neutral (parties x parties)."""

    positions: Positions
    common: np.ndarray
    same: np.ndarray
    opposite: np.ndarray
    derived: dict[Any, Any] = field(default_factory=dict, compare=False)  # results made from it (coalitions)

    @property
    def neutral(self) -> np.ndarray:
        return self.common - self.same - self.opposite

    def score(self) -> np.ndarray:
        """(same - opposite) / common, 0 where there is no common event."""
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(self.common > 0, (self.same - self.opposite) / np.maximum(self.common, 1), 0.0)


def matrix(pos: Positions) -> Matrix:
    """Count, for every pair of parties, their common events and how they sided (three matrix products)."""
    s, p = pos.sign, pos.present
    common = np.rint(p @ p.T)
    signed = np.rint(s @ s.T)  # same - opposite
    sided = np.rint(np.abs(s) @ np.abs(s).T)  # same + opposite
    return Matrix(pos, common, (sided + signed) / 2, (sided - signed) / 2)


def _pair(m: Matrix, i: int, j: int, scores: np.ndarray) -> Pair:
    parties = m.positions.parties
    return Pair(parties[i], parties[j], int(m.common[i, j]), int(m.same[i, j]), int(m.opposite[i, j]),
                int(m.common[i, j] - m.same[i, j] - m.opposite[i, j]), round(float(scores[i, j]), 4))


def ranked(m: Matrix, *, min_events: int = 2, party: str | None = None, other: str | None = None,
           order: Order = "events", start: int = 0, limit: int | None = None) -> tuple[list[Pair], int]:
    """One slice of the pairs with at least `min_events` common events in `order`, and how many there are.

    Ties go by the parties' ids. `party` keeps the pairs it is in (it comes
    first in each); with `other` too, only that pair. The ranking is made
    with numpy once per matrix and kept with it, so paging through it only
    builds the pairs of each page.
    """
    if order not in ("events", "agreement", "disagreement"):
        raise InvalidInput(f"order must be events, agreement or disagreement, got {order!r}")
    key = ("ranking", min_events, party, other, order)
    if key not in m.derived:
        n = len(m.positions.parties)
        mask = np.triu(m.common >= max(1, min_events), k=1)
        if party is not None:
            i = m.positions.index(party)
            row = np.zeros((n, n), dtype=bool)
            row[i, :] = row[:, i] = True
            if other is not None:
                j = m.positions.index(other)
                row[:] = False
                row[min(i, j), max(i, j)] = True
            mask &= row
        ii, jj = np.nonzero(mask)
        scores = np.round(m.score()[ii, jj], 4)
        events = m.common[ii, jj]
        first, second = {"events": (-events, -scores), "agreement": (-scores, -events),
                         "disagreement": (scores, -events)}[order]
        picked = np.lexsort((jj, ii, second, first))  # the last key sorts first
        m.derived[key] = (ii[picked], jj[picked])
    ii, jj = m.derived[key]
    stop = len(ii) if limit is None else start + limit
    scores = m.score()
    found = [_pair(m, int(i), int(j), scores) for i, j in zip(ii[start:stop], jj[start:stop])]
    if party is not None:
        found = [q if q.a.id == party else Pair(q.b, q.a, q.events, q.same, q.opposite, q.neutral, q.score)
                 for q in found]
    return found, len(ii)


def pairs(m: Matrix, *, min_events: int = 2, party: str | None = None, other: str | None = None,
          order: Order = "events") -> list[Pair]:
    """Every pair with at least `min_events` common events, in `order` (see `ranked`)."""
    return ranked(m, min_events=min_events, party=party, other=other, order=order)[0]


def shared_events(pos: Positions, pair: Pair, limit: int | None = None) -> list[SharedEvent]:
    """The common events of a pair with both positions, newest event first."""
    i, j = pos.index(pair.a.id), pos.index(pair.b.id)
    newest = pos.newest_first()
    both = newest[(pos.present[i, newest] > 0) & (pos.present[j, newest] > 0)]
    if limit is not None:
        both = both[:limit]
    side = {1: "support", -1: "oppose", 0: "neutral"}
    rows = []
    for k in both:
        label, date = pos.labels.get(pos.events[k], (pos.events[k], None))
        rows.append(SharedEvent(pos.events[k], label, date, side[int(pos.sign[i, k])], side[int(pos.sign[j, k])]))
    return rows


def with_events(pos: Positions, pair: Pair, limit: int | None = None) -> Pair:
    """The pair with its common events filled in."""
    return Pair(pair.a, pair.b, pair.events, pair.same, pair.opposite, pair.neutral, pair.score,
                shared_events(pos, pair, limit))


# -- paging a computed list -----------------------------------------------------

def offset_cursor(offset: int) -> str:
    """An opaque cursor for a position in a ranked list computed per request."""
    return base64.urlsafe_b64encode(json.dumps({"o": offset}).encode()).decode().rstrip("=")


def read_offset(cursor: str | None) -> int:
    """The position a cursor of `offset_cursor` holds; InvalidInput for anything else."""
    if not cursor:
        return 0
    try:
        value = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        offset = value["o"]
        if type(offset) is not int or offset < 0 or set(value) != {"o"}:
            raise ValueError
        return offset
    except (ValueError, TypeError, KeyError, binascii.Error, UnicodeDecodeError):
        raise InvalidInput("cursor is not one this server issued") from None


# -- the per-process cache ------------------------------------------------------------

def fingerprint(engine: Engine) -> tuple[Any, ...]:
    """A cheap summary that changes whenever a write changes anyone's position.

    Reactions by stance (from the `stance_counts` rows of events: ingests,
    deletions, corrected stances), the number of events (merged events),
    of actors (merged actors) and the newest reaction's time.
    """
    sc = t.stance_counts
    with engine.connect() as conn:
        totals = tuple(conn.execute(select(sc.c.stance, func.sum(sc.c.n)).where(sc.c.node >= "event:", sc.c.node < "event;")
                                    .group_by(sc.c.stance).order_by(sc.c.stance)).all())
        events = conn.execute(select(func.count()).select_from(t.events)).scalar_one()
        actors = conn.execute(select(func.count()).select_from(t.actors)).scalar_one()
        newest = conn.execute(select(func.max(t.reactions.c.created_at))).scalar_one()
    return totals, events, actors, str(newest)


class Cache:
    """The pair counts of recent scopes, kept while the store does not change.

    Reading a scope's positions is most of the cost (a whole store of a
    million reactions is one pass over them); the matrix products are a
    fraction. A request checks `fingerprint` (a few milliseconds) and reuses
    the matrix when nothing was written since.
    """

    def __init__(self, size: int = 8) -> None:
        self._size = size
        self._lock = threading.Lock()
        self._items: dict[tuple[Any, ...], tuple[tuple[Any, ...], Matrix]] = {}

    def matrix(self, engine: Engine, scope: Scope, *, min_events: int = 2, top: int = DEFAULT_TOP,
               include: tuple[str, ...] = ()) -> Matrix:
        """The matrix of a scope, from the cache while the store is unchanged."""
        key = (scope, min_events, top, include)
        now = fingerprint(engine)
        with self._lock:
            hit = self._items.pop(key, None)
            if hit is not None and hit[0] == now:
                self._items[key] = hit  # most recently used last
                return hit[1]
        made = matrix(positions(engine, scope, min_events=min_events, top=top, include=include))
        with self._lock:
            self._items[key] = (now, made)
            while len(self._items) > self._size:
                self._items.pop(next(iter(self._items)))
        return made
