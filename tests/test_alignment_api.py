"""The alignment, coalition, timeline and comparison endpoints through Flask's test client, on tests/world.py."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient

from api import create_app

from .test_api import problem
from .world import World, build


@pytest.fixture
def world(app: Flask) -> World:
    return build(app.extensions["reactiongraph"].store)


def test_alignment_pairs_and_their_events(client: FlaskClient, world: World) -> None:
    a = world.actors
    body = client.get(f"/api/alignment?party={a['macron']}&other={a['sunak']}&events_per_pair=10").json
    (pair,) = body["items"]
    assert (pair["a"]["name"], pair["b"]["name"]) == ("Emmanuel Macron", "Rishi Sunak")
    assert (pair["events"], pair["same"], pair["opposite"], pair["neutral"], pair["score"]) == (4, 3, 1, 0, 0.5)
    assert [(s["label"], s["a"], s["b"]) for s in pair["shared"]] == [
        ("Arms deal announced", "support", "oppose"), ("Sanctions package adopted", "support", "support"),
        ("Vladimir Putin's decision to annex the border region", "oppose", "oppose"),
        ("Ceasefire agreement signed in Geneva", "support", "support")]
    assert body["scope"]["by"] == "actor" and body["scope"]["min_events"] == 2


def test_alignment_by_country_with_filters(client: FlaskClient, world: World) -> None:
    e = world.events
    body = client.get("/api/alignment?by=country&party=FR&other=GB").json
    assert [(p["events"], p["score"]) for p in body["items"]] == [(5, 0.8)]
    two = client.get(f"/api/alignment?by=country&event={e['E1']}&event={e['E2']}&order=disagreement").json
    assert two["scope"]["events"] == sorted([e["E1"], e["E2"]])
    assert two["items"][0]["score"] == -1.0
    spring = client.get("/api/alignment?since=2024-03-01&until=2024-04-30&min_events=1&limit=500").json
    assert {s["id"] for p in spring["items"] for s in p["shared"]} == {e["E3"], e["E4"]}
    problem(client.get("/api/alignment?since=2024-05-01&until=2024-01-01"), 422)
    problem(client.get("/api/alignment?by=planet"), 422)
    problem(client.get("/api/alignment?other=GB"), 422)
    problem(client.get("/api/alignment?event=ev-nothing"), 404)
    problem(client.get("/api/alignment?party=ac-nobody"), 404)


def test_alignment_pages_join_up(client: FlaskClient, world: World) -> None:
    whole = client.get("/api/alignment?limit=500&events_per_pair=0").json["items"]
    seen, url = [], "/api/alignment?limit=4&events_per_pair=0"
    while url:
        response = client.get(url)
        seen += response.json["items"]
        cursor = response.json["next_cursor"]
        url = f"/api/alignment?limit=4&events_per_pair=0&cursor={cursor}" if cursor else None
        if cursor:
            assert 'rel="next"' in response.headers["Link"]
    assert seen == whole and len(whole) > 4
    for bad in ("limit=0", "limit=501", "cursor=nope", "colour=red", "top=0", "top=1001", "min_events=0"):
        assert problem(client.get(f"/api/alignment?{bad}"), 422)["errors"]


def test_alignment_follows_writes(client: FlaskClient, world: World, app: Flask) -> None:
    a = world.actors
    url = f"/api/alignment?party={a['macron']}&other={a['sunak']}"
    assert client.get(url).json["items"][0]["events"] == 4
    app.extensions["reactiongraph"].store.merge_actors(a["manu"], into=a["macron"])
    assert client.get(url).json["items"][0]["events"] == 5  # not a stale cached matrix
    reaction = client.get(f"/api/actors/{a['sunak']}/timeline").json["items"][-1]
    app.extensions["reactiongraph"].store.correct_reaction(reaction["id"], stance="oppose")
    assert client.get(url).json["items"][0]["same"] == 3


def test_coalitions(client: FlaskClient, world: World) -> None:
    body = client.get("/api/coalitions").json
    groups = [sorted(m["name"] for m in c["members"]) for c in body["items"]]
    assert groups == [["Emmanuel Macron", "French Foreign Ministry", "Olaf Scholz", "Rishi Sunak", "United Kingdom"],
                      ["Sergei Lavrov", "Vladimir Putin", "Xi Jinping"]]
    assert [c["id"] for c in body["items"]] == ["c1", "c2"]
    assert {p["name"] for p in body["unaligned"]} == {"Antonio Guterres"}
    assert body["items"][1]["events"][0]["stance"] == "oppose"
    again = client.get("/api/coalitions").json
    assert again == body
    countries = client.get("/api/coalitions?by=country").json
    assert [[m["id"] for m in c["members"]] for c in countries["items"]] == [["DE", "FR", "GB"], ["CN", "RU"]]
    problem(client.get("/api/coalitions?events_per_group=-1"), 422)


def test_timelines_and_comparison(client: FlaskClient, world: World) -> None:
    a, e = world.actors, world.events
    tl = client.get(f"/api/actors/{a['scholz']}/timeline").json
    assert tl["label"] == "Olaf Scholz"
    assert [(r["article"]["published"], r["stance"]) for r in tl["items"]] == [
        ("2024-01-11", "support"), ("2024-02-11", "oppose"), ("2024-03-12", "neutral"), ("2024-04-11", "support"),
        ("2024-04-13", "oppose")]
    first = client.get(f"/api/actors/{a['scholz']}/timeline?limit=2").json
    assert len(first["items"]) == 2 and first["next_cursor"]
    ev = client.get(f"/api/events/{e['E4']}/timeline").json
    assert ev["label"] == "Arms deal announced" and ev["items"][-1]["article"]["published"] == "2024-04-13"
    cmp = client.get(f"/api/events/{e['E1']}/compare/{e['E2']}?changed=true").json
    assert cmp["a"]["id"] == e["E1"] and all(c["flipped"] for c in cmp["items"]) and len(cmp["items"]) == 5
    everyone = client.get(f"/api/events/{e['E1']}/compare/{e['E2']}").json["items"]
    assert everyone[-1] == {"id": a["guterres"], "name": "Antonio Guterres", "kind": "person", "country": None,
                            "a": "neutral", "b": "neutral", "changed": False, "flipped": False}
    by_country = client.get(f"/api/events/{e['E3']}/compare/{e['E4']}?by=country&limit=1").json
    assert by_country["items"][0]["id"] == "GB" and by_country["next_cursor"]
    problem(client.get(f"/api/events/{e['E1']}/compare/{e['E1']}"), 422)


@pytest.mark.parametrize("path", ["/api/actors/{id}/timeline", "/api/events/{id}/timeline",
                                  "/api/events/{id}/compare/{event}", "/api/events/{event}/compare/{id}"])
def test_unknown_ids_are_404_problems(client: FlaskClient, world: World, path: str) -> None:
    body = problem(client.get(path.format(id="nope-123", event=world.events["E1"])), 404)
    assert "nope-123" in body["detail"]


@pytest.mark.parametrize("path", ["/api/actors/{actor}/timeline", "/api/events/{event}/timeline",
                                  "/api/events/{event}/compare/{other}"])
def test_lists_validate_paging(client: FlaskClient, world: World, path: str) -> None:
    url = path.format(actor=world.actors["sunak"], event=world.events["E1"], other=world.events["E2"])
    for bad in ("limit=0", "limit=501", "limit=ten", "cursor=not-a-cursor", "colour=red"):
        assert problem(client.get(f"{url}?{bad}"), 422)["errors"]
    assert client.get(f"{url}?limit=500").status_code == 200


def test_reads_of_alignment_can_require_a_token(db_url: str) -> None:
    app = create_app({"DATABASE_URL": db_url, "READ_TOKEN_REQUIRED": True})
    client = app.test_client()
    for path in ("/api/alignment", "/api/coalitions", "/api/actors/x/timeline", "/api/events/x/timeline",
                 "/api/events/x/compare/y"):
        problem(client.get(path), 401)
    app.extensions["reactiongraph"].close()


def test_the_openapi_document_describes_the_new_endpoints(client: FlaskClient) -> None:
    paths = client.get("/api/openapi.json").json["paths"]
    for path in ("/api/alignment", "/api/coalitions", "/api/actors/{id}/timeline", "/api/events/{id}/timeline",
                 "/api/events/{id}/compare/{other}"):
        assert "get" in paths[path], path
    params = {p["name"] for p in paths["/api/alignment"]["get"]["parameters"]}
    assert {"by", "event", "since", "until", "country", "min_events", "top", "party", "order", "limit"} <= params


def test_the_pages_answer_and_keep_their_scope(client: FlaskClient, world: World) -> None:
    e = world.events
    page = client.get(f"/alignment?by=country&event={e['E1']}&event={e['E2']}&min_events=1")
    assert page.status_code == 200 and page.mimetype == "text/html"
    assert "form-action 'self'" in page.headers["Content-Security-Policy"]
    assert f"event={e['E1']}&amp;event={e['E2']}".encode() in page.data  # the JSON link keeps both events
    bad = client.get("/alignment?top=0", headers={"Accept": "text/html"})
    assert bad.status_code == 422 and bad.mimetype == "text/html"
    timeline = client.get(f"/actors/{world.actors['sunak']}/timeline")
    assert timeline.status_code == 200 and b"<svg" in timeline.data and b"<script" not in timeline.data
    assert client.get("/actors/nope/timeline", headers={"Accept": "text/html"}).status_code == 404
