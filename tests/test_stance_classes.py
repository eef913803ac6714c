"""Classes of wrong stance of the lexicon judge (issue 16 §1), each on sentences written here.

The classes were found among the wrong stances of the corpus's train split,
each across several articles and events: hopeful welcomes ("hope the deal
will ...") read as taking no side, and
a statement's stance told by a participle on it ("issued a statement
condemning the attack") read as no stance at all.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.extract import Extractor
from graph.models import ArticleInput, Extraction

AGREEMENT = "Valdora and Kestria sign a border agreement"
FIGHTING = "Valdora shells border towns in Kestria"

_SPEAKERS = ["Foreign Minister Ana Rojas", "Chancellor Tomas Varga", "Prime Minister Ruth Okafor",
             "Senator Dana Whitfield"]
_HOPEFUL = [
    "said she hoped the agreement would bring lasting stability to the region.",
    "expressed hope that the accord will open a new chapter of trade between the two neighbours.",
    "said: \"We hope this agreement is the first of many.\"",
    # what the event brings, even where it is a release, calm or an end of something else
    "said she hoped the agreement would lead to the release of all prisoners held since the war.",
    "said he hoped the accord would bring lasting calm to the border towns.",
    "said she hoped the agreement would end years of tension between the neighbours.",
]
_HOPING_IT_ENDS = [
    "said she hoped the shelling would end very quickly.",
    "expressed hope for a swift resolution of the clashes.",
    "said: \"I just hope it stops soon.\"",
    "said: \"I hope it doesn't get any worse.\"",
]


def run(extractor: Extractor, title: str, body: str) -> Extraction:
    return extractor.extract(extractor.prepare(ArticleInput(text=body, title=title)))


def _stance_of(got: Extraction, speaker: str) -> str | None:
    surname = speaker.split()[-1]
    stances = [r.stance for r in got.reactions if surname in r.actor.name]
    return stances[0] if stances else None


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), words=st.sampled_from(_HOPEFUL))
def test_a_hopeful_welcome_supports_the_event(extractor: Extractor, speaker: str, words: str) -> None:
    """Hoping for what the event brings welcomes it."""
    got = run(extractor, AGREEMENT, f"{speaker} {words}")
    assert _stance_of(got, speaker) == "support", [(r.actor.name, r.stance, r.cue) for r in got.reactions]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), words=st.sampled_from(_HOPING_IT_ENDS))
def test_hoping_the_event_ends_is_no_welcome(extractor: Extractor, speaker: str, words: str) -> None:
    """"I hope it ends quickly": what is hoped for is the event's end, which supports nothing."""
    got = run(extractor, FIGHTING, f"{speaker} {words}")
    assert _stance_of(got, speaker) in ("neutral", "oppose", None), \
        [(r.actor.name, r.stance, r.cue) for r in got.reactions]


TARIFFS = "Valdora imposes 40 percent tariffs on Kestrian steel"


def _after_tariffs(extractor: Extractor, speaker: str, words: str) -> Extraction:
    """An article on an unwelcome event: the tariffs, then the speaker's words."""
    return run(extractor, TARIFFS, f"Valdora imposed 40 percent tariffs on Kestrian steel on Monday.\n\n{speaker} {words}")
_HOPING_IT_IS_UNDONE = [
    "said she hoped Valdora would reconsider the tariffs.",
    "said he hoped the measures would be withdrawn as soon as possible.",
    "said: \"We hope the tariffs will be lifted before the summer.\"",
    "said she hoped Valdora would reverse its decision.",
    "said he hoped all sides would show restraint.",
    "said she hoped the situation would calm down quickly.",
    "said he hoped both capitals would resolve their differences through dialogue.",
    "said the tariffs had dashed the hopes of Kestrian steelworkers.",
    "said there was little hope left for the trade talks.",
    "said the move left no hope of a quick deal.",
    "said she was not encouraged by what Valdora had done.",
    "said he looked forward to talks to have the tariffs removed.",
]


@settings(max_examples=24, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), words=st.sampled_from(_HOPING_IT_IS_UNDONE))
def test_hoping_the_event_is_undone_or_calmed_is_no_welcome(extractor: Extractor, speaker: str, words: str) -> None:
    """"We hope Valdora will reconsider", "hoped all sides would show restraint", "dashed the hopes of":
    on an unwelcome event a hope is for its undoing, for calm, or is denied; none welcomes it (a hope
    cue that asked only whether the hope was for an ending read most of these as support)."""
    got = _after_tariffs(extractor, speaker, words)
    assert _stance_of(got, speaker) in ("neutral", "oppose", None), \
        [(r.actor.name, r.stance, r.cue) for r in got.reactions]


_OTHERS_STATEMENTS = [
    "rejected a statement by the European Union welcoming the tariffs.",
    "refused to sign a regional statement condemning the tariffs, her office said.",
    "said he had seen a statement from Kestria condemning the tariffs and was monitoring the situation.",
    "brushed aside a Kestrian statement condemning the tariffs.",
]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), words=st.sampled_from(_OTHERS_STATEMENTS))
def test_a_participle_on_someone_elses_statement_is_not_the_speakers_stance(extractor: Extractor, speaker: str,
                                                                            words: str) -> None:
    """"Rejected a statement by the EU welcoming the tariffs", "refused to sign a regional statement
    condemning them": the participle tells another author's stance, which the speaker does not take."""
    words_stance = "support" if "welcoming" in words else "oppose"
    got = _after_tariffs(extractor, speaker, words)
    assert _stance_of(got, speaker) != words_stance, [(r.actor.name, r.stance, r.cue) for r in got.reactions]


_ISSUED = ["issued a statement", "released a statement", "put out a message", "posted a tweet", "said in a statement",
           "issued her own statement"]
_PARTICIPLES = [("condemning the shelling", "oppose"), ("criticizing the attack on the border towns", "oppose"),
                ("welcoming the border agreement", "support"), ("praising the accord", "support")]


@settings(max_examples=16, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), issued=st.sampled_from(_ISSUED), participle=st.sampled_from(_PARTICIPLES),
       when=st.sampled_from(["", " on Tuesday"]))
def test_a_participle_on_the_speakers_statement_is_its_stance(extractor: Extractor, speaker: str, issued: str,
                                                              participle: tuple[str, str], when: str) -> None:
    """"Issued a statement condemning the attack": the participle tells what the statement says."""
    words, stance = participle
    title = FIGHTING if stance == "oppose" else AGREEMENT
    got = run(extractor, title, f"{speaker} {issued}{when} {words}.")
    assert _stance_of(got, speaker) == stance, [(r.actor.name, r.stance, r.cue) for r in got.reactions]


_ADDING = ["just", "only", "merely", "simply"]
_CRITICISMS = ["wrong", "dangerous", "reckless", "irresponsible", "counterproductive", "misguided", "a mistake",
               "a blunder", "a provocation"]
_ADDING_FRAMES = ["said the tariffs were not {adv} {cue}.", "said: \"These tariffs are not {adv} {cue}.\"",
                  "said the decision was not {adv} {cue} but an attack on free trade."]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), adv=st.sampled_from(_ADDING), cue=st.sampled_from(_CRITICISMS),
       frame=st.sampled_from(_ADDING_FRAMES))
def test_not_just_a_criticism_is_still_a_criticism(extractor: Extractor, speaker: str, adv: str, cue: str,
                                                   frame: str) -> None:
    """"Not just wrong", "not only a mistake": the "not" adds to the cue, it does not deny it (read as a
    negation, a criticism said more strongly had become support)."""
    got = _after_tariffs(extractor, speaker, frame.format(adv=adv, cue=cue))
    assert _stance_of(got, speaker) == "oppose", [(r.actor.name, r.stance, r.cue) for r in got.reactions]


@settings(max_examples=24, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), adv=st.sampled_from(["just", "simply", "merely"]),
       helper=st.sampled_from(["will", "cannot", "could not", "should not", "would not"]),
       verb=st.sampled_from(["welcome", "accept", "endorse", "applaud", "praise"]))
def test_not_just_on_a_verb_still_refuses(extractor: Extractor, speaker: str, adv: str, helper: str,
                                          verb: str) -> None:
    """"We will not simply welcome an accord that ignores our fishermen": on a verb, "not just" refuses
    what the verb does; only of what is said about the event ("not just wrong") does it add."""
    refusal = f"{helper} {adv} {verb}" if helper != "will" else f"will not {adv} {verb}"
    got = run(extractor, AGREEMENT, "Valdora and Kestria signed a border agreement on Monday.\n\n"
                                    f"{speaker} said: \"We {refusal} an accord that ignores our fishermen.\"")
    assert _stance_of(got, speaker) != "support", [(r.actor.name, r.stance, r.cue) for r in got.reactions]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), cue=st.sampled_from(["a mistake", "wrong", "a blunder"]),
       frame=st.sampled_from(["said the agreement was not {cue}.", "said: \"This accord is not {cue}.\""]))
def test_a_criticism_denied_without_just_stays_denied(extractor: Extractor, speaker: str, cue: str,
                                                      frame: str) -> None:
    """The near miss: "the agreement was not a mistake" denies the criticism, and defends the event."""
    got = run(extractor, AGREEMENT, f"{speaker} {frame.format(cue=cue)}")
    assert _stance_of(got, speaker) == "support", [(r.actor.name, r.stance, r.cue) for r in got.reactions]


_INTRODUCING = [("welcomed the agreement", AGREEMENT, "support"), ("praised the accord", AGREEMENT, "support"),
                ("hailed the agreement", AGREEMENT, "support"), ("condemned the shelling", FIGHTING, "oppose"),
                ("criticised the attack on the border towns", FIGHTING, "oppose"),
                ("denounced the shelling", FIGHTING, "oppose")]
_NEGATED_QUOTES = ["\"It will not be easy, but we must keep going.\"", "\"We will not stay silent.\"",
                   "\"This is not the end of the matter.\"", "\"Our people do not forget.\""]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), act=st.sampled_from(_INTRODUCING), quote=st.sampled_from(_NEGATED_QUOTES))
def test_a_negation_inside_the_quote_a_colon_introduces_is_the_quotes(extractor: Extractor, speaker: str,
                                                                      act: tuple[str, str, str], quote: str) -> None:
    """"The minister welcomed the accord: 'It will not be easy'": the parser hangs the introducing clause
    under the quote's verb, whose "not" had flipped the welcome; the quote's negation is its own."""
    words, title, stance = act
    got = run(extractor, title, f"{speaker} {words}: {quote}")
    assert _stance_of(got, speaker) == stance, [(r.actor.name, r.stance, r.cue) for r in got.reactions]


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), words=st.sampled_from([
    "said she did not think anyone should condemn the agreement.",
    "said he does not believe the neighbours should reject the accord.",
    "said: \"I do not think we should criticise this agreement.\""]))
def test_a_complement_under_a_negated_verb_is_still_denied(extractor: Extractor, speaker: str, words: str) -> None:
    """The near miss: a complement after its negated verb ("did not think anyone should condemn it") is
    denied by it, and the denial of a criticism defends the event."""
    got = run(extractor, AGREEMENT, f"{speaker} {words}")
    assert _stance_of(got, speaker) in ("support", "neutral"), [(r.actor.name, r.stance, r.cue) for r in got.reactions]
