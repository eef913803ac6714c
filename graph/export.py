"""Writing a graph as GraphML, GEXF or node-link JSON, by streaming.

Writers take a graph (a networkx MultiDiGraph, or a `graph.stream`
GraphStream read from the store) and a path or a file object, like
networkx's own, and write node by node: a store of any size is exported in
flat memory. What they write reads back with `networkx.read_graphml`,
`read_gexf` and `node_link_graph` as the same graph networkx's writers give
(a test compares them). Text from articles can hold characters XML 1.0
forbids; those are removed, and every value is escaped for XML or JSON.
"""

from __future__ import annotations

import io
import json
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, Any, Literal
from xml.sax.saxutils import escape, quoteattr

import networkx as nx

from .stream import Edge, GraphStream, Node, from_networkx

Format = Literal["graphml", "gexf", "json"]
FORMATS: dict[str, tuple[str, str]] = {  # format -> (media type, file extension)
    "graphml": ("application/graphml+xml", "graphml"),
    "gexf": ("application/gexf+xml", "gexf"),
    "json": ("application/json", "json"),
}
Destination = str | os.PathLike[str] | IO[bytes] | IO[str]
Source = nx.MultiDiGraph | GraphStream

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# What escaping would change, in element text and in attribute values (where XML also rewrites white space).
_PLAIN = re.compile("[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_PLAIN_ATTR = re.compile("[&<>\"'\t\n\r\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_XML_TYPES = {str: "string", float: "double", bool: "boolean", int: "long"}
_CHUNK = 1 << 16


def _clean_value(value: Any) -> Any:
    if isinstance(value, str):
        return _XML_INVALID.sub("", value)
    return value


def _text(value: Any) -> str:
    """A value as XML text: booleans as true/false, strings cleaned and escaped."""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = value if type(value) is str else str(value)
    if _PLAIN.search(text) is None:  # most values (ids, stances, dates, cues): nothing to do
        return text
    return escape(_XML_INVALID.sub("", text))


def _attr(value: Any) -> str:
    text = value if type(value) is str else str(value)
    if _PLAIN_ATTR.search(text) is None:
        return f'"{text}"'
    return quoteattr(_XML_INVALID.sub("", text))


def _data(keys: dict[str, str], data: dict[str, Any]) -> str:
    return "".join(f'<data key="{keys[name]}">{_text(value)}</data>' for name, value in data.items()
                   if value is not None)


def _buffered(pieces: Iterator[str]) -> Iterator[str]:
    """Join small pieces into chunks of about 64 KB, for fewer writes."""
    parts: list[str] = []
    size = 0
    for piece in pieces:
        parts.append(piece)
        size += len(piece)
        if size >= _CHUNK:
            yield "".join(parts)
            parts, size = [], 0
    if parts:
        yield "".join(parts)


def _graphml(graph: GraphStream) -> Iterator[str]:
    yield ("<?xml version='1.0' encoding='utf-8'?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml."
           "graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n")
    keys: dict[tuple[str, str], str] = {}
    for scope, attributes in (("node", graph.node_attributes), ("edge", graph.edge_attributes)):
        for name, kind in attributes.items():
            keys[(scope, name)] = key = f"d{len(keys)}"
            yield (f'<key id="{key}" for="{scope}" attr.name={_attr(name)} '
                   f'attr.type="{_XML_TYPES.get(kind, "string")}"/>\n')
    yield '<graph edgedefault="directed">\n'
    node_keys = {name: key for (scope, name), key in keys.items() if scope == "node"}
    edge_keys = {name: key for (scope, name), key in keys.items() if scope == "edge"}
    for node, data in graph.nodes():
        yield f"<node id={_attr(node)}>{_data(node_keys, data)}</node>\n"
    for u, v, key, data in graph.edges():
        yield f"<edge source={_attr(u)} target={_attr(v)} id={_attr(key)}>{_data(edge_keys, data)}</edge>\n"
    yield "</graph></graphml>\n"


_GEXF_OWN = ("label", "weight")  # edge attributes GEXF writes as attributes of <edge>, not as attvalues


def _gexf(graph: GraphStream) -> Iterator[str]:
    # GEXF 1.2 as networkx writes it: labels and weights in the label and
    # weight attributes, the multigraph key in a `networkx_key` attribute.
    # Each edge's id is its key, unique in the graph and the same in every
    # export (Gephi drops an edge whose id it has seen; numbering edges in
    # order of writing would give one reaction a new id in each file).
    yield ("<?xml version='1.0' encoding='utf-8'?>\n<gexf xmlns=\"http://www.gexf.net/1.2draft\" "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://www.gexf.net/"
           "1.2draft http://www.gexf.net/1.2draft/gexf.xsd\" version=\"1.2\">\n<meta><creator>reactiongraph"
           "</creator></meta>\n<graph defaultedgetype=\"directed\" mode=\"static\" name=\"\">\n")
    ids: dict[tuple[str, str], str] = {}
    declared = (("node", {k: v for k, v in graph.node_attributes.items() if k != "label"}),
                ("edge", {**{k: v for k, v in graph.edge_attributes.items() if k not in _GEXF_OWN},
                          "networkx_key": str}))
    for scope, attributes in declared:
        yield f'<attributes mode="static" class="{scope}">\n'
        for name, kind in attributes.items():
            ids[(scope, name)] = str(len(ids))
            yield (f'<attribute id="{ids[(scope, name)]}" title={_attr(name)} '
                   f'type="{_XML_TYPES.get(kind, "string")}"/>\n')
        yield "</attributes>\n"

    def values(scope: str, data: dict[str, Any]) -> str:
        shown = "".join(f'<attvalue for="{ids[(scope, name)]}" value={_attr(_text(v) if isinstance(v, bool) else v)}/>'
                        for name, v in data.items() if v is not None and name not in _GEXF_OWN)
        return f"<attvalues>{shown}</attvalues>" if shown else ""

    yield "<nodes>\n"
    for node, data in graph.nodes():
        yield f"<node id={_attr(node)} label={_attr(data.get('label', node))}>{values('node', data)}</node>\n"
    yield "</nodes>\n<edges>\n"
    for u, v, key, data in graph.edges():
        own = "".join(f" {name}={_attr(data[name])}" for name in _GEXF_OWN if data.get(name) is not None)
        yield (f'<edge source={_attr(u)} target={_attr(v)} id={_attr(key)}{own}>'
               f'{values("edge", {**data, "networkx_key": key})}</edge>\n')
    yield "</edges>\n</graph>\n</gexf>\n"


def _json(graph: GraphStream) -> Iterator[str]:
    # node-link data as networkx.node_link_data(g, edges="edges") makes it.
    def dumps(value: dict[str, Any]) -> str:
        return json.dumps({k: _clean_value(v) for k, v in value.items() if v is not None}, ensure_ascii=False)

    yield '{"directed": true, "multigraph": true, "graph": {}, "nodes": [\n'
    for i, (node, data) in enumerate(graph.nodes()):
        yield ("" if i == 0 else ",\n") + dumps({**data, "id": node})
    yield '\n], "edges": [\n'
    for i, (u, v, key, data) in enumerate(graph.edges()):
        yield ("" if i == 0 else ",\n") + dumps({**data, "source": u, "target": v, "key": key})
    yield "\n]}\n"


_WRITERS: dict[str, Callable[[GraphStream], Iterator[str]]] = {"graphml": _graphml, "gexf": _gexf, "json": _json}


@dataclass
class Written:
    """How many nodes and edges a writer wrote (known once it is done)."""

    nodes: int = 0
    edges: int = 0


def _counted(graph: GraphStream, written: Written) -> GraphStream:
    def nodes() -> Iterator[Node]:
        for node in graph.nodes():
            written.nodes += 1
            yield node

    def edges() -> Iterator[Edge]:
        for edge in graph.edges():
            written.edges += 1
            yield edge

    return GraphStream(nodes, edges, graph.node_attributes, graph.edge_attributes)


def chunks(graph: Source, fmt: Format, written: Written | None = None) -> Iterator[str]:
    """The file in `fmt` as text chunks, for writing or sending as they come; `written` counts them."""
    try:
        writer = _WRITERS[fmt]
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(_WRITERS)}") from None
    stream = graph if isinstance(graph, GraphStream) else from_networkx(graph)
    return _buffered(writer(_counted(stream, written) if written is not None else stream))


def write(graph: Source, dest: Destination, fmt: Format) -> Written:
    """Write `graph` in `fmt` ("graphml", "gexf" or "json") to a path or a file object.

    A path is written under a temporary name and renamed when complete, so a
    failure halfway never leaves a truncated file behind.
    """
    written = Written()
    pieces = chunks(graph, fmt, written)
    if isinstance(dest, (str, os.PathLike)):
        partial = f"{os.fspath(dest)}.partial"
        try:
            with open(partial, "w", encoding="utf-8", newline="") as fh:
                fh.writelines(pieces)
            os.replace(partial, dest)
        finally:
            if os.path.exists(partial):
                os.remove(partial)
    elif isinstance(dest, io.TextIOBase):
        dest.writelines(pieces)
    else:
        for piece in pieces:
            dest.write(piece.encode("utf-8"))  # type: ignore[arg-type]
    return written


def write_graphml(graph: Source, dest: Destination) -> Written:
    """Write GraphML that `networkx.read_graphml`, Gephi and Cytoscape read back."""
    return write(graph, dest, "graphml")


def write_gexf(graph: Source, dest: Destination) -> Written:
    """Write GEXF 1.2, Gephi's own format."""
    return write(graph, dest, "gexf")


def write_json(graph: Source, dest: Destination) -> Written:
    """Write node-link JSON (`networkx.node_link_graph(data, edges="edges")` reads it back)."""
    return write(graph, dest, "json")
