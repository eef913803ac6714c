"""The store: articles, events, actors and reactions in SQL.

A repository over SQLAlchemy Core. Every write of an article is one
transaction, so a failure halfway leaves nothing behind, and reads see
either all of an article or none of it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, func, select
from sqlalchemy.engine import make_url

from . import schema as t
from .errors import NotFound
from .names import fold
from .models import STANCES, Actor, Article, Event, Extraction, ExtractedActor, Reaction


def _hash_id(prefix: str, *parts: str) -> str:
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:12]}"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


@dataclass(frozen=True)
class IngestResult:
    """What storing one article changed."""

    article_id: str
    event_id: str
    created: bool
    event_created: bool
    actors_added: int
    reactions_added: int


@dataclass(frozen=True)
class EventSummary:
    """An event with how many actors took each stance."""

    event: Event
    articles: int
    counts: dict[str, int]


@dataclass(frozen=True)
class Stats:
    """How much the store holds."""

    articles: int
    events: int
    actors: int
    reactions: int


@dataclass(frozen=True)
class Scope:
    """The rows of one part of the store, ready to become a graph."""

    events: list[Event]
    actors: list[Actor]
    articles: list[Article]
    reactions: list[Reaction]
    article_events: dict[str, str]  # article id -> the event it reports


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")  # readers never wait for an ingest
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


class Store:
    """Repository of the reaction graph over one SQL database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str) -> "Store":
        """Connect to `url` (an SQLAlchemy URL) and create missing tables."""
        engine = create_engine(url)
        if make_url(url).get_backend_name() == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        t.metadata.create_all(engine)
        return cls(engine)

    def close(self) -> None:
        """Release the connection pool."""
        self.engine.dispose()

    # -- writes -----------------------------------------------------------

    def add(self, extraction: Extraction, event_id: str | None = None) -> IngestResult:
        """Store an extracted article in one transaction.

        The same text stored twice adds nothing the second time. With
        `event_id` the article joins that existing event.
        """
        article = extraction.article
        with self.engine.begin() as conn:
            existing = conn.execute(select(t.articles.c.event_id).where(t.articles.c.id == article.id)).first()
            if existing:
                return IngestResult(article.id, existing.event_id, False, False, 0, 0)
            event_created = False
            if event_id is not None:
                if conn.execute(select(t.events.c.id).where(t.events.c.id == event_id)).first() is None:
                    raise NotFound(f"no event with id {event_id!r}")
            else:
                event_id = _hash_id("ev-", article.id)
                conn.execute(t.events.insert().values(
                    id=event_id, label=extraction.event.label, date=extraction.event.date, created_at=_now()))
                event_created = True
            conn.execute(t.articles.insert().values(
                id=article.id, event_id=event_id, title=article.title, url=article.url,
                published=article.published, source=article.source, text=article.text, ingested_at=_now()))
            actors_added = reactions_added = 0
            seen: set[str] = set()
            for reaction in extraction.reactions:
                actor_id, created = self._resolve_actor(conn, reaction.actor)
                actors_added += created
                if actor_id in seen:  # two names of one actor in one article: keep the first
                    continue
                seen.add(actor_id)
                conn.execute(t.reactions.insert().values(
                    id=_hash_id("re-", article.id, actor_id), actor_id=actor_id, event_id=event_id,
                    article_id=article.id, stance=reaction.stance, confidence=reaction.confidence,
                    evidence=reaction.evidence, span_start=reaction.span[0], span_end=reaction.span[1],
                    cue=reaction.cue, reviewed=False))
                reactions_added += 1
            return IngestResult(article.id, event_id, True, event_created, actors_added, reactions_added)

    def _resolve_actor(self, conn: Connection, found: ExtractedActor) -> tuple[str, bool]:
        """The id of the stored actor `found` is, creating it if new.

        Countries are one shared node per ISO code. Others match on any
        name the article used for them, within the same kind and a
        compatible country; for people, one name's words must contain the
        other's ("Trump" and "Donald Trump", never "Ivanka Trump").
        """
        names = {found.name, *found.aliases}
        if found.kind == "person" and len(found.name.split()) > 1:
            names.add(found.name.split()[-1])  # the surname; the word-subset test below keeps namesakes apart
        if found.kind == "country":
            actor_id = f"country-{found.country}"
            created = conn.execute(select(t.actors.c.id).where(t.actors.c.id == actor_id)).first() is None
            if created:
                conn.execute(t.actors.insert().values(id=actor_id, name=found.name, kind="country",
                                                      country=found.country))
            self._add_aliases(conn, actor_id, names)
            return actor_id, created
        keys = {fold(n) for n in names}
        # A one-word name the extractor could not type ("Trump said", with no
        # full name in the article) may be a known person's surname.
        kinds = {found.kind, "person"} if found.kind == "organization" and len(found.name.split()) == 1 else {found.kind}
        rows = conn.execute(
            select(t.actors).join(t.actor_aliases, t.actor_aliases.c.actor_id == t.actors.c.id)
            .where(t.actor_aliases.c.key.in_(keys), t.actors.c.kind.in_(kinds))
            .order_by((t.actors.c.kind == found.kind).desc(), t.actors.c.id)).all()
        mine = set(fold(found.name).split())
        for row in dict.fromkeys(rows):
            if found.country and row.country and found.country != row.country:
                continue
            theirs = set(fold(row.name).split())
            if row.kind == "person" and not (mine <= theirs or theirs <= mine):
                continue
            updates = {}
            if row.kind == found.kind and len(found.name) > len(row.name):
                updates["name"] = found.name
            for column in ("country", "role", "organization"):
                if row.kind == found.kind and getattr(row, column) is None and getattr(found, column) is not None:
                    updates[column] = getattr(found, column)
            if updates:
                conn.execute(t.actors.update().where(t.actors.c.id == row.id).values(**updates))
            self._add_aliases(conn, row.id, names)
            return row.id, False
        actor_id = _hash_id("ac-", found.kind, found.country or "", fold(found.name))
        conn.execute(t.actors.insert().values(id=actor_id, name=found.name, kind=found.kind, country=found.country,
                                              role=found.role, organization=found.organization))
        self._add_aliases(conn, actor_id, names)
        return actor_id, True

    @staticmethod
    def _add_aliases(conn: Connection, actor_id: str, names: set[str]) -> None:
        known = {r.key for r in conn.execute(select(t.actor_aliases.c.key).where(t.actor_aliases.c.actor_id == actor_id))}
        rows = {}
        for name in names:
            key = fold(name)[:200]
            if key and key not in known:
                rows[key] = {"actor_id": actor_id, "key": key, "alias": name}
        if rows:
            conn.execute(t.actor_aliases.insert(), list(rows.values()))

    # -- reads ------------------------------------------------------------

    def stats(self) -> Stats:
        """Counts of every kind of row."""
        with self.engine.connect() as conn:
            def count(table: Any) -> int:
                return conn.execute(select(func.count()).select_from(table)).scalar_one()
            return Stats(count(t.articles), count(t.events), count(t.actors), count(t.reactions))

    def known_articles(self, article_ids: list[str]) -> dict[str, str]:
        """Which of these articles are stored already, with their event ids."""
        found: dict[str, str] = {}
        with self.engine.connect() as conn:
            for i in range(0, len(article_ids), 500):  # stay under bound-parameter limits
                chunk = article_ids[i:i + 500]
                found.update(conn.execute(select(t.articles.c.id, t.articles.c.event_id)
                                          .where(t.articles.c.id.in_(chunk))).all())
        return found

    def is_empty(self) -> bool:
        """True when no article has been stored."""
        with self.engine.connect() as conn:
            return conn.execute(select(t.articles.c.id).limit(1)).first() is None

    def event(self, event_id: str) -> Event:
        """One event, or NotFound."""
        with self.engine.connect() as conn:
            row = conn.execute(select(t.events).where(t.events.c.id == event_id)).first()
        if row is None:
            raise NotFound(f"no event with id {event_id!r}")
        return Event(id=row.id, label=row.label, date=row.date)

    def events(self) -> list[EventSummary]:
        """Every event, newest first, with its stance counts."""
        with self.engine.connect() as conn:
            counts: dict[str, dict[str, int]] = {}
            for row in conn.execute(select(t.reactions.c.event_id, t.reactions.c.stance, func.count())
                                    .group_by(t.reactions.c.event_id, t.reactions.c.stance)):
                counts.setdefault(row[0], dict.fromkeys(STANCES, 0))[row[1]] = row[2]
            n_articles = dict(conn.execute(select(t.articles.c.event_id, func.count()).group_by(t.articles.c.event_id)).all())
            rows = conn.execute(select(t.events).order_by(t.events.c.date.desc(), t.events.c.created_at.desc(),
                                                          t.events.c.id)).all()
        return [EventSummary(Event(id=r.id, label=r.label, date=r.date), n_articles.get(r.id, 0),
                             counts.get(r.id, dict.fromkeys(STANCES, 0))) for r in rows]

    def reactions(self, event_id: str, stance: str | None = None) -> list[tuple[Reaction, Actor]]:
        """Who reacted to an event and how, strongest confidence first."""
        self.event(event_id)
        query = (select(t.reactions, t.actors.c.name, t.actors.c.kind, t.actors.c.country, t.actors.c.role,
                        t.actors.c.organization)
                 .join(t.actors, t.actors.c.id == t.reactions.c.actor_id)
                 .where(t.reactions.c.event_id == event_id)
                 .order_by(t.reactions.c.confidence.desc(), t.reactions.c.id))
        if stance is not None:
            query = query.where(t.reactions.c.stance == stance)
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return [(_reaction(r), Actor(id=r.actor_id, name=r.name, kind=r.kind, country=r.country, role=r.role,
                                     organization=r.organization)) for r in rows]

    def scope(self, event_id: str | None = None, actor_id: str | None = None) -> Scope:
        """The rows of everything, one event, or one actor's neighbourhood."""
        query = select(t.reactions)
        with self.engine.connect() as conn:
            if event_id is not None:
                self.event(event_id)
                query = query.where(t.reactions.c.event_id == event_id)
            if actor_id is not None:
                if conn.execute(select(t.actors.c.id).where(t.actors.c.id == actor_id)).first() is None:
                    raise NotFound(f"no actor with id {actor_id!r}")
                event_ids = select(t.reactions.c.event_id).where(t.reactions.c.actor_id == actor_id)
                query = query.where(t.reactions.c.event_id.in_(event_ids))
            reactions = [_reaction(r) for r in conn.execute(query.order_by(t.reactions.c.id))]
            ev_ids = {r.event for r in reactions} | ({event_id} if event_id else set())
            ac_ids = {r.actor for r in reactions} | ({actor_id} if actor_id else set())
            ar_ids = {r.article for r in reactions}
            if event_id is None and actor_id is None:
                events_q, articles_q = select(t.events), select(t.articles)
            else:
                events_q = select(t.events).where(t.events.c.id.in_(ev_ids))
                articles_q = select(t.articles).where(t.articles.c.id.in_(ar_ids) | t.articles.c.event_id.in_(ev_ids))
            events = [Event(id=r.id, label=r.label, date=r.date) for r in conn.execute(events_q.order_by(t.events.c.id))]
            arts = [Article(id=r.id, title=r.title, url=r.url, published=r.published, source=r.source, text=r.text)
                    for r in conn.execute(articles_q.order_by(t.articles.c.id))]
            aliases: dict[str, list[str]] = {}
            alias_q = select(t.actor_aliases).where(t.actor_aliases.c.actor_id.in_(ac_ids)).order_by(t.actor_aliases.c.key)
            for r in conn.execute(alias_q):
                aliases.setdefault(r.actor_id, []).append(r.alias)
            actors = [Actor(id=r.id, name=r.name, kind=r.kind, country=r.country, role=r.role,
                            organization=r.organization, aliases=tuple(a for a in aliases.get(r.id, []) if a != r.name))
                      for r in conn.execute(select(t.actors).where(t.actors.c.id.in_(ac_ids)).order_by(t.actors.c.id))]
            article_events = {r.id: r.event_id for r in conn.execute(
                select(t.articles.c.id, t.articles.c.event_id).where(t.articles.c.id.in_([a.id for a in arts])))}
        return Scope(events, actors, arts, reactions, article_events)


def _reaction(row: Any) -> Reaction:
    return Reaction(id=row.id, actor=row.actor_id, event=row.event_id, article=row.article_id, stance=row.stance,
                    confidence=row.confidence, evidence=row.evidence, span=(row.span_start, row.span_end),
                    cue=row.cue, reviewed=bool(row.reviewed), note=row.note)

