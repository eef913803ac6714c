"""The JSON API through Flask's test client, errors included."""

from __future__ import annotations

import io

import networkx as nx
import pytest
from click.testing import Result
from flask import Flask
from flask.testing import FlaskClient

from api import create_app


def _problem(response, status: int) -> dict:
    assert response.status_code == status
    assert response.mimetype == "application/problem+json"
    body = response.get_json(force=True)
    assert body["status"] == status and body["title"] and body["type"] == "about:blank"
    return body


def test_no_app_at_import_time() -> None:
    import api
    assert not any(isinstance(v, Flask) for v in vars(api).values())


def test_health(client: FlaskClient) -> None:
    assert client.get("/api/health").get_json() == {"status": "ok", "database": "ok"}


def test_events_and_reactions(client: FlaskClient, seeded: Result) -> None:
    events = client.get("/api/events").get_json()["events"]
    assert len(events) == 1
    event = events[0]
    assert event["articles"] == 1 and event["counts"]["oppose"] >= 5 and event["label"]
    body = client.get(f"/api/events/{event['id']}/reactions").get_json()
    assert body["event"]["id"] == event["id"]
    names = {r["actor"]["name"]: r for r in body["reactions"]}
    assert names["Marco Rubio"]["stance"] == "oppose"
    assert names["Marco Rubio"]["actor"]["country"] == "US"
    assert isinstance(names["Marco Rubio"]["span"], list)
    support = client.get(f"/api/events/{event['id']}/reactions?stance=support").get_json()["reactions"]
    assert support and {r["stance"] for r in support} == {"support"}


def test_export_graphml_download(client: FlaskClient, seeded: Result) -> None:
    response = client.get("/api/export.graphml")
    assert response.status_code == 200
    assert response.mimetype == "application/graphml+xml"
    assert response.headers["Content-Disposition"] == 'attachment; filename="reactiongraph.graphml"'
    g = nx.read_graphml(io.BytesIO(response.data), force_multigraph=True)
    assert any(d.get("relation") == "reacted" for _, _, d in g.edges(data=True))


@pytest.mark.parametrize("method, path, status", [
    ("get", "/api/events/ev-missing/reactions", 404),
    ("get", "/api/export.graphml?event=ev-missing", 404),
    ("get", "/api/nothing-here", 404),
    ("post", "/api/events", 405),
    ("delete", "/api/health", 405),
])
def test_errors_are_problem_json(client: FlaskClient, method: str, path: str, status: int) -> None:
    body = _problem(getattr(client, method)(path), status)
    assert body["detail"]


def test_405_keeps_allow_header(client: FlaskClient) -> None:
    response = client.post("/api/events")
    _problem(response, 405)
    assert "GET" in response.headers["Allow"]


def test_bad_stance_is_422(client: FlaskClient, seeded: Result) -> None:
    event_id = client.get("/api/events").get_json()["events"][0]["id"]
    body = _problem(client.get(f"/api/events/{event_id}/reactions?stance=angry"), 422)
    assert "support, oppose, neutral" in body["detail"]


def test_unexpected_failure_is_a_problem_without_internals(tmp_path) -> None:
    # A store that cannot be opened: a folder where the database file should be.
    (tmp_path / "db").mkdir()
    app = create_app({"TESTING": False, "DATABASE_URL": f"sqlite:///{tmp_path / 'db'}"})
    body = _problem(app.test_client().get("/api/events"), 500)
    assert "Traceback" not in body["detail"] and "sqlite" not in body["detail"].lower()
