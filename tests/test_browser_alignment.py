"""The alignment view and the actor timeline chart in headless Chromium (see tests/test_browser.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from api import create_app
from graph.models import Article, EventDraft, ExtractedActor, ExtractedReaction, Extraction, article_id

from .test_browser import HOSTILE, browser, serving, page  # noqa: F401  (fixtures)
from .world import World, build

from playwright.sync_api import Page  # noqa: E402  (test_browser skips the module first when Chromium is missing)


@pytest.fixture
def live_world(db_url: str) -> Iterator[tuple[str, World, Any]]:
    """The app on a loopback port with tests/world.py, plus two hostile actors on E1 and E2."""
    app = create_app({"DATABASE_URL": db_url})
    store = app.extensions["reactiongraph"].store
    world = build(store)
    for event in ("E1", "E2"):
        text = f"{event} hostile. " + " ".join(f"Quote {i}: {h} and more." for i, h in enumerate(HOSTILE))
        reactions = []
        for i, h in enumerate(HOSTILE[:2]):
            start = text.index(h)
            reactions.append(ExtractedReaction(
                actor=ExtractedActor(name=f"{h} {i}", kind="person", country="FR", role=h), stance="oppose",
                confidence=0.8, evidence=h, span=(start, start + len(h)), cue=h))
        store.add(Extraction(article=Article(id=article_id(text), title=HOSTILE[0], text=text),
                             event=EventDraft(label="x"), reactions=tuple(reactions)), event_id=world.events[event])
    with serving(app) as base:
        yield base, world, store


def _edge(page: Page, a: str, b: str) -> dict[str, Any]:
    return page.evaluate("([a, b]) => reactiongraph.edges.get().find(e => (e.from === a && e.to === b) || "
                         "(e.from === b && e.to === a))", [a, b])


def test_the_alignment_view_draws_parties_sides_and_coalitions(page: Page, live_world: tuple[str, World, Any]) -> None:
    base, world, _ = live_world
    a = world.actors
    page.goto(f"{base}/alignment")
    page.wait_for_selector("body[data-drawn='1']", timeout=20_000)
    labels = set(page.evaluate("reactiongraph.nodes.get().map(n => n.label)"))
    assert {"Emmanuel Macron", "Vladimir Putin", "Xi Jinping", "Antonio Guterres", "United Kingdom"} <= labels
    assert "Manu Elysee" not in labels  # one event: below k = 2
    agree, disagree = _edge(page, a["macron"], a["sunak"]), _edge(page, a["macron"], a["putin"])
    assert (agree["relation"], agree["color"]) == ("agree", "#2e9d4a")
    assert (disagree["relation"], disagree["color"]) == ("disagree", "#d0342c")
    assert "4 common events: 3 same side, 1 opposite, 0 neutral" in agree["title"]
    # Coalition members share a colour; the panel lists both blocs.
    colour = "([id]) => reactiongraph.nodes.get(id).color"
    assert page.evaluate(colour, [a["putin"]]) == page.evaluate(colour, [a["xi"]]) != page.evaluate(colour, [a["macron"]])
    sections = page.locator("#coalitions section.coalition")
    # the West, the East, and the two hostile actors, who opposed both their events together
    assert sections.count() == 3
    assert "Rishi Sunak" in sections.nth(0).inner_text() and "Vladimir Putin" in sections.nth(1).inner_text()
    assert HOSTILE[0] in sections.nth(2).inner_text()  # shown as text
    page.uncheck("input[value=disagree]")
    assert all(e["relation"] != "disagree" for e in page.evaluate("reactiongraph.visibleEdges()"))
    assert page.evaluate("reactiongraph.visibleEdges().length") > 0
    on_canvas = page.evaluate("Object.values(reactiongraph.network.body.nodes).length")
    assert on_canvas == len(labels)


def test_the_alignment_form_changes_the_scope(page: Page, live_world: tuple[str, World, Any]) -> None:
    base, _, _ = live_world
    page.goto(f"{base}/alignment")
    page.wait_for_selector("body[data-drawn='1']", timeout=20_000)
    page.select_option("select[name=by]", "country")
    page.click("#scope button")
    page.wait_for_selector("body[data-drawn='1']", timeout=20_000)
    assert "by=country" in page.url
    assert set(page.evaluate("reactiongraph.nodes.get().map(n => n.id)")) == {"FR", "GB", "DE", "RU", "CN"}
    assert page.inner_text("#heading") == "Who sides with whom: countries"


def test_the_actor_timeline_chart(page: Page, live_world: tuple[str, World, Any]) -> None:
    base, world, _ = live_world
    page.goto(f"{base}/actors/{world.actors['scholz']}/graph")
    page.wait_for_selector("body[data-drawn='1']", timeout=20_000)
    page.click("text=Timeline")
    page.wait_for_selector("#chart")
    bars = page.evaluate("""() => [...document.querySelectorAll('#chart rect.bar')].map(r => [
        r.dataset.month, r.dataset.stance, +r.dataset.n, r.getBoundingClientRect().height > 0,
        r.querySelector('title').textContent])""")
    assert bars == [["2024-01", "support", 1, True, "2024-01: 1 support"],
                    ["2024-02", "oppose", 1, True, "2024-02: 1 oppose"],
                    ["2024-03", "neutral", 1, True, "2024-03: 1 neutral"],
                    ["2024-04", "support", 1, True, "2024-04: 1 support"],
                    ["2024-04", "oppose", 1, True, "2024-04: 1 oppose"]]
    rows = page.evaluate("[...document.querySelectorAll('#reactions tbody tr')].map(r => r.cells[0].innerText + ' ' + r.cells[2].innerText)")
    assert rows == ["2024-01-11 support", "2024-02-11 oppose", "2024-03-12 neutral", "2024-04-11 support",
                    "2024-04-13 oppose"]
    # the quote's markup is text
    assert "<b>matters</b>" in page.inner_text("#reactions tbody tr:first-child td.quote")
    assert page.inner_text("#totals").startswith("2 support 2 oppose 1 neutral")


def test_hostile_names_run_no_script_on_the_new_pages(page: Page, live_world: tuple[str, World, Any]) -> None:
    base, _, store = live_world
    hostile = [a for a in store.actors(q="onerror").items + store.actors(q="script").items]
    assert hostile
    urls = [f"{base}/alignment", f"{base}/alignment?by=country", f"{base}/alignment?min_events=1"] + [
        f"{base}/actors/{h.id}/timeline" for h in hostile]
    for url in urls:
        page.goto(url)
        if "/alignment" in url:
            page.wait_for_selector("body[data-drawn='1']", timeout=20_000)
            for node in page.evaluate("reactiongraph.nodes.get().map(n => n.id)")[:12]:
                x, y = page.evaluate("""(id) => { const net = reactiongraph.network, p = net.getPositions([id])[id];
                    const d = net.canvasToDOM(p), r = document.querySelector('#graph canvas').getBoundingClientRect();
                    return [r.left + d.x, r.top + d.y]; }""", node)
                page.mouse.move(x, y, steps=2)
                page.wait_for_timeout(80)
        assert page.evaluate("window.__pwned") is None
        assert page.evaluate("document.querySelectorAll('img, iframe, a[href^=javascript]').length") == 0
    assert page.dialogs == []  # type: ignore[attr-defined]
    outside = [u for u in page.requests_seen if not u.startswith(base)]  # type: ignore[attr-defined]
    assert outside == []
