"""Actors and countries: profiles, their reactions, corrections and manual merges."""

from __future__ import annotations

from typing import Any

import pycountry
from flask import Response

from graph.errors import NotFound
from graph.countries import gazetteer
from graph.paging import DEFAULT_LIMIT

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


def _profile(actor_id: str, cursor: str | None = None,
             limit: int = DEFAULT_LIMIT) -> tuple[dict[str, Any], str | None]:
    """An actor's profile body with a page of its reactions under `items`, and the next cursor."""
    store = services().store
    actor, counts = store.actor(actor_id)
    page = store.reactions(actor=actor_id, cursor=cursor, limit=limit)
    return convert.page([convert.reaction_out(v) for v in page.items], page.next_cursor,
                        **convert.actor_out(actor), counts=counts), page.next_cursor


@bp.get("/actors/<id>", responses={200: s.ActorDetail, 301: None, **READ_ERRORS})
def get_actor(path: s.IdPath, query: s.PageQuery) -> Response:
    """An actor's profile, aliases, and every reaction across events (paged, newest first).

    The id of an actor merged into another answers 301 with the merged actor's address.
    """
    return page_response(*_profile(path.id, query.cursor, query.limit))


@bp.patch("/actors/<id>", responses={200: s.ActorDetail, **WRITE_ERRORS}, security=WRITE_SECURITY)
def patch_actor(path: s.IdPath, body: s.ActorPatch) -> Response:
    """Correct an actor's name, kind, country, role or organisation; later ingests keep the correction."""
    services().store.update_actor(path.id, body.model_dump(include=body.model_fields_set))
    return json_response(_profile(path.id)[0])


@bp.post("/actors/<id>/merge", responses={200: s.ActorDetail, **WRITE_ERRORS}, security=WRITE_SECURITY)
def merge_actor(path: s.IdPath, body: s.MergeIn) -> Response:
    """Merge this actor into another; aliases and reactions move, later ingests follow, the old id redirects."""
    services().store.merge_actors(path.id, body.into)
    return json_response(_profile(body.into)[0])


@bp.get("/countries/<code>", responses={200: s.CountryDetail, **READ_ERRORS})
def get_country(path: s.CountryPath, query: s.PageQuery) -> Response:
    """A country's reactions across events: its own, its officials' and its bodies'."""
    code = path.code.upper()
    if len(code) != 2 or pycountry.countries.get(alpha_2=code) is None:
        raise NotFound(f"{path.code!r} is not an ISO 3166-1 alpha-2 country code")
    store = services().store
    page = store.reactions(country=code, cursor=query.cursor, limit=query.limit)
    counts, actors = store.country_summary(code)
    return page_response(convert.page([convert.reaction_out(v) for v in page.items], page.next_cursor,
                                      code=code, name=gazetteer().name(code), counts=counts,
                                      actors=convert.actor_counts(actors)), page.next_cursor)
