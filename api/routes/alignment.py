"""Who sides with whom, and when: alignment, coalitions, timelines, and two events compared."""

from __future__ import annotations

from flask import Response, current_app

from graph import alignment as al
from graph import timeline as tl
from graph.coalitions import Coalition, coalitions, membership
from graph.errors import InvalidInput

from .. import alignment_schemas as a, convert
from ..services import services
from . import READ_ERRORS, blueprint, json_response, page_response

bp = blueprint("alignment", "Who sides with whom across events, coalitions, and stances over time")


def cache() -> al.Cache:
    """This app's cache of alignment matrices (see graph.alignment.Cache)."""
    return current_app.extensions.setdefault("reactiongraph.alignment", al.Cache())


def scope_of(query: a.ScopeParams) -> al.Scope:
    """The domain scope of the query parameters."""
    return al.Scope(by=query.by, events=tuple(sorted(set(query.event))), since=query.since, until=query.until,
                    country=query.country)


def _party(p: al.Party) -> a.PartyOut:
    return a.PartyOut(id=p.id, name=p.name, kind=p.kind, country=p.country, events=p.events)


def _scope_out(query: a.ScopeParams, scope: al.Scope, m: al.Matrix) -> a.ScopeOut:
    return a.ScopeOut(by=scope.by, events=list(scope.events), since=scope.since, until=scope.until,
                      country=scope.country, min_events=query.min_events, parties=len(m.positions.parties),
                      left_out=m.positions.left_out)


def pair_out(pair: al.Pair) -> a.PairOut:
    """A pair with its listed common events as the API shows it."""
    return a.PairOut(a=_party(pair.a), b=_party(pair.b), events=pair.events, same=pair.same,
                     opposite=pair.opposite, neutral=pair.neutral, score=pair.score,
                     shared=[a.SharedEventOut(id=s.id, label=s.label, date=s.date, a=s.a, b=s.b)  # type: ignore[arg-type]
                             for s in pair.shared])


def coalition_out(c: Coalition) -> a.CoalitionOut:
    """A coalition as the API shows it."""
    return a.CoalitionOut(id=c.id, members=[_party(p) for p in c.members], cohesion=c.cohesion, pairs=c.pairs,
                          events=[a.DefiningEventOut(id=e.id, label=e.label, date=e.date, stance=e.stance,  # type: ignore[arg-type]
                                                     members=e.members, against=e.against) for e in c.events])


@bp.get("/alignment", responses={200: a.AlignmentPage, **READ_ERRORS})
def alignment(query: a.AlignmentQuery) -> Response:
    """Pairs of actors (or countries) with at least `min_events` common events: how often they sided together.

    Score = (same - opposite) / common events; a neutral position counts in
    the common events and on neither side. Each pair lists its newest common
    events with both positions.
    """
    scope = scope_of(query)
    include = tuple(p for p in (query.party, query.other) if p)
    engine = services().store.engine
    m = cache().matrix(engine, scope, min_events=query.min_events, top=query.top, include=include)
    start = al.read_offset(query.cursor)
    chunk, total = al.ranked(m, min_events=query.min_events, party=query.party, other=query.other,
                             order=query.order, start=start, limit=query.limit)
    items = [al.with_events(m.positions, p, query.events_per_pair) for p in chunk]
    more = start + query.limit < total
    next_cursor = al.offset_cursor(start + query.limit) if more else None
    return page_response(a.AlignmentPage(scope=_scope_out(query, scope, m), items=[pair_out(p) for p in items],
                                         next_cursor=next_cursor), next_cursor)


@bp.get("/coalitions", responses={200: a.CoalitionList, **READ_ERRORS})
def list_coalitions(query: a.CoalitionsQuery) -> Response:
    """Groups of actors (or countries) who side together: Louvain communities of the agreement graph.

    The same store gives the same groups. Largest first; each with its
    cohesion and the events on which most of its members took one side.
    """
    scope = scope_of(query)
    engine = services().store.engine
    m = cache().matrix(engine, scope, min_events=query.min_events, top=query.top)
    groups = coalitions(m, query.min_events, query.events_per_group)
    grouped = membership(groups)
    return json_response(a.CoalitionList(scope=_scope_out(query, scope, m), items=[coalition_out(c) for c in groups],
                                         unaligned=[_party(p) for p in m.positions.parties if p.id not in grouped]))


@bp.get("/actors/<id>/timeline", responses={200: a.Timeline, **READ_ERRORS})
def actor_timeline(path: a.IdPathRef, query: a.PageQuery) -> Response:
    """Every reaction of an actor with its event, date and stance, oldest publication first."""
    store = services().store
    actor, _ = store.actor(path.id)
    page = tl.actor_timeline(store.engine, path.id, query.cursor, query.limit)
    return page_response(a.Timeline(id=actor.id, label=actor.name, items=[convert.reaction_out(v) for v in page.items],
                                    next_cursor=page.next_cursor), page.next_cursor)


@bp.get("/events/<id>/timeline", responses={200: a.Timeline, **READ_ERRORS})
def event_timeline(path: a.IdPathRef, query: a.PageQuery) -> Response:
    """An event's reactions in order of publication."""
    store = services().store
    event = store.event(path.id)
    page = tl.event_timeline(store.engine, path.id, query.cursor, query.limit)
    return page_response(a.Timeline(id=event.id, label=event.label, items=[convert.reaction_out(v) for v in page.items],
                                    next_cursor=page.next_cursor), page.next_cursor)


@bp.get("/events/<id>/compare/<other>", responses={200: a.ComparisonOut, **READ_ERRORS})
def compare_events(path: a.ComparePath, query: a.CompareQuery) -> Response:
    """Who reacted to both events and how their positions compare: who flipped first."""
    if path.id == path.other:
        raise InvalidInput("compare two different events")
    store = services().store
    first, second = store.event(path.id), store.event(path.other)
    result = tl.compare(store.engine, path.id, path.other, query.by)
    rows = [c for c in result.parties if c.changed or not query.changed]
    start = al.read_offset(query.cursor)
    more = start + query.limit < len(rows)
    next_cursor = al.offset_cursor(start + query.limit) if more else None
    items = [a.ChangeOut(id=c.id, name=c.name, kind=c.kind, country=c.country, a=c.a, b=c.b,  # type: ignore[arg-type]
                         changed=c.changed, flipped=c.flipped) for c in rows[start:start + query.limit]]
    return page_response(a.ComparisonOut(a=a.EventRefOut(id=first.id, label=first.label, date=first.date),
                                         b=a.EventRefOut(id=second.id, label=second.label, date=second.date),
                                         items=items, next_cursor=next_cursor), next_cursor)
