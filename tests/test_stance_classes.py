"""Classes of wrong stance of the lexicon judge (issue 16 §1), each on sentences written here.

The classes were found among the wrong stances of the corpus's train split,
each across several articles and events: hopeful welcomes ("hope the deal
will ...", "look forward to working with ...") read as taking no side,
a statement's stance told by a participle on it ("issued a statement
condemning the attack") read as no stance at all, and praise of the event
in words the lexicon lacked ("a milestone", "wonderful news", "a
significant step") read as no stance cue.
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
    "said she looked forward to the day the tariffs are lifted.",
    "said he did not look forward to what the tariffs would bring.",
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


# Praise of the event in the words any news writer uses: each was read as "no stance cue" (speakers of
# several train events: referendums, summits, elections, rulings), and the unseen half of train agreed.
_PRAISE_ADJECTIVES = ["wonderful", "incredible", "thrilling", "brilliant", "excellent", "fantastic", "remarkable"]
_PRAISE_NOUNS = ["landmark", "milestone", "breakthrough"]
_PRAISE_STEPS = ["significant step", "big step", "step forward"]
_PRAISE_FRAMES = [
    ("{a}", 'said the agreement was {w}.'), ("{a}", 'said: "What happened today is {w}."'),
    ("{a}", 'called it {w} news for the region.'),
    ("{n}", 'called the agreement a {w}.'), ("{n}", 'said: "This is a {w} for both our peoples."'),
    ("{s}", 'called the agreement a {w} for the region.'), ("{s}", 'said the accord was a {w} towards peace.'), ("{s}", 'described the pact as a {w}.'),
    ("", 'said the agreement bodes well for the region.'), ("", 'said the accord boded well for the fishermen.'),
    ("", 'said the agreement would bode well for trade.'), ("", 'said: "This is great news for our farmers."'),
]


@st.composite
def _praise(draw: st.DrawFn) -> str:
    kind, frame = draw(st.sampled_from(_PRAISE_FRAMES))
    pool = {"{a}": _PRAISE_ADJECTIVES, "{n}": _PRAISE_NOUNS, "{s}": _PRAISE_STEPS}.get(kind, [""])
    return frame.format(w=draw(st.sampled_from(pool)))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), words=_praise())
def test_praise_of_the_event_supports_it(extractor: Extractor, speaker: str, words: str) -> None:
    """"A milestone", "wonderful", "a significant step": praise of the event supports it."""
    got = run(extractor, AGREEMENT, f"Valdora and Kestria signed a border agreement on Monday.\n\n{speaker} {words}")
    assert _stance_of(got, speaker) == "support", [(r.actor.name, r.stance, r.cue) for r in got.reactions]


_NOT_PRAISE = [
    "said the agreement was not {a}.",
    "said the talks had brought no {n}.",
    "called the agreement a big step backwards for the region.",
    "said the accord was a significant step backward.",
    "said he was following the agreement closely.",
    "said she was aware of the agreement and would study it.",
]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), frame=st.sampled_from(_NOT_PRAISE),
       adjective=st.sampled_from(_PRAISE_ADJECTIVES), noun=st.sampled_from(_PRAISE_NOUNS))
def test_praise_denied_or_a_step_backward_is_no_support(extractor: Extractor, speaker: str, frame: str,
                                                        adjective: str, noun: str) -> None:
    """The near misses: praise denied ("not wonderful", "no breakthrough"), the other side's words ("a big
    step backwards") and the guideline's neutral cases ("following closely", "aware") support nothing."""
    words = frame.format(a=adjective, n=noun)
    got = run(extractor, AGREEMENT, f"Valdora and Kestria signed a border agreement on Monday.\n\n{speaker} {words}")
    assert _stance_of(got, speaker) in ("neutral", "oppose", None), \
        [(r.actor.name, r.stance, r.cue) for r in got.reactions]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), words=st.sampled_from([
    "said she looked forward to working with Kestria under the agreement.",
    "said: \"We look forward to closer trade with our neighbours.\"",
    "said he was looking forward to cooperating with both governments on the new border.",
]))
def test_looking_forward_to_what_the_event_brings_supports_it(extractor: Extractor, speaker: str, words: str) -> None:
    """"Looking forward to working with ...": a hope for what the event brings, weighed and checked as one."""
    got = run(extractor, AGREEMENT, f"Valdora and Kestria signed a border agreement on Monday.\n\n{speaker} {words}")
    assert _stance_of(got, speaker) == "support", [(r.actor.name, r.stance, r.cue) for r in got.reactions]


# The review of the praise cues: a praise word judges the event only where it is said of it. Praise of
# another thing in the sentence, a multi-word cue denied, a step that goes back or towards harm, and
# looking forward to the event's undoing or to the answer to a harm take no side with the event; on
# agreements, attacks and bans alike.
BAN = "Kestria bans imports of Valdoran grain"
_LEADS = {AGREEMENT: "Valdora and Kestria signed a border agreement on Monday.",
          FIGHTING: "Valdoran artillery shelled three border towns in Kestria on Monday, killing eleven people.",
          BAN: "Kestria banned all imports of Valdoran grain on Monday."}
_OTHER_THINGS = [
    "said the courage of the volunteer nurses had been {a}.",
    "said that relations with the Kestrian supreme court remained {a}.",
    "spoke of a {a} turnaround by the opposition party in the polls.",
    "said the response of the fire brigades was {a}.",
    "said the army's {n} in the northern hills had changed nothing.",
    "said the {n} by the opposition party would not last.",
    "called the shelling an {a} act of cruelty." ,
    "said the ministry would study the {n} decision of the court before answering.",
    "said: \"Our people will triumph over those who spread fear.\"",
    "said the vote was a triumph for the smugglers.",
]


def _said(got: Extraction, words: str) -> tuple[str, list[tuple[str, str, str]]]:
    return words, [(r.actor.name, r.stance, r.cue) for r in got.reactions]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), title=st.sampled_from(list(_LEADS)), frame=st.sampled_from(_OTHER_THINGS),
       adjective=st.sampled_from(_PRAISE_ADJECTIVES), noun=st.sampled_from(_PRAISE_NOUNS))
def test_praise_of_another_thing_takes_no_side(extractor: Extractor, speaker: str, title: str, frame: str,
                                               adjective: str, noun: str) -> None:
    """"The courage of the nurses was incredible", "a remarkable turnaround by the party", "an incredible
    act of cruelty": the praise is of someone or something else, not the event (nor a journalist's word
    for it inside the speaker's sentence), so it supports nothing."""
    words = frame.format(a=adjective, n=noun)
    got = run(extractor, title, f"{_LEADS[title]}\n\n{speaker} {words}")
    assert _stance_of(got, speaker) in ("neutral", "oppose", None), _said(got, words)


_PRAISE_PHRASES = ["a significant step", "a big step", "a step forward", "great news", "a milestone",
                   "a breakthrough", "excellent news", "wonderful news"]
_DENIALS = [
    "said the accord was not {p}.",
    "said the accord was far from {p} for the fishermen.",
    "said she did not think the accord was {p}.",
    "said: \"This is hardly {p}.\"",
    "said the agreement was never {p} for the coastal towns.",
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), frame=st.sampled_from(_DENIALS), phrase=st.sampled_from(_PRAISE_PHRASES))
def test_praise_denied_supports_nothing(extractor: Extractor, speaker: str, frame: str, phrase: str) -> None:
    """"Not a step forward", "far from a breakthrough", "hardly great news", "did not think it was a
    milestone": a negation or its near relatives deny the praise, multi-word cues included, and the
    denial is the speaker's side against the event."""
    words = frame.format(p=phrase)
    got = run(extractor, AGREEMENT, f"{_LEADS[AGREEMENT]}\n\n{speaker} {words}")
    assert _stance_of(got, speaker) == "oppose", _said(got, words)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), title=st.sampled_from([AGREEMENT, BAN]), words=st.sampled_from([
    "said the {e} does not bode well for the fishermen.", "said the {e} hardly bodes well for trade.",
    "said the {e} did not bode well for the region.", "warned that the {e} would not bode well for farmers.",
]))
def test_bode_well_denied_supports_nothing(extractor: Extractor, speaker: str, title: str, words: str) -> None:
    """"Does not bode well", "hardly bodes well", in every form of "bode"."""
    event = "agreement" if title == AGREEMENT else "ban"
    words = words.format(e=event)
    got = run(extractor, title, f"{_LEADS[title]}\n\n{speaker} {words}")
    assert _stance_of(got, speaker) in ("neutral", "oppose", None), _said(got, words)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), title=st.sampled_from([AGREEMENT, BAN]),
       size=st.sampled_from(["significant", "big", "major", "huge"]), back=st.sampled_from(["back", "backward", "backwards"]),
       frame=st.sampled_from(["said the {e} was a {s} step {b}.", "called the {e} a {s} step {b} for free trade.",
                              "said: \"This {e} is a {s} step {b} for our farmers.\""]))
def test_a_step_back_opposes_whatever_its_size(extractor: Extractor, speaker: str, title: str, size: str, back: str,
                                               frame: str) -> None:
    """"A significant step backward", "a big step back": the step goes the other way, whatever praise
    words size it."""
    event = "agreement" if title == AGREEMENT else "ban"
    words = frame.format(e=event, s=size, b=back)
    got = run(extractor, title, f"{_LEADS[title]}\n\n{speaker} {words}")
    assert _stance_of(got, speaker) == "oppose", _said(got, words)


_STEPS_TOWARDS_HARM = [
    (AGREEMENT, "said the accord was a significant step towards a humanitarian crisis."),
    (BAN, "said the ban was a big step towards economic ruin for the border towns."),
    (AGREEMENT, "called the pact a big step towards war in the region."),
    (BAN, "said: \"This ban is a big step towards poverty for our growers.\""),
]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), case=st.sampled_from(_STEPS_TOWARDS_HARM))
def test_a_step_towards_harm_opposes(extractor: Extractor, speaker: str, case: tuple[str, str]) -> None:
    """"A significant step towards a crisis": the step takes its side from the harm it goes to."""
    title, words = case
    got = run(extractor, title, f"{_LEADS[title]}\n\n{speaker} {words}")
    assert _stance_of(got, speaker) == "oppose", _said(got, words)


_STEPS_THAT_ARE_NO_PRAISE = [
    (FIGHTING, "said the volunteers had stepped forward to carry the wounded."),
    (FIGHTING, "said Kestria would take big steps to protect its border towns."),
    (FIGHTING, "urged both sides to take a step forward towards dialogue."),
    (BAN, "said farmers had taken significant steps to find new buyers."),
]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), case=st.sampled_from(_STEPS_THAT_ARE_NO_PRAISE))
def test_a_step_towards_harm_or_a_step_taken_is_no_praise(extractor: Extractor, speaker: str,
                                                          case: tuple[str, str]) -> None:
    """A step is praise only as the noun said of the event: "stepped forward", "take big steps to
    protect" or a call to "take a step forward" are no cue, and the speaker still reacts."""
    title, words = case
    got = run(extractor, title, f"{_LEADS[title]}\n\n{speaker} {words}")
    assert _stance_of(got, speaker) == "neutral", _said(got, words)


_UNDONE = ["overturned", "annulled", "struck down", "cancelled", "scrapped", "repealed", "reversed", "revoked",
           "rescinded", "lifted", "thrown out", "quashed"]
_LOOKING_TO_ITS_UNDOING = [
    "said she looked forward to seeing the {e} {v} in court.",
    "said: \"We look forward to the day the {e} is {v}.\"",
    "said he looked forward to the {e} being {v}.",
    "said she hoped the {e} would be {v}.",
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), title=st.sampled_from([AGREEMENT, BAN]), verb=st.sampled_from(_UNDONE),
       frame=st.sampled_from(_LOOKING_TO_ITS_UNDOING))
def test_looking_forward_to_the_events_undoing_is_no_welcome(extractor: Extractor, speaker: str, title: str,
                                                             verb: str, frame: str) -> None:
    """Looking forward to (or hoping for) the event overturned, annulled, struck down, cancelled ...
    welcomes its end, not the event."""
    event = "agreement" if title == AGREEMENT else "ban"
    words = frame.format(e=event, v=verb)
    got = run(extractor, title, f"{_LEADS[title]}\n\n{speaker} {words}")
    assert _stance_of(got, speaker) in ("neutral", "oppose", None), _said(got, words)


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


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), words=st.sampled_from([
    "said he looked forward to bringing the attackers to justice.",
    "said: \"We look forward to seeing those responsible held accountable.\"",
    "said she looked forward to the day the gunners face justice.",
]))
def test_looking_forward_to_the_answer_to_a_harm_is_no_welcome(extractor: Extractor, speaker: str, words: str) -> None:
    """After an attack, looking forward to justice for it is no welcome of the attack."""
    got = run(extractor, FIGHTING, f"{_LEADS[FIGHTING]}\n\n{speaker} {words}")
    assert _stance_of(got, speaker) in ("neutral", "oppose", None), _said(got, words)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), words=st.sampled_from([
    "said the ban was excellent news for local growers.", "called the ban a milestone for our farmers.",
    "said: \"The ban is a big step forward for Kestrian farming.\"", "described the ban as a breakthrough.",
    "said the ban boded well for local growers.", "said the ban was a step forward.",
]))
def test_praise_of_a_ban_supports_it(extractor: Extractor, speaker: str, words: str) -> None:
    """The positive side on another kind of event: praise said of the ban supports it."""
    got = run(extractor, BAN, f"{_LEADS[BAN]}\n\n{speaker} {words}")
    assert _stance_of(got, speaker) == "support", _said(got, words)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), noun=st.sampled_from(_PRAISE_NOUNS), adjective=st.sampled_from(_PRAISE_ADJECTIVES))
def test_a_journalists_praise_word_does_not_outweigh_the_speakers(extractor: Extractor, speaker: str, noun: str,
                                                                  adjective: str) -> None:
    """"The landmark agreement was a mistake": the writer's word for the event is not the speaker's."""
    words = f"said the {noun} agreement was a mistake and the {adjective} speeches at its signing changed nothing."
    got = run(extractor, AGREEMENT, f"{_LEADS[AGREEMENT]}\n\n{speaker} {words}")
    assert _stance_of(got, speaker) == "oppose", _said(got, words)


# The second review of the praise cues, four classes on agreements, bans and attacks alike.
_ENDING_VERBS = ["end", "overturn", "undo", "reverse", "cancel"]
_OTHER_THINGS_ENDED = ["years of decline", "decades of mistrust", "the damage done by the drought",
                       "the debts owed by small farmers"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), title=st.sampled_from([AGREEMENT, BAN]), verb=st.sampled_from(_ENDING_VERBS),
       thing=st.sampled_from(_OTHER_THINGS_ENDED), frame=st.sampled_from([
           "said she hoped the {e} would {v} {t}.", "said: \"We hope the {e} will {v} {t}.\""]))
def test_hoping_the_event_ends_something_else_welcomes_it(extractor: Extractor, speaker: str, title: str, verb: str,
                                                          thing: str, frame: str) -> None:
    """"Hoped the deal would cancel the debts owed by farmers", "undo the damage", "reverse years of
    decline": an undoing verb with its own object ends that thing, so the hope stays a welcome of the
    event, and neither the verb nor the harm ended opposes it."""
    event = "agreement" if title == AGREEMENT else "ban"
    words = frame.format(e=event, v=verb, t=thing)
    got = run(extractor, title, f"{_LEADS[title]}\n\n{speaker} {words}")
    assert _stance_of(got, speaker) == "support", _said(got, words)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), forward=st.sampled_from([
    "ending decades of mistrust", "reversing years of decline", "undoing the harm done by the drought"]))
def test_looking_forward_to_the_event_ending_something_else_welcomes_it(extractor: Extractor, speaker: str,
                                                                        forward: str) -> None:
    """The look-forward path reads each head the same way: "looked forward to the agreement ending
    decades of mistrust" looks forward to what the agreement does."""
    words = f"said he looked forward to the agreement {forward}."
    got = run(extractor, AGREEMENT, f"{_LEADS[AGREEMENT]}\n\n{speaker} {words}")
    assert _stance_of(got, speaker) == "support", _said(got, words)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), title=st.sampled_from([AGREEMENT, BAN]),
       verb=st.sampled_from(["overturn", "cancel", "scrap", "withdraw", "revoke"]))
def test_hoping_the_event_itself_is_undone_is_no_welcome(extractor: Extractor, speaker: str, title: str,
                                                         verb: str) -> None:
    """The near miss: an undoing verb whose object is the event itself ends the event."""
    event = "agreement" if title == AGREEMENT else "ban"
    words = f"said she hoped Kestria would {verb} the {event}."
    got = run(extractor, title, f"{_LEADS[title]}\n\n{speaker} {words}")
    assert _stance_of(got, speaker) in ("neutral", "oppose"), _said(got, words)


_THINGS_NOT_THE_EVENT = ["said the new bridge in the capital was a {n}.", "said the turnout at the rally was {a}.",
                         "said the old 1990 treaty was a {n}.", "said the harvest in the north was {a}."]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), title=st.sampled_from(list(_LEADS)), frame=st.sampled_from(_THINGS_NOT_THE_EVENT),
       adjective=st.sampled_from(_PRAISE_ADJECTIVES), noun=st.sampled_from(_PRAISE_NOUNS))
def test_praise_of_a_described_subject_takes_no_side(extractor: Extractor, speaker: str, title: str, frame: str,
                                                     adjective: str, noun: str) -> None:
    """A subject with its own adjective or phrase ("the new bridge in the capital", "the turnout at the
    rally") is some other thing, not the event: praise of it is no stance."""
    words = frame.format(a=adjective, n=noun)
    got = run(extractor, title, f"{_LEADS[title]}\n\n{speaker} {words}")
    assert _stance_of(got, speaker) == "neutral", _said(got, words)


def _a(word: str) -> str:
    return f"an {word}" if word[0] in "aeiou" else f"a {word}"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), title=st.sampled_from(list(_LEADS)),
       praise=st.sampled_from(_PRAISE_ADJECTIVES + ["landmark"]),
       grim=st.sampled_from(["tragedy", "disaster", "mistake", "failure", "catastrophe"]),
       gloom=st.sampled_from(["grim", "sad", "dark", "bleak", "tragic"]), noun=st.sampled_from(_PRAISE_NOUNS),
       which=st.booleans())
def test_praise_that_intensifies_a_grim_thing_is_no_support(extractor: Extractor, speaker: str, title: str,
                                                            praise: str, grim: str, gloom: str, noun: str,
                                                            which: bool) -> None:
    """"An incredible tragedy", "a landmark mistake": a praise word on a harm only intensifies it; "a grim
    milestone", "a sad landmark": a gloomy word on a praise noun makes it no feat."""
    event = {AGREEMENT: "agreement", BAN: "ban", FIGHTING: "shelling"}[title]
    words = f"said the {event} was {_a(praise)} {grim}." if which else f"said the {event} was {_a(gloom)} {noun}."
    got = run(extractor, title, f"{_LEADS[title]}\n\n{speaker} {words}")
    assert _stance_of(got, speaker) in ("neutral", "oppose"), _said(got, words)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), title=st.sampled_from(list(_LEADS)),
       adjective=st.sampled_from(_PRAISE_ADJECTIVES), clause=st.sampled_from([
           "anyone had believed the rumours", "the border stayed open so long", "the talks took eight years",
           "so many people came to the square"]))
def test_it_is_remarkable_that_judges_the_clause_not_the_event(extractor: Extractor, speaker: str, title: str,
                                                               adjective: str, clause: str) -> None:
    """"It was remarkable that ...": a dummy "it" whose adjective judges the clause after it, not the event."""
    words = f"said it was {adjective} that {clause}."
    got = run(extractor, title, f"{_LEADS[title]}\n\n{speaker} {words}")
    assert _stance_of(got, speaker) in ("neutral", "oppose"), _said(got, words)


# The third review of the praise cues: praise counts only when its subject is the event, a word standing
# for it ("the deal", "the move", "it") or one of the event's own words, "bode well" and the older
# success/achievement/step cues alike; and sorrow opposes only the harm it mourns, not one the phrase
# names as another's ("killed in an unrelated accident", "the victims of last week's storm").
_OTHER_SUBJECTS = ["the police response", "the harvest", "the rescue operation", "the weather", "the turnout",
                   "the ferry service", "the school programme"]
_PREDICATES = ["was {a}", "was {n}", "bodes well for the region", "would bode well for farmers", "was a success",
               "was an achievement", "was an important step", "was a step in the right direction"]


def _predicate(frame: str, adjective: str, noun: str) -> str:
    return frame.format(a=adjective, n=_a(noun))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), title=st.sampled_from([AGREEMENT, BAN]),
       subject=st.sampled_from(_OTHER_SUBJECTS), frame=st.sampled_from(_PREDICATES),
       adjective=st.sampled_from(_PRAISE_ADJECTIVES), noun=st.sampled_from(_PRAISE_NOUNS))
def test_praise_of_another_subject_takes_no_side(extractor: Extractor, speaker: str, title: str, subject: str,
                                                 frame: str, adjective: str, noun: str) -> None:
    """"The police response was excellent", "the harvest was a success", "the rescue operation bodes well":
    a subject that is neither the event, nor a word standing for it, nor one of its own words is praised
    for itself, and that takes no side on the event."""
    words = f"said {subject} {_predicate(frame, adjective, noun)}."
    got = run(extractor, title, f"{_LEADS[title]}\n\n{speaker} {words}")
    assert _stance_of(got, speaker) in ("neutral", None), _said(got, words)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), owner=st.sampled_from(["Kestria's own recycling law", "its new port",
                                                                  "the rival Morvanian plan", "their own harvest"]))
def test_bode_well_of_another_subject_takes_no_side(extractor: Extractor, speaker: str, owner: str) -> None:
    """"Its own recycling law bodes well": "bode" judges its own subject, here some other thing."""
    words = f"said {owner} bodes well for the region."
    got = run(extractor, AGREEMENT, f"{_LEADS[AGREEMENT]}\n\n{speaker} {words}")
    assert _stance_of(got, speaker) in ("neutral", None), _said(got, words)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), title=st.sampled_from([AGREEMENT, BAN]),
       subject=st.sampled_from(["the {e}", "it", "this", "the decision", "the move", "the deal"]),
       frame=st.sampled_from(_PREDICATES), adjective=st.sampled_from(_PRAISE_ADJECTIVES),
       noun=st.sampled_from(_PRAISE_NOUNS))
def test_praise_of_the_event_or_a_word_for_it_still_supports(extractor: Extractor, speaker: str, title: str,
                                                             subject: str, frame: str, adjective: str,
                                                             noun: str) -> None:
    """The near misses: the same praise said of the event, of "it", "this", or of "the decision", "the
    move", "the deal" (words that stand for an event) still supports it."""
    event = "agreement" if title == AGREEMENT else "ban"
    words = f"said {subject.format(e=event)} {_predicate(frame, adjective, noun)}."
    got = run(extractor, title, f"{_LEADS[title]}\n\n{speaker} {words}")
    assert _stance_of(got, speaker) == "support", _said(got, words)


FERRY = "Ferry explosion in Port Halden kills nine"
_FERRY_LEAD = ("An explosion tore through a passenger ferry in the harbour town of Port Halden on Saturday, "
               "killing nine people, the coast guard said.")
_HARMS = ["storm", "flood", "earthquake", "landslide", "mine collapse", "bus crash", "factory fire"]
_SORROW_FOR_ANOTHER_HARM = [
    "offered condolences to the family of a worker killed in an unrelated {h}.",
    "expressed sympathy for the victims of last week's {h}.",
    "sent his condolences over the {h} in the northern hills.",
    "offered condolences to the families of those who died in the {h}.",
    "expressed her sympathy for the people hurt in a separate {h} on Sunday.",
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), title=st.sampled_from([AGREEMENT, BAN]),
       frame=st.sampled_from(_SORROW_FOR_ANOTHER_HARM), harm=st.sampled_from(_HARMS))
def test_sorrow_for_a_harm_not_the_events_takes_no_side(extractor: Extractor, speaker: str, title: str, frame: str,
                                                        harm: str) -> None:
    """Condolences and sympathy for a harm that is not the event's ("killed in an unrelated accident",
    "the victims of last week's storm" in an article on an agreement) mourn that harm, and take no side
    on the event (a party's minister may still be read as standing by the agreement, by the policy's own
    rule: what matters here is that the sorrow opposes nothing)."""
    words = frame.format(h=harm)
    got = run(extractor, title, f"{_LEADS[title]}\n\n{speaker} {words}")
    assert _stance_of(got, speaker) != "oppose", _said(got, words)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), words=st.sampled_from([
    "offered condolences to the family of a sailor killed in the explosion.",
    "expressed sympathy for the victims of the ferry explosion.",
    "sent his condolences over the explosion.",
    "offered condolences to the families of those who died in the explosion.",
    "expressed her sympathy over the tragedy.",
    "offered condolences to the families of the victims.",
    "sent condolences to the people of Norway.",
]))
def test_sorrow_for_the_events_harm_still_opposes_it(extractor: Extractor, speaker: str, words: str) -> None:
    """The near misses: sorrow whose named cause is the event (its own word, "the explosion", or a word
    standing for it, "the tragedy", "the blast"), or that names no cause, still opposes it."""
    got = run(extractor, FERRY, f"{_FERRY_LEAD}\n\n{speaker} {words}")
    assert _stance_of(got, speaker) == "oppose", _said(got, words)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), harm=st.sampled_from(["storm", "flood", "earthquake"]))
def test_sorrow_for_the_event_named_in_its_title_opposes_it(extractor: Extractor, speaker: str, harm: str) -> None:
    """"The victims of last week's storm" is the event's harm where the event is that storm."""
    title = f"The {harm} that struck coastal Morvania kills twelve"
    lead = f"A {harm} struck the coastal towns of Morvania last week, killing twelve people."
    words = f"expressed sympathy for the victims of last week's {harm}."
    got = run(extractor, title, f"{lead}\n\n{speaker} {words}")
    assert _stance_of(got, speaker) == "oppose", _said(got, words)


# The review of the third review's classes: sorrow in an article on a harm mourns that harm whatever word
# it is called by (a derived form of the headline's verb, a synonym, a word for any harm), unless the
# phrase marks it as another; praise counts of the event's own word in another form ("the signing" of
# "sign"), and "bode well" reads its subject as the other predicated cues do.
_HARM_EVENTS = {  # headline, lead, the headline's harm under other forms and words
    "Tram derails in Orvik, killing seven": (
        "A crowded tram left the rails in the river town of Orvik on Tuesday, killing seven passengers.",
        ["derailment", "crash", "accident", "disaster"]),
    "Gunmen kill nine at Lessing wedding": (
        "Two gunmen opened fire on a wedding party in the hill village of Lessing on Friday, killing nine guests.",
        ["killings", "shooting", "attack", "massacre"]),
    "Bomb kills six at Varn bus depot": (
        "A bomb hidden in a parked van went off beside the bus depot in Varn on Thursday, killing six people.",
        ["bombing", "explosion", "blast", "attack"]),
}
_SORROW_FOR_THE_HARM = [
    "offered condolences to the families of those killed in the {c}.",
    "expressed sympathy for the victims of the {c}.",
    "sent his condolences after the {c}.",
    "conveyed her condolences over the {c} to the government.",
    "offered condolences to the relatives of the people who died in Tuesday's {c}.",
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), title=st.sampled_from(list(_HARM_EVENTS)), pick=st.integers(0, 3),
       frame=st.sampled_from(_SORROW_FOR_THE_HARM))
def test_sorrow_for_the_events_harm_under_another_word_opposes_it(extractor: Extractor, speaker: str, title: str,
                                                                  pick: int, frame: str) -> None:
    """The near misses: in an article on a derailment, a shooting or a bombing, sorrow over "the
    derailment", "the killings", "the bombing" (the headline's verb in another form) or "the crash",
    "the shooting", "the explosion" (another word for it) mourns the event's harm and opposes it."""
    lead, causes = _HARM_EVENTS[title]
    words = frame.format(c=causes[pick])
    got = run(extractor, title, f"{lead}\n\n{speaker} {words}")
    assert _stance_of(got, speaker) == "oppose", _said(got, words)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), title=st.sampled_from(list(_HARM_EVENTS)), pick=st.integers(0, 3),
       other=st.sampled_from(["an earlier fire", "a separate flood", "an unrelated mining accident"]))
def test_sorrow_for_the_events_harm_and_another_still_opposes(extractor: Extractor, speaker: str, title: str,
                                                              pick: int, other: str) -> None:
    """Mixed causes: sorrow for the event's own harm and, in the same phrase, for one marked as another
    still mourns the event's, so it opposes (only when every cause named is another's does it not)."""
    lead, causes = _HARM_EVENTS[title]
    words = f"offered condolences over the {causes[pick]} and to the widow of a driver killed in {other}."
    got = run(extractor, title, f"{lead}\n\n{speaker} {words}")
    assert _stance_of(got, speaker) == "oppose", _said(got, words)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), title=st.sampled_from(list(_HARM_EVENTS)),
       words=st.sampled_from([
           "offered condolences to the family of a nurse who died in an unrelated fire.",
           "expressed sympathy for the victims of last month's floods in the south.",
           "sent her condolences to the relatives of a farmer killed in a separate landslide.",
           "expressed his sympathy for the victims of the previous year's storm.",
       ]))
def test_sorrow_for_another_harm_in_an_article_on_a_harm_takes_no_side(extractor: Extractor, speaker: str,
                                                                        title: str, words: str) -> None:
    """In an article on a harm, sorrow whose every cause is marked as another ("an unrelated fire",
    "last month's floods") mourns that harm, not the event's."""
    lead, _ = _HARM_EVENTS[title]
    got = run(extractor, title, f"{lead}\n\n{speaker} {words}")
    assert _stance_of(got, speaker) != "oppose", _said(got, words)


REOPENING = "Kestria reopens its embassy in Valdora"
_REOPENING_LEAD = "Kestria reopened its embassy in the Valdoran capital on Monday after six years."


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), case=st.sampled_from([
    (AGREEMENT, "the signing"), (REOPENING, "the reopening"), (BAN, "the new law"), (AGREEMENT, "the new agreement"),
    (BAN, "the prohibition"), (AGREEMENT, "the negotiations")]),
       frame=st.sampled_from(["was a success", "would bode well for the border towns", "was an important step",
                              "was a real achievement"]))
def test_praise_of_the_event_in_another_form_or_described_supports(extractor: Extractor, speaker: str,
                                                                   case: tuple[str, str], frame: str) -> None:
    """The near misses: praise said of the event's own word in another form ("the signing" of an
    agreement signed, "the reopening" of an embassy reopened), of a word standing for it with a
    description ("the new law", "the new agreement"), or of a word for an event of its kind ("the
    prohibition", "the negotiations") supports it, "bode well" as the other predicated cues."""
    title, subject = case
    lead = _REOPENING_LEAD if title == REOPENING else _LEADS[title]
    words = f"said {subject} {frame}."
    got = run(extractor, title, f"{lead}\n\n{speaker} {words}")
    assert _stance_of(got, speaker) == "support", _said(got, words)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.sampled_from(_SPEAKERS), cause=st.sampled_from(["blast", "explosion", "bombing", "attack"]))
def test_sorrow_for_a_harm_told_only_in_the_lead_opposes_it(extractor: Extractor, speaker: str, cause: str) -> None:
    """A headline that names no harm ("Messages of grief pour in for Varn") over a lead that does ("a
    bomb went off ..., killing six"): the event is still that harm, and sorrow over it opposes it."""
    lead = "A bomb hidden in a parked van went off beside the bus depot in Varn on Thursday, killing six people."
    words = f"sent his condolences after the {cause}."
    got = run(extractor, "Messages of grief pour in for Varn", f"{lead}\n\n{speaker} {words}")
    assert _stance_of(got, speaker) == "oppose", _said(got, words)
