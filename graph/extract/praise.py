"""What a cue of praise, hope or sorrow is said of, and so whether it bears on the event at all.

The stance lexicons hold words whose side depends on what they are about: praise ("a milestone",
"excellent", "bodes well", "a success") judges the event only when said of it -- of the event, a word
standing for it or nothing named -- and not of "the police response"; a hope welcomes the event unless
what is hoped for is its end or undoing ("hoped it would be withdrawn"), and an undoing verb with an
object of its own ends that other thing ("end years of tension"); sorrow ("condolences", "sympathy")
opposes the event only as sorrow for the harm it did, not for the victims of another one. These readers
grew to some 300 lines of grammar apart from the finding of cues and the weighing of them, so they live
here; stance.py finds the cues, asks these readers about each, and decides.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.tokens import Token

from . import lexicon
from .negation import negated


def stem(word: str) -> str:
    """`word` without its longest derivational ending (derivational_suffixes) that leaves three letters,
    then without a final "e": "derailment", "derails" and "derail" are "derail"; "the signing" and "signs"
    are "sign". Lower case."""
    word = word.lower()
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[:-len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


_SUFFIXES = sorted(lexicon.DERIVATIONAL_SUFFIXES, key=len, reverse=True)
_HARM_STEMS = frozenset(stem(w) for w in lexicon.HARM_EVENTS | lexicon.HARM_NOUNS)  # "killed", "the war"


@dataclass(frozen=True)
class EventWords:
    """The words that name the event (`EventView`'s title and label; the label is the lead's where there
    is no title), by stem: what a subject of praise or a harm mourned must be among to be the event's own.
    Not the opening paragraphs of its context: those hold reactions too, the very sentence judged among
    them ("the police response was excellent"). Whether the event harmed people is read from the lead
    paragraph as well ("A tram left the rails ..., killing seven" under "World reacts to Orvik"): a lead
    that mentions a harm in passing only keeps sorrow's cue, as before these readers."""

    stems: frozenset[str]
    harm: bool = False

    @classmethod
    @functools.lru_cache(maxsize=64)
    def of(cls, names: str, lead: str = "") -> EventWords:
        stems = frozenset(stem(w) for w in re.findall(r"[a-z]+", names.lower()))
        lead_stems = {stem(w) for w in re.findall(r"[a-z]+", lead.lower())}
        return cls(stems, bool((stems | lead_stems) & _HARM_STEMS))

    def names(self, tok: Token) -> bool:
        """Whether the event's words name `tok`'s thing, by stem both ways: its lemma or form ("the
        derailment" of "Train derails", "the signing" of "sign treaty", "floods" of "flooding")."""
        return stem(tok.lemma_) in self.stems or stem(tok.lower_) in self.stems


def hopes_it_ends(tok: Token) -> bool:
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
    if hoping_phrase(tok):  # "look forward to X": the verb holds what is looked forward to
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


_OWNING_PREPOSITIONS = frozenset({"of", "by", "with", "between", "among"})  # "the courage of the nurses": its owner's


def _plain(subject: Token, event: EventWords | None = None) -> bool:
    """A subject that can be the event: a pronoun or demonstrative ("it", "this") or a bare noun with only
    its article and name words ("the accord", "the Paris agreement"). A noun with an owner, an adjective
    or a phrase of its own names some other thing ("the courage of the nurses", "the new bridge in
    Vilnius", "the turnout at the vigil"), and a harm ("the bombing was an incredible tragedy") is no feat.
    Nor is a bare noun that neither stands for any event ("the deal", "the move": event_standins) nor is
    one of the event's own words ("the police response", "the harvest", in an article on a trade deal). A
    proper name may stand for the event as its place or its name ("Glasgow was an important step" of a
    summit there), so it is not asked."""
    if _a_pronoun(subject):
        return True
    if subject.lemma_.lower() in lexicon.HARM_NOUNS:
        return False
    if not all(c.dep_ in ("det", "compound") and c.pos_ != "PRON" or c.lower_ in ("the", "this", "that")
               for c in subject.children):
        return False
    return _is_the_event(subject, event)


def _a_pronoun(subject: Token) -> bool:
    """"It", "this", "that": a subject that points at what was said, which is the event."""
    return subject.pos_ == "PRON" or subject.lower_ in ("this", "that")


def _is_the_event(subject: Token, event: EventWords | None) -> bool:
    """Whether a subject's head noun can be the event, whatever describes it: a pronoun, a proper name (the
    event's place or name: "Glasgow was an important step" of a summit there), a word standing for any
    event (event_standins: "the deal", "the move") or one of the event's own words by stem ("the
    signing" of "sign treaty"). Without the event's words, any subject can."""
    return event is None or _a_pronoun(subject) or subject.pos_ == "PROPN" \
        or subject.lemma_.lower() in lexicon.EVENT_STANDINS or event.names(subject)


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
                   c.dep_ in ("acl", "relcl") or (c.dep_ == "prep" and c.lower_ in _OWNING_PREPOSITIONS) for c in obj.children)
               for obj in verb.children if obj.dep_ == "dobj")


def hoped_gone(tok: Token) -> bool:
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
                        hoping_phrase(c) for c in hope.children):
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


def _said_of_event(tok: Token, event: EventWords | None = None) -> bool:
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
                _plain(c, event) for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "dobj"))
        return tok.lemma_.lower() == "bode" and all(  # "bode well" heads its own clause: of its subject,
            _names_the_event(c, event) for c in tok.children if c.dep_ in ("nsubj", "nsubjpass"))  # described or not
    if tok.pos_ == "ADV":  # "the pact was a step forward": the parser may hang the step under the adverb
        verb = tok.head
        if tok.dep_ not in ("advmod", "acomp", "oprd") or not any(c.lemma_.lower() == "step" for c in tok.children):
            return False
        if verb.lemma_.lower() == "be":
            return all(_plain(c, event) for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl"))
        return any(c.dep_ == "dobj" for c in verb.children)  # "called the deal a step forward"
    noun = tok
    if tok.dep_ == "amod":  # "excellent news", "a remarkable achievement": the noun it praises
        noun = tok.head
    if noun is not tok or tok.pos_ in ("NOUN", "PROPN"):
        if any(c.dep_ == "prep" and c.lower_ in _OWNING_PREPOSITIONS and not (c.lower_ == "by" and noun.lemma_.lower() == "step")
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
    return all(_plain(s, event) for s in subjects)


def _names_the_event(subject: Token, event: EventWords | None) -> bool:
    """A subject whose head noun can be the event, whatever describes it ("the new law", "today's
    decision", "the court's ruling"): a pronoun, a name, a word standing for an event or one of the
    event's own words, and not called another ("its own law", "the other plan")."""
    if _a_pronoun(subject):
        return True
    return not any(c.lower_ in lexicon.OTHER_MARKERS for c in subject.children) and _is_the_event(subject, event)


def of_another_subject(tok: Token, event: EventWords | None) -> bool:
    """A cue said of a subject by "be" (predicated_cues: "the harvest was a success", "the police
    operation was an important step") whose subject is not the event: praise of that subject. Unlike
    the praise words' (`_plain`), the subject may be described: these cues were read of any subject
    before, and "the new law is an important step" is the event's."""
    noun = tok.head if tok.dep_ == "amod" else tok
    if noun.dep_ not in ("attr", "acomp"):
        return False
    return not all(_names_the_event(c, event) for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass"))


def _praise_denied(tok: Token) -> bool:
    """"Not a step forward", "far from a breakthrough", "hardly bodes well", "did not think the accord was
    a milestone": a negation, or a near relative of one, over the praise or the clause that holds it."""
    if negated(tok):
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


def praise_weight(tok: Token, weight: float, event: EventWords | None = None) -> float:
    """The weight a praise word or phrase headed by `tok` carries: none unless said of the event, and a
    step towards something the speaker deplores ("a step towards a humanitarian crisis") or a step back
    ("a significant step backward") praises nothing; flipped when denied."""
    if _intensified(tok) or not _said_of_event(tok, event):
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


def _ends(tok: Token) -> bool:
    """An ending or undoing word (graph/words/ending_words.txt), a phrasal verb with its particle too
    ("the ban is struck down")."""
    lemma = tok.lemma_.lower()
    return lemma in lexicon.ENDING_WORDS or any(
        c.dep_ == "prt" and f"{lemma} {c.lower_}" in lexicon.ENDING_WORDS for c in tok.children)


def hoping_phrase(tok: Token) -> bool:
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


_SIDING_PREPOSITIONS = frozenset({"with", "for", "toward", "towards"})  # "sympathy with/for X": whom it sides with


_CAUSE_PREPOSITIONS = frozenset({"over", "after", "following", "at", "on", "about"})  # "condolences over the quake"


_MOURNED_FOR = frozenset({"to", "for", "with"})  # "condolences to the families of ...": whom it is for


_DIED_IN = frozenset({"in", "by", "during"})  # "killed in an unrelated accident": what harmed them


def _sorrow_objects(tok: Token, prepositions: frozenset[str]) -> list[Token]:
    """What a sorrow word is said with these prepositions of: on the word, or on the verb holding it, as
    the parser may hang it ("had great sympathy for the choice", "condolences were offered to ...")."""
    holders = [tok, tok.head] if tok.dep_ in ("dobj", "attr", "nsubjpass") else [tok]
    return [x for h in holders for c in h.children if c.dep_ in ("prep", "dative") and c.lower_ in prepositions
            for g in c.children if g.dep_ == "pobj" for x in (g, *g.conjuncts)]


def _harmed(x: Token) -> bool:
    """The harmed (harmed_nouns: "the victims", "the families"), a country or people, or "those" whom a
    clause describes ("those killed")."""
    return x.lemma_.lower() in lexicon.HARMED_NOUNS or x.ent_type_ in ("GPE", "NORP") \
        or (x.lower_ in ("those", "all") and any(c.dep_ in ("acl", "relcl") for c in x.children))


def sorrow_for_another(tok: Token) -> bool:
    """"Sympathy with the decision", "for the government's position", "with the gunmen's cause": sorrow
    words (sorrow_for) oppose an event only as sorrow for those it harmed. With a "with"/"for" object
    that names neither the harmed (harmed_nouns) nor a country or people, nor a harm ("over the
    deaths"), the sympathy is for that object, not against the event. Given bare or "to" someone ("sent
    its sympathy to the families") it is the courtesy of sorrow."""
    sided = _sorrow_objects(tok, _SIDING_PREPOSITIONS)
    if not sided or any(_harmed(x) for x in sided):
        return False
    return not any(_harmed(x) for x in _sorrow_objects(tok, _CAUSE_PREPOSITIONS))


def _mourned_causes(tok: Token) -> list[Token]:
    """The harms a sorrow word names as its cause: what it is over or after ("over the earthquake"), what
    those mourned were harmed in or by ("killed in the floods"), what the harmed are the victims of
    ("victims of the storm"). Nouns only: names of people and places say whom, not what harmed them."""
    causes = _sorrow_objects(tok, _CAUSE_PREPOSITIONS)
    harmed: set[Token] = set()  # "a fisherman killed in ...": whom a harm befell, not a cause
    for m in [*causes, *_sorrow_objects(tok, _MOURNED_FOR)]:
        for t in m.subtree:
            if t is m or t.dep_ != "pobj":
                continue
            prep, host = t.head, t.head.head
            if prep.lower_ in _DIED_IN and host.pos_ == "VERB":
                causes.extend((t, *t.conjuncts))
                if host.dep_ in ("acl", "relcl"):
                    harmed.add(host.head)
            elif prep.lower_ == "of" and host.lemma_.lower() in lexicon.HARMED_NOUNS:
                causes.extend((t, *t.conjuncts))
    return [t for t in causes if t.pos_ == "NOUN" and not t.ent_type_ and t not in harmed
            and t.lemma_.lower() not in lexicon.HARMED_NOUNS]


def _called_another(cause: Token, event: EventWords) -> bool:
    """A harm the phrase marks as not the event's: called so ("an unrelated accident", "an earlier crash":
    other_markers), or dated before it by a possessive ("last month's floods": past_markers), unless the
    event's own words name it ("last week's storm" in an article on that storm)."""
    if any(c.lower_ in lexicon.OTHER_MARKERS for c in cause.children if c.dep_ in ("amod", "det")):
        return True
    return not event.names(cause) and any(
        x.lower_ in lexicon.PAST_MARKERS for c in cause.children if c.dep_ == "poss" for x in c.subtree)


def _a_harm(cause: Token) -> bool:
    """A cause that is a harm (harm_events, harm_nouns: "the earthquake", "a bus crash", "the tragedy")."""
    return stem(cause.lemma_) in _HARM_STEMS


def mourns_another(tok: Token, event: EventWords) -> bool:
    """Sorrow (mourning_words) that mourns some other harm than the event's, and so takes no side on it.
    Every cause the phrase names (`_mourned_causes`) must be another's: called so or dated before the
    event (`_called_another`: "condolences to the family of a miner killed in an unrelated accident",
    "the victims of last year's floods"), or, where the event harmed no one (a treaty, a ban), a harm
    ("condolences over the earthquake in the south"). Where the event is a harm ("Train derails, killing
    14") an unmarked cause is that harm whatever it is called ("the crash", "the accident", "the
    derailment"); one cause of the event's own among others called another ("over the derailment and to
    the family of a guard killed in an earlier crash") mourns the event too. With no cause named, the
    sorrow is the event's."""
    causes = _mourned_causes(tok)
    if not causes:
        return False
    return all(_called_another(t, event) or (not event.harm and _a_harm(t) and not event.names(t)) for t in causes)
