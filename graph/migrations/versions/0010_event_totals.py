"""a page of events reads each event's counts from one row kept by triggers

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-27

A page of 50 events says, for each, how many articles it has, its
reactions by stance and its distinct actors by stance and in all. Those
came from three statements (the page, `stance_counts` and `actor_counts`
by node, articles grouped by event) and 400 rows to fold in Python, three
times the cost of a page of reactions. `event_totals` holds them in one row
per event, so a page of events is one statement: events joined to their
totals, 51 rows.

Triggers keep it, like the count tables before it: events add and remove
their row; articles count into their event's; reactions count by stance;
`stance_actors` rows of an event appearing and disappearing count its
distinct actors (migration 0008: an upsert that updates fires no insert
trigger).

On PostgreSQL an event's row is the first count row a writer of that
event locks: an ingest inserts its article (counted here) before any
reaction, and the reactions' trigger here is named to fire before the
other count triggers (PostgreSQL fires a table's triggers in the order of
their names), so a correction or a deletion takes it first too, and a
change of a reaction's actor alone touches it for that lock. Writers of one
event thus queue on it before either holds a count row the other needs,
whatever order their stances come in. A statement that changes several
events' counts (a merge of actors or events) would lock each event's row
as it reaches that event's reactions, holding the count rows of the events
before it; the store locks those rows first, in id order
(`Store._lock_events`), so such a writer waits before it holds any count
row instead of deadlocking with an ingest.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy import Connection


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

_STANCES = ("support", "oppose", "neutral")
_COLUMNS = ("articles", *_STANCES, "actors", *(f"actors_{s}" for s in _STANCES))
# Only stance_actors rows of an event node count its actors; the event's id follows 'event:'.
_IS_EVENT = "substr({row}.node, 1, 6) = 'event:'"  # no %: psycopg reads it as a placeholder


def _reactions(row: str, sign: str) -> str:
    """Move `row`'s event's reactions by stance by one (`sign` '+' or '-')."""
    sets = ", ".join(f"{s} = {s} {sign} CASE WHEN {row}.stance = '{s}' THEN 1 ELSE 0 END" for s in _STANCES)
    return f"UPDATE event_totals SET {sets} WHERE event_id = {row}.event_id;"


def _actors(row: str, sign: str) -> str:
    """Move the distinct actors of `row`'s event (a stance_actors row: stance '' is any stance) by one."""
    sets = ", ".join([f"actors = actors {sign} CASE WHEN {row}.stance = '' THEN 1 ELSE 0 END"] + [
        f"actors_{s} = actors_{s} {sign} CASE WHEN {row}.stance = '{s}' THEN 1 ELSE 0 END" for s in _STANCES])
    return f"UPDATE event_totals SET {sets} WHERE event_id = substr({row}.node, 7) AND {_IS_EVENT.format(row=row)};"


def _articles(row: str, sign: str) -> str:
    return f"UPDATE event_totals SET articles = articles {sign} 1 WHERE event_id = {row}.event_id;"


_NEW_EVENT = (f"INSERT INTO event_totals (event_id, {', '.join(_COLUMNS)}) "
              f"VALUES (NEW.id, {', '.join('0' for _ in _COLUMNS)});")
_GONE_EVENT = "DELETE FROM event_totals WHERE event_id = OLD.id;"


def _sqlite_triggers() -> list[str]:
    def trigger(name: str, when: str, body: str) -> str:
        return f"CREATE TRIGGER tr_event_totals_{name} {when} BEGIN\n{body}\nEND"

    return [
        trigger("events_insert", "AFTER INSERT ON events", _NEW_EVENT),
        trigger("events_delete", "AFTER DELETE ON events", _GONE_EVENT),
        trigger("articles_insert", "AFTER INSERT ON articles", _articles("NEW", "+")),
        trigger("articles_delete", "AFTER DELETE ON articles", _articles("OLD", "-")),
        trigger("articles_update", "AFTER UPDATE OF event_id ON articles",
                f"{_articles('OLD', '-')}\n{_articles('NEW', '+')}"),
        trigger("reactions_insert", "AFTER INSERT ON reactions", _reactions("NEW", "+")),
        trigger("reactions_delete", "AFTER DELETE ON reactions", _reactions("OLD", "-")),
        trigger("reactions_update", "AFTER UPDATE OF event_id, stance ON reactions",
                f"{_reactions('OLD', '-')}\n{_reactions('NEW', '+')}"),
        trigger("actors_insert", "AFTER INSERT ON stance_actors", _actors("NEW", "+")),
        trigger("actors_delete", "AFTER DELETE ON stance_actors", _actors("OLD", "-")),
    ]


def _postgresql_triggers() -> list[str]:
    return [
        "CREATE FUNCTION event_totals_follow() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
        "  IF TG_TABLE_NAME = 'events' THEN\n"
        f"    IF TG_OP = 'INSERT' THEN\n      {_NEW_EVENT}\n    ELSE\n      {_GONE_EVENT}\n    END IF;\n"
        "  ELSIF TG_TABLE_NAME = 'stance_actors' THEN\n"
        f"    IF TG_OP = 'INSERT' THEN\n      {_actors('NEW', '+')}\n    ELSE\n      {_actors('OLD', '-')}\n"
        "    END IF;\n"
        "  ELSIF TG_TABLE_NAME = 'articles' THEN\n"
        f"    IF TG_OP IN ('DELETE', 'UPDATE') THEN\n      {_articles('OLD', '-')}\n    END IF;\n"
        f"    IF TG_OP IN ('INSERT', 'UPDATE') THEN\n      {_articles('NEW', '+')}\n    END IF;\n"
        "  ELSE\n"
        f"    IF TG_OP IN ('DELETE', 'UPDATE') THEN\n      {_reactions('OLD', '-')}\n    END IF;\n"
        f"    IF TG_OP IN ('INSERT', 'UPDATE') THEN\n      {_reactions('NEW', '+')}\n    END IF;\n"
        "  END IF;\n"
        "  RETURN NULL;\nEND $$",
        "CREATE TRIGGER tr_event_totals AFTER INSERT OR DELETE ON events "
        "FOR EACH ROW EXECUTE FUNCTION event_totals_follow()",
        "CREATE TRIGGER tr_event_totals AFTER INSERT OR DELETE OR UPDATE OF event_id ON articles "
        "FOR EACH ROW EXECUTE FUNCTION event_totals_follow()",
        # Named to fire before tr_stance_actors and tr_stance_counts: the event's row is locked first (docstring).
        # actor_id is watched only for that lock: a change of actor alone moves no reaction count here.
        "CREATE TRIGGER tr_event_totals AFTER INSERT OR DELETE OR UPDATE OF event_id, stance, actor_id ON reactions "
        "FOR EACH ROW EXECUTE FUNCTION event_totals_follow()",
        "CREATE TRIGGER tr_event_totals AFTER INSERT OR DELETE ON stance_actors "
        "FOR EACH ROW EXECUTE FUNCTION event_totals_follow()",
    ]


def _install(conn: Connection) -> None:
    statements = _sqlite_triggers() if conn.dialect.name == "sqlite" else _postgresql_triggers()
    for statement in statements:
        conn.exec_driver_sql(statement)

    # Filled once from what the store holds, after the triggers exist (one transaction: no write between).
    def count(table: str, stance: str) -> str:
        return (f"COALESCE((SELECT n FROM {table} WHERE {table}.node = 'event:' || events.id "
                f"AND {table}.stance = '{stance}'), 0)")
    values = ["(SELECT count(*) FROM articles WHERE articles.event_id = events.id)",
              *(count("stance_counts", s) for s in _STANCES), count("actor_counts", ""),
              *(count("actor_counts", s) for s in _STANCES)]
    conn.exec_driver_sql(f"INSERT INTO event_totals (event_id, {', '.join(_COLUMNS)}) "
                         f"SELECT events.id, {', '.join(values)} FROM events")


def _uninstall(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        for name in ("events_insert", "events_delete", "articles_insert", "articles_delete", "articles_update",
                     "reactions_insert", "reactions_delete", "reactions_update", "actors_insert", "actors_delete"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS tr_event_totals_{name}")
    else:
        for table in ("events", "articles", "reactions", "stance_actors"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS tr_event_totals ON {table}")
        conn.exec_driver_sql("DROP FUNCTION IF EXISTS event_totals_follow()")


def upgrade() -> None:
    op.create_table('event_totals',
    sa.Column('event_id', sa.String(length=32), nullable=False),
    *(sa.Column(name, sa.Integer(), nullable=False) for name in _COLUMNS),
    sa.PrimaryKeyConstraint('event_id')
    )
    _install(op.get_bind())


def downgrade() -> None:
    _uninstall(op.get_bind())
    op.drop_table('event_totals')
