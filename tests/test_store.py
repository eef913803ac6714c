"""The SQL store: transactions, idempotency, merging actors across articles."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from graph.errors import NotFound
from graph.extract import Extractor
from graph.models import ArticleInput, Extraction
from graph.store import Store

from .conftest import SAMPLE


def extract(extractor: Extractor, text: str, title: str | None = None) -> Extraction:
    return extractor.extract(extractor.prepare(ArticleInput(text=text, title=title)))


def test_ingest_stores_everything_once(store: Store, extractor: Extractor) -> None:
    extraction = extract(extractor, SAMPLE.read_text(encoding="utf-8"))
    first = store.add(extraction)
    assert first.created and first.event_created
    assert first.reactions_added == len(extraction.reactions)
    again = store.add(extract(extractor, SAMPLE.read_text(encoding="utf-8") + "\n\n"))  # same normalised text
    assert not again.created and again.article_id == first.article_id and again.reactions_added == 0
    stats = store.stats()
    assert (stats.articles, stats.events, stats.reactions) == (1, 1, len(extraction.reactions))


def test_the_sqlite_store_is_a_real_file_in_wal_mode_and_mapped(store: Store, db_url: str) -> None:
    if not db_url.startswith("sqlite:///"):
        pytest.skip("SQLite only")
    with store.engine.connect() as conn:
        assert conn.execute(sa.text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(sa.text("PRAGMA foreign_keys")).scalar() == 1
        # Reads map the file (graph.store: a tenth of a paged list's time); every connection, not the first.
        assert conn.execute(sa.text("PRAGMA mmap_size")).scalar() == 256 * 2**20
    conns = [store.engine.connect() for _ in range(3)]
    try:
        assert {c.execute(sa.text("PRAGMA mmap_size")).scalar() for c in conns} == {256 * 2**20}
    finally:
        for c in conns:
            c.close()


def test_a_failing_ingest_leaves_nothing_behind(store: Store, extractor: Extractor) -> None:
    extraction = extract(extractor, SAMPLE.read_text(encoding="utf-8"))
    # The last reaction breaks a database constraint after the others were written.
    bad_actor = extraction.reactions[0].actor.model_copy(update={"name": "Zed Nobody", "aliases": ()})
    bad = extraction.reactions[0].model_copy(update={"stance": "furious", "actor": bad_actor})
    broken = extraction.model_copy(update={"reactions": extraction.reactions + (bad,)})
    with pytest.raises(sa.exc.IntegrityError):
        store.add(broken)
    stats = store.stats()
    assert (stats.articles, stats.events, stats.actors, stats.reactions) == (0, 0, 0, 0)


def test_actors_merge_across_articles(store: Store, extractor: Extractor) -> None:
    store.add(extract(extractor, "US President Donald Trump said the tariffs were a great victory.",
                      "US imposes tariffs on steel"))
    store.add(extract(extractor, "Trump said the deal was a historic success for American workers.",
                      "US signs trade deal with Japan"))
    store.add(extract(extractor, "Ivanka Trump said the plan was a mistake.", "US tariffs spark debate"))
    scope = store.scope()
    people = sorted((a.name, a.role) for a in scope.actors if a.kind == "person")
    assert people == [("Donald Trump", "President"), ("Ivanka Trump", None)]
    trump = next(a for a in scope.actors if a.name == "Donald Trump")
    assert "Trump" in trump.aliases
    assert sum(1 for r in scope.reactions if r.actor == trump.id) == 2
    assert not [a for a in scope.actors if a.kind == "organization"]


def test_countries_are_shared_nodes(store: Store, extractor: Extractor) -> None:
    store.add(extract(extractor, "Britain said the tariffs were a mistake.", "US imposes tariffs"))
    store.add(extract(extractor, "The United Kingdom welcomed the agreement.", "EU and US sign deal"))
    countries = [a for a in store.scope().actors if a.kind == "country"]
    assert [(a.id, a.country) for a in countries] == [("country-GB", "GB")]


def test_a_seat_of_government_is_one_body_of_its_country_across_articles(store: Store, extractor: Extractor) -> None:
    """"The Kremlin said" is the Kremlin, a body of Russia (as the news and the corpus name it), in every
    article; "Moscow" speaks as the country itself."""
    store.add(extract(extractor, "The Kremlin said the tariffs were a dangerous provocation.", "US imposes tariffs"))
    store.add(extract(extractor, "The Kremlin welcomed the agreement on grain exports.",
                      "Ukraine and Turkey sign grain deal"))
    store.add(extract(extractor, "Moscow condemned the sanctions as illegal.", "EU adopts new sanctions"))
    actors = {a.name: a for a in store.scope().actors}
    assert set(actors) == {"Kremlin", "Russia"}
    assert (actors["Kremlin"].kind, actors["Kremlin"].country) == ("organization", "RU")
    assert actors["Russia"].id == "country-RU" and "Moscow" in actors["Russia"].aliases
    assert len(store.scope().reactions) == 3


def test_attach_to_existing_event(store: Store, extractor: Extractor) -> None:
    first = store.add(extract(extractor, "Britain said the tariffs were a mistake.", "US imposes tariffs"))
    second = store.add(extract(extractor, "France condemned the tariffs.", "Tariffs anger Europe"),
                       event_id=first.event_id)
    assert second.event_id == first.event_id and not second.event_created
    summary = store.events().items
    assert len(summary) == 1 and summary[0].articles == 2 and summary[0].counts["oppose"] == 2
    with pytest.raises(NotFound):
        store.add(extract(extractor, "Spain condemned the tariffs.", "Tariffs"), event_id="ev-nope")


def test_reactions_of_an_event_filter_by_stance(store: Store, extractor: Extractor) -> None:
    result = store.add(extract(extractor, SAMPLE.read_text(encoding="utf-8")))
    oppose = store.reactions(event=result.event_id, stance="oppose").items
    assert oppose and all(v.reaction.stance == "oppose" for v in oppose)
    assert "Marco Rubio" in {v.actor.name for v in oppose}
    assert store.reactions(event="ev-missing").items == []


def test_reopening_the_file_keeps_the_data(db_url: str, extractor: Extractor) -> None:
    s = Store.open(db_url)
    s.add(extract(extractor, SAMPLE.read_text(encoding="utf-8")))
    s.close()
    again = Store.open(db_url)
    assert again.stats().articles == 1
    again.close()
