"""The event's words compared by stem (graph/extract/praise.py): a speaker's noun and the headline's verb
name one thing whichever ending each has, and a headline of a harm is told from one of a treaty."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from graph.extract.praise import EventWords, stem

_BASES = ["derail", "kill", "bomb", "sign", "reopen", "flood", "shell", "annex", "block", "deport"]
_ENDINGS = ["", "s", "ed", "ing", "ings", "ment", "ments", "ion", "ions"]


@given(base=st.sampled_from(_BASES), one=st.sampled_from(_ENDINGS), other=st.sampled_from(_ENDINGS))
def test_a_word_and_its_derived_forms_share_a_stem(base: str, one: str, other: str) -> None:
    """"Derails" and "derailment", "signs" and "signing", "killed" and "killings": one stem, both ways."""
    assert stem(base + one) == stem(base + other)


@given(word=st.sampled_from(["treaty", "summit", "tariff", "border", "vote"]),
       harm=st.sampled_from(["derailment", "bombing", "killing", "flood"]))
def test_distinct_words_keep_distinct_stems(word: str, harm: str) -> None:
    """The near miss: taking endings off never makes two different words one."""
    assert stem(word) != stem(harm)


def test_a_harm_headline_is_told_from_one_of_no_harm() -> None:
    """"Tram derails ..., killing seven" is a harm; "... sign a border agreement" and "... bans imports" are
    not, so sorrow for a harm named in their articles mourns some other harm."""
    assert EventWords.of("Tram derails in Orvik, killing seven").harm
    assert EventWords.of("Strong tremor shakes Vell valley").harm
    assert not EventWords.of("Valdora and Kestria sign a border agreement").harm
    assert not EventWords.of("Kestria bans imports of Valdoran grain").harm


def test_a_harm_told_only_in_the_lead_makes_the_event_a_harm() -> None:
    """The headline may name no harm; the lead paragraph then says whether the event harmed people."""
    assert not EventWords.of("Messages of grief pour in for Varn").harm
    assert EventWords.of("Messages of grief pour in for Varn", "A bomb went off in Varn, killing six people.").harm
    assert not EventWords.of("Leaders hail Arlo accord", "The two states signed a trade accord on Monday.").harm
