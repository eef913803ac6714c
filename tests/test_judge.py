"""The stance judge is a seam: whatever judge the extractor is given decides the stance."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from api import create_app
from api.settings import SettingError
from graph.extract import EventView, Extractor, Judgement, LexiconJudge, Statement, judge_names, make_judge
from graph.models import ArticleInput

TITLE = "Canada imposes new tariffs on steel imports"
BODY = ("Brazilian President Luiz Inacio Lula da Silva said the tariffs were a grave mistake.\n\n"
        "Norwegian Prime Minister Jonas Gahr Store called for calm.\n\n"
        "\"We will study the measures,\" Store added.")


class AlwaysSupport:
    """A fake judge: support at 0.9 for anything, the last statement as evidence, and a record of its calls."""

    def __init__(self) -> None:
        self.calls: list[tuple[list[Statement], EventView]] = []

    def judge(self, statements: Sequence[Statement], event: EventView) -> Judgement:
        self.calls.append((list(statements), event))
        return Judgement("support", {"support": 0.9, "oppose": 0.05, "neutral": 0.05}, "fake judge says so",
                         evidence=len(statements) - 1, grounds=True, takes_side=True)


@pytest.fixture(scope="module")
def article(extractor: Extractor):
    return extractor.prepare(ArticleInput(text=BODY, title=TITLE))


def test_the_judgement_gives_stance_confidence_cue_and_evidence(extractor: Extractor, article) -> None:
    fake = AlwaysSupport()
    got = {r.actor.name: r for r in Extractor(judge=fake).extract(article).reactions}
    assert set(got) == {"Luiz Inacio Lula da Silva", "Jonas Gahr Store"}
    for r in got.values():
        assert (r.stance, r.confidence, r.cue) == ("support", 0.9, "fake judge says so")
    # the judge chose the last of Store's two statements as the evidence
    assert got["Jonas Gahr Store"].evidence == "We will study the measures"
    assert article.text[slice(*got["Jonas Gahr Store"].span)] == got["Jonas Gahr Store"].evidence
    # what it was asked: each speaker's statements, with their words, and the event by its label
    asked = {stmts[0].key: [s.text for s in stmts] for stmts, _ in fake.calls}
    assert asked["person:jonas gahr store"] == ["Norwegian Prime Minister Jonas Gahr Store called for calm.",
                                               "We will study the measures"]
    assert all(event.label == "Canada imposes new tariffs on steel imports" for _, event in fake.calls)
    # the lexicon judge, for comparison, reads the same article otherwise
    lexicon = {r.actor.name: r.stance for r in extractor.extract(article).reactions}
    assert lexicon == {"Luiz Inacio Lula da Silva": "oppose", "Jonas Gahr Store": "neutral"}


def test_a_judgement_must_give_every_stance_a_probability() -> None:
    with pytest.raises(ValueError, match="sum to 1"):
        Judgement("support", {"support": 0.9, "oppose": 0.05}, "too few")
    assert Judgement("oppose", {"support": 0.1, "oppose": 0.7, "neutral": 0.2}, "x").confidence == 0.7


def test_the_setting_names_the_judge(tmp_path) -> None:
    assert "lexicon" in judge_names()
    assert isinstance(make_judge("lexicon"), LexiconJudge)
    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}"})
    assert app.config["STANCE_JUDGE"] == "learned"  # the default: better on events nobody tuned on (README)
    with pytest.raises(SettingError, match="REACTIONGRAPH_STANCE_JUDGE"):
        create_app({"STANCE_JUDGE": "oracle"})


def test_evidence_the_judge_cannot_point_at_is_refused(article) -> None:
    class Astray(AlwaysSupport):
        def judge(self, statements: Sequence[Statement], event: EventView) -> Judgement:
            return Judgement("oppose", {"support": 0.1, "oppose": 0.8, "neutral": 0.1}, "astray", evidence=len(statements))

    with pytest.raises(ValueError, match="as evidence"):
        Extractor(judge=Astray()).extract(article)
