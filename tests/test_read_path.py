"""What the read path's shortcuts must not change (see bench/throughput.py for why they exist).

A GET holds one connection for all its reads and gives it back however it
ends; reaction bodies built straight from a row's values say what the
models say; the fast JSON encoder writes what the standard one would mean.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import example, given, settings, strategies as st
from sqlalchemy import event

from api import convert
from api.routes import dumps
from api.schemas import ReactionOut
from graph.queries import ReactionView
from graph.store import Store

from .world import World, build


@pytest.fixture
def world(store: Store) -> World:
    return build(store)


def _paths(world: World) -> list[str]:
    """GETs of every kind the API answers: lists, single rows, their errors, a bad parameter, a forged cursor."""
    event, actor, article = world.events["E4"], world.actors["scholz"], world.articles["E4a"]
    return ["/api/events?limit=2", f"/api/events/{event}", f"/api/events/{event}/reactions?limit=3",
            "/api/actors?limit=2", f"/api/actors/{actor}?limit=2", "/api/countries/DE?limit=2", "/api/articles",
            f"/api/articles/{article}", "/api/reactions?stance=oppose&limit=2", "/api/stats", "/api/health",
            "/api/events/nope", "/api/actors/nope/x", "/api/countries/ZZ", "/api/reactions?limit=0",
            "/api/reactions?cursor=Zm9yZ2Vk", f"/api/actors/{actor}?cursor=WzEsMl0", "/api/openapi.json"]


def test_every_get_holds_at_most_one_connection_and_gives_it_back(app: Flask, client: FlaskClient,
                                                                   world: World) -> None:
    """A GET's reads share one connection, returned to the pool whether the request answers 200 or an error."""
    client.get("/api/health")  # the store is opened by the first request that needs it
    engine = app.extensions["reactiongraph"].store.engine
    checkouts: list[int] = []
    event.listen(engine, "checkout", lambda *_: checkouts.append(1))
    statuses = set()
    for path in _paths(world):
        checkouts.clear()
        response = client.get(path)
        statuses.add(response.status_code)
        assert len(checkouts) <= 1, f"{path}: {len(checkouts)} connections"
        assert engine.pool.checkedout() == 0, f"{path} kept its connection"
    assert {200, 404, 422} <= statuses


def test_a_write_is_seen_by_the_next_read(client: FlaskClient, store: Store, world: World) -> None:
    """Held connections end with their request: a correction shows on the very next GET."""
    reaction = client.get(f"/api/events/{world.events['E4']}/reactions?limit=1").get_json()["items"][0]
    stance = "neutral" if reaction["stance"] != "neutral" else "support"
    store.correct_reaction(reaction["id"], stance=stance)
    assert client.get(f"/api/reactions/{reaction['id']}").get_json()["stance"] == stance


def _from_models(view: ReactionView) -> dict[str, Any]:
    """The body as made from the view's models: what `convert.reaction_out` must equal."""
    r, a = view.reaction, view.actor
    return {"id": r.id, "actor": {"id": a.id, "name": a.name, "kind": a.kind, "country": a.country, "role": a.role,
                                  "organization": a.organization},
            "event": {"id": r.event, "label": view.event_label},
            "article": {"id": r.article, "title": view.article_title,
                        "published": view.published.isoformat() if view.published else None},
            "stance": r.stance, "confidence": r.confidence, "evidence": r.evidence, "span": list(r.span),
            "cue": r.cue, "reviewed": r.reviewed, "note": r.note}


def test_reaction_bodies_say_what_the_models_say(store: Store, world: World) -> None:
    """Every stored reaction's body, built from its row's values and written as JSON, equals the one built
    from its models (dates are written by `dumps`, not converted per row)."""
    store.correct_reaction(store.reactions(limit=1).items[0].reaction.id, stance="neutral", note="checked")
    views = store.reactions(limit=500).items
    assert len(views) > 10 and any(v.reaction.reviewed for v in views)
    for view in views:
        body = json.loads(dumps(convert.reaction_out(view)))
        assert body == _from_models(view)
        assert ReactionOut.model_validate(body).model_dump(mode="json") == body


def test_every_page_of_actors_lists_each_actors_own_aliases(client: FlaskClient, store: Store,
                                                             world: World) -> None:
    """A list page's aliases are its actors' own, on every page of every filter and page size.

    A page reads its actors' aliases with the page's own statement as a
    subquery (graph.queries); a page read with another page's parameters, or
    aliases matched to the wrong rows, would show here.
    """
    store.merge_actors(world.actors["manu"], world.actors["macron"])
    for i, key in enumerate(sorted(world.actors)):
        if key != "manu":
            name = client.get(f"/api/actors/{world.actors[key]}").get_json()["name"]
            for n in range(i % 3):  # 0, 1 or 2 former names
                store.update_actor(world.actors[key], {"name": f"{name} ({n})"})
    own = {}
    for actor_id in (a for k, a in world.actors.items() if k != "manu"):
        own[actor_id] = client.get(f"/api/actors/{actor_id}").get_json()["aliases"]
    assert sum(len(a) >= 2 for a in own.values()) >= 3  # the check below is not vacuous
    for query in ("", "&kind=person", "&country=FR", "&kind=organization"):
        for limit in (1, 2, 3, 50):
            seen, cursor = [], None
            while True:
                url = f"/api/actors?limit={limit}{query}" + (f"&cursor={cursor}" if cursor else "")
                page = client.get(url).get_json()
                seen += page["items"]
                for item in page["items"]:
                    assert item["aliases"] == own[item["id"]], url
                cursor = page["next_cursor"]
                if cursor is None:
                    break
            assert seen, query


_TEXT = st.text(alphabet=st.characters(exclude_categories=()), max_size=20)  # any code point, lone surrogates included
_LEAF = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | _TEXT
         | st.dates())
_TREE = st.recursive(_LEAF, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
                     max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(_TREE)
@example({"evidence": "lone \ud800 surrogate", "n": 2**70})
@example(["\u2028 <script>é</script> \x00 \U0001f600", -2**63, 1e-7])
@example({"evidence": "lone \ud800 surrogate", "published": dt.date(1, 1, 1)})
def test_response_json_means_what_the_standard_encoder_means(data: Any) -> None:
    """Whatever a body holds (any text, integers of any size, dates), the bytes parse back to the same values;
    a date is written as its ISO 8601 day whichever encoder writes it."""
    body = dumps(data)
    assert json.loads(body) == json.loads(json.dumps(data, default=dt.date.isoformat))
    body.decode("utf-8")  # valid UTF-8, always
