"""Read latencies of issue 19's endpoints on a big store, through the real app in this process.

Each request goes through Flask's test client (validation, the cache,
JSON), so the figures are the server's own time without the network.
`cold` is the first request of a scope (positions read from SQL, matrix
made); `warm` repeats it (fingerprint checked, matrix reused). Lists are
timed `--repeat` times; the median and the worst are printed.

    python bench/alignment.py sqlite:///bench/big.sqlite3 [--repeat 5] [--export]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import desc, func, select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from api import create_app  # noqa: E402
from graph import alignment as al  # noqa: E402
from graph import schema as t  # noqa: E402


def _time(client: Any, path: str) -> tuple[float, Any]:
    started = time.perf_counter()
    response = client.get(path)
    elapsed = time.perf_counter() - started
    if response.status_code != 200:
        raise SystemExit(f"{path}: {response.status_code} {response.data[:300]!r}")
    return elapsed * 1000, response


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("url")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--export", action="store_true", help="also time `export --format events` of the store")
    args = parser.parse_args()
    app = create_app({"DATABASE_URL": args.url})
    client = app.test_client()
    engine = app.extensions["reactiongraph"].store.engine
    with engine.connect() as conn:
        n = conn.execute(select(func.count()).select_from(t.reactions)).scalar_one()
        busiest_actor = conn.execute(select(t.reactions.c.actor_id, func.count().label("n")).where(
            t.reactions.c.actor_kind != "country").group_by(t.reactions.c.actor_id)
            .order_by(desc("n")).limit(1)).first()
        events = conn.execute(select(t.reactions.c.event_id, func.count().label("n"))
                              .group_by(t.reactions.c.event_id).order_by(desc("n")).limit(2)).all()
        day = conn.execute(select(func.max(t.articles.c.published))).scalar_one()
    print(f"store: {n:,} reactions; busiest person/body {busiest_actor.actor_id} ({busiest_actor.n:,} reactions); "
          f"busiest events {events[0].event_id} ({events[0].n:,}), {events[1].event_id} ({events[1].n:,})")
    started = time.perf_counter()
    for _ in range(20):
        al.fingerprint(engine)
    print(f"store fingerprint (checked on every alignment request): {(time.perf_counter() - started) / 20 * 1000:.1f} ms")
    month = f"since={day.replace(day=1).isoformat()}&until={day.isoformat()}"
    scopes = [("alignment, whole store, by actor", "/api/alignment?top=200"),
              ("alignment, whole store, by country", "/api/alignment?by=country&top=200"),
              ("alignment, last month, by actor", f"/api/alignment?{month}"),
              ("coalitions, whole store, by actor", "/api/coalitions?top=200"),
              ("coalitions, whole store, by country", "/api/coalitions?by=country&top=200"),
              ("alignment, whole store, top=1000", "/api/alignment?top=1000&min_events=5")]
    print(f"\n{'request':44} {'cold ms':>9} {'warm p50':>9} {'warm max':>9}")
    for name, path in scopes:
        cold, _ = _time(client, path)
        warm = [_time(client, path)[0] for _ in range(args.repeat)]
        print(f"{name:44} {cold:9.0f} {statistics.median(warm):9.1f} {max(warm):9.1f}")
    lists = [("actor timeline, busiest, first page", f"/api/actors/{busiest_actor.actor_id}/timeline"),
             ("event timeline, busiest event", f"/api/events/{events[0].event_id}/timeline"),
             ("compare the two busiest events", f"/api/events/{events[0].event_id}/compare/{events[1].event_id}"),
             ("actor timeline page (HTML chart)", f"/actors/{busiest_actor.actor_id}/timeline"),
             ("alignment page (HTML), whole store", "/alignment")]
    _, first = _time(client, lists[0][1])
    if first.json["next_cursor"]:
        lists.insert(1, ("actor timeline, busiest, second page",
                         f"/api/actors/{busiest_actor.actor_id}/timeline?cursor={first.json['next_cursor']}"))
    print(f"\n{'request':44} {'p50 ms':>9} {'max ms':>9}")
    for name, path in lists:
        times = [_time(client, path)[0] for _ in range(args.repeat)]
        print(f"{name:44} {statistics.median(times):9.1f} {max(times):9.1f}")
    if args.export:
        from graph import eventdata

        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "events.tsv"
            started = time.perf_counter()
            with open(out, "w", encoding="utf-8") as fh:
                rows = eventdata.write(engine, fh)
            print(f"\nexport --format events: {rows:,} rows in {time.perf_counter() - started:.1f} s, "
                  f"{os.path.getsize(out) / 1e6:.0f} MB")
    app.extensions["reactiongraph"].close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
