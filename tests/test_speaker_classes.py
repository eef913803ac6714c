"""Classes of speaker errors found on the corpus's train split, each on sentences written for this test.

Each test states one class (a kind of phrase that was taken for a speaker,
or a speaker that was missed), with several sentences of that kind.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from graph.countries import gazetteer
from graph.extract import Extractor
from graph.extract.mentions import Registry
from graph.models import ArticleInput, Extraction

TITLE = "Canada imposes a levy on imported steel"


def run(extractor: Extractor, body: str, title: str = TITLE) -> Extraction:
    return extractor.extract(extractor.prepare(ArticleInput(text=body, title=title)))


def actors(extractor: Extractor, body: str, title: str = TITLE) -> set[str]:
    return {r.actor.name for r in run(extractor, body, title).reactions}


@pytest.mark.parametrize("name", ["Flight KX902", "Convoy 7 Bravo", "Route 66 Express", "Ferry MV21 Aurora"])
@pytest.mark.parametrize("tagged", [False, True])
def test_a_name_with_a_number_is_no_person(extractor: Extractor, name: str, tagged: bool) -> None:
    """A flight, a convoy or a ferry is no one "he" can point back to, whether the NER tagged it as a
    person or missed it (the registry then reads the proper nouns itself)."""
    doc = extractor.nlp(f"{name} vanished over the sea on Monday, and the minister said he was shocked.")
    doc.ents = [Span(doc, 0, len(name.split()), label="PERSON")] if tagged else []
    kinds = {c.name: c.kind for c in Registry([doc], gazetteer()).candidates.values()}
    assert all(kind != "person" for n, kind in kinds.items() if any(ch.isdigit() for ch in n)), kinds


@pytest.mark.parametrize("title", [
    "Norway was hit in 'cowardly' attack",
    "Tanker Zorya was seized in outrageous act",
    "Chile was struck in 'barbaric' raid on its embassy",
    "Senator Ruth Abiodun was attacked in 'despicable' assault",
])
def test_a_headline_about_what_was_done_to_someone_is_not_their_reaction(extractor: Extractor, title: str) -> None:
    body = "Officials gave no further details on Monday.\n\nThe investigation continues."
    got = run(extractor, body, title)
    assert not got.reactions, [(r.actor.name, r.evidence) for r in got.reactions]


@pytest.mark.parametrize("body, expected", [
    ("Harbour bombing: Chile and Peru condemned the attack on Friday.", {"Chile", "Peru"}),
    ("Steel levy row: Mexico rejected the measure as unfair.", {"Mexico"}),
    ("Kestrel bridge attack: Norway condemned the bombing.", {"Norway"}),
])
def test_an_event_named_before_a_colon_is_not_a_speaker(extractor: Extractor, body: str, expected: set[str]) -> None:
    """'Name: quote' is a round-up line only when the name can speak: "Harbour bombing:" names an event."""
    assert actors(extractor, body) == expected


@pytest.mark.parametrize("body, expected", [
    ("Countries such as Chile, Peru and Norway were among the nations that condemned the levy.",
     {"Chile", "Peru", "Norway"}),
    ("Several, including Japan, welcomed the levy on Tuesday.", {"Japan"}),
    ("Similar statements were issued by Chilean President Ana Rojas and Peru's foreign minister Luis Prado.",
     {"Ana Rojas", "Luis Prado"}),
    ("The African Union, the Arab League and the European Union issued statements condemning the levy.",
     {"African Union", "Arab League", "European Union"}),
    ("Governments like Norway and Denmark criticised the levy as protectionist.", {"Norway", "Denmark"}),
    ("The levy drew criticism from allies including Japan and South Korea.", {"Japan", "South Korea"}),
    ("Mexico's neighbours such as Guatemala and Belize also condemned the levy.", {"Guatemala", "Belize"}),
])
def test_every_member_named_for_a_group_that_reacts_reacts(extractor: Extractor, body: str,
                                                          expected: set[str]) -> None:
    """A group speaking through a list ("countries such as", "including", "among those who", "issued by
    A, B and C") is each of the listed actors reacting."""
    assert actors(extractor, body) == expected
