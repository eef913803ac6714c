"""The store: articles, events, actors and reactions in SQL.

A repository over SQLAlchemy Core (reads live in `graph.queries`). Every
write is one transaction, so a failure halfway leaves nothing behind and
readers see all of a change or none of it. On SQLite, writes take the write
lock when they begin (BEGIN IMMEDIATE), so concurrent writers queue instead
of failing, while WAL mode lets reads go on during a write.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import random
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, NamedTuple, ParamSpec, TypeVar

import pycountry
from sqlalchemy import Connection, Engine, Table, create_engine, delete, event, exists, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, IntegrityError

from . import event_match, migrate
from . import schema as t
from .errors import Contended, InvalidInput, NotFound
from .models import STANCES, Extraction, ExtractedActor
from .names import fold
from .queries import Queries, check_id, not_found


def _hash_id(prefix: str, *parts: str) -> str:
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:12]}"


def term_counts(profiles: list[Mapping[str, float]]) -> Counter[str]:
    """In how many of these articles each topic term occurs; the empty term counts the articles."""
    seen = Counter(term for profile in profiles for term in profile)
    seen[""] = len(profiles)
    return seen


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
class TokenRecord:
    """An API token as stored: never the token itself."""

    id: str
    label: str
    created_at: dt.datetime
    revoked_at: dt.datetime | None


SQLITE_MMAP_BYTES = 256 * 2**20


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # let the "begin" hook below open transactions
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")  # readers never wait for an ingest
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    # Reads page through the file mapped into memory instead of a read() call and a copy per page that
    # misses SQLite's own 2 MB cache: a page of 50 reactions reads rows (and their actors and events)
    # scattered over the file, and mapping cut 0.04-0.1 ms (a tenth) off every reaction list in process
    # (bench/RESULTS.md). The mapping is address space, not memory: its pages are the kernel's file cache,
    # shared by every connection and worker process, and reclaimed under pressure; a store larger than the
    # limit maps its first 256 MiB.
    cursor.execute(f"PRAGMA mmap_size={SQLITE_MMAP_BYTES}")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("rg_write") else "BEGIN")


P = ParamSpec("P")
R = TypeVar("R")
# PostgreSQL's deadlock_detected and serialization_failure: the transaction was aborted whole, and the
# same work run again commits (the other writer has finished or gone ahead).
RETRIED_SQLSTATES = frozenset({"40P01", "40001"})
WRITE_ATTEMPTS = 5


def retried(write: Callable[P, R]) -> Callable[P, R]:
    """`write`, run again when PostgreSQL aborts its transaction for a deadlock or a serialization failure.

    Concurrent writers lock rows of the count tables; the store takes them
    in one order where it can (see `_lock_events`), but not every pair of
    writes can be ordered (an actor's correction copies its country onto
    reactions of many events while an ingest holds one of them). PostgreSQL
    then aborts one transaction, which left nothing behind: it is run
    again, after a short random pause, and a client sees a 503 with
    Retry-After only if it kept losing. `write` must be one whole
    transaction with no effect outside it.
    """
    @functools.wraps(write)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            try:
                return write(*args, **kwargs)
            except DBAPIError as exc:
                if getattr(exc.orig, "sqlstate", None) not in RETRIED_SQLSTATES:
                    raise
                if attempt == WRITE_ATTEMPTS:
                    raise Contended(f"the write conflicted with concurrent writes on all {attempt} attempts; "
                                    "retry shortly") from exc
                time.sleep(random.uniform(0.01, 0.05) * 2 ** attempt)
        raise AssertionError("unreachable")
    return run


def make_engine(url: str) -> Engine:
    """An engine for `url` (SQLite or PostgreSQL), set up as the store needs it."""
    backend = make_url(url).get_backend_name()
    if backend == "sqlite":
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    # pool_pre_ping: a connection the server dropped (restart, idle timeout) is replaced, not used.
    return create_engine(url, pool_pre_ping=True)


class _Resolved(NamedTuple):
    """The stored actor a mention resolved to."""

    id: str
    kind: str
    country: str | None
    created: bool


class _Duplicate(Exception):
    """The article was stored by someone else meanwhile: roll back, report it."""


class Store(Queries):
    """Repository of the reaction graph over one SQL database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._held = threading.local()
        self._writer = engine.execution_options(rg_write=True)
        self._dialect = engine.dialect.name

    @classmethod
    def open(cls, url: str) -> "Store":
        """Connect to `url` (an SQLAlchemy URL), setting up a new, empty database (see graph.migrate.prepare).

        Any other database must be at the code's schema revision.
        """
        engine = make_engine(url)
        try:
            migrate.prepare(engine)
        except Exception:
            engine.dispose()
            raise
        return cls(engine)

    def _insert_new(self, conn: Connection, table: Table, values: dict[str, Any]) -> bool:
        """INSERT ... ON CONFLICT DO NOTHING: whether the row was new.

        Two workers storing the same actor (same deterministic id) at once
        make one row; the second waits for the first and inserts nothing.
        Told by the row RETURNING gives back, never by `rowcount`, which
        PostgreSQL reports as -1 here.
        """
        key = list(table.primary_key.columns)
        return conn.execute(self._upsert(table).values(**values).on_conflict_do_nothing()
                            .returning(*key)).first() is not None

    def _insert_missing(self, conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
        """INSERT ... ON CONFLICT DO NOTHING of many rows, when nobody needs to know which were new."""
        conn.execute(self._upsert(table).on_conflict_do_nothing(), rows)

    def _upsert(self, table: Table) -> Any:
        """This database's INSERT, the kind that takes ON CONFLICT."""
        return (postgresql if self._dialect == "postgresql" else sqlite).insert(table)

    def close(self) -> None:
        """Release the connection pool."""
        self.engine.dispose()

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self._writer.begin() as conn:
            yield conn

    # -- ingest --------------------------------------------------------------

    def add(self, extraction: Extraction, event_id: str | None = None, *,
            batch_terms: Mapping[str, int] | None = None) -> IngestResult:
        """Store an extracted article in one transaction, its topic-term counts included.

        The same text stored twice adds nothing the second time, even when
        two workers store it at once. With `event_id` the article joins that
        existing event. `batch_terms` counts the topic terms of articles
        about to be stored with this one (see `add_many`): matching weighs
        them as if stored, but only this article's own terms are committed,
        with it, so an interrupted batch never counts an article it did not store.
        """
        try:
            return self._add(extraction, event_id, batch_terms or {})
        except (_Duplicate, IntegrityError):
            known = self.known_articles([extraction.article.id])
            if extraction.article.id in known:  # another writer stored it first
                return IngestResult(extraction.article.id, known[extraction.article.id], False, False, 0, 0)
            raise

    def add_many(self, extractions: list[Extraction], event_id: str | None = None) -> Iterator[IngestResult]:
        """Store articles one transaction each, the matching of each knowing the whole batch's topic terms.

        Event matching weighs terms by how many articles have them; an
        ingest of many articles lets the first one matched already know
        which of its terms the rest of the batch shares, while each
        article's counts still commit with that article alone.
        """
        pending = term_counts([x.event.terms for x in extractions])
        for extraction in extractions:
            pending.subtract(term_counts([extraction.event.terms]))
            yield self.add(extraction, event_id, batch_terms=pending)

    def _count_terms(self, conn: Connection, profiles: list[Mapping[str, float]]) -> None:
        # One global order, so concurrent PostgreSQL writers lock the rows in the same order.
        rows = [{"term": term, "articles": n} for term, n in sorted(term_counts(profiles).items())]
        stmt = self._upsert(t.topic_terms)
        conn.execute(stmt.on_conflict_do_update(index_elements=["term"],
                                                set_={"articles": t.topic_terms.c.articles + stmt.excluded.articles}),
                     rows)

    @retried
    def _add(self, extraction: Extraction, event_id: str | None, batch_terms: Mapping[str, int]) -> IngestResult:
        article = extraction.article
        with self._write() as conn:
            existing = conn.execute(select(t.articles.c.event_id).where(t.articles.c.id == article.id)).first()
            if existing:
                return IngestResult(article.id, existing.event_id, False, False, 0, 0)
            event_created = False
            self._count_terms(conn, [extraction.event.terms])
            if event_id is not None:
                check_id(event_id, "event")
                if conn.execute(select(t.events.c.id).where(t.events.c.id == event_id)).first() is None:
                    raise NotFound(f"no event with id {event_id!r}")
            else:
                event_id = self._matching_event(conn, extraction, batch_terms)
                if event_id is None:
                    event_id = _hash_id("ev-", article.id)
                    event_created = self._insert_new(conn, t.events, {
                        "id": event_id, "label": extraction.event.label, "date": extraction.event.date,
                        "terms": event_match.dumps(extraction.event.terms), "created_at": _now()})
            now = _now()
            if not self._insert_new(conn, t.articles, {
                    "id": article.id, "event_id": event_id, "title": article.title, "url": article.url,
                    "published": article.published, "source": article.source, "text": article.text,
                    "ingested_at": now}):
                raise _Duplicate(article.id)
            actors_added = 0
            rows: dict[str, dict[str, Any]] = {}
            for reaction in extraction.reactions:
                actor = self._resolve_actor(conn, reaction.actor)
                actors_added += actor.created
                if actor.id in rows:  # two names of one actor in one article: keep the first
                    continue
                rows[actor.id] = dict(
                    id=_hash_id("re-", article.id, actor.id), actor_id=actor.id, event_id=event_id,
                    article_id=article.id, stance=reaction.stance, confidence=reaction.confidence,
                    evidence=reaction.evidence, span_start=reaction.span[0], span_end=reaction.span[1],
                    cue=reaction.cue, reviewed=False, created_at=now, actor_kind=actor.kind,
                    actor_country=actor.country, article_title=article.title, article_published=article.published)
            # Inserted in one global order (country, then actor), so the stance_counts rows their
            # triggers update are locked in that order too; the event's event_totals row was locked
            # before them, by the article's insert (migration 0010; merges lock theirs first too).
            for row in sorted(rows.values(), key=lambda r: (r["actor_country"] or "", r["actor_id"])):
                conn.execute(insert(t.reactions).values(**row))
            return IngestResult(article.id, event_id, True, event_created, actors_added, len(rows))

    @staticmethod
    def _matching_event(conn: Connection, extraction: Extraction, batch_terms: Mapping[str, int]) -> str | None:
        """The stored event this article is about (see graph.event_match); its terms and date grow."""
        draft = extraction.event
        query = select(t.events.c.id, t.events.c.date, t.events.c.terms).where(t.events.c.terms.is_not(None))
        if draft.date is not None:
            query = query.where(t.events.c.date.is_(None) | t.events.c.date.between(*event_match.window(draft.date)))
        candidates = [event_match.Candidate(r.id, r.date, event_match.loads(r.terms)) for r in conn.execute(query)]
        wanted = sorted({"", *draft.terms, *(term for c in candidates for term in c.terms)})
        counts: dict[str, int] = {}
        for start in range(0, len(wanted), 500):
            part = t.topic_terms.c.term.in_(wanted[start:start + 500])
            counts.update((r.term, r.articles) for r in conn.execute(select(t.topic_terms).where(part)))
        for term in wanted:  # the rest of the batch, as if it were stored already
            if batch_terms.get(term):
                counts[term] = counts.get(term, 0) + batch_terms[term]
        rarity = event_match.Rarity(articles=counts.pop("", 0), having=counts)
        found = event_match.best_match(draft.terms, draft.date, candidates, rarity)
        if found is not None:
            known = next(c for c in candidates if c.id == found)
            values: dict[str, Any] = {"terms": event_match.dumps(event_match.merged(known.terms, draft.terms))}
            if known.date is None and draft.date is not None:
                values["date"] = draft.date
            conn.execute(update(t.events).where(t.events.c.id == found).values(**values))
        return found

    @staticmethod
    def _merged(conn: Connection, actor_id: str) -> str:
        row = conn.execute(select(t.actor_merges.c.into_id).where(t.actor_merges.c.source_id == actor_id)).first()
        return row.into_id if row else actor_id

    def _resolve_actor(self, conn: Connection, found: ExtractedActor) -> _Resolved:
        """The id of the stored actor `found` is, creating it if new.

        Countries are one shared node per ISO code. Others match on any
        name the article used for them, within the same kind and a
        compatible country; for people, one name's words must contain the
        other's ("Trump" and "Donald Trump", never "Ivanka Trump"). An
        identity merged into another by hand resolves to the merged actor.
        """
        names = {found.name, *found.aliases}
        if found.kind == "person" and len(found.name.split()) > 1:
            names.add(found.name.split()[-1])  # the surname; the word-subset test below keeps namesakes apart
        if found.kind == "country":
            actor_id = self._merged(conn, f"country-{found.country}")
            created = self._insert_new(conn, t.actors, {"id": actor_id, "name": found.name, "kind": "country",
                                                        "country": found.country})
            self._add_aliases(conn, actor_id, names)
            if actor_id == f"country-{found.country}":  # not merged by hand: its kind and code never change
                return _Resolved(actor_id, "country", found.country, created)
            row = conn.execute(select(t.actors.c.kind, t.actors.c.country).where(t.actors.c.id == actor_id)).one()
            return _Resolved(actor_id, row.kind, row.country, created)
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
            if row.kind == found.kind and not row.reviewed:  # a person's correction is never undone by a mention
                if len(found.name) > len(row.name):
                    updates["name"] = found.name
                for column in ("country", "role", "organization"):
                    if getattr(row, column) is None and getattr(found, column) is not None:
                        updates[column] = getattr(found, column)
            if updates:
                conn.execute(update(t.actors).where(t.actors.c.id == row.id).values(**updates))
                if "country" in updates:
                    self._sync_reactions(conn, row.id, row.kind, updates["country"])
            self._add_aliases(conn, row.id, names)
            return _Resolved(row.id, row.kind, updates.get("country", row.country), False)
        actor_id = self._merged(conn, _hash_id("ac-", found.kind, found.country or "", fold(found.name)))
        created = self._insert_new(conn, t.actors, {
            "id": actor_id, "name": found.name, "kind": found.kind, "country": found.country, "role": found.role,
            "organization": found.organization})
        self._add_aliases(conn, actor_id, names)
        if created:
            return _Resolved(actor_id, found.kind, found.country, True)
        row = conn.execute(select(t.actors.c.kind, t.actors.c.country).where(t.actors.c.id == actor_id)).one()
        return _Resolved(actor_id, row.kind, row.country, False)

    def _lock_events(self, conn: Connection, event_ids: Any) -> None:
        """On PostgreSQL, lock these events' rows of event_totals now, in id order.

        A writer of one event locks its event_totals row before any count
        row (see migration 0010). A statement that changes several events'
        counts (a merge) would lock each event's row as it reaches that
        event's reactions, holding the count rows of the events before it:
        an ingest holding a later event's row, and waiting for one of those
        count rows, would deadlock with it. Locking them all first, in one
        order, makes such a writer wait before it holds any count row.
        """
        if self._dialect == "postgresql":
            conn.execute(select(t.event_totals.c.event_id).where(t.event_totals.c.event_id.in_(event_ids))
                         .order_by(t.event_totals.c.event_id).with_for_update())

    @staticmethod
    def _sync_reactions(conn: Connection, actor_id: str, kind: str, country: str | None) -> None:
        """Copy an actor's kind and country onto its reactions (see schema.reactions)."""
        conn.execute(update(t.reactions).where(t.reactions.c.actor_id == actor_id)
                     .values(actor_kind=kind, actor_country=country))

    def _add_aliases(self, conn: Connection, actor_id: str, names: set[str]) -> None:
        rows = {}
        for name in sorted(names):
            key = fold(name)[:200]
            if key:
                rows.setdefault(key, {"actor_id": actor_id, "key": key, "alias": name})
        if rows:
            self._insert_missing(conn, t.actor_aliases, list(rows.values()))

    # -- corrections ---------------------------------------------------------

    @staticmethod
    def _require(conn: Connection, table: Any, row_id: str, what: str) -> Any:
        check_id(row_id, what)
        row = conn.execute(select(table).where(table.c.id == row_id)).first()
        if row is None:
            raise not_found(conn, row_id, what)
        return row

    @staticmethod
    def _drop_orphans(conn: Connection, actor_ids: set[str]) -> None:
        """Delete actors left without any reaction, and their aliases."""
        if not actor_ids:
            return
        orphans = [r.id for r in conn.execute(select(t.actors.c.id).where(
            t.actors.c.id.in_(actor_ids), ~exists().where(t.reactions.c.actor_id == t.actors.c.id)))]
        if orphans:
            conn.execute(delete(t.actor_aliases).where(t.actor_aliases.c.actor_id.in_(orphans)))
            conn.execute(delete(t.actor_merges).where(t.actor_merges.c.into_id.in_(orphans)))
            conn.execute(delete(t.actors).where(t.actors.c.id.in_(orphans)))

    @retried
    def delete_article(self, article_id: str) -> None:
        """Delete an article, its reactions, and the actors and event it leaves without any."""
        with self._write() as conn:
            row = self._require(conn, t.articles, article_id, "article")
            actor_ids = {r.actor_id for r in conn.execute(
                select(t.reactions.c.actor_id).where(t.reactions.c.article_id == article_id))}
            conn.execute(delete(t.reactions).where(t.reactions.c.article_id == article_id))
            conn.execute(delete(t.articles).where(t.articles.c.id == article_id))
            self._drop_orphans(conn, actor_ids)
            left = conn.execute(select(func.count()).where(t.articles.c.event_id == row.event_id)).scalar_one()
            if left == 0:
                conn.execute(delete(t.events).where(t.events.c.id == row.event_id))

    @retried
    def update_event(self, event_id: str, changes: dict[str, Any]) -> None:
        """Rename an event or change its date (`changes` holds label and/or date)."""
        unknown = set(changes) - {"label", "date"}
        if unknown or not changes:
            raise InvalidInput("give a new label and/or date")
        with self._write() as conn:
            self._require(conn, t.events, event_id, "event")
            conn.execute(update(t.events).where(t.events.c.id == event_id).values(**changes))

    @retried
    def merge_events(self, event_id: str, into: str) -> None:
        """Fold event `event_id` into `into`: its articles and reactions move, it goes."""
        if event_id == into:
            raise InvalidInput("an event cannot be merged into itself")
        with self._write() as conn:
            self._require(conn, t.events, event_id, "event")
            self._require(conn, t.events, into, "event")
            self._lock_events(conn, [event_id, into])
            conn.execute(update(t.articles).where(t.articles.c.event_id == event_id).values(event_id=into))
            conn.execute(update(t.reactions).where(t.reactions.c.event_id == event_id).values(event_id=into))
            conn.execute(delete(t.events).where(t.events.c.id == event_id))

    @retried
    def merge_actors(self, actor_id: str, into: str) -> None:
        """Fold actor `actor_id` into `into`.

        Aliases and reactions move; where both reacted in the same article,
        `into`'s reaction is kept unless only the other was reviewed by a
        person. Later ingests of either identity land on `into`.
        """
        if actor_id == into:
            raise InvalidInput("an actor cannot be merged into itself")
        with self._write() as conn:
            source = self._require(conn, t.actors, actor_id, "actor")
            target = self._require(conn, t.actors, into, "actor")
            # Every event whose counts the merge changes: those the merged actor reacted to.
            self._lock_events(conn, select(t.reactions.c.event_id).where(t.reactions.c.actor_id == actor_id))
            mine = {r.article_id: r for r in conn.execute(select(t.reactions).where(t.reactions.c.actor_id == actor_id))}
            theirs = {r.article_id: r for r in conn.execute(select(t.reactions).where(
                t.reactions.c.actor_id == into, t.reactions.c.article_id.in_(list(mine))))}
            for article_id, kept in theirs.items():
                loser = mine[article_id]
                if loser.reviewed and not kept.reviewed:
                    loser, kept = kept, loser
                conn.execute(delete(t.reactions).where(t.reactions.c.id == loser.id))
            conn.execute(update(t.reactions).where(t.reactions.c.actor_id == actor_id).values(actor_id=into))
            aliases = {r.alias for r in conn.execute(select(t.actor_aliases.c.alias)
                                                     .where(t.actor_aliases.c.actor_id == actor_id))}
            conn.execute(delete(t.actor_aliases).where(t.actor_aliases.c.actor_id == actor_id))
            self._add_aliases(conn, into, aliases | {source.name})
            fill = {c: getattr(source, c) for c in ("country", "role", "organization")
                    if getattr(target, c) is None and getattr(source, c) is not None}
            if fill:
                conn.execute(update(t.actors).where(t.actors.c.id == into).values(**fill))
            self._sync_reactions(conn, into, target.kind, fill.get("country", target.country))
            conn.execute(update(t.actor_merges).where(t.actor_merges.c.into_id == actor_id).values(into_id=into))
            conn.execute(delete(t.actor_merges).where(t.actor_merges.c.source_id == actor_id))
            conn.execute(insert(t.actor_merges).values(source_id=actor_id, into_id=into))
            conn.execute(delete(t.actors).where(t.actors.c.id == actor_id))

    @retried
    def update_actor(self, actor_id: str, changes: Mapping[str, Any]) -> None:
        """A person's correction of an actor: name, kind, country, role and/or organization.

        The actor is then marked reviewed, and later ingests that resolve a
        mention to it leave these fields as the person set them (as they
        leave a corrected reaction). A new name becomes an alias too, so the
        articles that use it find the actor. Its reactions take the new kind
        and country at once, and with them the country counts.
        """
        unknown = set(changes) - {"name", "kind", "country", "role", "organization"}
        if unknown or not changes:
            raise InvalidInput("give a new name, kind, country, role and/or organization")
        values = dict(changes)
        if "name" in values and not (isinstance(values["name"], str) and values["name"].strip()):
            raise InvalidInput("name cannot be empty")
        if values.get("country") is not None:
            values["country"] = values["country"].upper()
            if len(values["country"]) != 2 or pycountry.countries.get(alpha_2=values["country"]) is None:
                raise InvalidInput(f"{changes['country']!r} is not an ISO 3166-1 alpha-2 country code")
        with self._write() as conn:
            row = self._require(conn, t.actors, actor_id, "actor")
            kind = values.get("kind", row.kind)
            country = values.get("country", row.country)
            if kind not in ("person", "organization", "country"):
                raise InvalidInput(f"kind must be person, organization or country, got {kind!r}")
            if kind == "country" and not country:
                raise InvalidInput("a country actor needs its country code")
            conn.execute(update(t.actors).where(t.actors.c.id == actor_id).values(**values, reviewed=True))
            if "name" in values:
                self._add_aliases(conn, actor_id, {values["name"]})
            if (kind, country) != (row.kind, row.country):
                self._sync_reactions(conn, actor_id, kind, country)

    @retried
    def correct_reaction(self, reaction_id: str, stance: str | None = None, note: str | None = None) -> None:
        """A person's correction: set stance and/or note, and mark the reaction reviewed."""
        if stance is not None and stance not in STANCES:
            raise InvalidInput(f"stance must be one of {', '.join(STANCES)}, got {stance!r}")
        values: dict[str, Any] = {"reviewed": True}
        if stance is not None:
            values["stance"] = stance
        if note is not None:
            values["note"] = note
        with self._write() as conn:
            self._require(conn, t.reactions, reaction_id, "reaction")
            conn.execute(update(t.reactions).where(t.reactions.c.id == reaction_id).values(**values))

    @retried
    def delete_reaction(self, reaction_id: str) -> None:
        """Delete a reaction, and its actor if it has no other."""
        with self._write() as conn:
            row = self._require(conn, t.reactions, reaction_id, "reaction")
            conn.execute(delete(t.reactions).where(t.reactions.c.id == reaction_id))
            self._drop_orphans(conn, {row.actor_id})

    # -- API tokens ----------------------------------------------------------

    def add_token(self, token_id: str, token_hash: str, label: str) -> None:
        """Keep a new token's hash."""
        with self._write() as conn:
            conn.execute(insert(t.tokens).values(id=token_id, hash=token_hash, label=label, created_at=_now()))

    def tokens(self) -> list[TokenRecord]:
        """Every token ever created, oldest first."""
        with self.engine.connect() as conn:
            return [TokenRecord(r.id, r.label, r.created_at, r.revoked_at)
                    for r in conn.execute(select(t.tokens).order_by(t.tokens.c.created_at, t.tokens.c.id))]

    def revoke_token(self, token_id: str) -> None:
        """Stop a token from working."""
        with self._write() as conn:
            if conn.execute(select(t.tokens.c.id).where(t.tokens.c.id == token_id)).first() is None:
                raise NotFound(f"no token with id {token_id!r}")
            conn.execute(update(t.tokens).where(t.tokens.c.id == token_id, t.tokens.c.revoked_at.is_(None))
                         .values(revoked_at=_now()))

    def revoke_tokens_labelled(self, label: str) -> int:
        """Revoke every active token with this label; how many were."""
        with self._write() as conn:
            return conn.execute(update(t.tokens).where(t.tokens.c.label == label, t.tokens.c.revoked_at.is_(None))
                                .values(revoked_at=_now())).rowcount

    def active_token_hashes(self) -> list[str]:
        """Hashes of the tokens that work."""
        with self.engine.connect() as conn:
            return [r.hash for r in conn.execute(select(t.tokens.c.hash).where(t.tokens.c.revoked_at.is_(None)))]
