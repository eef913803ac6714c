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

from spacy.tokens import Span, Token

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


def _denies(neg: Token, cue: Token) -> bool:
    """A "not" that denies, not the "not just" / "not only" that adds to what is said of the event ("is
    not just wrong, it is cruel", "not merely a mistake", "not simply misguided": the cue and more, so its
    side stands). On a verb of acting the same words still refuse ("will not simply welcome a deal
    that...", "cannot just accept"); a participle is said of the event ("not just misguided")."""
    nxt = neg.doc[neg.i + 1] if neg.i + 1 < len(neg.doc) else None
    return nxt is None or nxt.lower_ not in lexicon.ADDING_ADVERBS or cue.tag_ in ("VB", "VBP", "VBZ", "VBD", "VBG")


def _introduces(tok: Token) -> bool:
    """A clause that introduces what follows it, parsed as that quote's complement: "The ministry welcomed
    the accord: 'It will not be easy'" hangs "welcomed" under the quote's "be", whose "not" is the quote's
    own and does not deny the welcome. A complement comes after the verb it completes ("does not think
    they should condemn it"); one before it (after a colon or not) is the speaker's own clause."""
    return tok.dep_ == "ccomp" and tok.i < tok.head.i


def _negated(tok: Token) -> bool:
    if any(c.dep_ == "neg" and _denies(c, tok) for c in tok.children):
        return True
    if tok.dep_ in _GOVERNED and any(c.dep_ == "neg" and _denies(c, tok) for c in tok.head.children) \
            and tok.head.lemma_.lower() not in lexicon.HESITATING_VERBS \
            and not _introduces(tok):  # (not "did not hesitate to condemn")
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
    ("hoped the situation would calm down"), hoping for talks ("looked forward to talks"), nor a hope
    denied ("little hope left", "dashed the hopes", "does not look forward to it").

    What is hoped for is the clause's own predicate (or what the hope is for), not any word under it:
    "hoped the agreement would lead to the release of prisoners" or "would bring lasting calm" hope for
    what the event brings; and an ending with an object of its own ends that, not the event ("hoped
    the agreement would end years of tension").
    """
    if any(c.lower_ in ("no", "little") for c in tok.children) or (
            tok.pos_ == "NOUN" and tok.head.lemma_.lower() in ("dash", "lose", "abandon", "crush", "shatter")):
        return True
    wished = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp", "acl")]
    wished += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "to")
               for g in c.children if g.dep_ in ("pobj", "pcomp")]
    if _hoping_phrase(tok):  # "look forward to X": the verb holds what is looked forward to
        verb = tok.head
        if any(c.dep_ == "neg" for c in verb.children):
            return True  # "does not look forward to it"
        wished += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"
                   for g in c.children if g.dep_ in ("pobj", "pcomp")]
        wished += [c for c in verb.children if c.dep_ in ("advcl", "xcomp")]
        if not wished:
            return True  # "looked forward" with nothing looked forward to: eyes front, no hope
        if any(_undoes_event(t) and not _within_another_end(t) for w in wished for t in w.subtree):
            return True  # "look forward to the day the tariffs are lifted": to its undoing
    for head in wished:
        if any(c.dep_ == "neg" for c in head.children):
            return True
        if head.lemma_.lower() in lexicon.CALLING_WORDS:
            return True  # "looked forward to talks", "hoped for dialogue": a call for talks takes no side
        if _asks_the_parties(head):
            return True
        if _undoes_event(head):
            return True
    return False


_DENYING = frozenset({"hardly", "scarcely", "barely"})  # near relatives of "not": "hardly bodes well"
_BACK = frozenset({"back", "backward", "backwards"})  # "a big step back": the step goes the other way
_OTHERS = frozenset({"of", "by", "with", "between", "among"})  # "the courage of the nurses": another thing


def _plain(subject: Token) -> bool:
    """A subject that can be the event: a pronoun or demonstrative ("it", "this") or a bare noun with only
    its article and name words ("the accord", "the Paris agreement"). A noun with an owner, an adjective
    or a phrase of its own names some other thing ("the courage of the nurses", "the new bridge in
    Vilnius", "the turnout at the vigil"), and a harm ("the bombing was an incredible tragedy") is no feat."""
    if subject.pos_ == "PRON" or subject.lower_ in ("this", "that"):
        return True
    if subject.lemma_.lower() in lexicon.HARM_NOUNS:
        return False
    return all(c.dep_ in ("det", "compound") and c.pos_ != "PRON" or c.lower_ in ("the", "this", "that")
               for c in subject.children)


def _within_another_end(tok: Token) -> bool:
    """A word inside the object of an undoing verb that ends some other thing ("looked forward to the
    deal ending years of the ban's damage"): what is ended there is not the event."""
    return any(_ends_another(a) and any(tok in o.subtree for o in a.children if o.dep_ == "dobj")
               for a in tok.ancestors)


def _undoes_event(head: Token) -> bool:
    """An ending or undoing word that ends the event: not when it has its own object that is some other
    thing ("end years of tension", "cancel the debt owed by small fleets", "undo the harm", "overturn
    decades of silence"); "withdraw the measures" or "the ban is lifted" undo the event itself."""
    return _ends(head) and not _ends_another(head)


def _ends_another(verb: Token) -> bool:
    """An ending verb whose own object is some other thing: named so ("years of decline", "the debts
    owed by farmers") or a harm ("undo the damage"), or any object of "end", "stop", "cease", "halt"."""
    if verb.pos_ != "VERB" or not _ends(verb):
        return False
    return any(verb.lemma_.lower() in _ENDINGS_OF_OTHERS or obj.lemma_.lower() in lexicon.HARM_NOUNS
               or obj.lemma_.lower() in lexicon.OPPOSE_CUES or any(
                   c.dep_ in ("acl", "relcl") or (c.dep_ == "prep" and c.lower_ in _OTHERS) for c in obj.children)
               for obj in verb.children if obj.dep_ == "dobj")


def _hoped_gone(tok: Token) -> bool:
    """"Hoped the ban would undo the damage", "would reverse years of decline": the ending verb and the
    harm it ends are what the speaker hopes gone, not their judgement of the event, so neither opposes."""
    node = tok
    for _ in range(5):
        if _ends_another(node) and (node is tok or any(
                tok in obj.subtree for obj in node.children if obj.dep_ == "dobj")):
            hope = node
            for _ in range(4):
                if hope.head is hope:
                    break
                hope = hope.head
                if hope.lemma_.lower() in lexicon.HOPING_CUES or hope.lower_ in lexicon.HOPING_CUES or any(
                        _hoping_phrase(c) for c in hope.children):
                    return True
            return False
        if node.head is node:
            break
        node = node.head
    return False


def _intensified(tok: Token) -> bool:
    """A praise word that only intensifies a grim thing: a praise adjective on a harm or an opposing noun
    ("an incredible tragedy", "a landmark mistake") or a praise noun under a gloomy modifier ("a grim
    milestone", "a sad landmark")."""
    def grim(t: Token) -> bool:
        lemma = t.lemma_.lower()
        return lemma in lexicon.HARM_NOUNS or lemma in lexicon.OPPOSE_CUES or lemma in lexicon.GLOOM_WORDS
    if tok.dep_ in ("amod", "compound") and grim(tok.head):
        return True
    return any(c.dep_ in ("amod", "compound") and grim(c) for c in tok.children)


def _judges_a_that_clause(verb: Token, word: Token) -> bool:
    """"It is remarkable that Lisbon ignored them": a dummy "it" whose adjective (or noun) judges a clause
    after it, that clause's fact, not the event."""
    return any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in verb.children) and any(
        c.dep_ == "ccomp" and c.i > word.i for c in (*verb.children, *word.children))


def _said_of_event(tok: Token) -> bool:
    """A praise word (graph/words/praise_cues.txt) judges the event only when predicated of it: "the accord
    is a milestone", "called it a breakthrough", "this is excellent news", "hailed it as a big step". Not
    when it describes another noun ("the work of the rescuers was brilliant", "a remarkable turnaround by
    the party", "an incredible act of cruelty"), a journalist's word inside the sentence ("would study the
    milestone agreement") or a verb ("stepped forward", "take big steps to protect")."""
    if tok.pos_ in ("VERB", "AUX") and not (tok.tag_ == "VBG" and tok.dep_ == "amod"):  # ("thrilling news")
        if tok.tag_ == "VBG" and tok.lemma_.lower() != "bode":  # "the agreement was thrilling", tagged a verb
            if tok.dep_ == "oprd":
                return True  # "called it thrilling news"
            if _judges_a_that_clause(tok, tok):
                return False  # "it was thrilling that they came"
            return tok.dep_ in ("ccomp", "ROOT", "conj") and any(c.dep_ == "aux" for c in tok.children) and all(
                _plain(c) for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "dobj"))
        return tok.lemma_.lower() == "bode"  # "bode well" heads its own clause
    if tok.pos_ == "ADV":  # "the pact was a step forward": the parser may hang the step under the adverb
        verb = tok.head
        if tok.dep_ not in ("advmod", "acomp", "oprd") or not any(c.lemma_.lower() == "step" for c in tok.children):
            return False
        if verb.lemma_.lower() == "be":
            return all(_plain(c) for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl"))
        return any(c.dep_ == "dobj" for c in verb.children)  # "called the deal a step forward"
    noun = tok
    if tok.dep_ == "amod":  # "excellent news", "a remarkable achievement": the noun it praises
        noun = tok.head
    if noun is not tok or tok.pos_ in ("NOUN", "PROPN"):
        if any(c.dep_ == "prep" and c.lower_ in _OTHERS and not (c.lower_ == "by" and noun.lemma_.lower() == "step")
               for c in noun.children):
            return False  # "an incredible act of cruelty", "a turnaround by the party" (a step by someone is theirs)
        if noun.dep_ == "pobj" and noun.head.lower_ == "as":
            return True  # "described the law as a milestone"
        if noun.dep_ == "oprd":
            return True  # "called it a breakthrough"
        if noun.dep_ == "pobj" and noun.head.lower_ == "from" and noun.head.head.lower_ == "far":
            noun = noun.head.head  # "the accord was far from a milestone": said of it, and denied
        elif noun.dep_ != "attr":
            return False
    elif tok.dep_ not in ("acomp", "oprd"):  # an adjective: "the accord was excellent"
        return False
    verb = noun.head
    if _judges_a_that_clause(verb, noun):
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    return all(_plain(s) for s in subjects)


def _praise_denied(tok: Token) -> bool:
    """"Not a step forward", "far from a breakthrough", "hardly bodes well", "did not think the accord was
    a milestone": a negation, or a near relative of one, over the praise or the clause that holds it."""
    if _negated(tok):
        return True
    if any(c.lower_ in _DENYING for t in (tok, *tok.children) if t is tok or t.dep_ == "amod" for c in t.children):
        return True  # "hardly great news": the near relative may hang from the praise's own modifier
    node = tok.head if tok.dep_ == "amod" else tok
    for _ in range(4):
        if any(c.dep_ == "neg" or c.lower_ in _DENYING for c in node.children):
            return True
        if node.dep_ == "pobj" and node.head.lower_ == "from" and node.head.head.lower_ == "far":
            return True  # "far from a breakthrough"
        if node.head is node or node.dep_ not in ("attr", "acomp", "oprd", "ccomp", "pobj", "prep", "xcomp", "advmod"):
            break
        node = node.head
    return False


def _praise_cue(tok: Token, weight: float) -> float:
    """The weight a praise word or phrase headed by `tok` carries: none unless said of the event, and a
    step towards something the speaker deplores ("a step towards a humanitarian crisis") or a step back
    ("a significant step backward") praises nothing; flipped when denied."""
    if _intensified(tok) or not _said_of_event(tok):
        return 0.0
    steps = [t for t in (tok, *tok.children) if t.lemma_.lower() == "step" and t.pos_ == "NOUN"]
    if steps and weight > 0:
        step = steps[0]
        if tok.lower_ in _BACK or any(c.lower_ in _BACK for c in step.children):
            return 0.0  # "a big step back": the oppose entry "step back" reads it
        toward = [t for c in (*step.children, *tok.children) if c.dep_ == "prep"
                  and c.lower_ in ("towards", "toward", "to") for t in c.subtree]
        if any(t.lemma_.lower() in lexicon.HARM_NOUNS or t.lemma_.lower() in lexicon.OPPOSE_CUES for t in toward):
            weight = -weight  # "a significant step towards a humanitarian crisis": a step to harm
    return -weight if _praise_denied(tok) else weight


def _phrase_head(tokens: list[Token], start: int, end: int) -> Token | None:
    """The token heading the words between character offsets `start` and `end` (its head is outside)."""
    span = [t for t in tokens if start <= t.idx < end]
    for t in span:
        if t.head not in span or t.head is t:
            return t
    return None


def _ends(tok: Token) -> bool:
    """An ending or undoing word (graph/words/ending_words.txt), a phrasal verb with its particle too
    ("the ban is struck down")."""
    lemma = tok.lemma_.lower()
    return lemma in lexicon.ENDING_WORDS or any(
        c.dep_ == "prt" and f"{lemma} {c.lower_}" in lexicon.ENDING_WORDS for c in tok.children)


_HOPE = "hope"  # the lemma a hoping phrase is read as (graph/words/hoping_phrases.txt)


def _hoping_phrase(tok: Token) -> bool:
    """"forward" under "look": a verb and its adverb that together hope (graph/words/hoping_phrases.txt)."""
    return tok.head is not tok and f"{tok.head.lemma_.lower()} {tok.lower_}" in lexicon.HOPING_PHRASES


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
        forms = {tok.lemma_.lower(), tok.lower_}
        if _hoping_phrase(tok):
            forms = {_HOPE}  # "looked forward to working with": a hope, weighed and checked as one
        for form in forms:
            if form in lexicon.ADJECTIVE_CUES and _a_thing(tok):
                continue
            if form in lexicon.HOPING_CUES and _hopes_it_ends(tok):
                break
            weight = lexicon.SUPPORT_CUES.get(form) or 0.0
            weight -= lexicon.OPPOSE_CUES.get(form) or 0.0
            if weight < 0 and (_countered(tok) or _hoped_gone(tok)):
                weight = 0.0
            if weight < 0 and form in lexicon.SORROW_FOR and _sorrow_for_another(tok):
                weight = 0.0
            if weight and form in lexicon.PRAISE_CUES:  # said of the event, negation read there
                weight = _praise_cue(tok, weight)
                if weight:
                    cues.append(Cue(tok.text, weight, offset + tok.idx))
                break
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
            if phrase in lexicon.PRAISE_CUES:  # "a significant step", "bode well": said of the event
                head = _phrase_head(tokens, start + m.start(), start + m.end())
                weight_here = _praise_cue(head, weight) if head is not None else 0.0
                if weight_here:
                    cues.append(Cue(words[m.start():m.end()], weight_here, offset + start + m.start()))
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


def _word_pattern(word: str) -> re.Pattern[str]:
    return re.compile(_phrase_pattern(word), re.I)


def _phrase_matches(span: Span, phrases: Iterable[str]) -> list[list[Token]]:
    """Where the phrases stand in `span`: their words together (by `_phrase_pattern`, as the withdrawal
    phrases are found), or, for two words, joined by the parse, a verb to its adverb, object or
    preposition ("following the events in the capital very closely"); never an adjective to its noun, so
    "a peaceful farming settlement" (a village) is no "peaceful settlement"."""
    found = []
    text = span.text
    for phrase in sorted(phrases, key=len, reverse=True):
        for m in re.finditer(r"\b" + _phrase_pattern(phrase) + r"\b", text, re.I):
            words = span.char_span(m.start(), m.end(), alignment_mode="expand")
            if words is not None and len(words):
                found.append(list(words))
        parts = phrase.split()
        if len(parts) != 2:
            continue
        first, second = map(_word_pattern, parts)
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
    """Whether neutral words are the speaker's own position: not negated (`_negated`: "is not aware of",
    "there is no peaceful solution"), not refused ("refused to de-escalate", refusing_verbs), and not said
    of someone else's doing in a clause on a noun ("the observers who are following the talks closely");
    the speaker's own clause ("Doyle, who urged both sides to refrain from violence, said ...") is theirs."""
    for tok in words:
        path = [tok, *list(tok.ancestors)[:3]]
        if any(_negated(t) for t in path[:2]) or any(t.lemma_.lower() in lexicon.REFUSING_VERBS for t in path[1:]):
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
