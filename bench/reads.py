"""Read latency and throughput over HTTP against `reactiongraph serve`.

Starts `reactiongraph serve` on a loopback port over an existing store (made
by bench/synth.py), then drives it from this process, a separate one, for a
fixed time per query:

  event      GET /api/events/<id>/reactions           (events drawn at random, and the busiest)
  actor      GET /api/actors/<id>                     (actors drawn by activity)
  busiest    GET /api/actors/<the busiest actor>
  country    GET /api/reactions?country=..&stance=..  (common and rare countries)
  deep       the same lists 20,000 rows in, by cursor

Pages are 50 rows. It prints p50/p95/p99/max latency and requests/s with one
client (latency) and with 2 and --clients clients (throughput), the query
plans of every statement each query runs (flagging any full table scan),
and the server's resident memory at the end; --download then fetches the
whole store from /api/graph. Goal: p99 <= 20 ms, RSS <= 300 MB.

    python bench/reads.py sqlite:///bench/big.sqlite3 [--seconds 10] [--clients 4] [--download]
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from sqlalchemy import desc, event, func, select

from graph import schema as t
from graph.store import make_engine

BIN = Path(sys.executable).parent
DEEP = 20_000


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Client:
    """One keep-alive HTTP connection."""

    def __init__(self, port: int) -> None:
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def get(self, path: str) -> tuple[int, bytes]:
        self.conn.request("GET", path)
        response = self.conn.getresponse()
        return response.status, response.read()

    def json(self, path: str) -> Any:
        status, body = self.get(path)
        if status != 200:
            raise SystemExit(f"GET {path}: {status} {body[:300]!r}")
        return json.loads(body)


@contextlib.contextmanager
def _serve(url: str, threads: int, workers: int = 0) -> Iterator[tuple[subprocess.Popen, int]]:
    """`reactiongraph serve` on a free port over the store at `url`: up once /api/health answers, stopped on exit.

    With `workers`, gunicorn instead (README, "Deployment"): that many worker processes of `threads` threads.
    """
    port = _free_port()
    command = ([str(BIN / "gunicorn"), "--workers", str(workers), "--worker-class", "gthread", "--threads",
                str(threads), "--bind", f"127.0.0.1:{port}", "api.wsgi:app"] if workers else
               [str(BIN / "reactiongraph"), "serve", "--port", str(port), "--threads", str(threads)])
    server = subprocess.Popen(command, env={**os.environ, "REACTIONGRAPH_DATABASE_URL": url},
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(300):
            try:
                if Client(port).get("/api/health")[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        else:
            raise SystemExit("server did not start: " + server.stderr.read().decode())  # type: ignore[union-attr]
        yield server, port
    finally:
        server.terminate()
        server.wait(10)


def _deep_cursor(client: Client, path: str, rows: int) -> str | None:
    """The cursor `rows` rows into a list, followed page by page as a client would."""
    cursor, seen = None, 0
    while seen < rows:
        sep = "&" if "?" in path else "?"
        page = client.json(f"{path}{sep}limit=500" + (f"&cursor={quote(cursor)}" if cursor else ""))
        cursor = page.get("next_cursor")
        seen += 500
        if cursor is None:
            return None
    return cursor


def _targets(url: str, client: Client, rng: random.Random) -> dict[str, list[str]]:
    engine = make_engine(url)
    with engine.connect() as conn:
        events = [r.id for r in conn.execute(select(t.events.c.id).order_by(func.random()).limit(300))]
        busiest_event = conn.execute(select(t.reactions.c.event_id).group_by(t.reactions.c.event_id)
                                     .order_by(desc(func.count())).limit(1)).scalar_one()
        # Actors drawn by activity: a random reaction's actor.
        actors = [r.actor_id for r in conn.execute(select(t.reactions.c.actor_id).order_by(func.random()).limit(300))]
        busiest = conn.execute(select(t.reactions.c.actor_id).group_by(t.reactions.c.actor_id)
                               .order_by(desc(func.count())).limit(1)).scalar_one()
        busiest_n = conn.execute(select(func.count()).where(t.reactions.c.actor_id == busiest)).scalar_one()
        countries = [r[0] for r in conn.execute(
            select(t.reactions.c.actor_country).where(t.reactions.c.actor_country.is_not(None))
            .group_by(t.reactions.c.actor_country).order_by(desc(func.count())))]
    engine.dispose()
    print(f"busiest actor {busiest}: {busiest_n:,} reactions; busiest event {busiest_event}; "
          f"countries {countries[0]} (most) to {countries[-1]} (fewest)")
    country_paths = [f"/api/reactions?{urlencode({'country': c, 'stance': s, 'limit': 50})}"
                     for c in (countries[0], countries[len(countries) // 2], countries[-1])
                     for s in ("support", "oppose", "neutral")]
    deep = []
    for path in (f"/api/reactions?country={countries[0]}&stance=oppose", f"/api/actors/{busiest}",
                 f"/api/events/{busiest_event}/reactions", "/api/reactions"):
        cursor = _deep_cursor(client, path, DEEP)
        if cursor:
            sep = "&" if "?" in path else "?"
            deep.append(f"{path}{sep}limit=50&cursor={quote(cursor)}")
    return {
        "event": [f"/api/events/{e}/reactions?limit=50" for e in events + [busiest_event]],
        "actor": [f"/api/actors/{a}?limit=50" for a in actors],
        "busiest": [f"/api/actors/{busiest}?limit=50"],
        "country": country_paths,
        "deep": deep,
    }


def _run(port: int, paths: list[str], seconds: float, clients: int | list[Client]) -> tuple[list[float], int]:
    """GET `paths` at random from `clients` keep-alive connections (new ones, or these) for `seconds`."""
    connections = clients if isinstance(clients, list) else [Client(port) for _ in range(clients)]
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def worker(seed: int) -> None:
        nonlocal errors
        rng = random.Random(seed)
        client = connections[seed]
        mine, bad = [], 0
        while time.perf_counter() < deadline:
            path = rng.choice(paths)
            start = time.perf_counter()
            status, _ = client.get(path)
            mine.append(time.perf_counter() - start)
            bad += status != 200
        with lock:
            latencies.extend(mine)
            errors += bad

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(len(connections))]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return latencies, errors


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _plans(url: str, paths: dict[str, list[str]]) -> None:
    """EXPLAIN every statement one request of each query runs; flag full scans."""
    from api import create_app

    app = create_app({"DATABASE_URL": url, "TESTING": True})
    client = app.test_client()
    with app.app_context():
        from api.services import services
        engine = services().store.engine
    statements: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "sqlite_master" not in statement:
            statements.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", capture)
    sqlite = engine.dialect.name == "sqlite"
    for name, group in paths.items():
        if not group:
            continue
        statements.clear()
        assert client.get(group[-1]).status_code == 200
        found = list(statements)
        print(f"\n{name}: {group[-1][:100]}")
        with engine.connect() as conn:
            for statement, parameters in found:
                if sqlite:
                    plan = [r[-1] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)]
                    scans = [p for p in plan if p.startswith("SCAN ") and "INDEX" not in p]
                else:
                    plan = [r[0] for r in conn.exec_driver_sql("EXPLAIN " + statement, parameters)]
                    scans = [p for p in plan if "Seq Scan" in p]
                head = " ".join(statement.split())[:90]
                print(f"  {'FULL SCAN ' if scans else 'indexed   '}{head}")
                for line in plan:
                    print(f"      {line.strip()}")
    event.remove(engine, "before_cursor_execute", capture)


def _rss(pid: int) -> tuple[int, int]:
    fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line)
    return int(fields["VmRSS"].split()[0]) // 1024, int(fields["VmHWM"].split()[0]) // 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("url", help="SQLAlchemy URL of a store filled by bench/synth.py")
    parser.add_argument("--seconds", type=float, default=10.0, help="time per query and client count")
    parser.add_argument("--clients", type=int, default=4, help="concurrent clients for the throughput run")
    parser.add_argument("--threads", type=int, default=8, help="server threads")
    parser.add_argument("--no-plans", action="store_true")
    parser.add_argument("--download", action="store_true", help="then download the whole store as GraphML")
    args = parser.parse_args()

    with _serve(args.url, args.threads) as (server, port):
        rss_start, _ = _rss(server.pid)
        print(f"server pid {server.pid}, RSS at start {rss_start} MB")
        paths = _targets(args.url, Client(port), random.Random(1))
        print(f"\n{'query':8} {'clients':>7} {'requests':>8} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} "
              f"{'p99 ms':>7} {'max ms':>7}  errors")
        for name, group in paths.items():
            if not group:
                print(f"{name:8} (no list is {DEEP:,} rows long in this store)")
                continue
            for clients in sorted({1, 2, args.clients}):
                latencies, errors = _run(port, group, args.seconds, clients)
                ms = [x * 1000 for x in latencies]
                print(f"{name:8} {clients:7} {len(ms):8,} {len(ms) / args.seconds:7.0f} "
                      f"{statistics.median(ms):7.1f} {_percentile(ms, 0.95):7.1f} {_percentile(ms, 0.99):7.1f} "
                      f"{max(ms):7.1f}  {errors}", flush=True)
        rss, peak = _rss(server.pid)
        print(f"\nserver RSS after the run: {rss} MB (peak {peak} MB; goal <= 300 MB)")
        if args.download:
            start, size = time.perf_counter(), 0
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
            conn.request("GET", "/api/graph?format=graphml")
            response = conn.getresponse()
            while piece := response.read(1 << 20):
                size += len(piece)
            rss, peak = _rss(server.pid)
            print(f"GET /api/graph?format=graphml (whole store): {response.status}, {size / 1e6:,.0f} MB in "
                  f"{time.perf_counter() - start:.1f} s; server RSS then {rss} MB (peak {peak} MB)")
    if not args.no_plans:
        _plans(args.url, paths)
    return 0


if __name__ == "__main__":
    sys.exit(main())
