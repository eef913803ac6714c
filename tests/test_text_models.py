"""Normalisation, paragraphs and the strict domain models."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from graph.errors import InvalidInput
from graph.countries import gazetteer
from graph.extract.text import check_text, normalise, paragraphs
from graph.models import Actor, ArticleInput, Reaction, article_id


def test_normalise_quotes_spaces_and_invisible_characters() -> None:
    raw = "\ufeffIsrael\u2019s PM said\u00a0\u201cno\u201d\u200b.\r\n\r\n\r\n\r\nNext\x07 line  \n"
    assert normalise(raw) == "Israel's PM said \"no\".\n\nNext line"


def test_paragraphs_keep_offsets_and_split_headings() -> None:
    text = "Decision draws reaction\nBritain said it was a mistake.\n\nThis line is hard\nwrapped prose."
    units = paragraphs(text)
    assert [u.text for u in units] == ["Decision draws reaction", "Britain said it was a mistake.",
                                       "This line is hard\nwrapped prose."]
    assert all(text[u.start:u.start + len(u.text)] == u.text for u in units)


def test_article_id_is_the_hash_of_normalised_text() -> None:
    a = check_text("Britain\u00a0said \u201cyes\u201d.", 1000)
    b = check_text("Britain said \"yes\".  \n", 1000)
    assert a == b and article_id(a) == article_id(b)
    assert article_id(a) != article_id(check_text("Britain said no.", 1000))


@pytest.mark.parametrize("text, message", [("", "empty"), (" \n\t ", "empty"), ("a\x00b", "binary"),
                                           ("x" * 101, "limit is 100")])
def test_check_text_refuses(text: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        check_text(text, 100)


def test_models_are_strict_with_readable_errors() -> None:
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        ArticleInput.model_validate({"text": "x", "body": "y"})
    with pytest.raises(ValidationError, match="Input should be a valid string"):
        ArticleInput.model_validate({"text": 42})
    with pytest.raises(ValidationError, match="exactly one of 'text' or 'html'"):
        ArticleInput.model_validate({"text": "x", "html": "<p>x</p>"})
    assert str(ArticleInput.model_validate({"text": "x", "published": "2018-12-19"}).published) == "2018-12-19"
    with pytest.raises(ValidationError, match="not an ISO 3166-1 alpha-2"):
        Actor(id="a", name="X", kind="person", country="XX")
    with pytest.raises(ValidationError, match="kind"):
        Actor(id="a", name="X", kind="robot")
    base = dict(id="r", actor="a", event="e", article="t", stance="oppose", evidence="e", cue="c")
    with pytest.raises(ValidationError, match="less than or equal to 1"):
        Reaction(**base, confidence=1.5, span=(0, 1))
    with pytest.raises(ValidationError, match="start <= end"):
        Reaction(**base, confidence=0.5, span=(5, 1))


@pytest.mark.parametrize("surface, code", [("Britain", "GB"), ("British", "GB"), ("Russian", "RU"),
                                           ("Moscow", "RU"), ("Washington", "US"), ("US", "US"),
                                           ("the United States", "US"), ("Israel's", "IL"), ("Iranians", "IR"),
                                           ("French", "FR"), ("Scottish", "GB"), ("Tehran", "IR"),
                                           ("Argentine", "AR"), ("Bosnia", "BA"), ("Kiev", "UA"), ("Uzbek", "UZ")])
def test_country_gazetteer(surface: str, code: str) -> None:
    match = gazetteer().lookup(surface)
    assert match is not None and match.code == code


@pytest.mark.parametrize("surface", ["us", "Republican", "Daesh", "Islamic", "EU"])
def test_not_countries(surface: str) -> None:
    assert gazetteer().lookup(surface) is None
