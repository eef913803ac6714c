"""The pages in a real browser: headless Chromium from Debian, driven by Playwright.

These run in CI (`make test` installs Chromium there). Without Chromium on a
developer machine they are skipped with the reason; under CI=true they fail.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from werkzeug.serving import make_server

from api import create_app
from graph.extract import Extractor
from graph.models import Article, EventDraft, ExtractedActor, ExtractedReaction, Extraction, article_id

from .conftest import SAMPLE

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        pytest.fail("Chromium is missing: `make test` installs Debian's chromium package", pytrace=False)
    pytest.skip("Debian's chromium is not installed (make test installs it as root)", allow_module_level=True)

from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
        "--disable-component-update", "--disable-sync", "--disable-quic"]
HOSTILE = [
    '<img src=x onerror="window.__pwned=1">',
    "</script><script>window.__pwned=2</script>",
    "<a href=\"javascript:window.__pwned=3\">click href</a>",
    "\" onmouseover=\"window.__pwned=4",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@contextmanager
def serving(app: Flask) -> Iterator[str]:
    """`app` on a real loopback port, in a thread, for the browser; its base URL. Closes the app's store after."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        app.extensions["reactiongraph"].close()


@pytest.fixture
def live(db_url: str, extractor: Extractor) -> Iterator[tuple[str, Any]]:
    """The app on a real loopback port, seeded with the bundled article."""
    app = create_app({"DATABASE_URL": db_url})
    store = app.extensions["reactiongraph"].store
    from graph.models import ArticleInput
    store.add(extractor.extract(extractor.prepare(ArticleInput(text=SAMPLE.read_text(encoding="utf-8")))))
    with serving(app) as base:
        yield base, store


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    p = context.new_page()
    p.requests_seen = []  # type: ignore[attr-defined]
    p.dialogs = []  # type: ignore[attr-defined]
    p.on("request", lambda r: p.requests_seen.append(r.url))  # type: ignore[attr-defined]
    p.on("dialog", lambda d: (p.dialogs.append(d.message), d.dismiss()))  # type: ignore[attr-defined]
    yield p
    context.close()


def event_id(store: Any) -> str:
    return store.events().items[0].event.id


def open_graph(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-drawn='1']", timeout=20_000)


def node_id(page: Page, label: str) -> str:
    return page.evaluate("(label) => reactiongraph.nodes.get({filter: n => n.label === label})[0].id", label)


def hover_point(page: Page, node: str, towards: str | None = None, share: float = 0.0) -> tuple[float, float]:
    """Screen point of a node, or of a point `share` of the way to another node."""
    return tuple(page.evaluate("""([a, b, share]) => {
        const net = reactiongraph.network, pos = net.getPositions(b ? [a, b] : [a]);
        let p = pos[a];
        if (b) { p = {x: p.x + (pos[b].x - p.x) * share, y: p.y + (pos[b].y - p.y) * share}; }
        const dom = net.canvasToDOM(p), rect = document.querySelector('#graph canvas').getBoundingClientRect();
        return [rect.left + dom.x, rect.top + dom.y];
    }""", [node, towards, share]))


def tooltip(page: Page, x: float, y: float) -> str:
    page.mouse.move(x - 40, y - 40)
    page.mouse.move(x, y, steps=4)
    page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5_000)
    return page.inner_text("div.vis-tooltip")


def test_seed_graph_draws_nodes_and_edges(page: Page, live: tuple[str, Any]) -> None:
    base, store = live
    open_graph(page, f"{base}/events/{event_id(store)}/graph")
    labels = page.evaluate("reactiongraph.visibleNodes().map(n => n.label)")
    # the event, its 10 reactors, and the countries they belong to
    assert {"Donald Trump", "Marco Rubio", "Pentagon", "United Kingdom", "Russia", "Israel"} <= set(labels)
    assert len(labels) == 14
    reacted = page.evaluate("reactiongraph.visibleEdges().filter(e => e.relation === 'reacted').length")
    assert reacted == 10
    on_canvas = page.evaluate("Object.values(reactiongraph.network.body.nodes).filter(n => n.options.hidden === false).length")
    assert on_canvas == len(labels)
    painted = page.evaluate("""() => {
        const c = document.querySelector('#graph canvas'), d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 0; i < d.length; i += 4) { if (d[i + 3] > 0 && (d[i] < 200 || d[i + 1] < 200)) n++; }
        return n; }""")
    assert painted > 2000, "the canvas is blank"
    assert page.inner_text("#counts").split() == ["3", "support", "5", "oppose", "2", "neutral"]


def test_hover_shows_plain_text_details(page: Page, live: tuple[str, Any]) -> None:
    base, store = live
    open_graph(page, f"{base}/events/{event_id(store)}/graph")
    ellwood = node_id(page, "Tobias Ellwood")
    text = tooltip(page, *hover_point(page, ellwood))
    assert "Tobias Ellwood" in text and "defence minister" in text and "United Kingdom (GB)" in text
    page.mouse.move(5, 5)
    rubio, event = node_id(page, "Marco Rubio"), f"event:{event_id(store)}"
    text = tooltip(page, *hover_point(page, rubio, event, 0.45))
    assert "Marco Rubio: oppose" in text and "grave error" in text and "confidence" in text


def test_filters_hide_what_they_should(page: Page, live: tuple[str, Any]) -> None:
    base, store = live
    open_graph(page, f"{base}/events/{event_id(store)}/graph")
    visible = "reactiongraph.visibleNodes().map(n => n.label)"
    before = set(page.evaluate(visible))
    assert {"Marco Rubio", "Donald Trump"} <= before
    page.uncheck("input[value=oppose]")
    after = set(page.evaluate(visible))
    assert "Marco Rubio" not in after and "Tobias Ellwood" not in after and "Donald Trump" in after
    assert all(e.get("stance") != "oppose" for e in page.evaluate("reactiongraph.visibleEdges()"))
    page.check("input[value=oppose]")
    page.select_option("#country", "GB")
    gb = set(page.evaluate(visible)) - {page.evaluate("reactiongraph.nodes.get({filter: n => n.type === 'event'})[0].label")}
    assert gb == {"United Kingdom", "British Foreign Office", "Tobias Ellwood"}


def _hostile_extraction() -> Extraction:
    text = " ".join(f"Quote {i}: {h} and more." for i, h in enumerate(HOSTILE))
    article = Article(id=article_id(text), title=HOSTILE[0] + " href", text=text)
    reactions = []
    for i, h in enumerate(HOSTILE):
        start = text.index(h)
        actor = ExtractedActor(name=f"{h} {i}", kind="person" if i % 2 else "organization", country="FR",
                               role=h, organization=h)
        reactions.append(ExtractedReaction(actor=actor, stance=("support", "oppose", "neutral", "oppose")[i],
                                           confidence=0.9, evidence=h, span=(start, start + len(h)), cue=h))
    return Extraction(article=article, event=EventDraft(label=HOSTILE[1] + " href " + HOSTILE[2]),
                      reactions=tuple(reactions))


def test_hostile_names_and_quotes_run_no_script(page: Page, live: tuple[str, Any]) -> None:
    base, store = live
    result = store.add(_hostile_extraction())
    for url in (f"{base}/events/{result.event_id}/graph", f"{base}/graph", f"{base}/"):
        page.goto(url)
        if url.endswith("graph"):
            page.wait_for_selector("body[data-drawn='1']", timeout=20_000)
            for label in page.evaluate("reactiongraph.visibleNodes().map(n => n.id)"):
                page.mouse.move(*hover_point(page, label), steps=2)
                page.wait_for_timeout(150)
            page.uncheck("input[value=support]")
            page.select_option("#country", "FR")
            page.check("input[value=support]")
        assert page.evaluate("window.__pwned") is None
        assert page.evaluate("document.querySelectorAll('img, iframe, a[href^=javascript]').length") == 0
    assert page.dialogs == []  # type: ignore[attr-defined]
    page.goto(f"{base}/events/{result.event_id}/graph")
    assert page.inner_text("#heading") == HOSTILE[1] + " href " + HOSTILE[2]


def test_nothing_leaves_the_machine(page: Page, live: tuple[str, Any]) -> None:
    base, store = live
    for path in ("/", f"/events/{event_id(store)}/graph", "/graph", "/api/docs"):
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
    outside = [u for u in page.requests_seen if not u.startswith(base)]  # type: ignore[attr-defined]
    assert outside == []


def test_home_page_lists_events_with_links(page: Page, live: tuple[str, Any]) -> None:
    base, store = live
    page.goto(base + "/")
    cells = page.eval_on_selector_all("#events tbody tr:first-child td", "tds => tds.map(td => td.innerText)")
    assert "withdrawing US troops from Syria" in cells[0]
    assert cells[2:] == ["1", "3", "5", "2"]  # articles, support, oppose, neutral
    page.click("#events tbody tr a")
    page.wait_for_selector("body[data-drawn='1']", timeout=20_000)
    assert page.url.endswith(f"/events/{event_id(store)}/graph")
