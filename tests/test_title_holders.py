"""A title alone ("the Chairperson", "the Archbishop", "Ethiopia PM") names no actor of its own.

The NER tags a capitalised title as an organisation ("Chairperson said", "FM said"), which made an
actor called "Chairperson" beside the person who holds the title. A title alone is the person the
article names with it, when exactly one does ("Archbishop Ana Rojas ... Later the Archbishop said",
"The Chairperson of the Commission, Ana Rojas, said"); otherwise it is one of the guideline's unnamed
speakers, and no reaction. A title tied to a place ("the Archbishop of Cologne", "the Prime Minister of
Spain", "India's FM") is only a holder of that place. A surname that is also a title ("Major said", after
"John Major") is still the person, and a body whose head word is also a title word ("Israel's Cabinet")
is still the body. All names and events are invented for these tests.
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
BODY_WORDS = lexicon.STATE_ORGANS | lexicon.BODY_HEADS | lexicon.STATE_HEADS
TITLES = sorted(w for w in lexicon.TITLE_WORDS if w.isalpha() and w not in BODY_WORDS)


@settings(max_examples=40, deadline=None, derandomize=True)
@given(st.sampled_from(TITLES), st.sampled_from(FRAMES))
def test_no_actor_is_a_bare_title(extractor: Extractor, title: str, frame: str) -> None:
    """Whatever the title and however the sentence is built, no reaction's actor is only titles."""
    body = frame.format(t=title.capitalize() if title != "pm" else "PM") + "\nNorway condemned the levy.\n"
    got = reactions(extractor, body)
    assert not any(_titles_only(name) for name in got), (title, frame, got)
    assert got.get("Norway") == "oppose"


PLACES = [("Peru", "Lima"), ("Kenya", "Nairobi"), ("Spain", "Madrid"), ("Norway", "Oslo")]
HOLDERS = [("Archbishop", "Archbishop Tomas Berglund of Sweden", "Tomas Berglund"),
           ("Cardinal", "Cardinal Ana Rojas of Chile", "Ana Rojas"),
           ("Prime Minister", "Swedish Prime Minister Tomas Berglund", "Tomas Berglund"),
           ("Foreign Minister", "Chilean Foreign Minister Ana Rojas", "Ana Rojas")]


@settings(max_examples=30, deadline=None, derandomize=True)
@given(st.sampled_from(HOLDERS), st.sampled_from(PLACES), st.booleans())
def test_a_title_of_another_place_is_not_the_holder_named_before(
        extractor: Extractor, holder: tuple[str, str, str], place: tuple[str, str], city: bool) -> None:
    """"X of Sweden welcomed the levy ... The Archbishop of Lima (or of Peru) condemned it": the second
    title is someone else, so the holder named first keeps their own stance."""
    title, named, name = holder
    where = place[1] if city else place[0]
    got = reactions(extractor, f"{named} welcomed the levy.\n\nThe {title} of {where} condemned it.\n")
    assert got.get(name) == "support", (named, where, got)


@settings(max_examples=20, deadline=None, derandomize=True)
@given(st.sampled_from([("Israel", "Israeli"), ("Peru", "Peruvian"), ("Kenya", "Kenyan"), ("Norway", "Norwegian"),
                        ("Japan", "Japanese")]),
       st.sampled_from(["Cabinet", "Government", "Foreign Ministry"]),
       st.sampled_from(["{c}'s {b} condemned the levy.\n", "The {d} {b} said the levy was a grave mistake.\n"]))
def test_a_body_named_by_a_title_word_keeps_its_reaction(extractor: Extractor, country: tuple[str, str], body: str,
                                                        frame: str) -> None:
    """"Israel's Cabinet condemned": a body ("cabinet" is also a title word, as in "cabinet secretary")."""
    got = reactions(extractor, frame.format(c=country[0], d=country[1], b=body))
    assert any(stance == "oppose" for stance in got.values()), (country, body, frame, got)
