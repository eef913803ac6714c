"""A title alone ("the Chairperson", "the Archbishop", "Ethiopia PM") names no actor of its own.

The NER tags a capitalised title as an organisation ("Chairperson said", "FM said"), which made an
actor called "Chairperson" beside the person who holds the title. A title alone is the person the
article names with it, when exactly one does ("Archbishop Ana Rojas ... Later the Archbishop said",
"The Chairperson of the Commission, Ana Rojas, said"); otherwise it is one of the guideline's unnamed
speakers, and no reaction. A surname that is also a title ("Major said", after "John Major") is still
the person. All names and events are invented for these tests.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from graph.extract import Extractor
from graph.extract import lexicon
from graph.models import ArticleInput

TITLE = "Canada imposes a levy on imported steel"
LEAD = "Canada imposed a levy on imported steel on Friday, citing a flood of cheap imports.\n\n"


def reactions(extractor: Extractor, body: str) -> dict[str, str]:
    got = extractor.extract(extractor.prepare(ArticleInput(text=LEAD + body, title=TITLE)))
    return {r.actor.name: r.stance for r in got.reactions}


def _titles_only(name: str) -> bool:
    return all(w.lower().strip(".") in lexicon.TITLE_WORDS or w.lower() in ("the", "of")
               for w in name.split())


def test_a_title_after_its_holder_is_that_person(extractor: Extractor) -> None:
    got = reactions(extractor, "Archbishop Tomas Berglund said he was praying for the workers.\n\n"
                               "Later the Archbishop said the levy was a grave mistake.\n")
    assert got == {"Tomas Berglund": "oppose"}


def test_a_title_in_apposition_to_a_name_is_that_name(extractor: Extractor) -> None:
    got = reactions(extractor, "The Chairperson of the African Union Commission, Kofi Mensah Adjei, has "
                               "condemned the levy.\n")
    assert got == {"Kofi Mensah Adjei": "oppose"}


def test_a_title_of_another_country_is_not_its_holder(extractor: Extractor) -> None:
    got = reactions(extractor, "British Prime Minister Kenji Tanaka praised the workers.\n\n"
                               "Ethiopia PM said the levy was a grave mistake.\n")
    assert got == {"Kenji Tanaka": "support"}


def test_a_title_nobody_in_the_article_holds_is_no_one(extractor: Extractor) -> None:
    got = reactions(extractor, "The Chairperson condemned the levy.\n\nIndia's FM said the levy was a "
                               "grave mistake.\n\nNorway condemned the levy.\n")
    assert got == {"Norway": "oppose"}


def test_a_title_two_people_hold_is_no_one(extractor: Extractor) -> None:
    """Two archbishops: the bare title is not an actor of its own (the speaker rules may still give its
    words to the nearest one named before it, as they do "the minister said")."""
    got = reactions(extractor, "Archbishop Tomas Berglund praised the workers.\n\n"
                               "Archbishop Luis Prado said he was praying for them.\n\n"
                               "Later the Archbishop said the levy was a grave mistake.\n")
    assert not any(_titles_only(name) for name in got), got
    assert got.get("Tomas Berglund") == "support"


def test_a_surname_that_is_a_title_is_still_the_person(extractor: Extractor) -> None:
    got = reactions(extractor, "Former minister Ana Major said the levy was a grave mistake.\n\n"
                               "Major said the levy would cost jobs.\n")
    assert got == {"Ana Major": "oppose"}


def test_bodies_named_with_title_words_are_still_bodies(extractor: Extractor) -> None:
    """"Supreme Court", "Foreign Ministry": a title word beside a body's word names the body."""
    got = reactions(extractor, "Mexico's Foreign Ministry condemned the levy.\n\n"
                               "The Supreme Court of Peru said the levy was a grave mistake.\n")
    assert got == {"Mexico's Foreign Ministry": "oppose", "Supreme Court": "oppose"}


FRAMES = ("The {t} condemned the levy.\n", "The {t} said the levy was a disgrace.\n",
          "{t} welcomes levy, calls it long overdue.\n", "Peru's {t} criticised the levy.\n")
TITLES = sorted(w for w in lexicon.TITLE_WORDS if w.isalpha())


@settings(max_examples=40, deadline=None, derandomize=True)
@given(st.sampled_from(TITLES), st.sampled_from(FRAMES))
def test_no_actor_is_a_bare_title(extractor: Extractor, title: str, frame: str) -> None:
    """Whatever the title and however the sentence is built, no reaction's actor is only titles."""
    body = frame.format(t=title.capitalize() if title != "pm" else "PM") + "\nNorway condemned the levy.\n"
    got = reactions(extractor, body)
    assert not any(_titles_only(name) for name in got), (title, frame, got)
    assert got.get("Norway") == "oppose"
