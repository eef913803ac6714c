"""topic term document frequencies

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24

Event matching weighs each topic term by how many stored articles have it.
Stores made before this start counting from their next ingest: the articles
already stored kept no terms of their own to count.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'topic_terms',
        sa.Column('term', sa.String(length=64), nullable=False),
        sa.Column('articles', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('term'),
    )


def downgrade() -> None:
    op.drop_table('topic_terms')
