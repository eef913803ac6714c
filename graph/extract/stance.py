"""The lexicon judge: stance toward the event from the cue words of a speaker's statements.

A cue is a word or phrase from the stance lexicons (graph/words); a negation
that governs the cue itself flips it ("does not welcome", "is not a
mistake"), while one elsewhere in the clause does not ("must not lose sight
of the threat"). `LexiconJudge` is the `judge.StanceJudge` the app uses
unless the `STANCE_JUDGE` setting names another.
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

if TYPE_CHECKING:
    from .attribution import Statement

_GOVERNED = {"attr", "acomp", "dobj", "oprd", "xcomp", "ccomp"}


@dataclass(frozen=True)
class Cue:
    """A stance-bearing word found in a statement, with its signed weight."""

    text: str
    weight: float
    start: int  # absolute character offset, to keep the strongest cue's place
    commitment: bool = False  # a commitment to what the event abandons; see `for_event`


def _negated(tok: Token) -> bool:
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    if tok.dep_ in _GOVERNED and any(c.dep_ == "neg" for c in tok.head.children) \
            and tok.head.lemma_.lower() not in lexicon.HESITATING_VERBS:  # (not "did not hesitate to condemn")
        return True
    doc = tok.doc
    for j in (tok.i - 1, tok.i - 2):
        if j >= tok.sent.start and doc[j].lower_ in ("no", "not", "never", "n't") and (j == tok.i - 1 or doc[j + 1].pos_ == "DET"):
            return True
    return False


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
    """"efforts to counter threats": the cue word is what someone fights, not what they fear."""
    head = tok.head
    for _ in range(3):
        if head.lemma_.lower() in lexicon.COUNTERING_VERBS:
            return True
        if head.head == head:
            break
        head = head.head
    return False


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


def _hopes_it_ends(tok: Token) -> bool:
    """"I hope it ends quickly", "hope for a swift resolution", "hope it doesn't get any darker": what is
    hoped for is that the event stops or goes no further, which welcomes nothing. Nor does hoping it is
    undone ("hoped Washington would reconsider", "hoped the measures would be withdrawn") or calms down
    ("hoped the situation would calm down"), nor a hope denied ("little hope left", "dashed the hopes").

    What is hoped for is the clause's own predicate (or what the hope is for), not any word under it:
    "hoped the agreement would lead to the release of prisoners" or "would bring lasting calm" hope for
    what the event brings; and an ending with an object of its own ends that, not the event ("hoped
    the agreement would end years of tension").
    """
    if any(c.lower_ in ("no", "little") for c in tok.children) or (
            tok.pos_ == "NOUN" and tok.head.lemma_.lower() in ("dash", "lose", "abandon", "crush", "shatter")):
        return True
    wished = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp", "acl")]
    wished += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children if g.dep_ == "pobj"]
    for head in wished:
        if any(c.dep_ == "neg" for c in head.children):
            return True
        if _asks_the_parties(head):
            return True
        if head.lemma_.lower() in lexicon.ENDING_WORDS and not (
                head.pos_ == "VERB" and head.lemma_.lower() in _ENDINGS_OF_OTHERS
                and any(c.dep_ == "dobj" for c in head.children)):
            return True
    return False


_ENDINGS_OF_OTHERS = frozenset({"end", "stop", "cease", "halt"})  # "end years of tension": ends that, not the event


def _asks_the_parties(head: Token) -> bool:
    """"Hoped all sides would show restraint", "hoped both capitals would resolve their differences through
    dialogue": a hope that the parties ("all", "both" of them) calm down or talk is a call for calm, which
    takes no side; "hoped the accord would bring lasting calm" is a hope for what the event brings."""
    parties = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")
               and any(g.lower_ in ("all", "both") for g in c.children if g.dep_ in ("det", "predet", "amod"))]
    words = [head, *(t for t in head.subtree if t.dep_ in ("dobj", "pobj"))]
    return bool(parties) and any(t.lemma_.lower() in lexicon.CALLING_WORDS for t in words)


_SIDING_PREPOSITIONS = frozenset({"with", "for", "toward", "towards"})  # "sympathy with/for X"
_HARM_PREPOSITIONS = frozenset({"over", "after", "at"})  # "sympathy over the deaths"


def _sorrow_for_another(tok: Token) -> bool:
    """"Sympathy with the decision", "for the government's position", "with the gunmen's cause": sorrow
    words (sorrow_for) oppose an event only as sorrow for those it harmed. With a "with"/"for" object
    that names neither the harmed (harmed_nouns) nor a country or people, nor a harm ("over the
    deaths"), the sympathy is for that object, not against the event. Given bare or "to" someone ("sent
    its sympathy to the families") it is the courtesy of sorrow. (The parser may hang the object on
    the verb: "had great sympathy for the choice".)"""
    holders = [tok, tok.head] if tok.dep_ in ("dobj", "attr") else [tok]
    def objects(preps: frozenset[str]) -> list[Token]:
        return [x for h in holders for c in h.children if c.dep_ in ("prep", "dative") and c.lower_ in preps
                for g in c.children if g.dep_ == "pobj" for x in (g, *g.conjuncts)]
    def harmed(x: Token) -> bool:
        return x.lemma_.lower() in lexicon.HARMED_NOUNS or x.ent_type_ in ("GPE", "NORP") \
            or (x.lower_ in ("those", "all") and any(c.dep_ in ("acl", "relcl") for c in x.children))
    sided = objects(_SIDING_PREPOSITIONS)
    if not sided or any(harmed(x) for x in sided):
        return False
    return not any(harmed(x) for x in objects(_HARM_PREPOSITIONS))


def find_cues(tokens: Iterable[Token], offset: int) -> list[Cue]:
    """Cues among `tokens` (one sentence or part of it); `offset` maps to article text."""
    tokens = list(tokens)
    if not tokens:
        return []
    cues: list[Cue] = []
    for tok in tokens:
        if tok.dep_ in ("acl", "relcl") and tok.pos_ == "VERB" and not _says(tok):
            # "the deal endorsed by the Council", "Americans who support the deal": about someone else
            continue
        for form in {tok.lemma_.lower(), tok.lower_}:
            if form in lexicon.ADJECTIVE_CUES and _a_thing(tok):
                continue
            if form in lexicon.HOPING_CUES and _hopes_it_ends(tok):
                break
            weight = lexicon.SUPPORT_CUES.get(form) or 0.0
            weight -= lexicon.OPPOSE_CUES.get(form) or 0.0
            if weight < 0 and _countered(tok):
                weight = 0.0
            if weight < 0 and form in lexicon.SORROW_FOR and _sorrow_for_another(tok):
                weight = 0.0
            commitment = -(lexicon.COMMITMENT_CUES.get(form) or 0.0)
            if weight or commitment:
                negated = _negated(tok)
                if weight:
                    cues.append(Cue(tok.text, -weight if negated else weight, offset + tok.idx))
                elif not negated:
                    cues.append(Cue(tok.text, commitment, offset + tok.idx, commitment=True))
                break
    start = tokens[0].idx
    words = tokens[0].doc[tokens[0].i:tokens[-1].i + 1].text  # the text from the first token to the last
    text = words.lower()
    for pattern, phrase, weight, commitment in _phrase_patterns():
        for m in pattern.finditer(text):
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
        found = [find_cues(s.words, s.offset) for s in statements]
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
