"""Lists of reactors the parser does not hand over as one list (issue 16 §2, "lists of reactors").

Found missed on the corpus's train split: a joint statement made "with" a list of others, and a
list that closes with its verb's subject ("On Sunday, A, the EU, the AU, and B condemned it", "as A,
B, and many others expressed ...") where the parser hangs the names before the last elsewhere. Each
member of the list reacts with the list's statement, so its stance (ruling 9). Sentences written for
the tests, about an invented event; the lists that are no reactors' (where something happened, who
was hit or targeted, whom talks were with) stay unchanged.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from graph.extract import Extractor

from .test_joint_reactions import listed, reactions  # the same invented levy, lead and title

COUNTRIES = ["Chile", "Peru", "Norway", "Brazil", "Mexico", "Argentina", "Denmark", "Finland", "Japan"]
# Bodies and countries as a list names them ("the OECD"), and the name a reaction gives them.
MEMBERS = [("the OECD", "OECD"), ("the European Union", "European Union"), ("the African Union", "African Union"),
           ("the World Bank", "World Bank"), ("Japan", "Japan"), ("Norway", "Norway"), ("Chile", "Chile"),
           ("Peru", "Peru")]
STATEMENTS = [("condemned the levy", "oppose"), ("welcomed the levy", "support"),
              ("criticised the levy", "oppose"), ("praised the levy", "support")]


@settings(max_examples=12, deadline=None)
@given(names=st.lists(st.sampled_from(COUNTRIES), min_size=2, max_size=5, unique=True),
       statement=st.sampled_from(STATEMENTS), shape=st.sampled_from(["verb first", "said that"]))
@example(names=["Peru", "Chile", "Norway", "Brazil"], statement=STATEMENTS[0], shape="said that")
@example(names=["Chile", "Norway"], statement=STATEMENTS[1], shape="verb first")
# The parser leaves the last name unjoined here ("Denmark" a clause of the verb, or joined to the verb)
@example(names=["Brazil", "Japan", "Denmark"], statement=STATEMENTS[0], shape="said that")
@example(names=["Norway", "Brazil", "Denmark"], statement=STATEMENTS[1], shape="said that")
def test_those_a_joint_statement_was_made_with_make_it(extractor: Extractor, names: list[str],
                                                       statement: tuple[str, str], shape: str) -> None:
    """"Peru said in a joint statement with Chile and Norway that ...": each of them reacts, with the
    statement's one stance."""
    verb, stance = statement
    first, rest = names[0], listed(names[1:])
    body = (f"{first} {verb} in a joint statement with {rest} on Tuesday." if shape == "verb first"
            else f"{first} said in a joint statement with {rest} that they {verb}.")
    found = reactions(extractor, body)
    assert set(found) == set(names), body
    assert set(found.values()) == {stance}


@pytest.mark.parametrize(("body", "absent"), [
    # a name after "and" that is part of the list's last member, not a member itself
    ("Peru said in a joint statement with Japan and Denmark's trade minister that they condemned the levy.",
     "Denmark"),
    # a name after "and" that is where talks were, not whom the statement was with
    ("Peru said in a joint statement with Japan that it condemned the levy and talks in Denmark.", "Denmark"),
])
def test_a_name_after_the_list_that_is_not_its_member_stays_out(extractor: Extractor, body: str,
                                                                 absent: str) -> None:
    """The list's last name is added only where the parser left it unjoined, as a name of its own."""
    found = reactions(extractor, body)
    assert {"Peru", "Japan"} <= set(found) and absent not in found, body


@pytest.mark.parametrize("body", [
    "Peru said at a joint press conference with Chile that it condemned the levy.",
    "Peru said in a statement after talks with Chile and Norway that it condemned the levy.",
    "Peru condemned the levy in a statement, days after a joint exercise with Chile and Norway.",
])
def test_those_met_or_talked_with_do_not_share_the_statement(extractor: Extractor, body: str) -> None:
    """A press conference held together, or talks, are not a statement made together: only the speaker."""
    assert set(reactions(extractor, body)) == {"Peru"}


# Derandomized: the rule reads the parse, and the parser breaks about one list in twenty of four or more
# names (the first name made the root, the rest its appositions: 15 of 370 random lists of 2-4 members, on these
# shapes on 2026-11-28). Fixed examples make a failure a change of behaviour, not a draw.
@settings(max_examples=12, deadline=None, derandomize=True)
@given(members=st.lists(st.sampled_from(MEMBERS), min_size=2, max_size=4, unique=True),
       statement=st.sampled_from(STATEMENTS),
       shape=st.sampled_from(["On Monday, trade envoy Ana Rojas, {list}, and Mercosur swiftly {verb}.",
                              "Markets slid as {list}, and many others {verb}.",
                              "Prices rose, while {list}, and several others {verb}."]))
@example(members=[MEMBERS[1], MEMBERS[2]], statement=STATEMENTS[0],
         shape="On Monday, trade envoy Ana Rojas, {list}, and Mercosur swiftly {verb}.")
@example(members=[MEMBERS[6], MEMBERS[5], MEMBERS[0]], statement=STATEMENTS[2],
         shape="Markets slid as {list}, and many others {verb}.")
@example(members=[MEMBERS[1], MEMBERS[0], MEMBERS[5]], statement=STATEMENTS[0],
         shape="Markets slid as {list}, and many others {verb}.")
@example(members=[MEMBERS[1], MEMBERS[0], MEMBERS[7]], statement=STATEMENTS[0],
         shape="Markets slid as {list}, and many others {verb}.")
@example(members=[MEMBERS[2], MEMBERS[0], MEMBERS[5]], statement=STATEMENTS[1],
         shape="On Monday, trade envoy Ana Rojas, {list}, and Mercosur swiftly {verb}.")
@example(members=[MEMBERS[1], MEMBERS[4], MEMBERS[0]], statement=STATEMENTS[0],
         shape="Prices rose, while {list}, and several others {verb}.")
def test_every_name_of_a_list_that_closes_with_the_subject_reacts(extractor: Extractor,
                                                                  members: list[tuple[str, str]],
                                                                  statement: tuple[str, str], shape: str) -> None:
    """"A, the EU, the AU, and ECOWAS condemned it", "as A, B, and many others criticised it": every
    named member of the list reacts with the list's stance, whatever the parser hung them on."""
    verb, stance = statement
    body = shape.format(list=", ".join(text for text, _ in members), verb=verb)
    expected = {name for _, name in members} | ({"Ana Rojas"} if "Rojas" in shape else set())
    found = reactions(extractor, body)
    assert expected <= set(found), body
    assert {found[name] for name in expected} == {stance}


@pytest.mark.parametrize("body, expected", [
    ("The levy hit Chile, Peru and Norway, and Brazil condemned it.", {"Brazil"}),
    ("Exports fell in Chile, Peru and Norway, and Brazil condemned the levy.", {"Brazil"}),
    ("The levy targets steel from Chile, Peru, and Norway, and Brazil welcomed it.", {"Brazil"}),
    ("After talks with Chile and Peru, Norway condemned the levy.", {"Norway"}),
    ("Stateside, Chile and Peru condemned the levy.", {"Chile", "Peru"}),
    ("In Oslo, Lima and Santiago, officials condemned the levy.", set()),
    # one name set off by commas is an apposition, and "such as" gives examples, not a list of reactors
    ("The measure was drafted by the finance minister, Tomas Ilves, and Peru condemned it.", {"Peru"}),
    ("The plan came after a visit by Chile's trade minister, Rosa Ibarra, and Brazil criticised the levy.",
     {"Brazil"}),
    ("The levy hurts exporters such as Norway, and Peru condemned it.", {"Peru"}),
    ("The levy hurts exporters such as Norway and Chile, and Peru condemned it.", {"Peru"}),
    ("Floods killed dozens in Chile, Peru, and Norway, and Brazil sent aid on Tuesday.", set()),
])
def test_a_list_of_places_targets_or_victims_before_a_reactor_is_no_list_of_reactors(
        extractor: Extractor, body: str, expected: set[str]) -> None:
    """Names before "and <subject>" that are where something happened, what was hit or whom talks were
    with: only the subject reacts."""
    assert set(reactions(extractor, body)) == expected
