"""Over real HTTP: `reactiongraph serve` under concurrent writes and reads."""

from __future__ import annotations

import json
import os
import random
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

COUNTRIES = ["Britain", "France", "Germany", "Japan", "Canada", "Brazil", "Spain", "Italy", "Mexico", "India"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _call(method: str, url: str, body: dict | None = None, token: str | None = None) -> tuple[int, bytes]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def wait_until_healthy(base: str, proc: subprocess.Popen, seconds: float = 90) -> None:
    """Poll /api/health until the server answers, or fail with what it printed."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if _call("GET", base + "/api/health")[0] == 200:
                return
        except OSError:
            time.sleep(0.2)
    proc.kill()
    pytest.fail("the server did not start: " + proc.stdout.read().decode())  # type: ignore[union-attr]


@pytest.fixture
def server(db_url: str):
    exe = str(Path(sys.executable).parent / "reactiongraph")
    env = {**os.environ, "REACTIONGRAPH_DATABASE_URL": db_url}
    token = subprocess.run([exe, "token", "create", "--label", "http-test"], env=env, capture_output=True,
                           text=True, check=True, timeout=120).stdout.strip()
    port = _free_port()
    proc = subprocess.Popen([exe, "serve", "--port", str(port), "--threads", "8"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    wait_until_healthy(base, proc)
    yield base, token
    proc.terminate()
    proc.wait(timeout=30)


def test_concurrent_ingest_and_reads(server: tuple[str, str]) -> None:
    base, token = server
    distinct = [{"text": f"{COUNTRIES[i % 10]} said decision number {i} on tariffs was a grave mistake.",
                 "title": f"Tariff decision {i}"} for i in range(40)]
    jobs = [("post", a) for a in distinct] + [("post", distinct[i * 3]) for i in range(10)]
    jobs += [("get", path) for path in ("/api/events", "/api/reactions?stance=oppose", "/api/stats",
                                        "/api/actors?kind=country")] * 10
    random.Random(3).shuffle(jobs)
    statuses: list[int] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + 240  # bounded: the workers stop by themselves

    def worker(mine: list) -> None:
        for kind, payload in mine:
            if time.monotonic() > stop_at:
                return
            if kind == "post":
                status, body = _call("POST", base + "/api/articles", payload, token)
            else:
                status, body = _call("GET", base + payload)
            with lock:
                statuses.append(status)
                if status >= 400:
                    errors.append(f"{status} {body[:200]!r}")

    threads = [threading.Thread(target=worker, args=(jobs[i::8],)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not errors, errors
    assert len(statuses) == len(jobs)
    assert statuses.count(201) == 40 and statuses.count(200) == 10 + 40  # duplicates answer 200
    stats = json.loads(_call("GET", base + "/api/stats")[1])
    assert stats["articles"] == 40 and 1 <= stats["events"] <= 40  # similar articles may share an event
    assert stats["reactions"] == 40  # one per article: no duplicate reactions
    countries = json.loads(_call("GET", base + "/api/actors?kind=country&limit=500")[1])["items"]
    assert len(countries) == 10  # shared nodes, created once each under concurrency
