"""The graph of a scope as a stream of nodes and edges, read from SQL.

Exports of a whole store cannot build the graph in memory first: a year of
reactions is millions of edges. Here rows are read from server-side
cursors and turned into nodes and edges one at a time, with the same ids
and attributes as `graph.network.build_graph` (a test compares the two), so
memory stays flat whatever the store's size.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import networkx as nx
from sqlalchemy import Engine, Select, func, select

from . import network as net
from . import schema as t
from .queries import scope_filter

Node = tuple[str, dict[str, Any]]
Edge = tuple[str, str, str, dict[str, Any]]  # source, target, key, attributes
_BATCH = 2000


@dataclass(frozen=True)
class GraphStream:
    """A graph to be written: nodes first, then edges, each iterated once."""

    nodes: Callable[[], Iterator[Node]]
    edges: Callable[[], Iterator[Edge]]
    node_attributes: dict[str, type]
    edge_attributes: dict[str, type]


def from_networkx(g: nx.MultiDiGraph) -> GraphStream:
    """A stream over a graph already in memory; attribute types are read off its values."""
    def types(items: Iterator[dict[str, Any]]) -> dict[str, type]:
        found: dict[str, type] = {}
        for data in items:
            for k, v in data.items():
                if v is not None:
                    found[str(k)] = str if found.get(str(k), type(v)) is not type(v) else type(v)
        return found

    return GraphStream(nodes=lambda: iter(g.nodes(data=True)),
                       edges=lambda: ((u, v, k, d) for u, v, k, d in g.edges(keys=True, data=True)),
                       node_attributes=types(d for _, d in g.nodes(data=True)),
                       edge_attributes=types(d for _, _, d in g.edges(data=True)))


class _Scope:
    """One scope's WHERE clauses (graph.queries.scope_filter), and rows read in batches."""

    def __init__(self, engine: Engine, event_id: str | None, actor_id: str | None) -> None:
        self.engine = engine
        with engine.connect() as conn:
            self.where = scope_filter(conn, event_id, actor_id)

    def rows(self, query: Select[Any]) -> Iterator[Any]:
        with self.engine.connect() as conn:
            result = conn.execution_options(stream_results=True, yield_per=_BATCH).execute(query)
            yield from result


def _aliases(scope: _Scope) -> Iterator[tuple[str, list[str]]]:
    """(actor id, its aliases) in actor id order, read alongside the actors."""
    query = (select(t.actor_aliases.c.actor_id, t.actor_aliases.c.key, t.actor_aliases.c.alias)
             .where(t.actor_aliases.c.actor_id.in_(select(t.actors.c.id).where(scope.where.actors)))
             .order_by(t.actor_aliases.c.actor_id, t.actor_aliases.c.key))
    current, names = None, []
    for row in scope.rows(query):
        if row.actor_id != current:
            if current is not None:
                yield current, names
            current, names = row.actor_id, []
        names.append(row.alias)
    if current is not None:
        yield current, names


def _nodes(scope: _Scope) -> Iterator[Node]:
    for row in scope.rows(select(t.events.c.id, t.events.c.label, t.events.c.date).where(scope.where.events)
                          .order_by(t.events.c.id)):
        yield net.event_node(row.id), net.event_attrs(row.label, row.date)
    label = func.coalesce(func.nullif(t.articles.c.title, ""), func.substr(t.articles.c.text, 1, 80))
    for row in scope.rows(select(t.articles.c.id, label.label("label"), t.articles.c.url, t.articles.c.source,
                                 t.articles.c.published).where(scope.where.articles).order_by(t.articles.c.id)):
        yield net.article_node(row.id), net.article_attrs(row.label, row.url, row.source, row.published)
    countries: dict[str, dict[str, Any]] = {}  # code -> attributes of the country actors named by it
    affiliated: set[str] = set()
    aliases = _aliases(scope)
    pending = next(aliases, None)
    for row in scope.rows(select(t.actors).where(scope.where.actors).order_by(t.actors.c.id)):
        # The actors with aliases are a subsequence of the actors, in the same (database) order.
        names: list[str] = []
        if pending is not None and pending[0] == row.id:
            names = pending[1]
            pending = next(aliases, None)
        attrs = net.actor_attrs(row.name, row.kind, row.country, row.role, row.organization,
                                "; ".join(n for n in names if n != row.name))
        if row.kind == "country" and row.country:
            countries.setdefault(row.country, {}).update(attrs)  # as networkx merges a node added twice
            continue
        yield net.actor_node_of(row.id, row.kind, row.country), attrs
        if row.kind != "country" and row.country:
            affiliated.add(row.country)
    for code in sorted(affiliated | set(countries)):
        yield net.country_node(code), countries.get(code) or net.country_attrs(code)


def _edges(scope: _Scope) -> Iterator[Edge]:
    in_scope = select(t.events.c.id).where(scope.where.events)
    for row in scope.rows(select(t.articles.c.id, t.articles.c.event_id)
                          .where(scope.where.articles, t.articles.c.event_id.in_(in_scope))
                          .order_by(t.articles.c.id)):
        yield net.article_node(row.id), net.event_node(row.event_id), net.reports_key(row.id), dict(net.REPORTS)
    for row in scope.rows(select(t.actors.c.id, t.actors.c.kind, t.actors.c.country)
                          .where(scope.where.actors, t.actors.c.kind != "country", t.actors.c.country.is_not(None))
                          .order_by(t.actors.c.id)):
        yield (net.actor_node_of(row.id, row.kind, row.country), net.country_node(row.country),
               net.affiliated_key(row.id), dict(net.AFFILIATED))
    r = t.reactions
    query = (select(r.c.id, r.c.actor_id, r.c.actor_kind, r.c.actor_country, r.c.event_id, r.c.article_id,
                    r.c.stance, r.c.confidence, r.c.reviewed, r.c.evidence, r.c.cue, r.c.note,
                    t.articles.c.title, t.articles.c.published)
             .join(t.articles, t.articles.c.id == r.c.article_id)
             .where(scope.where.reactions).order_by(r.c.id))
    for row in scope.rows(query):
        yield (net.actor_node_of(row.actor_id, row.actor_kind, row.actor_country), net.event_node(row.event_id),
               row.id, net.reacted_attrs(row.stance, row.confidence, row.reviewed, row.evidence, row.cue,
                                         row.article_id, row.title, row.published, row.note))


def from_store(engine: Engine, event_id: str | None = None, actor_id: str | None = None) -> GraphStream:
    """The graph of everything, one event, or one actor's neighbourhood, streamed from the store.

    Unknown ids raise NotFound now, not halfway through writing a file.
    """
    scope = _Scope(engine, event_id, actor_id)
    return GraphStream(nodes=lambda: _nodes(scope), edges=lambda: _edges(scope),
                       node_attributes=net.NODE_ATTRIBUTES, edge_attributes=net.EDGE_ATTRIBUTES)
