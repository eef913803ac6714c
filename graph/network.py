"""The networkx view of a scope of the store.

Nodes are events, actors, countries and articles; edges are `reacted`
(actor -> event), `affiliated_with` (actor -> country) and `reports`
(article -> event). Every attribute is a str, float or bool and never None,
so every networkx writer (GraphML, GEXF, JSON) accepts the graph as it is.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from .extract.countries import gazetteer
from .models import Actor
from .queries import Scope


def event_node(event_id: str) -> str:
    """Node id of an event."""
    return f"event:{event_id}"


def actor_node(actor: Actor) -> str:
    """Node id of an actor; a country that reacts is its country node."""
    if actor.kind == "country" and actor.country:
        return country_node(actor.country)
    return f"actor:{actor.id}"


def country_node(code: str) -> str:
    """Node id of a country: one shared node per ISO code."""
    return f"country:{code}"


def article_node(article_id: str) -> str:
    """Node id of an article."""
    return f"article:{article_id}"


def _attrs(**values: Any) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None and v != ""}


def build_graph(scope: Scope) -> nx.MultiDiGraph:
    """A MultiDiGraph of the rows in `scope`."""
    g = nx.MultiDiGraph()
    places = gazetteer()
    for ev in scope.events:
        g.add_node(event_node(ev.id), type="event", label=ev.label, **_attrs(date=ev.date and ev.date.isoformat()))
    articles = {a.id: a for a in scope.articles}
    for art in scope.articles:
        g.add_node(article_node(art.id), type="article", **_attrs(
            label=art.title or art.text[:80], url=art.url, source=art.source,
            published=art.published and art.published.isoformat()))
        event_id = scope.article_events.get(art.id)
        if event_id and g.has_node(event_node(event_id)):
            g.add_edge(article_node(art.id), event_node(event_id), key="reports", relation="reports")
    actors = {a.id: a for a in scope.actors}
    for actor in scope.actors:
        node = actor_node(actor)
        attrs = _attrs(type="country" if actor.kind == "country" else "actor", kind=actor.kind, label=actor.name,
                       country=actor.country, role=actor.role, organization=actor.organization,
                       aliases="; ".join(actor.aliases))
        g.add_node(node, **attrs)
        if actor.kind != "country" and actor.country:
            code = actor.country
            if not g.has_node(country_node(code)):
                g.add_node(country_node(code), type="country", kind="country", label=places.name(code), country=code)
            g.add_edge(node, country_node(code), key="affiliated_with", relation="affiliated_with")
    for r in scope.reactions:
        actor = actors.get(r.actor)
        article = articles.get(r.article)
        if actor is None:
            continue
        g.add_edge(actor_node(actor), event_node(r.event), key=r.id, relation="reacted", stance=r.stance,
                   confidence=float(r.confidence), reviewed=r.reviewed, **_attrs(
                       quote=r.evidence, cue=r.cue, article=r.article,
                       article_title=article.title if article else None,
                       date=article.published.isoformat() if article and article.published else None,
                       note=r.note))
    return g
