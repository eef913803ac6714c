"""Attribution: which candidate said (or did) what, and where the text shows it.

Works on the dependency parse of each paragraph: the subject of a reporting
verb ("X said", "said X"), inherited by participles and conjuncts ("...,
adding that"), relative clauses ("criticism from X who said"), "according to
X", reaction nouns ("criticism from X"), pronouns and titles resolved to the
speaker they refer to ("it added", "the ministry said"), and paragraph shapes
of reaction round-ups ('"..." - Iranian President Hassan Rouhani', 'Name: ...').
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from . import lexicon
from ..names import fold
from .mentions import Registry
from .stance import Cue, find_cues, neutral_cue
from .text import Paragraph

_QUOTE_DASH = re.compile(r'^"(?P<quote>.+?)[.,]?"\s*[-\u2013\u2014]+\s*(?P<who>[^"]{3,150})$')
_NAME_COLON = re.compile(r'^(?P<who>[^:"]{3,100}):\s+(?P<quote>\S.{10,})$')
_QUOTED = re.compile(r'"([^"]{8,})"')
_INHERITS = {"advcl", "xcomp", "conj", "pcomp", "ccomp"}
_ORG_HEADS = {"ministry", "office", "department", "agency", "embassy", "commission", "council",
              "parliament", "committee", "army", "military", "party", "spokesman", "spokeswoman"}
_STATE_HEADS = {"government", "administration", "authorities", "leadership", "state", "regime"}
_PERSON_PRONOUNS = {"he", "she", "him", "her"}
_GROUP_PRONOUNS = {"it", "they"}
_PASSIVE_AGENT_VERBS = set(lexicon.SUPPORT_CUES) | set(lexicon.OPPOSE_CUES)


@dataclass
class Statement:
    """Something one candidate said or did about the event."""

    key: str
    start: int
    end: int
    trigger: str
    cues: list[Cue] = field(default_factory=list)
    neutral: str | None = None


class _Attributor:
    def __init__(self, docs: list[Doc], paras: list[Paragraph], registry: Registry) -> None:
        self.docs = docs
        self.paras = paras
        self.registry = registry
        self.speakers: list[tuple[int, str]] = []  # (doc index, key) in order of speech

    # -- speakers ---------------------------------------------------------

    def _usable(self, key: str | None) -> str | None:
        if key is None:
            return None
        cand = self.registry.candidates[key]
        return None if cand.reporter else key

    def _speaker(self, d: int, tok: Token) -> str | None:
        if tok.lower_ in ("who", "which", "that") and tok.head.dep_ == "relcl":
            tok = tok.head.head
        for child in tok.children:  # "Israel's Prime Minister, Benjamin Netanyahu"
            if child.dep_ == "appos":
                key = self.registry.key_at(d, child)
                if key and key.startswith("person:"):
                    return self._usable(key)
        key = self.registry.key_at(d, tok)
        if key:
            return self._usable(key)
        if tok.pos_ == "PRON":
            return self._pronoun(d, tok)
        if tok.pos_ == "PROPN":
            return self._usable(self.registry.name_at(d, tok))
        lemma = tok.lemma_.lower()
        if lemma in lexicon.UNNAMED_HEADS or tok.pos_ not in ("NOUN", "PROPN"):
            return None
        return self._reference(d, tok, lemma)

    def _pronoun(self, d: int, tok: Token) -> str | None:
        word = tok.lower_
        if word not in _PERSON_PRONOUNS and word not in _GROUP_PRONOUNS:
            return None
        want_person = word in _PERSON_PRONOUNS
        for sd, key in reversed(self.speakers):
            if d - sd > 3:
                break
            if key.startswith("person:") == want_person:
                return key
        if want_person:
            for key in self.registry.mentions_before(d, tok.i)[:6]:
                if key.startswith("person:"):
                    return self._usable(key)
        return None

    def _reference(self, d: int, tok: Token, lemma: str) -> str | None:
        """"the ministry", "the French leader", "the Russian government"."""
        country = None
        for child in tok.children:
            if child.dep_ in ("amod", "compound", "poss", "nmod"):
                match = self.registry.gazetteer.lookup(child.text)
                if match:
                    country = match.code
        if lemma in _STATE_HEADS and country:
            return self.registry.country_key(country, f"{tok.doc[tok.left_edge.i:tok.i + 1].text}")
        if lemma in _ORG_HEADS:
            kinds, test = ("organization",), lambda c: lemma in fold(c.name)
        elif lemma in lexicon.TITLE_WORDS:
            kinds = ("person",)
            test = lambda c: lemma == "leader" or (c.role is not None and lemma in fold(c.role))  # noqa: E731
        else:
            return None
        for key in self.registry.mentions_before(d, tok.i):
            cand = self.registry.candidates[key]
            if cand.kind in kinds and test(cand) and (country is None or cand.country == country):
                return self._usable(key)
        return None

    def _subjects(self, verb: Token, depth: int = 0) -> list[Token]:
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subjects and verb.lemma_.lower() in _PASSIVE_AGENT_VERBS:
            subjects = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if not subjects and verb.dep_ in _INHERITS and depth < 3 and verb.head is not verb:
            return self._subjects(verb.head, depth + 1)
        out: list[Token] = []
        for subj in subjects:
            out.append(subj)
            out.extend(subj.conjuncts)
        return out

    # -- evidence -----------------------------------------------------------

    @staticmethod
    def _evidence(sent: Span, trigger: Token | None) -> tuple[int, int]:
        """Character range (within the doc) of what was said."""
        if trigger is not None:
            for child in trigger.children:
                if child.dep_ in ("ccomp", "xcomp") and child.i != trigger.i:
                    left, right = child.left_edge, child.right_edge
                    return left.idx, right.idx + len(right)
        quotes = list(_QUOTED.finditer(sent.text))
        if quotes:
            near = min(quotes, key=lambda m: abs(sent.start_char + m.start() - (trigger.idx if trigger is not None else 0)))
            return sent.start_char + near.start(1), sent.start_char + near.end(1)
        return sent.start_char, sent.end_char

    def _add(self, out: list[Statement], d: int, key: str, trigger: str, span: tuple[int, int], cue_tokens: list[Token]) -> None:
        offset = self.paras[d].start
        stmt = Statement(key, offset + span[0], offset + span[1], trigger,
                         find_cues(cue_tokens, offset), neutral_cue(cue_tokens))
        out.append(stmt)
        self.speakers.append((d, key))

    # -- passes -------------------------------------------------------------

    def _paragraph_shape(self, d: int, doc: Doc) -> list[tuple[str, tuple[int, int]]]:
        """Round-up shapes: '"quote" - Speaker' and 'Speaker: quote'."""
        text = doc.text
        for pattern in (_QUOTE_DASH, _NAME_COLON):
            m = pattern.match(text)
            if not m:
                continue
            who = doc.char_span(m.start("who"), m.end("who"), alignment_mode="expand")
            if who is None or any(t.pos_ in ("VERB", "AUX") for t in who):
                continue
            keys = [k for k in (self.registry.key_at(d, t) for t in who) if k]
            keys = [k for k in keys if self._usable(k)]
            if keys:
                best = next((k for k in keys if k.startswith("person:")), keys[0])
                return [(best, (m.start("quote"), m.end("quote")))]
        return []

    def statements(self) -> list[Statement]:
        out: list[Statement] = []
        for d, doc in enumerate(self.docs):
            before = len(out)
            for key, span in self._paragraph_shape(d, doc):
                toks = [t for t in doc if span[0] <= t.idx < span[1]]
                self._add(out, d, key, "quoted", span, toks)
            if len(out) == before:
                for sent in doc.sents:
                    self._sentence(d, sent, out)
            if len(out) == before and doc.text.startswith('"') and self.speakers and self.speakers[-1][0] == d - 1:
                # A quote that runs on from the previous paragraph's speaker.
                self._add(out, d, self.speakers[-1][1], "continued quote", (0, len(doc.text)), list(doc))
        return out

    def _sentence(self, d: int, sent: Span, out: list[Statement]) -> None:
        found: list[tuple[str, Token | None, str]] = []
        for tok in sent:
            lemma = tok.lemma_.lower()
            if lemma in lexicon.SPEECH_VERBS and tok.pos_ == "VERB":
                for subj in self._subjects(tok):
                    key = self._speaker(d, subj)
                    if key:
                        found.append((key, tok, tok.text))
            elif tok.lower_ == "according":
                for to in tok.children:
                    for pobj in to.children:
                        if pobj.dep_ == "pobj":
                            key = self._speaker(d, pobj)
                            if key:
                                found.append((key, None, "according to"))
            elif lemma in lexicon.SPEECH_NOUNS and tok.pos_ == "NOUN":
                for prep in tok.children:
                    if prep.dep_ == "prep" and prep.lower_ == "from":
                        for pobj in prep.children:
                            if pobj.dep_ == "pobj":
                                key = self._speaker(d, pobj)
                                if key:
                                    found.append((key, None, tok.text))
        if not found:
            return
        keys = {k for k, _, _ in found}
        for key in dict.fromkeys(k for k, _, _ in found):
            mine = [(t, word) for k, t, word in found if k == key]
            trigger = next((t for t, _ in mine if t is not None), None)
            span = self._evidence(sent, trigger)
            if len(keys) == 1:
                cue_tokens = [t for t in sent if self.registry.key_at(d, t) != key]
            else:
                cue_tokens = [t for t in sent if span[0] <= t.idx < span[1] or any(t is m for m, _ in mine)]
            self._add(out, d, key, ", ".join(dict.fromkeys(w for _, w in mine)), span, cue_tokens)


def find_statements(docs: list[Doc], paras: list[Paragraph], registry: Registry) -> list[Statement]:
    """Every statement in the article, in reading order."""
    return _Attributor(docs, paras, registry).statements()
