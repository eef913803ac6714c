"""The networkx graph of a scope, and GraphML / GEXF / JSON exports that read back."""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
import pytest

from graph import export
from graph.errors import NotFound
from graph.extract import Extractor
from graph.models import ArticleInput
from graph.network import build_graph
from graph.store import Store

from .conftest import SAMPLE


@pytest.fixture
def filled(store: Store, extractor: Extractor) -> Store:
    for text, title in [(SAMPLE.read_text(encoding="utf-8"), None),
                        ("Britain said the tariffs were a mistake.\n\nFrench President Emmanuel Macron "
                         "welcomed the \"deal\" <b>&amp;</b> and said it was historic.", "US & EU sign deal")]:
        store.add(extractor.extract(extractor.prepare(ArticleInput(text=text, title=title))))
    return store


def test_graph_has_typed_nodes_and_edges(filled: Store) -> None:
    g = build_graph(filled.scope())
    types = {d["type"] for _, d in g.nodes(data=True)}
    assert types == {"event", "actor", "country", "article"}
    relations = {d["relation"] for _, _, d in g.edges(data=True)}
    assert relations == {"reacted", "affiliated_with", "reports"}
    rubio = next(n for n, d in g.nodes(data=True) if d.get("label") == "Marco Rubio")
    reacted = [d for _, _, d in g.out_edges(rubio, data=True) if d["relation"] == "reacted"]
    assert reacted[0]["stance"] == "oppose" and "grave error" in reacted[0]["quote"]
    assert g.has_edge(rubio, "country:US")
    # Britain reacted in both articles: one country node, two reactions.
    assert sum(1 for _, _, d in g.out_edges("country:GB", data=True) if d["relation"] == "reacted") == 2
    for _, data in g.nodes(data=True):
        assert all(isinstance(v, (str, int, float, bool)) for v in data.values())


def test_scope_of_one_event(filled: Store) -> None:
    event_id = filled.events().items[0].event.id
    g = build_graph(filled.scope(event_id=event_id))
    assert [n for n, d in g.nodes(data=True) if d["type"] == "event"] == [f"event:{event_id}"]


def test_graphml_round_trips_with_attributes(filled: Store, tmp_path: Path) -> None:
    g = build_graph(filled.scope())
    # Characters XML 1.0 forbids, as a store filled by other means could hold them.
    g.nodes["country:GB"]["aliases"] = "Brit\x0bain\ufffe"
    path = tmp_path / "g.graphml"
    export.write_graphml(g, path)
    back = nx.read_graphml(path, force_multigraph=True)
    assert set(back.nodes) == set(g.nodes)
    assert back.number_of_edges() == g.number_of_edges()
    for node, data in g.nodes(data=True):
        assert back.nodes[node] == {k: export._clean_value(v) for k, v in data.items()}
    edges = {(u, v, k): d for u, v, k, d in g.edges(keys=True, data=True)}
    for u, v, k, d in back.edges(keys=True, data=True):
        assert d == {key: export._clean_value(val) for key, val in edges[(u, v, k)].items()}
    text = path.read_text(encoding="utf-8")
    assert "\x0b" not in text and "\ufffe" not in text
    assert "&lt;b&gt;&amp;amp;&lt;/b&gt;" in text and "<b>" not in text  # article text is escaped, never markup
    assert back.nodes["country:GB"]["aliases"] == "Britain"


def test_writers_take_paths_and_file_objects(filled: Store, tmp_path: Path) -> None:
    g = build_graph(filled.scope())
    for fmt in export.FORMATS:
        binary, text = io.BytesIO(), io.StringIO()
        export.write(g, binary, fmt)
        export.write(g, text, fmt)
        export.write(g, tmp_path / f"g.{fmt}", fmt)
        assert binary.getvalue().decode("utf-8") == text.getvalue() == (tmp_path / f"g.{fmt}").read_text("utf-8")
    back = nx.read_gexf(tmp_path / "g.gexf")
    assert set(back.nodes) == set(g.nodes)
    data = json.loads((tmp_path / "g.json").read_text("utf-8"))
    assert nx.node_link_graph(data, edges="edges").number_of_edges() == g.number_of_edges()
    with pytest.raises(ValueError, match="unknown export format"):
        export.write(g, io.BytesIO(), "csv")  # type: ignore[arg-type]


def test_scope_of_one_actor_is_its_neighbourhood(filled: Store, extractor: Extractor) -> None:
    filled.add(extractor.extract(extractor.prepare(ArticleInput(
        text="Japan said the vote was a grave mistake.", title="Brexit vote shocks Europe"))))
    macron = next(a for a in filled.scope().actors if a.name == "Emmanuel Macron")
    g = build_graph(filled.scope(actor_id=macron.id))
    labels = {d.get("label") for _, d in g.nodes(data=True)}
    assert "Emmanuel Macron" in labels and "United Kingdom" in labels  # reacted to the same event
    assert "Japan" not in labels and "Marco Rubio" not in labels  # other events are out of scope
    with pytest.raises(NotFound):
        filled.scope(actor_id="ac-missing")
