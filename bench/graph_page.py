"""The graph pages on a large store: time, page size and server memory.

Starts `reactiongraph serve` over a store made by bench/synth.py and fetches
`/graph`, the busiest event's, the busiest actor's (a country) and the
busiest person's pages, one at a time and then four at once, printing each
page's time and size and the server's resident memory (now and peak).
First it times, in this process, the store's part of each page
(`Store.drawn`: what the page reads from SQL) as the best and worst of
`--repeat` calls. Pages pick what they draw through indexes and counters
kept on write (graph.drawing), capped by VIZ_MAX_NODES and VIZ_MAX_EDGES,
so none of this should grow with the store: run it on stores of two sizes.

    python bench/synth.py sqlite:///bench/s100k.sqlite3 --scale 0.1
    python bench/graph_page.py sqlite:///bench/s100k.sqlite3
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from typing import Any

from reads import Client, _rss, _serve  # bench/reads.py
from sqlalchemy import desc, func, select
from sqlalchemy import event as sa_event

from graph import schema as t
from graph.store import Store, make_engine
from viz import VizLimits


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("url", help="SQLAlchemy URL of a store filled by bench/synth.py")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    engine = make_engine(args.url)
    with engine.connect() as conn:
        reactions = conn.execute(select(func.count()).select_from(t.reactions)).scalar_one()
        event = conn.execute(select(t.reactions.c.event_id).group_by(t.reactions.c.event_id)
                             .order_by(desc(func.count())).limit(1)).scalar_one()
        actor = conn.execute(select(t.reactions.c.actor_id).group_by(t.reactions.c.actor_id)
                             .order_by(desc(func.count())).limit(1)).scalar_one()
        person = conn.execute(select(t.reactions.c.actor_id).where(t.reactions.c.actor_kind == "person")
                              .group_by(t.reactions.c.actor_id).order_by(desc(func.count())).limit(1)).scalar_one()
    engine.dispose()
    scopes = {"/graph": {}, f"/events/{event}/graph": {"event_id": event},
              f"/actors/{actor}/graph": {"actor_id": actor}, f"/actors/{person}/graph": {"actor_id": person}}
    store = Store.open(args.url)
    steps = [0]
    if store.engine.dialect.name == "sqlite":  # SQLite's own instruction count: the same under any load
        def count(dbapi: Any, _record: Any) -> None:
            dbapi.set_progress_handler(lambda: steps.__setitem__(0, steps[0] + 1) or 0, 1000)
        store.engine.dispose()
        sa_event.listen(store.engine, "connect", count)
    limits = VizLimits()
    print(f"store: {reactions:,} reactions; Store.drawn, best and worst of {args.repeat} "
          "(and SQLite VM instructions, millions):")
    for page, scope in scopes.items():
        took = []
        for _ in range(args.repeat):
            began, steps[0] = time.perf_counter(), 0
            drawn = store.drawn(**scope, max_nodes=limits.max_nodes, max_edges=limits.max_edges)
            took.append(time.perf_counter() - began)
        print(f"  {page:38} {min(took) * 1000:7.1f}-{max(took) * 1000:7.1f} ms {steps[0] / 1000:7.2f} M  draws "
              f"{len(drawn.scope.events):,} events, {len(drawn.scope.actors):,} actors, "
              f"{len(drawn.scope.reactions):,} reactions of {sum(drawn.counts.values()):,}", flush=True)
    store.close()
    with _serve(args.url, 4) as (server, port):
        start_rss, _ = _rss(server.pid)
        print(f"server RSS at start {start_rss} MB")
        pages = list(scopes)
        for page in pages:
            started = time.perf_counter()
            status, body = Client(port).get(page)
            rss, peak = _rss(server.pid)
            print(f"{page:40} {status} {time.perf_counter() - started:6.2f} s {len(body) / 1e6:6.1f} MB  "
                  f"server RSS {rss} MB (peak {peak} MB)", flush=True)
        took: list[float] = []
        failed: list[str] = []

        def fetch() -> None:
            began = time.perf_counter()
            try:
                Client(port).get("/graph")
            except OSError as exc:  # the client gives up after 30 s
                failed.append(type(exc).__name__)
                return
            took.append(time.perf_counter() - began)

        threads = [threading.Thread(target=fetch) for _ in range(4)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        rss, peak = _rss(server.pid)
        answered = f"{min(took):.2f}-{max(took):.2f} s" if took else "none answered"
        print(f"4 x /graph at once: {answered}{f', {len(failed)} failed ({failed[0]})' if failed else ''}; "
              f"server RSS {rss} MB (peak {peak} MB, +{peak - start_rss} MB over start)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
