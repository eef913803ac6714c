"""graph pages pick what they draw through indexes and read their totals from counters kept on write

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-27

A graph page draws the busiest events, their most-reacting actors and their
surest reactions, and says how much of its scope it leaves out. Picking and
counting them summed `stance_counts` over every event, counted every actor,
and grouped the busiest events' reactions by actor, so a page's cost grew
with the store (SQLite ran 1.3, 4.3 and 6.7 million instructions for
`/graph`'s reads on 10,000, 100,000 and 500,000 reactions; 0.27, 0.49 and
0.57 million after: bench/RESULTS.md).
Now:

- `actor_counts` gains an index by (stance, n): the events with the most
  actors are the first rows of one index range (past at most one row per
  country, which shares the table);
- `stance_actors` gains two indexes by n: an event's most-reacting actors,
  and the events an actor reacted to most, are index ranges too (all three
  indexes hold only the rows of any stance, '', the only ones pages read:
  each reaction writes four `stance_actors` rows, two of them those);
- `actor_events` counts the events each actor reacted to (kept by triggers
  on `stance_actors`, whose `('event:<id>', '')` rows are exactly those);
- `store_totals` holds, in one row, the store's events, actors and
  reactions by stance (kept by triggers on `events`, `actors` and
  `reactions`). On PostgreSQL those triggers are deferred to commit: every
  writer updates that one row, and taking its lock last, when a transaction
  holds everything else it needs, cannot deadlock with the count rows
  locked earlier and holds it only while the transaction commits.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy import Connection


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

_INDEXES = {
    ("actor_counts", "ix_actor_counts_busiest"): ["stance", "n", "node"],
    ("stance_actors", "ix_stance_actors_top"): ["node", "stance", "n", "actor_id"],
    ("stance_actors", "ix_stance_actors_actor"): ["actor_id", "stance", "n", "node"],
}
# Pages read only the rows of any stance (''): indexing only those halves what every reaction's write adds.
PARTIAL = "stance = ''"
_STANCES = ("support", "oppose", "neutral")
# Only an actor's ('event:<id>', '') row in stance_actors is one of its events.
_IS_EVENT = "{row}.stance = '' AND substr({row}.node, 1, 6) = 'event:'"  # no %: psycopg reads it as a placeholder


def _reactions(row: str, sign: str) -> str:
    return ", ".join(f"{s} = {s} {sign} CASE WHEN {row}.stance = '{s}' THEN 1 ELSE 0 END" for s in _STANCES)


def _events_up(row: str) -> str:
    return (f"INSERT INTO actor_events (actor_id, n) SELECT {row}.actor_id, 1 WHERE {_IS_EVENT.format(row=row)} "
            "ON CONFLICT (actor_id) DO UPDATE SET n = actor_events.n + 1;")


def _events_down(row: str) -> str:
    return (f"UPDATE actor_events SET n = n - 1 WHERE actor_id = {row}.actor_id AND {_IS_EVENT.format(row=row)};\n"
            f"DELETE FROM actor_events WHERE n <= 0 AND actor_id = {row}.actor_id;")


def _sqlite_triggers() -> list[str]:
    statements = [
        f"CREATE TRIGGER tr_actor_events_insert AFTER INSERT ON stance_actors BEGIN\n{_events_up('NEW')}\nEND",
        f"CREATE TRIGGER tr_actor_events_delete AFTER DELETE ON stance_actors BEGIN\n{_events_down('OLD')}\nEND",
        "CREATE TRIGGER tr_store_totals_reactions_insert AFTER INSERT ON reactions BEGIN\n"
        f"UPDATE store_totals SET {_reactions('NEW', '+')};\nEND",
        "CREATE TRIGGER tr_store_totals_reactions_delete AFTER DELETE ON reactions BEGIN\n"
        f"UPDATE store_totals SET {_reactions('OLD', '-')};\nEND",
        "CREATE TRIGGER tr_store_totals_reactions_update AFTER UPDATE OF stance ON reactions BEGIN\n"
        f"UPDATE store_totals SET {_reactions('OLD', '-')};\nUPDATE store_totals SET {_reactions('NEW', '+')};\nEND",
    ]
    for table in ("events", "actors"):
        statements += [
            f"CREATE TRIGGER tr_store_totals_{table}_insert AFTER INSERT ON {table} BEGIN\n"
            f"UPDATE store_totals SET {table} = {table} + 1;\nEND",
            f"CREATE TRIGGER tr_store_totals_{table}_delete AFTER DELETE ON {table} BEGIN\n"
            f"UPDATE store_totals SET {table} = {table} - 1;\nEND",
        ]
    return statements


def _postgresql_triggers() -> list[str]:
    return [
        "CREATE FUNCTION actor_events_follow() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
        f"  IF TG_OP = 'INSERT' THEN\n{_events_up('NEW')}\n  ELSE\n{_events_down('OLD')}\n  END IF;\n"
        "  RETURN NULL;\nEND $$",
        "CREATE TRIGGER tr_actor_events AFTER INSERT OR DELETE ON stance_actors "
        "FOR EACH ROW EXECUTE FUNCTION actor_events_follow()",
        "CREATE FUNCTION store_totals_follow() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
        "  IF TG_TABLE_NAME = 'reactions' THEN\n"
        f"    IF TG_OP IN ('DELETE', 'UPDATE') THEN\n      UPDATE store_totals SET {_reactions('OLD', '-')};\n"
        "    END IF;\n"
        f"    IF TG_OP IN ('INSERT', 'UPDATE') THEN\n      UPDATE store_totals SET {_reactions('NEW', '+')};\n"
        "    END IF;\n"
        "  ELSIF TG_TABLE_NAME = 'events' THEN\n"
        "    UPDATE store_totals SET events = events + CASE WHEN TG_OP = 'INSERT' THEN 1 ELSE -1 END;\n"
        "  ELSE\n"
        "    UPDATE store_totals SET actors = actors + CASE WHEN TG_OP = 'INSERT' THEN 1 ELSE -1 END;\n"
        "  END IF;\n"
        "  RETURN NULL;\nEND $$",
        # Deferred to commit: the one row every writer updates is locked last (see the docstring).
        "CREATE CONSTRAINT TRIGGER tr_store_totals_reactions AFTER INSERT OR DELETE OR UPDATE OF stance ON reactions "
        "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION store_totals_follow()",
        "CREATE CONSTRAINT TRIGGER tr_store_totals_events AFTER INSERT OR DELETE ON events "
        "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION store_totals_follow()",
        "CREATE CONSTRAINT TRIGGER tr_store_totals_actors AFTER INSERT OR DELETE ON actors "
        "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION store_totals_follow()",
    ]


def _install(conn: Connection) -> None:
    statements = _sqlite_triggers() if conn.dialect.name == "sqlite" else _postgresql_triggers()
    for statement in statements:
        conn.exec_driver_sql(statement)
    # Filled from what the store holds already, once, after the triggers exist (one transaction: no write between).
    conn.exec_driver_sql(f"INSERT INTO actor_events (actor_id, n) SELECT actor_id, count(*) FROM stance_actors "
                         f"WHERE {_IS_EVENT.format(row='stance_actors')} GROUP BY actor_id")
    stances = ", ".join(f"(SELECT count(*) FROM reactions WHERE stance = '{s}')" for s in _STANCES)
    conn.exec_driver_sql(f"INSERT INTO store_totals (id, events, actors, {', '.join(_STANCES)}) SELECT 1, "
                         f"(SELECT count(*) FROM events), (SELECT count(*) FROM actors), {stances}")


def _uninstall(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        names = ["actor_events_insert", "actor_events_delete", "store_totals_reactions_insert",
                 "store_totals_reactions_delete", "store_totals_reactions_update", "store_totals_events_insert",
                 "store_totals_events_delete", "store_totals_actors_insert", "store_totals_actors_delete"]
        for name in names:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS tr_{name}")
    else:
        for name, table in (("actor_events", "stance_actors"), ("store_totals_reactions", "reactions"),
                            ("store_totals_events", "events"), ("store_totals_actors", "actors")):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS tr_{name} ON {table}")
        conn.exec_driver_sql("DROP FUNCTION IF EXISTS actor_events_follow()")
        conn.exec_driver_sql("DROP FUNCTION IF EXISTS store_totals_follow()")


def upgrade() -> None:
    op.create_table('actor_events',
    sa.Column('actor_id', sa.String(length=32), nullable=False),
    sa.Column('n', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('actor_id')
    )
    op.create_table('store_totals',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('events', sa.Integer(), nullable=False),
    sa.Column('actors', sa.Integer(), nullable=False),
    sa.Column('support', sa.Integer(), nullable=False),
    sa.Column('oppose', sa.Integer(), nullable=False),
    sa.Column('neutral', sa.Integer(), nullable=False),
    sa.CheckConstraint('id = 1', name='ck_store_totals_one_row'),
    sa.PrimaryKeyConstraint('id')
    )
    for (table, name), columns in _INDEXES.items():
        op.create_index(name, table, columns, sqlite_where=sa.text(PARTIAL), postgresql_where=sa.text(PARTIAL))
    _install(op.get_bind())


def downgrade() -> None:
    _uninstall(op.get_bind())
    for (table, name) in _INDEXES:
        op.drop_index(name, table_name=table)
    op.drop_table('store_totals')
    op.drop_table('actor_events')
