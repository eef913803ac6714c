"""What an attacker or a careless client sends: never a 500, on both databases (issue 17).

Each class of input found by hand is tested as a class, property-based where
it is open-ended: nesting depth, dates, cursor contents, page parameters.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from api.auth import create_token
from graph import event_match
from graph.store import Store

HOSTILE = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))


@pytest.fixture
def token(app: Flask) -> str:
    with app.app_context():
        return create_token(app.extensions["reactiongraph"].store, "hostile")[1]


@pytest.fixture
def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def no_500(response: Any) -> None:
    assert response.status_code < 500, response.data[:300]


def problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.data[:300]
    assert response.mimetype == "application/problem+json"
    return json.loads(response.data)


# -- 1. deeply nested JSON -------------------------------------------------------

def nested(depth: int, kind: str) -> str:
    if kind == "array":
        return "[" * depth + "]" * depth
    return '{"a":' * depth + "1" + "}" * depth


WRITES = [("POST", "/api/articles"), ("PATCH", "/api/events/ev-x"), ("PATCH", "/api/reactions/re-x"),
          ("POST", "/api/actors/ac-x/merge"), ("POST", "/api/events/ev-x/merge")]


@HOSTILE
@given(depth=st.integers(1, 20_000), kind=st.sampled_from(["array", "object"]),
       where=st.sampled_from(["body", "field", "unknown field"]), target=st.sampled_from(WRITES))
@example(depth=2_000, kind="array", where="body", target=WRITES[0])
def test_nesting_depth_never_breaks_a_write(client: FlaskClient, auth: dict[str, str], depth: int, kind: str,
                                            where: str, target: tuple[str, str]) -> None:
    value = nested(depth, kind)
    body = {"body": value, "field": '{"text": %s}' % value, "unknown field": '{"zz": %s}' % value}[where]
    method, path = target
    response = client.open(path, method=method, data=body, headers={**auth, "Content-Type": "application/json"})
    no_500(response)
    assert response.mimetype == "application/problem+json"  # none of these bodies is a valid request
    if depth >= 5_000:
        assert problem(response, 400)["detail"] == "the JSON body is nested too deeply"


def test_a_deep_record_in_json_lines_costs_only_itself(invoke: Callable[..., Result], tmp_path: Path,
                                                       store: Store) -> None:
    lines = [json.dumps({"text": "France said the tariffs were a grave mistake.", "title": "Tariffs"}),
             '{"text": ' + nested(3_000, "array") + "}",
             json.dumps({"text": "Japan welcomed the agreement on fisheries.", "title": "Fisheries"})]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "deep.json").write_text(nested(3_000, "object"), encoding="utf-8")
    result = invoke("ingest", str(tmp_path))
    assert result.exit_code == 2, result.output
    assert "added 2 articles" in result.output
    assert "batch.jsonl:2: not valid JSON: nested too deeply" in result.output
    assert "deep.json: not valid JSON: nested too deeply" in result.output
    assert store.stats().articles == 2


# -- 2. dates at the edge of the calendar ------------------------------------------

@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(day=st.dates())
@example(day=dt.date.max)
@example(day=dt.date.min)
def test_any_date_is_stored_and_matched(client: FlaskClient, auth: dict[str, str], day: dt.date) -> None:
    first = client.post("/api/articles", headers=auth, json={
        "text": f"Norway condemned the whaling decision of {day.isoformat()} as a grave mistake.",
        "published": day.isoformat()})
    second = client.post("/api/articles", headers=auth, json={
        "text": f"Iceland defended the whaling decision of {day.isoformat()} as lawful.",
        "published": day.isoformat()})
    # The second is matched against the first's event, dated the same day.
    assert first.status_code in (200, 201) and second.status_code in (200, 201), (first.data[:300], second.data[:300])
    assert second.json["article"]["published"] == day.isoformat()
    listed = client.get(f"/api/reactions?since={day.isoformat()}&until={day.isoformat()}&limit=500")
    assert {r["article"]["published"] for r in listed.json["items"]} == {day.isoformat()}


def test_edge_dates_in_a_batch_cost_nothing_else(invoke: Callable[..., Result], tmp_path: Path,
                                                 store: Store) -> None:
    lines = [{"text": "France said the tariffs were a grave mistake.", "published": "9999-12-31"},
             {"text": "Japan welcomed the agreement on fisheries.", "published": "0001-01-01"},
             {"text": "Canada criticised the new pipeline ruling.", "published": "2020-02-02"}]
    (tmp_path / "batch.jsonl").write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    result = invoke("ingest", str(tmp_path / "batch.jsonl"))
    assert result.exit_code == 0, result.output
    assert store.stats().articles == 3


@given(day=st.dates())
def test_the_matching_window_stays_in_the_calendar(day: dt.date) -> None:
    low, high = event_match.window(day)
    assert low <= day <= high
    assert (day - low).days == min(event_match.MAX_DAYS, (day - dt.date.min).days)
    assert (high - day).days == min(event_match.MAX_DAYS, (dt.date.max - day).days)
