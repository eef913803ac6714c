"""Stance-graph page speed: build time and time until drawn in headless Chromium.

For 100, 1,000 and 10,000 nodes (synthetic events, actors with 1-3
reactions each, and their countries) it prints the time to build the HTML,
its size, the time from navigation until vis-network has drawn, and the
time a stance filter takes to apply afterwards (the page is interactive).
Goal: 10,000 nodes drawn and interactive within 3 s.

    python bench/page.py [--sizes 100 1000 10000]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx
from playwright.sync_api import sync_playwright

from viz import VizLimits, render_page

CODES = ["US", "GB", "FR", "DE", "RU", "CN", "JP", "IN", "BR", "TR", "IR", "IL", "SA", "EG", "ZA", "AU", "CA", "MX"]


def synthetic_graph(n: int, seed: int = 11) -> nx.MultiDiGraph:
    """About `n` nodes shaped like build_graph's output."""
    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    n_events = max(1, n // 60)
    countries = CODES[: max(2, min(len(CODES), n // 40))]
    for e in range(n_events):
        g.add_node(f"event:e{e}", type="event", label=f"Event {e}", date="2024-01-01")
    for c in countries:
        g.add_node(f"country:{c}", type="country", kind="country", label=c, country=c)
    for a in range(n - n_events - len(countries)):
        node, country = f"actor:a{a}", rng.choice(countries)
        g.add_node(node, type="actor", kind=rng.choice(["person", "organization"]), label=f"Actor {a}",
                   country=country, role="minister")
        g.add_edge(node, f"country:{country}", key="affiliated_with", relation="affiliated_with")
        for k in range(rng.choice([1, 1, 2, 3])):
            event = f"event:e{min(n_events - 1, int(rng.paretovariate(1.2)) - 1)}"
            g.add_edge(node, event, key=f"r{a}-{k}", relation="reacted", stance=rng.choice(["support", "oppose", "neutral"]),
                       confidence=rng.random(), quote="a quote", article="x", article_title="An article", date="2024-01-01")
    return g


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    args = parser.parse_args()
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    limits = VizLimits(max_nodes=max(args.sizes) + 1)
    print(f"{'nodes':>7} {'edges':>7} {'build s':>8} {'HTML MB':>8} {'drawn s':>8} {'filter s':>9}")
    with sync_playwright() as p, tempfile.TemporaryDirectory() as tmp:
        browser = p.chromium.launch(executable_path=chromium, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
            "--disable-component-update", "--disable-sync"])
        for n in args.sizes:
            g = synthetic_graph(n)
            start = time.perf_counter()
            html = render_page(g, title=f"{n} nodes", limits=limits)
            build = time.perf_counter() - start
            path = Path(tmp) / f"g{n}.html"
            path.write_text(html, encoding="utf-8")
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            start = time.perf_counter()
            page.goto(path.as_uri())
            page.wait_for_selector("body[data-drawn='1']", timeout=600_000)
            drawn = time.perf_counter() - start
            start = time.perf_counter()
            page.uncheck("input[value=oppose]")
            page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
            filtered = time.perf_counter() - start
            page.close()
            print(f"{g.number_of_nodes():7,} {g.number_of_edges():7,} {build:8.2f} {len(html) / 1e6:8.2f} "
                  f"{drawn:8.2f} {filtered:9.2f}")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
