"""A quotation that runs on after the sentence naming its speaker is that speaker's.

'"We have waited a long time for this," the minister said. "It is a historic
achievement."': the second quotation is a sentence of its own with no
speaker, and it is where the minister's stance is. Before, only the first
quotation was theirs, and the judge saw no stance. Not when the quotation is
someone else's ('"..." "...," said Y'), nor after a speaker who was not
quoted. The sentences here are invented; the events are imaginary.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.extract import Extractor
from graph.models import Extraction

from .test_cue_objects import run, stance_of  # the same invented accord, lead and headline

_SPEAKERS = ["Foreign Minister Ana Rojas", "Chancellor Tomas Varga", "Prime Minister Ruth Okafor",
             "Senator Dana Whitfield"]
_OPENINGS = ["We have waited a long time for this", "The talks went on for two years",
             "Our fishermen will read every line of it", "I spoke to my counterpart this morning"]
_REPORTING = ["{s} said", "{s} told reporters", "said {s}", "{s} said at a news conference in the capital"]
_RUNS_ON = {
    "support": ["It is a historic achievement for both our peoples.", "We warmly welcome this accord.",
                "This is excellent news for the fleets. We are delighted."],
    "oppose": ["This accord is a grave mistake.", "We condemn it in the strongest terms.",
               "It is a betrayal of our fishermen. We reject it."],
}


def _said(got: Extraction) -> list[tuple[str, str, str]]:
    return [(r.actor.name, r.stance, r.cue) for r in got.reactions]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), opening=st.sampled_from(_OPENINGS), reporting=st.sampled_from(_REPORTING),
       stance=st.sampled_from(sorted(_RUNS_ON)), data=st.data())
def test_a_quotation_running_on_after_its_speaker_is_theirs(extractor: Extractor, speaker: str, opening: str,
                                                           reporting: str, stance: str, data: st.DataObject) -> None:
    """'"A," X said. "B."': B, a quotation with no speaker of its own, is X's, stance and all."""
    runs_on = data.draw(st.sampled_from(_RUNS_ON[stance]))
    got = run(extractor, f'"{opening}," {reporting.format(s=speaker)}. "{runs_on}"')
    assert stance_of(got, speaker) == stance, _said(got)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), other=st.sampled_from(["Mayor Ines Duarte", "Governor Paul Mendes"]),
       opening=st.sampled_from(_OPENINGS), stance=st.sampled_from(sorted(_RUNS_ON)), data=st.data())
def test_a_quotation_before_another_speakers_words_is_not_the_first_speakers(
        extractor: Extractor, speaker: str, other: str, opening: str, stance: str, data: st.DataObject) -> None:
    """Near-miss: '"A," X said. "B." "C," said Y.': B runs into Y's quotation, so it is not given to X."""
    runs_on = data.draw(st.sampled_from(_RUNS_ON[stance]))
    got = run(extractor, f'"{opening}," {speaker} said. "{runs_on}" "We will see," said {other}.')
    assert stance_of(got, speaker) == "neutral", _said(got)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), stance=st.sampled_from(sorted(_RUNS_ON)), data=st.data())
def test_a_quotation_after_an_unquoted_speaker_is_not_theirs(extractor: Extractor, speaker: str, stance: str,
                                                             data: st.DataObject) -> None:
    """Near-miss: 'X said the talks had been long. "B."': X was not quoted, so a quotation after them
    in the paragraph is not read as running on from theirs."""
    runs_on = data.draw(st.sampled_from(_RUNS_ON[stance]))
    got = run(extractor, f'{speaker} said the talks had been long. "{runs_on}"')
    assert stance_of(got, speaker) in ("neutral", None), _said(got)


_INTRODUCTIONS = ["{s} said on Friday after the signing:", "{s}, who leads the talks for the fleets, told reporters:",
                  "{s} said in a statement:"]
_AFTERWARDS = ["{p} called on the government to reopen the talks.", "{p} is expected to meet the ministers on Monday.",
               "{p} spoke after a meeting with the fleets."]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), intro=st.sampled_from(_INTRODUCTIONS), after=st.sampled_from(_AFTERWARDS),
       stance=st.sampled_from(sorted(_RUNS_ON)), data=st.data())
def test_a_quotation_opening_the_paragraph_below_its_speaker_is_theirs(
        extractor: Extractor, speaker: str, intro: str, after: str, stance: str, data: st.DataObject) -> None:
    """'X said on Friday:' / '"B." She called on ...': the quotation below the line that introduces it is
    X's, though the paragraph goes on to name X again (by a pronoun) in a sentence of its own."""
    runs_on = data.draw(st.sampled_from(_RUNS_ON[stance]))
    pronoun = "He" if speaker.split()[-2] in ("Tomas",) else "She"
    got = run(extractor, f'{intro.format(s=speaker)}\n\n"{runs_on}" {after.format(p=pronoun)}')
    assert stance_of(got, speaker) == stance, _said(got)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), intro=st.sampled_from(_INTRODUCTIONS),
       stance=st.sampled_from(sorted(_RUNS_ON)), data=st.data())
def test_a_quotation_opening_a_paragraph_that_names_another_speaker_is_not_given_above(
        extractor: Extractor, speaker: str, intro: str, stance: str, data: st.DataObject) -> None:
    """Near-miss: the paragraph goes on to name someone else ('"B." Governor Paul Mendes called for
    calm.'): the quotation is not given to the speaker above."""
    runs_on = data.draw(st.sampled_from(_RUNS_ON[stance]))
    got = run(extractor, f'{intro.format(s=speaker)}\n\n"{runs_on}" Governor Paul Mendes called for calm.')
    assert stance_of(got, speaker) in ("neutral", None), _said(got)


# what another says or calls the accord, quoted by the speaker: their words, not the speaker's judgement
_ANOTHERS_WORDS = [
    "The ambassador told me the accord was a disgrace.",
    "He said it was a grave mistake. It will ruin the island fleets.",
    "Critics call the accord a betrayal of the fleets.",
    "Some in the harbour towns describe it as a disaster. I do not.",
    "The union has called it a shameful deal.",
]


@settings(max_examples=24, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), opening=st.sampled_from(_OPENINGS), words=st.sampled_from(_ANOTHERS_WORDS))
def test_a_quotation_running_on_with_anothers_words_is_not_the_speakers_judgement(
        extractor: Extractor, speaker: str, opening: str, words: str) -> None:
    """Near-miss: '"A," X said. "He said it was a grave mistake."': the quotation that runs on reports
    what someone else said or called the accord, so neither it nor what follows it is X's stance."""
    got = run(extractor, f'"{opening}," {speaker} said. "{words}"')
    assert stance_of(got, speaker) in ("neutral", None), _said(got)


@settings(max_examples=18, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), intro=st.sampled_from(_INTRODUCTIONS), words=st.sampled_from(_ANOTHERS_WORDS))
def test_a_quotation_opening_the_paragraph_with_anothers_words_is_not_the_speakers_judgement(
        extractor: Extractor, speaker: str, intro: str, words: str) -> None:
    """Near-miss: 'X said on Friday:' / '"Critics call the accord a betrayal." She said ...': the quotation
    below the introducing line reports another's words, so it does not give X their side."""
    pronoun = "He" if speaker.split()[-2] in ("Tomas",) else "She"
    got = run(extractor, f'{intro.format(s=speaker)}\n\n"{words}" {pronoun} said the talks would go on in May.')
    assert stance_of(got, speaker) in ("neutral", None), _said(got)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), opening=st.sampled_from(_OPENINGS),
       words=st.sampled_from(["We call this accord a betrayal of our fishermen.", "I call it a grave mistake."]))
def test_a_quotation_running_on_with_the_speakers_own_calling_is_theirs(
        extractor: Extractor, speaker: str, opening: str, words: str) -> None:
    """The speaker's own calling ('"We call this accord a betrayal."') is their judgement: it still runs on."""
    got = run(extractor, f'"{opening}," {speaker} said. "{words}"')
    assert stance_of(got, speaker) == "oppose", _said(got)
