"""Who a token stands for as a speaker: names, pronouns, titles, spokesmen and subjects.

The subject of a reporting verb is rarely a plain name: "it added", "the
ministry said", "Merkel's spokesman said", "they said" after a joint
statement, "saying ..." after someone else's verb. `Speakers` resolves such
a token to the candidate of the registry it refers to, remembering who
spoke last in the article (attribution tells it with `heard`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from . import lexicon
from ..names import fold
from .entities import title_head
from .mentions import Registry, holds_there, holds_title, owner_country, tied_places

_INHERITS = {"advcl", "xcomp", "conj", "pcomp", "ccomp"}
_ALONG = {"along", "together"}  # "Chile, along with Peru, condemned": those "with" them speak too
_STATEMENT_SOURCES = {"by", "from", "of"}  # "a joint statement by A and B said"
_PERSON_PRONOUNS = {"he", "she", "him", "her"}
_GROUP_PRONOUNS = {"it", "they"}
_POSSESSIVES = {"his": "he", "its": "it", "their": "they"}  # "her" is both
_PASSIVE_AGENT_VERBS = lexicon.JUDGING_CUES
_CROWD_SOURCES = {"of", "from", "to"}  # "leaders of X", "governments from X to Y"
_LINKING_VERBS = {"be", "become", "emerge", "remain"}  # "X was the main critic", "X emerged as an advocate"
_SUBJECT_REACH = 3  # sentences back (this paragraph and the one before) where a pronoun's antecedent may be subject
_FINITE = {"VBD", "VBZ", "VBP"}
_INSIDE_QUOTES = "reactiongraph.inside_quotes"  # a doc's user_data key for `inside_quotes`


class Speakers:
    """Resolves tokens to speakers within one article, in reading order."""

    def __init__(self, registry: Registry, docs: list[Doc] | None = None) -> None:
        self.registry = registry
        self.docs = docs or []  # the article's paragraphs, for antecedents in the sentences before
        self.history: list[tuple[int, str]] = []  # (doc index, key) in order of speech
        # Who made the latest statement, with its paragraph and span: several for a joint statement.
        self._last: tuple[int, tuple[int, int], list[str]] | None = None

    @property
    def last(self) -> tuple[int, tuple[int, int], list[str]] | None:
        """Who made the latest statement (a copy), to be put back after a trial reading."""
        return None if self._last is None else (self._last[0], self._last[1], list(self._last[2]))

    @last.setter
    def last(self, value: tuple[int, tuple[int, int], list[str]] | None) -> None:
        self._last = value

    def heard(self, d: int, key: str, span: tuple[int, int]) -> None:
        """`key` made a statement at `span` of doc `d`: the antecedent of the pronouns that follow."""
        self.history.append((d, key))
        if self._last is not None and self._last[:2] == (d, span):
            self._last[2].append(key)  # another maker of the same statement
        else:
            self._last = (d, span, [key])

    def usable(self, key: str | None) -> str | None:
        if key is None:
            return None
        cand = self.registry.candidates[key]
        return None if cand.reporter else key

    def speaker(self, d: int, tok: Token) -> str | None:
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
                    return self.usable(key)
        key = self.registry.key_at(d, tok)
        if key is None or not key.startswith("person:"):
            # "Israel's Prime Minister, Benjamin Netanyahu"; "The head of the Chamber of Commerce, Suzanne
            # Clark, said", where the parser hangs the name on the body instead of the title
            apposed = list(tok.children)
            if tok.lemma_.lower() in lexicon.TITLE_WORDS:
                apposed += [t for t in tok.subtree if t.head != tok and t.ent_type_ == "PERSON"]
            for child in apposed:
                if child.dep_ == "appos":
                    named = self.registry.key_at(d, child)
                    # a person; or, beside an unnamed noun, any actor ("the mining union IG BCE")
                    if named and (named.startswith("person:") or (key is None and tok.pos_ == "NOUN")):
                        return self.usable(named)
        if key:
            return self.usable(key)
        if tok.pos_ == "PRON":
            return self._pronoun(d, tok)
        lemma = tok.lemma_.lower()
        if lemma in lexicon.UNNAMED_HEADS or tok.pos_ not in ("NOUN", "PROPN"):
            return None
        return self._reference(d, tok, lemma)

    def joint(self, d: int, tok: Token) -> list[str]:
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
            key = self._person_before(d, tok)
            if key:
                return self.usable(key)
        if word != "they":
            key = self._previous_subject(d, tok, want_person)
            if key:
                return key
        for sd, key in reversed(self.history):
            if d - sd > 3:
                break
            if key.startswith("person:") == want_person:
                return key
        if want_person:
            for key in self.registry.mentions_before(d, tok.i)[:6]:
                if key.startswith("person:"):
                    return self.usable(key)
        return None

    def _person_before(self, d: int, tok: Token) -> str | None:
        """The person named last before `tok` in its sentence, outside quotations when `tok` is outside:
        in '"I look forward to working with Trump," he said' the one speaking is not the one spoken of."""
        if _quoted(tok):
            return self.registry.person_before(d, tok)
        quoted = inside_quotes(tok.doc)
        for prev in reversed(list(tok.sent)[: tok.i - tok.sent.start]):
            key = self.registry.key_at(d, prev)
            if key and key.startswith("person:") and prev.i not in quoted:
                return key
        return None

    def about(self, d: int) -> str | None:
        """The actor the last sentence of paragraph `d` is about: the subject of its main clause."""
        if not 0 <= d < len(self.docs):
            return None
        subjects = [c for c in _main_subjects(list(self.docs[d].sents)[-1].root) if c.pos_ != "PRON"]
        return next((k for k in (self.speaker(d, s) for s in subjects) if k), None)

    def _previous_subject(self, d: int, tok: Token, want_person: bool) -> str | None:
        """The actor the sentences just before are about: "Li Xinchuang was more blunt. In a phone
        interview, he said ...", "Taiwan was in an interesting position. It said ...".

        A pronoun that opens a new sentence most often refers to the subject of the sentence before,
        whether or not that sentence reported speech (the last speaker is then often someone else).
        The subjects of the main clauses of up to `_SUBJECT_REACH` sentences back, in this paragraph
        and the one before, are tried, nearest first; a sentence whose subject is a pronoun of the
        same kind refers to the same antecedent further back.
        """
        before: list[tuple[int, list[Token]]] = []
        if d < len(self.docs) and tok.doc is self.docs[d]:
            before = [(d, list(s)) for s in tok.doc.sents if s.end <= tok.sent.start][::-1]
            if d > 0:
                before += [(d - 1, list(s)) for s in self.docs[d - 1].sents][::-1]
        for sd, sent in before[:_SUBJECT_REACH]:
            subjects = _main_subjects(sent[0].sent.root)
            if any(s.pos_ == "PRON" and (_POSSESSIVES.get(s.lower_, s.lower_) in _PERSON_PRONOUNS) == want_person
                   and s.lower_ in _PERSON_PRONOUNS | _GROUP_PRONOUNS for s in subjects):
                continue  # "He added ...": the same one as further back
            for subj in subjects:
                if subj.pos_ == "PRON":
                    continue
                key = self.speaker(sd, subj)
                if key and key.startswith("person:") == want_person:
                    return key
            if subjects:
                return None  # the sentence before is about someone or something else
        return None

    def _reference(self, d: int, tok: Token, lemma: str) -> str | None:
        """"the ministry", "the French leader" (a government or body named by its country, "the
        French government", is a mention the registry already holds)."""
        country = owner_country(tok, self.registry.gazetteer)
        if lemma in lexicon.BODY_HEADS:
            kinds, test = ("organization",), lambda c: lemma in fold(c.name)
        elif title_head(tok):  # "world leaders" is no one person
            kinds = ("person",)
            places = tied_places(tok)  # "the Archbishop of Cologne" is not the Archbishop of Canterbury
            places += [c.text for c in tok.lefts if c.dep_ == "compound" and c.text.isupper() and len(c.text) > 1
                       and c.lower_ not in lexicon.TITLE_WORDS
                       and c.ent_type_ not in ("GPE", "NORP")]  # "NFA Director": the NFA's (initials, `holds_there`)
            words = _title_words(tok)  # "the Prime Minister": {"prime", "minister"}, not any minister
            test = lambda c: (lemma == "leader" or holds_title(c, words)) \
                and holds_there(c, places, self.registry.gazetteer)  # noqa: E731
        else:
            return None
        fits = [key for key in self.registry.mentions_before(d, tok.i)
                if (cand := self.registry.candidates[key]).kind in kinds and test(cand)
                and (country is None or cand.country == country)]
        if kinds == ("person",) and len(set(fits)) > 1:
            return None  # two holders of the title before it ("Prime Minister A ... Prime Minister B ... the
            # Prime Minister said"): the text does not say which, and an unnamed speaker is no one's
        return self.usable(fits[0]) if fits else None

    def subjects(self, verb: Token, depth: int = 0) -> tuple[list[Token], Token]:
        """The subjects of `verb`, and the verb that has them (a participle inherits its head's)."""
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and depth < 3:
            # "Malaysia said the US must reconsider, saying the move …": the parser hangs "saying" on the
            # reported clause, but the one saying it is the speaker of the reporting verb.
            outer = reporting_verb(verb.head)
            if outer is not None:
                return self.subjects(outer, depth + 1)
        joined = joining_verb(verb)
        if joined is not None and depth < 3:
            # "Chile joined Peru in condemning the levy", "Mexico was joined by Brazil in criticising it":
            # whoever joins and whoever is joined say what the "in" clause says.
            return self._listed(joined_parties(joined)), verb
        # (a subject inside the quotation before a verb outside it is the quote's words, misparsed:
        # '"Congratulations, President Donald Trump," wrote Macron')
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and (_quoted(verb) or not _quoted(c)
                                                                         or not _quote_closed_before(c, verb))]
        if verb.dep_ in ("relcl", "acl") and verb.head.dep_ == "pobj" and verb.head.head.lower_ == "among" \
                and verb.tag_ != "VBN":
            # "France and Chile were among the countries that condemned it": the subject of "were" speaks
            # (not "among the countries hit hardest were Chile and Peru": acted upon).
            subjects = [c for c in verb.head.head.head.children if c.dep_ == "nsubj"]
        passive = verb.lemma_.lower() in _PASSIVE_AGENT_VERBS or issues_statement(verb)
        if not subjects and passive and verb.dep_ not in ("acl", "amod", "relcl"):
            # "The move was welcomed by Israel", "Similar statements were issued by Peru" (not "the deal
            # endorsed by the Council" years ago)
            subjects = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if not subjects:
            subjects = _name_before(verb)
        if not subjects and verb.dep_ in _INHERITS and depth < 3 and verb.head != verb:
            return self.subjects(verb.head, depth + 1)
        if not subjects and _prompt(verb) and depth < 3:
            # "Chile and Peru were quick to condemn the levy": the subject of "were" did it
            return self.subjects(verb.head, depth + 1)
        # "Led by Merkel and Macron, they branded the decision misguided": those leading speak.
        # "Republicans led by Brady urged", "some firebrands - led by Walker - issued statements" too.
        leaders = [x for c in [*verb.children, *(c for s in subjects for c in s.children if c.dep_ == "acl")]
                   if c.dep_ in ("advcl", "acl") and c.tag_ == "VBN" and c.lemma_.lower() in lexicon.LEADING_VERBS
                   for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
                   for x in (p, *p.conjuncts)]
        if leaders and subjects and all(s.tag_ in ("PRP", "NNS", "NNPS") for s in subjects):
            subjects = leaders
        # "Chile, Norway and Japan followed suit", where the parser reads "Chile," as a modifier of the verb:
        # a name just before a listed subject, split from it by a comma only, heads the same list.
        subjects += [t for subj in subjects if subj.conjuncts for t in verb.children
                     if t.dep_ in ("npadvmod", "dep", "nmod") and t.pos_ == "PROPN" and t.ent_type_
                     and t.right_edge.i + 2 == subj.left_edge.i and t.doc[t.right_edge.i + 1].text == ","]
        # "In a joint statement signed by A and B, the two countries said": the statement's makers speak
        # for a subject that names no one ("the two countries", "they").
        makers = [m for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"
                  for p in c.children if p.dep_ == "pobj" for m in statement_makers(p)]
        if makers and all(s.tag_ in ("PRP", "NNS", "NNPS") and not s.ent_type_ for s in subjects):
            subjects = makers
        # "France said in a joint statement with Germany and Spain": those it was made with say it too.
        subjects += _joint_partners(verb)
        # "A joint statement signed by A and B called it ...", "a statement from A and B said": its makers.
        subjects = [m for subj in subjects for m in (statement_makers(subj) or [subj])]
        # "The United States, along with Britain and France, condemned": before the verb, its subject's company
        # (none where the verb has no subject that acts: "Peru, along with Chile, was hit hardest"); "along" read
        # as the subject's adverb or a preposition alike.
        subjects += [p for c in ([*verb.children, *(c for subj in subjects for c in subj.children)] if subjects else [])
                     if c.dep_ in ("prep", "advmod") and c.lower_ in _ALONG and c.i < verb.i
                     for w in c.children if w.dep_ == "prep" and w.lower_ == "with"
                     for p in w.children if p.dep_ == "pobj"]
        return self._listed(subjects), verb

    @staticmethod
    def _listed(subjects: list[Token]) -> list[Token]:
        """The subjects with the names listed beside them: conjuncts, and people set in apposition."""
        out: list[Token] = []
        for subj in subjects:
            out.append(subj)
            out.extend(subj.conjuncts)
            out.extend(x for c in (subj, *subj.conjuncts) for x in _dangling_conjuncts(c))
            out.extend(_listed_before(subj))
            # "Merkel, Theresa May and Macron issued" (a list the parser reads as appositions), and
            # "its leaders - Macron, Merkel and Gentiloni - issued": every named person speaks.
            listed = [c for c in subj.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"
                      and subj.lemma_.lower() not in lexicon.VOICE_WORDS]  # "his spokesman X said": _speaker decides
            for person in listed:
                out.append(person)
                out.extend(c for c in person.conjuncts if c.ent_type_ == "PERSON")
            # "Donald Tusk, president of the European Council and Jean-Claude Juncker, president of the
            # Commission, congratulated": the parser hangs the second titled name on the first's title; a
            # name there that has a title of its own is the next of the list, not part of the title.
            out.extend(c for a in subj.children if a.dep_ == "appos" and a.lemma_.lower() in lexicon.TITLE_WORDS
                       for c in a.subtree if c.dep_ == "conj" and c.pos_ == "PROPN"
                       and any(t.dep_ == "appos" and t.lemma_.lower() in lexicon.TITLE_WORDS for t in c.children))
        return out


def _main_subjects(root: Token) -> list[Token]:
    """The subjects of a sentence's main clause (its root and the verbs joined to it), outside
    quotations: the subject of a quoted sentence is the quote's business."""
    return [c for v in (root, *root.conjuncts) for c in v.children if c.dep_ in ("nsubj", "nsubjpass")
            and not _quoted(c)]


def _joint_partners(verb: Token) -> list[Token]:
    """Those a speaker made a joint statement with: "Peru said in a joint statement with Chile and Norway
    that ..." (Chile, with the conjuncts that `Speakers._listed` adds).

    Only a statement said to be joint: "said in a statement after talks with Chile" names whom the
    talks were with, "said at a joint press conference with Chile" only where Peru said it.
    """
    out: list[Token] = []
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj" or noun.lemma_.lower() not in lexicon.SPEECH_NOUNS \
                    or not any(a.dep_ == "amod" and a.lower_ == "joint" for a in noun.children):
                continue
            # "with" on the noun, or on the verb just after the noun ("said in a joint statement with Chile")
            withs = [w for w in noun.children if w.dep_ == "prep" and w.lower_ == "with"] + [
                w for w in verb.children if w.dep_ == "prep" and w.lower_ == "with" and w.i == noun.right_edge.i + 1]
            out += [p for w in withs for p in w.children if p.dep_ == "pobj"]
    return out


def _dangling_conjuncts(name: Token) -> list[Token]:
    """The name after "and" that the parser did not join to the name before it: "with Japan and Denmark
    that they condemned", where "Denmark" became a clause of the verb or was joined to the verb itself
    ("and" left on "Japan" with no conjunct, or on the verb). A name of the same kind right after the
    name and "and" is the next of the list; not when it is a subject of its own ("with Japan and
    Denmark condemned it" is two clauses) nor when the parser already joined them."""
    doc = name.doc
    j = name.i + 1
    while j < len(doc) and doc[j].ent_iob_ == "I":  # past the name's own words
        j += 1
    if not name.ent_type_ or j + 1 >= len(doc) or doc[j].lower_ != "and":
        return []
    j += 1
    if doc[j].lower_ == "the" and j + 1 < len(doc):
        j += 1
    if doc[j].ent_iob_ != "B" or doc[j].ent_type_ != name.ent_type_:
        return []
    root = next(e for e in doc.ents if e.start == j).root
    if root.dep_ in ("nsubj", "nsubjpass") or root in name.conjuncts or root in name.subtree:
        return []
    if root.dep_ == "conj" and root.head.ent_type_:
        return []  # joined to another name: of that name's list
    return [root]


def _listed_before(subj: Token) -> list[Token]:
    """Names listed before a subject, in the same list, where the parser hung them elsewhere.

    The subject closes the list: "On Sunday, UN chief X, the EU, the AU, and ECOWAS condemned the
    coup" (X read as the root, the subject only "ECOWAS"), "as China, NATO, the U.N., and many others
    expressed" (the names on "as"). Or it heads the list's part with "and", the names before it hung
    elsewhere: "as the OECD, the EU, the AU, and others condemned" ("the OECD" on "as").

    Only a run of names that opens its clause (at the sentence's start, after a comma, "as" or a
    subordinating conjunction): not "exports fell in Chile, Peru and Norway, and Brazil condemned it"
    nor "in Oslo, Chile and Peru condemned it", where the names before are where something happened,
    nor examples ("such as"); and before a subject that closes the list, two names at least: one is an
    apposition ("by the trade minister, Mary Ng, and France condemned them").
    """
    doc, sent = subj.doc, subj.sent
    i = _phrase_start(subj) - 1
    if i < sent.start:
        return []
    closes = doc[i].lower_ == "and"
    if closes:  # the subject closes the list
        i -= 1
        if i >= sent.start and doc[i].text == ",":
            i -= 1
    elif doc[i].text == "," and _name_ending_at(doc, subj.i) is not None \
            and any(c.dep_ == "cc" for c in (subj, *subj.conjuncts) for c in c.children):
        i -= 1  # the subject, a name, heads the rest of the list
    else:
        return []
    out: list[Token] = []
    first = i + 1
    while i >= sent.start:
        name = _name_ending_at(doc, i)
        if name is None:
            break
        out.append(name)
        first = _phrase_start(name)
        i = first - 1
        if i < sent.start or doc[i].text != "," or _name_ending_at(doc, i - 1) is None:
            break
        i -= 1
    if not out or (closes and len(out) < 2):
        # (one name before ", and X condemned" is an apposition, not a list: "drafted by the interior
        # minister, Carla Benitez, and Brazil condemned it")
        return []
    before = doc[first - 1] if first > sent.start else None
    if before is not None and not (before.text in (",", ";", ":") or before.pos_ == "SCONJ" or before.lower_ == "as"):
        return []
    if before is not None and before.lower_ == "as" and first - 2 >= sent.start and doc[first - 2].lower_ == "such":
        return []  # "neighbours such as Kenya and Rwanda, and Uganda condemned it": examples, not speakers
    return out


def _phrase_start(tok: Token) -> int:
    """Where the noun phrase a name or noun heads begins: its determiner, titles and modifiers before it."""
    i = tok.i
    while i - 1 >= tok.sent.start and _in_phrase(tok.doc[i - 1], tok):
        i -= 1
    return i


def _in_phrase(prev: Token, head: Token) -> bool:
    """Whether `prev`, just before a phrase, belongs to the phrase `head` heads (its modifiers, hyphens)."""
    if prev.i >= head.i or prev.text == "," or prev.is_quote:
        return False
    # (an article just before the name is the name's, wherever the parser hung it: "the OECD" read as "the ECOWAS")
    return prev.pos_ == "DET" and prev.i == head.i - 1 or (
        any(a == head for a in prev.ancestors) and prev.dep_ in ("det", "compound", "amod", "nummod", "punct", "poss",
                                                                 "case", "nmod"))


def _name_ending_at(doc: Doc, i: int) -> Token | None:
    """The name that ends at token `i`, before a comma or "and": an actor's name (or an entity's), not a
    common noun; whatever the parser hung it on ("the OECD, Norway, and ..." with "OECD" a modifier)."""
    if i < 0:
        return None
    tok = doc[i]
    if _quoted(tok) or tok.is_punct:
        return None
    if tok.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP") or tok.pos_ not in ("PROPN", "NOUN"):
        return None  # (not a date's proper noun, "On Sunday, ...", nor an adverb's, "Stateside, ...")
    return tok


def _name_before(verb: Token) -> list[Token]:
    """The name just before a finite verb the parser gave no subject: its subject, misparsed.

    "Prime Minister Theresa May called it ..." ("May" read as a modal verb), "Further afield Cecile
    Richards, president of ..., said" (the name read as the object of "afield"), "Aso told a news
    conference that ... and Foreign Minister Fumio Kishida said" (the name read as a conjunct of an
    object): a name, with what describes it, that ends where the verb starts (after "also", "has")
    is who acts. A verb that continues a clause ("..., praised") takes no name across a comma.
    """
    if verb.dep_ in ("relcl", "acl", "amod") or not (
            verb.tag_ in _FINITE or (verb.tag_ == "VBN" and any(c.dep_ == "aux" for c in verb.children))):
        return []
    doc = verb.doc
    j = verb.i - 1
    while j >= verb.sent.start and not doc[j].ent_type_ and doc[j].pos_ in ("ADV", "AUX", "PART"):
        j -= 1
    ends = {j}
    if j > verb.sent.start and doc[j].is_punct and doc[j].text == "," and verb.dep_ not in ("conj", "xcomp"):
        ends.add(j - 1)
    names = [t for t in doc[verb.sent.start:j + 1] if t.right_edge.i in ends and not _quoted(t)
             and (t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or t.pos_ == "PROPN")]
    return [min(names, key=lambda t: t.left_edge.i)] if names else []


def _quoted(tok: Token) -> bool:
    """Whether a token is inside a quotation in its paragraph."""
    return tok.i in inside_quotes(tok.doc)


def inside_quotes(doc: Doc) -> set[int]:
    """The tokens inside quotations, telling an opening mark from a closing one by its spacing.

    The text's curly quotes are straight by now, so a mark that does not close its quote (a
    quote that runs on into the next paragraph and is reopened: '"They are working on this. "This
    is disturbing ..."', or one nested: '"Assange's arrest shows "no one is above the law," May
    declared') would leave the rest of the paragraph inside a quote if marks were only counted. A
    mark with a space before it and none after opens; one with none before and a space or
    punctuation after closes; only a mark that is neither toggles. Where the marks pair up (an even
    number), each simply toggles: spacing is then the less reliable guide.

    Read once per paragraph and kept with its doc: attribution asks for every sentence, and the
    speaker rules for every subject they weigh.
    """
    cached = doc.user_data.get(_INSIDE_QUOTES)
    if cached is not None:
        return cached
    inside: set[int] = set()
    open_ = False
    paired = sum(1 for tok in doc if tok.text == '"') % 2 == 0
    for tok in doc:
        if tok.text == '"' and paired:
            open_ = not open_
            continue
        if tok.text == '"':
            before = tok.i == 0 or bool(doc[tok.i - 1].whitespace_) or doc[tok.i - 1].text in "([\u2014-"
            after = tok.i + 1 < len(doc) and not tok.whitespace_ and not doc[tok.i + 1].is_punct
            if before and after:
                open_ = True
            elif not before and not after:
                open_ = False
            else:
                open_ = not open_
            continue
        if open_:
            inside.add(tok.i)
    doc.user_data[_INSIDE_QUOTES] = inside
    return inside


def members(group: Token) -> list[Token]:
    """Those a group is said to include, each a speaker when the group speaks.

    "Countries such as France and Chile", "several, including Peru",
    "neighbours like Nepal"; and a list the parser hung on its first name as
    an apposition with conjuncts ("the UN, the SCO and the EU issued ...").
    """
    out: list[Token] = []
    # "Representatives of the EU, Japan and China", "Governments from London and Berlin to Jakarta": a
    # crowd of reactors named by where its members come from (a plural: "the government of X" is X's own)
    # ("officials from X" are unnamed speakers, as "officials said" is: no one's reaction)
    lemma = group.lemma_.lower()
    crowd = group.tag_ in ("NNS", "NNPS") and lemma in lexicon.REACTOR_NOUNS and lemma not in lexicon.UNNAMED_HEADS
    for c in group.children:
        such_as = c.lower_ == "as" and any(t.lower_ == "such" for t in (*c.children, *group.children))
        if c.dep_ == "prep" and (c.lower_ in ("including", "like") or such_as
                                 or (crowd and c.lower_ in _CROWD_SOURCES)):
            out += [x for p in c.children if p.dep_ == "pobj" for x in (p, *p.conjuncts)]
            if crowd and c.lower_ == "from":  # "from A to B", where the parser hangs "to B" on the verb
                out += [x for to in group.head.children if to.dep_ == "prep" and to.lower_ == "to"
                        and to.i == c.right_edge.i + 1 for p in to.children if p.dep_ == "pobj"
                        for x in (p, *p.conjuncts)]
        elif (c.dep_ in ("appos", "npadvmod") or c in _listed_modifiers(group)) \
                and c.ent_type_ and (c.conjuncts or group.conjuncts):
            # (or one name of a list that runs on in the group's own conjuncts: "China, the UK, and
            # Australia voiced concern", where "the UK" hangs on "China"; "Chile, Peru, Norway and Brazil
            # were quick to", where "Peru" hangs on "Chile" as a modifier; "the EU, the OECD, Norway, and
            # others", where "the OECD" hangs on "Norway", before it)
            out += [x for x in _list_run(c) if x != group]
    return out


def _list_run(name: Token, depth: int = 0) -> list[Token]:
    """A name of a list and the names the parser hung on it rather than beside it: its conjuncts, and
    the names set on it as appositions or modifiers ("Japan, the OECD, and others", "the OECD" an
    apposition of "Japan"), and theirs."""
    out = [name, *name.conjuncts]
    if depth < 3:
        out += [x for n in list(out) for c in n.children
                if c.ent_type_ and (c.dep_ in ("appos", "npadvmod") or c in _listed_modifiers(n))
                for x in _list_run(c, depth + 1)]
    return list(dict.fromkeys(out))


def _listed_modifiers(tok: Token) -> list[Token]:
    """Names of a list the parser hung on the name after them as modifiers: "the OECD" in "the EU, the
    OECD, Norway, and others" (a name, then a comma, then the name it hangs on)."""
    return [m for m in tok.children if m.dep_ == "nmod" and m.ent_type_ and m.i + 1 < tok.i
            and m.doc[m.i + 1].text == ","]


def stance_holders(verb: Token) -> tuple[list[Token], Token | None]:
    """Who a linking verb says holds a position, and the noun that says so.

    "The main critics of the ruling were A, B and C", "Among its supporters was D", "E emerged as a
    staunch advocate of the coup": the names equated with a critic, supporter or advocate (with
    their conjuncts), and that noun, whose words tell the position.
    """
    if verb.lemma_.lower() not in _LINKING_VERBS:
        return [], None
    args = [c for c in verb.children if c.dep_ in ("nsubj", "attr")]
    holder = next((a for a in [*args, *(p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("among", "as")
                                        for p in c.children if p.dep_ == "pobj")]
                   if a.lemma_.lower() in lexicon.STANCE_HOLDERS), None)
    if holder is None:
        return [], None
    return [x for a in args if a != holder for x in (a, *a.conjuncts)], holder


def speaks_out(verb: Token) -> bool:
    """A phrasal verb of reaction ("spoke out against", "lashed out at"): a verb of saying only with its
    particle, which the parser hangs on it as `prt`."""
    return verb.pos_ == "VERB" and any(
        c.dep_ == "prt" and f"{verb.lemma_.lower()} {c.lower_}" in lexicon.PHRASAL_SPEECH_VERBS for c in verb.children)


def issues_statement(verb: Token) -> bool:
    """"issued a joint statement", "similar statements were issued by": the verb reports speech through
    the statement it issues; so too courtesies given ("extended its congratulations", "sent condolences"),
    if given at all (`withheld`). A verb of giving takes only a courtesy: "gave final approval to the bill",
    "gave a statement to investigators" are procedure, not a reaction."""
    lemma = verb.lemma_.lower()
    objects = [c.lemma_.lower() for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if lemma in lexicon.ISSUING_VERBS and any(o in lexicon.SPEECH_NOUNS for o in objects):
        return True
    return (lemma in lexicon.ISSUING_VERBS or lemma in lexicon.GIVING_VERBS) \
        and any(o in lexicon.COURTESY_NOUNS for o in objects) and not withheld(verb) \
        and not any(no_courtesy(c) for c in verb.children if c.dep_ in ("dobj", "nsubjpass"))


_HYPOTHETICAL = {"may", "might", "could", "would", "should", "can"}  # "may offer its congratulations"


def no_courtesy(noun: Token) -> bool:
    """A courtesy negated by its determiner: "offered no condolences", "none of the congratulations",
    "without congratulations". It is withheld: no one gave it, and its "no" must not flip its stance."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return True
    prep = noun.head if noun.dep_ == "pobj" else None
    return prep is not None and (prep.lower_ == "without" or (prep.lower_ == "of" and prep.head.lower_ == "none"))


def withheld(verb: Token) -> bool:
    """A courtesy not given: refused ("declined to offer its congratulations", "did not send condolences"),
    or only possible ("may offer", "could extend", "it is unclear whether Hungary will offer"). Unlike a
    refusal to judge ("refused to condemn"), a courtesy not given carries no words to weigh."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    if any(c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL for c in verb.children):
        return True
    if verb.dep_ == "xcomp" and (verb.head.lemma_.lower() in lexicon.REFUSING_VERBS
                                 or any(c.dep_ == "neg" for c in verb.head.children)):
        return True
    return any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in verb.children)


def reporting_verb(verb: Token) -> Token | None:
    """The speech verb whose complement `verb` is in ("said" for "said the deal *failed*"), if any."""
    tok = verb
    for _ in range(4):
        if tok.dep_ not in ("ccomp", "conj", "xcomp") or tok.head == tok:
            return None
        if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in lexicon.SPEECH_VERBS:
            return tok.head
        tok = tok.head
    return None


def joining_verb(verb: Token) -> Token | None:
    """The verb of joining whose "in" clause `verb` is: "joined" for "Chile joined Peru in *condemning*"."""
    prep = verb.head
    if verb.dep_ == "pcomp" and prep.dep_ == "prep" and prep.lower_ == "in" \
            and prep.head.lemma_.lower() in lexicon.JOINING_VERBS:
        return prep.head
    return None


def _quote_closed_before(subject: Token, verb: Token) -> bool:
    """Whether a quotation closes with a comma between a subject inside it and its verb outside it:
    '"Congratulations, President Donald Trump," wrote Macron' (the quote's words, misparsed as the subject),
    not '"Memorial" condemned the verdict' (a name in quotation marks, which is the subject)."""
    doc = subject.doc
    return any(doc[i].text == "," and doc[i + 1].is_quote for i in range(subject.i, verb.i - 1))


def joined_parties(join: Token) -> list[Token]:
    """Who joins and who is joined: "Chile joined Peru", "Mexico was joined by Brazil and Argentina".

    A denied joining leaves only those joined: "Chile did not join Peru in condemning it" says Peru
    condemned it and Chile did not.
    """
    # The parser sometimes labels a list of names after "joined" an adverbial noun phrase ("Denmark joined
    # Chile, Argentina, Peru and Norway in condemning": npadvmod); a name there is still who is joined.
    joined = [c for c in join.children if c.dep_ in ("nsubjpass", "dobj")
              or (c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.ent_type_ not in ("DATE", "TIME"))]
    if denied(join):
        return joined
    return [*(c for c in join.children if c.dep_ == "nsubj"), *joined,
            *(p for c in join.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj")]


def denied(verb: Token) -> bool:
    """Whether `verb` says its subjects did not do it: "did not follow suit", "have never done so",
    "neither Chile nor Peru followed suit", "no other country joined the criticism". Sharing or joining
    another's statement is a fact about its subjects only when it is affirmed."""
    return any(c.dep_ == "neg" for c in verb.children) or any(
        w.lower_ in ("neither", "no", "none") and w.dep_ in ("preconj", "det", "nsubj", "nsubjpass")
        for s in verb.children if s.dep_ in ("nsubj", "nsubjpass") for w in (s, *s.children))


def declines(verb: Token) -> bool:
    """Whether a verb of saying tells only that no answer was given: "did not respond to questions",
    "declined to comment", "said he had no immediate comment", "maintained a stoic silence"."""
    def refused(v: Token) -> bool:
        if any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in v.children):
            return False  # "would not comment on the details but called the raid regrettable": it said more
        if v.lemma_.lower() in lexicon.DECLINING_WORDS and (denied(v) or (
                v.dep_ == "xcomp" and v.head.lemma_.lower() in lexicon.REFUSING_VERBS)):
            return True
        # "had no comment", "maintained a stoic silence" (kept: not "denounced the silence of others")
        return any(c.dep_ in ("dobj", "attr") and c.lemma_.lower() in lexicon.DECLINING_WORDS
                   and (any(t.dep_ == "det" and t.lower_ == "no" for t in c.children)
                        or (c.lemma_.lower() == "silence" and v.lemma_.lower() in ("maintain", "keep", "observe")))
                   for c in v.children)

    return refused(verb) or any(c.dep_ == "ccomp" and refused(c) for c in verb.children)


def unsaid(verb: Token) -> bool:
    """Whether a verb of saying tells that it was not said: "did not mention the strikes", "has never
    condemned it", "has yet to comment", "declined to say whether". A silence states no position.

    Not a declared refusal ("will not congratulate him", "would not attend"), which is itself a response,
    nor a denied verb of holding a position ("does not support the ruling", "will not accept the result"),
    which opposes; nor a denial that goes on to say something ("did not name the levy but called it ...").
    """
    if verb.lemma_.lower() in lexicon.POSITION_VERBS:
        return False
    if any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and not unsaid(c) for c in verb.children):
        return False
    head = verb.head
    if verb.dep_ == "xcomp" and head is not verb:
        if head.lemma_.lower() in lexicon.REFUSING_VERBS:
            # "declined to say whether", "refused to state": no answer. Refusing to judge it is a response
            # the reader is told of ("refused to condemn the coup"), and the judge weighs its words.
            return verb.lower_ in lexicon.PLAIN_SPEECH or verb.lemma_.lower() in lexicon.PLAIN_SPEECH
        if head.lemma_.lower() in ("have", "be") and any(c.lower_ == "yet" for c in (*head.children, *verb.children)):
            return True  # "has yet to comment", "is yet to react"
    return any(c.dep_ == "neg" for c in verb.children) and not _modal(verb)


def _modal(verb: Token) -> bool:
    """A verb with a modal ("will not condemn", "would not attend"): what is declared, not what was done."""
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def joins_reaction(noun: Token) -> Token | None:
    """The verb of joining a reaction noun is the object of: "the UN joined the chorus of *condemnation*",
    "Japan joined the *criticism*"."""
    tok = noun
    for _ in range(3):
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in lexicon.JOINING_VERBS:
            return None if denied(tok.head) else tok.head
        if tok.dep_ != "pobj" or tok.head.lower_ != "of":
            return None
        tok = tok.head.head  # "the chorus of condemnation": the noun the reaction is "of"
    return None


def statement_makers(noun: Token) -> list[Token]:
    """Who made a statement its own noun names: "a joint statement signed by A and B", "a statement from
    A and B", "the joint declaration of A and B" (each with the conjuncts that `Speakers.subjects` adds).

    Not a document with a name of its own ("the Helsinki Declaration, signed by A and B in 1975, says"):
    a standing text its signatories wrote long before, cited for what it says, not their reaction now.
    """
    if noun.lemma_.lower() not in lexicon.SPEECH_NOUNS or noun.pos_ != "NOUN":
        return []
    makers = [p for c in noun.children
            if (c.dep_ == "prep" and c.lower_ in _STATEMENT_SOURCES)
            or (c.dep_ == "acl" and c.lemma_.lower() in lexicon.ISSUING_VERBS)
            for a in ([c] if c.dep_ == "prep" else [x for x in c.children if x.dep_ == "agent"])
            for p in a.children if p.dep_ == "pobj"]
    # "a joint statement by Brazil and Denmark", where the parser joins "Denmark" to the noun, not to "Brazil"
    return makers + [c for c in noun.conjuncts if c.pos_ == "PROPN" and c.ent_type_] if makers else []


def follows_suit(verb: Token) -> bool:
    """A verb of doing what the speaker before did, said of a fact: "Chile followed suit", "Peru did the
    same", "and so did Japan" (not "others may follow suit", "urged Peru to do the same").

    Not one whose own "in" or "by" clause tells an act they did ("followed suit in cutting imports",
    "did the same by recalling its envoy"): that act is what was followed, not the statement before.
    Nor one in a clause a conjunction subordinates ("if Chile did the same", "unless the EU did so too",
    "whether Chile follows suit", "noting that Chile had done the same in 2019"): a condition, a question
    or a speaker's aside, not a fact about them.
    """
    if verb.pos_ not in ("VERB", "AUX") or verb.dep_ in ("xcomp", "acl", "amod", "relcl", "pcomp") \
            or verb.tag_ not in (*_FINITE, "VBN") or any(c.tag_ == "MD" or c.lower_ == "to" for c in verb.children) \
            or any(c.dep_ == "mark" for c in verb.children) or denied(verb) or _act_told(verb):
        return False
    if verb.tag_ == "VBN" and not any(c.dep_ == "aux" for c in verb.children):
        return False
    lemma = verb.lemma_.lower()
    # (the word may hang on an adverb the parser put between: "have done so too", "so" under "too")
    return any(f"{lemma} {w.lemma_.lower()}" in lexicon.FOLLOWING_PHRASES
               for c in verb.children if c.dep_ in ("dobj", "advmod", "oprd", "attr")
               for w in (c, *(g for g in c.children if c.dep_ == "advmod" and g.dep_ == "advmod")))


def _act_told(verb: Token) -> bool:
    """Whether `verb` has an "in" or "by" clause of an act, not of speech: "followed suit *in cutting*"."""
    return any(c.dep_ == "prep" and c.lower_ in ("in", "by") and any(
        p.dep_ == "pcomp" and p.lemma_.lower() not in lexicon.SPEECH_VERBS for p in c.children)
        for c in verb.children)


def signers(verb: Token) -> list[Token]:
    """Who signed a statement told of elsewhere: "The statement was signed by A, B and C", "It was issued by
    the ambassadors of A and B" (the agents, before their conjuncts and members); none for another verb."""
    if verb.lemma_.lower() not in lexicon.ISSUING_VERBS or not any(c.dep_ == "auxpass" for c in verb.children) \
            or not any(c.dep_ == "nsubjpass" and (c.lower_ in ("it", "this") or (
                c.lemma_.lower() in lexicon.SPEECH_NOUNS and any(t.dep_ == "det" and t.lower_ in ("the", "this")
                                                               for t in c.children)))
                       for c in verb.children):  # (not "similar statements were issued by": statements of their own)
        return []
    return [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]


def _prompt(adjective: Token) -> bool:
    """"quick" in "were quick to condemn": an adjective of doing promptly, the complement of its verb
    and not negated ("not quick to" says they did not)."""
    return adjective.dep_ == "acomp" and adjective.lemma_.lower() in lexicon.PROMPT_ADJECTIVES \
        and not any(c.dep_ == "neg" for c in (*adjective.children, *adjective.head.children))


def _title_words(head: Token) -> set[str]:
    """The title words of a phrase headed by a title: the head and the title words compounded or set before
    it ("the Deputy Prime Minister": {"deputy", "prime", "minister"}; "the Danish PM": {"pm"})."""
    words, todo = {head.lower_.strip(".")}, [head]
    while todo:
        for child in todo.pop().children:
            if child.dep_ in ("compound", "amod") and child.i < head.i:
                parts = [p for p in child.lower_.strip(".").split("-") if p in lexicon.TITLE_WORDS]
                if parts:
                    words.update(parts)
                    todo.append(child)
    return words
