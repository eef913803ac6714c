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

from spacy.tokens import Span, Token

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
    if verb.dep_ in ("xcomp", "advcl", "acl", "relcl") and governor is not verb:
        if governor.lemma_.lower() in lexicon.FUTILE_WORDS:
            return True  # "failed to dispel", "unable to resolve", "nothing to dispel"
        if verb.dep_ in ("xcomp", "advcl") and any(c.dep_ == "dobj" and c.lemma_.lower() in lexicon.FUTILE_WORDS
                                                   for c in governor.children):
            return True  # "did little to resolve" (the parser hangs "resolve" as either)
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
    """A word or phrase that marks a deliberately neutral reaction, if any: a neutral word by its lemma
    ("calls for calm"), watching by the speaker's own side ("we are following the case closely",
    `_watching`) and an even-handed call to settle ("urged both sides to de-escalate", `_settling`). Each
    only where it is the speaker's own position (`_own_position`: "does not respect the will of the
    voters", "refused to de-escalate", "the observers who are monitoring the border" are none)."""
    tokens = list(tokens)
    for tok in tokens:
        if tok.lemma_.lower() in lexicon.NEUTRAL_CUES and _own_position([tok]):
            return tok.text
    if not tokens:
        return None
    doc = tokens[0].doc
    span = doc[tokens[0].i:tokens[-1].i + 1]
    for phrases, counts in ((lexicon.WATCHING_PHRASES, _watching), (lexicon.SETTLING_PHRASES, _settling)):
        for words in _phrase_matches(span, phrases):
            if _own_position(words) and counts(words):
                return doc[words[0].i:words[-1].i + 1].text
    return None


@functools.cache
def _phrase_matchers(phrases: frozenset[str]) -> list[tuple[re.Pattern[str], tuple[re.Pattern[str], ...] | None]]:
    """Each phrase's pattern (longest first), and for a two-word phrase its two words' patterns: built
    once per list, not at every statement judged."""
    return [(re.compile(r"\b" + _phrase_pattern(phrase) + r"\b", re.I),
             tuple(re.compile(_phrase_pattern(w), re.I) for w in phrase.split()) if len(phrase.split()) == 2 else None)
            for phrase in sorted(phrases, key=len, reverse=True)]


def _phrase_matches(span: Span, phrases: frozenset[str]) -> list[list[Token]]:
    """Where the phrases stand in `span`: their words together (by `_phrase_pattern`, as the withdrawal
    phrases are found), or, for two words, joined by the parse, a verb to its adverb, object or
    preposition ("following the events in the capital very closely"); never an adjective to its noun, so
    "a peaceful farming settlement" (a village) is no "peaceful settlement"."""
    found = []
    text = span.text
    for together, pair_words in _phrase_matchers(phrases):
        for m in together.finditer(text):
            words = span.char_span(m.start(), m.end(), alignment_mode="expand")
            if words is not None and len(words):
                found.append(list(words))
        if pair_words is None:
            continue
        first, second = pair_words
        for tok in span:
            for other in tok.children:
                if other.dep_ not in _PHRASE_ARCS or abs(other.i - tok.i) == 1:
                    continue
                pair = sorted((tok, other), key=lambda t: t.i)
                if first.fullmatch(pair[0].text) and second.fullmatch(pair[1].text):
                    found.append(pair)
    return found


_PHRASE_ARCS = frozenset({"advmod", "dobj", "prep"})  # a verb to its adverb, object, preposition
_MODAL_CALLS = frozenset({"should", "must", "ought", "would"})  # "both sides should refrain", "hoped ... would"
_ALL_OF_THEM = frozenset({"all", "both", "two"})  # "the two sides", "all parties": each of them


def _own_position(words: Sequence[Token]) -> bool:
    """Whether neutral words are the speaker's own position: not negated (`negated`: "is not aware of",
    "there is no peaceful solution"), not refused ("refused to de-escalate", refusing_verbs), and not said
    of someone else's doing in a clause on a noun ("the observers who are following the talks closely");
    the speaker's own clause ("Doyle, who urged both sides to refrain from violence, said ...") is theirs."""
    for tok in words:
        path = [tok, *list(tok.ancestors)[:3]]
        if any(negated(t) for t in path[:2]) or any(t.lemma_.lower() in lexicon.REFUSING_VERBS for t in path[1:]):
            return False
        if any(t.dep_ in ("acl", "relcl") and t.pos_ in ("VERB", "AUX") and not _says(t)
               and t.head.pos_ not in ("PROPN", "PRON") for t in path[:2]):
            return False
    return True


def _predicate(tok: Token) -> Token:
    """The verb whose subject says who does what `tok` names: "aware" under "was", "eye" under "keeping"."""
    while tok.dep_ in ("acomp", "dobj", "advmod", "prep", "pobj", "amod") and tok.head is not tok:
        tok = tok.head
    return tok


def _watching(words: Sequence[Token]) -> bool:
    """Watching is a neutral position only when the watcher is the speaker's own side (watching_subjects:
    "we are following it closely", "her office was aware of the verdict"): "Norland was fully aware of the
    civilians" or "the judges had followed the law closely" accuse or defend someone else, and a headline's
    "Hale aware of civilians before strike" names no reaction."""
    verb = _predicate(words[0])
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ in ("conj", "xcomp"):
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return len(subjects) == 1 and _own_side(subjects[0])


def _own_side(subject: Token) -> bool:
    if subject.pos_ == "PRON":
        return subject.lower_ in lexicon.WATCHING_SUBJECTS
    return subject.pos_ == "NOUN" and subject.lemma_.lower() in lexicon.WATCHING_SUBJECTS and not any(
        c.dep_ in ("poss", "compound", "amod") and c.pos_ != "PRON" for c in subject.children)


def _settling(words: Sequence[Token]) -> bool:
    """Settling is an even-handed call only where it is called for: under a calling verb or noun
    (calling_verbs: "urged both sides to de-escalate", "called for a peaceful resolution", "urged talks that
    could lead to a peaceful settlement"), not another actor's call ("dismissed Norland's calls for
    de-escalation"); or asked of the parties ("both sides should refrain from violence", "hoped the two
    sides would settle it peacefully"; not of one of them: "Norland must de-escalate" demands). What the
    event is said to achieve ("the treaty marked a genuine de-escalation", "ensures disputes will be
    resolved peacefully") is no call."""
    for tok in words:
        for up in [tok, *list(tok.ancestors)[:5]]:
            if up.lemma_.lower() in lexicon.CALLING_VERBS and (up.pos_ == "VERB" or not any(
                    c.dep_ == "poss" and c.pos_ != "PRON" for c in up.children)):
                return True
            subjects = [c for c in up.children if c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WDT", "WP")]
            if up.pos_ in ("VERB", "AUX") and subjects:  # the clause that says who settles
                return any(c.lower_ in _MODAL_CALLS for c in up.children if c.dep_ == "aux") and any(
                    s.lemma_.lower() in lexicon.PARTY_NOUNS and any(c.lower_ in _ALL_OF_THEM for c in s.children)
                    for s in subjects)  # not "Norland must de-escalate": a demand of one side
    return False


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
