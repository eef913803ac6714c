"""Extraction of events, actors, stances and quotes from English news text.

The public surface: the `Extractor`, `paragraphs` (how a text is cut into
the paragraphs it parses, which ingest bounds), and the stance-judge seam (the
`StanceJudge` protocol, what a judge reads and answers, the `LexiconJudge`
and the fine-tuned `LearnedJudge`, and judges by the name the `STANCE_JUDGE`
setting gives: "lexicon" or "learned").
"""

from .attribution import Statement
from .judge import EventView, Judgement, StanceJudge, judge_names, make_judge
from .learned import LearnedJudge
from .nlp import DEFAULT_MODEL
from .pipeline import DEFAULT_MAX_CHARS, Extractor
from .stance import LexiconJudge
from .text import paragraphs

__all__ = ["DEFAULT_MAX_CHARS", "DEFAULT_MODEL", "EventView", "Extractor", "Judgement", "LearnedJudge", "LexiconJudge",
           "StanceJudge", "Statement", "judge_names", "make_judge", "paragraphs"]
