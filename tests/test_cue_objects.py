"""Cues about something other than the event, which must not cancel the speaker's stance toward it.

A speaker who welcomes an accord and in the same breath says they will work
to resolve concerns, or that both sides pledged to refrain from provocation,
fears nothing about the accord: the feared thing is what they work against.
Read as an oppose cue, it cancelled the welcome and the speaker took no side.
The sentences here are invented; the events are imaginary.
"""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from graph.extract import Extractor
from graph.models import ArticleInput, Extraction

ACCORD = "Valdora and Kestria sign a fishing accord"
_LEAD = "Valdora and Kestria signed a fishing accord on Tuesday after two years of talks.\n\n"
_SPEAKERS = ["Foreign Minister Ana Rojas", "Chancellor Tomas Varga", "Prime Minister Ruth Okafor",
             "Senator Dana Whitfield"]
_WELCOMES = ["welcomed the accord", "praised the accord", "welcomed the agreement as a first step"]
# what the speaker works against or keeps away: a fear or a harm under a verb of removing it
_WORKS_AGAINST = [
    "but said she would keep working to resolve concerns over the quotas",
    "and said both capitals had pledged to refrain from provocation on the river",
    "and said it would dispel concerns about the border patrols",
    "and said the two navies would now work to resolve their concerns about the shared waters",
    "and urged both sides to refrain from provocative acts at sea",
]
# near-misses: the fear is of the event, or what is fought is the event, so the words still oppose
_FEARS_THE_EVENT = [
    "said the accord would only deepen concerns over the quotas and resolve nothing.",
    "criticised the accord, saying it would not resolve the dispute over the quotas.",
    "said the accord raised serious concerns and would resolve nothing.",
    "condemned the accord and urged Valdora to refrain from signing any more such deals.",
    "said: \"This accord is a provocation, and we will not rest until it is undone.\"",
]


def run(extractor: Extractor, body: str) -> Extraction:
    """The reactions of `body` after the accord's lead and headline."""
    return extractor.extract(extractor.prepare(ArticleInput(text=_LEAD + body, title=ACCORD)))


def stance_of(got: Extraction, speaker: str) -> str | None:
    """The stance of the first reaction whose actor bears the speaker's surname, if any."""
    surname = speaker.split()[-1]
    stances = [r.stance for r in got.reactions if surname in r.actor.name]
    return stances[0] if stances else None


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), welcome=st.sampled_from(_WELCOMES), rest=st.sampled_from(_WORKS_AGAINST))
def test_a_fear_the_speaker_works_to_remove_does_not_cancel_a_welcome(extractor: Extractor, speaker: str,
                                                                     welcome: str, rest: str) -> None:
    """"Welcomed the accord but said she would keep working to resolve concerns": the concerns are
    what the speaker works against, not the accord, so the welcome stands."""
    got = run(extractor, f"{speaker} {welcome} {rest}.")
    assert stance_of(got, speaker) == "support", [(r.actor.name, r.stance, r.cue) for r in got.reactions]


@settings(max_examples=16, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), words=st.sampled_from(_FEARS_THE_EVENT))
def test_a_fear_of_the_event_itself_still_opposes(extractor: Extractor, speaker: str, words: str) -> None:
    """Near-misses: the concern is about the accord ("would only deepen concerns", "would not resolve the dispute"),
    or the accord is what the speaker urges to refrain from: the speaker opposes it."""
    got = run(extractor, f"{speaker} {words}")
    assert stance_of(got, speaker) == "oppose", [(r.actor.name, r.stance, r.cue) for r in got.reactions]


def test_condemning_and_urging_an_end_to_the_harm_stays_oppose(extractor: Extractor) -> None:
    """"Urged Valdora to stop its aggression": stopping is not removing a fear of one's own; the harm
    is the event's, and with the condemnation the speaker opposes it."""
    body = ("Valdora shelled border towns in Kestria on Monday.\n\n"
            "Foreign Minister Ana Rojas condemned the shelling and urged Valdora to stop its aggression.")
    got = extractor.extract(extractor.prepare(ArticleInput(text=body, title="Valdora shells border towns")))
    assert stance_of(got, "Foreign Minister Ana Rojas") == "oppose"


# near-misses of a removing that is denied or came to nothing: the fear stands and still opposes
_REMOVING_FAILED = [
    "said the accord had not resolved her worries about the quotas",
    "said the accord could not resolve the concerns of the island fleets",
    "said the talks failed to dispel her concerns about empty nets",
    "said the ministers were unable to resolve the concerns of the fleets",
    "said the accord did nothing to dispel concerns for the island harbours",
    "said the accord did little to resolve the worries of the fleets",
    "said no assurance from Valdora could dispel her concerns about the accord",
    "said nothing in the accord could resolve his concerns about the quotas",
    "said the accord never dispelled the worries of the fleets",
    # ("did little to" with the removing verb parsed as an adverbial clause of "did", not its complement)
    "said the talks did little to resolve concerns over the quotas",
    "said the ministers had done little to resolve concerns over the deployment",
]


@settings(max_examples=24, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), words=st.sampled_from(_REMOVING_FAILED))
@example(speaker=_SPEAKERS[0], words=_REMOVING_FAILED[-2])
@example(speaker=_SPEAKERS[-1], words=_REMOVING_FAILED[-1])
def test_a_fear_that_was_not_or_could_not_be_removed_still_opposes(extractor: Extractor, speaker: str,
                                                                   words: str) -> None:
    """Near-misses: "had not resolved her worries", "failed to dispel fears", "no assurance could dispel
    her concerns": the removing is denied or came to nothing, so the fear stands and opposes."""
    got = run(extractor, f"{speaker} {words}.")
    assert stance_of(got, speaker) == "oppose", [(r.actor.name, r.stance, r.cue) for r in got.reactions]


# near-misses: what is to be refrained from (or fought) is pointed back at, and may be the event
_POINTED_BACK = [
    "urged Valdora to refrain from this reckless provocation",
    "said Kestria must refrain from such dangerous provocations",
    "called on Valdora to refrain from these provocative acts at sea",
    "said the fleets would fight this disastrous accord",
]


@settings(max_examples=16, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), words=st.sampled_from(_POINTED_BACK))
def test_refraining_from_a_thing_pointed_back_at_still_opposes(extractor: Extractor, speaker: str, words: str) -> None:
    """Near-misses: "refrain from this reckless provocation", "such dangerous provocations": the thing is
    the one just named (the event maybe), not a fear kept away in general, so its word opposes."""
    got = run(extractor, f"{speaker} {words}.")
    assert stance_of(got, speaker) == "oppose", [(r.actor.name, r.stance, r.cue) for r in got.reactions]
