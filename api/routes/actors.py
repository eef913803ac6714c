"""Actors and countries: profiles, their reactions, manual merges."""

from __future__ import annotations

import pycountry
from flask import Response

from graph.errors import NotFound
from graph.countries import gazetteer

from .. import convert, schemas as s
from ..services import services
from . import READ_ERRORS, WRITE_ERRORS, WRITE_SECURITY, blueprint, json_response, page_response

bp = blueprint("actors", "People, organisations and countries that react")


@bp.get("/actors", responses={200: s.ActorPage, **READ_ERRORS})
def list_actors(query: s.ActorsQuery) -> Response:
    """Actors by name; filter by kind and country, `q` searches every name."""
    page = services().store.actors(kind=query.kind, country=query.country, q=query.q, cursor=query.cursor,
                                   limit=query.limit)
    return page_response(convert.page([convert.actor_out(a) for a in page.items], page.next_cursor),
                         page.next_cursor)


@bp.get("/actors/<id>", responses={200: s.ActorDetail, **READ_ERRORS})
def get_actor(path: s.IdPath, query: s.PageQuery) -> Response:
    """An actor's profile, aliases, and every reaction across events (paged, newest first)."""
    store = services().store
    actor, counts = store.actor(path.id)
    page = store.reactions(actor=path.id, cursor=query.cursor, limit=query.limit)
    return page_response({**convert.actor_out(actor), "counts": counts,
                          "reactions": [convert.reaction_out(v) for v in page.items],
                          "next_cursor": page.next_cursor}, page.next_cursor)


@bp.post("/actors/<id>/merge", responses={200: s.ActorDetail, **WRITE_ERRORS}, security=WRITE_SECURITY)
def merge_actor(path: s.IdPath, body: s.MergeIn) -> Response:
    """Merge this actor into another; aliases and reactions move, later ingests follow."""
    store = services().store
    store.merge_actors(path.id, body.into)
    actor, counts = store.actor(body.into)
    page = store.reactions(actor=body.into)
    return json_response({**convert.actor_out(actor), "counts": counts,
                          "reactions": [convert.reaction_out(v) for v in page.items],
                          "next_cursor": page.next_cursor})


@bp.get("/countries/<code>", responses={200: s.CountryDetail, **READ_ERRORS})
def get_country(path: s.CountryPath, query: s.PageQuery) -> Response:
    """A country's reactions across events: its own, its officials' and its bodies'."""
    code = path.code.upper()
    if len(code) != 2 or pycountry.countries.get(alpha_2=code) is None:
        raise NotFound(f"{path.code!r} is not an ISO 3166-1 alpha-2 country code")
    store = services().store
    page = store.reactions(country=code, cursor=query.cursor, limit=query.limit)
    counts = store.country_counts(code)
    return page_response({"code": code, "name": gazetteer().name(code), "counts": counts,
                          "reactions": [convert.reaction_out(v) for v in page.items],
                          "next_cursor": page.next_cursor}, page.next_cursor)
