"""A round-up's name line: the speaker's name and title on a line of their own above the quote.

Round-ups set "Chilean President Ana Rojas on X on July 6" or "Luis Prado, Foreign Minister of Peru" over
a paragraph of quote. The line's parse decides whether it names the quote's speaker: the person heads the
line (or is in apposition to a title that does), whatever tail says how or when they spoke. A line *about*
the person ("Supporters of President Ana Rojas on Sunday", "Ana Rojas's speech") and a byline ("Maria
Gomez, Reuters, Lima") name no speaker. All names, lines and quotes are invented for these tests.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.extract import Extractor
from graph.extract.roundups import is_byline, without_tail
from graph.models import ArticleInput

QUOTE = "\u201cThis levy is a grave mistake that will cost our miners their jobs.\u201d"
TITLE = "Canada imposes a levy on imported steel"


def speakers(extractor: Extractor, line: str) -> dict[str, str]:
    """Who speaks in an article with `line` above a paragraph of quote, and what each said."""
    body = f"Leaders reacted to the copper levy on Friday.\n\n{line}\n\n{QUOTE}\n\nNorway condemned the levy.\n"
    got = extractor.extract(extractor.prepare(ArticleInput(text=body, title=TITLE)))
    return {r.actor.name: r.evidence for r in got.reactions}


@pytest.mark.parametrize("line, name", [
    ("Peruvian Foreign Minister Luis Prado", "Luis Prado"),
    ("Luis Prado, Foreign Minister of Peru", "Luis Prado"),
    ("Luis Prado, Foreign Minister, Peru", "Luis Prado"),
    ("Chilean President Ana Rojas on July 6", "Ana Rojas"),
    ("Chilean President Ana Rojas on X on July 6", "Ana Rojas"),
    ("Ana Rojas, President of Chile, on Twitter", "Ana Rojas"),
    ("ANA ROJAS, PRESIDENT OF CHILE, ON TWITTER", "Ana Rojas"),
    ("Mexican Economy Minister Maria Lopez in a statement", "Maria Lopez"),
    ("Kenji Tanaka, Japan's Trade Minister", "Kenji Tanaka"),
    ("Kenji Tanaka, Climate Envoy, Japan", "Kenji Tanaka"),
    ("Regional development bank president Tomas Berglund", "Tomas Berglund"),
    ("Ana Rojas, President Of The Chilean Senate", "Ana Rojas"),
    ("Kenji Tanaka, 5 July 2025", "Kenji Tanaka"),
    ("Luis Prado, Peru's foreign minister, in a statement on Friday", "Luis Prado"),
    ("Former Chilean President Ana Rojas, on Facebook", "Ana Rojas"),
    ("Mexican Economy Minister Maria Lopez, May 4", "Maria Lopez"),
    ("Chilean President Ana Rojas's office", "Ana Rojas"),
    ("KENJI TANAKA'S SPOKESMAN, ON X", "Kenji Tanaka"),
])
def test_a_name_line_names_the_speaker_of_the_quote_below(extractor: Extractor, line: str, name: str) -> None:
    """The name heads its line, before or after its title, with or without a tail of how or when they
    spoke ("on X on July 6", ", 5 July 2025", "in a statement"), or is the possessor of one who speaks
    for them ("Ana Rojas's office"): the quote below is theirs."""
    got = speakers(extractor, line)
    assert name in got, (line, got)
    assert "grave mistake" in got[name]
    assert set(got) == {name, "Norway"}


@pytest.mark.parametrize("line", [
    "Supporters of President Ana Rojas on Sunday",
    "Message to President Ana Rojas on May 4",
    "President Ana Rojas's signing ceremony on Thursday",
    "Maria Gomez, Associated Press, La Paz, June 3",
    "A letter from Luis Prado, Foreign Minister of Peru",
    "Protesters outside the office of Luis Prado",
    "Interview with Ana Rojas on July 6",
    "By Maria Gomez, Reuters",
    "Ana Rojas's speech on Friday",
    "Critics of Luis Prado, Foreign Minister of Peru",
    "Maria Gomez, Reuters, Lima",
    "Tom Hale, Associated Press, June 3",
    "Questions for Chilean President Ana Rojas",
    "Ana Rojas and the copper levy",
    "A rally for Ana Rojas in Santiago on Sunday",
    "Photo: President Ana Rojas at the summit",
    "The view from Santiago",
])
def test_a_line_about_a_person_or_a_byline_names_no_speaker(extractor: Extractor, line: str) -> None:
    """A line whose head is something else (the person the object of a preposition, a possessive, one
    of two things joined), a caption, a heading or a byline does not make the quote below anyone's."""
    assert set(speakers(extractor, line)) == {"Norway"}, line


PEOPLE = [("Ana Rojas", "Chilean President", "President of Chile"),
          ("Luis Prado", "Peruvian Foreign Minister", "Foreign Minister of Peru"),
          ("Kenji Tanaka", "Japanese Trade Minister", "Trade Minister of Japan")]
TAILS = ["", " on July 6", " on X on May 4", ", on Facebook", " in a statement", ", 12 March 2024", " on Sunday"]
ABOUT = ["Supporters of {line}", "Message to {line}", "A rally for {line}", "Questions for {line}",
         "Reaction to {line}", "Critics of {line}", "A letter to {line}"]


@given(st.sampled_from(PEOPLE), st.booleans(), st.sampled_from(TAILS))
@settings(max_examples=20, deadline=None)
def test_any_name_and_title_with_any_tail_names_the_speaker(extractor: Extractor, person: tuple[str, str, str],
                                                            after: bool, tail: str) -> None:
    name, before, behind = person
    line = (f"{name}, {behind}" if after else f"{before} {name}") + tail
    assert set(speakers(extractor, line)) == {name, "Norway"}, line


@given(st.sampled_from(PEOPLE), st.booleans(), st.sampled_from(TAILS), st.sampled_from(ABOUT))
@settings(max_examples=25, deadline=None)
def test_the_same_name_line_inside_a_line_about_them_names_no_speaker(
        extractor: Extractor, person: tuple[str, str, str], after: bool, tail: str, about: str) -> None:
    """The near-miss of the class above: the same name and title as the object of a preposition."""
    name, before, behind = person
    line = about.format(line=(f"{name}, {behind}" if after else f"{before} {name}")) + tail
    assert set(speakers(extractor, line)) == {"Norway"}, line


@given(st.sampled_from(PEOPLE), st.sampled_from(["Trade Envoy", "Deputy Foreign Minister", "Ambassador"]),
       st.sampled_from(["New Zealand", "South Africa", "Costa Rica", "Sri Lanka", "United Arab Emirates",
                        "Nordic Copper Council", "Andean Miners Union"]))
@settings(max_examples=20, deadline=None)
def test_a_place_or_body_after_the_title_is_not_part_of_the_name(extractor: Extractor, person: tuple[str, str, str],
                                                                 title: str, place: str) -> None:
    """"Name, Title, Place": a country or a body of several words after the title says where they speak
    from; its words do not make the line too long a name to be one ("Luis Prado, Trade Envoy, Costa
    Rica", "..., Ambassador, Andean Miners Union")."""
    line = f"{person[0]}, {title}, {place}"
    assert set(speakers(extractor, line)) == {person[0], "Norway"}, line


@pytest.mark.parametrize("line, kept", [
    ("Chilean President Ana Rojas on X on July 6", "Chilean President Ana Rojas"),
    ("Luis Prado, Foreign Minister of Peru, in a statement on Friday", "Luis Prado, Foreign Minister of Peru"),
    ("Kenji Tanaka, 5 July 2025", "Kenji Tanaka"),
    ("Ana Rojas on Sunday", "Ana Rojas"),
    ("Ana Rojas on the copper levy", "Ana Rojas on the copper levy"),  # not how or when she spoke
    ("Ana Rojas in Santiago", "Ana Rojas in Santiago"),
])
def test_a_tail_is_only_how_or_when_they_spoke(line: str, kept: str) -> None:
    assert without_tail(line) == kept


@pytest.mark.parametrize("line, byline", [
    ("By Maria Gomez", True), ("Maria Gomez, Reuters, Lima", True), ("Tom Hale, Associated Press, June 3", True),
    ("Luis Prado, Foreign Minister of Peru", False), ("Kenji Tanaka, Climate Envoy, Japan", False),
    ("Byron Hale, Senator", False),
])
def test_a_byline_is_told_by_its_outlet_or_its_by(line: str, byline: bool) -> None:
    assert is_byline(line) == byline


@pytest.mark.parametrize("line", ["\u2014Ana Rojas", "\u2014 Ana Rojas", "\u2013 Ana Rojas", "- Ana Rojas"])
def test_a_signing_dash_is_not_part_of_the_name(extractor: Extractor, line: str) -> None:
    """'"..." / —Ana Rojas': the dash signs the quote above; the speaker is "Ana Rojas", not "—Ana Rojas"."""
    body = f"Leaders reacted to the copper levy on Friday.\n\n{QUOTE}\n\n{line}\n\nNorway condemned the levy.\n"
    got = extractor.extract(extractor.prepare(ArticleInput(text=body, title=TITLE)))
    assert {r.actor.name for r in got.reactions} == {"Ana Rojas", "Norway"}


@pytest.mark.parametrize("line, name", [
    ("Chilean President Ana Rojas on July 6:", "Ana Rojas"),
    ("Luis Prado, Foreign Minister, Peru:", "Luis Prado"),
    ("Ana Rojas (speaking in Lima):", "Ana Rojas"),
    ("Luis Prado (has yet to announce a run):", "Luis Prado"),
    ("Supporters of President Ana Rojas on Sunday:", None),
    ("Ana Rojas's speech on Friday:", None),
    ("Critics of Luis Prado:", None),
])
def test_a_label_with_a_colon_names_its_speaker_by_the_same_parse(extractor: Extractor, line: str,
                                                                 name: str | None) -> None:
    """'Name and title:' above the quote is the same line with a colon: the person heads it, or it is a
    label about them and names no speaker."""
    assert set(speakers(extractor, line)) == ({name, "Norway"} if name else {"Norway"}), line


@pytest.mark.parametrize("line", ["Luis Prado, Decree 14", "Ana Rojas, Marchers 3", "Kenji Tanaka on Mayday 4",
                                  "Ana Rojas, Augusta 9"])
def test_a_tail_date_is_a_whole_month_name(line: str) -> None:
    """Words that only begin like a month or its short form ("Decree", "Marchers", "Mayday", "Augusta") are
    no date: a tail's date is a whole month name."""
    assert without_tail(line) == line
