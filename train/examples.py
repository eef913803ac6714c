"""Examples for the stance judge: what the judge sees at run time, labelled with the gold stance.

Each corpus article goes through the real pipeline with a recording judge
(the lexicon judge underneath); each speaker the pipeline keeps is matched to
a gold reaction the way `graph.evaluate` scores them, and the speaker's
statements become one example labelled with that reaction's stance. Speakers
the policy overrode as decision-makers and speakers with no gold reaction are
kept apart (`decider`, no label), since the judge's answer does not decide them.

    python -m train.examples corpus/train corpus/validation [--cost lexicon.json] > examples.jsonl

`--cost` writes the lexicon judge's cost beside them, for the candidate
table: milliseconds per judgement (its calls during extraction, one thread)
and the bytes of its word lists.
"""

from __future__ import annotations

import argparse
import json
import time
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
    triggers: list[str] | None = None  # each statement's reporting word, lower case ("condemned", "said", "headline")
    headline: bool = False  # some statement was read from the headline or a section heading
    about_self: bool = False  # some statement tells what the speaker does or will do ("said he would halt funding")


class Recorder:
    """The lexicon judge, keeping the policy step's call: each speaker's statements, in the order of its reactions.

    The policy asks about all of an article's speakers at once (`judge_many`),
    as it asks the learned judge at run time, and makes one reaction per
    speaker in that order; attribution and the policy's other rules ask only
    about cues (`cues`). So the n-th reaction's example is the n-th speaker
    the policy judged, exactly what the learned judge would be told. (Matching
    a reaction to a call by its evidence span gave a speaker of a joint
    statement, "Merkel, May and Macron issued a joint statement", whoever
    said that sentence first, with all of that one's statements.)
    """

    def __init__(self) -> None:
        self.inner = LexiconJudge()
        self.calls: list[tuple[list[Statement], EventView, Judgement]] = []
        self.seconds, self.count = 0.0, 0

    def _timed(self, statements: Sequence[Statement], event: EventView) -> Judgement:
        started = time.process_time()
        judgement = self.inner.judge(statements, event)
        self.seconds += time.process_time() - started
        self.count += 1
        return judgement

    def judge(self, statements: Sequence[Statement], event: EventView) -> Judgement:
        return self.judge_many([statements], event)[0]

    def cues(self, statements: Sequence[Statement], event: EventView) -> Judgement:
        return self._timed(statements, event)

    def judge_many(self, speakers: Sequence[Sequence[Statement]], event: EventView) -> list[Judgement]:
        judgements = [self._timed(stmts, event) for stmts in speakers]
        self.calls = [(list(stmts), event, j) for stmts, j in zip(speakers, judgements)]
        return judgements


def statement_text(stmt: Statement) -> str:
    """What the model reads of one statement: its words as the span shows them (or the title's quote)."""
    return " ".join((stmt.quote if stmt.quote is not None else stmt.text).split())


def build(directories: Sequence[Path], extractor_model: str = DEFAULT_MODEL,
          cost: dict | None = None) -> list[Example]:
    """The examples of every article in `directories` (a directory's name is its split).

    `cost`, when given, receives the lexicon judge's total seconds and calls.
    """
    out: list[Example] = []
    for directory in directories:
        golds = load_gold(directory)
        for gold in golds:
            recorder = Recorder()
            ex = Extractor(extractor_model, judge=recorder)  # the spaCy pipeline is loaded once and shared
            article = ex.prepare(ArticleInput(text=gold.text, title=gold.title, url=gold.url, published=gold.published))
            extraction = ex.extract(article)
            if cost is not None:
                cost["seconds"] = cost.get("seconds", 0.0) + recorder.seconds
                cost["calls"] = cost.get("calls", 0) + recorder.count
            matched: set[int] = set()
            if len(recorder.calls) != len(extraction.reactions):
                raise RuntimeError(f"{gold.id}: the policy judged {len(recorder.calls)} speakers "
                                   f"for {len(extraction.reactions)} reactions")
            for reaction, (stmts, event, judgement) in zip(extraction.reactions, recorder.calls):
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
                                   lexicon_neutral_cue=judgement.grounds and not judgement.takes_side,
                                   triggers=[s.trigger.lower() for s in stmts],
                                   headline=any(s.headline for s in stmts), about_self=any(s.about_self for s in stmts)))
            for g in gold.reactions:
                if g.evidence and not g.optional:
                    out.append(Example(gold.id, gold.event_key or gold.id, directory.name, g.actor,
                                       extraction.event.label, "", [g.evidence], g.stance, "", 0.0, False, source="gold"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("directories", nargs="+", type=Path)
    parser.add_argument("--cost", type=Path, help="write the lexicon judge's ms per judgement and size here")
    args = parser.parse_args()
    cost: dict = {}
    for example in build(args.directories, cost=cost):
        print(json.dumps(asdict(example), ensure_ascii=False))
    if args.cost is not None:
        words = Path(__file__).resolve().parent.parent / "graph" / "words"
        args.cost.write_text(json.dumps({"ms": round(1000 * cost["seconds"] / max(cost["calls"], 1), 2),
                                         "bytes": sum(f.stat().st_size for f in words.glob("*.txt"))}) + "\n")


if __name__ == "__main__":
    main()
