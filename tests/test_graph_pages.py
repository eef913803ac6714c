"""A graph page draws a bounded part of its scope, picked by counters, and says truthfully what it leaves out.

Random stores (events, actors and stances drawn from a seed) are read
whole through `Store.scope`, and every page's part and totals are checked
against what that full read says: the totals are the scope's (or, on an
actor's page of more events than it draws, those events'), the events
drawn are the busiest, the actors the most-reacting, and nothing drawn is
outside the scope or over the caps.
"""

from __future__ import annotations

import random
from collections import Counter

import pytest

from graph.network import build_graph
from graph.store import Store
from viz import Whole, render_page

from .test_counts import _article

_STANCES = ("support", "oppose", "neutral")


def _fill(store: Store, seed: int) -> None:
    rng = random.Random(seed)
    people = [f"{first} {last}" for first in ("Ana", "Boris", "Chen", "Dara", "Emil")
              for last in ("Ruiz", "Novak", "Weber", "Sato")]
    events: dict[int, str] = {}
    for a in range(40):
        topic = rng.randrange(9)
        # A few people react a lot (the first names of the list), most now and then.
        reactors = sorted({people[min(int(rng.paretovariate(0.8)) - 1, len(people) - 1)]
                           for _ in range(rng.randint(1, 6))})
        stored = store.add(_article(f"topic {topic} article {a}", [(name, "person", None, rng.choice(_STANCES))
                                                                   for name in reactors]), events.get(topic))
        events[topic] = stored.event_id


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_pages_draw_the_busiest_part_and_say_what_they_leave_out(store: Store, seed: int) -> None:
    _fill(store, seed)
    everything = store.scope()
    reactions = everything.reactions
    actors_of: dict[str, set[str]] = {}
    for r in reactions:
        actors_of.setdefault(r.event, set()).add(r.actor)
    max_nodes, max_edges = 20, 25

    whole = store.drawn(max_nodes=max_nodes, max_edges=max_edges)
    assert len(whole.scope.reactions) == max_edges  # the part drawn is smaller than the whole
    assert (whole.events, whole.actors, whole.counted) == (len(everything.events), len(everything.actors),
                                                           len(everything.events))
    assert whole.counts == {s: sum(r.stance == s for r in reactions) for s in _STANCES}
    drawn_events = [e.id for e in whole.scope.events]
    size = {e: len(actors_of.get(e, ())) for e in (ev.id for ev in everything.events)}
    assert len(drawn_events) == min(max_nodes // 10, len([e for e in size if size[e]]))
    assert min(size[e] for e in drawn_events) >= max(size[e] for e in size if e not in drawn_events)
    _check_part(whole, max_nodes, max_edges)

    for event in everything.events[:3]:
        page = store.drawn(event_id=event.id, max_nodes=max_nodes, max_edges=max_edges)
        theirs = [r for r in reactions if r.event == event.id]
        assert (page.events, page.actors, page.counted) == (1, len({r.actor for r in theirs}), 1)
        assert page.counts == {s: sum(r.stance == s for r in theirs) for s in _STANCES}
        # An event's own actors fit under the cap here: all of them are drawn.
        assert {a.id for a in page.scope.actors} == {r.actor for r in theirs}
        _check_part(page, max_nodes, max_edges)

    busiest = Counter(r.actor for r in reactions).most_common(1)[0][0]
    per_event = Counter(r.event for r in reactions if r.actor == busiest)
    assert len(per_event) > max_nodes // 10  # the actor's page leaves events out, and must say so
    page = store.drawn(actor_id=busiest, max_nodes=max_nodes, max_edges=max_edges)
    shown = [e.id for e in page.scope.events]
    assert page.events == len(per_event) and len(shown) == min(len(per_event), max_nodes // 10) == page.counted
    assert min(per_event[e] for e in shown) >= max((n for e, n in per_event.items() if e not in shown), default=0)
    in_shown = [r for r in reactions if r.event in shown]
    assert page.counts == {s: sum(r.stance == s for r in in_shown) for s in _STANCES}
    assert page.actors == len({r.actor for r in in_shown})
    assert busiest in {a.id for a in page.scope.actors}
    _check_part(page, max_nodes, max_edges)
    html = render_page(build_graph(page.scope), title="t", whole=Whole(page.counts, page.events, page.actors,
                                                                        page.counted))
    assert f"Showing {len(shown)} of {page.events} events" in html
    assert f"{len(page.scope.reactions)} of {sum(page.counts.values())} reactions to them" in html


def _check_part(drawn, max_nodes: int, max_edges: int) -> None:  # type: ignore[no-untyped-def]
    """Within the caps, and every reaction drawn joins an event and an actor drawn, surest first per event."""
    scope = drawn.scope
    assert len(scope.events) + len(scope.actors) <= max_nodes and len(scope.reactions) <= max_edges
    events, actors = {e.id for e in scope.events}, {a.id for a in scope.actors}
    assert all(r.event in events and r.actor in actors for r in scope.reactions)
    assert len({r.id for r in scope.reactions}) == len(scope.reactions)
    assert sum(drawn.counts.values()) >= len(scope.reactions)
