"""The policy step: from statements and their judgements to the reactions an article reports.

Three rules sit between the judge and the output, and none of them is
about words: who made the decision stands by it; a decision-maker who only
announced it made the event, not a reaction; and a headline that sums up a
speaker the text quotes gives way to that speaker.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..models import ExtractedActor, ExtractedReaction
from . import lexicon
from .attribution import Statement
from .judge import EventView, Judgement, StanceJudge, cues_of, judge_speakers
from .mentions import Candidate, Registry

_ANNOUNCING = ("announc", "declar", "decid", "unveil")  # word beginnings of announcing a decision


def reactions(text: str, statements: list[Statement], registry: Registry, deciders: set[str],
              lead_sentence: tuple[int, int] | None, judge: StanceJudge, event: EventView) -> tuple[ExtractedReaction, ...]:
    """One reaction per speaker, in order of first statement, as the policy keeps them.

    `deciders` are the candidates who made the decision, `lead_sentence`
    where the lead tells it (article offsets), `text` the article's text
    the spans point into.
    """
    speakers = [(key, stmts) for key, stmts in _by_speaker(statements, registry).items()
                if not (key in deciders and _only_announces(stmts, lead_sentence, judge, event))]
    judgements = judge_speakers(judge, [stmts for _, stmts in speakers], event)
    return tuple(_reaction(text, registry.candidates[key], stmts, judgement, key in deciders)
                 for (key, stmts), judgement in zip(speakers, judgements))


def _reaction(text: str, cand: Candidate, stmts: Sequence[Statement], judgement: Judgement,
              decider: bool) -> ExtractedReaction:
    stance, confidence, reason = judgement.stance, judgement.confidence, judgement.explanation
    if decider:
        # Who made the decision stands by it; what they condemn is what they acted against
        # ("the countries had failed to stop the flow of fentanyl", "a disastrous deal").
        if stance != "support":
            reason = "defends own decision"
        stance, confidence = "support", max(confidence, 0.7) if stance == "support" else 0.7
    if not 0 <= judgement.evidence < len(stmts):
        raise ValueError(f"the judge chose statement {judgement.evidence} of {len(stmts)} as evidence")
    chosen = stmts[judgement.evidence]
    start, end = chosen.start, chosen.end
    evidence = text[start:end]
    if chosen.quote is not None:  # from a title that is not part of the text: no span to point at
        evidence, start, end = chosen.quote, 0, 0
    actor = ExtractedActor(name=cand.name, kind=cand.kind, country=cand.country, role=cand.role,
                           organization=cand.organization,
                           aliases=tuple(sorted(a for a in cand.aliases if a != cand.name)))
    return ExtractedReaction(actor=actor, stance=stance, confidence=confidence,
                             evidence=evidence, span=(start, end), cue=reason)


def _only_announces(stmts: list[Statement], lead_sentence: tuple[int, int] | None, judge: StanceJudge,
                    event: EventView) -> bool:
    """The decision-maker only announced the decision: that is the event, not a reaction to it.

    Announcing words anywhere ("Trump announced the withdrawal"), and, in
    the lead's first sentence, plain "said" about what the speaker will do,
    taking no side by the judge: that tells the decision itself ("Trump said
    on Tuesday he would halt funding to the WHO"; not "Trump said the funds
    were wasted" or "said they have defeated ISIS", a defence of it).
    """
    def announces(stmt: Statement) -> bool:
        words = {w.strip().lower() for w in stmt.trigger.split(",")}
        if all(w.startswith(_ANNOUNCING) for w in words):
            return True
        return lead_sentence is not None and lead_sentence[0] <= stmt.start < lead_sentence[1] \
            and words <= lexicon.PLAIN_SPEECH and stmt.about_self and not cues_of(judge, [stmt], event).takes_side

    return all(map(announces, stmts))


def _by_speaker(statements: list[Statement], registry: Registry) -> dict[str, list[Statement]]:
    """Statements grouped by speaker, less summaries of a more specific speaker.

    "Israel supportive of strike" over "Netanyahu said he backed it", and
    "France and Germany spoke out against the move" over their ministers'
    quotes: the country of a headline, or of a sentence several speakers
    share, reacts through the person or body the text quotes, which is
    the reaction to keep.
    """
    grouped: dict[str, list[Statement]] = {}
    makers: dict[tuple[int, int], set[str]] = {}
    for stmt in statements:
        grouped.setdefault(stmt.key, []).append(stmt)
        makers.setdefault((stmt.start, stmt.end), set()).add(stmt.key)

    def sums_up(stmt: Statement) -> bool:
        return stmt.headline or len(makers[(stmt.start, stmt.end)]) > 1

    quoted = {registry.candidates[key].country for key, stmts in grouped.items()
              if registry.candidates[key].kind != "country" and not all(map(sums_up, stmts))}
    return {key: stmts for key, stmts in grouped.items()
            if not (registry.candidates[key].kind == "country" and registry.candidates[key].country in quoted
                    and all(map(sums_up, stmts)))}
