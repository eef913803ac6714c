"""a page of reactions names each one's article from the reaction row, not by a join to articles

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-28

Every page of reactions shows each one's article title and publication
date. They came from a join to `articles`, whose rows carry the article's
whole text: on a store of 100,000 reactions the 50 look-ups of a page read
50 pages of article text for a title and a date, a third of the page's SQL
time (bench/RESULTS.md). Both are now copied onto the reaction when it is
stored. They never change afterwards: an article is stored once, its title
and date are never edited, and a reaction never moves to another article
(merges move reactions between events and actors, not articles), so the
copy needs no trigger to keep it true. The publication-date filters of the
reaction lists (`since`, `until`) read the copy too.

Existing reactions are filled from their articles here.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN, not batch mode: on SQLite a batch rebuild of `reactions` would drop its triggers.
    op.add_column('reactions', sa.Column('article_title', sa.Text(), nullable=True))
    op.add_column('reactions', sa.Column('article_published', sa.Date(), nullable=True))
    op.execute("UPDATE reactions SET "
               "article_title = (SELECT title FROM articles WHERE articles.id = reactions.article_id), "
               "article_published = (SELECT published FROM articles WHERE articles.id = reactions.article_id)")


def downgrade() -> None:
    # SQLite (3.35+) drops a column without a rebuild when no index or constraint names it.
    op.drop_column('reactions', 'article_published')
    op.drop_column('reactions', 'article_title')
