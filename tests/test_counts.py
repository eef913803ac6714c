"""The copies the store keeps for fast reads stay equal to what they copy.

Reactions carry their actor's kind and country and their article's title
and date, `stance_counts` holds
each event's, actor's and country's reactions by stance, `stance_actors`
and `actor_counts` each event's and country's distinct actors by stance,
`actor_events` how many events each actor reacted to, `store_totals`
the store's events, actors and reactions by stance, and `event_totals`
each event's articles, reactions by stance and distinct actors.
Every write path is run here and all are checked against the rows they
summarise.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from sqlalchemy import select

from graph import schema as t
from graph.models import Article, EventDraft, ExtractedActor, ExtractedReaction, Extraction, article_id
from graph.store import Store


def _article(title: str, reactors: list[tuple[str, str, str | None, str]]) -> Extraction:
    """An article in which each (name, kind, country, stance) reacts."""
    text = " ".join(f"{name} said the plan was {stance}." for name, _, _, stance in reactors) + f" ({title})"
    reactions = []
    for name, kind, country, stance in reactors:
        start = text.index(name)
        reactions.append(ExtractedReaction(actor=ExtractedActor(name=name, kind=kind, country=country),
                                           stance=stance, confidence=0.9, evidence=name,
                                           span=(start, start + len(name)), cue=stance))
    published = dt.date(2020, 1, 1) + dt.timedelta(days=len(title))
    return Extraction(article=Article(id=article_id(text), title=title, text=text, published=published),
                      event=EventDraft(label=title, terms={title.lower(): 1}), reactions=tuple(reactions))


def _check(store: Store) -> None:
    with store.engine.connect() as conn:
        rows = conn.execute(select(t.reactions.c.actor_id, t.reactions.c.event_id, t.reactions.c.stance,
                                   t.reactions.c.actor_kind, t.reactions.c.actor_country, t.reactions.c.article_id,
                                   t.reactions.c.article_title, t.reactions.c.article_published)).all()
        article_rows = {r.id: r for r in conn.execute(select(t.articles.c.id, t.articles.c.title,
                                                             t.articles.c.published))}
        actors = {r.id: r for r in conn.execute(select(t.actors))}
        stored = {(r.node, r.stance): r.n for r in conn.execute(select(t.stance_counts))}
        actor_counts = {(r.node, r.stance): r.n for r in conn.execute(select(t.actor_counts))}
        stance_actors = {(r.node, r.stance, r.actor_id): r.n for r in conn.execute(select(t.stance_actors))}
        actor_events = {r.actor_id: r.n for r in conn.execute(select(t.actor_events))}
        totals = conn.execute(select(t.store_totals)).one()._asdict()
        n_events = len(conn.execute(select(t.events.c.id)).all())
        event_totals = {r.event_id: r._asdict() for r in conn.execute(select(t.event_totals))}
        articles = Counter(conn.execute(select(t.articles.c.event_id)).scalars())
        event_ids = set(conn.execute(select(t.events.c.id)).scalars())
    expected: Counter[tuple[str, str]] = Counter()
    for r in rows:
        assert (r.actor_kind, r.actor_country) == (actors[r.actor_id].kind, actors[r.actor_id].country)
        article = article_rows[r.article_id]
        assert (r.article_title, r.article_published) == (article.title, article.published)
        expected[(f"event:{r.event_id}", r.stance)] += 1
        expected[(f"actor:{r.actor_id}", r.stance)] += 1
        if r.actor_country:
            expected[(f"country:{r.actor_country}", r.stance)] += 1
    assert stored == dict(expected)
    # Distinct actors of each event and country, by stance and ('') in all (migration 0008).
    pairs: Counter[tuple[str, str, str]] = Counter()
    for r in rows:
        for node in (f"event:{r.event_id}",) + ((f"country:{r.actor_country}",) if r.actor_country else ()):
            pairs[(node, r.stance, r.actor_id)] += 1
            pairs[(node, "", r.actor_id)] += 1
    assert stance_actors == dict(pairs)
    assert actor_counts == dict(Counter((node, stance) for node, stance, _ in pairs))
    # The events each actor reacted to, and the store's totals in one row (migration 0009).
    assert actor_events == dict(Counter(a for node, stance, a in pairs if stance == "" and node.startswith("event:")))
    stances = Counter(r.stance for r in rows)
    assert totals == {"id": 1, "events": n_events, "actors": len(actors),
                      **{s: stances[s] for s in ("support", "oppose", "neutral")}}
    # Each event's row of counts, for a page of events in one statement (migration 0010).
    expected_totals = {}
    for event_id in event_ids:
        node = f"event:{event_id}"
        expected_totals[event_id] = {
            "event_id": event_id, "articles": articles[event_id],
            **{s: expected[(node, s)] for s in ("support", "oppose", "neutral")},
            "actors": sum(1 for n, s, _ in pairs if n == node and s == ""),
            **{f"actors_{s}": sum(1 for n, st, _ in pairs if n == node and st == s)
               for s in ("support", "oppose", "neutral")}}
    assert event_totals == expected_totals


def test_copies_and_counts_follow_every_write(store: Store) -> None:
    first = store.add(_article("Dam opening", [("Maria Lindqvist", "person", None, "support"),
                                                ("Harbour Authority", "organization", "NO", "oppose"),
                                                ("Norway", "country", "NO", "neutral")]))
    _check(store)
    assert store.reactions(country="SE").items == []
    # A later article gives the same person a country: her earlier reaction now counts for it.
    second = store.add(_article("Dam closing", [("Maria Lindqvist", "person", "SE", "oppose"),
                                                 ("Lindqvist", "person", "SE", "oppose")]))
    _check(store)
    assert len(store.reactions(country="SE").items) == 2
    assert store.country_counts("SE") == {"support": 1, "oppose": 1, "neutral": 0}

    maria = store.reactions(country="SE").items[0].actor.id
    reaction = store.reactions(event=first.event_id, actor=maria).items[0].reaction
    store.correct_reaction(reaction.id, stance="neutral")
    _check(store)
    assert store.actor(maria)[1] == {"support": 0, "oppose": 1, "neutral": 1}

    authority = store.reactions(country="NO", kind="organization").items[0].actor.id
    store.merge_actors(authority, into=maria)  # both reacted in the first article: Maria's reviewed one stays
    _check(store)
    store.merge_events(second.event_id, into=first.event_id)
    _check(store)
    assert store.event_detail(first.event_id).summary.counts == {"support": 0, "oppose": 1, "neutral": 2}

    store.delete_reaction(reaction.id)
    _check(store)
    store.delete_article(first.article_id)
    _check(store)
    assert store.country_counts("NO") == {"support": 0, "oppose": 0, "neutral": 0}

    # Two actors who reacted to one event in different articles become one actor of it, and deleting
    # an event's last article drops the event with its counts.
    third = store.add(_article("Dam levy", [("Ole Berg", "person", "NO", "support")]))
    fourth = store.add(_article("Dam levy again", [("Kari Berg", "person", "NO", "oppose")]),
                       event_id=third.event_id)
    _check(store)
    ole, kari = (store.reactions(article=a.article_id).items[0].actor.id for a in (third, fourth))
    store.merge_actors(kari, into=ole)
    _check(store)
    assert store.event_detail(third.event_id).summary.actors.total == 1
    for article in (third, fourth):
        store.delete_article(article.article_id)
        _check(store)
    assert [e.event.id for e in store.events().items if e.event.id == third.event_id] == []
