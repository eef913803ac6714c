"""Sentence-casing Title Case headlines from how the article's body writes its words."""

from __future__ import annotations

from graph.countries import gazetteer
from hypothesis import given
from hypothesis import strategies as st

from graph.extract.headline import Casing, is_capitals, is_heading, is_title_case

BODY = ("On Monday the Ministry of Trade said Acme Corp had closed its plant. "
        "Officials in Ottawa said the closure would cost jobs, and Acme declined to comment.")


def casing() -> Casing:
    return Casing(BODY, lambda word: gazetteer().lookup(word) is not None)


def test_words_the_body_writes_in_lowercase_lose_their_capitals() -> None:
    line = "Canada Furious As Acme Closes Plant In Ottawa"
    fixed = casing().sentence_case(line)
    assert fixed == "Canada furious as Acme closes plant in Ottawa"
    assert len(fixed) == len(line)  # offsets into the text stay valid


def test_names_acronyms_and_seats_of_government_keep_their_capitals() -> None:
    assert casing().sentence_case("Kremlin Slams US Tariffs On McDonald's Suppliers") == \
        "Kremlin slams US tariffs on McDonald's suppliers"


def test_lines_that_are_not_title_case_are_left_alone() -> None:
    assert casing().sentence_case("Canada is furious, the Ministry of Trade said.") == \
        "Canada is furious, the Ministry of Trade said."
    assert not is_title_case("Israel supportive of strike")
    assert is_title_case("Israel Supportive Of Strike")


def test_headings_are_short_and_do_not_end_like_sentences() -> None:
    assert is_heading("Israel supportive of strike")
    assert is_heading("Russia: decision is a mistake")
    assert not is_heading("Israel said it was supportive of the strike.")
    assert not is_heading(" ".join(["word"] * 17))


@given(st.lists(st.sampled_from(["MARCO", "RUBIO", "SECRETARY", "OF", "STATE", "US", "U.N.", "SECRETARY-GENERAL",
                                 "VON", "DER", "LEYEN", "RUSSIA'S", "FOREIGN", "MINISTRY", "NATO"]),
                min_size=1, max_size=8))
def test_a_line_in_capitals_is_written_as_a_name_changing_only_its_case(words: list[str]) -> None:
    """"US SECRETARY OF STATE MARCO RUBIO" -> "US Secretary of State Marco Rubio": the same letters and
    length (offsets stay valid), no word left in capitals but acronyms, connectors in lowercase."""
    line = " ".join(words)
    named = casing().name_case(line)
    assert len(named) == len(line) and named.lower() == line.lower()
    if is_capitals(line):
        for i, (old, new) in enumerate(zip(line.split(" "), named.split(" "))):
            if old in ("OF", "VON", "DER") and i > 0:
                assert new == old.lower(), (line, named)
            elif len(old.strip(".,")) > 3:
                assert not new.isupper(), (line, named)


@given(st.lists(st.sampled_from(["Leaders", "Slam", "Tariffs", "On", "Steel", "After", "Vote", "In", "Ottawa",
                                 "Warns", "Against", "Strikes", "Plan"]), min_size=2, max_size=7),
       st.sampled_from(["U.S.", "U.K.", "U.N.", "E.U.", "J."]), st.integers(min_value=1, max_value=7))
def test_a_dotted_acronym_or_an_initial_keeps_its_capitals_in_a_title_case_headline(
        words: list[str], dotted: str, at: int) -> None:
    """"Yuan Action Creates Fresh Conundrum For U.S. Treasury": its "U.S." stays "U.S." (not "U.s.", which
    reads as no acronym at all), wherever it stands in the headline."""
    line = " ".join([*words[:at], dotted, *words[at:]])
    fixed = casing().sentence_case(line)
    assert len(fixed) == len(line)
    if is_title_case(line):
        assert f" {dotted}" in fixed, (line, fixed)
