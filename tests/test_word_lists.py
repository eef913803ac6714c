"""The word lists in graph/words: each says what belongs in it, and no two contradict each other."""

from __future__ import annotations

import itertools

import pytest

from graph import words

# Lists whose entries decide opposite things: a word in two of them is read by whichever list the code
# asks first ("irreversible" as an oppose cue hid it as a commitment, which opposes only withdrawals).
CONTRADICTING = {
    "stance cues": ["support_cues", "oppose_cues", "commitment_cues", "neutral_cues", "watching_phrases",
                    "settling_phrases"],
}


def conflicts(lists: dict[str, list[str]]) -> list[str]:
    """Entries that appear in two contradicting lists, as 'entry: list, list'."""
    out = []
    for group in CONTRADICTING.values():
        for a, b in itertools.combinations(group, 2):
            out += [f"{entry!r}: {a}, {b}" for entry in sorted(set(lists[a]) & set(lists[b]))]
    return out


def test_every_list_has_a_header_and_entries() -> None:
    assert len(words.names()) >= 30
    for name in words.names():
        assert len(words.header(name)) > 20, name
        assert words.entries(name), name


@pytest.mark.parametrize("name", words.names())
def test_no_entry_twice_in_one_list(name: str) -> None:
    entries = words.entries(name)
    assert len(entries) == len(set(entries)), sorted({e for e in entries if entries.count(e) > 1})


def test_no_entry_in_two_contradicting_lists() -> None:
    found = conflicts({name: words.entries(name) for group in CONTRADICTING.values() for name in group})
    assert not found, "\n".join(found)


def test_the_conflict_check_finds_a_planted_conflict() -> None:
    lists = {name: [] for group in CONTRADICTING.values() for name in group}
    lists["support_cues"], lists["oppose_cues"] = ["welcome", "fine"], ["fine", "condemn"]
    assert conflicts(lists) == ["'fine': support_cues, oppose_cues"]


def test_adjective_cues_are_stance_cues() -> None:
    cues = set(words.weights("support_cues")) | set(words.weights("oppose_cues"))
    assert words.words("adjective_cues") <= cues


def test_no_subdivision_is_a_country_name_demonym_or_capital() -> None:
    """A state of a country is read only where the gazetteer finds no country: an entry the gazetteer
    knows ("Georgia", "Washington") would be dead, or read as two countries."""
    from graph.countries import gazetteer

    known = [entry for entry in words.entries("subdivisions") if gazetteer().lookup(entry) is not None]
    assert not known, known
