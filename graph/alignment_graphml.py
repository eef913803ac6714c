"""The alignment graph and its coalitions as GraphML, for Gephi, Cytoscape and networkx.

Undirected: a node per party (label, kind, country, events, coalition and
its cohesion; "" when in none), an edge per pair with enough common events
(score, same, opposite, neutral; `weight` is the number of common events,
always positive, since Gephi's layouts take weight as attraction;
`relation` is agree, disagree or neutral by the sign of the score).
"""

from __future__ import annotations

import io
import re
from typing import IO

import networkx as nx

from .alignment import Matrix
from .coalitions import Coalition, alignment_graph

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def graph(m: Matrix, groups: list[Coalition], min_events: int = 2) -> nx.Graph:
    """The alignment graph with each node's coalition and each edge's relation."""
    g = alignment_graph(m, min_events)
    of = {p.id: c for c in groups for p in c.members}
    for node, data in g.nodes(data=True):
        group = of.get(node)
        data["label"] = _XML_INVALID.sub("", data["label"])
        data["coalition"] = group.id if group else ""
        data["coalition_cohesion"] = group.cohesion if group else 0.0
    for _, _, data in g.edges(data=True):
        data["weight"] = data["events"]
        data["relation"] = "agree" if data["score"] > 0 else "disagree" if data["score"] < 0 else "neutral"
    return g


def write(m: Matrix, groups: list[Coalition], out: IO[bytes], min_events: int = 2) -> tuple[int, int]:
    """Write GraphML to a binary file; returns (nodes, edges)."""
    g = graph(m, groups, min_events)
    nx.write_graphml(g, out, encoding="utf-8", infer_numeric_types=True)
    return g.number_of_nodes(), g.number_of_edges()


def text(m: Matrix, groups: list[Coalition], min_events: int = 2) -> bytes:
    """The GraphML document as bytes."""
    buffer = io.BytesIO()
    write(m, groups, buffer, min_events)
    return buffer.getvalue()
