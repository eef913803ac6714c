"""Two speakers in one sentence, each with a clause of their own: "Peru condemned the levy, and Norway
welcomed it", "Peru welcomed the levy, while Norway condemned it".

The second speaker's verb hangs on the first's in the parse, so the first speaker's words used to
hold both verbs, and two opposite cues cancelled (the first speaker read as neutral) or the second's
won. Each clause is its own speaker's. Words inside the first speaker's own clause stay theirs,
whoever else they name ("welcomed the support from Norway"). Invented sentences about the invented
levy of `test_joint_reactions`.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from graph.extract import Extractor

from .test_joint_reactions import reactions

COUNTRIES = ["Chile", "Peru", "Norway", "Brazil", "Mexico", "Argentina", "Denmark", "Finland"]
# (what the first says, its stance, what the second says of it, its stance): opposite sides
PAIRS = [("condemned the levy", "oppose", "welcomed it", "support"),
         ("welcomed the levy", "support", "condemned it as a grave mistake", "oppose"),
         ("criticised the levy", "oppose", "praised it", "support"),
         ("praised the levy", "support", "criticised it", "oppose")]
JOINS = [", and", ", but", ", while", ", whereas"]


@settings(max_examples=16, deadline=None)
@example(names=["Peru", "Chile"], pair=PAIRS[1], join=", while")  # the NER misses "Chile" here
@given(names=st.lists(st.sampled_from(COUNTRIES), min_size=2, max_size=2, unique=True),
       pair=st.sampled_from(PAIRS), join=st.sampled_from(JOINS))
def test_each_speaker_keeps_the_stance_of_their_own_clause(extractor: Extractor, names: list[str],
                                                           pair: tuple[str, str, str, str], join: str) -> None:
    first, second = names
    said, stance, other_said, other_stance = pair
    body = f"{first} {said}{join} {second} {other_said}."
    found = reactions(extractor, body)
    # (the NER sometimes misses the second name, "while Chile condemned it" tagged a work of art: its
    # clause is still not the first speaker's)
    assert found[first] == stance and found.get(second, other_stance) == other_stance, body
    assert set(found) <= {first, second}, body


@pytest.mark.parametrize(("body", "expected"), [
    # one speaker's two clauses: both theirs
    ("Peru condemned the levy and said it would retaliate.", {"Peru": "oppose"}),
    # a joint reaction and a following one share the statement
    ("Peru and Chile condemned the levy.", {"Peru": "oppose", "Chile": "oppose"}),
    ("Peru condemned the levy, and Chile did the same.", {"Peru": "oppose", "Chile": "oppose"}),
    # a source named inside the speaker's own clause does not take the speaker's words away
    ("Peru said the levy was a welcome package of support from the government.", {"Peru": "support"}),
])
def test_words_inside_a_speakers_own_clause_stay_theirs(extractor: Extractor, body: str,
                                                        expected: dict[str, str]) -> None:
    assert reactions(extractor, body) == expected, body
