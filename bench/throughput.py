"""Paged lists against /api/health on the same server: the read path's own cost.

Starts `reactiongraph serve` over a store made by bench/synth.py, then, with
`--clients` keep-alive clients (default 2) for `--seconds` each, measures
requests/s and p99 of GET /api/health (before and after the lists, averaged)
and of every paged list at 50 rows a page. A list's ratio is its rate over
health's: what a page costs beyond the HTTP round trip. Goal (issue 17):
every ratio >= 0.5 and p99 <= 20 ms with 2 clients.

    python bench/synth.py sqlite:///bench/s100k.sqlite3 --scale 0.1
    python bench/throughput.py sqlite:///bench/s100k.sqlite3 [--seconds 4] [--clients 2]
"""

from __future__ import annotations

import argparse
import random
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("url", help="SQLAlchemy URL of a store filled by bench/synth.py")
    parser.add_argument("--seconds", type=float, default=4.0, help="time per list")
    parser.add_argument("--clients", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8, help="server threads")
    args = parser.parse_args()
    with _serve(args.url, args.threads) as (_, port):
        lists = _lists(args.url)
        random.seed(1)
        for paths in lists.values():  # warm up: first requests build caches
            _run(port, paths, 0.5, 1)

        def measure(paths: list[str]) -> tuple[float, float, int]:
            latencies, errors = _run(port, paths, args.seconds, args.clients)
            return len(latencies) / args.seconds, _percentile([x * 1000 for x in latencies], 0.99), errors

        first = measure(["/api/health"])
        results = {name: measure(paths) for name, paths in lists.items()}
        last = measure(["/api/health"])
        health = (first[0] + last[0]) / 2
        print(f"{args.clients} clients, {args.seconds:g} s each, server threads {args.threads}")
        print(f"{'list':28} {'req/s':>7} {'ratio':>6} {'p99 ms':>7}  errors")
        print(f"{'/api/health':28} {health:7.0f} {1:6.2f} {max(first[1], last[1]):7.1f}  {first[2] + last[2]}"
              f"   (runs {first[0]:.0f} and {last[0]:.0f} req/s)")
        for name, (rate, p99, errors) in results.items():
            print(f"{name:28} {rate:7.0f} {rate / health:6.2f} {p99:7.1f}  {errors}")
        worst = min(rate / health for rate, _, _ in results.values())
        print(f"lowest ratio {worst:.2f} (goal >= 0.5); highest p99 "
              f"{max(p99 for _, p99, _ in results.values()):.1f} ms (goal <= 20)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
