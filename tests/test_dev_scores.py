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
