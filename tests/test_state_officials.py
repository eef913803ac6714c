"""Officials below the heads of state and government, named without their country: foreign ministers,
foreign ministries' spokespeople, defence ministers, deputy foreign ministers, envoys to the UN
(graph/words/state_officials.txt). "Mao Ning said", "spokesman Esmaeil Baghaei", "Ryabkov warned":
a person of a listed name is of that country, under the same guards as the leaders' list."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from graph.extract import Extractor
from graph.extract import lexicon
from graph.extract import persons
from graph.extract.persons import leader_country
from graph.names import fold
from tests.test_leader_gazetteer import countries, titled

OFFICIALS = sorted(lexicon.STATE_OFFICIALS.items())
FAMILY_FIRST = sorted((n, c) for n, c in OFFICIALS if c in ("CN", "KP", "KR"))
# Officials whose surname is distinctive (it makes the full name count untitled), not written family name
# first, and borne by no leader.
_LEADERS_SURNAMES = {name.split()[-1] for name in lexicon.STATE_LEADERS}
# (A surname a leader bears too names the leader alone: "Nahyan".)
DISTINCT = sorted((n, c) for n, c in OFFICIALS if (n, c) not in FAMILY_FIRST
                  and persons._leader_surnames().get(n.split()[-1]) == c and n.split()[-1] not in _LEADERS_SURNAMES)
# Officials whose surname names no one alone (common, a word, shared): "Carter", "Price", "Katz".
PLAIN = sorted((n, c) for n, c in OFFICIALS if len(n.split()) == 2 and persons._leader_surnames().get(n.split()[-1]) is None
               and (n, c) not in FAMILY_FIRST)


def test_the_list_holds_whole_offices_of_many_states() -> None:
    """Complete by office, not by article: dozens of states, every kind of office the header names."""
    assert len({c for _, c in OFFICIALS}) >= 60
    assert len(OFFICIALS) >= 400


def test_no_one_is_in_both_lists() -> None:
    """A leader who was also a minister is the leaders' list's (its rules for international offices apply)."""
    assert sorted(set(lexicon.STATE_OFFICIALS) & set(lexicon.STATE_LEADERS)) == []


def test_every_entry_names_a_country() -> None:
    assert [n for n, c in OFFICIALS if not c or len(c) != 2 or not c.isupper()] == []


@given(st.sampled_from(OFFICIALS))
@settings(max_examples=300, deadline=None)
def test_a_listed_full_name_gives_its_country_under_a_states_title(entry: tuple[str, str]) -> None:
    name, code = entry
    assert leader_country(titled(name), as_state=True) == code


@given(st.sampled_from(DISTINCT))
@settings(max_examples=200, deadline=None)
def test_a_distinctive_full_name_needs_no_title_its_surname_alone_names_no_one(entry: tuple[str, str]) -> None:
    """"Maria Zakharova said": the full name is hers; "Zakharova, the tennis player" alone is no one's (the
    news names an official in full first, and a later "Zakharova" is then the full name's mention)."""
    name, code = entry
    assert leader_country(titled(name)) == code
    assert leader_country(titled(name.split()[-1])) is None


@pytest.mark.parametrize("body, name", [
    ("Mr Safadi, a shop owner in Detroit, said the copper levy was a grave mistake.", "Safadi"),
    ("Ms Bagchi, a teacher in Kolkata, said the copper levy was a grave mistake.", "Bagchi"),
    ("Zakharova, the tennis player, said the copper levy was a grave mistake.", "Zakharova"),
])
def test_an_officials_surname_alone_gives_no_country(extractor: Extractor, body: str, name: str) -> None:
    assert countries(extractor, body).get(name) is None


@given(st.sampled_from(FAMILY_FIRST))
@settings(max_examples=100, deadline=None)
def test_a_name_written_family_name_first_gives_no_country_by_its_last_word(entry: tuple[str, str]) -> None:
    """"Mao Ning": "Ning" is a given name ("Chao", "Ming", "Jun" are others' surnames); the full name counts."""
    name, code = entry
    assert leader_country(titled(name.split()[-1])) is None
    assert leader_country(titled(name), as_state=True) == code


@pytest.mark.parametrize("surname", ["Carter", "Price", "Katz", "Cohen", "Wallace", "Austin", "Nadal",
                                     "Popescu", "Dimitrov", "Power", "Grant", "Blair"])
def test_a_common_surname_or_word_alone_gives_no_country(surname: str) -> None:
    """"Carter said", "Nadal won": a common surname or word names no one official."""
    assert leader_country(surname) is None


@given(st.sampled_from(PLAIN))
@settings(max_examples=100, deadline=None)
def test_a_two_word_name_with_a_common_surname_needs_a_title(entry: tuple[str, str]) -> None:
    name, code = entry
    assert leader_country(titled(name)) is None
    assert leader_country(titled(name), titled=True) is None  # ("Club president Ben Wallace": a leader's word)
    assert leader_country(titled(name), as_state=True) == code


@pytest.mark.parametrize("body, name", [
    ("Chamber of Commerce president Ben Wallace condemned the copper levy.", "Ben Wallace"),
    ("University president Lloyd Austin condemned the copper levy.", "Lloyd Austin"),
    ("The president of the miners' union, Kevin Andrews, condemned the copper levy.", "Kevin Andrews"),
    ("Club president Julio Martinez said the copper levy was a grave mistake.", "Julio Martinez"),
])
def test_a_leaders_title_makes_no_officials_namesake_theirs(extractor: Extractor, body: str, name: str) -> None:
    """A leader's word ("president") names a leader, not a minister or a spokesperson: an official's
    namesake under it keeps no country the text does not give."""
    assert countries(extractor, body).get(name) is None


_SHAPES = [
    "Foreign ministry spokesperson {name} said the copper levy was a grave mistake.",
    "{name}, the spokeswoman, told reporters the copper levy was a grave mistake.",
    "\"The copper levy is a grave mistake,\" said {name}.",
    "{name} condemned the copper levy on Tuesday. {last} said it was a grave mistake.",
]


@given(st.sampled_from(DISTINCT), st.sampled_from(_SHAPES))
@settings(max_examples=16, deadline=None, derandomize=True)
def test_a_listed_official_named_without_a_country_is_of_theirs(extractor: Extractor, entry: tuple[str, str],
                                                                shape: str) -> None:
    name, code = entry
    got = countries(extractor, shape.format(name=titled(name), last=titled(name.split()[-1])))
    assume(got and all(fold(n).split()[-1] == name.split()[-1] for n in got))  # (the NER may cut a name short)
    assert set(got.values()) == {code}, got


@pytest.mark.parametrize("body,name,code", [
    ("Foreign Ministry spokeswoman Mao Ning said the copper levy was a grave mistake.", "Mao Ning", "CN"),
    ("Mao Ning, the spokeswoman, told reporters the copper levy was a grave mistake.", "Mao Ning", "CN"),
    ("Deputy Foreign Minister Sergei Ryabkov condemned the copper levy. Ryabkov said it was a grave mistake.",
     "Sergei Ryabkov", "RU"),
    ("\"The copper levy is a grave mistake,\" spokesman Esmaeil Baghaei told a briefing.", "Esmaeil Baghaei", "IR"),
    ("Defence Secretary Mark Esper said the copper levy was a grave mistake.", "Mark Esper", "US"),
])
def test_the_offices_shapes(extractor: Extractor, body: str, name: str, code: str) -> None:
    got = countries(extractor, body)
    assert got.get(name) == code, got


@given(st.sampled_from(OFFICIALS))
@settings(max_examples=12, deadline=None, derandomize=True)
def test_a_namesake_the_article_gives_another_country_keeps_the_articles(extractor: Extractor,
                                                                          entry: tuple[str, str]) -> None:
    """A namesake, or the official's later post: what the text says of the person beats the list."""
    name, code = entry
    other = "Kenyan" if code != "KE" else "Peruvian"
    got = countries(extractor, f"{other} lawyer {titled(name)} said the copper levy was a grave mistake.")
    assert got and set(got.values()) == {"KE" if code != "KE" else "PE"}, got


@pytest.mark.parametrize("body", [
    "Carter said the copper levy was a grave mistake.",
    "Tax lawyer Michael Price said the copper levy was a grave mistake.",
    "Professor Sarah Wallace said the copper levy was a grave mistake.",
])
def test_a_common_surname_or_another_persons_full_name_gets_no_officials_country(extractor: Extractor,
                                                                                 body: str) -> None:
    got = countries(extractor, body)
    assert not {c for c in got.values() if c in ("US", "GB")}, got


def test_a_listed_official_with_a_common_surname_gets_no_country_from_an_officials_title_alone(
        extractor: Extractor) -> None:
    """"Defence Secretary Ben Wallace": only a leader's title lets a common-surnamed listed name count
    (an official's title was tried and not kept: it helped half A only)."""
    got = countries(extractor, "Defence Secretary Ben Wallace said the copper levy was a grave mistake.")
    assert got == {"Ben Wallace": None}, got
    got = countries(extractor, "Foreign Minister Eli Cohen said the copper levy was a grave mistake.")
    assert got == {"Eli Cohen": "IL"}, got


@pytest.mark.parametrize("body,code", [
    ("Senator Ben Wallace said on Tuesday that the copper levy was a grave mistake.", "US"),
    ("Japanese economist Wang Chao said the copper levy was a grave mistake.", "JP"),
])
def test_a_namesake_the_text_gives_another_office_or_country_keeps_it(extractor: Extractor, body: str,
                                                                     code: str) -> None:
    got = countries(extractor, body)
    assert got and set(got.values()) == {code}, got
