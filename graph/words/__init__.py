"""Word lists as data: one file per list in this folder, read once per process.

Each file opens with a header of `#` lines saying what belongs in the list
(and which lists it must not share an entry with); then one entry a line.
Lists of words are read with `words`; lists whose entries carry a value
after two or more spaces (a cue's weight, a country code) with `weights` or
`codes`. Keeping them out of the code lets a reviewer read and diff a
lexicon as a lexicon, and lets a test check the lists against each other.
"""

from __future__ import annotations

import functools
from pathlib import Path

FOLDER = Path(__file__).resolve().parent


def names() -> list[str]:
    """The names of every list here."""
    return sorted(p.stem for p in FOLDER.glob("*.txt"))


def header(name: str) -> str:
    """What belongs in the list `name`, as its file's header says."""
    lines = _lines(name)[0]
    return "\n".join(lines)


@functools.cache
def _lines(name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(header lines, entry lines) of the list `name`."""
    path = FOLDER / f"{name}.txt"
    if not path.is_file():
        raise LookupError(f"no word list {name!r} in {FOLDER}")
    head: list[str] = []
    entries: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") and not entries:
            head.append(line.lstrip("# ").rstrip())
        elif line.strip() and not line.startswith("#"):
            entries.append(line.strip())
    if not head:
        raise ValueError(f"word list {name!r} has no header saying what belongs in it")
    return tuple(head), tuple(entries)


def _pairs(name: str) -> list[tuple[str, str]]:
    out = []
    for line in _lines(name)[1]:
        entry, sep, value = line.rpartition("  ")
        if not sep or not entry.strip():
            raise ValueError(f"word list {name!r}: {line!r} has no value after two spaces")
        out.append((entry.strip(), value.strip()))
    return out


@functools.cache
def words(name: str) -> frozenset[str]:
    """The entries of a plain list."""
    return frozenset(_lines(name)[1])


@functools.cache
def weights(name: str) -> dict[str, float]:
    """Entry -> weight, in the file's order (the order cues are reported in)."""
    return {entry: float(value) for entry, value in _pairs(name)}


@functools.cache
def codes(name: str) -> dict[str, str | None]:
    """Entry -> country code ("-": none), in the file's order."""
    return {entry: None if value == "-" else value for entry, value in _pairs(name)}


def entries(name: str) -> list[str]:
    """The entries of any list, without their values: what a test compares across lists."""
    lines = _lines(name)[1]
    if all("  " in line for line in lines) and lines:
        return [entry for entry, _ in _pairs(name)]
    return list(lines)
