"""The stance-graph pages read at a glance (issue 18, items 3-6), checked in headless Chromium.

Geometry comes from vis-network itself: node positions and sizes, and the
boxes it computed for the labels it drew, so "no label covers a node" is
measured on the page as drawn, not on the layout's own estimates.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from api import create_app
from graph.models import Article, EventDraft, ExtractedActor, ExtractedReaction, Extraction, article_id
from viz.colours import country_colour

from .test_browser import HOSTILE, browser, serving, hover_point, node_id, open_graph, page  # noqa: F401  (fixtures)
from .world import ACTORS, World, build

from playwright.sync_api import Page  # noqa: E402  (test_browser skips the module first when Chromium is missing)

# Names long enough to wrap, for the label geometry; all in one event with the world's actors.
LONG = ["Ministry of Foreign Affairs of the Republic of Somewhere Far Away", "Permanent Representative to the UN",
        "Spokesperson of the Department of Internal Affairs", "Assistant Deputy Undersecretary"]


@pytest.fixture
def live_world(db_url: str) -> Iterator[tuple[str, World, Any]]:
    """The app on a loopback port with tests/world.py, plus four long-named actors on E1."""
    app = create_app({"DATABASE_URL": db_url})
    store = app.extensions["reactiongraph"].store
    world = build(store)
    text = "E1 long names. " + " ".join(f"{name} said it was {i}." for i, name in enumerate(LONG))
    reactions = []
    for i, name in enumerate(LONG):
        evidence = f"{name} said it was {i}."
        start = text.index(evidence)
        reactions.append(ExtractedReaction(
            actor=ExtractedActor(name=name, kind="organization", country=("BR", "JP", "", "FR")[i] or None),
            stance=("support", "oppose", "neutral", "oppose")[i], confidence=0.6, evidence=evidence,
            span=(start, start + len(evidence)), cue="said"))
    store.add(Extraction(article=Article(id=article_id(text), title="Long names", text=text),
                         event=EventDraft(label="x"), reactions=tuple(reactions)), event_id=world.events["E1"])
    with serving(app) as base:
        yield base, world, store


def _geometry(page: Page) -> list[dict[str, Any]]:
    """Each visible node: its position, its shape's box and its drawn label's box, in canvas units."""
    return page.evaluate("""() => {
        const net = reactiongraph.network, out = [];
        for (const n of reactiongraph.visibleNodes()) {
            // the label's box as measured, moved by font.vadjust as it is when drawn
            const body = net.body.nodes[n.id], s = body.options.size, l = body.labelModule.size;
            const dy = body.options.font.vadjust || 0;
            out.push({id: n.id, label: n.label, type: n.type, country: n.country, x: body.x, y: body.y,
                      shape: [body.x - s, body.y - s, body.x + s, body.y + s],
                      text: [l.left, l.top + dy, l.left + l.width, l.top + l.height + dy]});
        }
        return out; }""")


def _overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _stances(page: Page) -> dict[str, set[str]]:
    """Actor node id -> the stances of its drawn reactions."""
    out: dict[str, set[str]] = {}
    for e in page.evaluate("reactiongraph.edges.get({filter: e => e.relation === 'reacted'})"):
        out.setdefault(e["from"], set()).add(e["stance"])
    return out


def _event_pages(base: str, world: World) -> list[str]:
    return [f"{base}/events/{world.events[e]}/graph" for e in ("E1", "E2", "E4")]


def test_supporters_left_opponents_right_neutral_below(page: Page, live_world: tuple[str, World, Any]) -> None:
    base, world, _ = live_world
    for url in _event_pages(base, world):
        open_graph(page, url)
        nodes = {n["id"]: n for n in _geometry(page)}
        event = next(n for n in nodes.values() if n["type"] == "event")
        sides = {"support": [], "oppose": [], "neutral": []}  # type: dict[str, list[dict[str, Any]]]
        for actor, stances in _stances(page).items():
            # one reaction each, except Scholz on E4: support then oppose, a tie drawn as neutral
            sides[stances.pop() if len(stances) == 1 else "neutral"].append(nodes[actor])
        assert sides["support"] and sides["oppose"] and sides["neutral"], url
        assert all(n["x"] < event["x"] for n in sides["support"]), url
        assert all(n["x"] > event["x"] for n in sides["oppose"]), url
        lowest_side = max(n["y"] for n in sides["support"] + sides["oppose"])
        assert all(n["y"] > max(lowest_side, event["shape"][3]) for n in sides["neutral"]), url
        # the event's label above its star, where no reaction's edge runs
        assert event["text"][3] <= event["shape"][1] + 2, url
    # Scholz reacted to E4 both ways: he is drawn below, with the neutral ones.
    open_graph(page, _event_pages(base, world)[2])
    scholz = next(n for n in _geometry(page) if n["label"] == "Olaf Scholz")
    event = next(n for n in _geometry(page) if n["type"] == "event")
    assert scholz["y"] > event["shape"][3]


def test_no_label_covers_a_node_or_another_label(page: Page, live_world: tuple[str, World, Any]) -> None:
    base, world, _ = live_world
    for url in _event_pages(base, world):
        open_graph(page, url)
        nodes = _geometry(page)
        assert any("\n" in n["label"] or n["text"][3] - n["text"][1] > 20 for n in nodes if n["label"] in LONG) or \
            "E1" not in url  # the long names wrapped (the E1 page holds them)
        for a in nodes:
            for b in nodes:
                if a["id"] == b["id"]:
                    continue
                assert not _overlap(a["text"], b["shape"]), f"{a['label']!r}'s label covers {b['label']!r} on {url}"
                assert not _overlap(a["text"], b["text"]), f"{a['label']!r} and {b['label']!r} collide on {url}"
                assert not _overlap(a["shape"], b["shape"]), f"{a['label']!r} and {b['label']!r} overlap on {url}"


def test_the_graph_is_centred(page: Page, live_world: tuple[str, World, Any]) -> None:
    base, world, _ = live_world
    for url in [*_event_pages(base, world)[:1], f"{base}/graph", f"{base}/actors/{world.actors['macron']}/graph"]:
        open_graph(page, url)
        page.wait_for_timeout(300)  # a physics page fits once it has settled
        box = page.evaluate("""() => {
            const net = reactiongraph.network, ids = reactiongraph.visibleNodes().map(n => n.id);
            const xs = [], ys = [];
            for (const id of ids) { const b = net.getBoundingBox(id);
                for (const [x, y] of [[b.left, b.top], [b.right, b.bottom]]) {
                    const d = net.canvasToDOM({x: x, y: y}); xs.push(d.x); ys.push(d.y); } }
            const c = document.querySelector('#graph').getBoundingClientRect();
            return {left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys),
                    width: c.width, height: c.height}; }""")
        assert box["left"] >= -1 and box["top"] >= -1 and box["right"] <= box["width"] + 1, url
        assert box["bottom"] <= box["height"] + 1, url
        margin_x = (box["left"], box["width"] - box["right"])
        margin_y = (box["top"], box["height"] - box["bottom"])
        # fitted on one axis, centred on the other
        assert abs(margin_x[0] - margin_x[1]) < 0.05 * box["width"], (url, margin_x)
        assert abs(margin_y[0] - margin_y[1]) < 0.05 * box["height"], (url, margin_y)


def _visible_rows(page: Page) -> list[dict[str, str]]:
    return page.evaluate("""() => reactiongraph.visibleRows().map(r => ({
        edge: r.dataset.edge, stance: r.dataset.stance, country: r.dataset.country,
        actor: r.querySelector('td[data-key=actor]').innerText,
        quote: r.querySelector('td[data-key=quote]').innerText }))""")


def _counts(page: Page) -> list[str]:
    return page.inner_text("#counts").split()


def test_the_table_lists_the_reactions_and_follows_the_filters(page: Page,
                                                                live_world: tuple[str, World, Any]) -> None:
    base, world, _ = live_world
    open_graph(page, _event_pages(base, world)[1])  # E2: 2 support, 4 oppose, 1 neutral
    assert _counts(page) == ["2", "support", "4", "oppose", "1", "neutral"]
    rows = _visible_rows(page)
    drawn = sorted(e["id"] for e in page.evaluate("reactiongraph.visibleEdges()") if e["relation"] == "reacted")
    assert sorted(r["edge"] for r in rows) == drawn and len(rows) == 7
    macron = next(r for r in rows if r["actor"] == "Emmanuel Macron")
    assert (macron["stance"], macron["country"]) == ("oppose", "FR")
    assert macron["quote"].startswith('"We condemned this," said Emmanuel Macron about E2.')
    assert "<b>matters</b> & more" in macron["quote"]  # as text, not markup
    cells = page.eval_on_selector("tr[data-actor='actor:%s']" % world.actors["macron"],
                                  "r => Array.from(r.cells).map(c => c.innerText)")
    assert cells[1:4] == ["FR", "oppose", "0.90"] and cells[5:] == ["news.example", "2024-02-11"]
    assert page.get_attribute(f"tr[data-actor='actor:{world.actors['macron']}'] a", "href") == "https://news.example/e2"

    page.uncheck("input[value=oppose]")
    rows = _visible_rows(page)
    assert {r["stance"] for r in rows} == {"support", "neutral"} and len(rows) == 3
    assert _counts(page) == ["2", "support", "0", "oppose", "1", "neutral"]
    drawn = sorted(e["id"] for e in page.evaluate("reactiongraph.visibleEdges()") if e["relation"] == "reacted")
    assert sorted(r["edge"] for r in rows) == drawn

    page.check("input[value=oppose]")
    page.select_option("#country", "GB")
    rows = _visible_rows(page)
    assert {r["actor"] for r in rows} == {"Rishi Sunak", "United Kingdom"} and {r["country"] for r in rows} == {"GB"}
    assert _counts(page) == ["0", "support", "2", "oppose", "0", "neutral"]
    page.select_option("#country", "")
    assert _counts(page) == ["2", "support", "4", "oppose", "1", "neutral"] and len(_visible_rows(page)) == 7


def test_the_header_counts_actors_apart_from_reactions(page: Page, live_world: tuple[str, World, Any]) -> None:
    """Olaf Scholz reacted to E4 in two articles: two reactions, one actor, filtered or not."""
    base, world, _ = live_world
    open_graph(page, _event_pages(base, world)[2])
    assert _counts(page) == ["2", "support", "6", "oppose", "1", "neutral"]
    assert page.inner_text("#actor-count") == "8 actors"
    page.uncheck("input[value=neutral]")  # 8 reactions left, by 7 actors (Xi Jinping was neutral)
    assert _counts(page) == ["2", "support", "6", "oppose", "0", "neutral"]
    assert page.inner_text("#actor-count") == "7 actors"
    page.check("input[value=neutral]")
    page.select_option("#country", "CN")
    assert page.inner_text("#actor-count") == "1 actor"
    page.select_option("#country", "")
    assert page.inner_text("#actor-count") == "8 actors"


def test_the_table_sorts_by_any_column(page: Page, live_world: tuple[str, World, Any]) -> None:
    base, world, _ = live_world
    open_graph(page, _event_pages(base, world)[0])
    column = "(key) => reactiongraph.visibleRows().map(r => r.querySelector('td[data-key=' + key + ']').innerText)"
    page.click("th[data-key=actor] button")
    actors = page.evaluate(column, "actor")
    assert actors == sorted(actors, key=str.lower) and page.get_attribute("th[data-key=actor]", "aria-sort") == "ascending"
    page.click("th[data-key=actor] button")
    assert page.evaluate(column, "actor") == sorted(actors, key=str.lower, reverse=True)
    page.click("th[data-key=confidence] button")
    confidence = [float(x) for x in page.evaluate(column, "confidence")]
    assert confidence == sorted(confidence) and confidence[0] < confidence[-1]
    page.click("th[data-key=stance] button")
    assert page.evaluate(column, "stance") == sorted(page.evaluate(column, "stance"))


def test_clicking_a_node_or_an_edge_highlights_its_rows(page: Page, live_world: tuple[str, World, Any]) -> None:
    base, world, _ = live_world
    open_graph(page, _event_pages(base, world)[0])
    highlighted = "() => Array.from(document.querySelectorAll('#reactions tr.hl')).map(r => r.dataset.actor)"
    putin = f"actor:{world.actors['putin']}"
    page.mouse.click(*hover_point(page, putin))
    assert page.evaluate(highlighted) == [putin]
    # an edge: a point a third of the way from Sunak to the event
    sunak, event = f"actor:{world.actors['sunak']}", f"event:{world.events['E1']}"
    page.mouse.click(*hover_point(page, sunak, event, 0.3))
    rows = page.evaluate("() => Array.from(document.querySelectorAll('#reactions tr.hl')).map(r => r.dataset.edge)")
    assert len(rows) == 1 and rows[0].startswith(f"{sunak}|{event}|")
    # a country: the rows of its actors
    page.mouse.click(*hover_point(page, "country:FR"))
    assert {r["country"] for r in page.evaluate("() => Array.from(document.querySelectorAll('#reactions tr.hl'))"
                                                ".map(r => ({country: r.dataset.country}))")} == {"FR"}
    assert len(page.evaluate(highlighted)) == 3  # Macron, the Quai d'Orsay, and the long-named French ministry


def test_a_country_has_one_colour_on_every_page_and_in_the_legend(page: Page,
                                                                   live_world: tuple[str, World, Any]) -> None:
    base, world, _ = live_world
    seen: dict[str, set[str]] = {}
    pages = [*_event_pages(base, world), f"{base}/graph", f"{base}/actors/{world.actors['sunak']}/graph"]
    for url in pages:
        open_graph(page, url)
        for n in _geometry(page):
            if n["country"]:
                colour = page.evaluate("(id) => reactiongraph.nodes.get(id).color", n["id"])
                seen.setdefault(n["country"], set()).add(colour)
        legend = page.evaluate("""() => Array.from(document.querySelectorAll('#country-legend [data-country]'))
            .map(s => [s.dataset.country, getComputedStyle(s.querySelector('.dot')).backgroundColor])""")
        codes = {n["country"] for n in _geometry(page) if n["country"]}
        assert {c for c, _ in legend} == codes, url
        for code, rgb in legend:
            hex_ = country_colour(code)
            assert rgb == "rgb({}, {}, {})".format(*(int(hex_[i:i + 2], 16) for i in (1, 3, 5))), (url, code)
    assert {"FR", "GB", "RU", "DE", "CN"} <= set(seen)
    assert all(colours == {country_colour(code)} for code, colours in seen.items()), seen
    assert len({country_colour(c) for c in seen}) == len(seen)


def test_every_page_links_its_graphml_and_gexf(page: Page, live_world: tuple[str, World, Any]) -> None:
    base, world, _ = live_world
    actor = world.actors["sunak"]
    for path, scope in [("/graph", ""), (f"/events/{world.events['E1']}/graph", f"event={world.events['E1']}"),
                        (f"/actors/{actor}/graph", f"actor={actor}")]:
        open_graph(page, base + path)
        links = dict(page.evaluate("Array.from(document.querySelectorAll('nav a')).map(a => [a.innerText, a.href])"))
        for label, fmt, root in (("GraphML", "graphml", "graphml"), ("GEXF", "gexf", "gexf")):
            assert f"format={fmt}" in links[label] and scope in links[label]
            body = page.request.get(links[label])
            assert body.ok and f"<{root}" in body.text()[:2000]
    open_graph(page, f"{base}/actors/{world.actors['macron']}/graph")
    assert page.inner_text("#heading") == "Emmanuel Macron and their events"
    open_graph(page, f"{base}/actors/{world.actors['quai']}/graph")
    assert page.inner_text("#heading") == f"{ACTORS['quai'].name} and its events"


def _hostile_event(store: Any) -> str:
    text = " ".join(f"Quote {i}: {h} and more." for i, h in enumerate(HOSTILE))
    reactions = []
    for i, h in enumerate(HOSTILE):
        start = text.index(h)
        reactions.append(ExtractedReaction(
            actor=ExtractedActor(name=f"{h} {i}", kind="person", country="FR", role=h),
            stance=("support", "oppose", "neutral", "oppose")[i], confidence=0.5 + i / 10, evidence=h,
            span=(start, start + len(h)), cue=h))
    article = Article(id=article_id(text), title=HOSTILE[0] + " href", text=text, url="javascript:window.__pwned=9",
                      source=HOSTILE[1])
    return store.add(Extraction(article=article, event=EventDraft(label=HOSTILE[2]), reactions=tuple(reactions))).event_id


def test_hostile_quotes_in_the_table_run_no_script(page: Page, live_world: tuple[str, World, Any]) -> None:
    base, _, store = live_world
    event = _hostile_event(store)
    for url in (f"{base}/events/{event}/graph", f"{base}/graph"):
        open_graph(page, url)
        quotes = [r["quote"] for r in _visible_rows(page)]
        assert set(HOSTILE) <= set(quotes)  # shown as the text it is
        links = page.evaluate("Array.from(document.querySelectorAll('#reactions a')).map(a => a.getAttribute('href'))")
        assert all(h.startswith(("https://", "/api/articles/")) for h in links)  # never the javascript: address
        for key in ("quote", "article", "actor"):
            page.click(f"th[data-key={key}] button")  # sorting moves the rows: still no script
        page.mouse.click(*hover_point(page, node_id(page, f"{HOSTILE[0]} 0")))
        page.select_option("#country", "FR")
        assert page.evaluate("window.__pwned") is None
        assert page.evaluate("document.querySelectorAll('img, iframe, a[href^=javascript]').length") == 0
    assert page.dialogs == []  # type: ignore[attr-defined]


@pytest.fixture
def live_crowd(db_url: str) -> Iterator[tuple[str, str]]:
    """The app on a loopback port with one event and 250 reactions to it, the least sure last."""
    app = create_app({"DATABASE_URL": db_url})
    store = app.extensions["reactiongraph"].store
    parts = [f"Delegate {i:03d} said so." for i in range(250)]
    text = " ".join(parts)
    reactions = []
    for i, part in enumerate(parts):
        start = text.index(part)
        reactions.append(ExtractedReaction(
            actor=ExtractedActor(name=f"Delegate {i:03d}", kind="person", country=("US", "GB", "FR")[i % 3]),
            stance=("support", "oppose", "neutral")[i % 3], confidence=round(0.99 - i / 300, 3), evidence=part,
            span=(start, start + len(part)), cue="said"))
    event = store.add(Extraction(article=Article(id=article_id(text), title="A crowd", text=text),
                                 event=EventDraft(label="A crowded event"), reactions=tuple(reactions))).event_id
    with serving(app) as base:
        yield f"{base}/events/{event}/graph", event


def test_a_long_table_shows_a_page_at_a_time_and_brings_what_is_clicked_first(page: Page,
                                                                               live_crowd: tuple[str, str]) -> None:
    url, event = live_crowd
    open_graph(page, url)
    assert len(_visible_rows(page)) == 200
    assert page.inner_text("#more") == "show 50 more (200 of 250 shown)"
    page.click("#more")
    assert len(_visible_rows(page)) == 250 and page.is_hidden("#more")
    page.uncheck("input[value=neutral]")
    rows = _visible_rows(page)
    assert len(rows) == 167 and "neutral" not in {r["stance"] for r in rows}
    # the least sure reaction, last in the table, comes first when its node is clicked
    last = node_id(page, "Delegate 249")
    page.mouse.click(*hover_point(page, last))
    first = page.evaluate("() => { const r = document.querySelector('#reactions tbody tr');"
                          " return [r.dataset.actor, r.className]; }")
    assert first == [last, "hl"]
    assert page.evaluate("document.querySelectorAll('#reactions tr.hl').length") == 1
