"""The evaluation harness on a tiny gold set whose scores were worked out by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.errors import InvalidInput
from graph.evaluate import GoldArticle, Report, calibration, load_gold, score, strip_name
from graph.models import ExtractedActor, ExtractedReaction

GOLD = {
    "id": "tiny", "event_key": "k", "title": "t", "text": "irrelevant",
    "reactions": [
        {"actor": "Marco Rubio", "aliases": ["Senator Marco Rubio"], "actor_type": "person", "country": "US",
         "stance": "oppose"},
        {"actor": "Russian Foreign Ministry", "aliases": ["Russia"], "actor_type": "organization", "country": "RU",
         "stance": "support"},
        {"actor": "Benjamin Netanyahu", "aliases": [], "actor_type": "person", "country": "IL", "stance": "neutral"},
        {"actor": "White House", "aliases": [], "actor_type": "organization", "country": "US", "stance": "support",
         "optional": True},
    ],
    "not_reactors": ["Reuters"],
}


def r(name: str, stance: str, kind: str = "person", country: str | None = None) -> ExtractedReaction:
    return ExtractedReaction(actor=ExtractedActor(name=name, kind=kind, country=country), stance=stance,
                             confidence=0.5, evidence="e", span=(0, 1), cue="c")


def test_hand_computed_scores() -> None:
    found = [
        r("Rubio", "oppose", country="US"),                                    # surname match, right stance
        r("Senator Marco Rubio", "support", country="US"),                     # same gold again: ignored
        r("Russia", "neutral", "country", "RU"),                               # alias match, wrong stance
        r("White House", "support", "organization", "US"),                     # optional: neither hit nor miss
        r("Reuters", "neutral", "organization"),                               # not a reactor: false positive
    ]
    s = score(GoldArticle.model_validate(GOLD), found)
    c = s.counts
    # actors: tp = Rubio, Russia = 2; fp = Reuters = 1; fn = Netanyahu = 1
    assert (c.tp, c.fp, c.fn) == (2, 1, 1)
    assert c.actor == pytest.approx((2 / 3, 2 / 3, 2 / 3))
    # reactions: tp = Rubio; fp = Russia (wrong stance) + Reuters; fn = Russia + Netanyahu
    assert (c.reaction_tp, c.reaction_fp, c.reaction_fn) == (1, 2, 2)
    assert c.reaction == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert c.stance_accuracy == pytest.approx(0.5)
    # countries: gold {(US,oppose),(RU,support),(IL,neutral)}; optional-only (US,support) is ignored;
    # got {(US,oppose),(US,support)->ignored,(RU,neutral)} -> tp 1, fp 1, fn 2
    assert (c.country_tp, c.country_fp, c.country_fn) == (1, 1, 2)
    # calibration: Rubio right, Russia (wrong stance) and Reuters (extra) wrong, all at confidence 0.5
    assert sorted(s.judged) == [(0.5, False), (0.5, False), (0.5, True)]
    assert s.misses == ["Benjamin Netanyahu (neutral)"]
    assert s.extras == ["Reuters (neutral)"]
    assert s.wrong_stances == ["Russian Foreign Ministry: neutral, gold support"]


def test_names_are_stripped_of_titles() -> None:
    assert strip_name("Senator Marco Rubio") == "marco rubio"
    assert strip_name("The President") == "president"
    assert strip_name("Jean-Luc Mélenchon") == "jean-luc melenchon"


def test_load_gold_rejects_other_files(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="no gold files"):
        load_gold(tmp_path)
    (tmp_path / "x.json").write_text(json.dumps({"id": "x"}), encoding="utf-8")
    with pytest.raises(InvalidInput, match="x.json: not a gold file"):
        load_gold(tmp_path)


def test_evaluate_command_on_a_gold_folder(invoke, tmp_path: Path) -> None:
    gold = dict(GOLD, text="Senator Marco Rubio said the withdrawal was a grave error.", reactions=GOLD["reactions"][:1])
    (tmp_path / "one.json").write_text(json.dumps(gold), encoding="utf-8")
    result = invoke("evaluate", str(tmp_path), "--json")
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["reaction"]["f"] == 1.0 and figures["articles"] == 1
    verbose = invoke("evaluate", str(tmp_path), "--verbose")
    assert "OVERALL" in verbose.output


def test_calibration_bins_by_hand() -> None:
    found = [r("Rubio", "oppose", country="US"), r("Russia", "neutral", "country", "RU"),
             r("Reuters", "neutral", "organization")]
    s = score(GoldArticle.model_validate(GOLD), found)
    rows = {(lo, hi): (n, right) for lo, hi, n, right in calibration(Report([s], s.counts))}
    assert rows[(0.5, 0.6)] == (3, pytest.approx(1 / 3))
    assert rows[(0.9, 1.0)] == (0, 0.0)
