"""Read queries over the store: what the API and the graph need to see.

Lists are paged with keyset cursors (`graph.paging`) in a stable order, and
every filter runs on an indexed column.
"""

from __future__ import annotations

import datetime as dt
import operator
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (Connection, Engine, Select, bindparam, func, literal_column, or_, select, true,
                        union_all)

from . import drawing
from . import schema as t
from .errors import InvalidInput, Merged, NotFound
from .models import STANCES, Actor, Article, Event, Reaction, trusted
from .names import fold
from .paging import Order, Page, page_of, paged, prepared_page


@dataclass(frozen=True)
class ActorCounts:
    """How many distinct actors took each stance, and in all.

    Not the reactions: an actor quoted in three articles about one event is
    three reactions but one actor (and one actor may take two stances).
    """

    by_stance: dict[str, int]
    total: int


@dataclass(frozen=True)
class EventSummary:
    """An event with its article count, how many reactions took each stance, and how many actors."""

    event: Event
    articles: int
    counts: dict[str, int]
    actors: ActorCounts


@dataclass(frozen=True)
class EventDetail:
    """An event, its articles, and its reactions counted by stance and by country."""

    summary: EventSummary
    article_list: list[dict[str, Any]]
    by_country: dict[str, dict[str, int]]


# The values of a ReactionView, in the order of its `fields`.
REACTION_FIELDS = ("id", "actor_id", "event_id", "article_id", "stance", "confidence", "evidence", "span_start",
                   "span_end", "cue", "reviewed", "note", "actor_name", "actor_kind", "actor_country", "actor_role",
                   "actor_organization", "actor_reviewed", "event_label", "article_title", "published")


class ReactionView:
    """A reaction with the actor, event and article it links.

    Kept as the row's values (`fields`, in the order of REACTION_FIELDS);
    the Reaction and Actor models are made on first use. A page of 50 for
    the API reads the values alone, and making two models a row was a
    fifth of its Python time.
    """

    __slots__ = ("fields", "_reaction", "_actor")

    def __init__(self, fields: tuple[Any, ...]) -> None:
        self.fields = fields
        self._reaction: Reaction | None = None
        self._actor: Actor | None = None

    @property
    def reaction(self) -> Reaction:
        if self._reaction is None:
            (id_, actor_id, event_id, article_id, stance, confidence, evidence, span_start, span_end, cue, reviewed,
             note) = self.fields[:12]
            self._reaction = trusted(Reaction, id=id_, actor=actor_id, event=event_id, article=article_id,
                                     stance=stance, confidence=confidence, evidence=evidence,
                                     span=(span_start, span_end), cue=cue, reviewed=bool(reviewed), note=note)
        return self._reaction

    @property
    def actor(self) -> Actor:
        if self._actor is None:
            f = self.fields
            self._actor = trusted(Actor, id=f[1], name=f[12], kind=f[13], country=f[14], role=f[15],
                                  organization=f[16], aliases=(), reviewed=bool(f[17]))
        return self._actor

    @property
    def event_label(self) -> str:
        return self.fields[18]

    @property
    def article_title(self) -> str | None:
        return self.fields[19]

    @property
    def published(self) -> dt.date | None:
        return self.fields[20]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ReactionView) and self.fields == other.fields

    def __hash__(self) -> int:
        return hash(self.fields)

    def __repr__(self) -> str:
        return f"ReactionView({dict(zip(REACTION_FIELDS, self.fields))!r})"


@dataclass(frozen=True)
class ArticleSummary:
    """An article without its text."""

    article: Article
    event_id: str
    reactions: int


@dataclass(frozen=True)
class Stats:
    """How much the store holds."""

    articles: int
    events: int
    actors: int
    reactions: int
    by_stance: dict[str, int]


@dataclass(frozen=True)
class Scope:
    """The rows of one part of the store, ready to become a graph."""

    events: list[Event]
    actors: list[Actor]
    articles: list[Article]
    reactions: list[Reaction]
    article_events: dict[str, str]  # article id -> the event it reports


# The actor's kind and country come with the reaction row itself (see schema.reactions).
_ACTOR_COLUMNS = (t.actors.c.name.label("actor_name"), t.actors.c.role.label("actor_role"),
                  t.actors.c.organization.label("actor_organization"), t.actors.c.reviewed.label("actor_reviewed"))


# Rows read back were validated when they were written (and the schema's
# constraints hold them): they become models without validating again, which
# was a fifth of the time of a page of reactions.

def _event(row: Any) -> Event:
    return trusted(Event, id=row.id, label=row.label, date=row.date)


def _article(row: Any) -> Article:
    return trusted(Article, id=row.id, title=row.title, url=row.url, published=row.published,
                                   source=row.source, text=getattr(row, "text", None) or "")


def _article_summary(row: Any) -> ArticleSummary:
    """A row of the articles list (`Queries.articles`, whose select names these columns in this order),
    by position: a page makes 50 of these."""
    id_, title, url, published, source, event_id, _, n_reactions = row
    return ArticleSummary(trusted(Article, id=id_, title=title, url=url, published=published, source=source,
                                  text=""), event_id, n_reactions)


def _reaction(row: Any) -> Reaction:
    return trusted(Reaction, id=row.id, actor=row.actor_id, event=row.event_id, article=row.article_id,
                                    stance=row.stance, confidence=row.confidence, evidence=row.evidence,
                                    span=(row.span_start, row.span_end), cue=row.cue, reviewed=bool(row.reviewed),
                                    note=row.note)


def _summary(row: Any) -> EventSummary:
    """An event and its counts from a row of `_EVENT_SUMMARIES`: id, label, date, created_at, then the
    `_EVENT_TOTALS` (by position: a page makes 50 of these)."""
    (id_, label, date, _, articles, support, oppose, neutral, actors, actors_support, actors_oppose,
     actors_neutral) = row
    return EventSummary(trusted(Event, id=id_, label=label, date=date), articles,
                        {"support": support, "oppose": oppose, "neutral": neutral},
                        ActorCounts({"support": actors_support, "oppose": actors_oppose, "neutral": actors_neutral},
                                    actors))


def _view(row: Any) -> ReactionView:
    # By position, all fields in one C call: a Row's attribute look-up cost 50 us a row, most of a page's time.
    return ReactionView(_VIEW_FIELDS(row))


MAX_ID_CHARS = 100
MAX_SEARCH_CHARS = 200


def _storable(value: str) -> bool:
    """Text a database can hold and compare: no NUL (PostgreSQL refuses it), no lone surrogates."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return "\x00" not in value


def check_id(row_id: str, what: str) -> str:
    """`row_id`, or NotFound when no row can have it (too long, NUL, lone surrogates).

    Ids arrive from URLs and bodies; one the database cannot even compare
    must fail as "not found", not as a database error.
    """
    if not isinstance(row_id, str) or len(row_id) > MAX_ID_CHARS or not _storable(row_id):
        raise NotFound(f"no {what} with id {row_id[:MAX_ID_CHARS]!r}")
    return row_id


def not_found(conn: Any, row_id: str, what: str) -> NotFound:
    """The error for an id no row has: for an actor merged into another, one that names it (errors.Merged)."""
    if what == "actor":
        row = conn.execute(select(t.actor_merges.c.into_id).where(t.actor_merges.c.source_id == row_id)).first()
        if row is not None:
            return Merged(f"actor {row_id!r} was merged into {row.into_id!r}", row_id, row.into_id)
    return NotFound(f"no {what} with id {row_id!r}")


def check_search(q: str, what: str = "q") -> str:
    """Search text (or a filter value) the database can match, or InvalidInput.

    Bounded because a LIKE pattern's cost grows with it (SQLite refuses
    long ones outright).
    """
    if len(q) > MAX_SEARCH_CHARS:
        raise InvalidInput(f"{what} has {len(q):,} characters; at most {MAX_SEARCH_CHARS} are searched")
    if not _storable(q):
        raise InvalidInput(f"{what} contains a NUL character or a lone surrogate")
    return q


# Built once: a Select is immutable, and building it was a tenth of a page's time.
# The article's title and date are the reaction's own copies (migration 0011): no article row is read.
_REACTION_QUERY = (select(*(c for c in t.reactions.c if c.name != "article_published"), *_ACTOR_COLUMNS,
                          t.events.c.label.label("event_label"), t.reactions.c.article_published.label("published"))
                   .join(t.actors, t.actors.c.id == t.reactions.c.actor_id)
                   .join(t.events, t.events.c.id == t.reactions.c.event_id))
_REACTION_KEYS = tuple(_REACTION_QUERY.selected_columns.keys())
_VIEW_FIELDS = operator.itemgetter(*(_REACTION_KEYS.index(name) for name in REACTION_FIELDS))
_ACTOR_FIELDS = operator.itemgetter(*(list(t.actors.c.keys()).index(name) for name in (
    "id", "name", "kind", "country", "role", "organization", "reviewed")))


# Each filter of `Queries.reactions`: the column it compares and how.
_REACTION_FILTERS: dict[str, tuple[Any, Any]] = {
    "event": (t.reactions.c.event_id, operator.eq), "actor": (t.reactions.c.actor_id, operator.eq),
    "article": (t.reactions.c.article_id, operator.eq), "stance": (t.reactions.c.stance, operator.eq),
    "country": (t.reactions.c.actor_country, operator.eq), "kind": (t.reactions.c.actor_kind, operator.eq),
    "since": (t.reactions.c.article_published, operator.ge),
    "until": (t.reactions.c.article_published, operator.le),
}
# One row by its id, for every request that names one.
_EVENT_BY_ID = select(t.events).where(t.events.c.id == bindparam("id"))


def _actor_count(stance: str) -> Any:
    return (select(t.stance_counts.c.n)
            .where(t.stance_counts.c.node == literal_column("'actor:'") + t.actors.c.id,
                   t.stance_counts.c.stance == stance).scalar_subquery().label(f"n_{stance}"))


def _aliases_of(actor_ids: Any) -> Select[Any]:
    """The aliases of the actors `actor_ids` names (a subquery, or a list bound at execution), by actor, in
    key order."""
    return (select(t.actor_aliases.c.actor_id, t.actor_aliases.c.alias)
            .where(t.actor_aliases.c.actor_id.in_(actor_ids))
            .order_by(t.actor_aliases.c.actor_id, t.actor_aliases.c.key))


def _by_actor(rows: Any) -> dict[str, list[str]]:
    """(actor id, alias) rows as each actor's aliases, in the rows' order."""
    aliases: dict[str, list[str]] = {}
    for actor_id, alias in rows:
        aliases.setdefault(actor_id, []).append(alias)
    return aliases


# An actor with its reactions by stance, in one statement (a profile page reads both).
_ACTOR_WITH_COUNTS = select(t.actors, *(_actor_count(s) for s in STANCES)).where(t.actors.c.id == bindparam("id"))
_REACTION_BY_ID = _REACTION_QUERY.where(t.reactions.c.id == bindparam("id"))
_ALIASES = _aliases_of(bindparam("ids", expanding=True))
_ARTICLE_ORDER = [Order(t.articles.c.ingested_at, True), Order(t.articles.c.id, True)]
_EVENT_ORDER = [Order(t.events.c.created_at, True), Order(t.events.c.id, True)]
_PAGE_ALIASES: dict[Select[Any], Select[Any]] = {}  # by the prepared page statement (graph.paging), made once
_ACTOR_ORDER = [Order(t.actors.c.name), Order(t.actors.c.id)]
_NEWEST = [Order(t.reactions.c.created_at, True), Order(t.reactions.c.id, True)]
_BY_CONFIDENCE = [Order(t.reactions.c.confidence, True), Order(t.reactions.c.id, True)]


# A node's reactions and distinct actors by stance, built once. Counts of several nodes are drawing's
# statement (an expanding IN list: building one coerced each of its values, a tenth of a page of events).
_BOTH_COUNTS = union_all(
    select(literal_column("0").label("of_actors"), t.stance_counts.c.stance, t.stance_counts.c.n)
    .where(t.stance_counts.c.node == bindparam("node")),
    select(literal_column("1"), t.actor_counts.c.stance, t.actor_counts.c.n)
    .where(t.actor_counts.c.node == bindparam("node")))
# A page of events reads each event's counts from its one row of event_totals (migration 0010),
# in the order `_summary` reads them; an event without that row (triggers bypassed) still shows, with zeros.
_EVENT_TOTALS = ("articles", "support", "oppose", "neutral", "actors", "actors_support", "actors_oppose",
                 "actors_neutral")
_EVENT_SUMMARIES = (select(t.events.c.id, t.events.c.label, t.events.c.date, t.events.c.created_at,
                           *(func.coalesce(t.event_totals.c[name], 0).label(name) for name in _EVENT_TOTALS))
                    .outerjoin(t.event_totals, t.event_totals.c.event_id == t.events.c.id))
_EVENT_SUMMARY_BY_ID = _EVENT_SUMMARIES.where(t.events.c.id == bindparam("id"))


def _zero() -> dict[str, int]:
    return dict.fromkeys(STANCES, 0)


class Queries:
    """The read side of the store; `Store` adds the writes."""

    engine: Engine
    _held: threading.local  # this thread's reads' one connection, inside `reads_held` (see there)

    @contextmanager
    def reads_held(self) -> Iterator[None]:
        """Within it, this thread's reads share one connection and one read transaction.

        Outside it every read takes its own connection and transaction: a
        pool checkout, BEGIN and ROLLBACK each, and a page of a country or an
        actor makes three reads, which was a tenth of such a request. Inside
        it the first read opens a connection that the rest reuse until the
        block ends, in one transaction (on SQLite one snapshot, so a page and
        its counts agree; PostgreSQL's READ COMMITTED still takes a snapshot
        per statement). Only for reads: a write commits on its own
        connection, which a SQLite snapshot taken before it would not see.
        """
        if getattr(self._held, "active", False):
            yield
            return
        self._held.active = True
        try:
            yield
        finally:
            conn, self._held.conn, self._held.active = getattr(self._held, "conn", None), None, False
            if conn is not None:
                conn.close()

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        """A connection for a read: the held one inside `reads_held`, else a new one for this read alone."""
        held = self._held
        if getattr(held, "active", False):
            if getattr(held, "conn", None) is None:
                held.conn = self.engine.connect()
            yield held.conn
            return
        with self.engine.connect() as conn:
            yield conn

    # -- counts ----------------------------------------------------------

    def stats(self) -> Stats:
        """Counts of every kind of row, and reactions by stance.

        Events, actors and reactions by stance come from `store_totals`, the
        row triggers keep (migration 0009): counting those tables grew with
        the store (15 ms on 100,000 reactions). Articles are still counted.
        """
        with self._read() as conn:
            totals = conn.execute(select(t.store_totals)).one()
            articles = conn.execute(select(func.count()).select_from(t.articles)).scalar_one()
        by_stance = {stance: getattr(totals, stance) for stance in STANCES}
        return Stats(articles, totals.events, totals.actors, sum(by_stance.values()), by_stance)

    def is_empty(self) -> bool:
        """True when no article has been stored."""
        with self._read() as conn:
            return conn.execute(select(t.articles.c.id).limit(1)).first() is None

    def known_articles(self, article_ids: list[str]) -> dict[str, str]:
        """Which of these articles are stored already, with their event ids."""
        found: dict[str, str] = {}
        with self.engine.connect() as conn:
            for i in range(0, len(article_ids), 500):  # stay under bound-parameter limits
                chunk = article_ids[i:i + 500]
                found.update(conn.execute(select(t.articles.c.id, t.articles.c.event_id)
                                          .where(t.articles.c.id.in_(chunk))).all())
        return found

    # -- articles ----------------------------------------------------------

    def article(self, article_id: str) -> tuple[Article, str]:
        """An article with its text, and the id of its event."""
        check_id(article_id, "article")
        with self._read() as conn:
            row = conn.execute(select(t.articles).where(t.articles.c.id == article_id)).first()
        if row is None:
            raise NotFound(f"no article with id {article_id!r}")
        return _article(row), row.event_id

    def articles(self, cursor: str | None = None, limit: int = 50) -> Page[ArticleSummary]:
        """Articles, most recently ingested first."""
        def build() -> Select[Any]:
            counts = (select(func.count()).where(t.reactions.c.article_id == t.articles.c.id)
                      .correlate(t.articles).scalar_subquery().label("n_reactions"))
            return select(t.articles.c.id, t.articles.c.title, t.articles.c.url, t.articles.c.published,
                          t.articles.c.source, t.articles.c.event_id, t.articles.c.ingested_at, counts)
        order = _ARTICLE_ORDER
        statement, params = prepared_page("articles", build, order, cursor, limit, {})
        with self._read() as conn:
            rows = conn.execute(statement, params).all()
        return page_of(rows, order, limit, _article_summary)

    # -- events ------------------------------------------------------------

    def event(self, event_id: str) -> Event:
        """One event, or NotFound."""
        check_id(event_id, "event")
        with self._read() as conn:
            row = conn.execute(_EVENT_BY_ID, {"id": event_id}).first()
        if row is None:
            raise NotFound(f"no event with id {event_id!r}")
        return _event(row)

    @staticmethod
    def _counts(conn: Any, nodes: list[str]) -> dict[str, dict[str, int]]:
        """Reactions by stance of each node ("event:<id>", "actor:<id>", "country:<code>")."""
        counts = {node: _zero() for node in nodes}
        for node, stance, n in conn.execute(drawing.NODE_COUNTS, {"nodes": nodes}).all():  # fetchall, not a fetch a row
            counts[node][stance] = n
        return counts

    @staticmethod
    def _both_counts(conn: Any, node: str) -> tuple[dict[str, int], ActorCounts]:
        """A node's reactions by stance (as `_counts`) and its distinct actors by stance and in all, in one
        statement (`node` "event:<id>" or "country:<code>").

        Actors are read from `actor_counts`, which triggers keep (migration
        0008): one index range of a few rows, whatever the event's or
        country's size. A country's page needs both (a page of events reads
        `event_totals` instead); one statement instead of two saves a round of
        SQLAlchemy's execution machinery, and comparing one node (not an
        expanding IN list) lets it run the statement as compiled.
        """
        counts, by_stance, total = _zero(), _zero(), 0
        for of_actors, stance, n in conn.execute(_BOTH_COUNTS, {"node": node}).all():
            if not of_actors:
                counts[stance] = n
            elif stance:
                by_stance[stance] = n
            else:
                total = n
        return counts, ActorCounts(by_stance, total)

    def events(self, q: str | None = None, cursor: str | None = None, limit: int = 50) -> Page[EventSummary]:
        """Events, newest first; `q` searches labels."""
        order = _EVENT_ORDER
        if q:  # a search: built per request, as LIKE's escaping needs the text itself
            check_search(q)
            query = _EVENT_SUMMARIES.where(func.lower(t.events.c.label).contains(q.lower(), autoescape=True))
            statement, params = paged(query, order, cursor, limit), {}
        else:
            statement, params = prepared_page("events", lambda: _EVENT_SUMMARIES, order, cursor, limit, {})
        with self._read() as conn:
            rows = conn.execute(statement, params).all()
        return page_of(rows, order, limit, _summary)

    def event_detail(self, event_id: str) -> EventDetail:
        """An event with its articles and its counts by stance and by country."""
        check_id(event_id, "event")
        with self._read() as conn:
            row = conn.execute(_EVENT_SUMMARY_BY_ID, {"id": event_id}).first()
            if row is None:
                raise NotFound(f"no event with id {event_id!r}")
            summary = _summary(row)
            arts = [{"id": r.id, "title": r.title, "published": r.published} for r in conn.execute(
                select(t.articles.c.id, t.articles.c.title, t.articles.c.published)
                .where(t.articles.c.event_id == event_id).order_by(t.articles.c.ingested_at, t.articles.c.id))]
            by_country: dict[str, dict[str, int]] = {}
            for country, stance, n in conn.execute(
                    select(t.reactions.c.actor_country, t.reactions.c.stance, func.count())
                    .where(t.reactions.c.event_id == event_id, t.reactions.c.actor_country.is_not(None))
                    .group_by(t.reactions.c.actor_country, t.reactions.c.stance)):
                by_country.setdefault(country, _zero())[stance] = n
        return EventDetail(summary, arts, dict(sorted(by_country.items())))

    # -- reactions ---------------------------------------------------------

    def reaction(self, reaction_id: str) -> ReactionView:
        """One reaction, or NotFound."""
        check_id(reaction_id, "reaction")
        with self._read() as conn:
            row = conn.execute(_REACTION_BY_ID, {"id": reaction_id}).first()
        if row is None:
            raise NotFound(f"no reaction with id {reaction_id!r}")
        return _view(row)

    @staticmethod
    def _reaction_query() -> Select[Any]:
        return _REACTION_QUERY

    def country_counts(self, code: str) -> dict[str, int]:
        """Reactions of a country's actors (itself, its officials, its bodies) counted by stance."""
        with self._read() as conn:
            return self._counts(conn, [f"country:{code}"])[f"country:{code}"]

    def country_summary(self, code: str) -> tuple[dict[str, int], ActorCounts]:
        """A country's reactions by stance (as `country_counts`) and its distinct actors by stance and in all."""
        with self._read() as conn:
            return self._both_counts(conn, f"country:{code}")

    def reactions(self, *, event: str | None = None, actor: str | None = None, article: str | None = None,
                  stance: str | None = None,
                  country: str | None = None, kind: str | None = None, since: dt.date | None = None,
                  until: dt.date | None = None, by_confidence: bool = False, cursor: str | None = None,
                  limit: int = 50) -> Page[ReactionView]:
        """Who reacted to what: reactions matching every filter given.

        `since`/`until` bound the article's publication date (inclusive).
        By default the newest first; `by_confidence` puts the surest first.
        """
        if stance is not None and stance not in STANCES:
            raise InvalidInput(f"stance must be one of {', '.join(STANCES)}, got {stance!r}")
        for name, value in (("event", event), ("actor", actor), ("article", article), ("country", country),
                            ("kind", kind)):
            if value is not None:
                check_search(value, name)
        given = {name: value for name, value in (("event", event), ("actor", actor), ("article", article),
                                                 ("stance", stance), ("country", country), ("kind", kind),
                                                 ("since", since), ("until", until)) if value is not None}
        order = _BY_CONFIDENCE if by_confidence else _NEWEST

        def build() -> Select[Any]:
            query = self._reaction_query()
            for name in given:
                column, compare = _REACTION_FILTERS[name]
                query = query.where(compare(column, bindparam(f"f_{name}")))
            return query

        statement, params = prepared_page(("reactions", tuple(given), by_confidence), build, order, cursor, limit,
                                          {f"f_{name}": value for name, value in given.items()})
        with self._read() as conn:
            rows = conn.execute(statement, params).all()
        return page_of(rows, order, limit, _view)

    # -- actors --------------------------------------------------------------

    def actor(self, actor_id: str) -> tuple[Actor, dict[str, int]]:
        """An actor with its aliases, and its reactions counted by stance."""
        check_id(actor_id, "actor")
        with self._read() as conn:
            row = conn.execute(_ACTOR_WITH_COUNTS, {"id": actor_id}).first()
            if row is None:
                raise not_found(conn, actor_id, "actor")
            aliases = self._aliases(conn, [actor_id]).get(actor_id, [])
        counts = {stance: n or 0 for stance, n in zip(STANCES, row[-len(STANCES):])}
        return self._actor(row, aliases), counts

    @staticmethod
    def _aliases(conn: Any, actor_ids: list[str] | Select[Any]) -> dict[str, list[str]]:
        rows = (conn.execute(_ALIASES, {"ids": actor_ids}) if isinstance(actor_ids, list) else
                conn.execute(_aliases_of(actor_ids)))
        return _by_actor(rows.all())

    @staticmethod
    def _actor(row: Any, aliases: list[str]) -> Actor:
        """An actor from a row of `select(t.actors)`, by position (a Row's attribute look-up is slow)."""
        id_, name, kind, country, role, organization, reviewed = _ACTOR_FIELDS(row)
        return trusted(Actor, id=id_, name=name, kind=kind, country=country, role=role, organization=organization,
                       aliases=tuple(a for a in aliases if a != name), reviewed=bool(reviewed))

    def actors(self, *, kind: str | None = None, country: str | None = None, q: str | None = None,
               cursor: str | None = None, limit: int = 50) -> Page[Actor]:
        """Actors by name; `q` matches any of their names."""
        given = {name: value for name, value in (("kind", kind), ("country", country)) if value is not None}

        def build() -> Select[Any]:
            query = select(t.actors)
            for name in given:
                query = query.where(t.actors.c[name] == bindparam(f"f_{name}"))
            return query
        order = _ACTOR_ORDER
        if q:  # a search: built per request, as LIKE's escaping needs the text itself
            check_search(q)
            named = select(t.actor_aliases.c.actor_id).where(t.actor_aliases.c.key.contains(fold(q), autoescape=True))
            query = build().where(or_(t.actors.c.id.in_(named),
                                      func.lower(t.actors.c.name).contains(q.lower(), autoescape=True)))
            statement, params = paged(query, order, cursor, limit), {f"f_{k}": v for k, v in given.items()}
        else:
            statement, params = prepared_page(("actors", tuple(given)), build, order, cursor, limit,
                                              {f"f_{k}": v for k, v in given.items()})
        with self._read() as conn:
            rows = conn.execute(statement, params).all()
            aliases = (self._aliases(conn, [r.id for r in rows]) if q else
                       self._page_aliases(conn, statement, params) if rows else {})
        return page_of(rows, order, limit, lambda r: self._actor(r, aliases.get(r.id, [])))

    @staticmethod
    def _page_aliases(conn: Any, page: Select[Any], params: dict[str, Any]) -> dict[str, list[str]]:
        """The aliases of the actors a prepared page statement selects, with that page's parameters.

        The page's ids as an IN list of bound values made SQLAlchemy render
        a new statement per request (50 parameters named one by one), a
        third of a page of actors; the page's own statement as a subquery is
        compiled once, and SQL finds the same 50 rows again by index.
        """
        statement = _PAGE_ALIASES.get(page)
        if statement is None:
            statement = _aliases_of(select(page.with_only_columns(t.actors.c.id).subquery().c.id))
            _PAGE_ALIASES[page] = statement  # a race builds the same statement twice: harmless
        return _by_actor(conn.execute(statement, params).all())

    # -- graph scopes --------------------------------------------------------

    def drawn(self, event_id: str | None = None, actor_id: str | None = None, *, max_nodes: int,
              max_edges: int) -> Drawn:
        """What a page of this scope draws: its busiest events, their most-reacting actors, their reactions.

        Picked by `graph.drawing` through indexes and counters kept on write,
        so a page costs the same on a store of any size; article text and
        aliases, which a page never shows, are not read.
        """
        with self._read() as conn:
            scope_filter(conn, event_id, actor_id)  # NotFound for an unknown id
            picked = drawing.pick(conn, event_id, actor_id, max_nodes=max_nodes, max_edges=max_edges)
            rows = picked.reactions
            article_ids = sorted({row.article_id for row in rows})
            titles: dict[str, Any] = {}
            for start in range(0, len(article_ids), 500):  # looked up after the cap: only the edges drawn
                titles.update((a.id, a) for a in conn.execute(
                    select(t.articles.c.id, t.articles.c.title, t.articles.c.published, t.articles.c.url,
                           t.articles.c.source)
                    .where(t.articles.c.id.in_(article_ids[start:start + 500]))))
            events = [_event(row) for row in conn.execute(select(t.events).where(t.events.c.id.in_(picked.event_ids))
                                                          .order_by(t.events.c.id))]
            actors = [self._actor(row, []) for row in conn.execute(
                select(t.actors).where(t.actors.c.id.in_(picked.actor_ids)).order_by(t.actors.c.id))]
        # The url and source are read for the page's table, which links each reaction's article.
        articles = {a.id: trusted(Article, id=a.id, title=a.title, url=a.url, published=a.published, source=a.source,
                                  text="") for a in titles.values()}
        scope = Scope(events, actors, list(articles.values()), [_reaction(row) for row in rows],
                      {row.article_id: row.event_id for row in rows})
        return Drawn(scope, picked.counts, picked.events, picked.actors, picked.counted)

    def scope(self, event_id: str | None = None, actor_id: str | None = None) -> Scope:
        """The rows of everything, one event, or one actor's neighbourhood."""
        with self._read() as conn:
            where = scope_filter(conn, event_id, actor_id)
            reactions = [_reaction(r) for r in conn.execute(select(t.reactions).where(where.reactions)
                                                              .order_by(t.reactions.c.id))]
            events = [_event(r) for r in conn.execute(select(t.events).where(where.events).order_by(t.events.c.id))]
            rows = conn.execute(select(t.articles).where(where.articles).order_by(t.articles.c.id)).all()
            articles = [_article(r) for r in rows]
            article_events = {r.id: r.event_id for r in rows}
            aliases = self._aliases(conn, select(t.actors.c.id).where(where.actors))
            actors = [self._actor(r, aliases.get(r.id, [])) for r in
                      conn.execute(select(t.actors).where(where.actors).order_by(t.actors.c.id))]
        return Scope(events, actors, articles, reactions, article_events)


@dataclass(frozen=True)
class Drawn:
    """The part of a scope a graph page draws, and how big the whole scope is."""

    scope: Scope
    counts: dict[str, int]  # reactions by stance: of the whole scope, or of the events drawn when counted < events
    events: int  # events in the scope
    actors: int  # actors that reacted: in the whole scope, or in the events drawn when counted < events
    counted: int  # the events `counts` and `actors` cover


@dataclass(frozen=True)
class ScopeFilter:
    """WHERE clauses that pick one scope's rows of each table, as subqueries (no id lists, whatever the size)."""

    reactions: Any
    events: Any
    articles: Any
    actors: Any


def scope_filter(conn: Any, event_id: str | None = None, actor_id: str | None = None) -> ScopeFilter:
    """Everything, one event (and who reacted to it), or the events one actor reacted to; NotFound for unknown ids.

    Actors without any reaction are left out, as the store never keeps them.
    """
    r = t.reactions
    reactions: Any = true()
    events: Any = true()
    if event_id is not None:
        check_id(event_id, "event")
        if conn.execute(select(t.events.c.id).where(t.events.c.id == event_id)).first() is None:
            raise NotFound(f"no event with id {event_id!r}")
        reactions, events = r.c.event_id == event_id, t.events.c.id == event_id
    if actor_id is not None:
        check_id(actor_id, "actor")
        if conn.execute(select(t.actors.c.id).where(t.actors.c.id == actor_id)).first() is None:
            raise not_found(conn, actor_id, "actor")
        theirs = select(r.c.event_id).where(r.c.actor_id == actor_id)
        reactions, events = r.c.event_id.in_(theirs), t.events.c.id.in_(theirs)
    if event_id is None and actor_id is None:
        return ScopeFilter(reactions, events, true(), t.actors.c.id.in_(select(r.c.actor_id)))
    articles = or_(t.articles.c.id.in_(select(r.c.article_id).where(reactions)),
                   t.articles.c.event_id.in_(select(t.events.c.id).where(events)))
    actors = t.actors.c.id.in_(select(r.c.actor_id).where(reactions))
    if actor_id is not None:
        actors = or_(actors, t.actors.c.id == actor_id)
    return ScopeFilter(reactions, events, articles, actors)
