"""A real server on a loopback port, and clients that drive it, for the HTTP tests."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

BIN = Path(sys.executable).parent


def call(method: str, url: str, body: dict | None = None, token: str | None = None) -> tuple[int, bytes]:
    """One HTTP request; returns (status, body) whatever the status."""
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


def get_json(url: str) -> Any:
    """The JSON body of a GET."""
    return json.loads(call("GET", url)[1])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_until_healthy(base: str, proc: subprocess.Popen, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if call("GET", base + "/api/health")[0] == 200:
                return
        except OSError:
            time.sleep(0.2)
    proc.kill()
    pytest.fail("the server did not start: " + proc.stdout.read().decode())  # type: ignore[union-attr]


@contextmanager
def running_server(db_url: str, command: Callable[[int], list[str]], label: str,
                   cwd: Path | None = None) -> Iterator[tuple[str, str]]:
    """Start `command(port)` on `db_url` with a fresh token; yields (base URL, token), stops it after."""
    env = {**os.environ, "REACTIONGRAPH_DATABASE_URL": db_url}
    token = subprocess.run([str(BIN / "reactiongraph"), "token", "create", "--label", label], env=env,
                           capture_output=True, text=True, check=True, timeout=120).stdout.strip()
    port = _free_port()
    proc = subprocess.Popen(command(port), cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_healthy(base, proc)
        yield base, token
    finally:
        proc.terminate()
        proc.wait(timeout=60)


def drive(base: str, token: str, jobs: list[tuple[str, Any]], clients: int = 8,
          seconds: float = 240) -> list[tuple[str, int, bytes]]:
    """Run ("post", article) and ("get", path) jobs from `clients` threads; bounded in time.

    Clients behave as the API asks: a 503 (every ingest slot busy) is retried
    shortly after. Returns the final (kind, status, body) of every job.
    """
    results: list[tuple[str, int, bytes]] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def client(mine: list[tuple[str, Any]]) -> None:
        for kind, payload in mine:
            if time.monotonic() > stop_at:
                return
            while True:
                status, body = (call("POST", base + "/api/articles", payload, token) if kind == "post"
                                else call("GET", base + payload))
                if status != 503 or time.monotonic() > stop_at:
                    break
                time.sleep(0.5)  # sooner than the Retry-After the server suggests, to keep the test short
            with lock:
                results.append((kind, status, body))

    threads = [threading.Thread(target=client, args=(jobs[i::clients],)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=seconds + 60)
    return results


def errors(results: list[tuple[str, int, bytes]]) -> list[str]:
    """The error responses among the results, readably."""
    return [f"{status} {body[:200]!r}" for _, status, body in results if status >= 400]
