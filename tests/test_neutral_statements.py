"""Deliberately neutral statements the annotation guideline names, each a class, on sentences written here.

The guideline calls neutral a speaker who "acknowledges it, comments without judging it, calls for calm or
dialogue without judging it". Two classes of such words carried no neutral cue
(graph/words/neutral_phrases.txt): awareness and watching ("is following the case closely", "is aware of
the verdict") and even-handed calls to settle it ("urged all sides to refrain from violence", "called for
de-escalation"). Without a cue the learned judge gave such a speaker whatever side its model leaned to;
with one, its measured neutral override answers. A phrase counts only as the speaker's own position:
negated ("was not aware of"), said of someone else's doing ("the observers who were following the talks
closely") or what the event brings ("will lead to a peaceful settlement") it is none, and a side cue of the
same speaker wins over it.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.extract import Extractor
from graph.extract.learned import MODEL_DIR, LearnedJudge
from graph.models import ArticleInput, Extraction

EVENTS = ["Valdora and Kestria sign a border agreement", "Valdora shells border towns in Kestria",
          "A Meridian court convicts opposition leader Lena Marsh"]
_SPEAKERS = ["Foreign Minister Ana Rojas", "Chancellor Tomas Varga", "Prime Minister Ruth Okafor",
             "Senator Dana Whitfield"]
_NEUTRAL = {
    "watching": [
        "said her government was following the case closely.",
        "said the ministry was closely watching developments.",
        "said his government was aware of the news and would comment in due course.",
        "told reporters that Ostland was keeping a close eye on the situation.",
    ],
    "even-handed": [
        "urged all sides to refrain from violence.",
        "called on both parties to seek a peaceful settlement.",
        "called for an immediate de-escalation.",
        "appealed for a cessation of hostilities and a return to talks.",
    ],
}
_ALL_NEUTRAL = [w for ws in _NEUTRAL.values() for w in ws]
CARD = json.loads((MODEL_DIR / "card.json").read_text())


def run(extractor: Extractor, title: str, body: str) -> Extraction:
    return extractor.extract(extractor.prepare(ArticleInput(text=body, title=title)))


def _reaction(got: Extraction, speaker: str):
    surname = speaker.split()[-1]
    found = [r for r in got.reactions if surname in r.actor.name]
    assert found, [(r.actor.name, r.stance, r.cue) for r in got.reactions]
    return found[0]


@pytest.fixture(scope="module")
def learned_extractor() -> Extractor:
    return Extractor(judge=LearnedJudge())


@settings(max_examples=36, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), title=st.sampled_from(EVENTS), words=st.sampled_from(_ALL_NEUTRAL))
def test_a_deliberately_neutral_statement_is_read_as_one(extractor: Extractor, speaker: str, title: str,
                                                        words: str) -> None:
    """Watching, calling all sides to settle: neutral, and the reaction shows the words that make it so."""
    got = _reaction(run(extractor, title, f"{speaker} {words}"), speaker)
    assert got.stance == "neutral"
    assert got.cue != "no stance cue" and got.cue.lower() in words.lower(), got.cue


@pytest.mark.parametrize("kind", sorted(_NEUTRAL))
def test_the_learned_judge_answers_a_neutral_statement_with_its_measured_neutral_override(
        learned_extractor: Extractor, kind: str) -> None:
    """The model is not asked: the card's neutral override answers, at the confidence it measured."""
    for words in _NEUTRAL[kind]:
        got = _reaction(run(learned_extractor, EVENTS[1], f"Chancellor Tomas Varga {words}"), "Tomas Varga")
        assert (got.stance, got.confidence) == ("neutral", CARD["neutral_override_confidence"]), (words, got.cue)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), words=st.sampled_from(_ALL_NEUTRAL), side=st.sampled_from([
    ("condemned the shelling", "oppose"), ("called the shelling a grave mistake", "oppose"),
    ("welcomed the shelling", "support")]))
def test_a_side_taken_with_neutral_words_stands(extractor: Extractor, speaker: str, words: str,
                                               side: tuple[str, str]) -> None:
    """"Condemned the attack and said it was following developments closely" still opposes."""
    said, stance = side
    got = _reaction(run(extractor, EVENTS[1], f"{speaker} {said} and {words}"), speaker)
    assert got.stance == stance, got.cue


@pytest.mark.parametrize("words, phrase", [
    ("said the ministry was not aware of any plans to answer it.", "aware of"),
    ("said there was no peaceful solution in sight.", "peaceful solution"),
    ("said the observers who were following the talks closely had gone home.", "closely"),
    ("said farmers on both sides of the border were tired.", "both sides"),
    ("said all parties should now accept the ruling.", "all parties"),
    ("said the agreement would lead to a peaceful settlement of the dispute.", "peaceful"),  # what it brings  # a call to accept the event: no neutral cue
])
def test_neutral_words_that_are_not_the_speakers_position_are_no_neutral_cue(extractor: Extractor, words: str,
                                                                             phrase: str) -> None:
    """Negated, said of someone else's doing, naming a place by its sides, calling all parties to
    something other than calm, or what the event brings: no neutral cue."""
    got = [r for r in run(extractor, EVENTS[1], f"Senator Dana Whitfield {words}").reactions
           if "Whitfield" in r.actor.name]
    assert all(phrase not in r.cue.lower() for r in got), [(r.stance, r.cue) for r in got]


@pytest.mark.parametrize("words, cue", [
    ("said the regime did not respect the will of the voters.", "respect"),
    ("said it would never acknowledge the new border.", "acknowledge"),
    ("said the observers who are monitoring the border had gone home.", "monitoring"),
    ("said the accord would bring lasting calm to the towns.", "calm"),
])
def test_a_neutral_word_is_read_with_its_negation_and_scope_too(extractor: Extractor, words: str, cue: str) -> None:
    """The one-word neutral cues ("respect", "monitor", "calm") are read as the phrases are: a refusal, someone
    else's doing or what the event brings is no deliberately neutral position."""
    got = [r for r in run(extractor, EVENTS[0], f"Senator Dana Whitfield {words}").reactions
           if "Whitfield" in r.actor.name]
    assert all(r.cue.lower() != cue for r in got), [(r.stance, r.cue) for r in got]
