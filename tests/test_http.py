"""Over real HTTP: `reactiongraph serve` under concurrent writes and reads."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

from .live import BIN, drive, errors, get_json, running_server

COUNTRIES = ["Britain", "France", "Germany", "Japan", "Canada", "Brazil", "Spain", "Italy", "Mexico", "India"]


@pytest.fixture
def server(db_url: str) -> Iterator[tuple[str, str]]:
    with running_server(db_url, lambda port: [str(BIN / "reactiongraph"), "serve", "--port", str(port),
                                              "--threads", "8"], "http-test") as live:
        yield live


def test_concurrent_ingest_and_reads(server: tuple[str, str]) -> None:
    base, token = server
    distinct = [{"text": f"{COUNTRIES[i % 10]} said decision number {i} on tariffs was a grave mistake.",
                 "title": f"Tariff decision {i}"} for i in range(40)]
    jobs = [("post", a) for a in distinct] + [("post", distinct[i * 3]) for i in range(10)]
    jobs += [("get", path) for path in ("/api/events", "/api/reactions?stance=oppose", "/api/stats",
                                        "/api/actors?kind=country")] * 10
    random.Random(3).shuffle(jobs)
    results = drive(base, token, jobs)
    assert not errors(results), errors(results)
    statuses = [status for _, status, _ in results]
    assert len(statuses) == len(jobs)
    assert statuses.count(201) == 40 and statuses.count(200) == 10 + 40  # duplicates answer 200
    stats = get_json(base + "/api/stats")
    assert stats["articles"] == 40 and 1 <= stats["events"] <= 40  # similar articles may share an event
    assert stats["reactions"] == 40  # one per article: no duplicate reactions
    countries = get_json(base + "/api/actors?kind=country&limit=500")["items"]
    assert len(countries) == 10  # shared nodes, created once each under concurrency
