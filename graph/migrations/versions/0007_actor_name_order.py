"""actors listed by name read an index range, not a sort of the table

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27

`GET /api/actors` pages by (name, id), alone or within one kind or one
country. Without an index in that order every page sorted all matching
actors first (a temporary B-tree over the whole table on SQLite). The kind
and country indexes gain (name, id) behind them, so they still serve plain
lookups by kind or country.
"""

from __future__ import annotations

from alembic import op


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_actors_name', 'actors', ['name', 'id'])
    op.drop_index('ix_actors_kind', table_name='actors')
    op.create_index('ix_actors_kind', 'actors', ['kind', 'name', 'id'])
    op.drop_index('ix_actors_country', table_name='actors')
    op.create_index('ix_actors_country', 'actors', ['country', 'name', 'id'])


def downgrade() -> None:
    op.drop_index('ix_actors_country', table_name='actors')
    op.create_index('ix_actors_country', 'actors', ['country'])
    op.drop_index('ix_actors_kind', table_name='actors')
    op.create_index('ix_actors_kind', 'actors', ['kind'])
    op.drop_index('ix_actors_name', table_name='actors')
