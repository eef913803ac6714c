"""The event's label: an ordered list of strategies, each a small function; the first acceptable answer wins.

The label is a decision phrase when the headline or lead names one ("Donald
Trump's decision to recognise Jerusalem as the Israeli capital"); what a
headline or lead says was reacted to ("World reacts to ...", "Leaders
condemn ...", "... condemned in Paris"); the event half of a two-part
headline whose other half is the reaction ("Dam collapse: leaders
react"); else the main clause of the headline (or of the lead when the
headline is a round-up), stripped of its reporting frame ("Officials said
...") and side clauses.

Every strategy answers with words of the text (tokens), so one set of checks
holds for all (`wording.py`): dates and quoted judging adjectives are left
out, a long candidate is shortened, and one that reads like a quote, has a
reactor's reporting verb or a pronoun subject, or names no act is refused,
so the next strategy answers. These are what made labels fail on news the
rules were not written on: a reactor's quote or sentence reads like an
event to a parser, but names none.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from . import lexicon
from .wording import MAX_WORDS, REPORTING_VERBS, Words, acceptable, as_text, cut, quote_like, quoted, shortened, tidied

_ROUNDUP = re.compile(r"\b(react|reacts|reaction|reactions|world|leaders|respond|responds|say|says|had this to say)\b", re.I)
_FRAME_VERBS = lexicon.SPEECH_VERBS | {"announce", "decide", "report", "confirm"}
_DROP_DEPS = {"advcl", "punct", "mark", "cc", "conj", "parataxis", "discourse", "intj", "npadvmod", "dep"}
_ASIDE_DEPS = ("relcl", "appos", "parataxis")  # what a lead says of a thing besides naming it
_HEADLINE_PARTS = re.compile(r":\s|\s[-–—|]\s")  # "Event: world reacts", "Event - reactions", "Event | …"
_JUDGING_VERBS = lexicon.SPEECH_VERBS & lexicon.JUDGING_CUES  # "condemn", "welcome", "congratulate"…


def is_roundup(title: str) -> bool:
    """True for headlines about the reactions rather than the event itself."""
    return bool(_ROUNDUP.search(title))


def _main_clause(root: Token) -> tuple[Token, Span | None]:
    """The clause under any reporting frame of `root`, and the last named subject met on the way down."""
    subject = None
    for _ in range(3):
        comp = next((c for c in root.children if c.dep_ in ("ccomp", "xcomp")), None)
        if root.lemma_.lower() in _FRAME_VERBS and comp is not None:
            named = next((c for c in root.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
            if named is not None:
                subject = root.doc[named.left_edge.i:named.right_edge.i + 1]
            root = comp
        else:
            break
    return root, subject


def _owner(prep: Token) -> bool:
    """A prepositional phrase that names who: "of the president", "by Admiral Lee" (not "of
    Jerusalem": a place is what a recognition or an annexation is of)."""
    return prep.lower_ in ("of", "by") and any(
        c.dep_ == "pobj" and (c.ent_type_ in ("PERSON", "ORG") or c.lower_ in lexicon.TITLE_WORDS or any(
            t.dep_ == "compound" and t.lower_ in lexicon.TITLE_WORDS for t in c.children))
        for c in prep.children)


def decision_phrase(doc: Doc, unowned: bool = False) -> list[Token] | None:
    """The decision as the first sentence of `doc` names it, if it does.

    "Donald Trump's decision to recognise Jerusalem as the Israeli capital",
    "United States' withdrawal from the Iran nuclear deal": a decision noun
    with what it decides, the clearest label a reaction article offers.
    With `unowned`, only a decision whose owner is a pronoun ("its exit from
    coal"), which then goes: it says less than a headline that names whose.
    """
    sent = next(iter(doc.sents))
    for tok in sent:
        if tok.lemma_.lower() not in lexicon.DECISION_NOUNS or tok.pos_ != "NOUN":
            continue
        if not any(c.dep_ == "acl" or (c.dep_ == "prep" and not _owner(c)) for c in tok.children):
            continue  # "the orders of the president" says whose, not what
        if unowned != any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children):
            continue
        inside = quoted(doc)
        judged = {x.i for c in tok.children if c.i > tok.i and c.dep_ in ("appos", "npadvmod", "attr", "dep")
                  and any(x.i in inside for x in c.subtree) for x in c.subtree}  # "withdrawal from X a 'mistake'"
        words = []
        for t in tok.subtree:
            if t.i > tok.i and t.tag_ in ("VBZ", "VBD", "VBP", "MD"):
                break  # a parse that runs on into the sentence's own verb ("... has been met with")
            if t.i in judged:
                continue
            if not (t.dep_ in ("det", "poss") and t.head == tok and t.pos_ in ("DET", "PRON")):
                words.append(t)  # "its decision to leave" does not say whose: "Decision to leave"
        if sum(not t.is_punct for t in words) >= 4:
            return words
    return None


def _judged(tok: Token) -> list[Token]:
    """What a judging verb judges: "congratulate X on Y", "condemn X over Y" give Y when X is a
    party (a name); else its object; in the passive ("strikes condemned in Paris", "the strikes
    were condemned") its subject."""
    objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    wanted = [c for prep in tok.children if prep.dep_ == "prep" and prep.lower_ in ("on", "over", "for")
              for c in prep.children if c.dep_ == "pobj"] \
        if not objects or any(o.pos_ == "PROPN" or o.ent_type_ in ("PERSON", "GPE", "NORP", "ORG") for o in objects) \
        else []  # "condemn new levy on timber": a parse that hangs the levy's "on" on the verb
    wanted += objects
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN"):
        judged = tok.head  # "airstrikes on the port condemned by ...": the airstrikes, not the port
        while judged.dep_ == "pobj" and judged.head.dep_ == "prep" and judged.head.head.pos_ in ("NOUN", "PROPN"):
            judged = judged.head.head
        wanted.append(judged)
    return wanted


def _main_verb(tok: Token) -> bool:
    """The sentence's own verb ("Leaders condemn X", "X condemned in Paris"), not a side clause's
    ("Canada imposes tariffs to support its mills": the tariffs are the event)."""
    while tok.dep_ in ("conj", "xcomp") and tok.head.i != tok.i:  # "rush to congratulate", "condemn and reject"
        tok = tok.head
    return tok.dep_ not in ("advcl", "relcl", "ccomp", "pcomp", "csubj") and not (
        tok.dep_ == "acl" and tok.tag_ != "VBN")


def _verbal(tok: Token) -> bool:
    """A verb, or a headline's verb the tagger read as a noun: the root with a subject and an object
    ("Leaders worldwide criticise Lee's levy", where "criticise" comes out a noun)."""
    return tok.pos_ == "VERB" or (tok.dep_ == "ROOT" and tok.pos_ == "NOUN"
                                  and {"nsubj", "dobj"} <= {c.dep_ for c in tok.children})


def _crowd_subject(root: Token) -> bool:
    """The subject of `root` is a crowd of reactors or their reactions ("Officials from across the
    globe", "Lawmakers of both parties", "The reactions from industry"), in the plural, and `root`
    is no act of deciding: "The government cracked down on X", "Officials imposed a ban on X" act."""
    crowd = lexicon.REACTOR_NOUNS | lexicon.REACTING_WORDS
    acting = lexicon.DECISION_VERBS | lexicon.COUNTERMEASURE_VERBS | lexicon.LEAVING_WORDS
    return root.lemma_.lower() not in acting and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("NNS", "NNPS")
        and (c.lemma_.lower() in crowd or c.lower_.removesuffix("s") in crowd)
        for c in root.children)  # "Republicans", a proper noun the lemmatizer leaves plural


_REACTION_NOUNS = lexicon.SPEECH_NOUNS | lexicon.REACTING_WORDS | lexicon.JUDGING_CUES


def _someone(tok: Token) -> bool:
    """A person, an office or a crowd ("the foreign minister", "leaders"): who drew a reaction for
    something they did or said, not the thing."""
    lemma = tok.lemma_.lower()
    return tok.ent_type_ == "PERSON" or lemma in lexicon.TITLE_WORDS or lemma in lexicon.REACTOR_NOUNS


def _elicits_reaction(verb: Token) -> bool:
    """The verb's object, or what it is met "with", is a reaction: "sparked outrage and condemnation",
    "drew mixed reaction", "was met with criticism"."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children
                if g.dep_ == "pobj"]
    objects += [c for o in objects for c in o.children if c.dep_ == "conj"]
    return any(o.lemma_.lower() in _REACTION_NOUNS for o in objects)


def reacted_to(sent: Span) -> Words | None:
    """What a sentence says was reacted to, judged or congratulated on.

    "World reacts to military coup in Niger" gives "Military coup in
    Niger"; "Leaders condemn strike on Kyiv hospital" gives "Strike on Kyiv
    hospital"; "Leaders congratulate Lula on his election victory" gives
    "Lula's election victory"; "Strikes on the port condemned in Paris"
    gives "Strikes on the port". None when the sentence names no such
    thing, or names only a decision ("World reacts to Trump's Jerusalem
    decision"): the lead then says what was decided.
    """
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma in lexicon.REACTING_WORDS:
            # "reacts to X", "reactions from A and B to X" (a parse may hang "to X" on B), "reaction after X"
            preps = [p for p in tok.children if p.dep_ == "prep" and p.lower_ in ("to", "following", "after")]
            if tok.pos_ == "NOUN":
                preps += [p for p in tok.subtree if p.dep_ == "prep" and p.lower_ == "to" and p.head.i != tok.i]
            wanted = [c for prep in preps for c in prep.children if c.dep_ == "pobj"]
        elif _verbal(tok) and lemma in _JUDGING_VERBS and _main_verb(tok):
            wanted = _judged(tok)
        elif tok.pos_ == "VERB" and lemma in REPORTING_VERBS:
            # "expressed concern over X", "voiced outrage at X", "condolences and condemnation of X"
            felt = [tok, *(c for c in tok.children if c.dep_ == "dobj")]
            felt += [c for f in felt[1:] for c in f.children if c.dep_ == "conj"]
            wanted = [c for f in felt for prep in f.children if prep.dep_ == "prep"
                      and prep.lower_ in ("over", "at", "about", "of") for c in prep.children if c.dep_ == "pobj"]
        elif lemma in lexicon.ELICITING_VERBS and _verbal(tok) and _elicits_reaction(tok):
            # "X sparked outrage", "X has drawn mixed reaction", "X was met with condemnation": X
            wanted = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and not _someone(c)]
        elif tok.i == sent.root.i and _crowd_subject(tok):
            # "Officials are weighing in on X", "Lawmakers were split over X", "reactions ... on X were split"
            wanted = [c for p in (*tok.children, *(g for c in tok.children if c.dep_ in ("prt", "acomp", "nsubj")
                                                    for g in c.children))
                      if p.dep_ == "prep" and p.lower_ in ("on", "over", "about") for c in p.children if c.dep_ == "pobj"]
        else:
            continue
        judging = {t.i for t in tok.subtree}
        for head in wanted:
            words = list(head.subtree)
            if any(t.i == tok.i for t in words):  # the passive's noun holds the verb: "strikes condemned in Paris"
                words = [t for t in words if t.i not in judging]
            if head.dep_ == "dobj" and head.pos_ != "PROPN":  # "condemn new levy | on timber", parsed apart
                words += [t for prep in tok.children if prep.dep_ == "prep" and prep.i == words[-1].i + 1
                          and prep.lower_ in ("on", "of", "in", "against", "by", "to") for t in prep.subtree]
            if head.lemma_.lower() in lexicon.DECISION_NOUNS or head.pos_ == "PRON" \
                    or sum(t.dep_ != "det" and not t.is_punct for t in words) < 2:
                continue  # "the attack" says too little to name an event
            whom = [c for c in tok.children if c.dep_ == "dobj" and c.pos_ == "PROPN"]
            owned = [c for c in head.children if c.dep_ == "poss"]
            if lemma in _JUDGING_VERBS and whom and head.i != whom[0].i and all(c.pos_ == "PRON" for c in owned):
                # "congratulate Lula on (his) victory": Lula's victory; "condemn Valdora for strikes": Valdora's
                owner = [t for t in whom[0].subtree if t.dep_ not in ("det", "cc", "conj")
                         and t.text not in (",", ";") and t.head.dep_ != "conj"]  # keeps "President-elect"
                gone = {t.i for c in owned for t in c.subtree} | {t.i for t in head.children if t.dep_ == "det"}
                return [*owner, "'s", *(t for t in words if t.i not in gone)]
            return words
    return None


def reacted_after(doc: Doc) -> list[Token] | None:
    """What a round-up headline says the world reacted as or after: "World leaders react as Russia
    annexes four regions" gives "Russia annexes four regions"."""
    for tok in doc:
        if tok.lemma_.lower() not in lexicon.REACTING_WORDS:
            continue
        for clause in tok.children:
            if clause.dep_ == "advcl" and clause.pos_ == "VERB" and any(
                    m.dep_ == "mark" and m.lower_ in ("as", "after") for m in clause.children):
                root, subject = _main_clause(clause)  # "after Lee announced that Ruritania would leave"
                words = [t for t in root.subtree if not (t.dep_ == "mark" and t.head.i in (clause.i, root.i))]
                if subject is not None and not any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children):
                    words = [*subject, *words]
                return words
    return None


def crowd_reaction(sent: Span) -> Words | None:
    """What a crowd of reactors reacted as or after, as a sentence whose subject is one tells it:
    "World divided as Ruritania closes border", "Neighbours alarmed after Valdora tests missile".
    (What they weighed in on, split over or were concerned at was tried too, and did not hold on
    the validation split.)"""
    root = sent.root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.lemma_.lower() not in lexicon.REACTOR_NOUNS:
        return None
    for clause in root.children:
        if clause.dep_ == "advcl" and clause.pos_ in ("VERB", "AUX") and any(
                m.dep_ == "mark" and m.lower_ in ("as", "after") for m in clause.children):
            return [t for t in clause.subtree if not (t.dep_ == "mark" and t.head.i == clause.i)]
    return None


def _reacting(doc: Doc, start: int, end: int) -> bool:
    """Whether the tokens `start`..`end` of a headline tell a reaction rather than an event:
    a reactor's verb ("Leaders react", "says Snowden", "condemn"), or a quote."""
    inside = quoted(doc)
    words = [t for t in doc[start:end] if not t.is_punct]
    if not words:
        return False
    if words[0].i in inside or sum(t.i in inside for t in words) * 2 > len(words):
        return True
    return any(t.i not in inside and (t.pos_ in ("VERB", "AUX", "NOUN") and t.lemma_.lower() in REPORTING_VERBS
                                      or t.pos_ == "NOUN" and t.lemma_.lower() in lexicon.SPEECH_NOUNS)
               for t in words) or is_roundup(doc[start:end].text)


def headline_event(doc: Doc) -> list[Token] | None:
    """The event half of a two-part headline whose other half is the reaction: "Supreme Court
    overturns Roe v. Wade: reactions from around the world" gives "Supreme Court overturns Roe
    v. Wade"; "Dam collapse: minister says lessons will be learnt" gives "Dam collapse"."""
    text = doc.text
    cuts = [m for m in _HEADLINE_PARTS.finditer(text)]
    if len(cuts) != 1:
        return None
    halves = [(0, cuts[0].start()), (cuts[0].end(), len(text))]
    spans = [doc.char_span(a, b, alignment_mode="expand") for a, b in halves]
    if any(s is None for s in spans):
        return None
    topic, rest = spans
    if _reacting(doc, topic.start, topic.end) or not _reacting(doc, rest.start, rest.end):
        return None  # the topic comes first: "Dam collapse: leaders react"
    words = [t for t in topic if not t.is_punct]
    if len(words) < 2 or not any(t.pos_ in ("NOUN", "VERB") for t in words):
        return None  # "Zimbabwe", "Putin": a name alone is not the event
    return list(topic)


def label_from(sent: Span) -> Words:
    """A short label for the event from the main clause of `sent`."""
    root, subject = _main_clause(sent.root)
    drop: set[int] = set()
    for child in root.children:
        if child.dep_ in _DROP_DEPS or (child.dep_ == "prep" and child.lower_ in lexicon.LABEL_DROPPED_PREPOSITIONS and child.i > root.i + 3):
            drop.update(t.i for t in child.subtree)
    own = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and own is not None and own.lower_ in ("he", "she") and subject.root.pos_ == "PROPN":
        drop.add(own.i)  # "Trump said he will sign": Trump will sign
        own = None
    words: list[Token | str] = [t for t in root.subtree if t.i not in drop]
    if subject is not None and own is None:  # "Trump announced he had decided to withdraw": who withdraws
        words = [*subject, *(t for t in words if t.i not in {s.i for s in subject})]
    if sum(isinstance(t, str) or not t.is_punct for t in words) < 3:
        words = list(sent)
    return words


@dataclass(frozen=True)
class Headline:
    """What the label strategies read: the title, its parse, the lead paragraph's parse if any."""

    title: str | None
    title_doc: Doc
    lead_doc: Doc | None

    @property
    def roundup(self) -> bool:
        """The headline is about the reactions ("World reacts to ..."), not the event."""
        return bool(self.title) and is_roundup(self.title)

    @property
    def lead(self) -> Span | None:
        """The lead's first sentence with a verb: "PARIS (Agency) --" is a dateline."""
        if self.lead_doc is None or not len(self.lead_doc):
            return None
        sents = list(self.lead_doc.sents)
        return next((s for s in sents if any(t.pos_ in ("VERB", "AUX") for t in s)), sents[0])


def _decision_in_title(h: Headline) -> Words | None:
    return decision_phrase(h.title_doc)


def _reacted_to_in_title(h: Headline) -> Words | None:
    return reacted_to(h.title_doc[:])


def _decision_in_lead(h: Headline) -> Words | None:
    return decision_phrase(h.lead_doc) if h.lead_doc is not None else None


def _unowned_decision_in_lead(h: Headline) -> Words | None:
    return decision_phrase(h.lead_doc, unowned=True) if h.lead_doc is not None else None


def _event_half_of_title(h: Headline) -> Words | None:
    return headline_event(h.title_doc) if h.title else None


def _reacted_after_in_roundup(h: Headline) -> Words | None:
    return reacted_after(h.title_doc) if h.roundup else None


def _main_clause_of_title(h: Headline) -> Words | None:
    return None if h.roundup and h.lead is not None else label_from(next(iter(h.title_doc.sents)))


def _crowd_reaction_in_title(h: Headline) -> Words | None:
    return crowd_reaction(next(iter(h.title_doc.sents)))


def _crowd_reaction_in_lead(h: Headline) -> Words | None:
    return crowd_reaction(h.lead) if h.lead is not None else None


def _reacted_to_in_lead(h: Headline) -> Words | None:
    return reacted_to(h.lead) if h.lead is not None else None


def _main_clause_of_lead(h: Headline) -> Words | None:
    return label_from(h.lead) if h.lead is not None else None


# The label of an article whose headline has no characters to show at all (only spaces and format marks).
UNNAMED = "unnamed event"

STRATEGIES: tuple[Callable[[Headline], Words | None], ...] = (
    _decision_in_title, _decision_in_lead, _event_half_of_title, _reacted_to_in_title,
    _unowned_decision_in_lead, _reacted_after_in_roundup, _crowd_reaction_in_title, _main_clause_of_title,
    _reacted_to_in_lead, _crowd_reaction_in_lead, _main_clause_of_lead,
)


def label(headline: Headline) -> str:
    """The event's label: the first acceptable answer of `STRATEGIES`, told in full where the lead
    tells it more fully (`fuller`); when none is acceptable, the first answer that is no quote,
    else the headline's words outside quotes, cut to `MAX_WORDS` words.

    A headline of quote marks or dashes alone tidies away to nothing, and an
    event needs a name: its words as written, then.
    """
    return (_best(headline) or " ".join(headline.title_doc.text.split()[:MAX_WORDS])
            or UNNAMED)


def _content(words: Words) -> set[str]:
    """The content words of `words`, by their first five letters ("attack", "attacks" agree); "U.S." is one."""
    return {t.lower_[:5] for t in words if isinstance(t, Token) and any(c.isalpha() for c in t.text)
            and not t.is_stop and len(t) > 1}


def fuller(words: Words, lead: Doc | None) -> Words | None:
    """The lead's own mention of the thing a headline's noun phrase names, where it says more.

    Headlines are terse and leads spell out: "Nice attack" in the headline is
    "the truck attack in Nice" in the lead, "PCA ruling" is "the PCA East Sea
    ruling". A noun of the lead with the phrase's head noun, all its content
    words and more is the same thing told in full. None when the phrase is no
    noun phrase or the lead has no such mention: a lead that names the thing
    differently may name another one.
    """
    tokens = [t for t in words if isinstance(t, Token)]
    if lead is None or not tokens or any(isinstance(t, str) for t in words) or tokens[0].doc is lead:
        return None
    ids = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in ids or t.head.i == t.i]
    if len(heads) != 1 or heads[0].pos_ != "NOUN":
        return None
    head, wanted = heads[0], _content(tokens)
    inside = quoted(lead)
    for tok in lead:
        if tok.lemma_.lower() != head.lemma_.lower() or tok.pos_ != "NOUN" or tok.i in inside:
            continue
        aside = {x.i for c in tok.subtree if c.i != tok.i and (c.dep_ in _ASIDE_DEPS or c.lower_ == "as")
                 for x in c.subtree}  # "the attack which claimed ...", "the ban, a mistake", "the move as bizarre"
        told = []
        for t in tok.subtree:
            if t.i > tok.i and (t.tag_ in ("VBZ", "VBD", "VBP", "MD") or t.text in (",", ";", ":", "(")):
                break  # a parse that runs on into a clause of its own
            if t.i not in aside:
                told.append(t)
        told = shortened(tidied(told, inside))
        if wanted <= _content(told) and len(_content(told)) > len(wanted) and acceptable(told, inside):
            return told
    return None


def _best(headline: Headline) -> str:
    answers: list[tuple[list[Token | str], set[int]]] = []
    for strategy in STRATEGIES:
        found = strategy(headline)
        if not found:
            continue
        doc = next(t.doc for t in found if isinstance(t, Token)) if any(isinstance(t, Token) for t in found) else None
        inside = quoted(doc) if doc is not None else set()
        words = shortened(tidied(found, inside))
        if acceptable(words, inside):
            return as_text(fuller(words, headline.lead_doc) or words)
        answers.append((words, inside))
    plain = [w for w, q in answers if not quote_like(w, q)]
    if plain:
        return cut(plain[0])
    inside = quoted(headline.title_doc)
    unquoted = [t for t in headline.title_doc if t.i not in inside]
    return cut(unquoted if any(not t.is_punct for t in unquoted) else list(headline.title_doc))


