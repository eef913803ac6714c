"""What the count triggers cost at ingest: reactions stored as the store stores them, with and without each set.

Fills an empty store with bench/synth.py's events, actors and articles,
then stores its reactions the way `Store.add` does (one transaction per
article, one INSERT per reaction) five times over: with every count
trigger, without migration 0010's (`event_totals`), without 0009's too
(`store_totals`, `actor_events`, and its indexes on `stance_actors` and
`actor_counts`), without 0008's too (`stance_actors`, `actor_counts`), and
without 0003's (`stance_counts`) as well. Each run starts from no reactions and empty
count tables; the runs alternate twice (all, fewer, ..., then again), and
the report gives both times of each set and its ratio to the set without
any trigger, so the noise of a shared machine shows, and on SQLite the
virtual machine instructions per reaction (triggers' programs included),
which no load changes.

    python bench/triggers.py sqlite:///bench/triggers.sqlite3 --scale 0.01
    python bench/triggers.py postgresql+psycopg://postgres@127.0.0.1/bench --scale 0.01   # an empty database
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import sys
import time
from typing import Any

from sqlalchemy import Connection, event, insert
from synth import Synth, empty_store, sizes  # bench/synth.py

from graph import schema as t

_SETS = ("all (0003+0008+0009+0010)", "0003+0008+0009", "0003+0008", "0003", "none")
_MIGRATIONS = {"0003": "0003_reaction_actor_columns", "0008": "0008_actor_counts", "0009": "0009_page_counts",
               "0010": "0010_event_totals"}


def _migration(revision: str) -> Any:
    return importlib.import_module(f"graph.migrations.versions.{_MIGRATIONS[revision]}")


def _triggers(conn: Connection, keep: int) -> None:
    """Install the first `keep` of 0003, 0008, 0009, 0010's triggers (in that order) and drop the rest.

    0009's indexes on the count tables go with its triggers: they too cost at every write of those rows.
    """
    m0009 = _migration("0009")
    for (table, name), columns in m0009._INDEXES.items():
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}" if keep < 3 else
                             f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({', '.join(columns)}) "
                             f"WHERE {m0009.PARTIAL}")
    for i, revision in enumerate(("0003", "0008", "0009", "0010")):
        module = _migration(revision)
        module._uninstall(conn)
        if i < keep:
            statements = (module._sqlite_triggers() if conn.dialect.name == "sqlite"
                          else module._postgresql_triggers())
            for statement in statements:
                conn.exec_driver_sql(statement)


def _empty(conn: Connection) -> None:
    for table in (t.reactions, t.stance_counts, t.stance_actors, t.actor_counts, t.actor_events):
        conn.execute(table.delete())
    conn.execute(t.store_totals.update().values(support=0, oppose=0, neutral=0))
    conn.execute(t.event_totals.update().values(support=0, oppose=0, neutral=0, actors=0, actors_support=0,
                                                actors_oppose=0, actors_neutral=0))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("url", help="SQLAlchemy URL of an empty store")
    parser.add_argument("--scale", type=float, default=0.01, help="of bench/synth.py's counts (0.01: 10,000 reactions)")
    parser.add_argument("--articles", type=int, default=1,
                        help="articles per transaction (1, as ingest does; a large number shows the triggers' own "
                             "cost without the commits')")
    args = parser.parse_args()
    engine = empty_store(args.url)
    if engine is None:
        return 2
    synth = Synth(**sizes(args.scale), seed=2018)
    with engine.begin() as conn:
        conn.execute(insert(t.events), list(synth.events()))
        conn.execute(insert(t.actors), list(synth.actors()))
        conn.execute(insert(t.actor_aliases), list(synth.aliases()))
        rows = list(synth.articles())
        conn.execute(insert(t.articles), rows)
    reactions = list(synth.reactions(rows))
    by_article = [list(group) for _, group in itertools.groupby(reactions, key=lambda r: r["article_id"])]
    batches = [by_article[i:i + args.articles] for i in range(0, len(by_article), args.articles)]
    steps = [0]
    if engine.dialect.name == "sqlite":  # SQLite's own instruction count, triggers' programs included: load-free
        def count(dbapi: Any, _record: Any) -> None:
            dbapi.set_progress_handler(lambda: steps.__setitem__(0, steps[0] + 1) or 0, 100)
        engine.dispose()
        event.listen(engine, "connect", count)
    times: dict[str, list[float]] = {name: [] for name in _SETS}
    work: dict[str, int] = {}
    for _ in range(2):
        for keep, name in zip((4, 3, 2, 1, 0), _SETS):
            with engine.begin() as conn:
                _triggers(conn, 0)
                _empty(conn)
                _triggers(conn, keep)
            started, steps[0] = time.perf_counter(), 0
            for batch in batches:
                with engine.begin() as conn:
                    for group in batch:
                        for row in sorted(group, key=lambda r: (r["actor_country"] or "", r["actor_id"])):
                            conn.execute(insert(t.reactions).values(**row))
            times[name].append(time.perf_counter() - started)
            work[name] = steps[0] * 100
    with engine.begin() as conn:  # the triggers back (its counts are wrong now: use a scratch store)
        _triggers(conn, 3)
    engine.dispose()
    base = min(times["none"])
    print(f"{engine.dialect.name}: {len(reactions):,} reactions of {len(by_article):,} articles "
          f"in {len(batches):,} transactions")
    for name in _SETS:
        runs = times[name]
        vm = (f"   {work[name] / len(reactions):7.0f} VM instructions/reaction ({work[name] / work['none']:4.2f}x)"
              if work["none"] else "")
        print(f"  triggers {name:22} {' '.join(f'{s:6.2f} s' for s in runs)}   "
              f"{min(runs) / base:4.2f}x of none   {min(runs) / len(reactions) * 1e6:6.0f} us/reaction{vm}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
