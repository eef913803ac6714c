"""What a graph page draws, picked through indexes and counters so its cost does not grow with the store.

A page draws the busiest events of its scope (those with the most actors),
their most-reacting actors and those actors' surest reactions to them, up
to its node and edge caps. Every step reads an index range of a bounded
number of rows (the count tables of migrations 0008 and 0009, kept by
triggers), and the totals the page reports come from counters kept on
write, never from counting the store. The rows read are bounded by the caps:
at most `16 * max_nodes` (event, actor) pairs, and reactions of the pairs
chosen only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, func, literal_column, select

from . import schema as t
from .models import STANCES

_sa, _ac = t.stance_actors, t.actor_counts
# Any stance, written as a literal: the indexes these queries read hold only those rows (migration 0009), and a
# database uses a partial index only when the query's own text implies its condition.
_ANY = literal_column("''")
# The events with the most actors (stance '' counts any stance); countries share the table, at most one row each.
_BUSIEST = (select(_ac.c.node).where(_ac.c.stance == _ANY, _ac.c.node.like("event:%"))
            .order_by(_ac.c.n.desc(), _ac.c.node.desc()).limit(bindparam("limit")))
# The events one actor reacted to most.
_ACTOR_EVENTS = (select(_sa.c.node, _sa.c.n).where(_sa.c.actor_id == bindparam("actor"), _sa.c.stance == _ANY,
                                                    _sa.c.node.like("event:%"))
                 .order_by(_sa.c.n.desc(), _sa.c.node.desc()).limit(bindparam("limit")))
# One event's most-reacting actors.
_TOP_ACTORS = (select(_sa.c.actor_id, _sa.c.n).where(_sa.c.node == bindparam("node"), _sa.c.stance == _ANY)
               .order_by(_sa.c.n.desc(), _sa.c.actor_id.desc()).limit(bindparam("limit")))
_EDGES = (select(t.reactions).where(t.reactions.c.event_id == bindparam("event"),
                                    t.reactions.c.actor_id.in_(bindparam("actors", expanding=True)))
          .order_by(t.reactions.c.confidence.desc(), t.reactions.c.id.desc()).limit(bindparam("limit")))
# Reactions by stance of nodes ("event:<id>", "actor:<id>", "country:<code>"); `graph.queries` reads its counts
# through this statement too.
NODE_COUNTS = select(t.stance_counts).where(t.stance_counts.c.node.in_(bindparam("nodes", expanding=True)))


@dataclass(frozen=True)
class Picked:
    """The events and reactions a page draws, and how big its scope is."""

    event_ids: list[str]  # the events drawn, busiest first
    actor_ids: list[str]  # the actors drawn, most-reacting first
    reactions: list[Any]  # rows of `reactions`, the edges drawn
    counts: dict[str, int]  # reactions by stance, of the whole scope or of the events drawn (see counted)
    events: int  # events in the scope
    actors: int  # actors that reacted, in the scope or in the events drawn (see counted)
    counted: int  # how many events `counts` and `actors` cover: `events`, or only those drawn


def _shares(sizes: dict[str, int], budget: int) -> dict[str, int]:
    """A cap per key so the capped sizes add up to at most `budget`, as even as they can be (water filling)."""
    if sum(sizes.values()) <= budget:
        return dict(sizes)
    left, keys, caps = budget, sorted(sizes, key=lambda k: (sizes[k], k)), {}
    for i, key in enumerate(keys):
        caps[key] = min(sizes[key], left // (len(keys) - i))
        left -= caps[key]
    return caps


def _stances(conn: Any, nodes: list[str]) -> dict[str, int]:
    counts = dict.fromkeys(STANCES, 0)
    for row in conn.execute(NODE_COUNTS, {"nodes": nodes}):
        counts[row.stance] += row.n
    return counts


def pick(conn: Any, event_id: str | None, actor_id: str | None, *, max_nodes: int, max_edges: int) -> Picked:
    """The part of everything, one event, or one actor's events a page draws (ids known to exist)."""
    most_events = max(1, max_nodes // 10)
    theirs: dict[str, int] = {}  # the page actor's reactions to each event drawn
    if event_id is not None:
        event_ids = [event_id]
        counts = _stances(conn, [f"event:{event_id}"])
        events = counted = 1
        actors = conn.execute(select(_ac.c.n).where(_ac.c.node == f"event:{event_id}", _ac.c.stance == _ANY)).scalar()
    elif actor_id is not None:
        rows = conn.execute(_ACTOR_EVENTS, {"actor": actor_id, "limit": most_events}).all()
        theirs = {row.node.removeprefix("event:"): row.n for row in rows}
        event_ids = list(theirs)
        events = conn.execute(select(t.actor_events.c.n).where(t.actor_events.c.actor_id == actor_id)).scalar() or 0
        counts = _stances(conn, [f"event:{e}" for e in event_ids])
        counted = len(event_ids)
        # Distinct actors of the events drawn: one index range per event drawn, not of all the actor's events.
        actors = conn.execute(select(func.count(_sa.c.actor_id.distinct())).where(
            _sa.c.node.in_([f"event:{e}" for e in event_ids]), _sa.c.stance == _ANY)).scalar_one()
    else:
        totals = conn.execute(select(t.store_totals).where(t.store_totals.c.id == 1)).one()
        counts = {s: getattr(totals, s) for s in STANCES}
        events, actors = totals.events, totals.actors
        counted = events
        event_ids = [node.removeprefix("event:") for node in conn.execute(_BUSIEST, {"limit": most_events}).scalars()]
    # Each event's most-reacting actors, then the most-reacting of those over all the events drawn.
    budget = max(1, max_nodes - len(event_ids))
    # The same busy actors top most events: reading 4x the budget over the events filled 442 of 1,800 actor
    # places on 500,000 reactions; 16x fills them, still an index range of bounded size per event.
    per_event = budget if len(event_ids) == 1 else max(1, 16 * budget // max(1, len(event_ids)))
    pairs: dict[str, dict[str, int]] = {}
    score: dict[str, int] = {}
    for event in event_ids:
        top = conn.execute(_TOP_ACTORS, {"node": f"event:{event}", "limit": per_event}).all()
        pairs[event] = {row.actor_id: row.n for row in top}
        for row in top:
            score[row.actor_id] = score.get(row.actor_id, 0) + row.n
    chosen = sorted(score, key=lambda a: (-score[a], a))[:budget]
    if actor_id is not None:
        if actor_id not in chosen:
            chosen = chosen[:budget - 1] + [actor_id]
        for event, n in theirs.items():
            pairs[event][actor_id] = n
    keep = set(chosen)
    drawn_pairs = {event: {a: n for a, n in found.items() if a in keep} for event, found in pairs.items()}
    caps = _shares({event: sum(found.values()) for event, found in drawn_pairs.items()}, max_edges)
    reactions: list[Any] = []
    for event in event_ids:
        if caps.get(event):
            reactions += conn.execute(_EDGES, {"event": event, "actors": sorted(drawn_pairs[event]),
                                               "limit": caps[event]}).all()
    return Picked(event_ids, chosen, reactions, counts, events, actors or 0, counted)
