"""Issue 18, corrections and counts: PATCH /api/actors/<id>, merged ids, distinct actors, conventions.

Through Flask's test client on SQLite and PostgreSQL (the `db_url` fixture),
except the store-level check that ingests keep a person's correction, which
uses hand-made extractions so that it does not depend on what the extractor
finds.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from api import create_app
from graph import migrate
from graph.models import Article, EventDraft, ExtractedActor, ExtractedReaction, Extraction, article_id
from graph.store import Store, make_engine

from .conftest import SAMPLE, _postgres_schema
from .test_api import auth, post, problem, sample, token  # noqa: F401 - fixtures and helpers

SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")


def _actors(client: FlaskClient) -> dict[str, dict[str, Any]]:
    return {a["name"]: a for a in client.get("/api/actors?limit=500").json["items"]}


# -- PATCH /api/actors/<id> ----------------------------------------------------------

def test_patch_actor_corrects_it_and_its_reactions_follow(client: FlaskClient, auth: dict, sample: dict) -> None:
    graham = _actors(client)["Lindsey Graham"]
    assert graham["country"] == "US" and not graham["reviewed"]  # as extracted; corrected here to another
    us_before, ca_before = client.get("/api/countries/US").json, client.get("/api/countries/CA").json
    response = client.patch(f"/api/actors/{graham['id']}", json={"country": "ca", "role": "Senator",
                                                                 "name": "Senator Lindsey Graham"}, headers=auth)
    assert response.status_code == 200, response.json
    body = response.json
    assert (body["name"], body["country"], body["role"], body["reviewed"]) == ("Senator Lindsey Graham", "CA",
                                                                                "Senator", True)
    assert "Lindsey Graham" in body["aliases"] and body["items"]
    assert all(r["actor"]["country"] == "CA" for r in body["items"])
    us, ca = client.get("/api/countries/us").json, client.get("/api/countries/ca").json
    assert (us["counts"]["oppose"], ca["counts"]["oppose"]) == (us_before["counts"]["oppose"] - 1,
                                                                ca_before["counts"]["oppose"] + 1)
    assert (us["actors"]["total"], ca["actors"]["total"]) == (us_before["actors"]["total"] - 1,
                                                              ca_before["actors"]["total"] + 1)
    assert graham["id"] in {r["actor"]["id"] for r in client.get("/api/reactions?country=ca").json["items"]}
    assert graham["id"] not in {r["actor"]["id"] for r in client.get("/api/reactions?country=us").json["items"]}
    # null clears an optional field; name and kind cannot be cleared; nothing to change is an error
    cleared = client.patch(f"/api/actors/{graham['id']}", json={"role": None}, headers=auth).json
    assert cleared["role"] is None and cleared["country"] == "CA"
    for bad in ({}, {"name": None}, {"kind": None}, {"name": ""}, {"kind": "robot"}, {"country": "USA"},
                {"country": "XX"}, {"name": "A\x07B"}, {"kind": "country", "country": None}):
        problem(client.patch(f"/api/actors/{graham['id']}", json=bad, headers=auth), 422)
    problem(client.patch(f"/api/actors/{graham['id']}", json={"role": "x"}), 401)


def _mention(name: str, *, country: str | None = None, role: str | None = None,
             organization: str | None = None, n: int = 0) -> Extraction:
    text = f"{name} said deal {n} was a grave mistake."
    actor = ExtractedActor(name=name, kind="person", country=country, role=role, organization=organization)
    reaction = ExtractedReaction(actor=actor, stance="oppose", confidence=0.8, evidence=text, span=(0, len(text)),
                                 cue="mistake")
    return Extraction(article=Article(id=article_id(text), text=text), event=EventDraft(label=f"Deal {n}"),
                      reactions=(reaction,))


# Later mentions that resolve to the same person and would each fill or lengthen a field of an unreviewed actor.
LATER = [dict(name="Antony John Blinken"), dict(name="Blinken", role="Secretary of State"),
         dict(name="Antony Blinken", organization="State Department"),
         dict(name="Antony Blinken", country="US", role="Secretary", organization="State")]


@pytest.mark.parametrize("reviewed", [False, True])
def test_later_ingests_never_overwrite_a_corrected_actor(store: Store, reviewed: bool) -> None:
    first = store.add(_mention("Antony Blinken"))
    actor_id = store.scope().actors[0].id
    if reviewed:
        store.update_actor(actor_id, {"organization": "State"})  # what a person set; country and role stay empty
    before = store.actor(actor_id)[0]
    for n, mention in enumerate(LATER, start=1):
        store.add(_mention(n=n, **mention), event_id=first.event_id)  # type: ignore[arg-type]
    after = store.actor(actor_id)[0]
    assert [a.id for a in store.scope().actors] == [actor_id]  # every mention resolved to the one actor
    fields = ("name", "kind", "country", "role", "organization")
    if reviewed:
        assert [getattr(after, f) for f in fields] == [getattr(before, f) for f in fields] and after.reviewed
    else:  # the control: without the correction, the same ingests do change it
        assert (after.name, after.role, after.country) == ("Antony John Blinken", "Secretary of State", "US")


# -- merged actors -------------------------------------------------------------------

def test_a_merged_actor_id_redirects_to_the_actor_it_became(client: FlaskClient, auth: dict, sample: dict) -> None:
    a = {name: actor["id"] for name, actor in _actors(client).items()}
    office, uk, ellwood = a["British Foreign Office"], a["United Kingdom"], a["Tobias Ellwood"]
    assert client.post(f"/api/actors/{office}/merge", json={"into": ellwood}, headers=auth).status_code == 200
    assert client.post(f"/api/actors/{ellwood}/merge", json={"into": uk}, headers=auth).status_code == 200
    # Saved links of both merged ids lead straight to the actor that remains, query kept.
    for old in (office, ellwood):
        for path, moved in [(f"/api/actors/{old}?limit=5", f"/api/actors/{uk}?limit=5"),
                            (f"/api/actors/{old}/timeline", f"/api/actors/{uk}/timeline"),
                            (f"/api/graph?actor={old}&format=graphml", f"/api/graph?actor={uk}&format=graphml"),
                            (f"/actors/{old}/graph", f"/actors/{uk}/graph")]:
            response = client.get(path)
            assert response.status_code == 301 and response.headers["Location"] == moved, path
        followed = client.get(f"/api/actors/{old}", follow_redirects=True)
        assert followed.status_code == 200 and followed.json["id"] == uk
        # Writes are not redirected: a 404 that names the actor it became.
        detail = problem(client.patch(f"/api/actors/{old}", json={"role": "x"}, headers=auth), 404)["detail"]
        assert old in detail and uk in detail
    problem(client.get("/api/actors/ac-never-was"), 404)


# -- counts: reactions and distinct actors ----------------------------------------------

def _distinct(reactions: list[dict[str, Any]]) -> dict[str, int]:
    by_stance: dict[str, set[str]] = defaultdict(set)
    for r in reactions:
        by_stance[r["stance"]].add(r["actor"]["id"])
    counts = {stance: len(by_stance[stance]) for stance in ("support", "oppose", "neutral")}
    return {**counts, "total": len({r["actor"]["id"] for r in reactions})}


def _reaction_counts(reactions: list[dict[str, Any]]) -> dict[str, int]:
    return {stance: sum(r["stance"] == stance for r in reactions) for stance in ("support", "oppose", "neutral")}


def test_event_and_country_counts_give_reactions_and_distinct_actors(client: FlaskClient, auth: dict,
                                                                     sample: dict) -> None:
    event_id = sample["event"]["id"]
    for text in ("Senator Marco Rubio said the withdrawal was a grave error. Britain said it was a mistake.",
                 "Marco Rubio said the pull-out was a grave error. The United Kingdom said it regretted it."):
        post(client, auth, text, title="US leaves Syria", event_id=event_id)
    reactions = client.get(f"/api/events/{event_id}/reactions?limit=500").json["items"]
    assert len(reactions) > len({r["actor"]["id"] for r in reactions})  # someone reacted in several articles
    listed = next(e for e in client.get("/api/events").json["items"] if e["id"] == event_id)
    for event in (client.get(f"/api/events/{event_id}").json, listed):
        assert event["counts"] == _reaction_counts(reactions)
        assert event["actors"] == _distinct(reactions)
    for code in ("US", "GB"):
        country = client.get(f"/api/countries/{code}?limit=500").json
        assert country["counts"] == _reaction_counts(country["items"])
        assert country["actors"] == _distinct(country["items"])


# -- conventions ------------------------------------------------------------------------

def test_country_filters_take_any_case(client: FlaskClient, sample: dict) -> None:
    event_id = sample["event"]["id"]
    for path in ("/api/reactions?country={c}", f"/api/events/{event_id}/reactions?country={{c}}",
                 "/api/actors?country={c}", "/api/alignment?by=country&country={c}&min_events=1"):
        upper = client.get(path.format(c="GB"))
        assert upper.status_code == 200
        for code in ("gb", "Gb"):
            assert client.get(path.format(c=code)).json == upper.json, path
        problem(client.get(path.format(c="g1")), 422)


def test_every_paged_list_answers_under_items(client: FlaskClient) -> None:
    spec = client.get("/api/openapi.json").json
    schemas = spec["components"]["schemas"]
    paged = 0
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            ref = operation.get("responses", {}).get("200", {}).get("content", {}).get(
                "application/json", {}).get("schema", {}).get("$ref")
            if method != "get" or ref is None:
                continue
            properties = schemas[ref.rsplit("/", 1)[-1]].get("properties", {})
            if "next_cursor" in properties:
                paged += 1
                assert properties["items"]["type"] == "array", path
                assert "reactions" not in properties, path
    assert paged >= 10


# -- first use ---------------------------------------------------------------------------

@pytest.fixture(params=["sqlite", "postgresql"])
def blank_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database nobody has set up: a new SQLite file, an empty PostgreSQL schema."""
    return f"sqlite:///{tmp_path / 'new.sqlite3'}" if request.param == "sqlite" else _postgres_schema(request)


def test_a_new_database_is_set_up_on_first_use(blank_url: str, tmp_path: Path) -> None:
    app = create_app({"TESTING": True, "DATABASE_URL": blank_url})
    client = app.test_client()
    assert client.get("/api/stats").json["articles"] == 0
    app.extensions["reactiongraph"].close()
    engine = make_engine(blank_url)
    assert migrate.current(engine) == migrate.head()
    engine.dispose()


def test_a_database_at_an_older_revision_is_refused_then_upgraded(blank_url: str) -> None:
    """0005 -> 0006 on a filled store: actors start unreviewed, counts of distinct actors work."""
    engine = make_engine(blank_url)
    migrate.upgrade(engine, "0005")
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO events (id, label, created_at) VALUES ('ev-1', 'Dam', '2026-01-01')"))
        for n in (1, 2):
            conn.execute(sa.text(f"INSERT INTO articles (id, event_id, text, ingested_at) "
                                 f"VALUES ('a{n}', 'ev-1', 'text {n}', '2026-01-0{n}')"))
        conn.execute(sa.text("INSERT INTO actors (id, name, kind, country) "
                             "VALUES ('ac-1', 'Ana Ruiz', 'person', 'ES')"))
        for n in (1, 2):
            conn.execute(sa.text(
                "INSERT INTO reactions (id, actor_id, event_id, article_id, stance, confidence, evidence, span_start, "
                f"span_end, cue, reviewed, created_at, actor_kind, actor_country) VALUES ('re-{n}', 'ac-1', 'ev-1', "
                f"'a{n}', 'oppose', 0.9, 'q', 0, 1, 'c', false, '2026-01-0{n}', 'person', 'ES')"))
    with pytest.raises(migrate.SchemaOutOfDate, match="is at schema revision 0005.*run `reactiongraph db upgrade`"):
        Store.open(blank_url)
    migrate.upgrade(engine)
    engine.dispose()
    store = Store.open(blank_url)
    actor = store.actor("ac-1")[0]
    assert not actor.reviewed
    summary = store.events().items[0]
    assert summary.counts["oppose"] == 2 and summary.actors.by_stance["oppose"] == 1 and summary.actors.total == 1
    store.update_actor("ac-1", {"role": "Minister"})
    assert store.actor("ac-1")[0].reviewed
    store.close()


def test_the_app_refuses_an_older_database(db_url: str, app: Flask) -> None:
    engine = make_engine(db_url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '0005'"))
    engine.dispose()
    problem(app.test_client().get("/api/stats"), 503)
