"""The stance judge: the one place that decides how a speaker stands toward the event.

Attribution finds statements (who said what, where) and carries no stance;
the judge reads them; the policy step and the reaction read only its
`Judgement`. So the lexicon scorer of today (`stance.LexiconJudge`) and a
learned model are interchangeable: the extractor receives its judge as a
parameter, and the app names one with the `STANCE_JUDGE` setting.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from ..models import STANCES, Stance

if TYPE_CHECKING:
    from .attribution import Statement


@dataclass(frozen=True)
class EventView:
    """What a judge is told of the event: its label, and the words that introduce it
    (the title, the label and the opening paragraphs), which say what kind of event it is."""

    label: str
    context: str
    title: str = ""  # the headline alone, where the article has one: what a countermeasure must aim at
    lead: str = ""  # the lead paragraph alone: with the title, what says whether the event harmed people


@dataclass(frozen=True)
class Judgement:
    """How one speaker's statements stand toward the event, and why.

    `stance` is the judge's answer and `probabilities` its belief in each
    stance (they sum to 1; the reaction's confidence is that of `stance`).
    `explanation` is what the reaction reports as its cue: the words that
    decided, or why the statements take no side. `evidence` is the index,
    among the statements judged, of the one that shows the stance best.
    `grounds` is whether the words carry a stance at all, or a deliberately
    neutral one ("calls for calm"), whatever the event: a verbless headline
    clause without grounds is no reaction. `takes_side` is whether they
    carry a stance either way: a decision-maker's plain "said he would ..."
    without one only announces the decision.
    """

    stance: Stance
    probabilities: Mapping[Stance, float]
    explanation: str
    evidence: int = 0
    grounds: bool = False
    takes_side: bool = False

    def __post_init__(self) -> None:
        if set(self.probabilities) != set(STANCES) or abs(sum(self.probabilities.values()) - 1) > 1e-6:
            raise ValueError(f"probabilities must give each of {STANCES} and sum to 1, got {dict(self.probabilities)}")

    @property
    def confidence(self) -> float:
        """The judge's belief in its own answer."""
        return self.probabilities[self.stance]


def probabilities(stance: Stance, confidence: float) -> dict[Stance, float]:
    """`confidence` for `stance`, the rest shared by the other two: for judges that give one number."""
    rest = (1 - confidence) / 2
    return {s: confidence if s == stance else rest for s in STANCES}


class StanceJudge(Protocol):
    """Anything that judges one speaker's statements toward one event."""

    def judge(self, statements: Sequence[Statement], event: EventView) -> Judgement:
        """Judge `statements` (one speaker's, in reading order; never empty) toward `event`."""
        ...


def judge_speakers(judge: StanceJudge, speakers: Sequence[Sequence[Statement]], event: EventView) -> list[Judgement]:
    """Each speaker's judgement, in one call where the judge can take them together (`judge_many`).

    A model judge gets all of an article's speakers at once, to batch them
    where that pays (on the CPU it did not, for MiniLM: padding cost more
    than the calls); a judge without `judge_many` is asked about each in turn.
    """
    many = getattr(judge, "judge_many", None)
    if many is not None:
        return list(many(speakers, event))
    return [judge.judge(stmts, event) for stmts in speakers]


def cues_of(judge: StanceJudge, statements: Sequence[Statement], event: EventView) -> Judgement:
    """What the words carry (`grounds`, `takes_side`), for steps that ask only that, not the stance.

    A judge whose stance is costly and whose `grounds` come from elsewhere
    offers `cues` (the learned judge: the lexicon's reading, without
    running its model); any other judge is simply asked.
    """
    cues = getattr(judge, "cues", None)
    return cues(statements, event) if cues is not None else judge.judge(statements, event)


_JUDGES: dict[str, Callable[[], StanceJudge]] = {}


def register(name: str, factory: Callable[[], StanceJudge]) -> None:
    """Make a judge available by `name` to the `STANCE_JUDGE` setting."""
    _JUDGES[name] = factory


def judge_names() -> list[str]:
    """The names `STANCE_JUDGE` accepts."""
    return sorted(_JUDGES)


def make_judge(name: str) -> StanceJudge:
    """The judge registered as `name`."""
    try:
        return _JUDGES[name]()
    except KeyError:
        raise LookupError(f"no stance judge {name!r}; known: {', '.join(judge_names())}") from None
