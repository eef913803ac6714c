"""Attribution: which candidate said (or did) what, and where the text shows it.

Works on the dependency parse of each paragraph: the subject of a reporting
verb ("X said", "said X"), inherited by participles and conjuncts ("...,
adding that"), relative clauses ("criticism from X who said"), "according to
X", reaction nouns ("criticism from X"), pronouns and titles resolved to the
speaker they refer to ("it added", "the ministry said"), and paragraph shapes
of reaction round-ups ('"..." - Iranian President Hassan Rouhani', 'Name: ...',
whose patterns are in `roundups`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from ..countries import gazetteer
from ..names import fold
from . import lexicon, roundups
from .dating import event_years, said_before
from .entities import entity_text, known_body, title_head
from .headline import is_heading, is_title_case
from .judge import EventView, StanceJudge, cues_of
from .mentions import Registry
from .speakers import (Speakers, declines, follows_suit, inside_quotes, issues_statement, joins_reaction, members,
                       reporting_verb, signers, speaks_out, stance_holders, unsaid, withheld, no_courtesy)
from .text import Paragraph

_QUOTED = re.compile(r'"([^"]{8,})"')
_WORD = re.compile(r"[a-z][a-z-]{2,}")
_PLACES = {"GPE", "LOC", "FAC"}  # entity types of places: a courtesy "from" one may come from a town
_SELF_PRONOUNS = {"i", "we", "he", "she", "it", "they"}
# What can follow the actor in a verbless headline: "Israel supportive", "Germany 'deeply concerned'".
_PREDICATE_POS = {"ADJ", "ADV", "VERB", "AUX", "PART"}


@dataclass(frozen=True)
class Statement:
    """Something one candidate said or did about the event: who, where, and the words, but no stance.

    `words` are the tokens a judge reads (what was said, less the speaker's
    own name) and `offset` maps their `idx` to article offsets; `text` is
    what the span shows. How it stands toward the event is the stance
    judge's call (`judge.StanceJudge`), not attribution's.
    """

    key: str
    start: int
    end: int
    trigger: str
    words: tuple[Token, ...]
    offset: int
    text: str
    headline: bool = False  # read from a headline or section heading
    about_self: bool = False  # the speaker tells what they do or will do: "said he would halt funding"
    quote: str | None = None  # its words, for a statement read from a title that is not part of the text
    # Its verb is a participle on an act of the speaker's, not on a verb of saying: "The ICC issued the
    # warrants, *accusing* them of crimes", "Trump announced tariffs, *calling* it Liberation Day".
    aside: bool = False


class _Attributor:
    def __init__(self, docs: list[Doc], texts: list[str], paras: list[Paragraph], registry: Registry,
                 title: tuple[Doc, str] | None, judge: StanceJudge, event: EventView, published: int | None) -> None:
        self.docs = docs
        self.judge, self.event = judge, event
        # The article's year, and the years its title and event label name: a statement dated earlier than
        # the one and not in the others is about an earlier matter ("In 2008, India reiterated ...").
        self.published = published
        self.event_years = event_years(event.title, event.label)
        self.paras = paras
        self.registry = registry
        self.title = title
        self.who = Speakers(registry, docs)
        self.texts = texts
        self.headings = [is_heading(text) for text in self.texts]
        # The paragraph of the story's dateline, if it has one. A story has one: several "Capital: ..."
        # paragraphs are a round-up's labels ("Beijing: The foreign ministry said ...", "Moscow: ..."), each
        # naming its country's speaker.
        datelines = [d for d, text in enumerate(self.texts) if roundups.is_dateline(text)]
        self._dateline = datelines[0] if len(datelines) == 1 and datelines[0] < roundups.DATELINE_REACH else None
        self._event_words: set[str] | None = None  # first five letters of the title's and label's words
        self._labels: dict[int, str] = {}  # paragraph -> the speaker its "Label:" names, over a sentence of its own
        self._datelines: dict[int, int] = {}  # paragraph -> where the sentence after its dateline starts

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
             about_self: bool = False, aside: bool = False) -> None:
        if self.title is not None and d == len(self.docs):
            # The title, not part of the text: placed just before it, at negative offsets.
            words = self.title[1]
            offset = -len(self.texts[d]) - 1
            out.append(Statement(key, offset + span[0], offset + span[1], trigger, tuple(cue_tokens), offset,
                                 words[span[0]:span[1]], headline=True, quote=words[span[0]:span[1]]))
            return
        offset = self.paras[d].start
        stmt = Statement(key, offset + span[0], offset + span[1], trigger, tuple(cue_tokens), offset,
                         self.texts[d][span[0]:span[1]], headline=self.headings[d], about_self=about_self,
                         aside=aside)
        out.append(stmt)
        self.who.heard(d, key, span)

    # -- passes -------------------------------------------------------------

    def _paragraph_shape(self, d: int, doc: Doc) -> list[tuple[str, tuple[int, int]]]:
        """Round-up shapes: '"quote" - Speaker', 'Speaker: quote' and an embedded post."""
        text = self.texts[d]
        for pattern in roundups.PARAGRAPH_SHAPES:
            m = pattern.match(text)
            best = self._named(d, doc, m.start("who"), m.end("who")) if m else None
            if m and best:
                if pattern is roundups.NAME_COLON and d == self._dateline:
                    self._datelines[d] = m.start("quote")  # "New Delhi: Over 40 countries condemned ...": where
                    return []  # the story was filed, no speaker
                if pattern is roundups.NAME_COLON and self._names_its_speaker(d, doc, m.start("quote")):
                    self._labels[d] = best  # "CHILE: Foreign Minister X said ...": a label over X's own sentence
                    return []
                return [(best, (m.start("quote"), m.end("quote")))]
        return []

    def _names_its_speaker(self, d: int, doc: Doc, start: int) -> bool:
        """Whether the sentence from `start` on has a speaker of its own, named in it ("Foreign Minister X
        said ..."), not one that only goes on ("Termed it an act of war. The army also said ...")."""
        found: list[Statement] = []
        history, last = list(self.who.history), self.who.last
        sent = next((sent for sent in doc.sents if sent.end_char > start), None)
        if sent is not None:
            self._sentence(d, sent, found)
        self.who.history, self.who.last = history, last  # a trial: no one was heard yet
        named = {self.registry.key_at(d, t) for t in doc if t.idx >= start and sent is not None and t.i < sent.end}
        return any(stmt.key in named for stmt in found)

    def _named(self, d: int, doc: Doc, start: int, end: int, strict: bool = False) -> str | None:
        """The speaker a phrase that is only a name names, if it names one.

        `strict` for a line of its own, which names a speaker only by a
        person's name or wholly by an actor's ("Russia's foreign ministry:");
        "Other Nations:" or "From Zimbabwe:" heads a section and names no one.
        """
        who = doc.char_span(start, end, alignment_mode="expand")
        # A verb makes it a sentence ("Trump said: ..."), unless the tagger took a name for one
        # ("Beatrix von Storch, deputy chairwoman of ...: ...", with "Beatrix" a verb).
        if who is None or any(t.pos_ in ("VERB", "AUX") and t.ent_type_ != "PERSON" and t.dep_ not in ("amod", "compound")
                              for t in who):  # (a participle describing someone is no verb: "long-serving")
            return None
        if strict and len(who) > 20:
            return None
        # A person named in the phrase speaks ("Iranian President Hassan Rouhani"); else its head
        # ("Russia's foreign ministry", not "Russia"); else anyone named in it, unless the phrase
        # is about a thing, not a speaker ("Pulwama terror attack: ...", "Brexit vote: ...").
        keys = [k for k in (self.registry.key_at(d, t) for t in who) if k and self.who.usable(k)]
        best = next((k for k in keys if k.startswith("person:")), None)
        if strict and not best and not all(self.registry.key_at(d, t) or t.is_punct or t.pos_ in ("DET", "PART")
                                           for t in who):
            return None  # a line of its own names a speaker only by a person's name or wholly: not "Other Nations:"
        best = best or self.who.speaker(d, who.root)
        if not best and keys and _may_name_speaker(who.root) and not title_head(who.root):
            # (a title names its holder or no one: "The Chairperson of the Electoral Commission:" is not the
            # commission, nor "The Prime Minister of Spain:" Spain)
            best = keys[0]
        return best

    def _name_line(self, d: int, doc: Doc, pattern: re.Pattern[str]) -> str | None:
        m = pattern.match(self.texts[d])
        return self._named(d, doc, m.start("who"), m.end("who"), strict=True) if m else None

    def _bare_name_line(self, d: int, doc: Doc) -> str | None:
        """A round-up's line that is only a person's name and title, with no colon, above a paragraph
        that opens with a quote: "Sen. Dana Whitfield" / "\u201cThe levy is theft ...\u201d", perhaps with
        how or when they spoke ("... on X on July 6", "..., in a statement"). (Not a signature line under
        a quote, "\u2014Japanese Prime Minister ...": it opens with a dash.) The parse decides: the person
        heads the line, which is not about them ("Supporters of President X") nor a byline."""
        text = self.texts[d]
        if d + 1 >= len(self.docs) or not roundups.is_name_line(text, self.texts[d + 1]) \
                or roundups.LABEL_LINE.match(text) or roundups.SIGNATURE_LINE.match(text) or roundups.is_byline(text):
            return None
        end = len(roundups.without_tail(text))
        if sum(1 for t in doc if t.idx < end) > roundups.NAME_LINE_TOKENS or any(t.pos_ in ("VERB", "AUX") for t in doc):
            return None
        key = self._named(d, doc, 0, end, strict=True)
        if key is None or not key.startswith("person:"):
            return None
        # after the name, where they stand or are seen makes a caption ("President X at the summit", "X
        # (left) with farmers", "X, centre, in Jakarta"): the line is about them, not over their words
        name = self._name_tokens(d, doc, key, end)
        last = name[-1].i if name else -1
        if any(t.i > last and t.idx < end and t.lower_ in lexicon.CAPTION_MARKERS for t in doc):
            return None
        return key if self._heads(d, doc, key, end, name) else None

    def _name_tokens(self, d: int, doc: Doc, key: str, end: int) -> list[Token]:
        """The tokens of a line (up to `end`) that name `key`, in order."""
        return [t for t in doc if t.idx < end and self.registry.key_at(d, t) == key]

    def _heads(self, d: int, doc: Doc, key: str, end: int, name: list[Token] | None = None) -> bool:
        """Whether the person `key` heads a name line (up to `end`), by `roundups.heads_its_line`; with
        another person named in it, one who speaks for them is not theirs ("X's adviser Y"). `name`: the
        tokens naming `key`, where the caller has them."""
        keys = {self.registry.key_at(d, t) for t in doc if t.idx < end}
        others = any(k and k != key and k.startswith("person:") for k in keys)
        return roundups.heads_its_line(self._name_tokens(d, doc, key, end) if name is None else name, others)

    def statements(self) -> list[Statement]:
        out: list[Statement] = []
        given: dict[int, int] = {}  # statements each paragraph gave
        label: tuple[str, int] | None = None  # the speaker a label line above named, and where
        for d, doc in enumerate(self.docs):
            before = len(out)
            if roundups.is_media_line(self.texts[d], doc):
                given[d] = 0
                continue  # a caption or a clip's line: "WATCH: ...", "X reports on Turkey's reaction from Ankara"
            named = self._name_line(d, doc, roundups.LABEL_LINE)
            if named and named.startswith("person:") and not self._heads(d, doc, named, len(self.texts[d])):
                # a label about the person, not by them: "Supporters of President X on Sunday:"
                named = None
            if named:
                label = named, d
                continue
            named = self._bare_name_line(d, doc)
            if named:
                label = named, d
                continue
            named = self._name_line(d, doc, roundups.SIGNATURE_LINE)
            if named:
                # '"..." / —Russian President Vladimir Putin': the quote above, as far as no one else said it
                label = None
                j = d - 1
                while j >= 0 and d - j <= roundups.LABEL_REACH and given.get(j) == 0 and '"' in self.texts[j]:
                    j -= 1
                for q in range(j + 1, d):
                    self._add(out, q, named, "quoted", (0, len(self.texts[q])), list(self.docs[q]))
                    given[q] = 1
                continue
            if is_title_case(self.texts[d]):
                continue  # a Title Case line the body could not put into sentence case: its capitals fool the NER
            for key, span in self._paragraph_shape(d, doc):
                toks = [t for t in doc if span[0] <= t.idx < span[1]]
                self._add(out, d, key, "quoted", span, toks)
            shaped = len(out) > before  # a round-up line ('"..." - Speaker'), not a headline
            if not shaped:
                self._sentences(d, doc, out)
                if d in self._labels:  # the label before the colon is not a second speaker of its sentence
                    out[before:] = [s for s in out[before:] if s.key != self._labels[d]]
            if not shaped and self.headings[d]:
                self._headline(d, doc, out, {s.key for s in out[before:]})
            if len(out) == before and self.texts[d].startswith('"') and (previous := self._spoke_just_above(d)):
                # A quote that runs on from the previous paragraph's speaker.
                self._add(out, d, previous, "continued quote", (0, len(self.texts[d])), list(doc))
            elif len(out) == before and d > 0 and given.get(d - 1) == 0 and _whole_quote(self.texts[d]):
                # A quote of its own below a paragraph about someone who gave none there: "Baryomunsi
                # also confirmed to AFP that talks were under way." / "“Uganda is a sovereign country ...”"
                key = self.who.about(d - 1)
                if key:
                    self._add(out, d, key, "quote below", (0, len(self.texts[d])), list(doc))
            if self.headings[d] and len(out) == before:
                label = None  # a new section
            elif len(out) == before and label is not None and d - label[1] <= roundups.LABEL_REACH:
                # 'Jeb Bush:' above, and what he said here
                self._add(out, d, label[0], "quoted", (0, len(self.texts[d])), list(doc))
            given[d] = len(out) - before
        if self.title is not None and not is_title_case(self.texts[len(self.docs)]):
            d, doc, before = len(self.docs), self.title[0], len(out)
            for sent in doc.sents:
                self._sentence(d, sent, out)
            self._headline(d, doc, out, {s.key for s in out[before:]})
        return out

    def _sentences(self, d: int, doc: Doc, out: list[Statement]) -> None:
        """The statements of a paragraph's sentences, and of the quotations with no speaker of their own
        that run on from one who spoke (two classes):

        - after the sentence naming its speaker, in the same paragraph: in '"The depot was due to close in
          May," the mayor said. "Nobody here was asked."' the second quotation is the mayor's too;
        - opening the paragraph, below the line that introduces it, before a sentence that names that
          speaker again: 'The minister said on Friday:' / '"The tariffs break the rules." She called on the
          bloc to act.' (where the paragraph names no one, `statements` gives it to them whole).

        Neither takes a quoted sentence that reports what someone else says or calls a thing ('"He said it
        was a mistake."', '"Critics call the dam a disaster."'), nor what follows it in the same quotation:
        those are another's words, quoted."""
        sents = list(doc.sents)
        previous = self._spoke_just_above(d)
        first = len(out)
        given: list[list[Statement]] = []
        for sent in sents:
            before = len(out)
            self._sentence(d, sent, out)
            given.append(out[before:])
        if self.headings[d]:
            return
        quoted = inside_quotes(doc)
        said = {t.i for stmts in given for st in stmts for t in st.words if t.doc is doc}
        found = [bool(stmts) for stmts in given]  # which sentences named a speaker of their own
        whole = [_all_quoted(sent, quoted) for sent in sents]
        reports = [whole[i] and _reports_another(sent) for i, sent in enumerate(sents)]
        lead = next((i for i, sent in enumerate(sents) if found[i] or not whole[i]), len(sents))
        if previous and 0 < lead < len(sents) and {s.key for s in given[lead]} == {previous} \
                and not any(reports[:lead]) and not any(t.i in said for sent in sents[:lead] for t in sent):
            # a quotation opening the paragraph, before a sentence that names again the speaker who spoke
            # last above it, runs on from them. Its statements go before the ones that follow in `out`; the
            # speaker last heard stays the one of the paragraph's last statement (the same key is heard
            # again in `history`, where the order of two equal entries changes nothing)
            last = self.who.last
            for i, sent in enumerate(sents[:lead]):
                self._add(out, d, previous, "continued quote", (sent.start_char, sent.end_char), list(sent))
                out.insert(first + i, out.pop())
                given[i] = [out[first + i]]
            self.who.last = last
            said |= {t.i for sent in sents[:lead] for t in sent}
        for i in range(1, len(sents)):
            if given[i] or not whole[i] or any(t.i in said for t in sents[i]):
                continue  # (a quotation across sentences, '"A. B," X said', is X's already: `_quotation_beyond`)
            if any(found[i + 1:]):
                # '"..." "...," Y said.': the quotation may be the next speaker's (and a statement given here
                # would come after theirs, and be taken for the last one heard)
                continue
            j = i - 1
            while j > 0 and not given[j] and whole[j]:
                j -= 1  # a quotation of several sentences after the one that named its speaker
            if any(reports[j + 1:i + 1]):
                continue  # '"..." X said. "He told me it was a mistake. ..."': another's words, quoted
            keys = {s.key for s in given[j]}
            if len(keys) != 1 or not any(t.i in quoted for t in sents[j]):
                continue  # no one speaker, or one who was not quoted ("X said he would go. \"...\"")
            sent = sents[i]
            self._add(out, d, keys.pop(), "continued quote", (sent.start_char, sent.end_char), list(sent))
            given[i] = out[-1:]

    def _spoke_just_above(self, d: int) -> str | None:
        """The speaker last heard, if they spoke in the paragraph just above `d`: whose a quotation opening
        paragraph `d` may be."""
        history = self.who.history
        return history[-1][1] if history and history[-1][0] == d - 1 else None

    def _headline(self, d: int, doc: Doc, out: list[Statement], found: set[str]) -> None:
        """Verbless headline reactions: "Israel supportive of strike", "Iran furious as US quits deal".

        Each clause that opens with a named actor and goes on with an
        adjective, adverb or verb in which the stance judge finds grounds is
        that actor's reaction; `found` holds the speakers the parse already gave.
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
            if any(t.dep_ in ("nsubjpass", "auxpass") for t in clause):
                continue  # what was done to it, not what it says: "MH17 was shot down in 'outrage'"
            key = self.who.usable(next((k for k in reversed(named) if k.startswith("person:")), named[-1]))
            predicate = [t for t in clause if t.i >= words[i].i]
            if key is None or key in found or not self._has_grounds(key, predicate):
                continue
            found.add(key)
            start = clause[0].idx
            self._add(out, d, key, "headline", (start, predicate[-1].idx + len(predicate[-1])), predicate)

    def _has_grounds(self, key: str, words: list[Token]) -> bool:
        """Whether the judge finds the words take a stance, or a deliberately neutral one."""
        text = "".join(t.text_with_ws for t in words).strip()
        clause = Statement(key, 0, len(text), "headline", tuple(words), 0, text, headline=True)
        return cues_of(self.judge, [clause], self.event).grounds

    def _real_source(self, d: int, tok: Token) -> bool:
        """Whether a courtesy's "from" source names a speaker, not a town the tagger took for a body
        ("greetings from Bordeaux"): a country or capital (gazetteer), a person by their full name, or a body known by its
        lists or named in more than one word ("the African Union", "Kenya's foreign ministry"). A bare
        unknown one-word name is dropped whatever its label."""
        if not tok.ent_type_:
            return True  # "from its president", "from the ministry": the speaker rules resolve them
        name = entity_text(tok)
        if gazetteer().lookup(name) is not None:
            return True
        key = self.registry.key_at(d, tok) or ""
        if key.startswith("country:") or (key.startswith("person:") and len(key.split()) > 1):
            return True  # (a person by a full name: "Congratulations from Rotterdam" is no one's surname)
        words = [w for w in name.split() if w.lower() != "the"]
        return key.startswith("organization:") and (len(words) > 1 or known_body(name) is not None
                                                     or fold(name) in lexicon.INTERNATIONAL_BODIES)

    def _has_speaker(self, d: int, verb: Token) -> bool:
        """A verb of saying or judging whose subject is a speaker: "Putin congratulated ..."."""
        return verb.pos_ == "VERB" and verb.lemma_.lower() in lexicon.SPEECH_VERBS and any(
            self.who.speaker(d, s) for s in verb.children if s.dep_ == "nsubj")

    def _about_self(self, d: int, key: str, trigger: Token) -> bool:
        """The reported clause's subject is the speaker: "Carney said he would impose tariffs"."""
        return any(s.dep_ in ("nsubj", "nsubjpass") and (s.lower_ in _SELF_PRONOUNS or self.registry.key_at(d, s) == key)
                   for c in trigger.children if c.dep_ == "ccomp" for s in c.children)

    def _aimed_at_event(self, d: int, act: Token) -> bool:
        """Whether an act answers the event: what it bans or suspends names the event's actor or thing
        ("banned Japanese seafood" after Japan's release, "recalled its ambassador from Ottawa" after
        Canada's levy), not an act of its own ("in 2019 Chile banned plastic bags")."""
        if self._event_words is None:
            self._event_words = {w[:5] for w in _WORD.findall(f"{self.event.title} {self.event.label}".lower())
                                 if w not in STOP_WORDS}
        subject = {t.i for s in act.children if s.dep_ in ("nsubj", "nsubjpass") for t in s.subtree}
        for tok in act.subtree:
            if tok.i in subject or tok.is_stop or not tok.is_alpha:
                continue
            key = self.registry.key_at(d, tok)
            names = [tok.lower_] + ([self.registry.candidates[key].name.lower()] if key else [])
            if any(w[:5] in self._event_words for name in names for w in _WORD.findall(name)):
                return True
        return False

    def _sentence(self, d: int, sent: Span, out: list[Statement]) -> None:
        # (speaker, trigger verb or None, trigger word, token whose subtree holds what they said)
        found: list[tuple[str, Token | None, str, Token]] = []
        following: list[Token] = []  # "Chile and Norway followed suit": verbs of sharing the statement before
        signed: list[Statement] = []  # "The statement was signed by A and B": the statement beside it, theirs

        def speakers(tokens: list[Token], trigger: Token | None, word: str, scope: Token) -> None:
            # (not the dateline's city, parsed into the sentence after it, nor what the parser hung on it)
            for tok in [x for t in tokens if t.idx >= self._datelines.get(d, 0) for x in (t, *members(t))]:
                for key in self.who.joint(d, tok) or [self.who.speaker(d, tok)]:
                    if key:
                        found.append((key, trigger, word, scope))

        quoted = inside_quotes(sent.doc)  # of the whole paragraph: a sentence may start inside a quotation
        for tok in sent:
            lemma = tok.lemma_.lower()
            if tok.i in quoted and not _quote_opens_at(tok, quoted):
                continue  # inside someone's quotation: "We recall it was endorsed by the Council"
            if d < len(self.docs) and signers(tok) and not _reported(tok) and self._signed(d, sent, tok, signed):
                continue
            if tok.pos_ == "VERB" and (lemma in lexicon.SPEECH_VERBS or issues_statement(tok) or speaks_out(tok)
                                       or (lemma in lexicon.COUNTERMEASURE_VERBS and self._aimed_at_event(d, tok))):
                if _reported(tok) or declines(tok) or unsaid(tok):
                    continue  # "Putin said he backed it and declared it right": inside another statement; "the
                    # White House did not respond to questions", "Germany did not mention it": no statement at all
                if said_before(tok, self.published, self.event_years):
                    continue  # "In 2008, India reiterated its support": about an earlier matter
                if tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
                    continue  # a purpose: "imposes tariffs to support its mills"
                subjects, owner = self.who.subjects(tok)
                speakers(subjects, tok, tok.text, owner)
            elif follows_suit(tok):
                # (reported or not: "Chile welcomed it, and Mexico, Peru and Norway followed suit" is often parsed
                # with the list joined to the object and "followed" hung on "welcomed" as what Chile said)
                following.append(tok)
            elif tok.pos_ in ("AUX", "VERB") and stance_holders(tok)[1] is not None:
                named, holder = stance_holders(tok)
                speakers(named, tok, tok.text, holder)  # "the main critics were A and B": a critic's words
            elif tok.lower_ == "according" and not self._has_speaker(d, tok.head):
                # (not "Putin congratulated Lula, according to the Kremlin": the source of someone's reaction)
                speakers([x for to in tok.children for p in to.children if p.dep_ == "pobj"
                          for x in (p, *p.conjuncts)], None, "according to", tok.head)
            elif (lemma in lexicon.SPEECH_NOUNS or lemma in lexicon.COURTESY_NOUNS) and tok.pos_ == "NOUN":
                # "cheers from Israel and Saudi Arabia": every source in the list; "drew criticism from
                # Iran" and "criticism came from Iran", where the parser hangs "from" on the verb;
                # "congratulations poured in from A and B"
                on_verb = tok.dep_ == "dobj" or (tok.dep_ == "nsubj" and tok.head.pos_ == "VERB")
                holders = [tok, tok.head] if on_verb else [tok]
                sources = [x for holder in holders for prep in holder.children
                           if prep.dep_ == "prep" and prep.lower_ == "from"
                           for p in prep.children if p.dep_ == "pobj" for x in (p, *p.conjuncts)]
                courtesy = lemma in lexicon.COURTESY_NOUNS
                if courtesy:
                    # "greetings from Tartu, her home town": a town is no speaker; a country or its capital is
                    sources = [x for x in sources if not _a_town(x, tok) and self._real_source(d, x)]
                if courtesy and no_courtesy(tok):
                    continue  # "Chile gave no condolences": withheld, and no "no" to read as a stance
                if courtesy and on_verb and withheld(tok.head):
                    continue  # "may offer its congratulations", "declined to send its condolences"
                if sources:
                    speakers(sources, None, tok.text, tok)
                elif (join := joins_reaction(tok)) is not None:
                    # "The UN joined the chorus of condemnation, expressing concern": those joining react
                    subjects, owner = self.who.subjects(join)
                    speakers(subjects, join, join.text, owner)
                elif any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children):
                    # "Israel and Saudi Arabia stand out in their praise for ..."
                    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
                    if verb is not None and not unsaid(verb) and not (courtesy and withheld(verb)) and not said_before(verb, self.published, self.event_years):
                        # (not "did not mention it in its statement", "in 2008 reiterated its support")
                        subjects, owner = self.who.subjects(verb)
                        speakers(subjects, None, tok.text, owner)
        self._attribute(d, sent, found, quoted, out)
        if following and d < len(self.docs):
            self._follow(d, sent, following, out)
        for stmt in signed:
            out.append(stmt)
            self.who.history.append((d, stmt.key))

    def _signed(self, d: int, sent: Span, verb: Token, out: list[Statement]) -> bool:
        """"The joint statement called the levy a grave mistake. It was signed by A, B and C.": each
        signer makes the statement the sentences around tell (ruling 9), the nearest sentence whose
        subject is a statement ("the statement said", "it urged"), one sentence back or ahead, in this
        paragraph or the one beside it. None such (False): the signing is read as any statement is."""
        keys = [k for p in signers(verb) for x in (p, *p.conjuncts) for t in (x, *members(x))
                for k in [self.who.speaker(d, t)] if k]
        sents = [(d, s) for s in self.docs[d].sents]
        here = next(i for i, (_, s) in enumerate(sents) if s.start == sent.start)
        before = sents[here - 1:here] or ([(d - 1, list(self.docs[d - 1].sents)[-1])] if d > 0 else [])
        after = sents[here + 1:here + 2] or ([(d + 1, next(iter(self.docs[d + 1].sents)))]
                                             if d + 1 < len(self.docs) else [])
        for sd, other in [*before, *after]:
            said = next((t for t in other if t.pos_ == "VERB" and t.lemma_.lower() in lexicon.SPEECH_VERBS
                         and any(c.dep_ == "nsubj" and (c.lemma_.lower() in lexicon.SPEECH_NOUNS
                                                        or c.lower_ in ("it", "they")) for c in t.children)), None)
            if said is None:
                continue
            span = self._evidence(other, said)
            words = [t for t in said.subtree if not (t.dep_ == "nsubj" and t.head == said)]
            for key in dict.fromkeys(keys):
                offset = self.paras[sd].start
                out.append(Statement(key, offset + span[0], offset + span[1], verb.text, tuple(words), offset,
                                     self.texts[sd][span[0]:span[1]], headline=self.headings[sd]))
            return bool(keys)
        return False

    def _follow(self, d: int, sent: Span, verbs: list[Token], out: list[Statement]) -> None:
        """"Peru condemned the levy. Chile and Norway followed suit.": each who follows makes the
        statement before (its words and span, so the judge gives it the same stance), one reaction each
        sharing the evidence (ruling 9).

        What is followed is the clause just before: the one the verb is joined to ("Peru condemned it,
        and Chile did the same"), else the sentence before, in this paragraph or at the end of the one
        before. Where that clause made no statement, following suit says nothing here: it follows an
        act ("Chile imposed sanctions, and Norway followed suit") or something further back.
        """
        base = self.paras[d].start
        # A statement earlier in this sentence, before those who follow: "Peru condemned it, and Chile did the
        # same", "Peru condemned it; Chile and Norway followed suit" (whatever the parser hung the verb on).
        here = base + sent.start_char, base + verbs[0].idx + len(verbs[0])
        if verbs[0].dep_ == "conj" or any(here[0] <= s.start < here[1] and s.quote is None for s in out):
            window = here
        else:
            previous = [s for s in self.docs[d].sents if s.end <= sent.start]
            if previous:
                window = base + previous[-1].start_char, base + previous[-1].end_char
            elif d > 0 and not self.headings[d - 1]:
                last = list(self.docs[d - 1].sents)[-1]
                window = self.paras[d - 1].start + last.start_char, self.paras[d - 1].start + last.end_char
            else:
                return
        for verb in verbs:
            # "and so did Japan", where the parser may take the subject for an object
            inverted = [c for c in verb.children if c.dep_ in ("nsubj", "dobj") and c.i > verb.i and c.pos_ == "PROPN"
                        and any(a.dep_ == "advmod" and a.lower_ == "so" and a.i < verb.i for a in verb.children)]
            subjects = inverted or self.who.subjects(verb)[0]
            keys = [k for tok in [x for s in subjects for x in (s, *s.conjuncts)] for t in (tok, *members(tok))
                    for k in (self.who.joint(d, t) or [self.who.speaker(d, t)]) if k]
            before = next((s for s in reversed(out) if s.key not in keys and s.quote is None
                           and s.start < window[1] and s.end > window[0]), None)
            if before is None:
                continue
            for key in dict.fromkeys(keys):
                out.append(replace(before, key=key, trigger=verb.text, about_self=False))
                self.who.history.append((d, key))

    def _attribute(self, d: int, sent: Span, found: list[tuple[str, Token | None, str, Token]], quoted: set[int],
                   out: list[Statement]) -> None:
        """The statements of one sentence, one per speaker `found` in it (`quoted`: its paragraph's `inside_quotes`)."""
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
            # Another's clause joined to mine is theirs: "Peru condemned the levy, and Norway welcomed it",
            # "Peru welcomed it, while Norway condemned it" (the other's verb hangs on Peru's), not a cue of
            # Peru's that cancels its own -- whether or not the other is a speaker found (the NER may miss
            # the name). Only a clause of its own verb with a named subject: "support from the government"
            # in what Peru said, or "..., and the ministry said", stay Peru's words, and so does a quotation
            # ('"... The UK stands ready to help," May said': the speaker's own words, whoever their subject).
            if trigger is not None:
                scoped -= {t.i for v in sent if v.i in scoped and v.i not in quoted
                           and _anothers_clause(v, trigger, key, d, self.registry) for t in v.subtree}
            if trigger is not None and trigger.i in clause_of:
                clause = [t for t in sent.doc if clause_of.get(t.i) == clause_of[trigger.i]]
                scoped = {i for i in scoped if clause_of.get(i) == clause_of[trigger.i]}
                start, end = clause[0].idx, clause[-1].idx + len(clause[-1])
                if max(span[0], start) < min(span[1], end):
                    start, end = max(span[0], start), min(span[1], end)
                span = start, end
            cue_tokens = [t for t in sent if t.i in scoped and self.registry.key_at(d, t) != key]
            if trigger is not None and trigger.i not in quoted and not self.headings[d]:
                # A quotation of several sentences is said whole: '"Congratulations on your victory.
                # Together, let us work for peace," Modi said' (or 'Modi said: "... . ..."').
                outside = _quotation_beyond(sent, quoted)
                if outside:
                    cue_tokens = sorted({*cue_tokens, *outside}, key=lambda t: t.i)
                    span = min(span[0], outside[0].idx), max(span[1], outside[-1].idx + len(outside[-1]))
            self._add(out, d, key, ", ".join(dict.fromkeys(w for _, w, _ in mine)), span, cue_tokens,
                      trigger is not None and self._about_self(d, key, trigger), trigger is not None and _aside(trigger))


def _anothers_clause(verb: Token, trigger: Token, key: str, d: int, registry: Registry) -> bool:
    """Whether `verb` heads a clause joined to the speaker's ("..., and Norway welcomed it", "..., while
    Norway condemned it") whose subject is a name that is not the speaker's: another's words, not the
    speaker's. Not the speaker's own verb or one it hangs on, and not a clause whose subject is a common
    noun or pronoun ("..., and the ministry said", "..., and it warned"), which may be the speaker's own."""
    if verb.pos_ not in ("VERB", "AUX") or verb.dep_ not in ("conj", "advcl", "parataxis") \
            or any(t.i == trigger.i for t in verb.subtree):
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all((s.pos_ == "PROPN" or s.ent_type_) and registry.key_at(d, s) != key
                                  for s in subjects)


def _aside(verb: Token) -> bool:
    """A participle hung on a verb of acting, not of saying: what it tells goes with the act ("issued the
    warrants, accusing them of crimes"), where "said, adding" or "praised it, saying" is one statement."""
    head = verb.head
    return verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "conj") and head is not verb \
        and head.pos_ == "VERB" and head.lemma_.lower() not in lexicon.SPEECH_VERBS and not issues_statement(head)


def _clauses(doc: Doc) -> list[list[Token]]:
    """A headline cut where one statement ends: at commas, dashes and "as", "after", "amid"…"""
    out: list[list[Token]] = [[]]
    for tok in doc:
        if tok.lower_ in lexicon.HEADLINE_CLAUSE_BREAKS and (tok.is_punct or tok.pos_ in ("SCONJ", "ADP", "CCONJ")):
            out.append([])
        else:
            out[-1].append(tok)
    return [c for c in out if c]




def _may_name_speaker(root: Token) -> bool:
    """Whether a phrase with this head can name who speaks: a name, a title, a body or a government,
    not a common noun for a thing or an event ("the Pulwama terror attack")."""
    return root.pos_ != "NOUN" or root.lemma_.lower() in (
        lexicon.TITLE_WORDS | lexicon.VOICE_WORDS | lexicon.BODY_HEADS | lexicon.STATE_HEADS)


def _quotation_beyond(sent: Span, quoted: set[int]) -> list[Token]:
    """The tokens, in the sentences around this one, of a quotation that runs across its edge.

    spaCy ends a sentence inside a quotation, so '"A. B," X said' attributes only "B" to X, and
    'X said: "A. B."' only "A". A quotation is a run of consecutive quoted tokens (its marks are
    not in `quoted`, so it ends at its closing mark); it counts only where it runs on from the
    sentence's start or into its end (past nothing but punctuation), not a quotation that closed
    before the sentence began.
    """
    doc = sent.doc
    inside = [t.i for t in sent if t.i in quoted]
    if not inside:
        return []
    first, last = inside[0], inside[-1]
    before: list[Token] = []
    if all(doc[j].is_punct for j in range(sent.start, first)):
        i = first - 1
        while i >= 0 and i in quoted:
            before.append(doc[i])
            i -= 1
    after: list[Token] = []
    if all(doc[j].is_punct for j in range(last + 1, sent.end)):
        i = last + 1
        while i < len(doc) and i in quoted:
            after.append(doc[i])
            i += 1
    return [t for t in reversed(before) if t.i < sent.start] + [t for t in after if t.i >= sent.end]


def _all_quoted(sent: Span, quoted: set[int]) -> bool:
    """A sentence that is only quotation: every word of it (three or more) inside quotation marks."""
    words = [t for t in sent if not t.is_punct]
    return len(words) >= 3 and all(t.i in quoted for t in words)


def _reports_another(sent: Span) -> bool:
    """A sentence whose main verb says or calls, with a subject other than the speaker ("He said it was a
    mistake", "Critics call the dam a disaster", "The minister told me ..."): it quotes someone else's
    words, not the speaker's own judgement ("We call on the council to act" is the speaker's)."""
    root = sent.root
    if root.lemma_.lower() not in lexicon.SPEECH_VERBS:
        return False
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and not any(s.morph.get("Person") == ["1"] for s in subjects)


def _whole_quote(text: str) -> bool:
    """A paragraph that is only a quotation: it opens with a quotation mark and closes one at its end."""
    text = text.strip()
    return text.startswith('"') and text.rstrip(".").endswith('"') and text.count('"') == 2


def _quote_opens_at(verb: Token, quoted: set[int]) -> bool:
    """A quotation that opens on the verb, its subject outside: 'Kerry on Thursday "commended the work of
    the coalition ..."' quotes a readout of what Kerry did, not what someone inside the quote did."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i and c.i not in quoted for c in verb.children) \
        and all(t.i in quoted or t.is_punct or t.pos_ == "ADV" for t in verb.doc[verb.i - 1:verb.i])


def _reported(verb: Token) -> bool:
    """True for a verb inside the complement of another speech verb."""
    return reporting_verb(verb) is not None


def find_statements(docs: list[Doc], texts: list[str], paras: list[Paragraph], registry: Registry,
                    title: tuple[Doc, str] | None, judge: StanceJudge, event: EventView,
                    published: int | None = None) -> list[Statement]:
    """Every statement in the article, in reading order, then those of its title.

    `texts` are the strings the docs (and then the title) were parsed
    from: `Doc.text` would rebuild each one token by token, a fifth of the
    analysis time. `title` is the parsed title and its words as given,
    when the title is not the text's first paragraph; the registry knows
    its doc as the one after `docs`. Its statements carry their words in
    `quote`. The judge decides only which verbless headline clauses are
    reactions ("Israel supportive of strike"); statements carry no stance.
    `published` is the article's year, which dates "in 2008" as earlier.
    """
    if len(texts) < len(docs) + (title is not None):
        raise ValueError("find_statements needs the text of every doc and of the title")
    return _Attributor(docs, texts, paras, registry, title, judge, event, published).statements()


def _a_town(tok: Token, noun: Token) -> bool:
    """A place that is not a country nor a capital speaking for its government: "greetings from Arequipa",
    "from Tartu, her home town"."""
    if any(c.dep_ == "appos" and c.lemma_.lower() in lexicon.TOWN_NOUNS and (c.head is tok or c.i > tok.i)
           for c in (*tok.children, *noun.children)):
        return True  # "Tartu, her home town" (the parser may hang the apposition on the greetings)
    if tok.ent_type_ not in _PLACES:
        return False
    return gazetteer().lookup(entity_text(tok)) is None
