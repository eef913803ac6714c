"""indexes for alignment: each actor's (and country's) events and stances

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27

Alignment ranks parties by their number of events and reads their
positions (graph.alignment). Without these, both read every reaction row,
quotes and all: 20 s for a whole store of a million reactions on SQLite;
with them, an index scan (0.6 s).
"""

from __future__ import annotations

from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_reactions_actor_event', 'reactions', ['actor_id', 'event_id', 'stance'])
    op.create_index('ix_reactions_country_actor_event', 'reactions',
                    ['actor_country', 'actor_id', 'event_id', 'stance'])


def downgrade() -> None:
    op.drop_index('ix_reactions_country_actor_event', table_name='reactions')
    op.drop_index('ix_reactions_actor_event', table_name='reactions')
