"""The page's colours, its event layout and its reactions table, without a browser (see test_browser_page.py)."""

from __future__ import annotations

import json
import math
import re
import string

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from viz import render_page
from viz.colours import country_colour
from viz.layout import _label_box, sides

CODES = [a + b for a in string.ascii_uppercase for b in string.ascii_uppercase]


def test_every_code_has_its_own_colour_far_from_the_events_gold() -> None:
    colours = [country_colour(c) for c in CODES]
    assert len(set(colours)) == len(CODES)
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in colours)
    gold = (0xf2, 0xb7, 0x05)
    for c in colours:
        rgb = tuple(int(c[i:i + 2], 16) for i in (1, 3, 5))
        assert sum(abs(x - y) for x, y in zip(rgb, gold)) > 60, c


@given(st.text(max_size=12))
def test_a_colour_depends_on_the_code_alone(code: str) -> None:
    assert country_colour(code) == country_colour(code) == country_colour(code.upper())
    assert re.fullmatch(r"#[0-9a-f]{6}", country_colour(code))


NAMES = st.text(alphabet=string.ascii_letters + " ", min_size=1, max_size=70).map(str.strip).filter(bool)


@st.composite
def one_event(draw: st.DrawFn) -> nx.MultiDiGraph:
    """An event, actors with one or more reactions to it, and the countries some of them belong to."""
    g = nx.MultiDiGraph()
    g.add_node("event:e", type="event", label=draw(NAMES))
    for i in range(draw(st.integers(0, 40))):
        node = f"actor:{i}"
        code = draw(st.sampled_from(["", "US", "GB", "FR", "RU"]))
        g.add_node(node, type="actor", kind=draw(st.sampled_from(["person", "organization"])), label=draw(NAMES),
                   **({"country": code} if code else {}))
        for stance in draw(st.lists(st.sampled_from(["support", "oppose", "neutral"]), min_size=1, max_size=3)):
            g.add_edge(node, "event:e", relation="reacted", stance=stance, confidence=0.5)
        if code:
            g.add_node(f"country:{code}", type="country", kind="country", label=code, country=code)
            g.add_edge(node, f"country:{code}", relation="affiliated_with")
    return g


def _lean(g: nx.MultiDiGraph, node: str) -> str:
    votes = sorted(([d["stance"] for _, _, d in g.out_edges(node, data=True) if d["relation"] == "reacted"]))
    counts = {s: votes.count(s) for s in set(votes)}
    top = max(counts.values())
    leaders = [s for s, n in counts.items() if n == top]
    return leaders[0] if len(leaders) == 1 else "neutral"


@settings(max_examples=60, deadline=None)
@given(one_event())
def test_one_event_by_sides_with_room_for_every_label(g: nx.MultiDiGraph) -> None:
    size = {n: 34.0 if n.startswith("event") else 18.0 if n.startswith("country") else 13.0 for n in g}
    pos = sides(g, "event:e", size)
    assert set(pos) == set(g)
    assert pos["event:e"] == (0.0, 0.0)
    lean = {n: _lean(g, n) for n in g if n.startswith("actor")}
    flank = [pos[n][1] for n, s in lean.items() if s != "neutral"]
    for n, s in lean.items():
        x, y = pos[n]
        if s == "support":
            assert x < 0
        elif s == "oppose":
            assert x > 0
        else:
            assert y > max([0.0, *flank])
    for n in g:
        if n.startswith("country"):
            assert pos[n][1] < min([0.0, *flank])
    # the layout's own label estimates never meet another node or label
    boxes = {}
    for n in g:
        x, y = pos[n]
        shape = (x - size[n], y - size[n], x + size[n], y + size[n])
        if n == "event:e":  # its 18 px label, wrapped at 260 px, above the star
            h = 22.0 * math.ceil(len(str(g.nodes[n]["label"])) * 10.5 / 240)
            boxes[n] = (shape, (x - 130, y - size[n] - h - 6, x + 130, y - size[n]))
        else:
            w, h = _label_box(str(g.nodes[n]["label"]))
            boxes[n] = (shape, (x - w / 2, y + size[n], x + w / 2, y + size[n] + h))
    for a in g:
        for b in g:
            if a != b:
                for box_a in boxes[a]:
                    for box_b in boxes[b]:
                        assert not (box_a[0] < box_b[2] and box_b[0] < box_a[2] and box_a[1] < box_b[3]
                                    and box_b[1] < box_a[3]), (a, b)


@settings(max_examples=40, deadline=None)
@given(url=st.one_of(st.just("javascript:alert(1)"), st.just(" javascript:alert(1)"), st.just("JaVaScRiPt:x"),
                     st.just("data:text/html,<script>x</script>"), st.text(max_size=30)))
def test_the_table_links_only_http_addresses_as_given(url: str) -> None:
    g = nx.MultiDiGraph()
    g.add_node("event:e", type="event", label="E")
    g.add_node("actor:a", type="actor", kind="person", label="<b>A</b>", country="FR")
    g.add_node("article:x", type="article", label="t", url=url)
    g.add_edge("actor:a", "event:e", key="r1", relation="reacted", stance="oppose", confidence=0.7,
               quote="</script><script>alert(1)</script>", article="x", article_title="T", date="2024-01-02")
    html = render_page(g, title="t")
    data = re.search(r"var rowData = (.*)\.map\(function", html)
    assert data and "<" not in data.group(1) and "&" not in data.group(1)  # JSON escaped for a script element
    ((edge, confidence, quote, title, _, href, date),) = json.loads(data.group(1))
    assert href == "/api/articles/x" or (href == url and url.lower().startswith(("http://", "https://")))
    assert (edge, confidence, quote, title, date) == ("actor:a|event:e|r1", 0.7, "</script><script>alert(1)</script>",
                                                      "T", "2024-01-02")
