"""Writing a graph as GraphML, GEXF or node-link JSON.

Writers take a path or a file object, like networkx's own. Text from
articles can hold characters XML 1.0 forbids; those are removed, and None
values dropped, before anything is written, so the files open in Gephi,
Cytoscape and `networkx.read_graphml`.
"""

from __future__ import annotations

import io
import json
import os
import re
from collections.abc import Callable
from typing import IO, Any, Literal

import networkx as nx

Format = Literal["graphml", "gexf", "json"]
FORMATS: dict[str, tuple[str, str]] = {  # format -> (media type, file extension)
    "graphml": ("application/graphml+xml", "graphml"),
    "gexf": ("application/gexf+xml", "gexf"),
    "json": ("application/json", "json"),
}
Destination = str | os.PathLike[str] | IO[bytes] | IO[str]

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _clean_value(value: Any) -> Any:
    if isinstance(value, str):
        return _XML_INVALID.sub("", value)
    return value


def sanitised(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of `g` with XML-invalid characters removed and None values dropped."""
    out = nx.MultiDiGraph()
    out.graph.update({k: _clean_value(v) for k, v in g.graph.items() if v is not None})
    for node, data in g.nodes(data=True):
        out.add_node(_clean_value(node), **{k: _clean_value(v) for k, v in data.items() if v is not None})
    for u, v, key, data in g.edges(keys=True, data=True):
        out.add_edge(_clean_value(u), _clean_value(v), key=_clean_value(key),
                     **{k: _clean_value(x) for k, x in data.items() if x is not None})
    return out


def _write_binary(dest: Destination, write: Callable[[IO[bytes]], None]) -> None:
    if isinstance(dest, (str, os.PathLike)):
        with open(dest, "wb") as fh:
            write(fh)
    elif isinstance(dest, io.TextIOBase):
        buffer = io.BytesIO()
        write(buffer)
        dest.write(buffer.getvalue().decode("utf-8"))
    else:
        write(dest)  # type: ignore[arg-type]


def write_graphml(g: nx.MultiDiGraph, dest: Destination) -> None:
    """Write GraphML that `networkx.read_graphml`, Gephi and Cytoscape read back."""
    clean = sanitised(g)
    _write_binary(dest, lambda fh: nx.write_graphml(clean, fh, encoding="utf-8", infer_numeric_types=True))


def write_gexf(g: nx.MultiDiGraph, dest: Destination) -> None:
    """Write GEXF 1.2, Gephi's own format."""
    clean = sanitised(g)
    _write_binary(dest, lambda fh: nx.write_gexf(clean, fh, encoding="utf-8"))


def write_json(g: nx.MultiDiGraph, dest: Destination) -> None:
    """Write node-link JSON (`networkx.node_link_graph` reads it back)."""
    data = nx.node_link_data(sanitised(g), edges="edges")
    text = json.dumps(data, ensure_ascii=False, indent=1, default=str)
    if isinstance(dest, (str, os.PathLike)):
        with open(dest, "w", encoding="utf-8") as fh:
            fh.write(text)
    elif isinstance(dest, io.TextIOBase):
        dest.write(text)
    else:
        dest.write(text.encode("utf-8"))  # type: ignore[arg-type]


WRITERS: dict[str, Callable[[nx.MultiDiGraph, Destination], None]] = {
    "graphml": write_graphml, "gexf": write_gexf, "json": write_json,
}


def write(g: nx.MultiDiGraph, dest: Destination, fmt: Format) -> None:
    """Write `g` in `fmt` ("graphml", "gexf" or "json")."""
    try:
        writer = WRITERS[fmt]
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(WRITERS)}") from None
    writer(g, dest)
