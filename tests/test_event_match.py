"""Events across articles: the matching rule, on hand-made events and on real ingests."""

from __future__ import annotations

import datetime as dt

from graph.event_match import Candidate, best_match
from graph.extract import Extractor
from graph.models import ArticleInput
from graph.store import Store

SYRIA = Candidate("ev-syria", dt.date(2018, 12, 19), frozenset({"country:sy", "country:us", "troop", "withdraw"}))
PARIS = Candidate("ev-paris", dt.date(2017, 6, 1), frozenset({"paris", "climate", "agreement", "country:us", "quit"}))


def test_shared_topic_terms_match() -> None:
    assert best_match(("troop", "withdraw", "country:sy", "pull"), None, [SYRIA, PARIS]) == "ev-syria"
    assert best_match(("climate", "accord", "paris"), None, [SYRIA, PARIS]) == "ev-paris"


def test_shared_countries_alone_do_not_match() -> None:
    # Named in passing ("joins Syria and Nicaragua"), countries weigh less than topics.
    assert best_match(("country:sy", "country:us", "tariff", "steel", "import"), None, [SYRIA, PARIS]) is None


def test_dates_far_apart_never_match() -> None:
    assert best_match(("troop", "withdraw", "country:sy"), dt.date(2019, 3, 1), [SYRIA]) is None
    assert best_match(("troop", "withdraw", "country:sy"), dt.date(2018, 12, 24), [SYRIA]) == "ev-syria"


def test_nothing_to_compare() -> None:
    assert best_match((), None, [SYRIA]) is None
    assert best_match(("troop",), None, []) is None


def test_articles_about_one_event_share_it(store: Store, extractor: Extractor) -> None:
    def add(text: str, title: str) -> str:
        return store.add(extractor.extract(extractor.prepare(ArticleInput(text=text, title=title)))).event_id

    first = add("Chile said the tariffs on copper imports were a grave mistake.", "Canada imposes tariffs on copper imports")
    second = add("Peru condemned the copper tariffs.", "Copper import tariffs anger Canada's partners")
    other = add("Kenya welcomed the new vaccine programme.", "Kenya starts malaria vaccine programme")
    assert second == first and other != first
    assert len(store.events().items) == 2
