"""Several gunicorn workers on one database: concurrent ingest and reads over HTTP."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import ROOT
from .test_http import _call, _free_port, wait_until_healthy


@pytest.fixture
def gunicorn(db_url: str) -> Iterator[tuple[str, str]]:
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "REACTIONGRAPH_DATABASE_URL": db_url}
    token = subprocess.run([str(bin_dir / "reactiongraph"), "token", "create", "--label", "workers"], env=env,
                           capture_output=True, text=True, check=True, timeout=120).stdout.strip()
    port = _free_port()
    proc = subprocess.Popen([str(bin_dir / "gunicorn"), "--workers", "2", "--worker-class", "gthread", "--threads", "4",
                             "--bind", f"127.0.0.1:{port}", "--timeout", "120", "api.wsgi:app"],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    wait_until_healthy(base, proc)
    yield base, token
    proc.terminate()
    proc.wait(timeout=60)


def test_two_workers_eight_clients_nothing_lost_nothing_doubled(gunicorn: tuple[str, str]) -> None:
    base, token = gunicorn
    # Every article names the same two actors, so the workers race to create them.
    articles = [{"text": f"French President Emmanuel Macron said tariff plan {i} was a grave mistake. "
                         f"Britain said plan {i} was dangerous.", "title": f"Tariff plan {i}"} for i in range(30)]
    jobs = [("post", a) for a in articles] * 2  # each article twice, often at the same moment
    jobs += [("get", p) for p in ("/api/events?limit=5", "/api/reactions?country=FR", "/api/stats",
                                  "/api/actors?q=macron")] * 10
    random.Random(5).shuffle(jobs)
    errors: list[str] = []
    created: list[bool] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + 240

    def client(mine: list) -> None:
        for kind, payload in mine:
            if time.monotonic() > stop_at:
                return
            status, body = (_call("POST", base + "/api/articles", payload, token) if kind == "post"
                            else _call("GET", base + payload))
            with lock:
                if status >= 400:
                    errors.append(f"{status} {body[:200]!r}")
                elif kind == "post":
                    created.append(status == 201)

    threads = [threading.Thread(target=client, args=(jobs[i::8],)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not errors, errors
    assert len(created) == 60 and created.count(True) == 30
    stats = json.loads(_call("GET", base + "/api/stats")[1])
    assert (stats["articles"], stats["reactions"]) == (30, 60) and 1 <= stats["events"] <= 30
    actors = json.loads(_call("GET", base + "/api/actors?limit=500")[1])["items"]
    assert sorted(a["name"] for a in actors) == ["Emmanuel Macron", "United Kingdom"]
