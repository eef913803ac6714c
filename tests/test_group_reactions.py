"""Classes of reactions by several actors in one sentence, or described rather than quoted.

Found missed on the corpus's train split (issue 16 §2); each test states one class with sentences
written for it, about invented events, and with cases of the same shape that are no reaction.
"""

from __future__ import annotations

import pytest

from graph.extract import Extractor
from graph.models import ArticleInput

TITLE = "Canada imposes a levy on imported steel"
LEAD = "Canada imposed a levy of 25% on imported steel on Monday, citing a glut on world markets.\n\n"


def actors(extractor: Extractor, body: str, title: str = TITLE) -> set[str]:
    found = extractor.extract(extractor.prepare(ArticleInput(text=LEAD + body, title=title)))
    return {r.actor.name for r in found.reactions} - {"Canada"}


@pytest.mark.parametrize("body, expected", [
    ("Leaders of Chile, Peru and Norway condemned the levy.", {"Chile", "Peru", "Norway"}),
    ("Governments from Oslo and Lima to Tokyo spoke out against the levy.", {"Norway", "Peru", "Japan"}),
    ("Representatives of the African Union, Japan and Brazil were among those welcoming the levy.",
     {"African Union", "Japan", "Brazil"}),
    ("Within hours, capitals from Santiago and Lima to Tokyo criticised the decision.", {"Chile", "Peru", "Japan"}),
])
def test_a_crowd_of_reactors_named_by_where_they_come_from_is_each_of_them(extractor: Extractor, body: str,
                                                                          expected: set[str]) -> None:
    """"Leaders of A, B and C", "governments from A to B": a crowd of reactors whose members the
    sentence names by their countries or bodies is each of those reacting (ruling 9 and 17)."""
    assert actors(extractor, body) == expected


@pytest.mark.parametrize("body", [
    "Exporters from Chile and Peru condemned the levy.",
    "Fishermen from Norway and Iceland spoke out against the levy.",
    "Officials from Chile and Peru said the levy was unfair.",
    "Leaders of Chile and Peru met in Lima on Tuesday to discuss fishing quotas.",
])
def test_a_crowd_that_is_not_of_reactors_or_does_not_react_names_no_reactor(extractor: Extractor, body: str) -> None:
    """Traders or fishermen from a country are not its voice, unnamed officials are no one's reaction
    (the guideline), and leaders who only meet take no position."""
    assert actors(extractor, body) == set()


@pytest.mark.parametrize("body, expected", [
    ("Chilean President Ana Rojas spoke out against the levy on Tuesday.", {"Ana Rojas"}),
    ("Norway lashed out at Ottawa over the levy.", {"Norway"}),
    ("Peru weighed in on Wednesday, calling the levy a mistake.", {"Peru"}),
    ("Brazil's trade minister Luis Prado spoke up for the levy in parliament.", {"Luis Prado"}),
])
def test_a_phrasal_verb_of_reaction_makes_its_subject_a_speaker(extractor: Extractor, body: str,
                                                              expected: set[str]) -> None:
    """"spoke out against", "lashed out at", "weighed in": verbs of saying only with their particle."""
    assert actors(extractor, body) == expected


@pytest.mark.parametrize("body", [
    "Chilean President Ana Rojas spoke with Peruvian President Luis Prado by phone on Tuesday.",
    "Norway's foreign minister Ola Berg spoke at a fisheries conference in Bergen.",
])
def test_speaking_with_someone_or_somewhere_is_no_reaction(extractor: Extractor, body: str) -> None:
    assert actors(extractor, body) == set()


@pytest.mark.parametrize("body, expected", [
    ("Chile and Peru condemned the levy on Tuesday. Chilean foreign minister Ana Rojas said it was "
     "\"an act of economic aggression\".", {"Ana Rojas", "Peru"}),
    ("Norway, Japan and the African Union spoke out against the levy. Japan's trade minister Kenji Mori "
     "called it \"a grave mistake\".", {"Norway", "Kenji Mori", "African Union"}),
    ("Leaders of Brazil and Chile welcomed the levy. \"It is overdue,\" said Brazil's President Luis Prado.",
     {"Luis Prado", "Chile"}),
])
def test_a_country_in_a_shared_sentence_reacts_through_its_own_quoted_speaker(extractor: Extractor, body: str,
                                                                            expected: set[str]) -> None:
    """"Chile and Peru condemned it", then Chile's minister's words: the sentence sums up the minister's
    statement (one reaction, the most specific speaker's); Peru, quoted nowhere else, still reacts."""
    assert actors(extractor, body) == expected


@pytest.mark.parametrize("body, expected", [
    ("In response, Chile banned Canadian timber imports.", {"Chile"}),
    ("Norway's aviation agency suspended all flights to Ottawa on Tuesday.", {"Norway's aviation agency"}),
    ("Peru recalled its ambassador from Ottawa.", {"Peru"}),
    ("The European Union moved to halt imports of Canadian steel products.", {"European Union"}),
])
def test_an_act_against_the_event_is_a_reaction(extractor: Extractor, body: str, expected: set[str]) -> None:
    """A ban, a suspension, a recalled ambassador aimed at the event's actor or thing is its actor's
    reaction (the guideline's "what counts as a reaction", ruling 19)."""
    assert actors(extractor, body) == expected


@pytest.mark.parametrize("body", [
    "In 2019 Chile banned plastic bags.",
    "Peru has long barred foreign fishing fleets from its waters.",
    "Norway suspended its whaling season after a storm.",
])
def test_an_act_that_does_not_answer_the_event_is_no_reaction(extractor: Extractor, body: str) -> None:
    """The same verbs about something else the article mentions: nothing in what is banned names the
    event's actor or thing."""
    assert actors(extractor, body) == set()


@pytest.mark.parametrize("body, expected", [
    ("The main critics of the levy were Chile, Peru and Norway.", {"Chile", "Peru", "Norway"}),
    ("Among its supporters was Japan.", {"Japan"}),
    ("Trade minister Luis Prado has emerged as a staunch advocate of the levy.", {"Luis Prado"}),
    ("Chile and Peru were the fiercest opponents of the levy.", {"Chile", "Peru"}),
])
def test_whoever_a_sentence_calls_a_critic_or_supporter_takes_a_position(extractor: Extractor, body: str,
                                                                       expected: set[str]) -> None:
    """A described position: the names a linking verb equates with critics, supporters or advocates."""
    assert actors(extractor, body) == expected


@pytest.mark.parametrize("body", [
    "Critics of the levy say it will raise prices.",
    "The main beneficiaries of the levy were Chile and Peru.",
    "Chile was the largest exporter of steel to Canada last year.",
])
def test_a_linking_verb_without_a_position_names_no_reactor(extractor: Extractor, body: str) -> None:
    """Unnamed critics, and names equated with beneficiaries, exporters or those hit: no position."""
    assert actors(extractor, body) == set()


@pytest.mark.parametrize("body", [
    "Among the countries hit hardest were Chile and Peru.",
    "Chile, Peru and Norway were hit hardest by the levy.",
    "The levy targets exporters in Chile, Peru and Norway.",
    "Chile, Peru and Norway export most of the steel Canada buys.",
])
def test_a_list_of_countries_acted_upon_or_only_mentioned_is_no_list_of_reactors(extractor: Extractor,
                                                                               body: str) -> None:
    assert actors(extractor, body) == set()


@pytest.mark.parametrize("body, expected", [
    ("Some firebrands \u2014 led by Chilean senator Ana Rojas \u2014 issued strong statements against the levy.",
     {"Ana Rojas"}),
    ("Dozens of lawmakers led by Luis Prado condemned the levy.", {"Luis Prado"}),
    ("More than 100 Republicans led by Senator Kenji Mori had urged Ottawa to drop the levy.", {"Kenji Mori"}),
])
def test_a_group_led_by_a_named_person_speaks_through_them(extractor: Extractor, body: str,
                                                          expected: set[str]) -> None:
    """"Lawmakers led by X condemned it": the group is unnamed, its named leader reacts."""
    assert actors(extractor, body) == expected


@pytest.mark.parametrize("body", [
    "A delegation led by Chilean senator Ana Rojas toured the steel mill on Tuesday.",
    "Lawmakers led by Luis Prado met exporters in Lima.",
])
def test_a_group_led_by_someone_that_does_not_react_names_no_reactor(extractor: Extractor, body: str) -> None:
    assert actors(extractor, body) == set()
