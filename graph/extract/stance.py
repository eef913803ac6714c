"""The lexicon judge: stance toward the event from the cue words of a speaker's statements.

A cue is a word or phrase from the stance lexicons (graph/words); a negation
that governs the cue itself flips it ("does not welcome", "is not a
mistake"), while one elsewhere in the clause does not ("must not lose sight
of the threat": negation.py). Whether a cue of praise, hope or sorrow bears
on the event at all (said of it, hoping it goes on, mourning its harm) is
read in praise.py; this module finds the cues, asks it, and decides.
`LexiconJudge` is the `judge.StanceJudge` the app uses unless the
`STANCE_JUDGE` setting names another.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..models import Stance
from . import lexicon
from .judge import EventView, Judgement, probabilities, register
from .negation import negated
from .praise import (EventWords, hoped_gone, hopes_it_ends, hoping_phrase, mourns_another, of_another_subject,
                     praise_weight, sorrow_for_another)

if TYPE_CHECKING:
    from .attribution import Statement


@dataclass(frozen=True)
class Cue:
    """A stance-bearing word found in a statement, with its signed weight."""

    text: str
    weight: float
    start: int  # absolute character offset, to keep the strongest cue's place
    commitment: bool = False  # a commitment to what the event abandons; see `for_event`


@functools.cache
def _phrase_patterns() -> list[tuple[re.Pattern[str], str, float, bool]]:
    """Multi-word cues as patterns that allow inflection and one word between."""
    out = []
    for table, sign, commitment in ((lexicon.SUPPORT_CUES, 1.0, False), (lexicon.OPPOSE_CUES, -1.0, False),
                                    (lexicon.COMMITMENT_CUES, -1.0, True)):
        for phrase, weight in table.items():
            if " " in phrase:
                words = [re.escape(w) + r"\w*" for w in phrase.split()]
                out.append((re.compile(r"\b" + r"\s+(?:\w+\s+)?".join(words) + r"\b"), phrase, sign * weight,
                            commitment))
    return out


def _countered(tok: Token) -> bool:
    """"efforts to counter threats", "would resolve concerns", "refrain from provocation": the cue word is
    what someone fights or keeps away, not what they fear of the event. Not where the removing is denied
    or comes to nothing ("had not resolved her concerns", "failed to dispel fears", "no promise could
    dispel them": the fear stands), nor where the thing is pointed back at ("refrain from this dangerous
    escalation", "such reckless provocations": it may be the event itself)."""
    verb = _countering_verb(tok)
    return verb is not None and not _comes_to_nothing(verb) and not _pointed_at(tok)


def _countering_verb(tok: Token) -> Token | None:
    """The verb of fighting or removing (graph/words/countering_verbs.txt) over a cue word, within three heads."""
    head = tok.head
    for _ in range(3):
        if head.lemma_.lower() in lexicon.COUNTERING_VERBS:
            return head
        if head.head == head:
            break
        head = head.head
    return None


def _fear_stands(tok: Token) -> bool:
    """A fear whose removing is denied or came to nothing ("had not resolved her concerns"): the "not"
    is the removing's, and leaves the fear as it was; it does not turn the fear's word around."""
    verb = _countering_verb(tok)
    return verb is not None and _comes_to_nothing(verb)


def _comes_to_nothing(verb: Token) -> bool:
    """A verb of removing a fear that is denied ("could not resolve", "never dispelled") or governed by a
    word of futility (graph/words/futile_words.txt): "failed to dispel", "unable to resolve", "did
    nothing / little to dispel", "no promise could dispel", "nothing could resolve"."""
    if negated(verb):
        return True
    governor = verb.head
    if verb.dep_ in ("xcomp", "acl", "relcl") and governor is not verb:
        if governor.lemma_.lower() in lexicon.FUTILE_WORDS:
            return True  # "failed to dispel", "unable to resolve", "nothing to dispel"
        if verb.dep_ == "xcomp" and any(c.dep_ == "dobj" and c.lemma_.lower() in lexicon.FUTILE_WORDS
                                        for c in governor.children):
            return True  # "did little to resolve"
    for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        if subject.lemma_.lower() in lexicon.FUTILE_WORDS or any(
                c.dep_ == "det" and c.lower_ in lexicon.FUTILE_WORDS for c in subject.children):
            return True  # "nothing could resolve", "no promise could dispel"
    return False


def _pointed_at(tok: Token) -> bool:
    """The feared thing pointed back at by a demonstrative or "such" (graph/words/pointing_words.txt):
    "this dangerous escalation", "such reckless provocations" -- what was just named, the event maybe."""
    noun = tok.head if tok.dep_ == "amod" else tok
    return any(c.dep_ in ("det", "predet", "amod") and c.lower_ in lexicon.POINTING_WORDS for c in noun.children)


def _says(tok: Token) -> bool:
    """"Issued a statement condemning the attack": a participle on the speaker's own words says them
    (not "Americans who support the deal"). Own words: a statement the speaker issues, released or
    signs, that names no other author ("rejected a statement by the European Union welcoming the deal",
    "refused to sign a regional statement condemning the takeover", "had seen a statement from Kabul
    condemning the strikes", "brushed aside a Mexican statement condemning them": someone else's words,
    whose stance is not the speaker's)."""
    noun = tok.head
    if not (tok.dep_ == "acl" and tok.tag_ == "VBG" and noun.lemma_.lower() in lexicon.SPEECH_NOUNS):
        return False
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "in" and verb.head.lemma_.lower() in lexicon.SPEECH_VERBS:
        verb = verb.head  # "said in a statement condemning the coup": the speaker's statement
    elif noun.dep_ not in ("dobj", "nsubjpass") or verb.lemma_.lower() not in lexicon.ISSUING_VERBS:
        return False
    if any(c.dep_ == "neg" for c in verb.children):
        return False
    if verb.dep_ == "xcomp" and (verb.head.lemma_.lower() in lexicon.REFUSING_VERBS
                                 or any(c.dep_ == "neg" for c in verb.head.children)):
        return False  # "refused to sign a statement condemning it", "did not want to issue ..."
    return not any((c.dep_ == "poss" and c.pos_ != "PRON") or c.dep_ == "compound"  # "its own statement": own
                   or (c.dep_ == "prep" and c.lower_ in ("by", "from", "of"))
                   or (c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE")) for c in noun.children)


def _a_thing(tok: Token) -> bool:
    """A noun naming things, not a judgement: "goods", "human rights", "the right to return"."""
    return tok.tag_ in ("NNS", "NNPS") or (
        tok.pos_ in ("NOUN", "PROPN") and any(c.dep_ in ("det", "poss", "prep", "compound", "amod") for c in tok.children))


def _phrase_head(tokens: list[Token], start: int, end: int) -> Token | None:
    """The token heading the words between character offsets `start` and `end` (its head is outside)."""
    span = [t for t in tokens if start <= t.idx < end]
    for t in span:
        if t.head not in span or t.head is t:
            return t
    return None


_HOPE = "hope"  # the lemma a hoping phrase is read as (graph/words/hoping_phrases.txt)


def find_cues(tokens: Iterable[Token], offset: int, event: EventWords | None = None) -> list[Cue]:
    """Cues among `tokens` (one sentence or part of it); `offset` maps to article text. With the event's
    words, praise of another subject and sorrow for another harm are no cue."""
    tokens = list(tokens)
    if not tokens:
        return []
    cues: list[Cue] = []
    for tok in tokens:
        if tok.dep_ in ("acl", "relcl") and tok.pos_ == "VERB" and not _says(tok):
            # "the deal endorsed by the Council", "Americans who support the deal": about someone else
            continue
        # the lemma first, then the word as written: in a fixed order, as the first form that is a cue
        # decides (a set's order changed with the hash seed, and one answer's confidence with it)
        forms = dict.fromkeys((tok.lemma_.lower(), tok.lower_))
        if hoping_phrase(tok):
            forms = {_HOPE: None}  # "looked forward to working with": a hope, weighed and checked as one
        for form in forms:
            if form in lexicon.ADJECTIVE_CUES and _a_thing(tok):
                continue
            if form in lexicon.HOPING_CUES and hopes_it_ends(tok):
                break
            weight = lexicon.SUPPORT_CUES.get(form) or 0.0
            weight -= lexicon.OPPOSE_CUES.get(form) or 0.0
            if weight < 0 and (_countered(tok) or hoped_gone(tok)):
                weight = 0.0
            if weight < 0 and form in lexicon.SORROW_FOR and sorrow_for_another(tok):
                weight = 0.0
            if weight < 0 and form in lexicon.MOURNING_WORDS and event is not None and mourns_another(tok, event):
                weight = 0.0
            if weight > 0 and form in lexicon.PREDICATED_CUES and of_another_subject(tok, event):
                weight = 0.0
            if weight and form in lexicon.PRAISE_CUES:  # said of the event, negation read there
                weight = praise_weight(tok, weight, event)
                if weight:
                    cues.append(Cue(tok.text, weight, offset + tok.idx))
                break
            commitment = -(lexicon.COMMITMENT_CUES.get(form) or 0.0)
            if weight or commitment:
                denied = negated(tok) and not (weight < 0 and _fear_stands(tok))
                if weight:
                    cues.append(Cue(tok.text, -weight if denied else weight, offset + tok.idx))
                elif not denied:
                    cues.append(Cue(tok.text, commitment, offset + tok.idx, commitment=True))
                break
    start = tokens[0].idx
    words = tokens[0].doc[tokens[0].i:tokens[-1].i + 1].text  # the text from the first token to the last
    text = words.lower()
    for pattern, phrase, weight, commitment in _phrase_patterns():
        for m in pattern.finditer(text):
            if phrase in lexicon.PRAISE_CUES:  # "a significant step", "bode well": said of the event
                head = _phrase_head(tokens, start + m.start(), start + m.end())
                weight_here = praise_weight(head, weight, event) if head is not None else 0.0
                if weight_here:
                    cues.append(Cue(words[m.start():m.end()], weight_here, offset + start + m.start()))
                continue
            if phrase in lexicon.PREDICATED_CUES:  # "the police operation was an important step"
                head = _phrase_head(tokens, start + m.start(), start + m.end())
                if head is not None and of_another_subject(head, event):
                    within = range(offset + start + m.start(), offset + start + m.end())
                    cues = [c for c in cues if c.start not in within]  # nor its words ("right") alone
                    continue
            cues.append(Cue(words[m.start():m.end()], weight, offset + start + m.start(), commitment))
    return cues


def for_event(cues: list[Cue], withdrawal: bool) -> list[Cue]:
    """Commitment cues oppose a withdrawal and say nothing about other events."""
    return [c for c in cues if not c.commitment or withdrawal]


def neutral_cue(tokens: Iterable[Token]) -> str | None:
    """A word that marks a deliberately neutral reaction ("calls for calm"), if any."""
    for tok in tokens:
        if tok.lemma_.lower() in lexicon.NEUTRAL_CUES:
            return tok.text
    return None


def decide(cues: list[Cue]) -> tuple[Stance, float, Cue | None]:
    """Stance, confidence and deciding cue from all of one actor's cues.

    Confidence grows with the net weight of agreeing cues and shrinks when
    cues disagree, so a lone "threat" is less certain than "condemned ... a
    grave mistake".
    """
    if not cues:
        return "neutral", 0.5, None
    total = sum(c.weight for c in cues)
    against = sum(abs(c.weight) for c in cues if (c.weight > 0) != (total > 0))
    if abs(total) < 1.0:
        return "neutral", 0.45, None
    stance: Stance = "support" if total > 0 else "oppose"
    strongest = max((c for c in cues if (c.weight > 0) == (total > 0)), key=lambda c: abs(c.weight))
    confidence = min(0.95, 0.55 + 0.1 * abs(total) - 0.1 * against)
    return stance, round(max(confidence, 0.5), 2), strongest


def _phrase_pattern(phrase: str) -> str:
    return re.escape(phrase).replace(r"\*", r"\w*").replace("_", "[ -]?").replace(r"\ ", " ")


_WITHDRAWAL = re.compile(r"\b(" + "|".join(map(_phrase_pattern, lexicon.WITHDRAWAL_PHRASES)) + r")\b", re.I)


@functools.lru_cache(maxsize=256)
def is_withdrawal(text: str) -> bool:
    """True when the event is leaving or ending something (a deal, a country, a union).

    Cached: the judge asks once per speaker about the same event, and a
    search that finds nothing in the opening paragraphs takes ~0.4 ms.
    """
    return bool(_WITHDRAWAL.search(text))


class LexiconJudge:
    """Stance from the cue words of the lexicons, weighed over all a speaker said.

    Every statement's cues count together (`decide`), commitment cues only
    when the event is a withdrawal; the evidence is the statement holding
    the deciding cue, failing that the one whose cues lean most that way.
    """

    def judge(self, statements: Sequence[Statement], event: EventView) -> Judgement:
        """Judge one speaker's statements toward `event`."""
        # the title and label only (the label is the lead's where there is no title), never the opening
        # paragraphs, which hold the reactions judged: "the harvest was a success" is not the event's
        # because the article's second paragraph says "harvest"
        words = EventWords.of(f"{event.title} {event.label}", event.lead)
        found = [find_cues(s.words, s.offset, words) for s in statements]
        neutral = [neutral_cue(s.words) for s in statements]
        stance, confidence, cue = decide(for_event([c for cues in found for c in cues], is_withdrawal(event.context)))
        explanation = cue.text if cue else next((n for n in neutral if n), None) or "no stance cue"
        evidence = 0
        if cue is not None:
            sign = 1 if stance == "support" else -1
            evidence = next((i for i, s in enumerate(statements) if s.start <= cue.start < s.end), None)
            if evidence is None:
                evidence = max(range(len(statements)), key=lambda i: sum(c.weight for c in found[i]) * sign)
        return Judgement(stance, probabilities(stance, confidence), explanation, evidence,
                         grounds=any(found) or any(neutral), takes_side=any(found))


register("lexicon", LexiconJudge)
