"""Positions computed on the server, so big graphs draw at once.

A force layout of thousands of nodes takes the browser minutes (and
networkx's spring layout ~19 s for 3,000 nodes). This layout is linear:
events on a grid, each actor in rings around the event it reacted to most
(networkx's circular layout per ring), and each country near its actors.
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
            circle = nx.circular_layout(ring_nodes, scale=ring * _RING_GAP, center=(cx, cy))
            pos.update({n: (float(x), float(y)) for n, (x, y) in circle.items()})
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
