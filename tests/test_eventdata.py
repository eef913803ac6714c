"""The CAMEO event-data export and the alignment GraphML, parsed back and checked row by row."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest
from click.testing import Result
from flask import Flask
from hypothesis import given, strategies as st

from graph import eventdata

from .world import ACTORS, ARTICLES, EVENTS, World, build, quote


@pytest.fixture
def world(app: Flask) -> World:
    return build(app.extensions["reactiongraph"].store)


def _read(text: str) -> list[dict[str, str]]:
    lines = text.splitlines()
    assert all(line.count("\t") == len(eventdata.COLUMNS) - 1 for line in lines)
    return list(csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))


CODES = {"macron": "FRAGOV", "quai": "FRAGOV", "sunak": "GBRGOV", "uk": "GBR", "scholz": "DEUGOV",
         "putin": "RUSGOV", "lavrov": "RUSGOV", "xi": "CHNGOV", "guterres": "IGOUNO", "manu": "FRA"}


def test_every_reaction_is_one_row_with_its_cameo_codes(invoke: Callable[..., Result], world: World,
                                                        tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    result = invoke("export", "--format", "events", "-o", str(out))
    assert result.exit_code == 0, result.output
    rows = _read(out.read_text(encoding="utf-8"))
    expected = [(event, suffix, published, url, actor, stance) for event, suffix, published, url, stances in ARTICLES
                for actor, stance in stances.items()]
    assert len(rows) == len(expected) == 32
    by_reaction = {(r["event_id"], r["source_name"], r["url"]): r for r in rows}
    cameo = {"support": ("051", "3.4", "1"), "oppose": ("111", "-2.0", "3"), "neutral": ("010", "0.0", "1")}
    for event, suffix, published, url, actor, stance in expected:
        row = by_reaction[(world.events[event], ACTORS[actor].name, url)]
        assert row["date"] == published.isoformat()
        assert row["source_code"] == CODES[actor] and row["source_country"] == (ACTORS[actor].country or "")
        assert (row["cameo_code"], row["goldstein"], row["quad_class"]) == cameo[stance]
        assert row["stance"] == stance and row["event_label"] == EVENTS[event][0]
        # The quote's tab and line break became spaces; markup stays as text.
        assert row["quote"] == " ".join(quote(actor, stance, event).replace("\t", " ").splitlines())
        assert "<b>matters</b> &" in row["quote"]
        # Putin's decision names its maker; the other events name nobody stored.
        assert (row["target_name"], row["target_code"]) == (
            ("Vladimir Putin", "RUSGOV") if event == "E2" else ("", ""))
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    assert rows[0]["url"] == "https://news.example/e1"
    assert any(r["url"] == "https://news.example/e4b?x=1&y=<2>" for r in rows)


def test_one_event_to_stdout(invoke: Callable[..., Result], world: World) -> None:
    result = invoke("export", "--format", "events", "--event", world.events["E5"])
    assert result.exit_code == 0, result.output
    rows = _read(result.stdout)
    assert sorted(r["source_name"] for r in rows) == ["Manu Elysee", "Rishi Sunak"]
    mine = _read(invoke("export", "--format", "events", "--actor", world.actors["xi"]).stdout)
    assert [r["stance"] for r in mine] == ["oppose", "oppose", "neutral"]
    missing = invoke("export", "--format", "events", "--event", "ev-nothing")
    assert missing.exit_code == 2 and "ev-nothing" in missing.output


def test_the_alignment_graphml_opens_with_its_coalitions(invoke: Callable[..., Result], world: World,
                                                         tmp_path: Path) -> None:
    out = tmp_path / "alignment.graphml"
    result = invoke("export", "--format", "alignment", "-o", str(out))
    assert result.exit_code == 0, result.output
    g = nx.read_graphml(out)
    assert not g.is_directed()
    a = world.actors
    assert g.nodes[a["putin"]]["label"] == "Vladimir Putin"
    assert g.nodes[a["putin"]]["coalition"] == g.nodes[a["xi"]]["coalition"] == "c2"
    assert g.nodes[a["macron"]]["coalition"] == "c1" and g.nodes[a["guterres"]]["coalition"] == ""
    edge = g.edges[a["macron"], a["sunak"]]
    assert (edge["score"], edge["events"], edge["same"], edge["opposite"], edge["weight"], edge["relation"]) == (
        0.5, 4, 3, 1, 4, "agree")
    assert g.edges[a["macron"], a["putin"]]["relation"] == "disagree"
    countries = nx.read_graphml(io.BytesIO(invoke("export", "--format", "alignment", "--by", "country").stdout_bytes))
    assert countries.edges["FR", "GB"]["score"] == 0.8 and countries.nodes["GB"]["label"] == "United Kingdom"


@given(st.text())
def test_any_text_stays_in_its_field(text: str) -> None:
    cleaned = eventdata.clean(text)
    assert "\t" not in cleaned and len(cleaned.splitlines()) <= 1


@pytest.mark.parametrize("kind, country, role, org, name, code", [
    ("person", "US", "Defense Secretary", None, "Jim Mattis", "USAMIL"),
    ("person", "US", "Senator", None, "Marco Rubio", "USALEG"),
    ("organization", "US", None, None, "Pentagon", "USAMIL"),
    ("organization", "RU", None, None, "Russian Foreign Ministry", "RUSGOV"),
    ("person", "GB", "opposition leader", None, "Keir Starmer", "GBROPP"),
    ("person", "IL", None, None, "Someone", "ISR"),
    ("country", "TR", None, None, "Turkey", "TUR"),
    ("person", None, "UN Secretary-General", None, "Antonio Guterres", "IGOUNO"),
    ("organization", None, None, None, "Human Rights Watch", ""),
    ("person", "US", "Attorney General", None, "Someone Else", "USAJUD"),
    ("person", "BE", "NATO Secretary-General", None, "Jens Stoltenberg", "BELGOV"),
])
def test_actor_codes(kind: str, country: str | None, role: str | None, org: str | None, name: str, code: str) -> None:
    assert eventdata.actor_code(kind, country, role, org, name) == code
