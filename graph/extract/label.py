"""The event's label: an ordered list of strategies, each a small function; the first that answers wins.

The label is a decision phrase when the headline or lead names one ("Donald
Trump's decision to recognise Jerusalem as the Israeli capital"); for a
round-up headline ("World reacts to ...") what the world reacted to; else
the main clause of the headline (or of the lead when the headline is a
round-up), stripped of its reporting frame ("Officials said ...") and side
clauses.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from . import lexicon

_ROUNDUP = re.compile(r"\b(react|reacts|reaction|reactions|world|leaders|respond|responds|say|says|had this to say)\b", re.I)
_FRAME_VERBS = lexicon.SPEECH_VERBS | {"announce", "decide", "report", "confirm"}
_DROP_DEPS = {"advcl", "punct", "mark", "cc", "conj", "parataxis", "discourse", "intj", "npadvmod", "dep"}
_MAX_LABEL = 120
_HEADLINE_PARTS = re.compile(r":\s|\s[-–—|]\s")  # "Event: world reacts", "Event - reactions", "Event | …"
_JUDGING_VERBS = lexicon.SPEECH_VERBS & lexicon.JUDGING_CUES  # "condemn", "welcome", "congratulate"…


def is_roundup(title: str) -> bool:
    """True for headlines about the reactions rather than the event itself."""
    return bool(_ROUNDUP.search(title))


def _main_clause(sent: Span) -> tuple[Token, Span | None]:
    """The clause under any reporting frame, and the last named subject met on the way down."""
    root, subject = sent.root, None
    for _ in range(3):
        comp = next((c for c in root.children if c.dep_ in ("ccomp", "xcomp")), None)
        if root.lemma_.lower() in _FRAME_VERBS and comp is not None:
            named = next((c for c in root.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
            if named is not None:
                subject = sent.doc[named.left_edge.i:named.right_edge.i + 1]
            root = comp
        else:
            break
    return root, subject


def decision_phrase(doc: Doc) -> str | None:
    """The decision as the first sentence of `doc` names it, if it does.

    "Donald Trump's decision to recognise Jerusalem as the Israeli capital",
    "United States' withdrawal from the Iran nuclear deal": a decision noun
    with what it decides, the clearest label a reaction article offers.
    """
    sent = next(iter(doc.sents))
    for tok in sent:
        if tok.lemma_.lower() not in lexicon.DECISION_NOUNS or tok.pos_ != "NOUN":
            continue
        if not any(c.dep_ in ("acl", "prep") for c in tok.children):
            continue
        if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children):
            continue  # "its exit from coal power" does not say whose
        words = []
        for t in tok.subtree:
            if t.i > tok.i and t.tag_ in ("VBZ", "VBD", "VBP", "MD"):
                break  # a parse that runs on into the sentence's own verb ("... has been met with")
            if not (t.dep_ == "det" and t.head == tok):
                words.append(t)
        text = " ".join("".join(t.text_with_ws for t in words).split()).strip(" ,;:-\"'")
        if 4 <= len(text.split()) <= 20:
            return _capitalised(text)
    return None


def reacted_to(doc: Doc) -> str | None:
    """What a round-up headline says the world reacted to.

    "World reacts to military coup in Niger" gives "Military coup in
    Niger"; "Leaders congratulate Lula on Brazil election victory" gives
    "Brazil election victory"; "Leaders condemn strike on Kyiv hospital"
    gives "Strike on Kyiv hospital". None when the headline names no such
    thing, or names only a decision ("World reacts to Trump's Jerusalem
    decision"): the lead then says what was decided.
    """
    for tok in doc:
        lemma = tok.lemma_.lower()
        if lemma in lexicon.REACTING_WORDS:
            wanted = [c for prep in tok.children if prep.dep_ == "prep" and prep.lower_ == "to"
                      for c in prep.children if c.dep_ == "pobj"]
        elif tok.pos_ == "VERB" and lemma in _JUDGING_VERBS:
            # "congratulate X on Y", "condemn X over Y": Y is the event; else what is judged
            wanted = [c for prep in tok.children if prep.dep_ == "prep" and prep.lower_ in ("on", "over", "for")
                      for c in prep.children if c.dep_ == "pobj"] + [c for c in tok.children if c.dep_ == "dobj"]
        else:
            continue
        for head in wanted:
            words = list(head.subtree)
            if head.lemma_.lower() in lexicon.DECISION_NOUNS or head.pos_ == "PRON" \
                    or sum(t.dep_ != "det" and not t.is_punct for t in words) < 2:
                continue  # "the attack" says too little to name an event
            return _phrase(words)
    return None


def reacted_after(doc: Doc) -> str | None:
    """What a round-up headline says the world reacted as or after: "World leaders react as Russia
    annexes four regions" gives "Russia annexes four regions"."""
    for tok in doc:
        if tok.lemma_.lower() not in lexicon.REACTING_WORDS:
            continue
        for clause in tok.children:
            if clause.dep_ == "advcl" and clause.pos_ == "VERB" and any(
                    m.dep_ == "mark" and m.lower_ in ("as", "after") for m in clause.children):
                return _phrase([t for t in clause.subtree if not (t.dep_ == "mark" and t.head == clause)])
    return None


def _phrase(words: list[Token]) -> str:
    return _labelled(" ".join("".join(t.text_with_ws for t in words).split()).strip(" ,;:-\"'"))


def _labelled(text: str) -> str:
    """`text` as a label: at most `_MAX_LABEL` characters, cut at a word, with a capital."""
    if len(text) > _MAX_LABEL:
        text = text[:_MAX_LABEL].rsplit(" ", 1)[0] + "..."
    return _capitalised(text)


def headline_event(title: str) -> str | None:
    """The event half of a two-part round-up headline: "Supreme Court overturns Roe v. Wade:
    reactions from around the world" gives "Supreme Court overturns Roe v. Wade"."""
    parts = [p.strip() for p in _HEADLINE_PARTS.split(title) if p.strip()]
    if len(parts) != 2:
        return None
    plain = [p for p in parts if not is_roundup(p)]
    if len(plain) != 1 or len(plain[0].split()) < 3:
        return None
    return _capitalised(plain[0])


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def label_from(doc: Doc) -> str:
    """A short label for the event from the first sentence of `doc`."""
    sent = next(iter(doc.sents))
    root, subject = _main_clause(sent)
    drop: set[int] = set()
    for child in root.children:
        if child.dep_ in _DROP_DEPS or (child.dep_ == "prep" and child.lower_ in lexicon.LABEL_DROPPED_PREPOSITIONS and child.i > root.i + 3):
            drop.update(t.i for t in child.subtree)
    words = [t for t in root.subtree if t.i not in drop]
    # A dropped token takes its space with it: "concerned' over" must not become "concernedover".
    text = "".join(t.text + (" " if t.whitespace_ or (t.i + 1 in drop and t.doc[t.i + 1].whitespace_) else "")
                   for t in words).strip(" ,;:-\"'")
    if subject is not None and not any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children):
        text = f"{subject.text} {text}"  # "Trump announced he had decided to withdraw": who withdraws
    if len(text.split()) < 3:
        text = sent.text.strip()
    return _labelled(" ".join(text.split()))



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


def _decision_in_title(h: Headline) -> str | None:
    return decision_phrase(h.title_doc)


def _reacted_to_in_roundup(h: Headline) -> str | None:
    return reacted_to(h.title_doc) if h.roundup else None


def _decision_in_lead(h: Headline) -> str | None:
    return decision_phrase(h.lead_doc) if h.lead_doc is not None else None


def _event_half_of_roundup(h: Headline) -> str | None:
    return headline_event(h.title) if h.roundup and h.title else None


def _reacted_after_in_roundup(h: Headline) -> str | None:
    return reacted_after(h.title_doc) if h.roundup else None


def _main_clause_of_headline(h: Headline) -> str | None:
    # "World reacts to ..." names the reactions, the lead names the event
    return label_from(h.lead_doc if h.roundup and h.lead_doc is not None else h.title_doc)


STRATEGIES: tuple[Callable[[Headline], str | None], ...] = (
    _decision_in_title, _reacted_to_in_roundup, _decision_in_lead, _event_half_of_roundup,
    _reacted_after_in_roundup, _main_clause_of_headline,
)


def label(headline: Headline) -> str:
    """The event's label: the first answer of `STRATEGIES` (the last always answers)."""
    for strategy in STRATEGIES[:-1]:
        found = strategy(headline)
        if found:
            return found
    return STRATEGIES[-1](headline) or ""
