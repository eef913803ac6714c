"""Every list the API pages through reads an index range in its own order.

SQLite's plans do not depend on the data (the store never runs ANALYZE), so
the sample store shows the plans a store of millions of reactions gets: no
full table scan, and no sort of all matching rows before the first page
(that is what keeps deep pages and busy actors fast; bench/reads.py has the
timings).
"""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event

from api.services import services


def _plans(app: Flask, client: FlaskClient, url: str) -> list[tuple[str, list[str]]]:
    with app.app_context():
        engine = services().store.engine
    statements: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", capture)
    try:
        response = client.get(url)
    finally:
        event.remove(engine, "before_cursor_execute", capture)
    assert response.status_code == 200, response.get_data(as_text=True)
    with engine.connect() as conn:
        return [(statement, [row[-1] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)])
                for statement, parameters in statements]


@pytest.mark.usefixtures("seeded")
def test_paged_lists_use_an_index_in_their_order(app: Flask, client: FlaskClient, db_url: str) -> None:
    if not db_url.startswith("sqlite"):
        pytest.skip("PostgreSQL plans depend on table statistics; bench/reads.py prints them for a full store")
    event_id = client.get("/api/events").get_json()["items"][0]["id"]
    busiest = client.get("/api/reactions?limit=1").get_json()["items"][0]["actor"]["id"]
    urls = [f"/api/events/{event_id}/reactions?limit=2", f"/api/actors/{busiest}?limit=2",
            "/api/reactions?country=US&stance=oppose&limit=2", "/api/reactions?country=US&limit=2",
            "/api/reactions?stance=oppose&limit=2", "/api/reactions?kind=person&limit=2", "/api/reactions?limit=2",
            f"/api/reactions?event={event_id}&limit=2", "/api/countries/US?limit=2", "/api/events", "/api/articles",
            "/api/actors?limit=2", "/api/actors?kind=person&limit=2", "/api/actors?country=US&limit=2"]
    checked = 0
    for url in urls:
        cursor = client.get(url).get_json()["next_cursor"]
        for page in (url, f"{url}&cursor={cursor}" if cursor else url):
            for statement, plan in _plans(app, client, page):
                where = f"{page}: {' '.join(statement.split())[:160]} -> {plan}"
                # A scan of a co-routine reads what its own plan (checked too) yields: a page's actors'
                # aliases find the page's rows again as a subquery, at most a page of them.
                bounded = {p.removeprefix("CO-ROUTINE ") for p in plan if p.startswith("CO-ROUTINE ")}
                assert not [p for p in plan
                            if p.startswith("SCAN ") and "INDEX" not in p and p[5:] not in bounded], where
                assert not [p for p in plan if "TEMP B-TREE" in p], where
                checked += 1
    assert checked > 20


@pytest.mark.usefixtures("seeded")
def test_graph_pages_read_index_ranges_only(app: Flask, client: FlaskClient, db_url: str) -> None:
    """A graph page picks what it draws through indexes and counters: no scan of a table, no sort of all matches.

    The one sort allowed is an actor's page's count of the distinct actors
    of the events it draws (at most a tenth of its node cap), never of all
    the actor's events. Reactions are read per event drawn in confidence
    order, stopping at the event's share of the edge cap.
    """
    if not db_url.startswith("sqlite"):
        pytest.skip("PostgreSQL plans depend on table statistics; bench/graph_page.py times a full store")
    event_id = client.get("/api/events").get_json()["items"][0]["id"]
    busiest = client.get("/api/reactions?limit=1").get_json()["items"][0]["actor"]["id"]
    person = client.get("/api/actors?kind=person&limit=1").get_json()["items"][0]["id"]
    checked = 0
    for url in ("/graph", f"/events/{event_id}/graph", f"/actors/{busiest}/graph", f"/actors/{person}/graph"):
        for statement, plan in _plans(app, client, url):
            flat = " ".join(statement.split())
            where = f"{url}: {flat[:200]} -> {plan}"
            assert not [p for p in plan if p.startswith("SCAN ") and "INDEX" not in p], where
            assert not [p for p in plan if p.startswith("SCAN ") and "COVERING INDEX" in p
                        and "stance_actors" not in p], where  # a whole index read is a scan too
            sorts = [p for p in plan if "TEMP B-TREE" in p]
            assert not sorts or "count(DISTINCT stance_actors.actor_id)" in flat, where
            checked += 1
    assert checked > 12
