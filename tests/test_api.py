"""The JSON API through Flask's test client: every endpoint, every error."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from flask import Flask
from flask.testing import FlaskClient

from api import create_app
from api.auth import create_token

from .conftest import SAMPLE

SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")


@pytest.fixture
def token(app: Flask) -> str:
    with app.app_context():
        return create_token(app.extensions["reactiongraph"].store, "tests")[1]


@pytest.fixture
def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def sample(client: FlaskClient, auth: dict[str, str]) -> dict[str, Any]:
    response = client.post("/api/articles", json={"text": SAMPLE_TEXT, "published": "2018-12-19",
                                                  "source": "TRT World"}, headers=auth)
    assert response.status_code == 201, response.json
    return response.json


def problem(response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.data
    assert response.mimetype == "application/problem+json"
    body = json.loads(response.data)
    assert body["status"] == status and body["title"] and body["type"] == "about:blank"
    assert set(body) <= {"type", "title", "status", "detail", "errors"}
    return body


def post(client: FlaskClient, auth: dict[str, str], text: str, **extra: Any) -> dict[str, Any]:
    response = client.post("/api/articles", json={"text": text, **extra}, headers=auth)
    assert response.status_code in (200, 201), response.json
    return response.json


# -- health, stats, docs ------------------------------------------------------

def test_no_app_at_import_time() -> None:
    import api
    assert not any(isinstance(v, Flask) for v in vars(api).values())


def test_health_and_stats(client: FlaskClient, sample: dict) -> None:
    assert client.get("/api/health").json == {"status": "ok", "database": "ok"}
    stats = client.get("/api/stats").json
    assert (stats["articles"], stats["events"], stats["reactions"]) == (1, 1, 10)
    assert sum(stats["by_stance"].values()) == 10


def test_openapi_document(client: FlaskClient) -> None:
    spec = client.get("/api/openapi.json").json
    assert spec["openapi"].startswith("3.1")
    assert spec["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"
    post_article = spec["paths"]["/api/articles"]["post"]
    assert post_article["security"] == [{"bearer": []}]
    assert set(post_article["responses"]["422"]["content"]) == {"application/problem+json"}
    assert "default" in spec["paths"]["/api/events"]["get"]["responses"]
    from openapi_spec_validator import validate
    validate(spec)


def test_swagger_ui_is_served_offline(client: FlaskClient) -> None:
    page = client.get("/api/docs")
    assert page.status_code == 200 and b"swagger-ui" in page.data
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.data.decode())
    assert assets and not [a for a in assets if a.startswith(("http:", "https:", "//"))]
    for asset in assets:
        assert client.get("/api/" + asset).status_code == 200, asset


# -- articles ---------------------------------------------------------------

def test_post_article_then_duplicate(client: FlaskClient, auth: dict, sample: dict) -> None:
    assert sample["created"] is True
    # ten speakers; the five with an explicit criticism oppose whichever judge runs (the default, the learned
    # judge, gives the two the lexicon calls neutral a side: the Pentagon and Netanyahu, README "How stance is judged")
    counts = sample["event"]["counts"]
    assert sum(counts.values()) == 10 and counts["oppose"] == 5
    names = {r["actor"]["name"]: r["stance"] for r in sample["reactions"]}
    assert names["Marco Rubio"] == "oppose" and names["Donald Trump"] == "support"
    again = client.post("/api/articles", json={"text": SAMPLE_TEXT}, headers=auth)
    assert again.status_code == 200 and again.json["created"] is False
    assert again.json["article"]["id"] == sample["article"]["id"]
    assert client.get("/api/stats").json["reactions"] == 10


def test_post_html_article(client: FlaskClient, auth: dict) -> None:
    html = ("<html><head><title>Canada imposes tariffs</title></head><body><article><p>French President "
            "Emmanuel Macron condemned the tariffs as a grave mistake for free trade.</p></article></body></html>")
    body = client.post("/api/articles", json={"html": html}, headers=auth).json
    assert body["article"]["title"] == "Canada imposes tariffs"
    assert [(r["actor"]["name"], r["stance"]) for r in body["reactions"]] == [("Emmanuel Macron", "oppose")]


def test_article_detail_spans_index_the_text(client: FlaskClient, sample: dict) -> None:
    detail = client.get(f"/api/articles/{sample['article']['id']}").json
    assert detail["published"] == "2018-12-19" and detail["source"] == "TRT World"
    for r in detail["reactions"]:
        start, end = r["span"]
        assert detail["text"][start:end] == r["evidence"]


def test_articles_are_paged_with_cursor_and_link(client: FlaskClient, auth: dict) -> None:
    ids = [post(client, auth, f"Country number {i}: Britain said the plan was a mistake {i}.")["article"]["id"]
           for i in range(5)]
    seen: list[str] = []
    url = "/api/articles?limit=2"
    while url:
        response = client.get(url)
        seen += [a["id"] for a in response.json["items"]]
        link = response.headers.get("Link")
        assert (link is None) == (response.json["next_cursor"] is None)
        url = re.match(r"<([^>]+)>", link).group(1) if link else None
    assert sorted(seen) == sorted(ids) and len(seen) == 5
    assert seen == list(reversed(ids))  # newest first, stable


def test_delete_article_removes_orphans(client: FlaskClient, auth: dict, sample: dict) -> None:
    other = post(client, auth, "Britain said the plan was a grave mistake.", event_id=sample["event"]["id"])
    response = client.delete(f"/api/articles/{sample['article']['id']}", headers=auth)
    assert response.status_code == 204
    problem(client.get(f"/api/articles/{sample['article']['id']}"), 404)
    stats = client.get("/api/stats").json
    assert (stats["articles"], stats["events"], stats["reactions"]) == (1, 1, 1)
    assert [a["name"] for a in client.get("/api/actors").json["items"]] == ["United Kingdom"]
    client.delete(f"/api/articles/{other['article']['id']}", headers=auth)
    assert client.get("/api/stats").json == {"articles": 0, "events": 0, "actors": 0, "reactions": 0,
                                             "by_stance": {"support": 0, "oppose": 0, "neutral": 0}}


# -- events -------------------------------------------------------------------

def test_events_list_search_detail(client: FlaskClient, auth: dict, sample: dict) -> None:
    post(client, auth, "Japan said the tariffs were a mistake.", title="Tariffs on steel anger Japan")
    assert len(client.get("/api/events").json["items"]) == 2
    found = client.get("/api/events?q=SYRIA").json["items"]
    assert [e["id"] for e in found] == [sample["event"]["id"]]
    detail = client.get(f"/api/events/{sample['event']['id']}").json
    assert detail["by_country"]["GB"] == {"support": 0, "oppose": 3, "neutral": 0}
    assert detail["article_list"][0]["id"] == sample["article"]["id"]


def test_patch_and_merge_events(client: FlaskClient, auth: dict, sample: dict) -> None:
    event_id = sample["event"]["id"]
    renamed = client.patch(f"/api/events/{event_id}", json={"label": "US withdrawal from Syria",
                                                            "date": "2018-12-19"}, headers=auth).json
    assert (renamed["label"], renamed["date"]) == ("US withdrawal from Syria", "2018-12-19")
    problem(client.patch(f"/api/events/{event_id}", json={}, headers=auth), 422)
    problem(client.patch(f"/api/events/{event_id}", json={"label": None}, headers=auth), 422)
    # Different words: the matcher keeps it apart, and a person merges the two by hand.
    other = post(client, auth, "Germany said the decision was a dangerous mistake.", title="Bad choice, says Berlin")
    assert other["event"]["id"] != event_id
    merged = client.post(f"/api/events/{other['event']['id']}/merge", json={"into": event_id}, headers=auth).json
    assert merged["id"] == event_id and merged["articles"] == 2 and merged["counts"]["oppose"] == 6
    problem(client.get(f"/api/events/{other['event']['id']}"), 404)
    problem(client.post(f"/api/events/{event_id}/merge", json={"into": event_id}, headers=auth), 422)
    problem(client.post(f"/api/events/{event_id}/merge", json={"into": "ev-nope"}, headers=auth), 404)


def test_event_reactions_filters(client: FlaskClient, sample: dict) -> None:
    base = f"/api/events/{sample['event']['id']}/reactions"
    everyone = client.get(base).json["items"]
    assert len(everyone) == 10
    assert [r["confidence"] for r in everyone] == sorted((r["confidence"] for r in everyone), reverse=True)
    assert {r["actor"]["name"] for r in client.get(base + "?stance=oppose&country=GB").json["items"]} == {
        "United Kingdom", "British Foreign Office", "Tobias Ellwood"}
    assert {r["actor"]["kind"] for r in client.get(base + "?kind=person").json["items"]} == {"person"}
    rubio = next(r for r in everyone if r["actor"]["name"] == "Marco Rubio")
    only = client.get(f"{base}?actor={rubio['actor']['id']}").json["items"]
    assert [r["id"] for r in only] == [rubio["id"]]
    # The page names its event whether or not any reaction matches the filters.
    named = {"id": sample["event"]["id"], "label": sample["event"]["label"]}
    none = client.get(base + "?country=NZ").json
    assert (none["items"], none["event"], client.get(base).json["event"]) == ([], named, named)
    # An unknown event is "not found" whatever else is wrong with the request; a known one says what is.
    problem(client.get("/api/events/ev-nope/reactions?cursor=garbage"), 404)
    problem(client.get(base + "?cursor=garbage"), 422)


# -- actors and countries -----------------------------------------------------

def test_actors_list_and_detail(client: FlaskClient, sample: dict) -> None:
    people = client.get("/api/actors?kind=person&country=US").json["items"]
    assert [a["name"] for a in people] == ["Donald Trump", "Lindsey Graham", "Marco Rubio"][:len(people)] or people
    assert {"Donald Trump", "Marco Rubio"} <= {a["name"] for a in people}
    found = client.get("/api/actors?q=trump").json["items"]
    assert [a["name"] for a in found] == ["Donald Trump"]
    detail = client.get(f"/api/actors/{found[0]['id']}").json
    assert "Trump" in detail["aliases"] and detail["counts"]["support"] == 1
    assert detail["items"][0]["event"]["id"] == sample["event"]["id"]


def test_merge_actors_and_later_ingests_follow(client: FlaskClient, auth: dict, sample: dict) -> None:
    actors = {a["name"]: a["id"] for a in client.get("/api/actors?limit=500").json["items"]}
    merged = client.post(f"/api/actors/{actors['British Foreign Office']}/merge",
                         json={"into": actors["United Kingdom"]}, headers=auth).json
    assert merged["id"] == actors["United Kingdom"] and "British Foreign Office" in merged["aliases"]
    moved = client.get(f"/api/actors/{actors['British Foreign Office']}")
    assert moved.status_code == 301 and moved.headers["Location"] == f"/api/actors/{actors['United Kingdom']}"
    later = post(client, auth, "The British Foreign Office said the vote was a grave mistake.", title="A vote")
    assert [r["actor"]["id"] for r in later["reactions"]] == [actors["United Kingdom"]]
    problem(client.post(f"/api/actors/{actors['Marco Rubio']}/merge", json={"into": actors["Marco Rubio"]},
                        headers=auth), 422)


def test_country_reactions_include_officials_and_bodies(client: FlaskClient, sample: dict) -> None:
    gb = client.get("/api/countries/GB").json
    assert gb["name"] == "United Kingdom" and gb["counts"]["oppose"] == 3
    assert {r["actor"]["name"] for r in gb["items"]} == {"United Kingdom", "British Foreign Office",
                                                             "Tobias Ellwood"}
    assert client.get("/api/countries/gb").json["code"] == "GB"
    assert client.get("/api/countries/FJ").json["items"] == []
    problem(client.get("/api/countries/XX"), 404)


# -- reactions -----------------------------------------------------------------

def test_reactions_query(client: FlaskClient, auth: dict, sample: dict) -> None:
    post(client, auth, "Britain said the deal was a historic success.", title="Trade deal", published="2020-01-05")
    assert len(client.get("/api/reactions?country=GB").json["items"]) == 4
    assert len(client.get("/api/reactions?country=GB&stance=support").json["items"]) == 1
    assert len(client.get("/api/reactions?since=2019-01-01").json["items"]) == 1
    assert len(client.get("/api/reactions?until=2019-01-01").json["items"]) == 10
    assert len(client.get(f"/api/reactions?event={sample['event']['id']}&kind=organization").json["items"]) == 4
    problem(client.get("/api/reactions?since=yesterday"), 422)


def test_correction_survives_reingest(client: FlaskClient, auth: dict, sample: dict) -> None:
    netanyahu = next(r for r in sample["reactions"] if r["actor"]["name"] == "Benjamin Netanyahu")
    corrected = client.patch(f"/api/reactions/{netanyahu['id']}", json={"stance": "support", "note": "context"},
                             headers=auth).json
    assert (corrected["stance"], corrected["reviewed"], corrected["note"]) == ("support", True, "context")
    again = client.post("/api/articles", json={"text": SAMPLE_TEXT}, headers=auth)
    assert again.status_code == 200
    assert client.get(f"/api/reactions/{netanyahu['id']}").json["stance"] == "support"
    problem(client.patch(f"/api/reactions/{netanyahu['id']}", json={"stance": "angry"}, headers=auth), 422)
    problem(client.patch(f"/api/reactions/{netanyahu['id']}", json={}, headers=auth), 422)


def test_delete_reaction(client: FlaskClient, auth: dict, sample: dict) -> None:
    rubio = next(r for r in sample["reactions"] if r["actor"]["name"] == "Marco Rubio")
    assert client.delete(f"/api/reactions/{rubio['id']}", headers=auth).status_code == 204
    problem(client.get(f"/api/reactions/{rubio['id']}"), 404)
    problem(client.get(f"/api/actors/{rubio['actor']['id']}"), 404)
    problem(client.delete(f"/api/reactions/{rubio['id']}", headers=auth), 404)


# -- graph downloads --------------------------------------------------------

@pytest.mark.parametrize("fmt, media", [("json", "application/json"), ("graphml", "application/graphml+xml"),
                                        ("gexf", "application/gexf+xml")])
def test_graph_download(client: FlaskClient, sample: dict, fmt: str, media: str) -> None:
    response = client.get(f"/api/graph?format={fmt}&event={sample['event']['id']}")
    assert response.status_code == 200 and response.mimetype == media
    assert response.is_streamed  # written as it is read from the store, never whole in memory
    assert response.headers["Content-Disposition"] == (
        f'attachment; filename="reactiongraph-{sample["event"]["id"]}.{fmt}"')
    g = {"graphml": lambda b: nx.read_graphml(b, force_multigraph=True), "gexf": nx.read_gexf,
         "json": lambda b: nx.node_link_graph(json.load(b), edges="edges")}[fmt](io.BytesIO(response.data))
    assert any(d.get("relation") == "reacted" for _, _, d in g.edges(data=True))
    legacy = client.get("/api/export.graphml")
    assert legacy.status_code == 200 and legacy.mimetype == "application/graphml+xml"
    problem(client.get("/api/graph?format=csv"), 422)


# -- the rules every endpoint follows ------------------------------------------

ENDPOINTS = [
    ("get", "/api/articles/{id}"), ("delete", "/api/articles/{id}"), ("get", "/api/events/{id}"),
    ("patch", "/api/events/{id}"), ("post", "/api/events/{id}/merge"), ("get", "/api/events/{id}/reactions"),
    ("get", "/api/actors/{id}"), ("patch", "/api/actors/{id}"), ("post", "/api/actors/{id}/merge"),
    ("get", "/api/reactions/{id}"),
    ("patch", "/api/reactions/{id}"), ("delete", "/api/reactions/{id}"), ("get", "/api/countries/{id}"),
    ("get", "/api/graph?event={id}"), ("get", "/api/export.graphml?actor={id}"),
]
BODIES = {"patch": {"label": "x", "stance": "oppose"}, "post": {"into": "whatever"}}


@pytest.mark.parametrize("method, path", ENDPOINTS)
def test_unknown_ids_are_404_problems(client: FlaskClient, auth: dict, sample: dict, method: str, path: str) -> None:
    body = BODIES.get(method)
    if method == "patch":
        body = {"label": "x"} if "events" in path else {"role": "x"} if "actors" in path else {"stance": "oppose"}
    response = getattr(client, method)(path.format(id="nope-123"), json=body, headers=auth)
    assert "nope-123" in problem(response, 404)["detail"]


LISTS = ["/api/articles", "/api/events", "/api/actors", "/api/reactions", "/api/events/{event}/reactions",
         "/api/actors/{actor}", "/api/countries/GB"]


@pytest.mark.parametrize("path", LISTS)
def test_lists_validate_paging(client: FlaskClient, sample: dict, path: str) -> None:
    path = path.format(event=sample["event"]["id"], actor=sample["reactions"][0]["actor"]["id"])
    for bad in ("limit=0", "limit=501", "limit=ten", "cursor=not-a-cursor", "colour=red"):
        body = problem(client.get(f"{path}?{bad}"), 422)
        assert body["errors"]
    assert client.get(f"{path}?limit=500").status_code == 200


WRITES = [("post", "/api/articles"), ("patch", "/api/events/{event}"), ("post", "/api/events/{event}/merge"),
          ("patch", "/api/actors/{actor}"), ("post", "/api/actors/{actor}/merge"),
          ("patch", "/api/reactions/{reaction}")]


def _fill(path: str, sample: dict) -> str:
    return path.format(event=sample["event"]["id"], actor=sample["reactions"][0]["actor"]["id"],
                       reaction=sample["reactions"][0]["id"])


@pytest.mark.parametrize("method, path", WRITES)
def test_write_errors(client: FlaskClient, auth: dict, sample: dict, method: str, path: str) -> None:
    url = _fill(path, sample)
    call = getattr(client, method)
    no_token = problem(call(url, json={}), 401)
    assert no_token["detail"]
    assert call(url, json={}).headers["WWW-Authenticate"].startswith("Bearer")
    bad = call(url, json={}, headers={"Authorization": "Bearer rg_wrong"})
    problem(bad, 401)
    assert re.search(r"error=\"?invalid_token\"?", bad.headers["WWW-Authenticate"])
    problem(call(url, data="{not json", content_type="application/json", headers=auth), 400)
    problem(call(url, data="text=hello", content_type="application/x-www-form-urlencoded", headers=auth), 415)
    unknown = problem(call(url, json={"colour": "red"}, headers=auth), 422)
    assert any("colour" in json.dumps(e) for e in unknown["errors"])
    problem(call(url, data=json.dumps({"text": "x" * (2 * 1024 * 1024)}), content_type="application/json",
                 headers=auth), 413)


def test_405_keeps_allow_header(client: FlaskClient) -> None:
    response = client.put("/api/events")
    problem(response, 405)
    assert "GET" in response.headers["Allow"]
    problem(client.get("/api/nothing-here"), 404)


def test_reads_can_require_a_token(db_url: str, tmp_path: Path) -> None:
    app = create_app({"DATABASE_URL": db_url, "READ_TOKEN_REQUIRED": True})
    client = app.test_client()
    problem(client.get("/api/events"), 401)
    with app.app_context():
        token = create_token(app.extensions["reactiongraph"].store, "reader")[1]
    assert client.get("/api/events", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    assert client.get("/api/health").status_code == 200


def test_revoked_token_stops_working(app: Flask, client: FlaskClient) -> None:
    store = app.extensions["reactiongraph"].store
    token_id, token = create_token(store, "short-lived")
    headers = {"Authorization": f"Bearer {token}"}
    assert client.post("/api/articles", json={"text": "Spain said it was a mistake."}, headers=headers).status_code == 201
    store.revoke_token(token_id)
    problem(client.post("/api/articles", json={"text": "Italy said it was a mistake."}, headers=headers), 401)


def test_unexpected_failure_is_a_problem_without_internals(tmp_path: Path) -> None:
    (tmp_path / "db").mkdir()  # a folder where the database file should be
    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'db'}"})
    body = problem(app.test_client().get("/api/events"), 500)
    assert "Traceback" not in body["detail"] and "sqlite" not in body["detail"].lower()


def test_browser_pages_and_their_errors(client: FlaskClient, sample: dict) -> None:
    home = client.get("/")
    assert home.status_code == 200 and home.mimetype == "text/html"
    assert "default-src 'none'" in home.headers["Content-Security-Policy"]
    page = client.get(f"/events/{sample['event']['id']}/graph")
    assert page.status_code == 200 and b"vis.Network" in page.data
    assert not re.search(rb"""(?:src|href)\s*=\s*["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//""", page.data)
    assert client.get("/graph").status_code == 200
    actor = sample["reactions"][0]["actor"]["id"]
    assert client.get(f"/actors/{actor}/graph").status_code == 200
    missing = client.get("/events/<img src=x onerror=alert(1)>/graph", headers={"Accept": "text/html"})
    assert missing.status_code == 404 and missing.mimetype == "text/html"
    assert b"<img" not in missing.data and b"&lt;img src=x onerror=alert(1)&gt;" in missing.data
    problem(client.get("/events/nope/graph", headers={"Accept": "application/json"}), 404)


def test_nul_characters_are_refused_not_stored(client: FlaskClient, auth: dict, sample: dict) -> None:
    problem(client.get("/api/events/ev%00x"), 422)
    problem(client.get("/api/events?q=a%00b"), 422)
    problem(client.patch(f"/api/events/{sample['event']['id']}", json={"label": "a\x00b"}, headers=auth), 422)
    problem(client.post("/api/articles", json={"text": "Spain said it was a grave mistake.", "title": "T\x00itle"},
                        headers=auth), 422)
    made = client.post("/api/articles", json={"text": "Spain said it was a grave mistake.", "title": "T\x07itle",
                                              "source": "S\x01ource"}, headers=auth)
    assert made.status_code == 201 and made.json["article"]["title"] == "Title"
    assert made.json["article"]["source"] == "Source"


@pytest.mark.parametrize(("sqlstate", "status", "attempts"), [("40P01", 503, 5), ("40001", 503, 5), ("23505", 500, 1)],
                         ids=["deadlock", "serialization failure", "other database error"])
def test_a_write_postgresql_aborts_for_a_conflict_is_run_again_then_a_503_to_retry(
        client: FlaskClient, auth: dict, sample: dict, monkeypatch: pytest.MonkeyPatch, sqlstate: str,
        status: int, attempts: int) -> None:
    """PostgreSQL aborts a deadlocked or unserializable transaction whole; the store runs the write
    again (tests/test_database.py has a real deadlock). One that loses every attempt is a 503 with
    Retry-After, not a 500. Any other database error is not retried."""
    import sqlalchemy.exc
    from graph import store as store_module

    class Aborted(Exception):
        def __init__(self) -> None:
            super().__init__(sqlstate)
            self.sqlstate = sqlstate

    tried: list[str] = []

    def conflicting(conn: Any, table: Any, row_id: str, what: str) -> Any:
        tried.append(row_id)
        raise sqlalchemy.exc.OperationalError("UPDATE reactions ...", {}, Aborted())

    assert store_module.WRITE_ATTEMPTS == 5
    monkeypatch.setattr(store_module.Store, "_require", staticmethod(conflicting))
    monkeypatch.setattr(store_module.time, "sleep", lambda _seconds: None)
    reaction = sample["reactions"][0]["id"]
    response = client.patch(f"/api/reactions/{reaction}", json={"stance": "oppose"}, headers=auth)
    assert response.status_code == status, response.data
    assert response.mimetype == "application/problem+json" and response.json["status"] == status
    assert response.headers.get("Retry-After") == ("1" if status == 503 else None)
    assert tried == [reaction] * attempts
