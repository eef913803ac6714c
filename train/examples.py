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
    """The lexicon judge, keeping each speaker's fullest call (the policy's, with all their statements)."""

    def __init__(self) -> None:
        self.inner = LexiconJudge()
        self.calls: dict[str, tuple[list[Statement], EventView, Judgement]] = {}
        self.seconds, self.count = 0.0, 0

    def judge(self, statements: Sequence[Statement], event: EventView) -> Judgement:
        started = time.process_time()
        judgement = self.inner.judge(statements, event)
        self.seconds += time.process_time() - started
        self.count += 1
        key = statements[0].key
        if key not in self.calls or len(statements) >= len(self.calls[key][0]):
            self.calls[key] = (list(statements), event, judgement)
        return judgement


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
