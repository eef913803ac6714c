"""The annotated corpus holds up: every file sound, splits disjoint by event, no reserved event, the promised size."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from graph.corpus import SPLITS, check_article, check_corpus, load_excluded
from graph.evaluate import is_sealed, load_gold

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
EXCLUDED = load_excluded(CORPUS / "excluded-events.json")
RESERVED = ROOT.parent / "shared" / "eval" / "RESERVED.md"


def _golds(split: str) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((CORPUS / split).glob("*.json"))]


def test_every_file_is_sound_and_splits_are_disjoint_by_event() -> None:
    assert check_corpus(CORPUS, EXCLUDED) == []


def test_the_corpus_has_the_promised_size() -> None:
    golds = [g for split in SPLITS for g in _golds(split)]
    events = {g["event_key"] for g in golds}
    reactions = sum(not r["optional"] for g in golds for r in g["reactions"])
    assert len(golds) >= 150 and len(events) >= 50 and reactions >= 700, (len(golds), len(events), reactions)
    assert len({g["url"] for g in golds}) == len(golds), "two gold files share a URL"
    assert len({g["text"] for g in golds}) == len(golds), "two gold files share a text"


# The events the splits were drawn from (corpus/README.md, "Splits"); events added later went to train only.
DRAWN_EVENTS = 71


def test_the_test_split_is_sealed_and_holds_a_fifth_of_the_events() -> None:
    events = {split: {g["event_key"] for g in _golds(split)} for split in SPLITS}
    assert len(events["test"]) >= 0.2 * DRAWN_EVENTS
    assert sum(len(e) for e in events.values()) >= DRAWN_EVENTS
    assert is_sealed(CORPUS / "test") and not is_sealed(CORPUS / "train") and not is_sealed(CORPUS / "validation")


def test_every_split_loads_for_evaluation() -> None:
    for split in SPLITS:
        assert load_gold(CORPUS / split)


def test_every_excluded_event_is_recognised_by_its_own_name() -> None:
    for event in EXCLUDED:
        name = event.event.removeprefix("Dev set: ")
        assert event.matches(name), name


@pytest.mark.skipif(not RESERVED.is_file(), reason=f"{RESERVED} is not here (it is beside the repository in CI only)")
def test_every_reserved_event_is_excluded() -> None:
    dash = str.maketrans({"\u2013": "-", "\u2014": "-"})
    reserved = [line[2:].strip().translate(dash) for line in RESERVED.read_text(encoding="utf-8").splitlines()
                if line.startswith("- ")]
    assert len(reserved) >= 30
    assert set(reserved) <= {e.event for e in EXCLUDED}


def _article(tmp_path: Path, **changes: object) -> Path:
    text = ("Leaders reacted on Monday. " * 8 + "\n\nThe French foreign ministry condemned the strike as "
            "\u201ca grave violation\u201d of international law.")
    gold = {"id": "strike-2019-example", "event_key": "strike-2019", "event": "An air strike (May 2019)",
            "url": "https://example.org/a", "title": "Leaders react", "published": "2019-05-02", "text": text,
            "reactions": [{"actor": "French foreign ministry", "aliases": ["France"], "actor_type": "organization",
                           "country": "FR", "organization": None, "role": None, "stance": "oppose",
                           "evidence": "\u201ca grave violation\u201d", "optional": False}],
            "not_reactors": ["Reuters"]}
    gold.update(changes)
    path = tmp_path / f"{gold['id']}.json"
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_sound_article_passes(tmp_path: Path) -> None:
    assert check_article(_article(tmp_path), EXCLUDED) == []


@pytest.mark.parametrize(("changes", "problem"), [
    ({"event": "Reactions to the killing of Jamal Khashoggi (October 2018)"}, "excluded one"),
    ({"title": "World reacts to Russia's invasion of Ukraine"}, "excluded one"),
    ({"event_key": "brexit-vote-2016"}, "excluded one"),
    ({"published": "2013-12-31"}, "outside 2014-2025"),
    ({"url": "not a url"}, "url"),
    ({"id": "Upper Case"}, "id"),
    ({"not_reactors": ["French foreign ministry"]}, "both a reactor and in not_reactors"),
    ({"extra": 1}, "extra"),
])
def test_a_faulty_article_is_refused(tmp_path: Path, changes: dict, problem: str) -> None:
    problems = check_article(_article(tmp_path, **changes), EXCLUDED)
    assert any(problem in p for p in problems), problems


def _with_reaction(tmp_path: Path, **changes: object) -> list[str]:
    reaction = {"actor": "French foreign ministry", "aliases": ["France"], "actor_type": "organization",
                "country": "FR", "organization": None, "role": None, "stance": "oppose",
                "evidence": "\u201ca grave violation\u201d", "optional": False}
    reaction.update(changes)
    return check_article(_article(tmp_path, reactions=[reaction]), EXCLUDED)


@pytest.mark.parametrize(("changes", "problem"), [
    ({"evidence": "\"a grave violation\""}, "not an exact substring"),  # straight quotes for curly ones
    ({"evidence": "a grave  violation"}, "not an exact substring"),
    ({"stance": "against"}, "stance"),
    ({"country": "UK"}, "country"),
    ({"country": "fr"}, "country"),
    ({"actor_type": "country", "country": None}, "needs its country code"),
    ({"actor_type": "state"}, "actor_type"),
])
def test_a_faulty_reaction_is_refused(tmp_path: Path, changes: dict, problem: str) -> None:
    problems = _with_reaction(tmp_path, **changes)
    assert any(problem in p for p in problems), problems


def test_an_event_in_two_splits_is_refused(tmp_path: Path) -> None:
    for split in SPLITS:
        (tmp_path / split).mkdir()
        _article(tmp_path / split, id=f"strike-2019-{split}", url=f"https://example.org/{split}")
    problems = check_corpus(tmp_path, EXCLUDED)
    assert any(re.search(r"event strike-2019 is split across test, train, validation", p) for p in problems)


def test_the_readme_split_table_matches_the_folders() -> None:
    """The README's split table states the sizes the folders really have."""
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    for split in SPLITS:
        golds = _golds(split)
        events = len({g["event_key"] for g in golds})
        reactions = sum(not r["optional"] for g in golds for r in g["reactions"])
        row = f"| {split} | {events} | {len(golds)} | {reactions} |"
        assert row in readme, f"corpus/README.md lacks the row {row!r}"


def test_stances_are_not_all_one_class() -> None:
    stances = Counter(r["stance"] for split in SPLITS for g in _golds(split) for r in g["reactions"]
                      if not r["optional"])
    assert all(stances[s] >= 50 for s in ("support", "oppose", "neutral")), stances


@pytest.mark.parametrize(("sample", "least"), [("", 25), ("validation-2026-11-28", 12)])
def test_the_readme_states_the_measured_agreement(sample: str, least: int) -> None:
    from graph.agreement import agreement

    folder = CORPUS / "agreement" / sample
    total, n = agreement(folder / "a", folder / "b")
    readme = " ".join((CORPUS / "README.md").read_text(encoding="utf-8").split())
    assert n >= least
    for figure in (f"actor F1 {total.actor_f1:.3f}", f"({total.strict_actor_f1:.3f} when",
                   f"stance agreement {total.stance_agreement:.3f}", f"kappa {total.kappa:.3f}",
                   f"{total.both} found by both"):
        assert figure in readme.replace("**", ""), figure


def test_a_file_that_is_not_json_is_reported_not_raised(tmp_path: Path) -> None:
    for split in SPLITS:
        (tmp_path / split).mkdir()
        _article(tmp_path / split, id=f"strike-2019-{split}", event_key=f"strike-2019-{split}",
                 url=f"https://example.org/{split}")
    (tmp_path / "train" / "broken.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "train" / "list.json").write_text("[]", encoding="utf-8")
    problems = check_corpus(tmp_path, EXCLUDED)
    assert any("broken.json: not JSON" in p for p in problems)
    assert any(p.startswith("list.json:") for p in problems)
