"""The gazetteer of persons by office (graph/words/state_leaders.txt) and its surname shortcut.

The file is real data (heads of state and government of every state, the
G20's and the EU's foreign ministers, 2014-2025), so these tests read its
entries at test time rather than naming persons; the rules of the
shortcut are tested on invented names. Articles are invented sentences.
"""

from __future__ import annotations

import collections

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from graph.countries import gazetteer
from graph.extract import Extractor
from graph.extract import lexicon
from graph.extract import persons
from graph.extract.persons import leader_country, surname_countries
from graph.models import ArticleInput
from graph.names import fold

LEADERS = lexicon.STATE_LEADERS
OFFICIALS = sorted((name, {**lexicon.STATE_OFFICIALS, **LEADERS}[name]) for name in lexicon.INTERNATIONAL_OFFICIALS)
NAMED = sorted((name, code) for name, code in LEADERS.items() if code and name not in lexicon.INTERNATIONAL_OFFICIALS)
UNNAMED = sorted(name for name, code in LEADERS.items() if code is None)
_CODES_BY_SURNAME: dict[str, set[str | None]] = collections.defaultdict(set)
for _name, _code in LEADERS.items():
    _CODES_BY_SURNAME[_name.split()[-1]].add(_code)
SHARED = sorted(s for s, codes in _CODES_BY_SURNAME.items() if len(codes - {None}) > 1)
GIVEN = {name.split()[0] for name in LEADERS if len(name.split()) > 1}
COMMON = sorted(s for s in _CODES_BY_SURNAME if s in lexicon.COMMON_SURNAMES)
# Listed persons whose surname names no one (common, a given name, a place, or shared): only a leader's title
# in the text makes a person of that full name the leader. (Not a name written family name first whose last
# word, a given name, names no one alone but passes the guards: "Moon Jae-in" needs no title.)
PLAIN = sorted((n, c) for n, c in NAMED if n.split()[-1] not in persons._leader_surnames())
DISTINCT = sorted((n, c) for n, c in NAMED if leader_country(n.split()[-1]) == c)

# Invented name parts: lowercase syllable strings no list holds as such.
_SYLLABLES = st.sampled_from(["ka", "lo", "mi", "ren", "dus", "vo", "tel", "ari", "zon", "bek", "qua", "sif"])
_PART = st.lists(_SYLLABLES, min_size=3, max_size=4).map("".join)
_CODE = st.sampled_from(["KE", "PE", "NO", "GH", "VN", "FJ"])


def titled(folded: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in folded.split())


def countries(extractor: Extractor, body: str) -> dict[str, str | None]:
    article = extractor.prepare(ArticleInput(text=body, title="Chile imposes a levy on imported copper"))
    return {r.actor.name: r.actor.country for r in extractor.extract(article).reactions}


@given(st.sampled_from(NAMED))
@settings(max_examples=300, deadline=None)
def test_a_listed_full_name_gives_its_country_under_a_leaders_title(entry: tuple[str, str]) -> None:
    name, code = entry
    assert leader_country(titled(name), titled=True) == code


@given(st.sampled_from(DISTINCT))
@settings(max_examples=200, deadline=None)
def test_a_listed_full_name_with_a_distinctive_surname_needs_no_title(entry: tuple[str, str]) -> None:
    name, code = entry
    assert leader_country(titled(name)) == code


@given(st.sampled_from([(n, c) for n, c in PLAIN if len(n.split()) == 2]))
@settings(max_examples=200, deadline=None)
def test_a_listed_two_word_name_with_a_common_surname_needs_a_title(entry: tuple[str, str]) -> None:
    """"Peter Blanco, a lawyer" may be anyone: a name of a leader whose surname names no one alone."""
    name, code = entry
    assert leader_country(titled(name)) is None


@given(st.sampled_from([(n, c) for n, c in PLAIN if len(n.split()) > 2]))
@settings(max_examples=100, deadline=None)
def test_a_listed_name_of_three_words_or_more_needs_no_title(entry: tuple[str, str]) -> None:
    """"Juan Manuel Blanco": a full name that long is rare enough to be the leader's."""
    name, code = entry
    assert leader_country(titled(name)) == code


@given(st.sampled_from([(n, c) for n, c in PLAIN if len(n.split()) > 2]), st.sampled_from(["Maria", "Ahmed", "John"]))
@settings(max_examples=100, deadline=None)
def test_a_part_of_a_listed_name_with_a_common_surname_gives_none(entry: tuple[str, str], first: str) -> None:
    """"Maria <surname>" of a "Maria Ana <surname>": a part of a name passes the same guards as a surname."""
    name, code = entry
    words = name.split()
    assert leader_country(titled(f"{words[0]} {words[-1]}")) is None
    assert leader_country(f"{first} {words[-1].title()}") is None


def test_a_part_of_a_name_two_countries_leaders_fit_gives_none(monkeypatch: pytest.MonkeyPatch) -> None:
    """Invented: "Ana Quarel" fits the leaders of two countries, "Ana Bo Quarel" one."""
    leaders = {"ana lu quarel": "PE", "ana bo quarel": "KE", "tomas vireck": "NO"}
    monkeypatch.setattr(lexicon, "STATE_LEADERS", leaders)
    monkeypatch.setattr(lexicon, "STATE_OFFICIALS", {})
    caches = (persons._people, persons._given_last, persons._leaders_by_surname, persons._leader_surnames)
    for cache in caches:
        cache.cache_clear()
    try:
        assert leader_country("Ana Quarel", titled=True) is None
        assert leader_country("Ana Bo Quarel", titled=True) == "KE"
        assert leader_country("Bo Quarel", titled=True) == "KE"
        assert leader_country("Bo Quarel") is None  # (a surname two countries share, and two words: no one)
        assert leader_country("Ana Bo Quarel") == "KE"  # (a listed name of three words is rare itself)
        assert leader_country("Tomas Vireck") == leader_country("Vireck") == "NO"
    finally:
        for cache in caches:
            cache.cache_clear()


@given(st.sampled_from(UNNAMED))
def test_a_holder_of_an_international_office_takes_no_country_by_name(name: str) -> None:
    """Whoever the news may name as the head of an international body ("Secretary-General of NATO")
    is given no country by their name alone, whether or not they once led a state."""
    assert leader_country(titled(name)) is None
    assert leader_country(name.split()[-1].title()) is None


@given(st.sampled_from(OFFICIALS))
def test_a_state_leader_who_headed_an_international_body_is_theirs_only_under_a_states_title(
        entry: tuple[str, str]) -> None:
    name, code = entry
    assert code and leader_country(titled(name), as_state=True) == code
    assert leader_country(titled(name)) is None
    assert leader_country(titled(name), titled=True) is None  # ("ECB President": a leader's word, a body's title)
    assert leader_country(name.split()[-1].title(), as_state=True) is None


@pytest.mark.parametrize("role,organization,expected", [
    ("Prime Minister", None, True), ("Foreign Minister", None, True), ("prime minister", None, True),
    ("President", None, False), ("ECB President", None, False), ("Secretary General", "NATO", False),
    ("Prime Minister", "European Council", False), ("former Prime Minister", None, False), (None, None, False)])
def test_a_states_title_is_a_leaders_title_alone_naming_no_body(role: str | None, organization: str | None,
                                                                expected: bool) -> None:
    assert persons.state_title(role, organization) is expected


@given(st.sampled_from(OFFICIALS), st.sampled_from(["Prime Minister", "Foreign Minister"]),
       st.sampled_from(["Trade Council Chair", "Secretary General", "Commission President"]))
@settings(max_examples=8, deadline=None, derandomize=True)
def test_an_officials_state_title_gives_their_state_a_bodys_none(extractor: Extractor, entry: tuple[str, str],
                                                                 state: str, body: str) -> None:
    name, code = entry
    got = countries(extractor, f"{state} {titled(name)} said the copper levy was a grave mistake.")
    assert list(got.values()) == [code], got
    got = countries(extractor, f"{body} {titled(name)} said the copper levy was a grave mistake.")
    assert code not in got.values(), got


@pytest.mark.parametrize("surname", SHARED)
def test_a_surname_two_countries_leaders_bear_gives_no_country(surname: str) -> None:
    assert leader_country(surname.title()) is None


@pytest.mark.parametrize("surname", COMMON)
def test_a_leaders_common_surname_or_word_alone_gives_no_country(surname: str) -> None:
    """"Khan said", "Key said": a common surname or word names no one leader."""
    assert leader_country(surname.title()) is None


def test_a_leaders_surname_that_is_another_leaders_given_name_gives_no_country() -> None:
    clashes = sorted(s for s in _CODES_BY_SURNAME if s in GIVEN)
    assert clashes, "the list has no such surname: the rule is untested"
    assert [s for s in clashes if leader_country(s.title()) is not None] == []


def test_a_leaders_surname_that_is_a_place_gives_no_country() -> None:
    places = sorted(s for s in _CODES_BY_SURNAME if gazetteer().lookup(s) is not None)
    assert [s for s in places if leader_country(s.title()) is not None] == []


@given(_PART, _PART, _CODE)
def test_an_invented_leaders_unique_surname_gives_their_country(first: str, last: str, code: str) -> None:
    assume(last not in (first, "ana", "beltrano"))
    got = surname_countries({f"{first} {last}": code, "ana beltrano": "PE"}, frozenset(), lambda w: False)
    assert got[last] == code


@given(_PART, _PART, _PART, _CODE, _CODE)
def test_an_invented_surname_two_countries_share_gives_none(a: str, b: str, last: str, one: str,
                                                            other: str) -> None:
    assume(a != b)
    got = surname_countries({f"{a} {last}": one, f"{b} {last}": other}, frozenset(), lambda w: False)
    assert (last in got) == (one == other and last not in (a, b))


@given(_PART, _PART, _CODE)
def test_an_invented_common_given_or_place_surname_gives_none(first: str, last: str, code: str) -> None:
    leaders = {f"{first} {last}": code}
    assert last not in surname_countries(leaders, frozenset({last}), lambda w: False)
    assert last not in surname_countries(leaders, frozenset(), lambda w: w == last)
    assert last not in surname_countries({**leaders, f"{last} {first}x": code}, frozenset(), lambda w: False)
    assert last not in surname_countries({**leaders, f"{first}x {last}": None}, frozenset(), lambda w: False)


@given(_PART, _PART, _CODE, _CODE)
def test_an_invented_surname_another_leader_bears_as_a_middle_name_still_counts(first: str, last: str, code: str,
                                                                               other: str) -> None:
    """A middle word may be a second surname ("X Obama Y" of another state): only a first name blocks."""
    assume(first != last)
    leaders = {f"{first} {last}": code, f"{first}x {last} {first}y": other}
    assert surname_countries(leaders, frozenset(), lambda w: False).get(last) == code


@given(st.sampled_from(DISTINCT))
@settings(max_examples=12, deadline=None, derandomize=True)
def test_a_listed_person_named_without_a_country_is_of_theirs(extractor: Extractor,
                                                              entry: tuple[str, str]) -> None:
    name, code = entry
    got = countries(extractor, f"{titled(name)} said the copper levy was a grave mistake.")
    assume([fold(n).split()[-1] for n in got] == [name.split()[-1]])  # (the NER may cut a name short)
    assert list(got.values()) == [code], got  # (or keep a part of it: "Davutoglu")


@given(st.sampled_from(NAMED))
@settings(max_examples=12, deadline=None, derandomize=True)
def test_a_listed_name_the_article_gives_another_country_keeps_the_articles(extractor: Extractor,
                                                                           entry: tuple[str, str]) -> None:
    """A namesake, or a leader's later post: what the text says of the person beats the list."""
    name, code = entry
    other = "Kenyan" if code != "KE" else "Peruvian"
    got = countries(extractor, f"{other} lawyer {titled(name)} said the copper levy was a grave mistake.")
    assert got and set(got.values()) == {"KE" if code != "KE" else "PE"}, got


_OTHER_TITLES = ["Senator", "Sen.", "Congressman", "Congresswoman"]


@given(st.sampled_from(NAMED), st.sampled_from(_OTHER_TITLES))
@settings(max_examples=12, deadline=None, derandomize=True)
def test_a_namesake_the_text_gives_another_countrys_office_keeps_it(extractor: Extractor,
                                                                     entry: tuple[str, str], title: str) -> None:
    """"Senator <a leader's name>": the office the text gives is American, whatever the list says."""
    name, code = entry
    assume(code != "US")
    got = countries(extractor, f"{title} {titled(name)} said on Tuesday that the copper levy was a grave mistake.")
    assert got and set(got.values()) == {"US"}, got


@given(st.sampled_from([(n, c) for n, c in PLAIN if len(n.split()) == 2]))
@settings(max_examples=10, deadline=None, derandomize=True)
def test_a_common_named_leader_is_theirs_only_under_a_leaders_title(extractor: Extractor,
                                                                   entry: tuple[str, str]) -> None:
    name, code = entry
    got = countries(extractor, f"{titled(name)}, a lawyer for the copper importers, said the levy was a grave mistake.")
    assert code not in got.values(), got
    got = countries(extractor, f"Prime Minister {titled(name)} said the copper levy was a grave mistake.")
    assert list(got.values()) == [code], got


def test_the_list_covers_the_states_of_the_world() -> None:
    """Complete by office: a head of state or government for every state the list claims, not only
    those a corpus happened to need (193 UN members and 2 observers, Taiwan; one may share a monarch)."""
    assert len({code for code in LEADERS.values() if code}) >= 190
