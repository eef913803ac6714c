"""Examples for the stance judge: what the judge sees at run time, labelled with the gold stance.

Each corpus article goes through the real pipeline with a recording judge
(the lexicon judge underneath); each speaker the pipeline keeps is matched to
a gold reaction the way `graph.evaluate` scores them, and the speaker's
statements become one example labelled with that reaction's stance. Speakers
the policy overrode as decision-makers and speakers with no gold reaction are
kept apart (`decider`, no label), since the judge's answer does not decide them.

    python -m train.examples corpus/train corpus/validation > examples.jsonl
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from graph.evaluate import load_gold, match_gold
from graph.extract import DEFAULT_MODEL, EventView, Extractor, Judgement, LexiconJudge, Statement
from graph.models import ArticleInput


@dataclass
class Example:
    """One speaker's statements about one event, with the gold stance where the corpus has one."""

    article: str
    event_key: str
    split: str
    speaker: str
    event_label: str
    event_context: str
    statements: list[str]
    stance: str | None  # gold stance; None for a speaker with no (or an optional) gold reaction
    lexicon: str  # the lexicon judge's answer, the baseline
    lexicon_confidence: float
    decider: bool  # the policy made it support as the decision-maker, whatever the judge said
    lexicon_neutral_cue: bool = False  # the lexicon found a deliberately neutral cue ("calls for calm") and no side
    source: str = "pipeline"  # or "gold": a gold evidence quote, for augmenting training only


class Recorder:
    """The lexicon judge, keeping each speaker's fullest call (the policy's, with all their statements)."""

    def __init__(self) -> None:
        self.inner = LexiconJudge()
        self.calls: dict[str, tuple[list[Statement], EventView, Judgement]] = {}

    def judge(self, statements: Sequence[Statement], event: EventView) -> Judgement:
        judgement = self.inner.judge(statements, event)
        key = statements[0].key
        if key not in self.calls or len(statements) >= len(self.calls[key][0]):
            self.calls[key] = (list(statements), event, judgement)
        return judgement


def statement_text(stmt: Statement) -> str:
    """What the model reads of one statement: its words as the span shows them (or the title's quote)."""
    return " ".join((stmt.quote if stmt.quote is not None else stmt.text).split())


def build(directories: Sequence[Path], extractor_model: str = DEFAULT_MODEL) -> list[Example]:
    """The examples of every article in `directories` (a directory's name is its split)."""
    out: list[Example] = []
    for directory in directories:
        golds = load_gold(directory)
        for gold in golds:
            recorder = Recorder()
            ex = Extractor(extractor_model, judge=recorder)  # the spaCy pipeline is loaded once and shared
            article = ex.prepare(ArticleInput(text=gold.text, title=gold.title, url=gold.url, published=gold.published))
            extraction = ex.extract(article)
            matched: set[int] = set()
            for reaction in extraction.reactions:
                key = next((k for k, (stmts, _, _) in recorder.calls.items()
                            if any((s.start, s.end) == tuple(reaction.span) or
                                   (s.quote is not None and s.quote == reaction.evidence) for s in stmts)), None)
                if key is None:
                    continue
                stmts, event, judgement = recorder.calls[key]
                hit = match_gold(reaction.actor.name, gold.reactions, matched)
                stance = None
                if hit is not None:
                    matched.add(hit)
                    if not gold.reactions[hit].optional:
                        stance = gold.reactions[hit].stance
                out.append(Example(gold.id, gold.event_key or gold.id, directory.name, reaction.actor.name,
                                   event.label, event.context, [statement_text(s) for s in stmts], stance,
                                   judgement.stance, judgement.confidence,
                                   decider=reaction.stance != judgement.stance or reaction.cue == "defends own decision",
                                   lexicon_neutral_cue=judgement.grounds and not judgement.takes_side))
            for g in gold.reactions:
                if g.evidence and not g.optional:
                    out.append(Example(gold.id, gold.event_key or gold.id, directory.name, g.actor,
                                       extraction.event.label, "", [g.evidence], g.stance, "", 0.0, False, source="gold"))
    return out


def main(argv: list[str]) -> None:
    for example in build([Path(a) for a in argv]):
        print(json.dumps(asdict(example), ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
