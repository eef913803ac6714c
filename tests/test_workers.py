"""Several gunicorn workers on one database: concurrent ingest and reads over HTTP."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

from .conftest import ROOT
from .live import BIN, drive, errors, get_json, running_server


@pytest.fixture
def gunicorn(db_url: str) -> Iterator[tuple[str, str]]:
    command = lambda port: [str(BIN / "gunicorn"), "--workers", "2", "--worker-class", "gthread",  # noqa: E731
                            "--threads", "4", "--bind", f"127.0.0.1:{port}", "--timeout", "120", "api.wsgi:app"]
    with running_server(db_url, command, "workers", cwd=ROOT) as live:
        yield live


def test_two_workers_eight_clients_nothing_lost_nothing_doubled(gunicorn: tuple[str, str]) -> None:
    base, token = gunicorn
    # Every article names the same two actors, so the workers race to create them.
    articles = [{"text": f"French President Emmanuel Macron said tariff plan {i} was a grave mistake. "
                         f"Britain said plan {i} was dangerous.", "title": f"Tariff plan {i}"} for i in range(30)]
    jobs = [("post", a) for a in articles] * 2  # each article twice, often at the same moment
    jobs += [("get", p) for p in ("/api/events?limit=5", "/api/reactions?country=FR", "/api/stats",
                                  "/api/actors?q=macron")] * 10
    random.Random(5).shuffle(jobs)
    results = drive(base, token, jobs)
    assert not errors(results), errors(results)
    created = [status == 201 for kind, status, _ in results if kind == "post"]
    assert len(created) == 60 and created.count(True) == 30
    stats = get_json(base + "/api/stats")
    assert (stats["articles"], stats["reactions"]) == (30, 60) and 1 <= stats["events"] <= 30
    actors = get_json(base + "/api/actors?limit=500")["items"]
    assert sorted(a["name"] for a in actors) == ["Emmanuel Macron", "United Kingdom"]
