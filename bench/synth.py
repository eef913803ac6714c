"""Fill a store with a year of a busy newsroom's reactions, for the scale benchmarks.

Defaults: 10,000 events, 100,000 actors, 200,000 articles, 1,000,000
reactions with quotes. Actors' activity follows Zipf's law (the busiest
actor reacts tens of thousands of times, most a handful), events' coverage
is skewed too, and countries are weighted towards the often-quoted ones.
Rows go in with bulk inserts through the real schema (migrations applied
first), not through extraction, and match what the store itself writes:
aliases for every actor, the actor's kind and country copied onto its
reactions, one reaction per actor per article.

    python bench/synth.py sqlite:///bench/big.sqlite3            # about 2 minutes, 1.4 GB
    python bench/synth.py sqlite:///bench/small.sqlite3 --scale 0.01
    python bench/synth.py postgresql+psycopg://postgres@127.0.0.1/bench

The target must be empty (a fresh file or database).
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import itertools
import random
import sys
import time
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine, insert, select

from graph import migrate
from graph import schema as t
from graph.names import fold
from graph.store import make_engine

# Often-quoted countries first; weights fall off like a newsroom's coverage.
COUNTRIES = ("US GB RU FR DE CN IL IR TR UA SY IN JP SA AE EG QA IT ES CA AU BR KR KP PK AF IQ JO LB PL NL BE SE NO "
             "DK FI CH AT GR PT IE MX AR CO VE ZA NG KE ET MA DZ TN LY SD ID MY PH TH VN SG NZ HU CZ RO BG RS HR "
             "BY KZ AZ AM GE").split()
FIRST = ("Anna Boris Carlos Dmitri Elena Fatima Georg Hana Ivan Jacques Karim Lena Marco Nadia Omar Paula Quentin "
         "Rosa Sergei Tomas Ursula Viktor Wen Xavier Yuki Zainab Ahmed Beatriz Chen Diego Emma Farid Grace Hugo "
         "Ingrid Jonas Kofi Leila Mateo Nina Olga Pedro Rania Sofia Tariq Vera William Yara").split()
LAST = ("Abbott Bauer Castro Dubois Eriksen Fischer Garcia Haddad Ivanova Jansen Kowalski Lindqvist Moreau Novak "
        "Okafor Petrov Quinn Rossi Schmidt Tanaka Usman Varga Weber Xu Yilmaz Zhang Almeida Brandt Costa Demir "
        "Engel Ferrari Gomez Hoffmann Iqbal Jovanovic Keller Lopez Meyer Nakamura Ortega Popescu Romero Sato "
        "Torres Vogel Wagner Young Ziegler").split()
ROLES = ("Foreign Minister", "Prime Minister", "President", "Senator", "Defence Secretary", "spokesperson",
         "ambassador to the UN", "opposition leader", "analyst", "Interior Minister")
ORGS = ("Foreign Ministry", "Defence Ministry", "Parliament", "Red Cross Committee", "Refugee Council",
        "Chamber of Commerce", "Human Rights Watch Office", "Institute for Strategic Studies", "Trade Union",
        "Security Council Mission")
TOPICS = ("troop withdrawal", "sanctions package", "trade agreement", "missile strike", "election result",
          "border closure", "peace talks", "climate pledge", "embassy move", "arms deal", "ceasefire",
          "nuclear test", "summit declaration", "refugee quota", "tariff increase")
PLACES = ("Syria", "Ukraine", "the Gulf", "the Sahel", "Korea", "the Balkans", "Venezuela", "Taiwan", "Libya",
          "Afghanistan", "the Arctic", "Kashmir", "Yemen", "the Caucasus", "Myanmar")
CUES = {"support": ("welcomed", "praised", "backed", "hailed", "applauded"),
        "oppose": ("condemned", "criticised", "denounced", "regretted", "warned against"),
        "neutral": ("called for calm", "noted", "said it was studying", "urged dialogue about")}
STANCE_WEIGHTS = (("oppose", 0.45), ("support", 0.35), ("neutral", 0.20))
START = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)
CHUNK = 5000


def _zipf_cumulative(n: int, s: float) -> list[float]:
    return list(itertools.accumulate(1.0 / (rank ** s) for rank in range(1, n + 1)))


def _draw(rng: random.Random, cumulative: list[float]) -> int:
    return bisect.bisect_left(cumulative, rng.random() * cumulative[-1])


def _chunks(rows: Iterator[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    while chunk := list(itertools.islice(rows, CHUNK)):
        yield chunk


class Synth:
    """Deterministic synthetic rows (same seed, same store)."""

    def __init__(self, events: int, actors: int, articles: int, reactions: int, seed: int) -> None:
        self.n_events, self.n_actors, self.n_articles, self.n_reactions = events, actors, articles, reactions
        self.rng = random.Random(seed)
        self.actor_rows: list[dict[str, Any]] = []
        self.event_dates: list[dt.date] = []

    def events(self) -> Iterator[dict[str, Any]]:
        for i in range(self.n_events):
            when = START + dt.timedelta(minutes=i * 525600 // max(self.n_events, 1))
            self.event_dates.append(when.date())
            topic, place = self.rng.choice(TOPICS), self.rng.choice(PLACES)
            yield {"id": f"ev-{i:012x}", "label": f"{topic.capitalize()} in {place} ({i})", "date": when.date(),
                   "created_at": when, "terms": f"{topic} {fold(place)} n{i}"}

    def actors(self) -> Iterator[dict[str, Any]]:
        # Countries first: they are among the busiest reactors, like real ones.
        for code in COUNTRIES[:min(len(COUNTRIES), self.n_actors // 10 or 1)]:
            row = {"id": f"country-{code}", "name": code, "kind": "country", "country": code, "role": None,
                   "organization": None}
            self.actor_rows.append(row)
            yield row
        country_weights = _zipf_cumulative(len(COUNTRIES), 1.1)
        for i in range(self.n_actors - len(self.actor_rows)):
            code = COUNTRIES[_draw(self.rng, country_weights)] if self.rng.random() < 0.9 else None
            if self.rng.random() < 0.7:
                name = f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)} {i}"
                row = {"id": f"ac-p{i:010x}", "name": name, "kind": "person", "country": code,
                       "role": self.rng.choice(ROLES), "organization": None}
            else:
                name = f"{code or 'International'} {self.rng.choice(ORGS)} {i}"
                row = {"id": f"ac-o{i:010x}", "name": name, "kind": "organization", "country": code,
                       "role": None, "organization": None}
            self.actor_rows.append(row)
            yield row

    def aliases(self) -> Iterator[dict[str, Any]]:
        for row in self.actor_rows:
            yield {"actor_id": row["id"], "key": fold(row["name"])[:200], "alias": row["name"]}

    def articles(self) -> Iterator[dict[str, Any]]:
        event_weights = _zipf_cumulative(self.n_events, 0.6)
        for i in range(self.n_articles):
            event = _draw(self.rng, event_weights)
            published = self.event_dates[event] + dt.timedelta(days=self.rng.randrange(0, 4))
            ingested = START + dt.timedelta(seconds=i * 31536000 // max(self.n_articles, 1))
            body = " ".join(self.rng.choice(TOPICS) + " reaction paragraph" for _ in range(40))
            yield {"id": f"{i:024x}", "event_id": f"ev-{event:012x}", "title": f"World reacts ({i})",
                   "url": f"https://news.example/{i}", "published": published, "source": "news.example",
                   "text": body, "ingested_at": ingested}

    def reactions(self, articles: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        """One article's reactions after another; `articles` are the rows `articles` made, in order."""
        actor_weights = _zipf_cumulative(len(self.actor_rows), 1.0)
        per_article, extra = divmod(self.n_reactions, self.n_articles)
        stances, weights = zip(*STANCE_WEIGHTS)
        # Every actor reacts at least once (the store drops actors left without reactions), in a random order;
        # the rest of the reactions follow Zipf's law.
        first = list(range(len(self.actor_rows)))
        self.rng.shuffle(first)
        for i, article in enumerate(articles):
            event_id, created = article["event_id"], article["ingested_at"]
            chosen: set[int] = set()
            for _ in range(per_article + (1 if i < extra else 0)):
                index = first.pop() if first else _draw(self.rng, actor_weights)
                while index in chosen:
                    index = _draw(self.rng, actor_weights)
                chosen.add(index)
                actor = self.actor_rows[index]
                stance = self.rng.choices(stances, weights)[0]
                cue = self.rng.choice(CUES[stance])
                quote = (f'"We {cue} this decision," {actor["name"]} said, adding that the consequences for the '
                         f'region would be watched closely in the coming weeks.')
                yield {"id": f"re-{i:09x}{len(chosen):03x}", "actor_id": actor["id"], "event_id": event_id,
                       "article_id": f"{i:024x}", "stance": stance,
                       "confidence": round(self.rng.uniform(0.3, 0.99), 2), "evidence": quote,
                       "span_start": 0, "span_end": len(quote), "cue": cue, "reviewed": False, "note": None,
                       "created_at": created, "actor_kind": actor["kind"], "actor_country": actor["country"],
                       "article_title": article["title"], "article_published": article["published"]}


def sizes(scale: float) -> dict[str, int]:
    """How many events, actors, articles and reactions a store of this scale holds (1.0: the full year)."""
    return {k: max(1, int(v * scale)) for k, v in
            {"events": 10_000, "actors": 100_000, "articles": 200_000, "reactions": 1_000_000}.items()}


def empty_store(url: str) -> Engine | None:
    """The migrated store at `url`, or None (said on stderr) when it holds articles already."""
    engine = make_engine(url)
    migrate.upgrade(engine)
    with engine.connect() as conn:
        if conn.execute(select(t.articles.c.id).limit(1)).first() is not None:
            print(f"{url} already holds articles; give an empty store", file=sys.stderr)
            return None
    return engine


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("url", help="SQLAlchemy URL of an empty store")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every count (0.01 for a quick store)")
    parser.add_argument("--seed", type=int, default=2018)
    args = parser.parse_args()
    engine = empty_store(args.url)
    if engine is None:
        return 2
    synth = Synth(**sizes(args.scale), seed=args.seed)
    started = time.perf_counter()
    articles: list[dict[str, Any]] = []

    def remember(rows: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for row in rows:
            articles.append({k: row[k] for k in ("event_id", "ingested_at", "title", "published")})
            yield row

    steps = [(t.events, synth.events), (t.actors, synth.actors), (t.actor_aliases, synth.aliases),
             (t.articles, lambda: remember(synth.articles())),
             (t.reactions, lambda: synth.reactions(articles))]
    for table, rows in steps:
        step = time.perf_counter()
        count = 0
        for chunk in _chunks(rows()):
            # One transaction per chunk: within one huge PostgreSQL transaction every trigger update of a
            # busy counter row (the United States') adds a row version the next update must step over.
            with engine.begin() as conn:
                conn.execute(insert(table), chunk)
            count += len(chunk)
        print(f"{table.name:14} {count:>10,} rows  {time.perf_counter() - step:6.1f} s", flush=True)
    if engine.dialect.name == "postgresql":  # what autovacuum would soon do; SQLite stores run without stats
        with engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    engine.dispose()
    print(f"done in {time.perf_counter() - started:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
