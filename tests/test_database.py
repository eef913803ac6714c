"""Migrations, schema checks and concurrent writers, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from click.testing import Result

from graph import migrate
from graph.extract import Extractor
from graph.migrate import SchemaOutOfDate
from graph.models import ArticleInput, Extraction
from graph.schema import metadata
from graph.store import Store, make_engine

Invoke = Callable[..., Result]


def test_migrations_build_exactly_the_schema_of_the_code(db_url: str) -> None:
    engine = make_engine(db_url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata)
    engine.dispose()
    assert diff == [], "schema.py changed without a migration: " + repr(diff)


@pytest.mark.parametrize("back", ["0005", "0006", "0007", "0008", "0009"])
def test_the_latest_migrations_go_down_and_up_again(db_url: str, back: str) -> None:
    """A release can be rolled back: downgrading to an earlier revision and upgrading again gives the code's schema."""
    engine = make_engine(db_url)
    cfg = migrate._config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, back)
    assert migrate.current(engine) == back
    migrate.upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata)
    engine.dispose()
    assert diff == [], repr(diff)


def test_upgrade_is_idempotent_and_reported(invoke: Invoke) -> None:
    result = invoke("db", "upgrade")
    assert result.exit_code == 0 and f"schema at {migrate.head()}" in result.output
    assert f"database {migrate.head()}" in invoke("db", "current").output


def test_out_of_date_schema_is_refused_with_one_line(db_url: str, invoke: Invoke) -> None:
    engine = make_engine(db_url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = 'older'"))
    engine.dispose()
    with pytest.raises(SchemaOutOfDate, match="run `reactiongraph db upgrade`"):
        Store.open(db_url)
    for command in (("stats",), ("serve", "--port", "0")):
        result = invoke(*command)
        assert result.exit_code == 2, result.output
        assert "is at schema revision older" in result.output and len(result.output.strip().splitlines()) == 1


def _extract(extractor: Extractor, text: str, title: str) -> Extraction:
    return extractor.extract(extractor.prepare(ArticleInput(text=text, title=title)))


def _race(*jobs: Callable[[], object]) -> list[object]:
    """Run the jobs at the same moment in threads; return their results (or exceptions)."""
    barrier = threading.Barrier(len(jobs))
    results: list[object] = [None] * len(jobs)

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = jobs[i]()
        except Exception as exc:  # noqa: BLE001 - reported by the assertions below
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(jobs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return results


def test_two_workers_naming_the_same_actor_make_one_actor(db_url: str, extractor: Extractor) -> None:
    workers = [Store.open(db_url) for _ in range(4)]  # each its own engine and connections, like processes
    articles = [_extract(extractor, f"French President Emmanuel Macron said deal {i} was a grave mistake.",
                         f"Deal {i}") for i in range(4)]
    results = _race(*(lambda w=w, a=a: w.add(a) for w, a in zip(workers, articles)))
    assert not [r for r in results if isinstance(r, Exception)], results
    scope = workers[0].scope()
    assert [a.name for a in scope.actors if a.kind == "person"] == ["Emmanuel Macron"]
    assert len([a for a in scope.actors if a.kind == "country"]) <= 1
    assert len(scope.reactions) == 4
    for w in workers:
        w.close()


def test_the_same_article_posted_twice_at_once_is_stored_once(db_url: str, extractor: Extractor) -> None:
    workers = [Store.open(db_url) for _ in range(4)]
    article = _extract(extractor, "Japan said the tariffs were a grave mistake.", "Tariffs")
    results = _race(*(lambda w=w: w.add(article) for w in workers))
    assert not [r for r in results if isinstance(r, Exception)], results
    assert sorted(r.created for r in results) == [False, False, False, True]  # type: ignore[union-attr]
    stats = workers[0].stats()
    assert (stats.articles, stats.events, stats.reactions) == (1, 1, 1)
    for w in workers:
        w.close()


def _insert_article(conn: sa.Connection, article: str, event: str = "ev-1") -> None:
    conn.execute(sa.text("INSERT INTO articles (id, event_id, text, ingested_at) "
                         "VALUES (:a, :e, 'text', '2026-01-01')"), {"a": article, "e": event})


def _insert_reaction(conn: sa.Connection, article: str, actor: str, stance: str, event: str = "ev-1") -> None:
    conn.execute(sa.text(
        "INSERT INTO reactions (id, actor_id, event_id, article_id, stance, confidence, evidence, span_start, "
        "span_end, cue, reviewed, created_at, actor_kind) VALUES (:id, :actor, :e, :a, :stance, 0.9, 'q', 0, 1, "
        "'c', false, '2026-01-01', 'person')"), {"id": f"re-{article}-{actor}", "actor": actor, "a": article,
                                                  "e": event, "stance": stance})


def _store_with(db_url: str, events: list[str], actors: list[str], articles: dict[str, str]) -> sa.Engine:
    engine = make_engine(db_url)
    with engine.begin() as conn:
        for event in events:
            conn.execute(sa.text("INSERT INTO events (id, label, created_at) VALUES (:id, 'Dam', '2026-01-01')"),
                         {"id": event})
        for actor in actors:
            conn.execute(sa.text("INSERT INTO actors (id, name, kind) VALUES (:id, :name, 'person')"),
                         {"id": actor, "name": actor})
        for article, event in articles.items():
            _insert_article(conn, article, event)
    return engine


def _named(db_url: str, name: str) -> str:
    """`db_url` whose connections carry this application_name, to find them in pg_stat_activity."""
    return db_url + ("&" if "?" in db_url else "?") + f"application_name={name}"


def _waits_for_a_lock(engine: sa.Engine, name: str) -> bool:
    """Whether a connection named `name` comes to wait for a lock within 10 s."""
    for _ in range(200):
        with engine.connect() as conn:
            if conn.execute(sa.text("SELECT count(*) FROM pg_stat_activity WHERE application_name = :n "
                                    "AND wait_event_type = 'Lock'"), {"n": name}).scalar_one():
                return True
        time.sleep(0.05)
    return False


def _started(write: Callable[[], object]) -> tuple[threading.Thread, list[BaseException]]:
    """`write` running in a thread of its own (a second writer), and what it raised, for the test to assert."""
    failed: list[BaseException] = []

    def run() -> None:
        try:
            write()
        except BaseException as exc:  # noqa: BLE001 - reported by the test's assertion
            failed.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    return thread, failed


@pytest.mark.parametrize("new_articles", [True, False], ids=["with their articles", "into stored articles"])
def test_two_writers_of_one_event_with_opposite_stance_orders_both_commit(db_url: str, new_articles: bool) -> None:
    """Each writer counts its reactions into the event's rows of stance_counts; taken in opposite
    stance orders, those row locks would deadlock, and PostgreSQL would abort one writer. The event's
    row of event_totals, which a writer locks first (with its article, or with its first reaction,
    whose trigger fires first), queues the second writer instead."""
    if db_url.startswith("sqlite"):
        pytest.skip("SQLite has one writer at a time: no row locks to take in any order")
    engine = _store_with(db_url, ["ev-1"], ["ac-1", "ac-2", "ac-3", "ac-4"],
                         {} if new_articles else {"a1": "ev-1", "a2": "ev-1"})
    name = f"rg-second-{uuid.uuid4().hex[:8]}"
    second = make_engine(_named(db_url, name))

    def second_writer() -> None:
        with second.begin() as conn:
            if new_articles:
                _insert_article(conn, "a2")
            _insert_reaction(conn, "a2", "ac-2", "oppose")
            _insert_reaction(conn, "a2", "ac-4", "support")

    with engine.connect() as first:
        with first.begin():
            first.execute(sa.text("SET LOCAL lock_timeout = '20s'"))  # a wait for a lock fails, never hangs
            if new_articles:
                _insert_article(first, "a1")
            _insert_reaction(first, "a1", "ac-1", "support")
            other, second_failed = _started(second_writer)
            queued = _waits_for_a_lock(engine, name)  # on the event's row, before any count row
            _insert_reaction(first, "a1", "ac-3", "oppose")
        other.join(30)
    assert queued and not other.is_alive() and not second_failed, second_failed
    with engine.connect() as conn:
        totals = conn.execute(sa.text("SELECT articles, support, oppose, actors FROM event_totals")).one()
    second.dispose()
    engine.dispose()
    assert tuple(totals) == (2, 2, 2, 4)


def _one_actor_on_two_events(db_url: str, stances: tuple[str, str], prefix: str) -> tuple[sa.Engine, Store, str]:
    """Events ev-1 and ev-2, actors ac-1 and ac-2, ac-1 reacting to each (article a1, a2) with `stances`;
    an engine on it, and a store whose connections carry an application name to find their locks by."""
    engine = _store_with(db_url, ["ev-1", "ev-2"], ["ac-1", "ac-2"], {"a1": "ev-1", "a2": "ev-2"})
    with engine.begin() as conn:
        _insert_reaction(conn, "a1", "ac-1", stances[0], "ev-1")
        _insert_reaction(conn, "a2", "ac-1", stances[1], "ev-2")
    name = f"{prefix}-{uuid.uuid4().hex[:8]}"
    return engine, Store.open(_named(db_url, name)), name


def test_an_actor_merge_across_events_waits_for_an_ingest_instead_of_deadlocking(db_url: str) -> None:
    """An ingest holds its event's row of event_totals from its article on. A merge of an actor who
    reacted to that event and to another one locks both events' rows first, in order, so it waits
    holding no count row, rather than holding the count rows of the first event (the merged-into
    actor's among them) while the ingest waits for one of those."""
    if db_url.startswith("sqlite"):
        pytest.skip("SQLite has one writer at a time: no row locks to take in any order")
    engine, store, name = _one_actor_on_two_events(db_url, ("support", "support"), "rg-merge")
    with engine.connect() as ingest:
        with ingest.begin():
            ingest.execute(sa.text("SET LOCAL lock_timeout = '20s'"))
            _insert_article(ingest, "a3", "ev-2")
            other, merge_failed = _started(lambda: store.merge_actors("ac-1", into="ac-2"))
            queued = _waits_for_a_lock(engine, name)
            _insert_reaction(ingest, "a3", "ac-2", "support", "ev-2")  # the merged-into actor's count rows
        other.join(30)
    assert queued and not other.is_alive() and not merge_failed, merge_failed
    with engine.connect() as conn:
        totals = dict(conn.execute(sa.text("SELECT event_id, actors FROM event_totals")).all())
    store.close()
    engine.dispose()
    assert totals == {"ev-1": 1, "ev-2": 1}


@pytest.mark.parametrize("write", ["update_actor", "merge_actors"])
def test_a_write_that_postgresql_aborts_for_a_deadlock_is_run_again(db_url: str, write: str) -> None:
    """A real deadlock: another writer holds one of an actor's reactions; the store's write takes a
    row (the actor's, or for a merge the events' rows of event_totals) and then waits for that
    reaction; the other writer then waits for the row the store's write holds. PostgreSQL aborts the
    store's write (its deadlock check runs first); the store runs it again once the other has
    committed, and both changes stand. Without the retry the client got a 500."""
    if db_url.startswith("sqlite"):
        pytest.skip("SQLite has one writer at a time: no row locks to deadlock on")
    engine, store, name = _one_actor_on_two_events(db_url, ("support", "oppose"), "rg-retry")

    def run() -> None:
        if write == "update_actor":  # locks ac-1, then copies its country onto its reactions
            store.update_actor("ac-1", {"country": "NZ"})
        else:  # locks both events' rows of event_totals, then moves ac-1's reactions onto ac-2
            store.merge_actors("ac-1", into="ac-2")

    with engine.connect() as other:
        with other.begin():
            other.execute(sa.text("SET LOCAL deadlock_timeout = '5s'"))  # the store's write detects it first
            other.execute(sa.text("SELECT id FROM reactions WHERE id = 're-a2-ac-1' FOR UPDATE"))
            thread, failed = _started(run)
            queued = _waits_for_a_lock(engine, name)  # holding the actor's row, waiting for the reaction
            if write == "update_actor":  # wants the actor's row the correction holds
                other.execute(sa.text("UPDATE actors SET role = 'envoy' WHERE id = 'ac-1'"))
            else:  # wants the event's row of event_totals the merge holds (as an ingest into ev-1 would)
                other.execute(sa.text("SELECT event_id FROM event_totals WHERE event_id = 'ev-1' FOR UPDATE"))
        thread.join(30)
    assert queued and not thread.is_alive() and not failed, failed
    with engine.connect() as conn:
        role = conn.execute(sa.text("SELECT role FROM actors WHERE id = 'ac-1'")).scalar()
        reactions = conn.execute(sa.text("SELECT actor_id, actor_country FROM reactions ORDER BY id")).all()
    store.close()
    engine.dispose()
    if write == "update_actor":
        assert role == "envoy"
        assert [tuple(r) for r in reactions] == [("ac-1", "NZ"), ("ac-1", "NZ")]
    else:
        assert [r.actor_id for r in reactions] == ["ac-2", "ac-2"]


def test_upgrading_a_filled_store_copies_actor_columns_and_counts(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = make_engine(url)
    migrate.upgrade(engine, "0002")
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO events (id, label, created_at) VALUES ('ev-1', 'Dam', '2026-01-01')"))
        conn.execute(sa.text("INSERT INTO articles (id, event_id, title, published, text, ingested_at) "
                             "VALUES ('a1', 'ev-1', 'Dam opens', '2025-12-30', 'text', '2026-01-01')"))
        conn.execute(sa.text("INSERT INTO actors (id, name, kind, country) VALUES ('ac-1', 'Ana Ruiz', 'person', 'ES')"))
        conn.execute(sa.text("INSERT INTO reactions (id, actor_id, event_id, article_id, stance, confidence, evidence, "
                             "span_start, span_end, cue, reviewed, created_at) VALUES ('re-1', 'ac-1', 'ev-1', 'a1', "
                             "'oppose', 0.9, 'q', 0, 1, 'c', 0, '2026-01-01')"))
    migrate.upgrade(engine)
    engine.dispose()
    store = Store.open(url)
    assert [v.reaction.id for v in store.reactions(country="ES", kind="person").items] == ["re-1"]
    assert store.country_counts("ES")["oppose"] == 1 and store.actor("ac-1")[1]["oppose"] == 1
    # Migration 0008 counts the distinct actors already stored.
    actors = store.country_summary("ES")[1]
    assert actors.by_stance["oppose"] == 1 and actors.total == 1
    assert store.events().items[0].actors.total == 1
    # Migration 0009 counts each actor's events and the store's totals, for the graph pages.
    drawn = store.drawn(max_nodes=10, max_edges=10)
    assert (drawn.events, drawn.actors, drawn.counts["oppose"], len(drawn.scope.reactions)) == (1, 1, 1, 1)
    assert store.drawn(actor_id="ac-1", max_nodes=10, max_edges=10).events == 1
    # Migration 0010 gives each stored event its row of counts, which a page of events reads.
    summary = store.event_detail("ev-1").summary
    assert (summary.articles, summary.counts["oppose"], summary.actors.by_stance["oppose"]) == (1, 1, 1)
    # Migration 0011 copies each reaction's article title and date onto it, which a page of reactions shows.
    view = store.reactions(since=dt.date(2025, 12, 30), until=dt.date(2025, 12, 30)).items[0]
    assert (view.article_title, view.published) == ("Dam opens", dt.date(2025, 12, 30))
    store.close()
