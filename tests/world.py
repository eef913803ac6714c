"""A small store with stances chosen by hand, for alignment, coalitions, timelines and the event export.

Five dated events, one article each (plus a second article on E4 and one on
E5), so every expected pair, group and flip can be worked out on paper:

| actor (country)            | E1 | E2 | E3 | E4            | E5 |
|----------------------------|----|----|----|---------------|----|
| Emmanuel Macron (FR)       | S  | O  | S  | S             |    |
| French Foreign Ministry (FR)| S | .  | .  | O             |    |
| Rishi Sunak (GB)           | S  | O  | S  | O             | S  |
| United Kingdom (GB)        | .  | O  | .  | O             |    |
| Olaf Scholz (DE)           | S  | O  | N  | S, then O (tie) |  |
| Vladimir Putin (RU)        | O  | S  | O  | O             |    |
| Sergei Lavrov (RU)         | O  | S  | O  | O             |    |
| Xi Jinping (CN)            | O  | .  | O  | N             |    |
| Antonio Guterres (-)       | N  | N  | .  | .             |    |
| Manu Elysee (FR)           | .  | .  | .  | .             | S  |

Manu Elysee is Macron under another name: tests merge him into Macron.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from graph.models import Article, EventDraft, ExtractedActor, ExtractedReaction, Extraction, article_id
from graph.store import Store

ACTORS = {
    "macron": ExtractedActor(name="Emmanuel Macron", kind="person", country="FR", role="President"),
    "quai": ExtractedActor(name="French Foreign Ministry", kind="organization", country="FR"),
    "sunak": ExtractedActor(name="Rishi Sunak", kind="person", country="GB", role="Prime Minister"),
    "uk": ExtractedActor(name="United Kingdom", kind="country", country="GB"),
    "scholz": ExtractedActor(name="Olaf Scholz", kind="person", country="DE", role="Chancellor"),
    "putin": ExtractedActor(name="Vladimir Putin", kind="person", country="RU", role="President"),
    "lavrov": ExtractedActor(name="Sergei Lavrov", kind="person", country="RU", role="Foreign Minister"),
    "xi": ExtractedActor(name="Xi Jinping", kind="person", country="CN", role="President"),
    "guterres": ExtractedActor(name="Antonio Guterres", kind="person", role="UN Secretary-General"),
    "manu": ExtractedActor(name="Manu Elysee", kind="person", country="FR"),
}
EVENTS = {  # label, date; the label names Vladimir Putin as the decision-maker of E2
    "E1": ("Ceasefire agreement signed in Geneva", dt.date(2024, 1, 10)),
    "E2": ("Vladimir Putin's decision to annex the border region", dt.date(2024, 2, 10)),
    "E3": ("Sanctions package adopted", dt.date(2024, 3, 10)),
    "E4": ("Arms deal announced", dt.date(2024, 4, 10)),
    "E5": ("Climate pledge at the summit", dt.date(2024, 5, 10)),
}
# (event, article suffix, published, url, {actor: stance})
ARTICLES = [
    ("E1", "a", dt.date(2024, 1, 11), "https://news.example/e1", {
        "macron": "support", "quai": "support", "sunak": "support", "scholz": "support", "putin": "oppose",
        "lavrov": "oppose", "xi": "oppose", "guterres": "neutral"}),
    ("E2", "a", dt.date(2024, 2, 11), "https://news.example/e2", {
        "macron": "oppose", "sunak": "oppose", "uk": "oppose", "scholz": "oppose", "putin": "support",
        "lavrov": "support", "guterres": "neutral"}),
    ("E3", "a", dt.date(2024, 3, 12), "https://news.example/e3", {
        "macron": "support", "sunak": "support", "scholz": "neutral", "putin": "oppose", "lavrov": "oppose",
        "xi": "oppose"}),
    ("E4", "a", dt.date(2024, 4, 11), "https://news.example/e4a", {
        "macron": "support", "quai": "oppose", "sunak": "oppose", "uk": "oppose", "scholz": "support",
        "putin": "oppose", "lavrov": "oppose", "xi": "neutral"}),
    ("E4", "b", dt.date(2024, 4, 13), "https://news.example/e4b?x=1&y=<2>", {"scholz": "oppose"}),
    ("E5", "a", dt.date(2024, 5, 11), "https://news.example/e5", {"sunak": "support", "manu": "support"}),
]
CUES = {"support": "welcomed", "oppose": "condemned", "neutral": "noted"}


@dataclass(frozen=True)
class World:
    """Ids of what `build` stored."""

    events: dict[str, str]  # E1.. -> event id
    actors: dict[str, str]  # key -> actor id
    articles: dict[str, str]  # "E4b" -> article id


def quote(actor: str, stance: str, event: str) -> str:
    """The quote stored for a reaction: tab, newline and markup in it test every escaping path."""
    name = ACTORS[actor].name
    return f'"We {CUES[stance]} this," said {name} about {event}.\tIt <b>matters</b> & more\nto come.'


def build(store: Store) -> World:
    """Store the table above; returns the ids."""
    events: dict[str, str] = {}
    articles: dict[str, str] = {}
    for event, suffix, published, url, stances in ARTICLES:
        label, date = EVENTS[event]
        text = f"Article {event}{suffix}. " + " ".join(quote(a, s, event) for a, s in stances.items())
        reactions = []
        for actor, stance in stances.items():
            q = quote(actor, stance, event)
            start = text.index(q)
            reactions.append(ExtractedReaction(actor=ACTORS[actor], stance=stance, confidence=0.9, evidence=q,
                                               span=(start, start + len(q)), cue=CUES[stance]))
        art = Article(id=article_id(text), title=f"Reactions to {label} ({suffix})", url=url, published=published,
                      source="news.example", text=text)
        result = store.add(Extraction(article=art, event=EventDraft(label=label, date=date), reactions=tuple(reactions)),
                           event_id=events.get(event))
        events[event] = result.event_id
        articles[event + suffix] = result.article_id
    scope = store.scope()
    by_name = {a.name: a.id for a in scope.actors}
    return World(events, {k: by_name[a.name] for k, a in ACTORS.items()}, articles)
