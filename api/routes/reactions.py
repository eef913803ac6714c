"""Reactions: the general who-reacted-to-what query, and human corrections."""

from __future__ import annotations

from flask import Response

from .. import convert, schemas as s
from ..services import services
from . import READ_ERRORS, WRITE_ERRORS, WRITE_SECURITY, blueprint, json_response, page_response

bp = blueprint("reactions", "Who reacted to what, and how")


@bp.get("/reactions", responses={200: s.ReactionPage, **READ_ERRORS})
def list_reactions(query: s.ReactionsQuery) -> Response:
    """Reactions matching every filter, newest first; since/until bound the article's date."""
    page = services().store.reactions(event=query.event, actor=query.actor, stance=query.stance,
                                      country=query.country, kind=query.kind, since=query.since,
                                      until=query.until, cursor=query.cursor, limit=query.limit)
    return page_response(convert.page([convert.reaction_out(v) for v in page.items], page.next_cursor),
                         page.next_cursor)


@bp.get("/reactions/<id>", responses={200: s.ReactionOut, **READ_ERRORS})
def get_reaction(path: s.IdPath) -> Response:
    """One reaction."""
    return json_response(convert.reaction_out(services().store.reaction(path.id)))


@bp.patch("/reactions/<id>", responses={200: s.ReactionOut, **WRITE_ERRORS}, security=WRITE_SECURITY)
def patch_reaction(path: s.IdPath, body: s.ReactionPatch) -> Response:
    """Correct a reaction's stance or add a note; it is then marked reviewed and kept as corrected."""
    store = services().store
    store.correct_reaction(path.id, stance=body.stance, note=body.note)
    return json_response(convert.reaction_out(store.reaction(path.id)))


@bp.delete("/reactions/<id>", responses={204: None, **WRITE_ERRORS}, security=WRITE_SECURITY)
def delete_reaction(path: s.IdPath) -> Response:
    """Delete a reaction (and its actor, if it has no other)."""
    services().store.delete_reaction(path.id)
    return Response(status=204)
