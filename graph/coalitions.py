"""Coalitions: groups of parties who side together, found in the alignment graph.

The alignment graph has a node per party and an edge for every pair with
enough common events and a positive score (weight = score); disagreement
is left out, since community detection looks for dense groups, not for
opponents. Groups are found with networkx's Louvain method (maintained in
networkx, weighted, seeded). Nodes and edges are added in sorted order and
the seed is fixed, so the same store gives the same groups, in the same
order, every time. A party that agrees with nobody is in no coalition.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import combinations

import networkx as nx
import numpy as np

from .alignment import Matrix, Party

SEED = 19
_SIDE = {1: "support", -1: "oppose"}


@dataclass(frozen=True)
class DefiningEvent:
    """An event on which a coalition's members sided together."""

    id: str
    label: str
    date: dt.date | None
    stance: str  # the side most members took
    members: int  # how many members took it
    against: int  # members on the other side


@dataclass(frozen=True)
class Coalition:
    """A group of parties who side together."""

    id: str
    members: list[Party]
    cohesion: float  # mean alignment score over member pairs with enough common events
    pairs: int  # how many such member pairs
    events: list[DefiningEvent]


def alignment_graph(m: Matrix, min_events: int = 2) -> nx.Graph:
    """Parties as nodes; pairs with `min_events` common events as edges with `score`, `same`, `opposite`, `events`.

    Agreement and disagreement are both edges here (for drawing and export);
    `coalitions` keeps only agreement.
    """
    g = nx.Graph()
    parties = m.positions.parties
    for p in parties:
        g.add_node(p.id, label=p.name, kind=p.kind, country=p.country or "", events=p.events)
    scores = m.score()
    for i, j in zip(*np.nonzero(np.triu(m.common >= max(1, min_events), k=1))):
        g.add_edge(parties[i].id, parties[j].id, score=round(float(scores[i, j]), 4), events=int(m.common[i, j]),
                   same=int(m.same[i, j]), opposite=int(m.opposite[i, j]),
                   neutral=int(m.common[i, j] - m.same[i, j] - m.opposite[i, j]))
    return g


def _agreement(g: nx.Graph) -> nx.Graph:
    h = nx.Graph()
    h.add_nodes_from(sorted(g.nodes))
    h.add_weighted_edges_from(sorted((u, v, d["score"]) if u < v else (v, u, d["score"])
                                     for u, v, d in g.edges(data=True) if d["score"] > 0))
    return h


def coalitions(m: Matrix, min_events: int = 2, events_per_group: int = 10) -> list[Coalition]:
    """The coalitions of a scope, largest first, each with its cohesion and defining events.

    Made once per matrix (kept with it, like the matrix in graph.alignment.Cache).
    """
    key = ("coalitions", min_events, events_per_group)
    if key not in m.derived:
        m.derived[key] = _coalitions(m, min_events, events_per_group)
    return m.derived[key]


def _coalitions(m: Matrix, min_events: int, events_per_group: int) -> list[Coalition]:
    g = alignment_graph(m, min_events)
    h = _agreement(g)
    if h.number_of_edges() == 0:
        return []
    groups = [sorted(c) for c in nx.community.louvain_communities(h, weight="weight", seed=SEED) if len(c) > 1]
    pos = m.positions
    index = {p.id: i for i, p in enumerate(pos.parties)}
    made = []
    for members in groups:
        scores = [g.edges[u, v]["score"] for u, v in combinations(members, 2) if g.has_edge(u, v)]
        cohesion = round(sum(scores) / len(scores), 4) if scores else 0.0
        made.append((members, cohesion, len(scores)))
    made.sort(key=lambda c: (-len(c[0]), -c[1], c[0][0]))
    labels = pos.labels
    out = []
    for number, (members, cohesion, n_pairs) in enumerate(made, start=1):
        rows = [index[p] for p in members]
        signs = pos.sign[rows]
        support = (signs > 0).sum(axis=0)
        oppose = (signs < 0).sum(axis=0)
        top = np.maximum(support, oppose)
        order = sorted((k for k in np.nonzero(top >= 2)[0]),
                       key=lambda k: (-int(top[k]), int(min(support[k], oppose[k])), pos.events[k]))
        defining = []
        for k in order[:events_per_group]:
            label, date = labels[pos.events[k]]
            side = 1 if support[k] >= oppose[k] else -1
            defining.append(DefiningEvent(pos.events[k], label, date, _SIDE[side], int(top[k]),
                                          int(oppose[k] if side == 1 else support[k])))
        out.append(Coalition(f"c{number}", [pos.parties[i] for i in rows], cohesion, n_pairs, defining))
    return out


def membership(groups: list[Coalition]) -> dict[str, str]:
    """Party id -> the id of its coalition."""
    return {p.id: c.id for c in groups for p in c.members}
