"""Paged lists against /api/health on the same server: the read path's own cost.

Starts `reactiongraph serve` over a store made by bench/synth.py, then, with
`--clients` keep-alive clients (default 2), measures requests/s, p50 and p99
of GET /api/health and of every paged list at 50 rows a page (varied
events, actors, countries and filters, drawn at random: no page is asked
twice in a row). A list's ratio is its rate over health's: what a page costs
beyond the HTTP round trip. Goal (issue 17): every ratio >= 0.5 and p99 <=
20 ms with 2 clients.

The machine's load moves health's own rate by 2x within minutes, so the
measure runs in `--rounds` rounds: each round measures health, then every
list, then health again, and a list's ratio in that round is over the mean
of the two health runs around it. A round's clients keep their connections
from its first health run to its last: with gunicorn each keep-alive
connection stays on the worker that accepted it, and new connections for
every list fell on one worker or on both at random, which moved a list's
rate between two levels (about 1,400 and 850 requests/s, the same list in
one run) whatever it cost. With the same connections the health runs
around a list see the same placement, and the ratio compares the costs. The table gives the median over rounds
and the range (lowest-highest), and the load average before and after.

Rates still move with the load (other processes take the cores), so the
server's own CPU time per request is measured too (from /proc, user +
system): `cpu ratio` is health's CPU per request over the list's, what the
rate ratio would be if the server had a core to itself. It is the steadier
figure on a shared machine.

With `--workers N` the server is gunicorn with N worker processes (the
README's deployment) instead of one `reactiongraph serve` process. On a
2-core machine one process's threads serve two clients badly: they take
turns at Python's lock, and /api/health alone, with 2 clients, ran at a
quarter of its one-client rate with a p99 of 31-55 ms (1.0 ms with one
client), whatever the list work; two worker processes do not share it.

    python bench/synth.py sqlite:///bench/s100k.sqlite3 --scale 0.1
    python bench/throughput.py sqlite:///bench/s100k.sqlite3 [--seconds 2] [--rounds 3] [--clients 2] [--workers 2]

Another build's server (say, main's code for a "before") runs with that
tree first on PYTHONPATH: `PYTHONPATH=/tmp/main python bench/throughput.py ...`.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
from urllib.parse import urlencode

from reads import Client, _percentile, _run, _serve  # bench/reads.py
from sqlalchemy import desc, func, select

from graph import schema as t
from graph.store import make_engine


def _lists(url: str) -> dict[str, list[str]]:
    engine = make_engine(url)
    with engine.connect() as conn:
        events = [r.id for r in conn.execute(select(t.events.c.id).order_by(func.random()).limit(200))]
        actors = [r.actor_id for r in conn.execute(select(t.reactions.c.actor_id).order_by(func.random()).limit(200))]
        countries = [r[0] for r in conn.execute(
            select(t.reactions.c.actor_country).where(t.reactions.c.actor_country.is_not(None))
            .group_by(t.reactions.c.actor_country).order_by(desc(func.count())).limit(20))]
    engine.dispose()
    return {
        "/api/events": ["/api/events?limit=50"],
        "/api/events/<id>/reactions": [f"/api/events/{e}/reactions?limit=50" for e in events],
        "/api/actors": ["/api/actors?limit=50", "/api/actors?kind=person&limit=50"],
        "/api/actors/<id>": [f"/api/actors/{a}?limit=50" for a in actors],
        "/api/articles": ["/api/articles?limit=50"],
        "/api/reactions": ["/api/reactions?limit=50"] + [
            f"/api/reactions?{urlencode({'country': c, 'stance': s, 'limit': 50})}"
            for c in countries for s in ("support", "oppose")],
        "/api/countries/<code>": [f"/api/countries/{c}?limit=50" for c in countries],
    }


def _cpu_seconds(pid: int) -> float:
    """CPU time (user + system) the process and its children (gunicorn's workers) have used so far."""
    def used(stat: str) -> float:
        fields = stat.rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    total = 0.0
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = open(f"/proc/{entry}/stat").read()
            except OSError:
                continue
            if int(entry) == pid or int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                total += used(stat)
    return total


class Measure:
    """Rates and latencies of one list over the rounds."""

    def __init__(self) -> None:
        self.rates: list[float] = []
        self.ratios: list[float] = []
        self.cpu: list[float] = []  # server CPU ms per request, per round
        self.latencies: list[float] = []  # ms, every request of every round
        self.errors = 0


def _span(values: list[float], fmt: str) -> str:
    return f"{format(statistics.median(values), fmt)} ({format(min(values), fmt)}-{format(max(values), fmt)})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("url", help="SQLAlchemy URL of a store filled by bench/synth.py")
    parser.add_argument("--seconds", type=float, default=2.0, help="time per list per round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--clients", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8, help="server threads (per worker with --workers)")
    parser.add_argument("--workers", type=int, default=0,
                        help="serve with gunicorn and this many worker processes instead of `reactiongraph serve`")
    args = parser.parse_args()
    load_before = os.getloadavg()
    with _serve(args.url, args.threads, args.workers) as (server, port):
        lists = _lists(args.url)
        random.seed(1)
        for paths in lists.values():  # warm up: first requests build caches
            _run(port, paths, 0.5, 1)

        def measure(paths: list[str], into: Measure, clients: list[Client]) -> float:
            cpu = _cpu_seconds(server.pid)
            latencies, errors = _run(port, paths, args.seconds, clients)
            into.cpu.append((_cpu_seconds(server.pid) - cpu) * 1000 / max(1, len(latencies)))
            rate = len(latencies) / args.seconds
            into.rates.append(rate)
            into.latencies.extend(x * 1000 for x in latencies)
            into.errors += errors
            return rate

        health = Measure()
        results = {name: Measure() for name in lists}
        for _ in range(args.rounds):
            clients = [Client(port) for _ in range(args.clients)]  # the round's connections (docstring)
            before = measure(["/api/health"], health, clients)
            rates = {name: measure(paths, results[name], clients) for name, paths in lists.items()}
            after = measure(["/api/health"], health, clients)
            for client in clients:
                client.conn.close()
            for name, rate in rates.items():
                results[name].ratios.append(rate / ((before + after) / 2))
    load_after = os.getloadavg()
    served = f"gunicorn, {args.workers} workers of {args.threads} threads" if args.workers else \
        f"reactiongraph serve, {args.threads} threads"
    print(f"{args.clients} clients, {args.rounds} rounds of {args.seconds:g} s per list, {served}; "
          f"load average {load_before[0]:.1f} before, {load_after[0]:.1f} after")
    print("median over rounds (lowest-highest); p50 and p99 over every request of every round")
    print(f"{'list':28} {'req/s':>17} {'ratio':>18} {'p50 ms':>7} {'p99 ms':>7} {'CPU ms/req':>10} "
          f"{'cpu ratio':>9}  errors")
    health_cpu = statistics.median(health.cpu)
    rows = [("/api/health", health, None), *((name, m, m.ratios) for name, m in results.items())]
    for name, m, ratios in rows:
        ratio = _span(ratios, ".2f") if ratios else "1"
        cpu = statistics.median(m.cpu)
        print(f"{name:28} {_span(m.rates, '.0f'):>17} {ratio:>18} {_percentile(m.latencies, 0.5):7.1f} "
              f"{_percentile(m.latencies, 0.99):7.1f} {cpu:10.2f} {health_cpu / cpu:9.2f}  {m.errors}")
    worst = min(statistics.median(m.ratios) for m in results.values())
    p99 = max(_percentile(m.latencies, 0.99) for m in results.values())
    worst_cpu = min(health_cpu / statistics.median(m.cpu) for m in results.values())
    print(f"lowest median ratio {worst:.2f} (goal >= 0.5); lowest cpu ratio {worst_cpu:.2f}; "
          f"highest p99 {p99:.1f} ms (goal <= 20)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
