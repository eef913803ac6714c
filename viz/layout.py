"""Positions computed on the server, so graphs draw at once and read the same way.

A force layout of thousands of nodes takes the browser minutes (and
networkx's spring layout ~19 s for 3,000 nodes). `positions` is linear:
events on a grid, each actor in rings around the event it reacted to most
(opponents to the right, neutral ones below, supporters to the left), and
each country near its actors. `sides` draws one event the same way, with
room for every label.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

import networkx as nx

Position = tuple[float, float]

_EVENT_GAP = 1.0  # distance between events, in units of the largest cluster's diameter
_RING_GAP = 70.0  # pixels between rings
_SLOT = 28.0  # pixels of ring length per node


def _ring_sizes(count: int) -> list[int]:
    sizes, ring = [], 1
    while count > 0:
        capacity = max(6, int(2 * math.pi * ring * _RING_GAP / _SLOT))
        sizes.append(min(capacity, count))
        count -= capacity
        ring += 1
    return sizes


_AROUND = ("oppose", "neutral", "support")


def _lean(g: nx.MultiDiGraph, node: str, event: str) -> str:
    """Where an actor stands on an event: most of its reactions to it; a support-oppose tie is neutral."""
    votes = Counter(d["stance"] for _, v, d in g.out_edges(node, data=True)
                    if v == event and d.get("relation") == "reacted").most_common()
    if not votes:
        return "neutral"
    return "neutral" if len(votes) > 1 and votes[0][1] == votes[1][1] else votes[0][0]


def positions(g: nx.MultiDiGraph) -> dict[str, Position]:
    """x, y for every node of a stance graph (events, actors, countries)."""
    events = sorted(n for n, d in g.nodes(data=True) if d.get("type") == "event")
    home: dict[str, str] = {}
    for node in g.nodes:
        if g.nodes[node].get("type") == "event":
            continue
        reacted = Counter(v for _, v, d in g.out_edges(node, data=True) if d.get("relation") == "reacted")
        if reacted:
            home[node] = max(sorted(reacted), key=lambda e: reacted[e])
    around: dict[str, list[str]] = defaultdict(list)
    for node, event in sorted(home.items()):
        around[event].append(node)
    # Around each event as on an event page: opponents right, neutral ones below, supporters left.
    lean = {n: _lean(g, n, home[n]) for n in home}
    for members in around.values():
        members.sort(key=lambda n: _AROUND.index(lean[n]))
    radius = {e: _RING_GAP * (len(_ring_sizes(len(around[e]))) + 1) for e in events}
    cell = 2 * max(radius.values(), default=_RING_GAP) * _EVENT_GAP
    columns = max(1, math.ceil(math.sqrt(len(events))))
    pos: dict[str, Position] = {}
    for i, event in enumerate(events):
        cx, cy = (i % columns) * cell, (i // columns) * cell
        pos[event] = (cx, cy)
        members = around[event]
        start = 0
        for ring, size in enumerate(_ring_sizes(len(members)), start=1):
            ring_nodes = members[start:start + size]
            start += size
            # Screen y grows downwards: angle 0 is right, pi/2 below, pi left; the opponents centred on 0.
            first = -math.pi * sum(1 for n in ring_nodes if lean[n] == "oppose") / len(ring_nodes)
            for k, n in enumerate(ring_nodes):
                a = first + 2 * math.pi * k / len(ring_nodes)
                pos[n] = (cx + ring * _RING_GAP * math.cos(a), cy + ring * _RING_GAP * math.sin(a))
    # Countries that did not react themselves sit near the actors affiliated with them.
    for node, data in g.nodes(data=True):
        if node in pos:
            continue
        members = [pos[u] for u, _ in g.in_edges(node) if u in pos]
        if members:
            x = sum(p[0] for p in members) / len(members)
            y = sum(p[1] for p in members) / len(members)
            pos[node] = (x + _SLOT, y - _SLOT)
        else:
            pos[node] = (-cell / 2, -cell / 2)
    return pos


# -- one event: who is for, who is against -------------------------------------

_CHAR = 7.0  # pixels per character of a 12 px label (system sans-serif, a little generous)
_LINE = 16.0  # pixels per line of a 12 px label
ACTOR_LABEL_WIDTH = 150  # labels wrap at this width (vis-network widthConstraint.maximum)
EVENT_LABEL_WIDTH = 260
EVENT_LINE = 24.0  # pixels per line of the event's 18 px label, a little generous
_GAP = 28.0  # pixels between one label's box and the next node


def _label_box(label: str) -> tuple[float, float]:
    """Estimated width and height of a wrapped 12 px label."""
    width = _CHAR * len(label)
    lines = max(1, math.ceil(width / (ACTOR_LABEL_WIDTH - 2 * _CHAR)))  # words wrap a little early
    return min(width, ACTOR_LABEL_WIDTH), lines * _LINE


def _pitch(label: str, size: float) -> float:
    """Vertical room of a node with its label under it."""
    return 2 * size + _label_box(label)[1] + _GAP


def _columns(nodes: list[str], rows: int) -> list[list[str]]:
    return [nodes[i:i + rows] for i in range(0, len(nodes), rows)]


def _column_width(column: list[str], label: dict[str, str], size: dict[str, float]) -> float:
    return max(max(_label_box(label[n])[0], 2 * size[n]) for n in column) + 2 * _GAP


def event_label_lines(label: str) -> int:
    """Estimated lines of an event's label wrapped at EVENT_LABEL_WIDTH."""
    return max(1, math.ceil(len(label) * 10.5 / (EVENT_LABEL_WIDTH - 20)))


def event_label_lift(label: str, size: float) -> float:
    """How far up (vis-network's font.vadjust) to move an event's label from under its star to above it.

    An estimate, for the page's first frame; the page's script then moves it by its measured height.
    """
    return -(2 * size + event_label_lines(label) * EVENT_LINE + 6)


def sides(g: nx.MultiDiGraph, event: str, size: dict[str, float]) -> dict[str, Position]:
    """x, y for the graph of one event: supporters left of it, opponents right, neutral ones below.

    "Who is for and who is against" is then the first thing one sees. An
    actor with several reactions to the event stands where most of them
    point; a tie between support and oppose counts as neutral. Countries
    that only stand behind actors sit in a row above, each over its actors.
    Rows and columns are spaced by the estimated size of each label, so no
    label covers a node or another label, and the event's wrapped label has
    the space above its star to itself.
    """
    label = {n: str(d.get("label", n)) for n, d in g.nodes(data=True)}
    side: dict[str, str] = {}
    for node in g.nodes:
        if node == event:
            continue
        if any(v == event and d.get("relation") == "reacted" for _, v, d in g.out_edges(node, data=True)):
            side[node] = _lean(g, node, event)
    order = sorted(side, key=lambda n: (str(g.nodes[n].get("country", "~")), label[n].casefold(), n))
    groups = {s: [n for n in order if side[n] == s] for s in ("support", "oppose", "neutral")}
    pos: dict[str, Position] = {event: (0.0, 0.0)}
    inner = EVENT_LABEL_WIDTH / 2 + _GAP
    # The event's label stands above the star (see event_label_lift): the edges of the neutral ones,
    # from below, would cross it.
    bottom = size[event] + _GAP
    top = -size[event] - event_label_lines(label[event]) * EVENT_LINE - _GAP
    for stance, direction in (("support", -1.0), ("oppose", 1.0)):
        members = groups[stance]
        rows = max(5, math.ceil(math.sqrt(2 * len(members))))
        x = inner
        for column in _columns(members, rows):
            width = _column_width(column, label, size)
            height = sum(_pitch(label[n], size[n]) for n in column)
            y = -height / 2
            for n in column:
                pos[n] = (direction * (x + width / 2), y + size[n])
                y += _pitch(label[n], size[n])
            x += width
            bottom = max(bottom, height / 2)
            top = min(top, -height / 2)
    # Neutral ones in rows under the event and under both sides.
    neutral = groups["neutral"]
    per_row = max(1, min(8, math.ceil(math.sqrt(2 * len(neutral)))))
    y = bottom + _GAP
    for i in range(0, len(neutral), per_row):
        row = neutral[i:i + per_row]
        widths = [_column_width([n], label, size) for n in row]
        x = -sum(widths) / 2
        for n, w in zip(row, widths):
            pos[n] = (x + w / 2, y + size[n])
            x += w
        y += max(_pitch(label[n], size[n]) for n in row)
    # Countries (and anything else) in rows above, ordered by where their actors stand.
    rest = [n for n in g.nodes if n not in pos]

    def over(n: str) -> float:
        xs = [pos[u][0] for u, _ in g.in_edges(n) if u in pos]
        return sum(xs) / len(xs) if xs else 0.0

    rest.sort(key=lambda n: (over(n), label[n].casefold(), n))
    per_row = max(1, min(10, math.ceil(math.sqrt(3 * len(rest)))))
    y = top - _GAP
    for i in range(0, len(rest), per_row):
        row = rest[i:i + per_row]
        widths = [_column_width([n], label, size) for n in row]
        x = -sum(widths) / 2
        pitch = max(_pitch(label[n], size[n]) for n in row)
        for n, w in zip(row, widths):
            pos[n] = (x + w / 2, y - pitch + size[n])
            x += w
        y -= pitch
    return pos
