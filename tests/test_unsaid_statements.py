"""Statements that were not made, or were made long before the event: no reactions to it.

A denied verb of saying ("did not mention", "has never condemned", "has yet to comment", "declined
to say whether") tells a silence, which states no position (the guideline: a reaction is an actor
expressing a position on the event). A verb of saying dated well before the article ("In 2008",
"back in 2016", "two years ago", "last year") tells what was said about an earlier matter. The
near-misses stay: a denied verb of holding a position ("does not support", "will not recognise")
opposes, a declared refusal is a response, and a time phrase of the day ("on Monday") or one hung
on another clause ("In 2020 the pact was signed; on Friday X said ...") dates nothing said.

Every sentence here was written for this test, about an invented event.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.extract import Extractor
from graph.models import ArticleInput, Extraction

TITLE = "Canada imposes a levy on imported steel"
LEAD = "Canada on Tuesday imposed a levy of 25 percent on imported steel, citing a flood of cheap metal."
PUBLISHED = dt.date(2024, 5, 3)
SPEAKERS = ["Germany", "Norway", "Peru", "Japan's trade minister Aiko Tanabe", "The European Commission",
            "Senator Ruth Abiodun"]


def run(extractor: Extractor, sentence: str, title: str = TITLE, published: dt.date | None = PUBLISHED) -> Extraction:
    article = ArticleInput(text=f"{LEAD}\n\n{sentence}", title=title, published=published)
    return extractor.extract(extractor.prepare(article))


def reactions(extractor: Extractor, sentence: str, **kwargs: object) -> dict[str, str]:
    return {r.actor.name: r.stance for r in run(extractor, sentence, **kwargs).reactions}  # type: ignore[arg-type]


# -- denied verbs of saying ---------------------------------------------------

DENIALS = ["did not {base}", "has not {pp}", "had not {pp}", "has never {pp}", "never {pp}", "did not publicly {base}",
           "didn't {base}"]
SAYING = [("mention", "mentioned"), ("condemn", "condemned"), ("criticise", "criticised"), ("praise", "praised"),
          ("denounce", "denounced"), ("hail", "hailed")]


@settings(max_examples=30, deadline=None)
@given(who=st.sampled_from(SPEAKERS), denial=st.sampled_from(DENIALS), verb=st.sampled_from(SAYING))
def test_a_denied_verb_of_saying_is_no_reaction(extractor: Extractor, who: str, denial: str,
                                                verb: tuple[str, str]) -> None:
    sentence = f"{who} {denial.format(base=verb[0], pp=verb[1])} the levy in remarks to reporters."
    assert reactions(extractor, sentence) == {}, sentence


@pytest.mark.parametrize("sentence", [
    "Paris has yet to comment on the levy.",
    "Norway is yet to react to the levy.",
    "Britain declined to say whether it would retaliate against the levy.",
    "Mexico refused to say if it would challenge the levy at the WTO.",
    "Germany did not mention the levy in its statement on trade.",
    "Peru did not say anything about the levy.",
])
def test_a_silence_or_a_refusal_to_answer_is_no_reaction(extractor: Extractor, sentence: str) -> None:
    assert reactions(extractor, sentence) == {}, sentence


@pytest.mark.parametrize("sentence, expected", [
    # a denied verb of holding a position opposes
    ("Brazil said it does not support the levy.", {"Brazil": "oppose"}),
    ("Mexico said it will not recognise the levy.", {"Mexico": "oppose"}),
    ("Norway did not welcome the levy.", {"Norway": "oppose"}),
    # a denial of holding back affirms
    ("France did not hesitate to condemn the levy.", {"France": "oppose"}),
    ("Italy did not wait to denounce the levy.", {"Italy": "oppose"}),
    ("Greece did not hesitate to praise the levy.", {"Greece": "support"}),
    ("Peru has not stopped criticising the levy.", {"Peru": "oppose"}),
    # a denial that goes on to say something, or someone else who speaks
    ("Germany did not mention the levy by name but called it a mistake.", {"Germany": "oppose"}),
    ("Peru has yet to comment, but Chile condemned the levy.", {"Chile": "oppose"}),
])
def test_a_denied_position_or_a_denial_that_says_more_stays_a_reaction(extractor: Extractor, sentence: str,
                                                                        expected: dict[str, str]) -> None:
    assert reactions(extractor, sentence) == expected, sentence


# -- statements dated before the event ------------------------------------------

EARLIER = ["In 2008,", "Back in 2016,", "Two years ago,", "Last year,", "A decade ago,", "In March 2019,",
           "Three months ago,", "Only last month", "In early 2011,"]
SAID = ["condemned a steel levy as protectionism.", "welcomed plans for a steel levy.",
        "criticised Canada's trade policy.", "praised free trade in steel."]


@settings(max_examples=30, deadline=None)
@given(when=st.sampled_from(EARLIER), who=st.sampled_from(SPEAKERS), what=st.sampled_from(SAID))
def test_a_statement_dated_before_the_article_is_no_reaction(extractor: Extractor, when: str, who: str,
                                                             what: str) -> None:
    sentence = f"{when} {who} {what}"
    assert reactions(extractor, sentence) == {}, sentence


SAME_TIME = ["In a statement on Monday,", "On Friday,", "Last week,", "Earlier this year,", "In 2024,", "In May 2024,",
             "Hours later,", "In 2020 the steel pact was signed; on Friday",
             "In December 2023,"]  # (the year before the article's: the event may be of last December)
ABOUT_IT = ["condemned the levy as protectionism.", "said the levy was a grave mistake.", "welcomed the levy."]


@settings(max_examples=30, deadline=None)
@given(when=st.sampled_from(SAME_TIME), who=st.sampled_from(SPEAKERS), what=st.sampled_from(ABOUT_IT))
def test_a_statement_of_the_day_stays_a_reaction(extractor: Extractor, when: str, who: str, what: str) -> None:
    """A day or a time of this year dates nothing earlier, nor does a year hung on another clause."""
    sentence = f"{when} {who} {what}"
    assert len(reactions(extractor, sentence)) == 1, sentence


def test_the_year_of_the_event_itself_dates_nothing(extractor: Extractor) -> None:
    """An article years on, about an event its title dates: what was said that year answers it."""
    title = "Canada's 2021 levy on imported steel, three years on"
    assert reactions(extractor, "In 2021, Germany condemned the levy as protectionism.", title=title) == \
        {"Germany": "oppose"}


MENTIONS_A_YEAR = ["In a nod to the {year} convention on trade,", "In line with its {year} pledge to keep trade open,",
                   "In a statement recalling its {year} report on steel,", "In the spirit of its {year} pact with Chile,"]


@settings(max_examples=30, deadline=None)
@given(phrase=st.sampled_from(MENTIONS_A_YEAR), year=st.integers(1950, 2021), who=st.sampled_from(SPEAKERS),
       what=st.sampled_from(ABOUT_IT))
def test_a_phrase_that_only_mentions_a_year_dates_nothing(extractor: Extractor, phrase: str, year: int, who: str,
                                                          what: str) -> None:
    """The time phrase must be a date itself: "in line with its 2018 pledge" says why, not when."""
    sentence = f"{phrase.format(year=year)} {who} {what}"
    assert len(reactions(extractor, sentence)) == 1, sentence


@pytest.mark.parametrize("who", ["Germany", "Norway", "The European Commission"])
def test_a_dated_clause_does_not_date_the_clause_joined_to_it(extractor: Extractor, who: str) -> None:
    """"X praised it in 2019 but now criticises it": the second verb has no date of its own (its stance is
    the judge's business; what matters here is that the reaction stays)."""
    assert who.removeprefix("The ") in reactions(
        extractor, f"{who} praised free trade in 2019 but now criticises the levy as protectionism.")


def test_an_explicit_year_needs_the_article_date(extractor: Extractor) -> None:
    """Without a publication date, "in 2008" cannot be placed before the event; "two years ago" can."""
    assert reactions(extractor, "In 2008, Germany condemned the levy.", published=None) == {"Germany": "oppose"}
    assert reactions(extractor, "Two years ago, Germany condemned a steel levy.", published=None) == {}
