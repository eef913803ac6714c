"""reaction lists at scale: actor kind and country on reactions, one index per paged list, stance counts

`stance_counts` is kept equal to counting `reactions` by database
triggers: every write path (ingest, corrections, merges, deletes, bulk
loads) changes reactions through SQL, so the database is the one place the
count cannot be forgotten. Each reaction counts once for its event, its
actor and, when known, its actor's country; a count that reaches zero is
removed. On SQLite, a later migration that rebuilds `reactions` (batch
mode) drops these triggers and must create them again.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy import Connection


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

_NEW_INDEXES = {
    'ix_reactions_event_confidence': ['event_id', 'confidence', 'id'],
    'ix_reactions_event_created': ['event_id', 'created_at', 'id'],
    'ix_reactions_actor_created': ['actor_id', 'created_at', 'id'],
    'ix_reactions_country_stance_created': ['actor_country', 'stance', 'created_at', 'id'],
    'ix_reactions_country_created': ['actor_country', 'created_at', 'id'],
    'ix_reactions_stance_created': ['stance', 'created_at', 'id'],
    'ix_reactions_kind_created': ['actor_kind', 'created_at', 'id'],
}


_NODES = (("'event:' || {row}.event_id", None), ("'actor:' || {row}.actor_id", None),
          ("'country:' || {row}.actor_country", "{row}.actor_country IS NOT NULL"))
_WATCHED = "actor_id, event_id, stance, actor_country"


def _add(row: str, indent: str) -> str:
    lines = []
    for node, condition in _NODES:
        select = f"SELECT {node.format(row=row)}, {row}.stance, 1"
        if condition:
            select += f" WHERE {condition.format(row=row)}"
        else:
            select += " WHERE true"  # SQLite needs a WHERE before an upsert's ON CONFLICT after a SELECT
        lines.append(f"{indent}INSERT INTO stance_counts (node, stance, n) {select} "
                     f"ON CONFLICT (node, stance) DO UPDATE SET n = stance_counts.n + 1;")
    return "\n".join(lines)


def _remove(row: str, indent: str) -> str:
    nodes = ", ".join(node.format(row=row) for node, _ in _NODES)
    return (f"{indent}UPDATE stance_counts SET n = n - 1 WHERE stance = {row}.stance AND node IN ({nodes});\n"
            f"{indent}DELETE FROM stance_counts WHERE n <= 0 AND stance = {row}.stance AND node IN ({nodes});")


def _sqlite_triggers() -> list[str]:
    """CREATE TRIGGER statements for SQLite."""
    return [
        f"CREATE TRIGGER tr_stance_counts_insert AFTER INSERT ON reactions BEGIN\n{_add('NEW', '  ')}\nEND",
        f"CREATE TRIGGER tr_stance_counts_delete AFTER DELETE ON reactions BEGIN\n{_remove('OLD', '  ')}\nEND",
        f"CREATE TRIGGER tr_stance_counts_update AFTER UPDATE OF {_WATCHED} ON reactions BEGIN\n"
        f"{_remove('OLD', '  ')}\n{_add('NEW', '  ')}\nEND",
    ]


def _postgresql_triggers() -> list[str]:
    """The trigger function and trigger for PostgreSQL."""
    return [
        "CREATE FUNCTION stance_counts_follow() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
        f"  IF TG_OP IN ('DELETE', 'UPDATE') THEN\n{_remove('OLD', '    ')}\n  END IF;\n"
        f"  IF TG_OP IN ('INSERT', 'UPDATE') THEN\n{_add('NEW', '    ')}\n  END IF;\n"
        "  RETURN NULL;\nEND $$",
        f"CREATE TRIGGER tr_stance_counts AFTER INSERT OR DELETE OR UPDATE OF {_WATCHED} ON reactions "
        "FOR EACH ROW EXECUTE FUNCTION stance_counts_follow()",
    ]


def _install(conn: Connection) -> None:
    statements = _sqlite_triggers() if conn.dialect.name == "sqlite" else _postgresql_triggers()
    for statement in statements:
        conn.exec_driver_sql(statement)
    for node, condition in _NODES:
        where = f" WHERE {condition.format(row='reactions')}" if condition else ""
        conn.exec_driver_sql(f"INSERT INTO stance_counts (node, stance, n) SELECT {node.format(row='reactions')}, "
                             f"reactions.stance, count(*) FROM reactions{where} GROUP BY 1, 2")


def _uninstall(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        for name in ("insert", "delete", "update"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS tr_stance_counts_{name}")
    else:
        conn.exec_driver_sql("DROP TRIGGER IF EXISTS tr_stance_counts ON reactions")
        conn.exec_driver_sql("DROP FUNCTION IF EXISTS stance_counts_follow()")


def upgrade() -> None:
    with op.batch_alter_table('reactions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('actor_kind', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('actor_country', sa.String(length=2), nullable=True))
    op.execute("UPDATE reactions SET actor_kind = (SELECT kind FROM actors WHERE actors.id = reactions.actor_id), "
               "actor_country = (SELECT country FROM actors WHERE actors.id = reactions.actor_id)")
    with op.batch_alter_table('reactions', schema=None) as batch_op:
        batch_op.alter_column('actor_kind', existing_type=sa.String(length=16), nullable=False)
        batch_op.drop_index('ix_reactions_event_stance')
        batch_op.drop_index('ix_reactions_actor')
        for name, columns in _NEW_INDEXES.items():
            batch_op.create_index(name, columns, unique=False)
    op.create_table('stance_counts',
    sa.Column('node', sa.String(length=80), nullable=False),
    sa.Column('stance', sa.String(length=8), nullable=False),
    sa.Column('n', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('node', 'stance')
    )
    _install(op.get_bind())


def downgrade() -> None:
    _uninstall(op.get_bind())
    op.drop_table('stance_counts')
    with op.batch_alter_table('reactions', schema=None) as batch_op:
        for name in _NEW_INDEXES:
            batch_op.drop_index(name)
        batch_op.create_index('ix_reactions_actor', ['actor_id'], unique=False)
        batch_op.create_index('ix_reactions_event_stance', ['event_id', 'stance'], unique=False)
        batch_op.drop_column('actor_country')
        batch_op.drop_column('actor_kind')
