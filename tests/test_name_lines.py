"""A round-up's name line: the speaker's name and title on a line of their own above the quote.

Round-ups set "Chilean President Ana Rojas on X on July 6" or "Luis Prado, Foreign Minister of Peru" over
a paragraph of quote. The line's parse decides whether it names the quote's speaker: the person heads the
line (or is in apposition to a title that does), whatever tail says how or when they spoke. A line *about*
the person ("Supporters of President Ana Rojas on Sunday", "Ana Rojas's speech"), a byline ("Maria
Gomez, Reuters, Lima", "Maria Gomez, Staff Writer") and a dateline ("Maria Gomez, Lima, May 3") name no
speaker; a media executive ("..., Director-General, BBC") and a named aide ("X's envoy Y", not X) do. All
names, lines and quotes are invented for these tests.
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


CAPTIONS = ["{line} at a fish market in Valparaiso", "{line} with miners outside the plant", "{line} (right) with workers",
            "{line} at a steel mill with workers", "{line} in front of the parliament", "{line} (centre) at the summit",
            "{line} near the border on Friday", "{line}, pictured, in Oslo"]


@given(st.sampled_from(PEOPLE), st.booleans(), st.sampled_from(CAPTIONS))
@settings(max_examples=25, deadline=None)
def test_a_caption_of_a_name_line_person_names_no_speaker(extractor: Extractor, person: tuple[str, str, str],
                                                          after: bool, caption: str) -> None:
    """A photo caption or a line about where the person is, above a quote, is not a name line: where
    they stand or are seen ("at the summit", "(left) with workers") is not how they spoke."""
    name, before, behind = person
    line = caption.format(line=(f"{name}, {behind}" if after else f"{before} {name}"))
    assert name not in speakers(extractor, line), line


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
    ("Tom Hale, Staff Writer", True), ("Tom Hale, Lima bureau, June 3", True),
    ("Helen Ruiz, Director-General, Associated Press", False), ("Tom Hale, Editor-in-Chief, Reuters", False),
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


# Bylines and datelines: who wrote the story, with a reporter's job, or only a place and a date.
REPORTERS = ["Tove Lindqvist", "Helen Marsh", "Joseph Kamau", "Laura Pereira"]
REPORTER_JOBS = ["Staff Writer", "Reporter", "Senior Correspondent", "Economics Writer", "Metro Desk",
                 "Santiago bureau", "Columnist", "Political Editor"]
PLACES = ["Santiago", "Bergen", "Kumasi", "Montevideo"]
DATES = ["June 14", "14 June 2025", "on Thursday", "Aug. 2", "Sunday"]


@given(st.sampled_from(REPORTERS), st.sampled_from(REPORTER_JOBS), st.sampled_from(["", *PLACES]),
       st.sampled_from(["", *DATES]))
@settings(max_examples=30, deadline=None)
def test_a_reporter_with_a_job_title_is_a_byline(extractor: Extractor, name: str, job: str, place: str,
                                                 date: str) -> None:
    """'Name, Staff Writer, Place, Date': a reporter's job, wherever the line goes after it, is a byline;
    the quote below is not the reporter's."""
    line = ", ".join(p for p in (name, job, place, date.removeprefix("on ")) if p)
    assert name not in speakers(extractor, line), line


@given(st.sampled_from(REPORTERS), st.sampled_from(PLACES), st.sampled_from(DATES),
       st.sampled_from(["{name}, {place}, {date}", "{name} in {place}, {date}", "{name} | {place} | {date}",
                        "{name}, {date}"]))
@settings(max_examples=30, deadline=None)
def test_a_name_with_only_a_place_and_a_date_is_a_dateline(extractor: Extractor, name: str, place: str, date: str,
                                                           shape: str) -> None:
    """A name with a place and a date and no office says who filed the story from where, not who spoke."""
    line = shape.format(name=name, place=place, date=date)
    assert name not in speakers(extractor, line), line


@pytest.mark.parametrize("line, name", [
    ("Senator Laura Pereira, Kumasi, June 14", "Laura Pereira"),  # an office: a speaker, where and when
    ("Chilean Finance Minister Joseph Kamau, on Thursday", "Joseph Kamau"),
])
def test_an_office_with_a_place_and_a_date_still_names_the_speaker(extractor: Extractor, line: str,
                                                                  name: str) -> None:
    assert set(speakers(extractor, line)) == {name, "Norway"}, line


# Media executives speak for their own newsroom: an office before the outlet is no reporter's.
EXECUTIVES = ["Chief Executive", "Director-General", "Editor-in-Chief", "Managing Director", "Chairwoman",
              "President"]
OUTLETS = ["Reuters", "BBC", "Associated Press"]


@given(st.sampled_from(REPORTERS), st.sampled_from(EXECUTIVES), st.sampled_from(OUTLETS))
@settings(max_examples=20, deadline=None)
def test_a_media_executive_speaks_for_the_newsroom(extractor: Extractor, name: str, office: str, outlet: str) -> None:
    line = f"{name}, {office}, {outlet}"
    assert set(speakers(extractor, line)) == {name, "Norway"}, line


@given(st.sampled_from(REPORTERS), st.sampled_from(OUTLETS), st.sampled_from(["", *PLACES]),
       st.sampled_from(["Staff Writer", "Correspondent", ""]))
@settings(max_examples=20, deadline=None)
def test_a_reporter_beside_an_outlet_is_still_a_byline(extractor: Extractor, name: str, outlet: str, place: str,
                                                        job: str) -> None:
    """The near-miss of the executive: a reporter's job, or no office at all, beside the outlet."""
    line = ", ".join(p for p in (name, job, outlet, place) if p)
    assert name not in speakers(extractor, line), line


# "X's adviser Y": the line is Y's. X speaks through an aide only when the aide is not named.
PRINCIPALS = [("President Ama Osei", "Ama Osei"), ("Rafael Cuesta", "Rafael Cuesta"),
              ("Foreign Minister Ilse Berg", "Ilse Berg"), ("King Omar Haddad", "Omar Haddad")]
AIDES = ["adviser", "aide", "envoy", "spokesman", "spokeswoman", "chief adviser", "special envoy", "senior adviser"]
AIDE_NAMES = ["Kofi Mensah", "Lena Vogt", "Mateo Ibarra", "Nadia Saleh"]


@given(st.sampled_from(PRINCIPALS), st.sampled_from(AIDES), st.sampled_from(AIDE_NAMES), st.booleans(),
       st.sampled_from(["", " on X", ", in a statement", " on Friday"]))
@settings(max_examples=50, deadline=None)
def test_a_named_aide_is_not_their_principal(extractor: Extractor, principal: tuple[str, str], aide: str,
                                             aide_name: str, comma: bool, tail: str) -> None:
    """'President X's envoy Y': the quote is Y's (or, if the line is not read, no one's), never X's."""
    line = f"{principal[0]}'s {aide}{',' if comma else ''} {aide_name}{tail}"
    got = speakers(extractor, line)
    assert principal[1] not in got and set(got) <= {aide_name, "Norway"}, (line, got)


@pytest.mark.parametrize("line", ["King Omar Haddad's senior adviser, Nadia Saleh",
                                  "Foreign Minister Ilse Berg's special envoy, Nadia Saleh, on X"])
def test_an_aide_the_tagger_misses_is_still_not_the_principal(extractor: Extractor, line: str) -> None:
    """The aide's name hangs from "adviser" in the parse even where the tagger takes it for a body's."""
    assert "Omar Haddad" not in speakers(extractor, line) and "Ilse Berg" not in speakers(extractor, line), line


@given(st.sampled_from(PRINCIPALS), st.sampled_from(["spokesman", "spokeswoman", "office", "spokesperson"]),
       st.sampled_from(["", " on X", ", in a statement"]))
@settings(max_examples=40, deadline=None)
def test_an_unnamed_aide_speaks_for_the_principal(extractor: Extractor, principal: tuple[str, str], aide: str,
                                                  tail: str) -> None:
    """The near-miss: with no one else named, the spokesman's quote is the principal's."""
    line = f"{principal[0]}'s {aide}{tail}"
    assert set(speakers(extractor, line)) == {principal[1], "Norway"}, line


# A bracketed aside on a label line is not the line's: the rest of it decides.
@pytest.mark.parametrize("line, name", [
    ("Supporters of Rafael Cuesta (right):", None),
    ("An open letter to President Ama Osei (in full):", None),
    ("Rafael Cuesta's address (transcript):", None),
    ("Questions for Ilse Berg (via email):", None),
    ("Rafael Cuesta (has not said whether he will run):", "Rafael Cuesta"),
    ("Rafael Cuesta (speaking in Quito):", "Rafael Cuesta"),
    ("President Ama Osei (pictured):", "Ama Osei"),
])
def test_a_bracketed_aside_leaves_the_label_to_the_rest_of_the_line(extractor: Extractor, line: str,
                                                                    name: str | None) -> None:
    assert set(speakers(extractor, line)) == ({name, "Norway"} if name else {"Norway"}), line


@pytest.mark.parametrize("line", ["Luis Prado, Decree 14", "Ana Rojas, Marchers 3", "Kenji Tanaka on Mayday 4",
                                  "Ana Rojas, Augusta 9"])
def test_a_tail_date_is_a_whole_month_name(line: str) -> None:
    """Words that only begin like a month or its short form ("Decree", "Marchers", "Mayday", "Augusta") are
    no date: a tail's date is a whole month name."""
    assert without_tail(line) == line
