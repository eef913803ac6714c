"""The networkx graph of a scope, and GraphML / GEXF / JSON exports that read back."""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
import pytest

from graph import export, stream
from graph.errors import NotFound
from graph.extract import Extractor
from graph.models import (Article, ArticleInput, EventDraft, ExtractedActor, ExtractedReaction, Extraction,
                          article_id)
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


def _article_with_hostile_text() -> Extraction:
    """No title, markup and XML-invalid characters in the text, a country named two ways."""
    text = ('Ana Ruiz said "<b>&amp; \x0bno</b>" 😀 about the dam. France said it was "a mistake". '
            'Frankreich\'s envoy said the same. The Dam Council said: "fine".')
    reactions = []
    for name, kind, country, stance in [("Ana Ruiz", "person", "FR", "oppose"), ("France", "country", "FR", "oppose"),
                                        ("The Dam Council", "organization", None, "support")]:
        start = text.index(name)
        reactions.append(ExtractedReaction(actor=ExtractedActor(name=name, kind=kind, country=country), stance=stance,
                                           confidence=0.75, evidence=text[start:start + 40], span=(start, start + 40),
                                           cue="said"))
    return Extraction(article=Article(id=article_id(text), text=text), event=EventDraft(label="Dam <opening>"),
                      reactions=tuple(reactions))


def _clean(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """`g` as networkx's XML writers need it: no XML-invalid characters (our writers drop them too)."""
    out = nx.MultiDiGraph()
    for node, data in g.nodes(data=True):
        out.add_node(node, **{k: export._clean_value(v) for k, v in data.items()})
    for u, v, key, data in g.edges(keys=True, data=True):
        out.add_edge(u, v, key=key, **{k: export._clean_value(x) for k, x in data.items()})
    return out


def _same_graph(a: nx.DiGraph, b: nx.DiGraph) -> None:
    assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
    assert a.is_multigraph() == b.is_multigraph()  # read_gexf makes a DiGraph when no edge is parallel

    def edges(g: nx.DiGraph) -> list[tuple[object, ...]]:
        if g.is_multigraph():
            return sorted(g.edges(keys=True, data=True), key=repr)
        # A DiGraph read from GEXF keeps the writer's edge number as "id": an order, not content.
        return sorted(((u, v, {k: x for k, x in d.items() if k != "id"}) for u, v, d in g.edges(data=True)), key=repr)
    assert edges(a) == edges(b)


@pytest.mark.parametrize("scope", ["all", "event", "actor"])
def test_streamed_exports_hold_what_networkx_writes(filled: Store, scope: str, tmp_path: Path) -> None:
    """Written from SQL row by row, each format reads back as networkx's own writers' output does."""
    filled.add(_article_with_hostile_text())
    kwargs: dict[str, str] = {}
    if scope == "event":
        kwargs["event_id"] = filled.events().items[0].event.id
    elif scope == "actor":
        kwargs["actor_id"] = next(a.id for a in filled.scope().actors if a.name == "Emmanuel Macron")
    in_memory = build_graph(filled.scope(**kwargs))
    streamed = stream.from_store(filled.engine, **kwargs)
    assert in_memory.number_of_edges() > 3

    nx.write_graphml(_clean(in_memory), tmp_path / "nx.graphml", infer_numeric_types=True)
    export.write(streamed, tmp_path / "ours.graphml", "graphml")
    _same_graph(nx.read_graphml(tmp_path / "nx.graphml", force_multigraph=True),
                nx.read_graphml(tmp_path / "ours.graphml", force_multigraph=True))

    nx.write_gexf(_clean(in_memory), tmp_path / "nx.gexf")
    export.write(streamed, tmp_path / "ours.gexf", "gexf")
    _same_graph(nx.read_gexf(tmp_path / "nx.gexf"), nx.read_gexf(tmp_path / "ours.gexf"))

    export.write(streamed, tmp_path / "ours.json", "json")
    ours = nx.node_link_graph(json.loads((tmp_path / "ours.json").read_text("utf-8")), edges="edges")
    _same_graph(_clean(in_memory), ours)


def test_streaming_an_unknown_scope_fails_before_writing(filled: Store) -> None:
    with pytest.raises(NotFound):
        stream.from_store(filled.engine, event_id="ev-missing")
    with pytest.raises(NotFound):
        stream.from_store(filled.engine, actor_id="ac-missing")
