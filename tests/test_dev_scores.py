"""The dev-set targets hold: a regression guard on the annotated articles of ../shared/eval/dev."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.evaluate import calibration, evaluate
from graph.extract import Extractor

DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "dev"


@pytest.mark.skipif(not DEV.is_dir(), reason=f"{DEV} is not here (it is beside the repository in CI only)")
def test_dev_targets(extractor: Extractor) -> None:
    report = evaluate(DEV, extractor)
    total = report.total
    assert total.reaction[2] >= 0.85, f"reaction F1 {total.reaction[2]:.3f} fell below 0.85"
    assert total.actor[2] >= 0.92, f"actor F1 {total.actor[2]:.3f} fell below 0.92"
    assert total.stance_accuracy >= 0.88, f"stance accuracy {total.stance_accuracy:.3f} fell below 0.88"
    sure = [(n, right) for low, _, n, right in calibration(report) if low >= 0.8 and n]
    right = sum(n * share for n, share in sure) / sum(n for n, _ in sure)
    assert right >= 0.8, f"reactions at confidence >= 0.8 are right {right:.0%} of the time"


@pytest.mark.skipif(not DEV.is_dir(), reason=f"{DEV} is not here (it is beside the repository in CI only)")
def test_dev_articles_of_different_events_never_share_one(store, extractor: Extractor) -> None:
    import json
    import random

    from graph.models import ArticleInput

    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(DEV.glob("*.json"))]
    random.Random(1).shuffle(golds)
    keys: dict[str, set[str]] = {}
    for g in golds:
        article = extractor.prepare(ArticleInput(text=g["text"], title=g["title"], published=g.get("published")))
        keys.setdefault(store.add(extractor.extract(article)).event_id, set()).add(g["event_key"])
    assert all(len(k) == 1 for k in keys.values()), keys
    assert len(keys) <= 10  # 15 articles about 5 events: measured 8 to 10 events, never a mixed one
