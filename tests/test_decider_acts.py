"""The event's maker telling its own act is no reaction; its defence of the act is.

The largest class of extras on the train split: the government that decided, the court that ruled,
the body that acted, taken as reacting because the text tells the act in words a reaction could use
("Norway bans imports" reads like a countermeasure, "the Norwegian government announced that the ban
would take effect" like a statement). The guideline counts the decider only "when the text gives their
defence of it". Sentences written for this test, about invented acts.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.extract import Extractor
from graph.models import ArticleInput

_MAKERS = st.sampled_from([("Norway", "Norwegian"), ("Kenya", "Kenyan"), ("Chile", "Chilean"), ("Canada", "Canadian")])


def stances(extractor: Extractor, body: str, title: str) -> dict[str, str]:
    got = extractor.extract(extractor.prepare(ArticleInput(text=body, title=title)))
    return {r.actor.name: r.stance for r in got.reactions}


@given(maker=_MAKERS, act=st.sampled_from([
    ("bans imports of palm oil", "banned imports of palm oil"),
    ("suspends flights to Ruritania", "suspended all flights to Ruritania"),
    ("sanctions Ruritanian officials", "sanctioned six Ruritanian officials"),
]))
@settings(max_examples=10, deadline=None)
def test_the_makers_act_told_in_a_countermeasures_words_is_no_reaction(extractor: Extractor, maker: tuple[str, str],
                                                                       act: tuple[str, str]) -> None:
    """"Norway bans imports of palm oil" over "Norway banned imports of palm oil": a ban, a suspension or
    sanctions are how others answer an event, but by the one who made the event they are the event.
    Another country's ban in answer to it stays a reaction."""
    country, demonym = maker
    headline, lead = act
    got = stances(extractor, f"{country} {lead} on Monday.\n\nRuritania condemned the decision as unfair.",
                  f"{country} {headline}")
    assert got == {"Ruritania": "oppose"}, got
    if "palm oil" in headline:
        body = (f"{country} {lead} on Monday.\n\nMalaysia banned imports of {demonym} fish in retaliation.\n\n"
                "Indonesia condemned the ban as unfair.")
        got = stances(extractor, body, f"{country} {headline}")
        assert country not in got and "Malaysia" in got and got.get("Indonesia") == "oppose", got


@given(maker=_MAKERS, verb=st.sampled_from(["announced", "declared"]),
       what=st.sampled_from(["the ban would take effect in March", "the ban would be reviewed after a year"]))
@settings(max_examples=10, deadline=None)
def test_the_makers_government_announcing_the_act_is_no_reaction(extractor: Extractor, maker: tuple[str, str], verb: str,
                                                                 what: str) -> None:
    """"Norway banned imports ... The Norwegian government announced that the ban would take effect in
    March": the country that decided, under the name of its government, tells its act again."""
    country, demonym = maker
    body = (f"{country} banned imports of palm oil on Monday.\n\nThe {demonym} government {verb} that {what}.\n\n"
            "Malaysia condemned the ban as unfair.")
    got = stances(extractor, body, f"Reactions to {country}'s palm oil ban")
    assert got == {"Malaysia": "oppose"}, got


@given(maker=_MAKERS, verb=st.sampled_from(["pledged", "vowed", "promised"]))
@settings(max_examples=8, deadline=None)
def test_a_makers_vow_without_a_side_is_the_act_and_with_a_defence_a_reaction(extractor: Extractor,
                                                                               maker: tuple[str, str], verb: str) -> None:
    """"Norway pledged to extend the ban to soy" tells more of the act; "vowed to keep the ban despite the
    criticism, calling it vital" defends it, which the guideline counts (support)."""
    country, _ = maker
    title = f"Reactions to {country}'s palm oil ban"
    lead = f"{country} banned imports of palm oil on Monday.\n\n"
    tail = "\n\nMalaysia condemned the ban as unfair."
    got = stances(extractor, f"{lead}{country} {verb} to extend the ban to soy next year.{tail}", title)
    assert got == {"Malaysia": "oppose"}, got
    defence = f"{country} {verb} to keep the ban despite the criticism, calling it vital to protect the rainforest."
    got = stances(extractor, f"{lead}{defence}{tail}", title)
    assert got == {country: "support", "Malaysia": "oppose"}, got


@given(answer=st.sampled_from([
    ("The Mexican government", "announced that it would file a complaint at the World Trade Organization"),
    ("Mexican President Claudia Sheinbaum", "announced that Mexico would review its trade ties with Canada"),
    ("Mexico's economy ministry", "announced retaliatory tariffs on Canadian cheese"),
]))
@settings(max_examples=6, deadline=None)
def test_whom_the_act_is_aimed_at_announcing_an_answer_still_reacts(extractor: Extractor, answer: tuple[str, str]) -> None:
    """"Canada imposes levy on Mexican steel": the label names Mexico too, but as what the act is aimed at,
    not its maker; Mexico's government announcing what it will do about it answers the act."""
    who, said = answer
    body = f"Canada imposed a 25 percent levy on Mexican steel on Monday.\n\n{who} {said}.\n\nChile condemned the levy."
    got = stances(extractor, body, "Canada imposes levy on Mexican steel")
    assert who.removeprefix("The ").removeprefix("Mexican President ") in got and got.get("Chile") == "oppose", got


@pytest.mark.parametrize("leader, seat", [("British Prime Minister Keir Starmer", "Downing Street"),
                                          ("French President Emmanuel Macron", "The Elysee")])
def test_the_seat_of_a_deciding_leaders_government_announcing_the_act_is_no_reaction(extractor: Extractor, leader: str,
                                                                                      seat: str) -> None:
    """"Starmer banned imports ... Downing Street announced that the ban would take effect in March": the
    seat speaks for the government its leader heads, which made the decision; defending it still reacts."""
    surname = leader.split()[-1]
    body = f"{leader} banned imports of palm oil on Monday.\n\n{{said}}\n\nMalaysia condemned the ban as unfair."
    got = stances(extractor, body.format(said=f"{seat} announced that the ban would take effect in March."),
                  f"{surname} bans imports of palm oil")
    assert got == {"Malaysia": "oppose"}, got
    if seat == "Downing Street":
        got = stances(extractor, body.format(said=f"{seat} defended the ban as vital to protect the rainforest."),
                      f"{surname} bans imports of palm oil")
        assert "Downing Street" in got, got


@pytest.mark.xfail(strict=True, reason="known miss: the lexicon judge finds no side in 'defended ... as vital', and "
                   "giving the deciding government the deciders' support cost dev 0.012 reaction F1")
def test_the_seat_defending_its_leaders_act_supports_it(extractor: Extractor) -> None:
    """The seat of the government whose leader decided, defending the act, stands by it (support)."""
    body = ("British Prime Minister Keir Starmer banned imports of palm oil on Monday.\n\nDowning Street defended the "
            "ban as vital to protect the rainforest.\n\nMalaysia condemned the ban as unfair.")
    got = stances(extractor, body, "Starmer bans imports of palm oil")
    assert got.get("Downing Street") == "support", got


# --- Who is not the maker: the review's classes A, B and C -------------------------------------------------------
# Sentences written for these tests, about invented acts of real states' organs.

_STATES = st.sampled_from([("Norway", "Norwegian"), ("Kenya", "Kenyan"), ("Chile", "Chilean"), ("Canada", "Canadian"),
                           ("Peru", "Peruvian")])


@given(state=_STATES, organ=st.sampled_from([
    ("{d} supreme court strikes down fuel levy", "The {d} supreme court struck down the fuel levy on Monday.",
     "The {d} government announced that it would study the ruling before deciding its next step."),
    ("{c}'s central bank raises interest rates", "{c}'s central bank raised its main interest rate on Thursday.",
     "{c}'s finance ministry announced that it would watch the currency closely after the decision."),
    ("{c}'s central bank cuts rates", "The central bank of {c} cut its main interest rate on Thursday.",
     "The {d} government declared that the cut would take effect next week."),
    ("{d} parliament passes bill to ban vaping", "The {d} parliament passed a bill to ban vaping on Monday.",
     "The {d} government announced that it would study the bill before it becomes law."),
]))
@settings(max_examples=15, deadline=None)
def test_the_government_answering_another_organ_of_its_state_reacts(extractor: Extractor, state: tuple[str, str],
                                                                    organ: tuple[str, str, str]) -> None:
    """Class A: a court, a central bank or a parliament decides on its own account; the same country's
    government or ministry speaking of the decision answers it, though the label names the country
    ("Chile's central bank", "Kenyan court"). Only a decider that IS the country, its government or its
    head makes the government a maker."""
    country, demonym = state
    title, lead, answer = (part.format(c=country, d=demonym) for part in organ)
    got = stances(extractor, f"{lead}\n\n{answer}\n\nRuritania criticised the decision.", title)
    assert any("government" in name or "ministry" in name for name in got), got


@given(state=_STATES, organ=st.sampled_from(["prosecutors", "customs inspectors", "election auditors",
                                              "competition watchdog", "energy regulators", "labour judges"]),
       act=st.sampled_from([("fine a port operator", "fined the largest port operator"),
                            ("halt a pipeline permit", "halted the permit for a new gas pipeline")]))
@settings(max_examples=15, deadline=None)
def test_the_government_answering_any_organ_its_country_owns_reacts(extractor: Extractor, state: tuple[str, str],
                                                                   organ: str, act: tuple[str, str]) -> None:
    """Class A, whatever the organ is called: "Chile's customs inspectors fined ..." names Chile only as the
    owner of whoever decided, so Chile's government is no maker, and its announcement answers the act.
    (The organ words are open-ended: none of these is in a word list.)"""
    country, demonym = state
    title = f"{country}'s {organ} {act[0]}"
    lead = (f"{country}'s {organ} {act[1]} on Wednesday, after an inquiry that lasted more than a year "
            "and drew complaints from business groups.")
    answer = f"The {demonym} government announced that it would review the decision with the companies involved."
    got = stances(extractor, f"{lead}\n\n{answer}\n\nRuritania criticised the decision.", title)
    assert f"{demonym} government" in got, got


_COLLISIONS = st.sampled_from([("South Sudan", "Sudan"), ("Equatorial Guinea", "Guinea"), ("Guinea-Bissau", "Guinea")])


@given(pair=_COLLISIONS, act=st.sampled_from([
    ("shuts its oil pipeline", "shut its oil pipeline on Friday in a row over fees",
     "oil ministry announced that it would lower the fees to restart the flow"),
    ("closes border with Gabon", "closed its border with Gabon on Monday after a dispute",
     "foreign ministry announced that it would send an envoy to mediate"),
]))
@settings(max_examples=10, deadline=None)
def test_a_country_whose_name_is_part_of_the_makers_name_is_no_maker(extractor: Extractor, pair: tuple[str, str],
                                                                     act: tuple[str, str, str]) -> None:
    """Class B: names are resolved whole. "South Sudan shuts its pipeline" is no act of Sudan's, so
    Sudan's ministry announcing what it will do about it reacts."""
    outer, inner = pair
    headline, lead, said = act
    body = f"{outer} {lead}.\n\n{inner}'s {said}.\n\nThe African Union urged calm."
    got = stances(extractor, body, f"{outer} {headline}")
    assert f"{inner}'s {said.split(' announced')[0]}" in got, got


@given(pair=st.sampled_from([("Peru", "Bolivia"), ("Ghana", "Togo"), ("Norway", "Ruritania"), ("Chile", "Argentina")]),
       act=st.sampled_from([
           ("{a} recalls ambassador after {b} closes border",
            "{b} closed its border with {a} on Sunday.\n\n{a} recalled its ambassador from {b} on Monday in response."),
           ("{a} suspends fruit exports after {b} raises tariffs",
            "{b} raised its tariffs on imports from {a} on Sunday.\n\n{a} suspended fruit exports to {b} in retaliation."),
           ("{a} halts arms sales to {b} over crackdown", "{a} halted all arms sales to {b} on Tuesday."),
       ]))
@settings(max_examples=15, deadline=None)
def test_a_countermeasure_told_as_answering_another_act_stays_a_reaction(extractor: Extractor, pair: tuple[str, str],
                                                                        act: tuple[str, str]) -> None:
    """Class C: a headline that makes a reactor's countermeasure the event ("Peru recalls ambassador after
    Bolivia closes border") has the reactor as the decider; the act told as answering another ("after",
    "over", "in response") is its reaction, not the event told again. "Norway bans imports of palm oil",
    told as answering nothing, stays the act (the first test)."""
    a, b = pair
    title, body = (part.format(a=a, b=b) for part in act)
    got = stances(extractor, f"{body}\n\nSpain urged both sides to talk.", title)
    assert a in got, got


@given(pair=st.sampled_from([("Peru", "Bolivia"), ("Ghana", "Togo"), ("Norway", "Ruritania"), ("Chile", "Argentina")]),
       act=st.sampled_from([
           ("{b} retaliates after {a} bans its fruit", "{a} banned imports of fruit from {b} on Monday."),
           ("{b} hits back after {a} sanctions its generals",
            "{a} sanctioned six generals from {b} on Monday over the crackdown."),
       ]))
@settings(max_examples=10, deadline=None)
def test_the_act_answered_in_the_headline_stays_the_event(extractor: Extractor, pair: tuple[str, str],
                                                          act: tuple[str, str]) -> None:
    """The near-miss of class C: in "Bolivia retaliates after Peru bans its fruit" Peru's ban is what is
    answered, so Peru telling it is the event told again, not a reaction; its grounds ("over the
    crackdown") do not make it an answer."""
    a, b = pair
    title, body = (part.format(a=a, b=b) for part in act)
    got = stances(extractor, f"{body}\n\n{b} condemned the decision.", title)
    assert a not in got, got
