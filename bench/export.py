"""Whole-store export: streamed from SQL against loading everything into networkx.

Each path runs in a fresh process over the same store (made by
bench/synth.py) and reports its wall time and its extra memory (peak RSS
minus RSS once imports are done):

  networkx   Store.scope() -> build_graph -> networkx.write_graphml   (the plain path)
  graphml    graph.stream.from_store -> graph.export, GraphML
  gexf       the same, GEXF
  json       the same, node-link JSON

Goal: streamed GraphML >= 3x faster than the plain path, <= 200 MB extra.

    python bench/export.py sqlite:///bench/big.sqlite3 [--out /tmp] [--skip-networkx]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _rss_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(field)


def _child(url: str, path: str, out: str) -> None:
    import networkx as nx

    from graph import export, stream
    from graph.network import build_graph
    from graph.store import Store

    store = Store.open(url)
    base = _rss_mb("VmRSS")
    start = time.perf_counter()
    if path == "networkx":
        g = build_graph(store.scope())
        nx.write_graphml(g, out, infer_numeric_types=True)
        nodes, edges = g.number_of_nodes(), g.number_of_edges()
    else:
        written = export.write(stream.from_store(store.engine), out, path)  # type: ignore[arg-type]
        nodes, edges = written.nodes, written.edges
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "extra_mb": _rss_mb("VmHWM") - base, "nodes": nodes, "edges": edges,
                      "bytes": os.path.getsize(out)}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("url", help="SQLAlchemy URL of a store filled by bench/synth.py")
    parser.add_argument("--out", default=None, help="folder for the files (default: a temporary one)")
    parser.add_argument("--skip-networkx", action="store_true", help="only the streamed paths")
    parser.add_argument("--child", nargs=2, metavar=("PATH", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.url, *args.child)
        return 0
    with tempfile.TemporaryDirectory(dir=args.out) as folder:
        paths = ["graphml", "gexf", "json"] + ([] if args.skip_networkx else ["networkx"])
        results = {}
        print(f"{'path':9} {'seconds':>8} {'extra MB':>9} {'nodes':>10} {'edges':>10} {'file MB':>8}")
        for path in paths:
            out = str(Path(folder) / f"export-{path}.{'graphml' if path == 'networkx' else path}")
            done = subprocess.run([sys.executable, __file__, args.url, "--child", path, out], check=True,
                                  capture_output=True, text=True)
            r = results[path] = json.loads(done.stdout.strip().splitlines()[-1])
            print(f"{path:9} {r['seconds']:8.1f} {r['extra_mb']:9.0f} {r['nodes']:10,} {r['edges']:10,} "
                  f"{r['bytes'] / 1e6:8.0f}", flush=True)
            os.remove(out)
    if "networkx" in results:
        speedup = results["networkx"]["seconds"] / results["graphml"]["seconds"]
        print(f"streamed GraphML is {speedup:.1f}x faster than networkx (goal >= 3x), "
              f"{results['graphml']['extra_mb']:.0f} MB extra (goal <= 200 MB; networkx: "
              f"{results['networkx']['extra_mb']:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
