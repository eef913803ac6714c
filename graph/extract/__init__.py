"""Extraction of events, actors, stances and quotes from English news text.

The public surface: the `Extractor`, `paragraphs` (how a text is cut into
the paragraphs it parses, which ingest bounds), `REPORTING_VERBS` (a
reactor's verbs, which no event label has for its own: `evaluate` counts
labels that do), and the stance-judge seam (the `StanceJudge` protocol, what
a judge reads and answers, the `LexiconJudge` and the `LearnedJudge` (a
frozen encoder with a head trained on the corpus), and judges by the name
the `STANCE_JUDGE` setting gives: "lexicon" or "learned").
"""

from .attribution import Statement
from .judge import EventView, Judgement, StanceJudge, judge_names, make_judge
from .learned import LearnedJudge
from .nlp import DEFAULT_MODEL
from .pipeline import DEFAULT_MAX_CHARS, Extractor
from .stance import LexiconJudge
from .text import paragraphs
from .wording import REPORTING_VERBS

__all__ = ["DEFAULT_MAX_CHARS", "DEFAULT_MODEL", "REPORTING_VERBS", "EventView", "Extractor", "Judgement", "LearnedJudge", "LexiconJudge",
           "StanceJudge", "Statement", "judge_names", "make_judge", "paragraphs"]
