"""Inter-annotator agreement, on a pair of tiny annotations whose figures were worked out by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.agreement import agreement, compare
from graph.evaluate import GoldArticle


def _gold(reactions: list[tuple[str, str, str, bool]]) -> GoldArticle:
    return GoldArticle.model_validate({
        "id": "a1", "text": "t", "not_reactors": [],
        "reactions": [{"actor": name, "aliases": [], "actor_type": kind, "stance": stance, "optional": optional}
                      for name, kind, stance, optional in reactions]})


A = _gold([("Marco Rubio", "person", "oppose", False), ("France", "country", "oppose", False),
           ("Germany", "country", "support", False), ("Kenya", "country", "neutral", False),
           ("NATO", "organization", "neutral", True)])
B = _gold([("Senator Rubio", "person", "oppose", False),       # surname: the same person
           ("France", "country", "neutral", False),             # same actor, other stance
           ("Germany", "country", "support", False),
           ("NATO", "organization", "neutral", False),         # optional in A: neither way
           ("Japan", "country", "support", False)])            # only B


def test_hand_computed_agreement() -> None:
    got = compare(A, B)
    # both: Rubio, France, Germany = 3; only A: Kenya = 1; only B: Japan = 1 (NATO is optional in A)
    assert (got.both, got.only_a, got.only_b) == (3, 1, 1)
    assert got.actor_f1 == pytest.approx(6 / 8)
    # stances of the three found by both: (oppose, oppose), (oppose, neutral), (support, support)
    assert got.stance_agreement == pytest.approx(2 / 3)
    # chance: A oppose 2/3, support 1/3; B oppose 1/3, neutral 1/3, support 1/3 -> pe = 2/9 + 1/9 = 1/3
    assert got.kappa == pytest.approx((2 / 3 - 1 / 3) / (1 - 1 / 3))
    assert "a1: France: A oppose, B neutral" in got.disagreements


def test_agreement_is_symmetric_in_actor_f1() -> None:
    assert compare(A, B).actor_f1 == pytest.approx(compare(B, A).actor_f1)


def test_agreement_over_folders_pairs_files_by_id(tmp_path: Path) -> None:
    for side, gold in (("a", A), ("b", B)):
        (tmp_path / side).mkdir()
        (tmp_path / side / "a1.json").write_text(gold.model_dump_json(), encoding="utf-8")
    (tmp_path / "a" / "a2.json").write_text(json.dumps(dict(A.model_dump(mode="json"), id="a2")), encoding="utf-8")
    total, n = agreement(tmp_path / "a", tmp_path / "b")
    assert n == 1 and total.both == 3
