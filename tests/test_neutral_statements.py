"""Deliberately neutral statements the annotation guideline names, each a class, on sentences written here.

The guideline calls neutral a speaker who "acknowledges it, comments without judging it, calls for calm or
dialogue without judging it". Two classes of such words carried no neutral cue: watching by the speaker's
own side (graph/words/watching_phrases.txt: "her government is following the case closely", "we are aware
of the verdict") and even-handed calls to settle it (settling_phrases.txt: "urged all sides to refrain from
violence", "called for de-escalation"). Without a cue the learned judge gave such a speaker whatever side
its model leaned to; with one, its neutral override answers. The near-misses are run with both judges,
since the learned one answers a wrong neutral cue with a confident neutral: (a) someone else watching or
aware (an accusation or a defence), (b) the event said to achieve the outcome ("marked a genuine
de-escalation"), (c) a phrase's words only near each other ("a peaceful fishing settlement"), (d) a peace
that could have been (blame); and negated, refused or another's call.
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
        "told reporters that its embassy was keeping a close eye on the situation.",
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


@pytest.fixture(scope="module", params=["lexicon", "learned"])
def either(request: pytest.FixtureRequest, extractor: Extractor, learned_extractor: Extractor) -> Extractor:
    """Both judges: the learned one answers a neutral cue with its override, so a wrong cue costs it most."""
    return extractor if request.param == "lexicon" else learned_extractor


def _cues(got: Extraction, surname: str) -> list[tuple[str, str]]:
    return [(r.stance, r.cue) for r in got.reactions if surname in r.actor.name]


def _no_neutral_cue_from(got: Extraction, surname: str, phrase: str) -> None:
    found = _cues(got, surname)
    assert all(phrase not in cue.lower() for _, cue in found), found
    assert not any(stance == "neutral" and cue != "no stance cue" and not cue.startswith("learned judge")
                   for stance, cue in found), found  # a neutral read from some other neutral cue


# (a) someone else watching or aware: an accusation or a defence, not the speaker's watching
@pytest.mark.parametrize("words, phrase", [
    ("said Valdora was fully aware of the schoolchildren sheltering in the towns it shelled.", "aware of"),
    ("said Valdora's gunners had watched the market closely for days before they fired.", "closely"),
    ("said the prosecutors had been aware of the forged evidence from the start.", "aware of"),
    ("said the judges followed the procedure closely at every hearing.", "closely"),
    ("said Marsh was well aware of the ban when she organised the march.", "aware of"),
    ("said the diplomats who were monitoring the trial closely saw the same thing.", "closely"),
])
def test_someone_elses_watching_is_no_neutral_cue(either: Extractor, words: str, phrase: str) -> None:
    _no_neutral_cue_from(run(either, EVENTS[1], f"Senator Dana Whitfield {words}"), "Whitfield", phrase)


@pytest.mark.parametrize("title", [
    "Valdora general aware of refugees in towns before shelling, documents show",
    "Valdora's Brisk closely watched Kestria border towns for months before attack",
])
def test_a_headline_on_someone_watching_names_no_reaction(either: Extractor, title: str) -> None:
    """A verbless headline clause on an actor's awareness before the event is no reaction of theirs."""
    body = "Valdora's artillery hit four border towns in Kestria overnight, officials said."
    assert list(run(either, title, body).reactions) == []


# (b) the event said to achieve the outcome: a welcome, not a call
@pytest.mark.parametrize("words, phrase", [
    ("said the agreement marked a real de-escalation after a decade of quarrels.", "de-escalat"),
    ("said the agreement was the peaceful settlement the two peoples had hoped for.", "peaceful settlement"),
    ("said the agreement guarantees that future quarrels will be settled peacefully.", "peacefully"),
    ("said the agreement would help both countries avoid escalation in dry years.", "escalation"),
    ("said the agreement offers a peaceful resolution to a quarrel older than both states.", "peaceful resolution"),
    ("said the agreement paved the way for a cessation of hostilities along the river.", "cessation"),
])
def test_what_the_event_achieves_is_no_call_to_settle(either: Extractor, words: str, phrase: str) -> None:
    _no_neutral_cue_from(run(either, EVENTS[0], f"Prime Minister Ruth Okafor {words}"), "Okafor", phrase)


# (c) words of a settling phrase that only stand near each other
@pytest.mark.parametrize("words, phrase", [
    ("said the shells landed on a peaceful fishing settlement at dawn.", "settlement"),
    ("said a peaceful mountain solution to the water shortage had been found by the engineers.", "solution"),
])
def test_a_phrase_is_its_words_together_not_words_nearby(either: Extractor, words: str, phrase: str) -> None:
    _no_neutral_cue_from(run(either, EVENTS[1], f"Foreign Minister Ana Rojas {words}"), "Rojas", phrase)


# (d) a peace that could have been: blame, not a call
@pytest.mark.parametrize("words, phrase", [
    ("said a peaceful solution was close before Valdora decided to shell the towns.", "peaceful solution"),
    ("said de-escalation had been possible until the first shells fell.", "de-escalat"),
    ("said there could have been a peaceful settlement had Valdora kept its word.", "peaceful settlement"),
])
def test_a_peace_that_could_have_been_is_no_call(either: Extractor, words: str, phrase: str) -> None:
    _no_neutral_cue_from(run(either, EVENTS[1], f"Foreign Minister Ana Rojas {words}"), "Rojas", phrase)


@pytest.mark.parametrize("words, phrase", [
    ("said the ministry was not aware of any plans to answer it.", "aware of"),
    ("said there was no peaceful solution in sight.", "peaceful solution"),
    ("said Valdora refused to de-escalate while its towns were under fire.", "de-escalat"),
    ("said Valdora's calls for de-escalation had reached every embassy in the region.", "de-escalat"),
    ("said Valdora must de-escalate at once and pay for every house.", "de-escalat"),
])
def test_a_refused_or_denied_or_anothers_call_is_no_neutral_cue(either: Extractor, words: str, phrase: str) -> None:
    got = [r for r in run(either, EVENTS[1], f"Senator Dana Whitfield {words}").reactions
           if "Whitfield" in r.actor.name]
    assert all(phrase not in r.cue.lower() for r in got), [(r.stance, r.cue) for r in got]


@pytest.mark.parametrize("words", [
    "said her government was following the fighting along the frontier very closely.",
    "urged the two governments to take concrete steps toward de-escalation.",
    "urged both sides to open talks that could lead to a peaceful settlement.",
    "said both sides should refrain from violence.",
    "said she hoped the two sides would resolve the quarrel peacefully through mediation.",
])
def test_calls_and_watching_in_other_grammar(either: Extractor, words: str) -> None:
    """The phrase by the parse (words between), a call that reaches it through a step or talks, a call put
    as what the parties should do."""
    got = _reaction(run(either, EVENTS[1], f"Foreign Minister Ana Rojas {words}"), "Ana Rojas")
    assert got.stance == "neutral" and got.cue != "no stance cue", got.cue


def test_the_speakers_own_clause_calling_to_settle_is_theirs(either: Extractor) -> None:
    got = _reaction(run(either, EVENTS[1], "Foreign Minister Ana Rojas, who urged both sides to refrain from "
                                           "violence, said Lisbon would send doctors."), "Ana Rojas")
    assert got.stance == "neutral" and "refrain" in got.cue, got.cue


@pytest.mark.parametrize("words, cue", [
    ("said the regime did not respect the will of the voters.", "respect"),
    ("said it would never acknowledge the new border.", "acknowledge"),
    ("said the observers who are monitoring the border had gone home.", "monitoring"),
])
def test_a_neutral_word_is_read_with_its_negation_and_scope_too(extractor: Extractor, words: str, cue: str) -> None:
    """The one-word neutral cues ("respect", "monitor") are read as the phrases are: a refusal or someone
    else's doing is no deliberately neutral position."""
    got = [r for r in run(extractor, EVENTS[0], f"Senator Dana Whitfield {words}").reactions
           if "Whitfield" in r.actor.name]
    assert all(r.cue.lower() != cue for r in got), [(r.stance, r.cue) for r in got]
