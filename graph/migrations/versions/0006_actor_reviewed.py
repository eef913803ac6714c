"""actors a person corrected; an index for counting distinct actors

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27

`actors.reviewed` marks an actor whose name, kind, country, role or
organisation a person set (PATCH /api/actors/<id>): later ingests leave those
alone, as they leave a corrected reaction alone. Every actor stored before
was made by extraction, so they start unreviewed.

Event counts say how many distinct actors took each stance, not only how
many reactions (one actor quoted in three articles of an event is one
actor): `ix_reactions_event_stance_actor` and
`ix_reactions_country_stance_actor` make the count by stance an index-only
range of the event's (the country's) rows, with no sort, and
`ix_reactions_event_actor` the event's total.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN (with its default) on both databases: SQLite's batch mode would copy the
    # table, and dropping the old one fails while the reactions' foreign keys point at it.
    op.add_column('actors', sa.Column('reviewed', sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_index('ix_reactions_event_stance_actor', 'reactions', ['event_id', 'stance', 'actor_id'])
    op.create_index('ix_reactions_country_stance_actor', 'reactions', ['actor_country', 'stance', 'actor_id'])
    op.create_index('ix_reactions_event_actor', 'reactions', ['event_id', 'actor_id'])


def downgrade() -> None:
    op.drop_index('ix_reactions_event_actor', table_name='reactions')
    op.drop_index('ix_reactions_country_stance_actor', table_name='reactions')
    op.drop_index('ix_reactions_event_stance_actor', table_name='reactions')
    op.drop_column('actors', 'reviewed')
