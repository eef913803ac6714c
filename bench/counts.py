"""Counts of distinct actors (issue 18): what they add to event and country reads.

Events and countries say how many distinct actors took each stance. A
country's page reads them from `actor_counts` (kept by triggers since
migration 0008; before, counted from the reactions on an index range),
beside the reaction counts kept in `stance_counts`; an event's, with its
articles and reaction counts, from its one row of `event_totals` (migration
0010), so a page of events is one statement. On a store made by bench/synth.py this
prints the median and worst of repeated calls, for the first page of
events, the busiest event and the busiest country (a hub: every scan of one
grows with it).

    python bench/counts.py sqlite:///bench/big.sqlite3 [--repeat 15]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select  # noqa: E402

from graph import schema as t  # noqa: E402
from graph.store import Store  # noqa: E402


def _timed(name: str, call: Callable[[], Any], repeat: int) -> None:
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        runs.append((time.perf_counter() - started) * 1000)
    print(f"{name:58} median {statistics.median(runs):7.1f} ms   worst {max(runs):7.1f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("url", help="SQLAlchemy URL of a store filled by bench/synth.py")
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    store = Store.open(args.url)
    r = t.reactions
    with store.engine.connect() as conn:
        event = conn.execute(select(r.c.event_id, func.count().label("n")).group_by(r.c.event_id)
                             .order_by(func.count().desc()).limit(1)).one()
        country = conn.execute(select(r.c.actor_country, func.count().label("n")).where(r.c.actor_country.is_not(None))
                               .group_by(r.c.actor_country).order_by(func.count().desc()).limit(1)).one()
    _timed("events, first page of 50 with their counts (event_totals)", lambda: store.events(limit=50), args.repeat)
    _timed(f"event detail, busiest ({event.n:,} reactions, whole call)", lambda: store.event_detail(event.event_id),
           args.repeat)
    _timed(f"country {country.actor_country} reaction counts ({country.n:,} reactions)",
           lambda: store.country_counts(country.actor_country), args.repeat)
    _timed(f"country {country.actor_country} distinct actors", lambda: store.country_summary(country.actor_country)[1],
           args.repeat)
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
