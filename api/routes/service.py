"""Health, counts, and graph downloads."""

from __future__ import annotations

from flask import Response
from sqlalchemy import text

from graph import export, stream

from .. import schemas as s
from ..services import services
from . import READ_ERRORS, blueprint, json_response

bp = blueprint("service", "Health, statistics and graph downloads")

_GRAPH_CONTENT = {media: {"schema": {"type": "object"} if media == "application/json" else {"type": "string"}}
                  for media, _ in export.FORMATS.values()}


@bp.get("/health", responses={200: s.Health})
def health() -> Response:
    """Liveness, and whether the store answers."""
    with services().store.engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    return json_response(s.Health(status="ok", database="ok"))


@bp.get("/stats", responses={200: s.Stats})
def stats() -> Response:
    """How much the store holds."""
    st = services().store.stats()
    return json_response(s.Stats(articles=st.articles, events=st.events, actors=st.actors, reactions=st.reactions,
                                 by_stance=s.StanceCounts(**st.by_stance)))


def _download(event: str | None, actor: str | None, fmt: str) -> Response:
    # Streamed as it is read from the store: a whole store downloads in flat memory.
    graph = stream.from_store(services().store.engine, event_id=event, actor_id=actor)
    media, extension = export.FORMATS[fmt]
    name = "-".join(["reactiongraph", *(x for x in (event, actor) if x)])
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in name)
    body = (piece.encode("utf-8") for piece in export.chunks(graph, fmt))  # type: ignore[arg-type]
    return Response(body, mimetype=media, headers={"Content-Disposition": f'attachment; filename="{safe}.{extension}"'})


@bp.get("/graph", responses={200: {"description": "the graph as a file", "content": _GRAPH_CONTENT},
                             **READ_ERRORS})
def graph(query: s.GraphQuery) -> Response:
    """The graph of everything, one event or one actor's neighbourhood, as a download."""
    return _download(query.event, query.actor, query.format)


@bp.get("/export.graphml", responses={200: {"description": "GraphML", "content": {
    export.FORMATS["graphml"][0]: {"schema": {"type": "string"}}}}, **READ_ERRORS})
def export_graphml(query: s.ScopeQuery) -> Response:
    """The graph as GraphML (same as /api/graph?format=graphml)."""
    return _download(query.event, query.actor, "graphml")
