"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('actors',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('role', sa.Text(), nullable=True),
    sa.Column('organization', sa.Text(), nullable=True),
    sa.CheckConstraint("kind IN ('person', 'organization', 'country')", name='ck_actors_kind'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('actors', schema=None) as batch_op:
        batch_op.create_index('ix_actors_country', ['country'], unique=False)
        batch_op.create_index('ix_actors_kind', ['kind'], unique=False)

    op.create_table('api_tokens',
    sa.Column('id', sa.String(length=16), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.Column('label', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('hash')
    )
    op.create_table('events',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('label', sa.Text(), nullable=False),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index('ix_events_created', ['created_at', 'id'], unique=False)

    op.create_table('actor_aliases',
    sa.Column('actor_id', sa.String(length=32), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('alias', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('actor_id', 'key')
    )
    with op.batch_alter_table('actor_aliases', schema=None) as batch_op:
        batch_op.create_index('ix_actor_aliases_key', ['key'], unique=False)

    op.create_table('actor_merges',
    sa.Column('source_id', sa.String(length=32), nullable=False),
    sa.Column('into_id', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['into_id'], ['actors.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('source_id')
    )
    op.create_table('articles',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('event_id', sa.String(length=32), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('ingested_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.create_index('ix_articles_event', ['event_id'], unique=False)
        batch_op.create_index('ix_articles_ingested', ['ingested_at', 'id'], unique=False)

    op.create_table('reactions',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('actor_id', sa.String(length=32), nullable=False),
    sa.Column('event_id', sa.String(length=32), nullable=False),
    sa.Column('article_id', sa.String(length=64), nullable=False),
    sa.Column('stance', sa.String(length=8), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('span_start', sa.Integer(), nullable=False),
    sa.Column('span_end', sa.Integer(), nullable=False),
    sa.Column('cue', sa.Text(), nullable=False),
    sa.Column('reviewed', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("stance IN ('support', 'oppose', 'neutral')", name='ck_reactions_stance'),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.id'], ),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('article_id', 'actor_id', name='uq_reactions_article_actor')
    )
    with op.batch_alter_table('reactions', schema=None) as batch_op:
        batch_op.create_index('ix_reactions_actor', ['actor_id'], unique=False)
        batch_op.create_index('ix_reactions_article', ['article_id'], unique=False)
        batch_op.create_index('ix_reactions_created', ['created_at', 'id'], unique=False)
        batch_op.create_index('ix_reactions_event_stance', ['event_id', 'stance'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('reactions', schema=None) as batch_op:
        batch_op.drop_index('ix_reactions_event_stance')
        batch_op.drop_index('ix_reactions_created')
        batch_op.drop_index('ix_reactions_article')
        batch_op.drop_index('ix_reactions_actor')

    op.drop_table('reactions')
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_index('ix_articles_ingested')
        batch_op.drop_index('ix_articles_event')

    op.drop_table('articles')
    op.drop_table('actor_merges')
    with op.batch_alter_table('actor_aliases', schema=None) as batch_op:
        batch_op.drop_index('ix_actor_aliases_key')

    op.drop_table('actor_aliases')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ix_events_created')

    op.drop_table('events')
    op.drop_table('api_tokens')
    with op.batch_alter_table('actors', schema=None) as batch_op:
        batch_op.drop_index('ix_actors_kind')
        batch_op.drop_index('ix_actors_country')

    op.drop_table('actors')
