"""The SQL schema: the store is the source of truth for the graph.

Plain SQLAlchemy Core tables that work on SQLite and PostgreSQL alike. Ids
are short hashes made by the store, so two processes that store the same
thing make the same id.
"""

from __future__ import annotations

from sqlalchemy import (Boolean, CheckConstraint, Column, Date, DateTime, Float, ForeignKey, Index,
                        Integer, MetaData, String, Table, Text, UniqueConstraint, false, text)

metadata = MetaData()

events = Table(
    "events", metadata,
    Column("id", String(32), primary_key=True),
    Column("label", Text, nullable=False),
    Column("date", Date),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("terms", Text),  # space-separated topic terms, to match later articles to the event
    Index("ix_events_created", "created_at", "id"),
    Index("ix_events_date", "date"),
)

articles = Table(
    "articles", metadata,
    Column("id", String(64), primary_key=True),
    Column("event_id", String(32), ForeignKey("events.id"), nullable=False),
    Column("title", Text),
    Column("url", Text),
    Column("published", Date),
    Column("source", Text),
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Index("ix_articles_event", "event_id"),
    Index("ix_articles_ingested", "ingested_at", "id"),
)

actors = Table(
    "actors", metadata,
    Column("id", String(32), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("country", String(2)),
    Column("role", Text),
    Column("organization", Text),
    # Set by a person (PATCH /api/actors/<id>): ingests never change it again.
    Column("reviewed", Boolean, nullable=False, default=False, server_default=false()),
    CheckConstraint("kind IN ('person', 'organization', 'country')", name="ck_actors_kind"),
    # /api/actors pages by (name, id), alone or within a kind or a country (migration 0007).
    Index("ix_actors_name", "name", "id"),
    Index("ix_actors_country", "country", "name", "id"),
    Index("ix_actors_kind", "kind", "name", "id"),
)

actor_aliases = Table(
    "actor_aliases", metadata,
    Column("actor_id", String(32), ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True),
    Column("key", String(200), primary_key=True),  # folded form used for matching
    Column("alias", Text, nullable=False),
    Index("ix_actor_aliases_key", "key"),
)

reactions = Table(
    "reactions", metadata,
    Column("id", String(32), primary_key=True),
    Column("actor_id", String(32), ForeignKey("actors.id"), nullable=False),
    Column("event_id", String(32), ForeignKey("events.id"), nullable=False),
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("stance", String(8), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("evidence", Text, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("cue", Text, nullable=False),
    Column("reviewed", Boolean, nullable=False, default=False),
    Column("note", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
    # Copies of the actor's kind and country, kept in step by the store, so
    # that "reactions of Russia's actors, newest first" is one index range
    # instead of a join that sorts every match.
    Column("actor_kind", String(16), nullable=False),
    Column("actor_country", String(2)),
    # Copies of the article's title and publication date, which never change, so a page of
    # reactions reads no article row (whose text makes each look-up a page read; migration 0011).
    Column("article_title", Text),
    Column("article_published", Date),
    CheckConstraint("stance IN ('support', 'oppose', 'neutral')", name="ck_reactions_stance"),
    UniqueConstraint("article_id", "actor_id", name="uq_reactions_article_actor"),
    # One index per list the API pages through, in its sort order (keyset paging).
    Index("ix_reactions_event_confidence", "event_id", "confidence", "id"),
    Index("ix_reactions_event_created", "event_id", "created_at", "id"),
    Index("ix_reactions_actor_created", "actor_id", "created_at", "id"),
    Index("ix_reactions_country_stance_created", "actor_country", "stance", "created_at", "id"),
    Index("ix_reactions_country_created", "actor_country", "created_at", "id"),
    Index("ix_reactions_stance_created", "stance", "created_at", "id"),
    Index("ix_reactions_kind_created", "actor_kind", "created_at", "id"),
    Index("ix_reactions_article", "article_id"),
    Index("ix_reactions_created", "created_at", "id"),
    # Each party's events and stances, for alignment (graph.alignment): an index scan, not a read of every quote.
    Index("ix_reactions_actor_event", "actor_id", "event_id", "stance"),
    Index("ix_reactions_country_actor_event", "actor_country", "actor_id", "event_id", "stance"),
    # Distinct actors of an event (a country) by stance, for their counts: an index-only range.
    Index("ix_reactions_event_stance_actor", "event_id", "stance", "actor_id"),
    Index("ix_reactions_country_stance_actor", "actor_country", "stance", "actor_id"),
    Index("ix_reactions_event_actor", "event_id", "actor_id"),
)

# Reactions counted by stance for every event, actor and country node
# ("event:<id>", "actor:<id>", "country:<code>"), so a profile's counts are
# one row each, not a scan of a busy actor's tens of thousands of reactions.
# Database triggers (migration 0003) keep it in step with `reactions`,
# whatever writes them.
stance_counts = Table(
    "stance_counts", metadata,
    Column("node", String(80), primary_key=True),
    Column("stance", String(8), primary_key=True),
    Column("n", Integer, nullable=False),
)

# Distinct actors by stance of each event and country ("event:<id>", "country:<code>"; stance ''
# for any stance): `stance_actors` counts each actor's reactions there, `actor_counts` how many actors
# each (node, stance) has, so lists read counts instead of scanning reactions. Triggers (migration 0008)
# keep both in step with `reactions`.
stance_actors = Table(
    "stance_actors", metadata,
    Column("node", String(80), primary_key=True),
    Column("stance", String(8), primary_key=True),
    Column("actor_id", String(32), primary_key=True),
    Column("n", Integer, nullable=False),
    # An event's most-reacting actors, and the events an actor reacted to most: index ranges (migration 0009).
    # Only the rows of any stance (''), which are all pages read: half the index writes of every reaction.
    Index("ix_stance_actors_top", "node", "stance", "n", "actor_id", sqlite_where=text("stance = ''"),
          postgresql_where=text("stance = ''")),
    Index("ix_stance_actors_actor", "actor_id", "stance", "n", "node", sqlite_where=text("stance = ''"),
          postgresql_where=text("stance = ''")),
)
actor_counts = Table(
    "actor_counts", metadata,
    Column("node", String(80), primary_key=True),
    Column("stance", String(8), primary_key=True),
    Column("n", Integer, nullable=False),
    # The events with the most actors, first: the busiest events a graph page draws (migration 0009).
    Index("ix_actor_counts_busiest", "stance", "n", "node", sqlite_where=text("stance = ''"),
          postgresql_where=text("stance = ''")),
)

# What a graph page says it leaves out, read from counters instead of counted
# over the store (migration 0009, kept by triggers): the events each actor
# reacted to, and in one row the store's events, actors and reactions by stance.
actor_events = Table(
    "actor_events", metadata,
    Column("actor_id", String(32), primary_key=True),
    Column("n", Integer, nullable=False),
)
store_totals = Table(
    "store_totals", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("events", Integer, nullable=False),
    Column("actors", Integer, nullable=False),
    Column("support", Integer, nullable=False),
    Column("oppose", Integer, nullable=False),
    Column("neutral", Integer, nullable=False),
    CheckConstraint("id = 1", name="ck_store_totals_one_row"),
)

# Each event's articles, reactions by stance and distinct actors by stance and in all, in one row,
# so a page of events is one statement (migration 0010, kept by triggers).
event_totals = Table(
    "event_totals", metadata,
    Column("event_id", String(32), primary_key=True),
    *(Column(name, Integer, nullable=False) for name in (
        "articles", "support", "oppose", "neutral", "actors", "actors_support", "actors_oppose", "actors_neutral")),
)

# In how many stored articles each topic term occurs (graph.extract.event.topic),
# so event matching can tell a rare term from a common one. The row with the
# empty term counts the articles. A statistic: deleting an article leaves it.
topic_terms = Table(
    "topic_terms", metadata,
    Column("term", String(64), primary_key=True),
    Column("articles", Integer, nullable=False),
)

# When one actor is merged into another, later ingests of the old identity
# land on the new one.
actor_merges = Table(
    "actor_merges", metadata,
    Column("source_id", String(32), primary_key=True),
    Column("into_id", String(32), ForeignKey("actors.id", ondelete="CASCADE"), nullable=False),
)

# API tokens: only a hash of each token is kept.
tokens = Table(
    "api_tokens", metadata,
    Column("id", String(16), primary_key=True),
    Column("hash", String(64), nullable=False, unique=True),
    Column("label", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True)),
)
