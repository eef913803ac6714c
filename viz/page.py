"""Building the stance-graph page from a networkx graph of the store."""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import quote, urlsplit

import networkx as nx
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup
from pyvis.network import Network

from graph.countries import gazetteer

from .colours import country_colour
from .layout import ACTOR_LABEL_WIDTH, EVENT_LABEL_WIDTH, event_label_lift, positions, sides

STANCE_COLOURS = {"support": "#2e9d4a", "oppose": "#d0342c", "neutral": "#9a9a9a"}
SHAPES = {"event": "star", "person": "dot", "organization": "square", "country": "diamond"}
_PALETTE = [  # coalition colours on the alignment page (a country's colour: viz.colours)
    "#1f77b4", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#393b79",
    "#637939", "#8c6d31", "#843c39", "#7b4173"]
_VIS_VERSION = "vis-9.1.2"


@dataclass(frozen=True)
class VizLimits:
    """How big a page may get, and from when the layout is precomputed."""

    max_nodes: int = 2_000
    physics_max_nodes: int = 300
    max_edges: int = 5_000


@dataclass(frozen=True)
class Whole:
    """How big the whole scope is, when the graph given is only the part drawn of it."""

    counts: dict[str, int]  # its reactions by stance
    events: int
    actors: int
    # How many of its events `counts` and `actors` cover, when only those drawn were counted (an actor's page
    # of more events than it draws: counting the rest would cost as much as drawing them).
    counted: int | None = None


class Row(NamedTuple):
    """One reaction as the page's table lists it: what its edge in the drawing does not already carry.

    Sent as a JSON array (keys repeated 20,000 times weighed megabytes); the
    page's script joins it to its edge and actor, and writes every value as
    text.
    """

    edge: str  # the id of its edge in the drawing
    confidence: float
    quote: str
    article_title: str
    source: str  # the link's text: the outlet, else the address's host, else "article"
    href: str  # the article's own address when it is http(s), else its JSON in the API
    date: str


@functools.cache
def _environment() -> Environment:
    return Environment(loader=PackageLoader("viz", "templates"), autoescape=select_autoescape(default=True))


@functools.cache
def _vis_assets() -> tuple[Markup, Markup]:
    """vis-network's JS and CSS as shipped inside pyvis, for inlining."""
    lib = Path(Network(cdn_resources="in_line").template_dir) / "lib" / _VIS_VERSION
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    if "</script" in js.lower() or "</style" in css.lower():
        raise RuntimeError("vis-network assets cannot be inlined safely")
    return Markup(js), Markup(css)  # trusted: the library's own files, checked above


def _cap(g: nx.MultiDiGraph, max_nodes: int) -> tuple[nx.MultiDiGraph, str | None]:
    """Keep the most-reacting actors when the graph has more nodes than `max_nodes`."""
    keep = [n for n, d in g.nodes(data=True) if d.get("type") in ("event", "actor", "country")]
    view = g.subgraph(keep)
    if view.number_of_nodes() <= max_nodes:
        return nx.MultiDiGraph(view), None
    reactions = Counter(u for u, _, d in view.edges(data=True) if d.get("relation") == "reacted")
    events = sorted((n for n, d in view.nodes(data=True) if d["type"] == "event"),
                    key=lambda n: (-view.in_degree(n), n))[: max(1, max_nodes // 10)]
    actors = sorted((n for n in reactions if n not in events), key=lambda n: (-reactions[n], n))
    chosen = set(events)
    for actor in actors:
        if len(chosen) >= max_nodes:
            break
        chosen.add(actor)
        chosen.update(v for _, v, d in view.out_edges(actor, data=True) if d["relation"] == "affiliated_with")
    capped = nx.MultiDiGraph(view.subgraph(chosen))
    shown = sum(1 for n in capped if n in reactions)
    notice = (f"Showing the {shown:,} most-reacting actors of {len(reactions):,} "
              f"({capped.number_of_nodes():,} of {view.number_of_nodes():,} nodes). "
              "Narrow the scope, or export the graph for all of it.")
    return capped, notice


def _node_title(data: dict[str, Any], counts: Counter[str]) -> str:
    lines = [data.get("label", "")]
    if data["type"] == "event":
        lines.append(f"event{', ' + data['date'] if data.get('date') else ''}")
    else:
        lines.append(data.get("kind", data["type"]))
        for key in ("role", "organization"):
            if data.get(key):
                lines.append(f"{key}: {data[key]}")
        if data.get("country"):
            lines.append(f"country: {gazetteer().name(data['country'])} ({data['country']})")
    if counts:
        lines.append(", ".join(f"{s} {counts[s]}" for s in STANCE_COLOURS if counts[s]))
    return "\n".join(lines)


def _edge_title(actor: str, data: dict[str, Any]) -> str:
    lines = [f"{actor}: {data['stance']} (confidence {data['confidence']:.2f})"]
    if data.get("quote"):
        lines.append(f"\u201c{data['quote']}\u201d")
    if data.get("article_title") or data.get("date"):
        lines.append(" ".join(x for x in (data.get("article_title"), f"({data['date']})" if data.get("date") else "")
                              if x))
    if data.get("cue"):
        lines.append(f"cue: {data['cue']}")
    return "\n".join(lines)


def _sizes(g: nx.MultiDiGraph) -> dict[str, float]:
    return {n: 34.0 if d.get("type") == "event" else 18.0 if d.get("kind", d.get("type")) == "country" else 13.0
            for n, d in g.nodes(data=True)}


def _network(g: nx.MultiDiGraph, limits: VizLimits) -> Network:
    """A pyvis network of the graph: one event drawn by sides, a large graph with positions, else by physics."""
    net = Network(directed=True, cdn_resources="in_line", height="100%", width="100%")
    events = [n for n, d in g.nodes(data=True) if d.get("type") == "event"]
    size = _sizes(g)
    large = g.number_of_nodes() > limits.physics_max_nodes
    by_sides = len(events) == 1
    pos = sides(g, events[0], size) if by_sides else positions(g) if large else {}
    stance_counts: dict[str, Counter[str]] = {}
    for u, v, d in g.edges(data=True):
        if d.get("relation") == "reacted":
            stance_counts.setdefault(u, Counter())[d["stance"]] += 1
            stance_counts.setdefault(v, Counter())[d["stance"]] += 1
    nodes = []
    for node, data in g.nodes(data=True):
        kind = "event" if data["type"] == "event" else data.get("kind", data["type"])
        colour = "#f2b705" if kind == "event" else country_colour(data["country"]) if data.get("country") else "#b0b0b0"
        # A white outline around the letters instead of a label box: a box hid the nodes around the event.
        font = {"size": 18 if kind == "event" else 12, "strokeWidth": 4, "strokeColor": "#ffffff"}
        if kind == "event" and by_sides:
            font["vadjust"] = event_label_lift(str(data.get("label", node)), size[node])
        item = {"id": node, "label": data.get("label", node), "shape": SHAPES.get(kind, "dot"),
                "size": size[node], "color": colour, "font": font,
                "widthConstraint": {"maximum": EVENT_LABEL_WIDTH if kind == "event" else ACTOR_LABEL_WIDTH},
                "title": _node_title(data, stance_counts.get(node, Counter())),
                "type": data["type"], "kind": kind, "country": data.get("country", "")}
        if pos:
            item["x"], item["y"] = pos[node]
        nodes.append(item)
    edges = []
    for u, v, key, d in g.edges(keys=True, data=True):
        if d.get("relation") == "reacted":
            edges.append({"id": f"{u}|{v}|{key}", "from": u, "to": v, "relation": "reacted", "stance": d["stance"],
                          "color": STANCE_COLOURS[d["stance"]], "width": round(1 + 5 * float(d["confidence"]), 2),
                          "title": _edge_title(g.nodes[u].get("label", u), d)})
        elif d.get("relation") == "affiliated_with":
            edges.append({"id": f"{u}|{v}|{key}", "from": u, "to": v, "relation": "affiliated_with",
                          "color": "#d8d8d8", "width": 0.5, "dashes": not large})
    # Set directly: Network.add_node/add_edge scan lists on every call (~3 s for 10,000 nodes).
    net.nodes, net.edges = nodes, edges
    physics = not pos
    net.options = {
        "physics": {"enabled": physics, "solver": "barnesHut",
                    "stabilization": {"enabled": physics, "iterations": 250, "fit": True}},
        # A fixed seed: the same graph is laid out the same way on every load.
        "layout": {"improvedLayout": physics, "randomSeed": 7},
        # Reactions always point from actor to event; arrowheads cost much at scale.
        "edges": {"smooth": {"type": "continuous"} if physics else False,
                  "arrows": {"to": {"enabled": not large, "scaleFactor": 0.6}}},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": large, "navigationButtons": False},
    }
    return net


def _link(g: nx.MultiDiGraph, article: str) -> tuple[str, str]:
    """How the table links an article: its own http(s) address, else its record in the API; and the link's text.

    Only http(s) addresses are linked as given: a `javascript:` URL from a
    hostile article must never become a link.
    """
    data = g.nodes[f"article:{article}"] if g.has_node(f"article:{article}") else {}
    url, source = str(data.get("url", "")), str(data.get("source", ""))
    if url.lower().startswith(("https://", "http://")):
        host = urlsplit(url).hostname or ""
        return url, source or host.removeprefix("www.") or "article"
    return f"/api/articles/{quote(article, safe='')}", source or "article"


def _rows(g: nx.MultiDiGraph, shown: nx.MultiDiGraph) -> list[Row]:
    """The reactions drawn, most confident first; `g` still holds the articles, for their links."""
    rows, links = [], {}
    for u, v, key, d in shown.edges(keys=True, data=True):
        if d.get("relation") != "reacted":
            continue
        article = str(d.get("article", ""))
        if article not in links:
            links[article] = _link(g, article)
        href, source = links[article]
        rows.append((str(shown.nodes[u].get("label", u)).casefold(), Row(
            edge=f"{u}|{v}|{key}", confidence=round(float(d["confidence"]), 3), quote=str(d.get("quote", "")),
            article_title=str(d.get("article_title", "") or article), source=source, href=href,
            date=str(d.get("date", "")))))
    rows.sort(key=lambda r: (-r[1].confidence, r[0], r[1].edge))
    return [row for _, row in rows]


def _partial(shown: nx.MultiDiGraph, whole: Whole) -> str | None:
    """The notice of a page that draws part of its scope, or None when it draws all of it."""
    events = sum(1 for _, d in shown.nodes(data=True) if d.get("type") == "event")
    actors = {u for u, _, d in shown.edges(data=True) if d.get("relation") == "reacted"}
    reactions = sum(1 for _, _, d in shown.edges(data=True) if d.get("relation") == "reacted")
    if events >= whole.events and len(actors) >= whole.actors and reactions >= sum(whole.counts.values()):
        return None
    if whole.counted is not None and whole.counted < whole.events:
        return (f"Showing {events:,} of {whole.events:,} events, and in them the {len(actors):,} most-reacting "
                f"actors of {whole.actors:,} ({reactions:,} of {sum(whole.counts.values()):,} reactions to them; "
                "the counts above are of these events). Narrow the scope, or export the graph for all of it.")
    return (f"Showing the {len(actors):,} most-reacting actors of {whole.actors:,} in the {events:,} busiest of "
            f"{whole.events:,} events ({reactions:,} of {sum(whole.counts.values()):,} reactions). "
            "Narrow the scope, or export the graph for all of it.")


def render_page(g: nx.MultiDiGraph, *, title: str, limits: VizLimits = VizLimits(),
                links: dict[str, str] | None = None, whole: Whole | None = None) -> str:
    """The self-contained HTML page of a stance graph.

    `title` and every name and quote are treated as hostile text: they are
    escaped by the template or handed to vis-network as plain-text data,
    never written into HTML by pyvis. `whole` describes the scope when `g`
    is only the part of it drawn (read capped from the store).
    """
    all_counts = Counter(d["stance"] for _, _, d in g.edges(data=True) if d.get("relation") == "reacted")
    actors = len({u for u, _, d in g.edges(data=True) if d.get("relation") == "reacted"})
    shown, notice = _cap(g, limits.max_nodes)
    if whole is not None:
        all_counts, actors = Counter(whole.counts), whole.actors
        notice = _partial(shown, whole) or notice
    net = _network(shown, limits)
    nodes, edges, *_ = net.get_network_data()
    codes = sorted({n["country"] for n in nodes if n["country"]}, key=lambda c: (gazetteer().name(c), c))
    js, css = _vis_assets()
    return _environment().get_template("stance_graph.html").render(
        title=title, counts={s: all_counts[s] for s in STANCE_COLOURS}, actors=actors, notice=notice,
        nodes=nodes, edges=edges,
        options=net.options, countries=[(c, gazetteer().name(c), country_colour(c)) for c in codes],
        country_names={c: gazetteer().name(c) for c in codes},
        colours=STANCE_COLOURS, vis_js=js, vis_css=css, links=links or {},
        fixed=not net.options["physics"]["enabled"], rows=_rows(g, shown),
        lift=any("vadjust" in n["font"] for n in nodes),
        partial=notice is not None)
