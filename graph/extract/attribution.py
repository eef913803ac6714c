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
from .headline import is_heading, is_title_case
from .mentions import Registry
from .stance import Cue, find_cues, neutral_cue
from .text import Paragraph

# '"..." - Iranian President Hassan Rouhani', 'Moscow is "deeply disappointed ..." - Russia's foreign ministry'
_QUOTE_DASH = re.compile(r'^(?P<quote>.*?"[^"]{3,}"[.,]?)\s*[-\u2013\u2014]+\s*(?P<who>[^"]{3,150})$')
# '"...Iraq."French President Emmanuel Macron, on Twitter, referring to ...'
_QUOTE_THEN_NAME = re.compile(r'^(?P<quote>"[^"]{10,}")\s*(?P<who>[A-Z][^",]{3,120})(?:,[^"]*)?$')
_NAME_COLON = re.compile(r'^(?P<who>[^:"]{3,100}):\s+(?P<quote>\S.{10,})$')
_QUOTED = re.compile(r'"([^"]{8,})"')
_INHERITS = {"advcl", "xcomp", "conj", "pcomp", "ccomp"}
_PERSON_PRONOUNS = {"he", "she", "him", "her"}
_GROUP_PRONOUNS = {"it", "they"}
_POSSESSIVES = {"his": "he", "its": "it", "their": "they"}  # "her" is both
_SELF_PRONOUNS = {"i", "we", "he", "she", "it", "they"}
_PASSIVE_AGENT_VERBS = lexicon.JUDGING_CUES
# What can follow the actor in a verbless headline: "Israel supportive", "Germany 'deeply concerned'".
_PREDICATE_POS = {"ADJ", "ADV", "VERB", "AUX", "PART"}


@dataclass
class Statement:
    """Something one candidate said or did about the event."""

    key: str
    start: int
    end: int
    trigger: str
    cues: list[Cue] = field(default_factory=list)
    neutral: str | None = None
    headline: bool = False  # read from a headline or section heading
    about_self: bool = False  # the speaker tells what they do or will do: "said he would halt funding"
    quote: str | None = None  # its words, for a statement read from a title that is not part of the text


class _Attributor:
    def __init__(self, docs: list[Doc], texts: list[str], paras: list[Paragraph], registry: Registry,
                 title: tuple[Doc, str] | None) -> None:
        self.docs = docs
        self.paras = paras
        self.registry = registry
        self.title = title
        self.speakers: list[tuple[int, str]] = []  # (doc index, key) in order of speech
        self.texts = texts
        self.headings = [is_heading(text) for text in self.texts]
        self._quoted: dict[int, set[int]] = {}
        # Who made the latest statement, with its paragraph and span: several for a joint statement.
        self._last: tuple[int, tuple[int, int], list[str]] | None = None

    # -- speakers ---------------------------------------------------------

    def _usable(self, key: str | None) -> str | None:
        if key is None:
            return None
        cand = self.registry.candidates[key]
        return None if cand.reporter else key

    def _speaker(self, d: int, tok: Token) -> str | None:
        if tok.lower_ in ("who", "which", "that") and tok.head.dep_ == "relcl":
            tok = tok.head.head
        if tok.lemma_.lower() in lexicon.VOICE_WORDS and self.registry.key_at(d, tok) is None:
            # "Merkel's spokesman said", "a spokesman for Antonio Guterres said": they speak for someone.
            principals = [c for c in tok.children if c.dep_ == "poss"] + [
                p for prep in tok.children if prep.dep_ == "prep" and prep.lower_ == "for"
                for p in prep.children if p.dep_ == "pobj"]
            for principal in principals:
                # "his spokesman said": the one the possessive points back to
                key = self.registry.key_at(d, principal) or (
                    self._pronoun(d, principal) if principal.pos_ == "PRON" else None)
                if key:
                    return self._usable(key)
        key = self.registry.key_at(d, tok)
        if key is None or not key.startswith("person:"):
            # "Israel's Prime Minister, Benjamin Netanyahu"; "The head of the Chamber of Commerce, Suzanne
            # Clark, said", where the parser hangs the name on the body instead of the title
            apposed = list(tok.children)
            if tok.lemma_.lower() in lexicon.TITLE_WORDS:
                apposed += [t for t in tok.subtree if t.head != tok and t.ent_type_ == "PERSON"]
            for child in apposed:
                if child.dep_ == "appos":
                    named = self.registry.key_at(d, child) or self.registry.name_at(d, child)
                    # a person; or, beside an unnamed noun, any actor ("the mining union IG BCE")
                    if named and (named.startswith("person:") or (key is None and tok.pos_ == "NOUN")):
                        return self._usable(named)
        if key:
            return self._usable(key)
        if tok.pos_ == "PRON":
            return self._pronoun(d, tok)
        if tok.pos_ == "PROPN":
            named = self.registry.name_at(d, tok)
            if named:
                return self._usable(named)
        lemma = tok.lemma_.lower()
        if lemma in lexicon.UNNAMED_HEADS or tok.pos_ not in ("NOUN", "PROPN"):
            return None
        return self._reference(d, tok, lemma)

    def _joint(self, d: int, tok: Token) -> list[str]:
        """"They" just after a joint statement: every one who made it ("Macron, Merkel and Gentiloni
        issued a joint statement. Calling the accord 'irreversible', they said ...")."""
        if tok.lower_ != "they" or tok.pos_ != "PRON" or self._last is None or self._plural_before(d, tok):
            return []
        last_d, _, keys = self._last
        return list(keys) if len(keys) >= 2 and d - last_d <= 1 else []

    def _plural_before(self, d: int, tok: Token) -> bool:
        """True when the sentence's last subject before `tok` is a plural noun that names no actor:
        "Fishermen were angry, and they said ..." is about the fishermen, not the last speaker."""
        subject = next((t for t in reversed(list(tok.sent)[: tok.i - tok.sent.start])
                        if t.dep_ in ("nsubj", "nsubjpass")), None)
        return subject is not None and subject.tag_ == "NNS" and self.registry.key_at(d, subject) is None

    def _pronoun(self, d: int, tok: Token) -> str | None:
        word = _POSSESSIVES.get(tok.lower_, tok.lower_)
        if word not in _PERSON_PRONOUNS and word not in _GROUP_PRONOUNS:
            return None
        want_person = word in _PERSON_PRONOUNS
        if word == "they" and self._plural_before(d, tok):
            return None
        if want_person:  # "Putin said he backed it": an antecedent in the same sentence comes first
            for prev in reversed(list(tok.sent)[: tok.i - tok.sent.start]):
                key = self.registry.key_at(d, prev)
                if key and key.startswith("person:"):
                    return self._usable(key)
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
                # the whole name: "Saudi Arabia's foreign ministry", not "Arabia"
                name = "".join(t.text_with_ws for t in child.subtree if t.dep_ != "case").strip()
                match = self.registry.gazetteer.lookup(name) or self.registry.gazetteer.lookup(child.text)
                if match:
                    country = match.code
        if lemma in lexicon.STATE_HEADS and country:
            words = [t for t in tok.doc[tok.left_edge.i:tok.i + 1] if t.dep_ != "det"]
            return self.registry.country_key(country, "".join(t.text_with_ws for t in words).strip())
        if lemma in lexicon.BODY_HEADS and country:
            # "Brazil's foreign ministry said": a body named by its country and function.
            words = [t for t in tok.doc[tok.left_edge.i:tok.i + 1] if t.dep_ != "det" and not t.is_punct]
            return self._usable(self.registry.named_body(d, words, country))
        if lemma in lexicon.BODY_HEADS:
            kinds, test = ("organization",), lambda c: lemma in fold(c.name)
        elif lemma in lexicon.TITLE_WORDS and tok.tag_ not in ("NNS", "NNPS"):  # "world leaders" is no one person
            kinds = ("person",)
            test = lambda c: lemma == "leader" or (c.role is not None and lemma in fold(c.role))  # noqa: E731
        else:
            return None
        for key in self.registry.mentions_before(d, tok.i):
            cand = self.registry.candidates[key]
            if cand.kind in kinds and test(cand) and (country is None or cand.country == country):
                return self._usable(key)
        return None

    def _subjects(self, verb: Token, depth: int = 0) -> tuple[list[Token], Token]:
        """The subjects of `verb`, and the verb that has them (a participle inherits its head's)."""
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and depth < 3:
            # "Malaysia said the US must reconsider, saying the move …": the parser hangs "saying" on the
            # reported clause, but the one saying it is the speaker of the reporting verb.
            outer = _reporting_verb(verb.head)
            if outer is not None:
                return self._subjects(outer, depth + 1)
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subjects and verb.lemma_.lower() in _PASSIVE_AGENT_VERBS and verb.dep_ not in ("acl", "amod", "relcl"):
            # "The move was welcomed by Israel" (not "the deal endorsed by the Council" years ago)
            subjects = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if not subjects and verb.dep_ in _INHERITS and depth < 3 and verb.head != verb:
            return self._subjects(verb.head, depth + 1)
        # "Led by Merkel and Macron, they branded the decision misguided": those leading speak.
        leaders = [x for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBN" and c.lemma_.lower() in lexicon.LEADING_VERBS
                   for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
                   for x in (p, *p.conjuncts)]
        if leaders and subjects and all(s.tag_ in ("PRP", "NNS") for s in subjects):
            subjects = leaders
        out: list[Token] = []
        for subj in subjects:
            out.append(subj)
            out.extend(subj.conjuncts)
            # "Merkel, Theresa May and Macron issued" (a list the parser reads as appositions), and
            # "its leaders - Macron, Merkel and Gentiloni - issued": every named person speaks.
            listed = [c for c in subj.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"
                      and subj.lemma_.lower() not in lexicon.VOICE_WORDS]  # "his spokesman X said": _speaker decides
            for person in listed:
                out.append(person)
                out.extend(c for c in person.conjuncts if c.ent_type_ == "PERSON")
        return out, verb

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

    def _add(self, out: list[Statement], d: int, key: str, trigger: str, span: tuple[int, int], cue_tokens: list[Token],
             about_self: bool = False) -> None:
        if self.title is not None and d == len(self.docs):
            # The title, not part of the text: placed just before it, at negative offsets.
            words = self.title[1]
            offset = -len(self.texts[d]) - 1
            out.append(Statement(key, offset + span[0], offset + span[1], trigger, find_cues(cue_tokens, offset),
                                 neutral_cue(cue_tokens), headline=True, quote=words[span[0]:span[1]]))
            return
        offset = self.paras[d].start
        stmt = Statement(key, offset + span[0], offset + span[1], trigger, find_cues(cue_tokens, offset),
                         neutral_cue(cue_tokens), headline=self.headings[d], about_self=about_self)
        out.append(stmt)
        self.speakers.append((d, key))
        if self._last is not None and self._last[:2] == (d, span):
            self._last[2].append(key)  # another maker of the same statement
        else:
            self._last = (d, span, [key])

    # -- passes -------------------------------------------------------------

    def _paragraph_shape(self, d: int, doc: Doc) -> list[tuple[str, tuple[int, int]]]:
        """Round-up shapes: '"quote" - Speaker' and 'Speaker: quote'."""
        text = self.texts[d]
        for pattern in (_QUOTE_DASH, _QUOTE_THEN_NAME, _NAME_COLON):
            m = pattern.match(text)
            if not m:
                continue
            who = doc.char_span(m.start("who"), m.end("who"), alignment_mode="expand")
            # A verb makes it a sentence ("Trump said: ..."), unless the tagger took a name for one
            # ("Beatrix von Storch, deputy chairwoman of ...: ...", with "Beatrix" a verb).
            if who is None or any(t.pos_ in ("VERB", "AUX") and t.ent_type_ != "PERSON" for t in who):
                continue
            # A person named in the phrase speaks ("Iranian President Hassan Rouhani"); else its head
            # ("Russia's foreign ministry", not "Russia"); else anyone named in it.
            keys = [k for k in (self.registry.key_at(d, t) for t in who) if k and self._usable(k)]
            best = next((k for k in keys if k.startswith("person:")), None) or self._speaker(d, who.root)
            best = best or (keys[0] if keys else None)
            if best:
                return [(best, (m.start("quote"), m.end("quote")))]
        return []

    def statements(self) -> list[Statement]:
        out: list[Statement] = []
        for d, doc in enumerate(self.docs):
            if is_title_case(self.texts[d]):
                continue  # a Title Case line the body could not put into sentence case: its capitals fool the NER
            before = len(out)
            for key, span in self._paragraph_shape(d, doc):
                toks = [t for t in doc if span[0] <= t.idx < span[1]]
                self._add(out, d, key, "quoted", span, toks)
            shaped = len(out) > before  # a round-up line ('"..." - Speaker'), not a headline
            if not shaped:
                for sent in doc.sents:
                    self._sentence(d, sent, out)
            if not shaped and self.headings[d]:
                self._headline(d, doc, out, {s.key for s in out[before:]})
            if len(out) == before and self.texts[d].startswith('"') and self.speakers and self.speakers[-1][0] == d - 1:
                # A quote that runs on from the previous paragraph's speaker.
                self._add(out, d, self.speakers[-1][1], "continued quote", (0, len(self.texts[d])), list(doc))
        if self.title is not None and not is_title_case(self.texts[len(self.docs)]):
            d, doc, before = len(self.docs), self.title[0], len(out)
            for sent in doc.sents:
                self._sentence(d, sent, out)
            self._headline(d, doc, out, {s.key for s in out[before:]})
        return out

    def _headline(self, d: int, doc: Doc, out: list[Statement], found: set[str]) -> None:
        """Verbless headline reactions: "Israel supportive of strike", "Iran furious as US quits deal".

        Each clause that opens with a named actor and goes on with an
        adjective, adverb or verb carrying a stance cue is that actor's
        reaction; `found` holds the speakers the parse already gave.
        """
        for clause in _clauses(doc):
            words = [t for t in clause if not t.is_punct or t.text == "'s"]
            named: list[str] = []
            i = 0
            while i < len(words) and words[i].pos_ != "VERB" and (
                    self.registry.key_at(d, words[i]) or words[i].lower_ in lexicon.TITLE_WORDS
                    or words[i].text in ("'s", "'") or (i == 0 and words[i].pos_ == "DET")):
                key = self.registry.key_at(d, words[i])
                if key and (not named or named[-1] != key):
                    named.append(key)
                i += 1
            if not named or i == len(words) or words[i].pos_ not in _PREDICATE_POS \
                    or words[i].lemma_.lower() in lexicon.DECISION_VERBS:
                continue  # (a clause that makes the decision, "EU imposes sanctions", tells the event)
            key = self._usable(next((k for k in reversed(named) if k.startswith("person:")), named[-1]))
            predicate = [t for t in clause if t.i >= words[i].i]
            if key is None or key in found or not (find_cues(predicate, 0) or neutral_cue(predicate)):
                continue
            found.add(key)
            start = clause[0].idx
            self._add(out, d, key, "headline", (start, predicate[-1].idx + len(predicate[-1])), predicate)

    def _has_speaker(self, d: int, verb: Token) -> bool:
        """A verb of saying or judging whose subject is a speaker: "Putin congratulated ..."."""
        return verb.pos_ == "VERB" and verb.lemma_.lower() in lexicon.SPEECH_VERBS and any(
            self._speaker(d, s) for s in verb.children if s.dep_ == "nsubj")

    def _about_self(self, d: int, key: str, trigger: Token) -> bool:
        """The reported clause's subject is the speaker: "Carney said he would impose tariffs"."""
        return any(s.dep_ in ("nsubj", "nsubjpass") and (s.lower_ in _SELF_PRONOUNS or self.registry.key_at(d, s) == key)
                   for c in trigger.children if c.dep_ == "ccomp" for s in c.children)

    def _inside_quotes(self, d: int, doc: Doc) -> set[int]:
        """Tokens after an odd number of quotation marks in the paragraph (a sentence may start inside a quote)."""
        if d not in self._quoted:
            inside, marks = set(), 0
            for tok in doc:
                if marks % 2:
                    inside.add(tok.i)
                if tok.text == '"':
                    marks += 1
            self._quoted[d] = inside
        return self._quoted[d]

    def _sentence(self, d: int, sent: Span, out: list[Statement]) -> None:
        # (speaker, trigger verb or None, trigger word, token whose subtree holds what they said)
        found: list[tuple[str, Token | None, str, Token]] = []

        def speakers(tokens: list[Token], trigger: Token | None, word: str, scope: Token) -> None:
            for tok in tokens:
                for key in self._joint(d, tok) or [self._speaker(d, tok)]:
                    if key:
                        found.append((key, trigger, word, scope))

        quoted = self._inside_quotes(d, sent.doc)
        for tok in sent:
            lemma = tok.lemma_.lower()
            if tok.i in quoted:
                continue  # inside someone's quotation: "We recall it was endorsed by the Council"
            if tok.pos_ == "VERB" and (lemma in lexicon.SPEECH_VERBS or _issues_statement(tok)):
                if _reported(tok):
                    continue  # "Putin said he backed it and declared it right": inside another statement
                if tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
                    continue  # a purpose: "imposes tariffs to support its mills"
                subjects, owner = self._subjects(tok)
                speakers(subjects, tok, tok.text, owner)
            elif tok.lower_ == "according" and not self._has_speaker(d, tok.head):
                # (not "Putin congratulated Lula, according to the Kremlin": the source of someone's reaction)
                speakers([x for to in tok.children for p in to.children if p.dep_ == "pobj"
                          for x in (p, *p.conjuncts)], None, "according to", tok.head)
            elif lemma in lexicon.SPEECH_NOUNS and tok.pos_ == "NOUN":
                # "cheers from Israel and Saudi Arabia": every source in the list; "drew criticism from
                # Iran", where the parser hangs "from" on the verb
                holders = [tok, tok.head] if tok.dep_ == "dobj" else [tok]
                sources = [x for holder in holders for prep in holder.children
                           if prep.dep_ == "prep" and prep.lower_ == "from"
                           for p in prep.children if p.dep_ == "pobj" for x in (p, *p.conjuncts)]
                if sources:
                    speakers(sources, None, tok.text, tok)
                elif any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children):
                    # "Israel and Saudi Arabia stand out in their praise for ..."
                    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
                    if verb is not None:
                        subjects, owner = self._subjects(verb)
                        speakers(subjects, None, tok.text, owner)
        if not found:
            return
        # In a headline, each clause is its own statement: "Israel supportive, Russia condemns attack".
        clause_of = {t.i: n for n, clause in enumerate(_clauses(sent.doc)) for t in clause} \
            if self.headings[d] else {}
        for key in dict.fromkeys(k for k, _, _, _ in found):
            mine = [(t, word, scope) for k, t, word, scope in found if k == key]
            # The main verb of saying over a participle: 'Calling it "irreversible", Macron said: "..."'.
            trigger = min((t for t, _, _ in mine if t is not None), key=lambda t: sum(1 for _ in t.ancestors),
                          default=None)
            span = self._evidence(sent, trigger)
            scoped = {t.i for _, _, scope in mine for t in scope.subtree}
            if trigger is not None and trigger.i in clause_of:
                clause = [t for t in sent.doc if clause_of.get(t.i) == clause_of[trigger.i]]
                scoped = {i for i in scoped if clause_of.get(i) == clause_of[trigger.i]}
                start, end = clause[0].idx, clause[-1].idx + len(clause[-1])
                if max(span[0], start) < min(span[1], end):
                    start, end = max(span[0], start), min(span[1], end)
                span = start, end
            cue_tokens = [t for t in sent if t.i in scoped and self.registry.key_at(d, t) != key]
            self._add(out, d, key, ", ".join(dict.fromkeys(w for _, w, _ in mine)), span, cue_tokens,
                      trigger is not None and self._about_self(d, key, trigger))


def _clauses(doc: Doc) -> list[list[Token]]:
    """A headline cut where one statement ends: at commas, dashes and "as", "after", "amid"…"""
    out: list[list[Token]] = [[]]
    for tok in doc:
        if tok.lower_ in lexicon.HEADLINE_CLAUSE_BREAKS and (tok.is_punct or tok.pos_ in ("SCONJ", "ADP", "CCONJ")):
            out.append([])
        else:
            out[-1].append(tok)
    return [c for c in out if c]


def _reporting_verb(verb: Token) -> Token | None:
    """The speech verb whose complement `verb` is in ("said" for "said the deal *failed*"), if any."""
    tok = verb
    for _ in range(4):
        if tok.dep_ not in ("ccomp", "conj", "xcomp") or tok.head == tok:
            return None
        if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in lexicon.SPEECH_VERBS:
            return tok.head
        tok = tok.head
    return None


def _reported(verb: Token) -> bool:
    """True for a verb inside the complement of another speech verb."""
    return _reporting_verb(verb) is not None


def _issues_statement(verb: Token) -> bool:
    """"issued a joint statement", "released a statement": the verb reports speech through its object."""
    return verb.lemma_.lower() in lexicon.ISSUING_VERBS and any(
        c.dep_ == "dobj" and c.lemma_.lower() in lexicon.SPEECH_NOUNS for c in verb.children)


def find_statements(docs: list[Doc], texts: list[str], paras: list[Paragraph], registry: Registry,
                    title: tuple[Doc, str] | None = None) -> list[Statement]:
    """Every statement in the article, in reading order, then those of its title.

    `texts` are the strings the docs (and then the title) were parsed
    from: `Doc.text` would rebuild each one token by token, a fifth of the
    analysis time. `title` is the parsed title and its words as given,
    when the title is not the text's first paragraph; the registry knows
    its doc as the one after `docs`. Its statements carry their words in
    `quote`.
    """
    if len(texts) < len(docs) + (title is not None):
        raise ValueError("find_statements needs the text of every doc and of the title")
    return _Attributor(docs, texts, paras, registry, title).statements()
