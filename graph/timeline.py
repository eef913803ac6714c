"""When: an actor's stances over time, an event's reactions in order, and who flipped between two events.

Time is the article's publication date (the day the reaction became
public); reactions of undated articles come after the dated ones, then by
when they were stored. Lists are keyset-paged like every other list.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Engine, String, cast, func, literal, select

from . import schema as t
from .alignment import position
from .errors import InvalidInput
from .network import country_attrs
from .paging import Order, Page, page_of, paged
from .queries import Queries, ReactionView, _view, not_found

By = Literal["actor", "country"]
_UNDATED = "9999-12-31"  # sorts after every real date


def _day() -> Any:
    # The publication day as ISO text: one sortable, cursor-friendly key on SQLite and PostgreSQL alike.
    # The reaction's copy of its article's date (migration 0011), as the reaction query reads no article row.
    return func.coalesce(cast(t.reactions.c.article_published, String(10)), literal(_UNDATED)).label("day")


def _ordered(where: Any, cursor: str | None, limit: int) -> tuple[Any, list[Order]]:
    day = _day()
    query = Queries._reaction_query().add_columns(day).where(where)
    order = [Order(day), Order(t.reactions.c.created_at), Order(t.reactions.c.id)]
    return paged(query, order, cursor, limit), order


def _require(engine: Engine, table: Any, row_id: str, what: str) -> None:
    with engine.connect() as conn:
        if conn.execute(select(table.c.id).where(table.c.id == row_id)).first() is None:
            raise not_found(conn, row_id, what)


def actor_timeline(engine: Engine, actor_id: str, cursor: str | None = None, limit: int = 50) -> Page[ReactionView]:
    """Every reaction of an actor with its event, date and stance, oldest first."""
    _require(engine, t.actors, actor_id, "actor")
    query, order = _ordered(t.reactions.c.actor_id == actor_id, cursor, limit)
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    return page_of(rows, order, limit, _view)


def event_timeline(engine: Engine, event_id: str, cursor: str | None = None, limit: int = 50) -> Page[ReactionView]:
    """An event's reactions in order of publication."""
    _require(engine, t.events, event_id, "event")
    query, order = _ordered(t.reactions.c.event_id == event_id, cursor, limit)
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    return page_of(rows, order, limit, _view)


@dataclass(frozen=True)
class MonthCounts:
    """An actor's reactions in one month, by stance."""

    month: str  # YYYY-MM, or "undated"
    support: int
    oppose: int
    neutral: int


def actor_months(engine: Engine, actor_id: str) -> list[MonthCounts]:
    """An actor's reactions counted by month of publication and stance, oldest first (for the timeline chart)."""
    _require(engine, t.actors, actor_id, "actor")
    month = func.substr(_day().element, 1, 7)
    query = (select(month.label("month"), t.reactions.c.stance, func.count())
             .select_from(t.reactions.join(t.articles, t.articles.c.id == t.reactions.c.article_id))
             .where(t.reactions.c.actor_id == actor_id).group_by(month, t.reactions.c.stance))
    found: dict[str, Counter[str]] = {}
    with engine.connect() as conn:
        for m, stance, n in conn.execute(query):
            found.setdefault(m, Counter())[stance] += n
    return [MonthCounts("undated" if m == _UNDATED[:7] else m, c["support"], c["oppose"], c["neutral"])
            for m, c in sorted(found.items())]


@dataclass(frozen=True)
class Change:
    """One party's position on two events."""

    id: str
    name: str
    kind: str
    country: str | None
    a: str
    b: str

    @property
    def flipped(self) -> bool:
        """Took opposite sides (support on one, oppose on the other)."""
        return {self.a, self.b} == {"support", "oppose"}

    @property
    def changed(self) -> bool:
        return self.a != self.b


@dataclass(frozen=True)
class Comparison:
    """Who reacted to both events, and how their positions compare."""

    a: str
    b: str
    parties: list[Change]  # flips first, then other changes, then the unchanged; by name within each


def compare(engine: Engine, event_a: str, event_b: str, by: By = "actor") -> Comparison:
    """Every party with a position on both events (graph.alignment's rule), flips first."""
    if by not in ("actor", "country"):
        raise InvalidInput(f"by must be 'actor' or 'country', got {by!r}")
    if event_a == event_b:
        raise InvalidInput("compare two different events")
    for event in (event_a, event_b):
        _require(engine, t.events, event, "event")
    r = t.reactions
    counts: dict[tuple[str, str], Counter[str]] = {}
    info: dict[str, Any] = {}
    query = (select(r.c.actor_id, r.c.event_id, r.c.stance, func.count(), t.actors.c.name, t.actors.c.kind,
                    t.actors.c.country)
             .join(t.actors, t.actors.c.id == r.c.actor_id).where(r.c.event_id.in_([event_a, event_b]))
             .group_by(r.c.actor_id, r.c.event_id, r.c.stance, t.actors.c.name, t.actors.c.kind, t.actors.c.country))
    with engine.connect() as conn:
        for actor, event, stance, n, name, kind, country in conn.execute(query):
            counts.setdefault((actor, event), Counter())[stance] += n
            info[actor] = (name, kind, country)
    sides = {key: position(c) for key, c in counts.items()}
    if by == "country":
        votes: dict[tuple[str, str], Counter[str]] = {}
        for (actor, event), side in sides.items():
            code = info[actor][2]
            if code:
                votes.setdefault((code, event), Counter())[side] += 1
        sides = {key: position(c) for key, c in votes.items()}
        info = {code: (country_attrs(code)["label"], "country", code) for code, _ in sides}
    both = sorted({p for p, _ in sides} & {p for p, e in sides if e == event_b}
                  & {p for p, e in sides if e == event_a})
    changes = [Change(p, *info[p], sides[(p, event_a)], sides[(p, event_b)]) for p in both]
    changes.sort(key=lambda c: (not c.flipped, not c.changed, c.name, c.id))
    return Comparison(event_a, event_b, changes)

