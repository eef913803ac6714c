"""Events: list, read, rename, merge, and who reacted to them."""

from __future__ import annotations

from flask import Response

from graph.errors import InvalidInput
from graph.queries import check_id

from .. import convert, schemas as s
from ..services import services
from . import READ_ERRORS, WRITE_ERRORS, WRITE_SECURITY, blueprint, json_response, page_response

bp = blueprint("events", "Events that actors react to")


@bp.get("/events", responses={200: s.EventPage, **READ_ERRORS})
def list_events(query: s.EventsQuery) -> Response:
    """Events, newest first, with their stance counts; `q` searches labels."""
    page = services().store.events(q=query.q, cursor=query.cursor, limit=query.limit)
    return page_response(convert.page([convert.event_out(e) for e in page.items], page.next_cursor),
                         page.next_cursor)


@bp.get("/events/<id>", responses={200: s.EventDetail, **READ_ERRORS})
def get_event(path: s.IdPath) -> Response:
    """An event: label, date, articles, and counts by stance and by country."""
    return json_response(convert.event_detail(services().store.event_detail(path.id)))


@bp.patch("/events/<id>", responses={200: s.EventDetail, **WRITE_ERRORS}, security=WRITE_SECURITY)
def patch_event(path: s.IdPath, body: s.EventPatch) -> Response:
    """Rename an event or change its date."""
    store = services().store
    store.update_event(path.id, body.model_dump(include=body.model_fields_set))
    return json_response(convert.event_detail(store.event_detail(path.id)))


@bp.post("/events/<id>/merge", responses={200: s.EventDetail, **WRITE_ERRORS}, security=WRITE_SECURITY)
def merge_event(path: s.IdPath, body: s.MergeIn) -> Response:
    """Merge this event into another found to be the same; returns the one that remains."""
    store = services().store
    store.merge_events(path.id, body.into)
    return json_response(convert.event_detail(store.event_detail(body.into)))


@bp.get("/events/<id>/reactions", responses={200: s.EventReactions, **READ_ERRORS})
def event_reactions(path: s.IdPath, query: s.EventReactionsQuery) -> Response:
    """Who reacted to this event, and how; the surest first."""
    store = services().store
    check_id(path.id, "event")  # an id no row can have is "not found", before it reaches a filter
    try:
        page = store.reactions(event=path.id, stance=query.stance, country=query.country, kind=query.kind,
                               actor=query.actor, by_confidence=True, cursor=query.cursor, limit=query.limit)
    except InvalidInput:
        store.event(path.id)  # an unknown event is "not found", whatever else is wrong with the request
        raise
    # Its reactions name the event; only an empty page reads it (and finds whether it exists).
    label = page.items[0].event_label if page.items else store.event(path.id).label
    return page_response(convert.page([convert.reaction_out(v) for v in page.items], page.next_cursor,
                                      event=convert.event_ref(path.id, label)), page.next_cursor)
