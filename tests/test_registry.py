"""The mentions registry is built once and then frozen: attribution finds actors, it never invents them.

Before, names the NER missed, bodies named by country and function and
governments named by an adjective became candidates only when attribution
happened to ask about them, so which actors existed depended on which
sentences were visited. These tests hold the registry to its contract on
paragraphs written for them, in any order.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.countries import gazetteer
from graph.extract import Extractor, pipeline
from graph.extract.mentions import Candidate, FrozenRegistry, Registry
from graph.models import ArticleInput

# Paragraphs with every kind of mention the registry must find on its own: untagged names at the start
# of a sentence, bodies named by their country and function, a government named by an adjective,
# pronouns and titles that point back, and names that never speak.
PARAGRAPHS = [
    "Ivanka Trump said the new levy was a grave error.",
    "Brazil's foreign ministry said it regretted the decision.",
    "The French government called the levy unjustified.",
    "She added that talks would continue, the minister said.",
    "Meridia Trade Council warned of retaliation on Tuesday.",
    "Officials in Lisbon met the Spanish trade committee to discuss the measure.",
    "\"This is the wrong road,\" the Dutch prime minister, Pieter Andriessen, said.",
    "Corvin Lale, who leads the Northern Farmers Union, did not comment.",
    "The Japanese authorities said they were studying the plan.",
]
TITLE = "Canada imposes a levy on imported steel"


def _state(candidates: Any) -> dict[str, tuple[Any, ...]]:
    """Everything a candidate says about an actor, comparable."""
    return {key: (c.kind, c.name, c.country, c.role, c.organization, tuple(sorted(c.aliases)), c.reporter)
            for key, c in candidates.items()}


class _Watched(Registry):
    """A registry that remembers what it held when it was built."""

    built: list["_Watched"] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.at_build = _state(self.candidates)
        _Watched.built.append(self)


def _extract(extractor: Extractor, paragraphs: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[_Watched, set[str]]:
    _Watched.built = []
    monkeypatch.setattr(pipeline, "Registry", _Watched)
    article = extractor.prepare(ArticleInput(text="\n\n".join(paragraphs), title=TITLE))
    names = {r.actor.name for r in extractor.extract(article).reactions}
    (registry,) = _Watched.built
    return registry, names


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.permutations(PARAGRAPHS).flatmap(lambda ps: st.integers(1, len(ps)).map(lambda n: ps[:n])))
def test_attribution_adds_no_candidate_and_changes_none(extractor: Extractor, monkeypatch: pytest.MonkeyPatch,
                                                       paragraphs: list[str]) -> None:
    registry, names = _extract(extractor, paragraphs, monkeypatch)
    assert _state(registry.candidates) == registry.at_build
    # every reacting actor is one the registry found while it was built
    assert names <= {c[1] for c in registry.at_build.values()}


def test_unnamed_speakers_are_candidates_before_anyone_speaks(extractor: Extractor) -> None:
    docs = [extractor.nlp(p) for p in PARAGRAPHS]
    names = {(c.name, c.kind, c.country) for c in Registry(docs, gazetteer()).candidates.values()}
    assert ("Ivanka Trump", "person", None) in names  # the NER tags no name at a sentence's start here
    assert ("Brazil's foreign ministry", "organization", "BR") in names
    assert ("France", "country", "FR") in names  # "the French government" is France


def test_a_built_registry_refuses_new_candidates(extractor: Extractor) -> None:
    registry = Registry([extractor.nlp("Harlan Vosk said the levy was a grave error.")], gazetteer())
    with pytest.raises(TypeError):
        registry.candidates["person:someone"] = Candidate("person:someone", "person", "Someone")  # type: ignore[index]
    with pytest.raises(FrozenRegistry):
        registry._country("DE", "Germany")  # every way in goes through the same guard
