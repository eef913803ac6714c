"""The networkx view of a scope of the store.

Nodes are events, actors, countries and articles; edges are `reacted`
(actor -> event), `affiliated_with` (actor -> country) and `reports`
(article -> event). Every attribute is a str, float or bool and never None,
so every networkx writer (GraphML, GEXF, JSON) accepts the graph as it is.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import networkx as nx

from .countries import gazetteer
from .models import Actor
from .queries import Scope


def event_node(event_id: str) -> str:
    """Node id of an event."""
    return f"event:{event_id}"


def actor_node(actor: Actor) -> str:
    """Node id of an actor; a country that reacts is its country node."""
    return actor_node_of(actor.id, actor.kind, actor.country)


def actor_node_of(actor_id: str, kind: str, country: str | None) -> str:
    """Node id of the actor with this id, kind and country."""
    if kind == "country" and country:
        return country_node(country)
    return f"actor:{actor_id}"


def country_node(code: str) -> str:
    """Node id of a country: one shared node per ISO code."""
    return f"country:{code}"


def article_node(article_id: str) -> str:
    """Node id of an article."""
    return f"article:{article_id}"


# Every attribute a node or edge can carry, with its type: writers that stream
# declare them up front (GraphML keys, GEXF attributes).
NODE_ATTRIBUTES: dict[str, type] = {
    "type": str, "label": str, "date": str, "url": str, "source": str, "published": str, "kind": str,
    "country": str, "role": str, "organization": str, "aliases": str,
}
EDGE_ATTRIBUTES: dict[str, type] = {
    "relation": str, "stance": str, "confidence": float, "weight": float, "reviewed": bool, "quote": str,
    "cue": str, "article": str, "article_title": str, "date": str, "note": str,
}
REPORTS = {"relation": "reports"}
AFFILIATED = {"relation": "affiliated_with"}


# Edge keys are unique across the whole graph, not only between two nodes:
# GraphML and GEXF write them as edge ids, and Gephi silently drops an edge
# whose id it has already seen. A reaction's key is its id; the others are
# named by the one row they come from, so they are stable across exports.

def reports_key(article_id: str) -> str:
    """Key (and GraphML/GEXF edge id) of the edge from an article to its event."""
    return f"reports:{article_id}"


def affiliated_key(actor_id: str) -> str:
    """Key (and GraphML/GEXF edge id) of the edge from an actor to its country."""
    return f"affiliated_with:{actor_id}"


def _attrs(**values: Any) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None and v != ""}


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def event_attrs(label: str, date: dt.date | None) -> dict[str, Any]:
    """Attributes of an event node."""
    return {"type": "event", "label": label, **_attrs(date=_iso(date))}


def article_attrs(label: str, url: str | None, source: str | None, published: dt.date | None) -> dict[str, Any]:
    """Attributes of an article node; `label` is its title, else the start of its text."""
    return {"type": "article", **_attrs(label=label, url=url, source=source, published=_iso(published))}


def article_label(title: str | None, text: str) -> str:
    """An article's label: its title, else its first 80 characters."""
    return title or text[:80]


def actor_attrs(name: str, kind: str, country: str | None, role: str | None, organization: str | None,
                aliases: str) -> dict[str, Any]:
    """Attributes of an actor node (or of a country node, for a country that reacts)."""
    return _attrs(type="country" if kind == "country" else "actor", kind=kind, label=name, country=country,
                  role=role, organization=organization, aliases=aliases)


def country_attrs(code: str) -> dict[str, Any]:
    """Attributes of a country node no country actor describes."""
    return {"type": "country", "kind": "country", "label": gazetteer().name(code), "country": code}


def reacted_attrs(stance: str, confidence: float, reviewed: bool, quote: str, cue: str, article: str,
                  article_title: str | None, published: dt.date | None, note: str | None) -> dict[str, Any]:
    """Attributes of a `reacted` edge; `weight` repeats the confidence, as Gephi and Cytoscape weigh edges by it."""
    return {"relation": "reacted", "stance": stance, "confidence": float(confidence), "weight": float(confidence),
            "reviewed": bool(reviewed),
            **_attrs(quote=quote, cue=cue, article=article, article_title=article_title, date=_iso(published),
                     note=note)}


def build_graph(scope: Scope) -> nx.MultiDiGraph:
    """A MultiDiGraph of the rows in `scope` (graph.stream yields the same from SQL, for exports)."""
    g = nx.MultiDiGraph()
    for ev in scope.events:
        g.add_node(event_node(ev.id), **event_attrs(ev.label, ev.date))
    articles = {a.id: a for a in scope.articles}
    for art in scope.articles:
        g.add_node(article_node(art.id), **article_attrs(article_label(art.title, art.text), art.url, art.source,
                                                         art.published))
        event_id = scope.article_events.get(art.id)
        if event_id and g.has_node(event_node(event_id)):
            g.add_edge(article_node(art.id), event_node(event_id), key=reports_key(art.id), **REPORTS)
    actors = {a.id: a for a in scope.actors}
    for actor in scope.actors:
        node = actor_node(actor)
        g.add_node(node, **actor_attrs(actor.name, actor.kind, actor.country, actor.role, actor.organization,
                                       "; ".join(actor.aliases)))
        if actor.kind != "country" and actor.country:
            code = actor.country
            if not g.has_node(country_node(code)):
                g.add_node(country_node(code), **country_attrs(code))
            g.add_edge(node, country_node(code), key=affiliated_key(actor.id), **AFFILIATED)
    for r in scope.reactions:
        actor = actors.get(r.actor)
        article = articles.get(r.article)
        if actor is None:
            continue
        g.add_edge(actor_node(actor), event_node(r.event), key=r.id, **reacted_attrs(
            r.stance, r.confidence, r.reviewed, r.evidence, r.cue, r.article, article.title if article else None,
            article.published if article else None, r.note))
    return g
