"""Timelines and the comparison of two events, on dated articles (tests/world.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from graph import timeline as tl
from graph.errors import InvalidInput, NotFound
from graph.store import Store

from .world import ACTORS, World, build


@pytest.fixture
def world(store: Store) -> World:
    return build(store)


def test_an_actors_timeline_runs_by_publication_date(store: Store, world: World) -> None:
    page = tl.actor_timeline(store.engine, world.actors["scholz"])
    assert [(v.published, v.event_label, v.reaction.stance) for v in page.items] == [
        (dt.date(2024, 1, 11), "Ceasefire agreement signed in Geneva", "support"),
        (dt.date(2024, 2, 11), "Vladimir Putin's decision to annex the border region", "oppose"),
        (dt.date(2024, 3, 12), "Sanctions package adopted", "neutral"),
        (dt.date(2024, 4, 11), "Arms deal announced", "support"),
        (dt.date(2024, 4, 13), "Arms deal announced", "oppose")]
    assert page.next_cursor is None


def test_timeline_pages_join_up_whatever_the_page_size(store: Store, world: World) -> None:
    whole = [v.reaction.id for v in tl.actor_timeline(store.engine, world.actors["sunak"], limit=500).items]
    for size in (1, 2, 3):
        seen, cursor = [], None
        while True:
            page = tl.actor_timeline(store.engine, world.actors["sunak"], cursor=cursor, limit=size)
            seen += [v.reaction.id for v in page.items]
            cursor = page.next_cursor
            if cursor is None:
                break
        assert seen == whole and len(whole) == 5


def test_undated_articles_come_last(store: Store, world: World) -> None:
    from graph.models import Article, EventDraft, ExtractedReaction, Extraction, article_id

    text = "Undated. Sunak said it was fine."
    art = Article(id=article_id(text), title="No date", text=text)
    store.add(Extraction(article=art, event=EventDraft(label="Undated event"), reactions=(ExtractedReaction(
        actor=ACTORS["sunak"], stance="support", confidence=0.5, evidence="it was fine", span=(0, 3), cue="fine"),)))
    items = tl.actor_timeline(store.engine, world.actors["sunak"]).items
    assert items[-1].event_label == "Undated event" and items[-1].published is None
    assert [m.month for m in tl.actor_months(store.engine, world.actors["sunak"])] == [
        "2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "undated"]


def test_an_events_reactions_in_order_of_publication(store: Store, world: World) -> None:
    items = tl.event_timeline(store.engine, world.events["E4"]).items
    assert [v.published for v in items] == [dt.date(2024, 4, 11)] * 8 + [dt.date(2024, 4, 13)]
    assert items[-1].actor.name == "Olaf Scholz" and items[-1].reaction.stance == "oppose"


def test_months_count_stances(store: Store, world: World) -> None:
    months = tl.actor_months(store.engine, world.actors["scholz"])
    assert [(m.month, m.support, m.oppose, m.neutral) for m in months] == [
        ("2024-01", 1, 0, 0), ("2024-02", 0, 1, 0), ("2024-03", 0, 0, 1), ("2024-04", 1, 1, 0)]


def test_who_flipped_between_two_events(store: Store, world: World) -> None:
    e = world.events
    result = tl.compare(store.engine, e["E1"], e["E2"])
    rows = [(c.name, c.a, c.b, c.flipped) for c in result.parties]
    # Flips first (by name), then the unchanged; Xi and the ministry reacted to one of them only.
    assert rows == [("Emmanuel Macron", "support", "oppose", True), ("Olaf Scholz", "support", "oppose", True),
                    ("Rishi Sunak", "support", "oppose", True), ("Sergei Lavrov", "oppose", "support", True),
                    ("Vladimir Putin", "oppose", "support", True), ("Antonio Guterres", "neutral", "neutral", False)]
    # E3 to E4: Sunak flips; Scholz goes from neutral to a tie (neutral): unchanged; Xi oppose -> neutral: changed.
    later = {c.name: c for c in tl.compare(store.engine, e["E3"], e["E4"]).parties}
    assert later["Rishi Sunak"].flipped and not later["Olaf Scholz"].changed
    assert later["Xi Jinping"].changed and not later["Xi Jinping"].flipped
    countries = {c.id: (c.a, c.b) for c in tl.compare(store.engine, e["E3"], e["E4"], by="country").parties}
    assert countries == {"FR": ("support", "neutral"), "GB": ("support", "oppose"), "DE": ("neutral", "neutral"),
                         "RU": ("oppose", "oppose"), "CN": ("oppose", "neutral")}


def test_bad_ids_and_arguments(store: Store, world: World) -> None:
    with pytest.raises(NotFound):
        tl.actor_timeline(store.engine, "ac-nobody")
    with pytest.raises(NotFound):
        tl.event_timeline(store.engine, "ev-nothing")
    with pytest.raises(NotFound):
        tl.compare(store.engine, world.events["E1"], "ev-nothing")
    with pytest.raises(InvalidInput):
        tl.compare(store.engine, world.events["E1"], world.events["E1"])
    with pytest.raises(InvalidInput):
        tl.actor_timeline(store.engine, world.actors["sunak"], cursor="forged")
