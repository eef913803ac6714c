"""Browser pages: the home page and the stance-graph pages (rendered by viz)."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, render_template, request, url_for

from graph.network import build_graph
from viz import VizLimits, Whole, render_page

from .services import services

bp = Blueprint("pages", __name__, template_folder="templates")

# Pages load nothing from anywhere: every script and style is inline.
# The home page's search form submits to this origin.
CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:; "
       "connect-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def _html(body: str) -> Response:
    return Response(body, mimetype="text/html", headers={"Content-Security-Policy": CSP,
                                                         "X-Content-Type-Options": "nosniff"})


def limits() -> VizLimits:
    """The page size limits from the settings."""
    return VizLimits(max_nodes=current_app.config["VIZ_MAX_NODES"],
                     physics_max_nodes=current_app.config["VIZ_PHYSICS_MAX_NODES"],
                     max_edges=current_app.config["VIZ_MAX_EDGES"])


@bp.get("/")
def home() -> Response:
    """Events with their stance counts, linking to their graphs and to the API docs."""
    page = services().store.events(q=request.args.get("q") or None, cursor=request.args.get("cursor") or None,
                                   limit=100)
    return _html(render_template("home.html", events=page.items, next_cursor=page.next_cursor,
                                 q=request.args.get("q", "")))


def scope_page(event_id: str | None = None, actor_id: str | None = None,
               links: dict[str, str] | None = None) -> str:
    """The stance-graph page of everything, one event, or one actor's neighbourhood.

    The pages and `reactiongraph viz` both use it, so a file and a page of
    the same scope are the same page.
    """
    store = services().store
    if event_id is not None:
        event = store.event(event_id)
        title = event.label + (f" ({event.date.isoformat()})" if event.date else "")
    elif actor_id is not None:
        actor = store.actor(actor_id)[0]
        title = f"{actor.name} and {'their' if actor.kind == 'person' else 'its'} events"
    else:
        title = "All events"
    # Only what the page draws is read, capped in SQL: its cost does not grow with the store.
    shape = limits()
    drawn = store.drawn(event_id=event_id, actor_id=actor_id, max_nodes=shape.max_nodes, max_edges=shape.max_edges)
    whole = Whole(counts=drawn.counts, events=drawn.events, actors=drawn.actors, counted=drawn.counted)
    return render_page(build_graph(drawn.scope), title=title, limits=shape, links=links, whole=whole)


def _files(**scope: str) -> dict[str, str]:
    """Links to the page's scope as GraphML and GEXF, for Gephi, Cytoscape or networkx."""
    return {label: url_for("service.graph", format=fmt, **scope) for label, fmt in (("GraphML", "graphml"),
                                                                                   ("GEXF", "gexf"))}


@bp.get("/graph")
def whole_graph() -> Response:
    """Everything in the store."""
    return _html(scope_page(links={"API docs": "/api/docs", **_files()}))


@bp.get("/events/<event_id>/graph")
def event_graph(event_id: str) -> Response:
    """One event and who reacted to it."""
    links = {"JSON": url_for("events.event_reactions", id=event_id), **_files(event=event_id)}
    return _html(scope_page(event_id=event_id, links=links))


@bp.get("/actors/<actor_id>/graph")
def actor_graph(actor_id: str) -> Response:
    """One actor, the events it reacted to, and who else reacted to them."""
    return _html(scope_page(actor_id=actor_id, links={"JSON": url_for("actors.get_actor", id=actor_id),
                                                      "Timeline": url_for("alignment_pages.actor_timeline_page",
                                                                          actor_id=actor_id),
                                                      **_files(actor=actor_id)}))
