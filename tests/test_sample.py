"""The bundled article: the reactions a reader of it would list, and no others."""

from __future__ import annotations

import pytest

from graph.extract import Extractor
from graph.models import ArticleInput, Extraction

from .conftest import SAMPLE


@pytest.fixture(scope="module")
def extraction(extractor: Extractor) -> Extraction:
    return extractor.extract(extractor.prepare(ArticleInput(text=SAMPLE.read_text(encoding="utf-8"))))


def _by_name(extraction: Extraction) -> dict[str, str]:
    return {r.actor.name: r.stance for r in extraction.reactions}


@pytest.mark.parametrize("name, stance", [
    ("Donald Trump", "support"),
    ("Benjamin Netanyahu", "neutral"),
    ("Russian Foreign Ministry", "support"),
    ("British Foreign Office", "oppose"),
    ("Marco Rubio", "oppose"),
    ("Lindsey Graham", "oppose"),
    ("Tobias Ellwood", "oppose"),
    ("Pentagon", "neutral"),
])
def test_reactor_and_stance(extraction: Extraction, name: str, stance: str) -> None:
    assert _by_name(extraction).get(name) == stance


@pytest.mark.parametrize("name", ["Reuters", "Sally Ayhan", "Hasan Abdullah", "Wall Street Journal",
                                  "Bashar al Assad", "ISIS", "Daesh", "Twitter", "TRT World"])
def test_not_a_reactor(extraction: Extraction, name: str) -> None:
    names = [r.actor.name.lower() for r in extraction.reactions]
    assert not any(name.lower() in n for n in names), names


def test_actor_details(extraction: Extraction) -> None:
    actors = {r.actor.name: r.actor for r in extraction.reactions}
    ellwood = actors["Tobias Ellwood"]
    assert (ellwood.kind, ellwood.country, ellwood.role) == ("person", "GB", "defence minister")
    netanyahu = actors["Benjamin Netanyahu"]
    assert (netanyahu.country, netanyahu.role) == ("IL", "Prime Minister")
    assert actors["Russian Foreign Ministry"].country == "RU"
    assert actors["Russian Foreign Ministry"].kind == "organization"
    assert actors["Donald Trump"].country == "US"
    assert "Trump" in actors["Donald Trump"].aliases


def test_evidence_is_the_span_of_the_stored_text(extraction: Extraction) -> None:
    text = extraction.article.text
    for r in extraction.reactions:
        assert text[r.span[0]:r.span[1]] == r.evidence
        assert r.evidence.strip()
    rubio = next(r for r in extraction.reactions if r.actor.name == "Marco Rubio")
    assert "grave error" in rubio.evidence
    assert rubio.cue in ("criticism", "error", "grave")


def test_event_label_comes_from_the_title(extraction: Extraction) -> None:
    assert extraction.article.title.startswith("Officials said the president was withdrawing")
    assert "withdrawing US troops from Syria" in extraction.event.label
    assert "Officials said" not in extraction.event.label


def test_worker_processes_extract_the_same_as_one(extractor: Extractor) -> None:
    """Bulk ingest sends whole articles to forked workers; what comes back is what one process finds, in order."""
    text = SAMPLE.read_text(encoding="utf-8")
    articles = [extractor.prepare(ArticleInput(text=f"{text}\n\nUpdate {i}.", title=f"Report {i}")) for i in range(10)]
    assert list(extractor.extract_many(articles, n_process=2)) == list(extractor.extract_many(articles))
