"""Browser pages of issue 19: the alignment view and an actor's timeline chart (rendered by viz)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, request, url_for
from pydantic import ValidationError

from graph import timeline as tl
from graph.coalitions import alignment_graph, coalitions
from graph.errors import InvalidInput
from viz.alignment import GroupView, TimelineRow, group_colours, render_alignment, render_timeline

from .alignment_schemas import ScopeParams
from .pages import CSP, _html
from .routes.alignment import cache, scope_of
from .services import services

bp = Blueprint("alignment_pages", __name__)

# The alignment page's scope form submits to itself (GET); everything else as on the other pages.
FORM_CSP = CSP.replace("form-action 'none'", "form-action 'self'")


def _params() -> ScopeParams:
    values: dict[str, Any] = {k: v for k, v in request.args.items() if v != "" and k != "event"}
    if request.args.getlist("event"):
        values["event"] = request.args.getlist("event")
    try:
        return ScopeParams(**values)
    except ValidationError as exc:
        raise InvalidInput("; ".join(f"{'.'.join(map(str, e['loc'])) or 'query'}: {e['msg']}"
                                     for e in exc.errors())) from None


@bp.get("/alignment")
def alignment_page() -> Response:
    """Who sides with whom: parties, agreement and disagreement as edges, coalitions as colours."""
    query = _params()
    scope = scope_of(query)
    engine = services().store.engine
    m = cache().matrix(engine, scope, min_events=query.min_events, top=query.top)
    groups = coalitions(m, query.min_events, events_per_group=5)
    colours = group_colours([c.id for c in groups])
    views = [GroupView(c.id, colours[c.id], [p.id for p in c.members], [p.name for p in c.members], c.cohesion,
                       [f"{e.label} ({e.stance}, {e.members})" for e in c.events]) for c in groups]
    g = alignment_graph(m, query.min_events)
    notice = None
    if m.positions.left_out:
        notice = (f"Showing the {len(m.positions.parties):,} most active parties; {m.positions.left_out:,} more "
                  f"with {query.min_events} events or more are left out. Narrow the scope or raise 'parties'.")
    what = "countries" if query.by == "country" else "actors"
    args = request.args.to_dict(flat=False)  # keeps every `event`
    links = {"JSON": url_for("alignment.alignment", **args),
             "Coalitions (JSON)": url_for("alignment.list_coalitions", **args)}
    page = render_alignment(g, views, title=f"Who sides with whom: {what}", notice=notice, links=links,
                            form=query.model_dump())
    response = _html(page)
    response.headers["Content-Security-Policy"] = FORM_CSP
    return response


@bp.get("/actors/<actor_id>/timeline")
def actor_timeline_page(actor_id: str) -> Response:
    """An actor's stances over time: a monthly chart and its reactions in order of publication."""
    store = services().store
    actor, _ = store.actor(actor_id)
    cursor = request.args.get("cursor") or None
    page = tl.actor_timeline(store.engine, actor_id, cursor, limit=200)
    rows = [TimelineRow(v.published.isoformat() if v.published else "undated", v.reaction.event, v.event_label,
                        v.reaction.stance, v.reaction.evidence, v.reaction.article) for v in page.items]
    next_url = url_for("alignment_pages.actor_timeline_page", actor_id=actor_id, cursor=page.next_cursor) \
        if page.next_cursor else None
    links = {"Stance graph": url_for("pages.actor_graph", actor_id=actor_id),
             "JSON": url_for("alignment.actor_timeline", id=actor_id),
             "Alignment": url_for("alignment_pages.alignment_page", by="actor")}
    return _html(render_timeline(title=f"{actor.name}: stances over time", months=tl.actor_months(store.engine, actor_id),
                                 rows=rows, links=links, next_url=next_url))

