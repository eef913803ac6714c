"""Building the stance-graph page from a networkx graph of the store."""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup
from pyvis.network import Network

from graph.countries import gazetteer

from .layout import positions

STANCE_COLOURS = {"support": "#2e9d4a", "oppose": "#d0342c", "neutral": "#9a9a9a"}
SHAPES = {"event": "star", "person": "dot", "organization": "square", "country": "diamond"}
_PALETTE = ["#1f77b4", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#393b79",
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


def _country_colours(codes: set[str]) -> dict[str, str]:
    """Distinct colours for the countries on a page (they repeat past the palette's size)."""
    return {code: _PALETTE[i % len(_PALETTE)] for i, code in enumerate(sorted(codes))}


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


def _network(g: nx.MultiDiGraph, limits: VizLimits) -> Network:
    """A pyvis network of the graph, with positions when it is large."""
    net = Network(directed=True, cdn_resources="in_line", height="100%", width="100%")
    fixed = g.number_of_nodes() > limits.physics_max_nodes
    pos = positions(g) if fixed else {}
    stance_counts: dict[str, Counter[str]] = {}
    for u, v, d in g.edges(data=True):
        if d.get("relation") == "reacted":
            stance_counts.setdefault(u, Counter())[d["stance"]] += 1
            stance_counts.setdefault(v, Counter())[d["stance"]] += 1
    colours = _country_colours({d["country"] for _, d in g.nodes(data=True) if d.get("country")})
    nodes = []
    for node, data in g.nodes(data=True):
        kind = "event" if data["type"] == "event" else data.get("kind", data["type"])
        colour = "#f2b705" if kind == "event" else colours.get(data.get("country", ""), "#b0b0b0")
        item = {"id": node, "label": data.get("label", node), "shape": SHAPES.get(kind, "dot"),
                "size": 34 if kind == "event" else 18 if kind == "country" else 13,
                "color": colour,
                "font": {"size": 18, "background": "rgba(255,255,255,0.85)"} if kind == "event" else {"size": 12},
                "title": _node_title(data, stance_counts.get(node, Counter())),
                "type": data["type"], "kind": kind, "country": data.get("country", "")}
        if fixed:
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
                          "color": "#d8d8d8", "width": 0.5, "dashes": not fixed})
    # Set directly: Network.add_node/add_edge scan lists on every call (~3 s for 10,000 nodes).
    net.nodes, net.edges = nodes, edges
    net.options = {
        "physics": {"enabled": not fixed, "solver": "barnesHut",
                    "stabilization": {"enabled": not fixed, "iterations": 250, "fit": True}},
        # A fixed seed: the same graph is laid out the same way on every load.
        "layout": {"improvedLayout": not fixed, "randomSeed": 7},
        # Reactions always point from actor to event; arrowheads cost much at scale.
        "edges": {"smooth": False if fixed else {"type": "continuous"},
                  "arrows": {"to": {"enabled": not fixed, "scaleFactor": 0.6}}},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": fixed, "navigationButtons": False},
    }
    return net


def _partial(shown: nx.MultiDiGraph, whole: Whole) -> str | None:
    """The notice of a page that draws part of its scope, or None when it draws all of it."""
    events = sum(1 for _, d in shown.nodes(data=True) if d.get("type") == "event")
    actors = {u for u, _, d in shown.edges(data=True) if d.get("relation") == "reacted"}
    reactions = sum(1 for _, _, d in shown.edges(data=True) if d.get("relation") == "reacted")
    if events >= whole.events and len(actors) >= whole.actors and reactions >= sum(whole.counts.values()):
        return None
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
    shown, notice = _cap(g, limits.max_nodes)
    if whole is not None:
        all_counts = Counter(whole.counts)
        notice = _partial(shown, whole) or notice
    net = _network(shown, limits)
    nodes, edges, *_ = net.get_network_data()
    countries = sorted({n["country"] for n in nodes if n["country"]})
    js, css = _vis_assets()
    return _environment().get_template("stance_graph.html").render(
        title=title, counts={s: all_counts[s] for s in STANCE_COLOURS}, notice=notice, nodes=nodes, edges=edges,
        options=net.options, countries=[(c, gazetteer().name(c)) for c in countries], colours=STANCE_COLOURS,
        vis_js=js, vis_css=css, links=links or {}, fixed=not net.options["physics"]["enabled"])
