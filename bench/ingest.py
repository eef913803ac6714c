"""Ingest throughput against raw spaCy on the same texts.

Builds N distinct synthetic articles from the bundled samples (paragraphs
shuffled, each article numbered), then times
  1. raw `nlp.pipe` over the article texts, and
  2. the full ingest path: normalise, parse paragraphs, extract, store in a
     fresh SQLite file (one transaction per article),
with the same number of processes, and prints articles/s, words/s and the
ratio of the two. Goal: ratio >= 0.8 (spaCy is nearly all the cost).

The two timings alternate --repeat times (raw, ours, raw, ours, ...) and the
median ratio is the figure: on a shared machine one run's raw time alone can
move by a quarter, and alternating exposes both sides to the same load.

With --cli the articles go into a JSON Lines file and the second timing is
the real command a user runs, `reactiongraph ingest FILE.jsonl --processes
N`, progress bar and all (its time includes starting and loading the model).

    python bench/ingest.py [--articles 300] [--processes 1] [--repeat 3]
    python bench/ingest.py --cli --articles 5000 --processes 2
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from api.settings import SETTINGS
from graph.extract import Extractor, judge_names, make_judge
from graph.ingest import ingest
from graph.models import ArticleInput
from graph import migrate
from graph.store import Store, make_engine

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def synthetic_articles(n: int, seed: int = 7) -> list[str]:
    """N distinct article texts made of the samples' paragraphs."""
    paragraphs = [p for f in sorted(SAMPLES.glob("*.txt"))
                  for p in f.read_text(encoding="utf-8").split("\n") if p.strip()]
    rng = random.Random(seed)
    texts = []
    for i in range(n):
        body = paragraphs[:]
        rng.shuffle(body)
        texts.append(f"Report {i}: reactions to the decision\n\n" + "\n\n".join(body))
    return texts


def _time_raw(nlp, texts: list[str], processes: int) -> float:
    start = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=processes, batch_size=64):
        pass
    return time.perf_counter() - start


def _time_ours(extractor: Extractor, texts: list[str], processes: int, cli: bool):
    """Seconds for the whole ingest path into a fresh SQLite file, and its stats."""
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.sqlite3"
        engine = make_engine(url)
        migrate.upgrade(engine)
        engine.dispose()
        if cli:
            path = Path(tmp) / "articles.jsonl"
            path.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
            command = [str(Path(sys.executable).parent / "reactiongraph"), "ingest", str(path),
                       "--processes", str(processes)]
            start = time.perf_counter()
            subprocess.run(command, check=True, env={**os.environ, "REACTIONGRAPH_DATABASE_URL": url})
            ours = time.perf_counter() - start
            store = Store.open(url)
        else:
            store = Store.open(url)
            start = time.perf_counter()
            articles = [extractor.prepare(ArticleInput(text=t)) for t in texts]
            ingest(articles, extractor, store, n_process=processes)
            ours = time.perf_counter() - start
        stats = store.stats()
        store.close()
    assert stats.articles == len(texts), stats
    return ours, stats


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3, help="alternating runs; the median ratio is reported")
    parser.add_argument("--cli", action="store_true", help="time `reactiongraph ingest` on a JSON Lines file")
    parser.add_argument("--judge", default=next(s.default for s in SETTINGS if s.name == "STANCE_JUDGE"), choices=judge_names(),
                        help="the stance judge (REACTIONGRAPH_STANCE_JUDGE for --cli); default: the app's")
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    texts = synthetic_articles(args.articles)
    words = sum(len(t.split()) for t in texts)
    extractor = Extractor(judge=make_judge(args.judge))
    os.environ["REACTIONGRAPH_STANCE_JUDGE"] = args.judge  # for --cli
    nlp = extractor.nlp
    list(nlp.pipe(texts[:5]))  # warm up

    print(f"articles: {args.articles}, words: {words:,} ({words // args.articles} per article), "
          f"processes: {args.processes}, runs: {args.repeat}, stance judge: {args.judge}")
    label = "reactiongraph ingest" if args.cli else "reactiongraph"
    ratios = []
    for run in range(1, args.repeat + 1):
        raw = _time_raw(nlp, texts, args.processes)
        ours, stats = _time_ours(extractor, texts, args.processes, args.cli)
        ratios.append(raw / ours)
        print(f"run {run}")
        print(f"  {'raw nlp.pipe':21}{raw:7.2f} s  {args.articles / raw:7.1f} articles/s  "
              f"{words / raw:9,.0f} words/s")
        print(f"  {label:21}{ours:7.2f} s  {args.articles / ours:7.1f} articles/s  {words / ours:9,.0f} words/s"
              f"  (stored {stats.reactions:,} reactions, {stats.actors:,} actors)")
        print(f"  ratio {raw / ours:.2f}")
    print(f"ratio (reactiongraph / raw throughput): median {statistics.median(ratios):.2f}, "
          f"range {min(ratios):.2f}-{max(ratios):.2f}  (goal >= 0.80)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
