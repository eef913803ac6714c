"""The graph pages on a large store: time, page size and server memory.

Starts `reactiongraph serve` over a store made by bench/synth.py and fetches
`/graph`, the busiest event's and the busiest actor's pages, one at a time
and then four at once, printing each page's time and size and the server's
resident memory (now and peak). Pages read only what they draw, capped in
SQL (VIZ_MAX_NODES, VIZ_MAX_EDGES), so neither grows with the store.

    python bench/synth.py sqlite:///bench/s100k.sqlite3 --scale 0.1
    python bench/graph_page.py sqlite:///bench/s100k.sqlite3
"""

from __future__ import annotations

import argparse
import sys
import threading
import time

from reads import Client, _rss, _serve  # bench/reads.py
from sqlalchemy import desc, func, select

from graph import schema as t
from graph.store import make_engine


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("url", help="SQLAlchemy URL of a store filled by bench/synth.py")
    args = parser.parse_args()
    engine = make_engine(args.url)
    with engine.connect() as conn:
        reactions = conn.execute(select(func.count()).select_from(t.reactions)).scalar_one()
        event = conn.execute(select(t.reactions.c.event_id).group_by(t.reactions.c.event_id)
                             .order_by(desc(func.count())).limit(1)).scalar_one()
        actor = conn.execute(select(t.reactions.c.actor_id).group_by(t.reactions.c.actor_id)
                             .order_by(desc(func.count())).limit(1)).scalar_one()
    engine.dispose()
    with _serve(args.url, 4) as (server, port):
        start_rss, _ = _rss(server.pid)
        print(f"store: {reactions:,} reactions; server RSS at start {start_rss} MB")
        pages = ["/graph", f"/events/{event}/graph", f"/actors/{actor}/graph"]
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
