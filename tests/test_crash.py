"""Crash safety: a worker killed with SIGKILL mid-article leaves all of it or none of it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

from graph.extract import Extractor
from graph.models import ArticleInput
from graph.store import Store

from .conftest import ROOT, SAMPLE


def test_sigkill_mid_article_leaves_nothing_half_written(db_url: str, extractor: Extractor) -> None:
    worker = subprocess.Popen([sys.executable, "-m", "tests.crash_worker", db_url], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = worker.stdout.readline()  # type: ignore[union-attr]
        assert line.strip() == "mid-article", worker.stderr.read()  # type: ignore[union-attr]
        reader = Store.open(db_url)
        assert reader.stats().articles == 0  # readers never see a half-stored article
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(timeout=30)
    finally:
        if worker.poll() is None:
            worker.kill()
    assert worker.returncode == -signal.SIGKILL
    stats = reader.stats()
    assert (stats.articles, stats.events, stats.actors, stats.reactions) == (0, 0, 0, 0)
    # The store is usable at once: no lock or half transaction is left behind.
    again = reader.add(extractor.extract(extractor.prepare(ArticleInput(text=SAMPLE.read_text(encoding="utf-8")))))
    assert again.created and again.reactions_added == 10
    reader.close()

