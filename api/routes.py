"""The JSON API (the part the first issue needs; the API issue completes it)."""

from __future__ import annotations

import io
from typing import Any

from flask import Blueprint, Response, jsonify, request
from sqlalchemy import text

from graph import export
from graph.errors import InvalidInput
from graph.models import STANCES
from graph.network import build_graph

from .services import services

bp = Blueprint("api", __name__, url_prefix="/api")


def _date(value: Any) -> str | None:
    return value.isoformat() if value else None


@bp.get("/health")
def health() -> Response:
    """Liveness and store reachability."""
    store = services().store
    with store.engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    return jsonify(status="ok", database="ok")


@bp.get("/events")
def events() -> Response:
    """Every event with its stance counts."""
    return jsonify(events=[{"id": s.event.id, "label": s.event.label, "date": _date(s.event.date),
                            "articles": s.articles, "counts": s.counts} for s in services().store.events()])


@bp.get("/events/<event_id>/reactions")
def event_reactions(event_id: str) -> Response:
    """Who reacted to an event, and how; `stance=` filters."""
    stance = request.args.get("stance")
    if stance is not None and stance not in STANCES:
        raise InvalidInput(f"stance must be one of {', '.join(STANCES)}, got {stance!r}")
    store = services().store
    event = store.event(event_id)
    rows = store.reactions(event_id, stance)
    return jsonify(
        event={"id": event.id, "label": event.label, "date": _date(event.date)},
        reactions=[{"id": r.id, "actor": a.model_dump(mode="json", exclude={"aliases"}), "stance": r.stance,
                    "confidence": r.confidence, "evidence": r.evidence, "span": list(r.span), "cue": r.cue,
                    "article": r.article, "reviewed": r.reviewed} for r, a in rows])


@bp.get("/export.graphml")
def export_graphml() -> Response:
    """The graph (everything, or `event=` one event) as a GraphML download."""
    scope = services().store.scope(event_id=request.args.get("event") or None)
    buffer = io.BytesIO()
    export.write_graphml(build_graph(scope), buffer)
    name = f"reactiongraph-{request.args['event']}.graphml" if request.args.get("event") else "reactiongraph.graphml"
    return Response(buffer.getvalue(), mimetype=export.FORMATS["graphml"][0],
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})
