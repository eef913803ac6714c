"""The alignment view and the actor's timeline chart: self-contained, offline, escaped pages.

The alignment view draws parties as nodes coloured by coalition, and each
pair with enough common events as an edge: green when they mostly sided
together, red when mostly against each other, grey when neither; as wide
as the score is strong. Positions are computed here (each coalition on a
circle of its own, the circles on a ring), so the page draws at once and
the same store always looks the same.

The timeline chart is an inline SVG of an actor's reactions per month,
stacked by stance; every label and tooltip goes through the autoescaping
template. No script is needed to read it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import networkx as nx

from graph.timeline import MonthCounts

from .page import _PALETTE, STANCE_COLOURS, _environment, _vis_assets

RELATION_COLOURS = {"agree": STANCE_COLOURS["support"], "disagree": STANCE_COLOURS["oppose"],
                    "neutral": STANCE_COLOURS["neutral"]}
SHAPES = {"person": "dot", "organization": "square", "country": "diamond"}


def _positions(g: nx.Graph, groups: list[list[str]]) -> dict[str, tuple[float, float]]:
    """Each coalition on its own circle, the circles around a ring; the unaligned on an outer ring."""
    grouped = {n for members in groups for n in members}
    clusters = [*groups, sorted(n for n in g.nodes if n not in grouped)]
    clusters = [c for c in clusters if c]
    pos: dict[str, tuple[float, float]] = {}
    # about 90 px of circle per member, so neighbours' labels do not run into each other, and the
    # circles' centres on a ring whose circumference holds every circle's diameter plus a gap
    radii = [max(70.0, 90.0 * len(c) / (2 * math.pi)) for c in clusters]
    ring = sum(2 * r + 80.0 for r in radii) / (2 * math.pi) if len(clusters) > 1 else 0.0
    for k, (members, radius) in enumerate(zip(clusters, radii)):
        angle = 2 * math.pi * k / max(1, len(clusters))
        cx, cy = ring * math.cos(angle), ring * math.sin(angle)
        for i, node in enumerate(members):
            a = 2 * math.pi * i / max(1, len(members))
            pos[node] = (round(cx + radius * math.cos(a), 1), round(cy + radius * math.sin(a), 1))
    return pos


@dataclass(frozen=True)
class GroupView:
    """A coalition as the page lists it."""

    id: str
    colour: str
    members: list[str]  # party ids
    member_names: list[str]
    cohesion: float
    events: list[str]  # labels of the events that define it


def render_alignment(g: nx.Graph, groups: list[GroupView], *, title: str, notice: str | None = None,
                     links: dict[str, str] | None = None, form: dict[str, Any] | None = None) -> str:
    """The alignment page of a graph from `graph.coalitions.alignment_graph`."""
    of = {m: grp for grp in groups for m in grp.members}
    pos = _positions(g, [grp.members for grp in groups])
    nodes = []
    for node, d in sorted(g.nodes(data=True)):
        grp = of.get(node)
        x, y = pos[node]
        title_lines = [d["label"], d.get("kind", ""), f"country: {d['country']}" if d.get("country") else "",
                       f"{d.get('events', 0)} events in scope",
                       f"coalition {grp.id}" if grp else "in no coalition"]
        nodes.append({"id": node, "label": d["label"], "x": x, "y": y, "shape": SHAPES.get(d.get("kind", ""), "dot"),
                      "color": grp.colour if grp else "#b0b0b0", "group": grp.id if grp else "",
                      "size": 14, "font": {"size": 12}, "title": "\n".join(t for t in title_lines if t)})
    edges = []
    for u, v, d in sorted(g.edges(data=True), key=lambda e: (e[0], e[1])):
        relation = "agree" if d["score"] > 0 else "disagree" if d["score"] < 0 else "neutral"
        edges.append({"id": f"{u}|{v}", "from": u, "to": v, "relation": relation, "score": d["score"],
                      "color": RELATION_COLOURS[relation], "width": round(0.5 + 4 * abs(d["score"]), 2),
                      "title": (f"{g.nodes[u]['label']} and {g.nodes[v]['label']}: score {d['score']:+.2f}\n"
                                f"{d['events']} common events: {d['same']} same side, {d['opposite']} opposite, "
                                f"{d['neutral']} neutral")})
    options = {"physics": {"enabled": False}, "layout": {"improvedLayout": False},
               "edges": {"smooth": False}, "interaction": {"hover": True, "tooltipDelay": 120}}
    js, css = _vis_assets()
    counts = {r: sum(1 for e in edges if e["relation"] == r) for r in RELATION_COLOURS}
    return _environment().get_template("alignment.html").render(
        title=title, notice=notice, links=links or {}, nodes=nodes, edges=edges, options=options, groups=groups,
        colours=RELATION_COLOURS, counts=counts, vis_js=js, vis_css=css, form=form or {})


def group_colours(ids: list[str]) -> dict[str, str]:
    """A colour per coalition, in order."""
    return {c: _PALETTE[i % len(_PALETTE)] for i, c in enumerate(ids)}


@dataclass(frozen=True)
class TimelineRow:
    """One reaction in the list under the chart."""

    date: str
    event_id: str
    event: str
    stance: str
    quote: str
    article: str


_W, _H, _PAD = 900, 220, 36


def _bars(months: list[MonthCounts]) -> list[dict[str, Any]]:
    """SVG rectangles of the stacked monthly bars, with their tooltips."""
    if not months:
        return []
    top = max(m.support + m.oppose + m.neutral for m in months) or 1
    step = (_W - 2 * _PAD) / len(months)
    width = max(2.0, step * 0.8)
    bars = []
    for i, m in enumerate(months):
        x = _PAD + i * step + (step - width) / 2
        y = _H - _PAD
        for stance in ("support", "oppose", "neutral"):
            n = getattr(m, stance)
            if not n:
                continue
            h = (_H - 2 * _PAD) * n / top
            y -= h
            bars.append({"x": round(x, 1), "y": round(y, 1), "w": round(width, 1), "h": round(h, 1),
                         "stance": stance, "colour": STANCE_COLOURS[stance], "month": m.month, "n": n,
                         "title": f"{m.month}: {n} {stance}"})
    return bars


def render_timeline(*, title: str, months: list[MonthCounts], rows: list[TimelineRow],
                    links: dict[str, str] | None = None, next_url: str | None = None) -> str:
    """An actor's timeline page: the monthly chart of its stances and its reactions in order."""
    step = (_W - 2 * _PAD) / max(1, len(months))
    every = max(1, math.ceil(len(months) / 12))  # at most a dozen month labels
    ticks = [{"x": round(_PAD + i * step + step / 2, 1), "label": m.month} for i, m in enumerate(months)
             if i % every == 0]
    totals = {s: sum(getattr(m, s) for m in months) for s in ("support", "oppose", "neutral")}
    return _environment().get_template("timeline.html").render(
        title=title, bars=_bars(months), ticks=ticks, rows=rows, links=links or {}, next_url=next_url,
        colours=STANCE_COLOURS, totals=totals, width=_W, height=_H, pad=_PAD, months=months)
