"""The event an article is about: a readable label and who made it happen.

The label is the main clause of the headline (or of the lead sentence when
the headline is a round-up like "World reacts to ..."), stripped of its
reporting frame ("Officials said ...") and side clauses. The agents are the
named subjects of that clause ("The Trump administration will withdraw"):
their own statements defend the decision unless they say otherwise.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from . import lexicon
from .mentions import Registry, is_media

_ROUNDUP = re.compile(r"\b(react|reacts|reaction|reactions|world|leaders|respond|responds|say|says|had this to say)\b", re.I)
_FRAME_VERBS = lexicon.SPEECH_VERBS | {"announce", "decide", "report", "confirm"}
_DROP_DEPS = {"advcl", "punct", "mark", "cc", "conj", "parataxis", "discourse", "intj", "npadvmod", "dep"}
_DROP_PREPS = {"according", "after", "amid", "despite", "on", "in"}
_DECISION_NOUNS = {"decision", "move", "announcement", "withdrawal", "plan", "order", "choice", "policy",
                   "recognition", "pullout", "pull-out", "exit"}
_MAX_LABEL = 120


_WITHDRAWAL = re.compile(r"\b(withdraw\w*|pull\w*[ -]?out|pullout|quit\w*|exit\w*|leav\w*|left|abandon\w*|"
                         r"scrap\w*|ditch\w*|tear\w* up|tore up|walk\w* away|back\w* out|brexit)\b", re.I)


def is_withdrawal(text: str) -> bool:
    """True when the event is leaving or ending something (a deal, a country, a union)."""
    return bool(_WITHDRAWAL.search(text))


def is_roundup(title: str) -> bool:
    """True for headlines about the reactions rather than the event itself."""
    return bool(_ROUNDUP.search(title))


def _main_clause(sent: Span) -> Token:
    root = sent.root
    for _ in range(3):
        comp = next((c for c in root.children if c.dep_ in ("ccomp", "xcomp")), None)
        if root.lemma_.lower() in _FRAME_VERBS and comp is not None:
            root = comp
        else:
            break
    return root


def label_from(doc: Doc) -> str:
    """A short label for the event from the first sentence of `doc`."""
    sent = next(iter(doc.sents))
    root = _main_clause(sent)
    drop: set[int] = set()
    for child in root.children:
        if child.dep_ in _DROP_DEPS or (child.dep_ == "prep" and child.lower_ in _DROP_PREPS and child.i > root.i + 3):
            drop.update(t.i for t in child.subtree)
    words = [t for t in root.subtree if t.i not in drop]
    text = "".join(t.text_with_ws for t in words).strip(" ,;:-\"'")
    if len(text.split()) < 3:
        text = sent.text.strip()
    text = " ".join(text.split())
    if len(text) > _MAX_LABEL:
        text = text[:_MAX_LABEL].rsplit(" ", 1)[0] + "..."
    return text[:1].upper() + text[1:]


# Words that describe reacting, not what was reacted to.
_GENERIC = frozenset("""
react reaction reactions world leader leaders decision move say tell announce announcement news people country
countries official officials statement government president minister prime time year day week today
international community global response respond way thing lot part photo image picture source agency lead make
take come give get follow include new late latest big happen date credit feature
""".split())
_TERM_POS = {"NOUN", "PROPN", "VERB", "ADJ"}


def terms(docs: list[tuple[int, Doc]], registry: Registry) -> tuple[str, ...]:
    """Topic terms of the headline and lead: what the decision was about, not who reacted.

    Lemmas of nouns, verbs and adjectives; countries as ISO codes, capitals as
    themselves ("jerusalem", "paris" name an event better than their country
    does); never people, outlets, dates or reaction words.
    """
    out: dict[str, None] = {}
    for index, doc in docs:
        for ent in doc.ents:
            match = registry.gazetteer.lookup(ent.text) if ent.label_ in ("GPE", "NORP") else None
            if match:
                out[ent.text.lower() if match.how == "capital" else f"country:{match.code.lower()}"] = None
        for tok in doc:
            key = registry.key_at(index, tok)
            if (key and key.startswith("person:")) or tok.ent_type_ in ("PERSON", "GPE", "NORP", "DATE", "CARDINAL"):
                continue
            if tok.is_stop or not tok.is_alpha or len(tok) < 3 or is_media(tok.text):
                continue
            lemma = tok.lemma_.lower()
            if tok.pos_ in _TERM_POS and lemma not in _GENERIC and lemma not in lexicon.SPEECH_VERBS:
                out[lemma] = None
    return tuple(out)[:40]


def agents(doc_index: int, doc: Doc, registry: Registry) -> set[str]:
    """Candidates who made the decision, from the first sentence of `doc`."""
    sent = next(iter(doc.sents))
    found: set[str] = set()

    def key_of(tok: Token) -> str | None:
        for t in [tok, *(c for c in tok.children if c.dep_ in ("compound", "poss", "appos"))]:
            key = registry.key_at(doc_index, t)
            if key:
                return key
        if tok.lower_ in ("he", "she"):
            for prev in reversed(list(sent)[: tok.i - sent.start]):
                key = registry.key_at(doc_index, prev)
                if key and key.startswith("person:"):
                    return key
        return None

    for tok in sent:
        if tok.dep_ == "nsubj" and tok.head.lemma_.lower() not in ("say", "tell", "report", "add", "state"):
            key = key_of(tok)
            if key:
                found.add(key)
        if tok.dep_ == "poss" and tok.head.lemma_.lower() in _DECISION_NOUNS:
            key = key_of(tok)
            if key:
                found.add(key)
    return found
