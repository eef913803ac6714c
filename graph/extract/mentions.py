"""Who is who in one article: named mentions grouped into actors.

Every named person, organisation and country in the article becomes a
candidate actor; mentions of the same one ("US President Donald Trump",
"Trump") share one `Candidate`. Attribution later decides which candidates
actually reacted.

The registry is built once, from every paragraph, and then frozen: names
the NER missed ("Ivanka Trump said"), bodies named by country and function
("Brazil's foreign ministry") and governments named by an adjective ("the
French government") are all found while it is built, so which actors exist
does not depend on which sentences attribution happened to visit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from spacy.tokens import Doc, Span, Token

from ..models import ActorKind
from ..names import acronyms, fold, initials, is_acronym
from . import lexicon
from ..countries import Gazetteer
from .headline import is_heading
from .entities import (body_country, body_head, clean, described_as_media, entities, entity_text, is_media, known_body,
                       named_by_title, strip_titles, title_head)
from .persons import Describer, leader_country

__all__ = ["Candidate", "FrozenRegistry", "Registry", "holds_there", "holds_title", "initials", "is_media",
           "owner_country", "strip_titles",
           "tied_places", "titles_of"]


class FrozenRegistry(RuntimeError):
    """A candidate was to be added to a registry after it was built: a stage is inventing actors."""


_SECTION_REACH = 2  # paragraphs under a country's heading whose new people are taken to be of that country


@dataclass
class Candidate:
    """One actor of the article and everything the text says about it."""

    key: str
    kind: ActorKind
    name: str
    country: str | None = None
    role: str | None = None
    organization: str | None = None
    aliases: set[str] = field(default_factory=set)
    reporter: bool = False
    # The country a person's title names only by its office ("Sen.", "Taoiseach"): world knowledge,
    # read after `country` and a leader's own country.
    office_country: str | None = None
    # Places the text names a person of, right after the name ("Prime Minister Jane Doe of Freedonia"): what
    # a title tied to a place that is no known country is read against (`holds_there`).
    places: set[str] = field(default_factory=set)
    # The country of the body the text ties a person to ("SNB chairman Thomas Jordan" after "the Swiss National
    # Bank"): read after everything said of the person, since the tie is the parser's and may be wrong.
    body_country: str | None = None

    def learn(self, *, country: str | None, role: str | None, organization: str | None) -> None:
        """Keep the first country and organisation seen, and the fullest role."""
        self.country = self.country or country
        self.organization = self.organization or organization
        if role and (not self.role or len(role) > len(self.role)):
            self.role = role


class Registry:
    """The candidates of one article and which tokens mention them."""

    def __init__(self, docs: list[Doc], gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._frozen = False
        self._candidates: dict[str, Candidate] = {}
        self.candidates: Mapping[str, Candidate] = MappingProxyType(self._candidates)
        self._token_keys: dict[tuple[int, int], str] = {}
        self._surnames: dict[str, list[str]] = {}
        self._describer = Describer(gazetteer)
        # Words the article writes in lower case (see `_common_word`).
        self._common = {t.lower_ for doc in docs for t in doc if t.is_lower and t.is_alpha}
        self._collect_people(docs)
        titled: list[tuple[int, Span]] = []
        for d, doc in enumerate(docs):
            for ent in entities(doc):
                if _title_only(ent) and not self._surnames.get(fold(clean(ent.text))) \
                        and not self._surnames.get(fold(ent.root.text)) \
                        and not leader_country(clean(ent.text), titled=True, as_state=True):
                    # ("Major said": John Major; "Julie Bishop" tagged ORG, a listed leader, not "IEC Chairperson")
                    titled.append((d, ent))
                    continue
                key = self._resolve_entity(ent)
                if key:
                    for tok in ent:
                        self._token_keys[(d, tok.i)] = key
        for d, ent in titled:  # once every named person is known
            if key := self._title_holder(ent):
                for tok in ent:
                    self._token_keys[(d, tok.i)] = key
        # The statistical NER often misses a bare surname ("Meloni said") once
        # the full name was given: a proper noun equal to a known surname is
        # a mention of that person.
        for d, doc in enumerate(docs):
            for tok in doc:
                if tok.pos_ == "PROPN" and not tok.ent_type_ and (d, tok.i) not in self._token_keys:
                    names = self._surnames.get(fold(tok.text))
                    if names and not (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN"):
                        key = f"person:{fold(names[0])}"
                        if key in self._candidates:
                            self._candidates[key].aliases.add(tok.text)
                            self._token_keys[(d, tok.i)] = key
        for d, doc in enumerate(docs):
            self._collect_unnamed(d, doc)
            self._leaders_lists(d, doc)
        self._section_countries(docs)
        self._unconfirmed_institutions(docs)
        for d, doc in enumerate(docs):
            self._described_bodies(d, doc)
        self._bodies_countries()
        self._frozen = True

    def _unconfirmed_institutions(self, docs: Sequence[Doc]) -> None:
        """An institution whose name other states' bodies bear too ("Congress") is its country's only where the
        article shows that country otherwise: India's, Peru's and the Philippines' legislatures and parties are
        called "Congress" as well, so in an article that names no American actor, state ("of Ohio") or party
        ("Republican senators") "Congress leader X" is no American (graph/words/shared_institution_names.txt,
        subdivisions.txt, party_countries.txt). "The Pentagon" is America's wherever it is."""
        words = {name for name in lexicon.SHARED_INSTITUTION_NAMES if name in lexicon.INSTITUTIONS}
        def tied(cand: Candidate) -> bool:
            return fold(cand.name) in words or (cand.organization is not None and fold(cand.organization) in words)
        shown = {code for doc in docs for ent in doc.ents if ent.label_ in ("GPE", "NORP", "ORG")
                 for code in [lexicon.SUBDIVISIONS.get(fold(ent.text)) if ent.label_ == "GPE"
                              else lexicon.PARTY_COUNTRIES.get(fold(ent.text))] if code}
        for code in {lexicon.INSTITUTIONS[w] for w in words} - shown:
            holders = [c for c in self._candidates.values() if code in (c.country, c.office_country)
                       or (c.kind == "person" and leader_country(c.name) == code)]
            if holders and all(tied(c) for c in holders):
                for cand in holders:
                    if cand.country == code:
                        cand.country = None

    def _described_bodies(self, d: int, doc: Doc) -> None:
        """A body the text describes by a common noun of a country takes that country: "Germany's central
        bank, the Bundesbank", "Chinese technology company Huawei", "Tata, the Indian conglomerate"."""
        for ent in doc.ents:
            key = self._token_keys.get((d, ent.root.i))
            if key is None or not key.startswith("organization:") or self._candidates[key].country is not None \
                    or fold(self._candidates[key].name) in lexicon.INTERNATIONAL_BODIES:
                continue
            root = ent.root
            nouns = [c for c in root.children if c.dep_ in ("appos", "compound") and not ent.start <= c.i < ent.end]
            if root.dep_ == "appos" and not ent.start <= root.head.i < ent.end \
                    and _in_subject(root.head):
                nouns.append(root.head)
            if (before := _apposed_noun(ent)) is not None and root.dep_ != "conj" and _in_subject(before):
                nouns.append(before)  # (the parser often hangs such an apposition on the sentence's subject)
            countries = {code for noun in nouns if noun.pos_ == "NOUN"
                         for mod in noun.children if mod.i < noun.i and mod.dep_ in ("amod", "poss", "compound", "nmod")
                         for code in [self._country_word(mod)] if code}
            if len(countries) == 1:
                self._candidates[key].country = countries.pop()

    def _country_word(self, tok: Token) -> str | None:
        """The country a word names or qualifies, read with the place's whole name ("South Korea's")."""
        span = self._describer.entity_at(tok.doc, tok.i)
        if span is None or span.label_ not in ("GPE", "NORP"):
            return None
        match = self.gazetteer.lookup(clean(span.text))
        return match.code if match is not None and match.how in ("name", "demonym") else None

    def _bodies_countries(self) -> None:
        """What the article says of a body's country holds for every name it gives the body and for the people
        who hold a post in it: "SNB" after "the Swiss National Bank" is Swiss, and so is "SNB chairman Thomas
        Jordan" (graph/words/body_posts.txt), not an "SNB critic". An acronym takes a country only from the one
        body of the article it spells."""
        bodies = [c for c in self._candidates.values() if c.kind == "organization"]
        for body in bodies:
            if body.country is None and is_acronym(body.name):
                spelt = {other.country for other in bodies
                         if other is not body and body.name.lower() in acronyms(other.name)}
                if len(spelt) == 1:
                    body.country = spelt.pop()
        countries_by_name: dict[str, set[str]] = {}  # every name of a body with a country, folded
        for body in bodies:
            if body.country:
                for name in (body.name, *body.aliases):
                    countries_by_name.setdefault(fold(name), set()).add(body.country)
        for cand in self._candidates.values():
            if cand.kind != "person" or not cand.organization \
                    or fold(cand.organization) in lexicon.INTERNATIONAL_BODIES \
                    or not titles_of(cand) & lexicon.BODY_POSTS:
                continue  # (a "Huawei critic" or adviser is tied to the body, but no one speaking for it)
            countries = countries_by_name.get(fold(cand.organization), set())
            if len(countries) == 1:
                cand.body_country = next(iter(countries))

    def _leaders_lists(self, d: int, doc: Doc) -> None:
        """"The leaders of Norland, Sudria and Westmark, A, B and C": as many places as people, in the same
        order, so each person holds the title of the place in their place of the list (a "the Sudria leader"
        later is B). Lists of unequal length say nothing of who is whose."""
        for tok in doc:
            if tok.tag_ not in ("NNS", "NNPS") or tok.lemma_.lower() not in lexicon.TITLE_WORDS:
                continue
            listed = [x for prep in tok.children if prep.dep_ == "prep" and prep.lower_ == "of"
                      for p in prep.children if p.dep_ == "pobj" for x in (p, *p.conjuncts)]
            listed += [x for a in tok.children
                       if a.dep_ == "appos" or (a.dep_ == "conj" and doc[a.left_edge.i - 1].text == ",")
                       for x in (a, *a.conjuncts)]  # (the people parsed as set beside the title, after a comma,
            # rather than as more members of the list of places)
            listed = sorted({x.i: x for x in listed if x.i != tok.i}.values(), key=lambda t: t.i)
            keys = [self._token_keys.get((d, x.i)) for x in listed]
            people = len(keys) - next((i for i, k in enumerate(keys) if k and k.startswith("person:")), len(keys))
            places, persons = listed[:len(keys) - people], keys[len(keys) - people:]
            if people < 2 or len(places) != people or not all(k and k.startswith("person:") for k in persons) \
                    or not all(x.pos_ == "PROPN" for x in places):
                continue
            role = _singular_title(tok)
            for place, person in zip(places, persons):
                cand = self._candidates[person]
                name = _member_name(place, places)
                cand.places.add(name)
                if cand.organization and any(fold(cand.organization) == fold(_member_name(p, places)) for p in places):
                    cand.organization = None  # (another place of the list, read as the organisation of an apposition)
                match = self.gazetteer.lookup(name)
                if match is not None and match.how == "name":
                    cand.country = cand.country or match.code
                if not cand.role or tok.lower_ in cand.role.lower().split():
                    cand.role = role  # (not what an apposition to the plural title gave: "prime ministers Ostravia")

    def _section_countries(self, docs: list[Doc]) -> None:
        """People first named under a heading that is a country's name ("GERMANY", "United States:") are
        of that country, unless the text says otherwise."""
        section: str | None = None
        start = 0
        seen: set[str] = set()
        for d, doc in enumerate(docs[:-1]):  # (the last doc is the title)
            text = doc.text.strip(" •*-\u2013\u2014:")
            if is_heading(doc.text) and len(doc) <= 6:
                match = self.gazetteer.lookup(text) if text else None
                section = match.code if match is not None and match.how == "name" else None
                start = d
                continue
            if d - start > _SECTION_REACH:
                section = None  # a section long past its heading may have run on into another country's
            for tok in doc:
                key = self._token_keys.get((d, tok.i))
                if key is None or key in seen:
                    continue
                seen.add(key)
                cand = self._candidates[key]
                international = cand.organization is not None and fold(cand.organization) in lexicon.INTERNATIONAL_BODIES
                if section is not None and cand.kind == "person" and cand.country is None and not international:
                    cand.country = section

    def _add(self, cand: Candidate) -> Candidate:
        if self._frozen:
            raise FrozenRegistry(f"{cand.key!r} would become a candidate after the registry was built")
        self._candidates[cand.key] = cand
        return cand

    # -- building ---------------------------------------------------------

    def _collect_people(self, docs: list[Doc]) -> None:
        """First pass: full names of people, so bare surnames can find them."""
        for doc in docs:
            for ent in entities(doc):
                if ent.label_ != "PERSON" and not named_by_title(ent):
                    continue
                words = strip_titles(clean(ent.text).split())
                if len(words) >= 2 and not self.gazetteer.lookup(" ".join(words)) and not _numbered(ent.text):
                    full = " ".join(words)
                    names = self._surnames.setdefault(fold(words[-1]), [])
                    if full not in names:
                        names.append(full)

    def _person_for(self, words: list[str]) -> str | None:
        """The full name a (possibly bare) person name refers to in this article."""
        if not words:
            return None
        if len(words) >= 2:
            return " ".join(words)
        names = self._surnames.get(fold(words[0]))
        if names:
            return names[0]
        return None

    def _known_person(self, words: list[str]) -> bool:
        """Whether a name of two words or more is a person's full name found elsewhere in the article ("The
        winner Marta Quiroga thanked ...", with the name tagged as an organisation there): the same person."""
        return len(words) >= 2 and " ".join(words) in self._surnames.get(fold(words[-1]), [])

    def _title_holder(self, ent: Span) -> str | None:
        """The one person of the article who holds the title an entity is made of ("the Archbishop said"
        after "Archbishop Justin Welby"; "the Chairperson of the Commission, Moussa Faki Mahamat"), else
        no one: a title alone names no actor (the guideline's unnamed speakers), and the NER tags
        capitalised titles as organisations ("Chairperson", "FM")."""
        words = _title_words(ent)
        places = tied_places(ent.root, list(ent))
        if body := _qualifiers(ent):  # the holder of "IEC Chairperson" is one the text ties to the IEC
            places.append(" ".join(t.text for t in body))
        holders = {cand.key for cand in self._candidates.values()
                   if cand.kind == "person" and holds_title(cand, words)
                   and holds_there(cand, places, self.gazetteer)}
        return holders.pop() if len(holders) == 1 else None

    def _common_word(self, word: str) -> bool:
        """Whether a one-word name is a common word the article also writes in lower case: "Countries" or
        "Groups" capitalised by a sentence's start or a headline. Never an acronym: "WHO" beside "doctors
        who ..."."""
        return not word.isupper() and word.lower() in self._common

    def _resolve_entity(self, ent: Span) -> str | None:
        text = clean(ent.text)
        if not any(c.isalpha() for c in text) or fold(text) in lexicon.PLATFORMS:  # ("♡♡" names no one)
            return None
        words = strip_titles(text.split())
        label = ent.label_
        if label == "PERSON" and _numbered(text):
            label = "ORG"  # "Flight MH17", "Convoy 7": a number names a thing, never a person
        if label in ("GPE", "NORP") and fold(text) in lexicon.INTERNATIONAL_BODIES:
            label = "ORG"  # "the EU", "the African Union" tagged as places: bodies, not unknown states
        if label == "LOC" and self._listed_with_countries(ent):
            label = "GPE"  # "from Senegal and Ivory Coast", with "Ivory Coast" tagged a location: a country
        if label in ("GPE", "NORP") or (label == "PERSON" and self.gazetteer.lookup(text)):
            match = self.gazetteer.lookup(text)
            if match is None or (match.how == "demonym" and text.endswith("s")):
                return None  # "Americans who support the deal" are people, not their state
            return self._country(match.code, text)
        if label == "PERSON" and len(words) == 1 and described_as_media(ent, person=True):
            return None  # "news agency Orlin", "the daily Orlin": an outlet the NER took for a person
        if label == "PERSON" or (label in ("ORG", "FAC") and (self._surnames.get(fold(text)) or named_by_title(ent)
                                                              or leader_country(" ".join(words), titled=True, as_state=True)
                                                              or self._known_person(words))):
            full = self._person_for(words) or " ".join(words)
            if not any(c.isalpha() for c in full) or (len(words) == 1 and label == "PERSON" and words[0].islower()):
                return None
            return self._person(full, ent, text)
        if label in ("ORG", "FAC"):
            if (len(words) == 1 and self._common_word(words[0])) or _generic_head(text):
                return None  # "Groups warn ...": a common word the NER read as a name; "the Government said": a
                # body named by its kind only, which the speaker rules resolve as they do "the ministry"
            match = self.gazetteer.lookup(text)
            if match and match.how == "name":
                return self._country(match.code, text)
            if is_media(text) or described_as_media(ent):
                return None
            if label == "FAC" and known_body(text) is None:
                return None
            return self._organization(self._owner(ent) + text)
        return None

    def _listed_with_countries(self, ent: Span) -> bool:
        """A location the gazetteer knows as a country by name, listed beside another country's name:
        "Senegal and Ivory Coast" (alone, a location named so may be the land, not its state)."""
        match = self.gazetteer.lookup(clean(ent.text))
        if match is None or match.how != "name":
            return False
        root = ent.root
        members = [*root.conjuncts, *(root.head.conjuncts if root.dep_ == "conj" else ())]
        names = [clean(entity_text(m))
                 for m in members if not ent.start <= m.i < ent.end]
        return any((c := self.gazetteer.lookup(name)) is not None and c.how == "name" for name in names)

    def _owner(self, ent: Span) -> str:
        """"China's " when the NER left the owning country out of a body's name ("China's commerce ministry")."""
        doc = ent.doc
        if ent.start < 2 or doc[ent.start - 1].text not in ("'s", "'"):
            return ""
        owner = self._describer.entity_at(doc, ent.start - 2)
        match = self.gazetteer.lookup(clean(owner.text)) if owner is not None and owner.label_ == "GPE" else None
        return f"{clean(owner.text)}{doc[ent.start - 1].text} " if match and match.how == "name" else ""

    def _country(self, code: str, surface: str) -> str:
        key = f"country:{code}"
        cand = self._candidates.get(key)
        if cand is None:
            cand = self._add(Candidate(key, "country", self.gazetteer.name(code), country=code))
        cand.aliases.add(surface)
        return key

    def _organization(self, text: str) -> str:
        # "the Netherlands' Freedom Party": the country is not part of the party's name; it is of
        # "Russia's Foreign Ministry", one of the organs every state has.
        owner, sep, rest = text.partition("' ") if "'s " not in text else text.partition("'s ")
        organ = any(w in lexicon.STATE_ORGANS for w in fold(rest).split())
        prefix = self.gazetteer.lookup(owner) if sep and rest[:1].isupper() else None
        if prefix is not None and not organ:
            key = self._organization(rest)
            self._candidates[key].country = self._candidates[key].country or prefix.code
            self._candidates[key].aliases.add(text)
            return key
        folded = fold(text)
        # (a seat of government, "the Kremlin said", is a body of its own, of its country: `body_country`
        # reads the seat's country; the news and the corpus name it by the seat, not as the country)
        key = f"organization:{folded}"
        cand = self._candidates.get(key)
        if cand is None:
            country = lexicon.INSTITUTIONS.get(folded) or (prefix.code if prefix is not None else None) \
                or body_country(text, self.gazetteer)
            cand = self._add(Candidate(key, "organization", text, country=country))
        cand.aliases.add(text)
        return key

    def _person(self, full: str, ent: Span, surface: str) -> str:
        key = f"person:{fold(full)}"
        cand = self._candidates.get(key)
        if cand is None:
            cand = self._add(Candidate(key, "person", full))
        cand.aliases.add(surface)
        country, role, organization, reporter = self._describer.describe(ent)
        title_words = [w for w in surface.split()[: -len(full.split()) or None] if w.lower().strip(".") in lexicon.TITLE_WORDS]
        if not role and title_words:
            role = " ".join(title_words)
        cand.learn(country=country, role=role, organization=organization)
        cand.office_country = cand.office_country or self._describer.office(ent)
        cand.places.update(_of_place(ent))
        cand.reporter = cand.reporter or reporter
        return key

    def _collect_unnamed(self, d: int, doc: Doc) -> None:
        """Second pass: speakers the NER did not tag.

        Proper names it missed ("Ivanka Trump said"), bodies named by
        country and function ("Brazil's foreign ministry") and governments
        named by an adjective ("the French government"): every such phrase
        in the article, whether or not anyone turns out to speak through it.
        """
        for tok in doc:
            if (d, tok.i) in self._token_keys:
                continue
            heads_a_name = tok.pos_ == "PROPN" and not (
                tok.dep_ == "compound" and tok.head.pos_ == "PROPN" and tok.head.i > tok.i)
            if heads_a_name and self._untagged_name(d, tok):
                continue
            if tok.pos_ in ("NOUN", "PROPN"):
                self._country_reference(d, tok)

    def _country_reference(self, d: int, tok: Token) -> None:
        """"the Russian authorities" are Russia; "Saudi Arabia's foreign ministry" and "the French
        government" are bodies of their own, of that country (the corpus names a government so)."""
        lemma = tok.lemma_.lower()
        if lemma in lexicon.UNNAMED_HEADS or (lemma not in lexicon.STATE_HEADS and lemma not in lexicon.BODY_HEADS):
            return
        country = owner_country(tok, self.gazetteer)
        if country is None:
            return
        doc = tok.doc
        if lemma in lexicon.STATE_HEADS:
            words = [t for t in doc[tok.left_edge.i:tok.i + 1] if t.dep_ != "det"]
            self._token_keys[(d, tok.i)] = self._country(country, "".join(t.text_with_ws for t in words).strip())
            return
        words = [t for t in doc[tok.left_edge.i:tok.i + 1] if t.dep_ != "det" and not t.is_punct]
        name = "".join(t.text_with_ws for t in words).strip()
        key = self._organization(name[:1].upper() + name[1:])
        self._candidates[key].country = self._candidates[key].country or country
        for t in words:
            self._token_keys[(d, t.i)] = key

    def _untagged_name(self, d: int, tok: Token) -> str | None:
        """A candidate for a proper name the NER did not tag.

        "Ivanka Trump said" at the start of a sentence is often missed. The
        name is the token with its proper-noun compounds; several name words
        make a person, one word or an organisation word makes an organisation.
        """
        if tok.pos_ != "PROPN" or tok.ent_type_ or not tok.text[:1].isupper():
            return None
        # the proper-noun compounds, nested too: "Human Rights Watch"
        words = [c for c in tok.subtree if c.i < tok.i and c.dep_ == "compound" and c.pos_ == "PROPN"] + [tok]
        if any(w.i + 1 != n.i for w, n in zip(words, words[1:])):
            return None
        titled = 0  # "Prime Minister Shinzo Abe": the title describes the name that follows it
        while titled < len(words) and words[titled].text.lower().strip(".") in lexicon.TITLE_WORDS:
            titled += 1
        words = words[titled:]
        names = [w.text for w in words]
        if not names or any(n.lower() in lexicon.TITLE_WORDS for n in names) or self.gazetteer.lookup(" ".join(names)):
            return None
        if len(names) == 1 and not titled and (self._common_word(names[0]) or _generic_head(names[0])):
            return None  # a common word capitalised: "Countries have expressed concern", "World hails the summit"
        if known_body(" ".join(names)) or any(n.lower() in lexicon.BODY_NAME_WORDS for n in names) \
                or (len(names) == 1 and not titled) or any(w.tag_ == "NNPS" for w in words) \
                or _numbered(" ".join(names)):  # a plural ("Rights") or a number ("MH17") names no person
            if is_media(" ".join(names)) or described_as_media(tok.doc[words[0].i:tok.i + 1]):
                return None
            key = self._organization(" ".join(names))
        else:
            full = self._person_for(names) or " ".join(names)
            key = self._person(full, tok.doc[words[0].i:tok.i + 1], " ".join(names))
        for w in words:
            self._token_keys[(d, w.i)] = key
        return key

    # -- lookups ----------------------------------------------------------

    def key_at(self, doc_index: int, token: Token) -> str | None:
        """The candidate a token is part of a mention of, if any."""
        return self._token_keys.get((doc_index, token.i))

    def person_before(self, doc_index: int, token: Token) -> str | None:
        """The person mentioned last before `token` in its sentence: what "he" or "she" most likely
        refers to ("Putin said he backed it")."""
        for prev in reversed(list(token.sent)[: token.i - token.sent.start]):
            key = self._token_keys.get((doc_index, prev.i))
            if key and key.startswith("person:"):
                return key
        return None

    def mentions_before(self, doc_index: int, token_index: int) -> list[str]:
        """Candidate keys mentioned before a position, most recent first."""
        out: list[str] = []
        for (d, i), key in sorted(self._token_keys.items(), reverse=True):
            if (d, i) < (doc_index, token_index) and (not out or out[-1] != key):
                out.append(key)
        return out


def _title_words(ent: Span) -> set[str]:
    """The title words of an entity's text ("Chairperson", "the Ethiopian PM": {"chairperson"}, {"pm"})."""
    return {t.lower_.strip(".") for t in ent if t.lower_.strip(".") in lexicon.TITLE_WORDS}


def _title_only(ent: Span) -> bool:
    """An entity that names a title and no one: its words are titles, beside at most "the", "of", a
    possessive, and a place ("Chairperson", "the Archbishop", "Ethiopia PM", "Secretary of State"), or
    headed by a title after a body's name ("IEC Chairperson": its holder, not a body of that name).
    Not a body whose head word is also a title word ("Israel's Cabinet")."""
    if ent.label_ not in ("ORG", "PERSON", "FAC", "NORP"):
        return False
    if body_head(ent.root) or not _title_words(ent):
        return False
    # "IEC Chairperson", "Electoral Commission Chairperson": a title of a body's, headed by the title
    # (a body's, as the NER tags it or as its words tell, an acronym or a body's word: not "Ana Major", a
    # person whose surname is a title word)
    qualifiers = _qualifiers(ent)
    body = ent.label_ in ("ORG", "FAC") or all(t.text.isupper() or t.lower_ in lexicon.BODY_NAME_WORDS
                                               for t in qualifiers)
    titled_head = body and title_head(ent.root) and all(t.i < ent.root.i for t in qualifiers)
    return titled_head or not qualifiers


def _member_name(member: Token, listed: Sequence[Token]) -> str:
    """A list member's own name: its entity's text where the entity holds no other member, else the member
    and the proper names compounded before it ("Eastmark and Westvale" tagged as one entity: "Westvale")."""
    ent = next((e for e in member.doc.ents if e.start <= member.i < e.end), None)
    if ent is not None and not any(ent.start <= m.i < ent.end for m in listed if m is not member):
        return ent.text
    run = [c for c in member.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return " ".join(t.text for t in sorted([*run, member], key=lambda t: t.i))


def _singular_title(plural: Token) -> str:
    """The one holder's title of a plural one, as a role: "Prime Minister" of "the prime ministers of ..."."""
    words = [c.lower_ for c in plural.lefts if c.dep_ in ("compound", "amod") and c.lower_ in lexicon.TITLE_WORDS]
    return " ".join(w.capitalize() for w in [*words, plural.lemma_.lower()])


def _qualifiers(ent: Span) -> list[Token]:
    """The words of an entity that are not titles, places or function words: "IEC" of "IEC Chairperson"."""
    return [t for t in ent if t.lower_.strip(".") not in lexicon.TITLE_WORDS
            and t.lower_ not in ("the", "of", "'s", "'", "’s") and t.ent_type_ not in ("GPE", "NORP")
            and t.pos_ != "PUNCT"]


def tied_places(title: Token, inside: Sequence[Token] = ()) -> list[str]:
    """The places a title is tied to, among the words of its entity (`inside`: "Ethiopia PM"), before
    it ("India's FM", "the French PM") or in an "of" after it ("the Archbishop of Cologne", "the
    Prime Minister of Spain"): runs of place words."""
    tokens = [*inside, *(t for c in title.children if c.dep_ in ("poss", "compound", "amod", "nmod")
                         and c not in inside for t in c.subtree)]
    tokens += [t for c in title.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > title.i
               for t in c.subtree if t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "LOC", "NORP")]
    runs: list[list[Token]] = []
    for tok in sorted(set(tokens), key=lambda t: t.i):
        if tok.ent_type_ in ("GPE", "LOC", "NORP") or (tok.pos_ == "PROPN" and tok.i > title.i):
            if runs and runs[-1][-1].i == tok.i - 1:
                runs[-1].append(tok)
            else:
                runs.append([tok])
    return [" ".join(t.text for t in run) for run in runs]


def holds_there(cand: Candidate, places: Sequence[str], gazetteer: Gazetteer) -> bool:
    """Whether a person may be the one a title of `places` means: of that country where a place is a
    country (known, not merely not contradicted), and named with the city or see where it is not ("the
    Archbishop of Cologne" is not the Archbishop of Canterbury)."""
    said = fold(" ".join([*cand.aliases, *cand.places, cand.role or "", cand.organization or ""]))
    for place in places:
        match = gazetteer.lookup(place)
        if match is not None:
            if cand.country != match.code:
                return False
        elif fold(place) not in said and not (place.isupper() and cand.organization
                                              and initials(cand.organization) == place.lower()):
            return False  # (a body's initials name it too: "FAO Director" is of the Federal Audit Office)
    return True


def _of_place(ent: Span) -> list[str]:
    """The place in an "of" just after a titled person's name: "Freedonia" of "Prime Minister Jane Doe of
    Freedonia" (not of "Jane Doe of the opposition party", no proper name)."""
    doc = ent.doc
    if ent.end + 1 >= len(doc) or doc[ent.end].lower_ != "of" or not any(
            t.lower_.strip(".") in lexicon.TITLE_WORDS for t in doc[max(0, ent.start - 3):ent.end]):
        return []
    run = []
    for tok in doc[ent.end + 1:]:
        if tok.pos_ != "PROPN" or tok.ent_type_ in ("PERSON", "DATE"):
            break
        run.append(tok.text)
    return [" ".join(run)] if run else []


def holds_title(cand: Candidate, words: set[str]) -> bool:
    """Whether a person holds the title a phrase's title words say: the text gives them every word, and
    none that makes theirs another office the phrase does not say ("the Prime Minister" is not the Foreign
    Minister, nor the Deputy or Former Prime Minister; "the President" is not the Vice President)."""
    titles = titles_of(cand)
    return words <= titles and not (titles & lexicon.RANK_MODIFIERS) - words


def titles_of(cand: Candidate) -> set[str]:
    """The title words the text gives a person: its role and the titles before its name in its aliases,
    with a role's initials ("Prime Minister": "pm"), which news also writes as a title."""
    words = [w.lower().strip(".,") for w in (cand.role or "").split()]
    words += [w.lower().strip(".") for alias in cand.aliases for w in alias.split()[:-1]]
    words = [part for w in words for part in w.split("-")]  # "Vice-Chancellor": "vice", "chancellor"
    titles = {w for w in words if w in lexicon.TITLE_WORDS}
    if cand.role and (short := initials(cand.role)):
        titles.add(short)
    return titles


def _apposed_noun(ent: Span) -> Token | None:
    """The singular common noun an entity is set beside by commas: "bank" of "Germany's central bank, the
    Bundesbank, said". Not a noun that ends another phrase before the name ("talks with the government,
    Microsoft said"): the name must close with punctuation, as an apposition does."""
    doc = ent.doc
    start = ent.start - 1 if ent.start > 0 and doc[ent.start - 1].dep_ == "det" else ent.start
    if start < 2 or doc[start - 1].text != "," or ent.end >= len(doc) or not doc[ent.end].is_punct:
        return None
    noun = doc[start - 2]
    return noun if noun.tag_ == "NN" else None


def _in_subject(noun: Token) -> bool:
    """Whether a noun sits in its clause's subject, not in a phrase before it ("Speaking to the Peruvian
    minister, X, the trader, said"; "Apart from the Chinese embassy, X said")."""
    tok = noun
    while tok.dep_ in ("pobj", "prep", "poss", "compound", "nmod", "appos") and tok.head is not tok:
        if tok.dep_ == "prep" and tok.head.pos_ not in ("NOUN", "PROPN"):
            return False
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass", "ROOT")


def _generic_head(name: str) -> bool:
    """A name that is only a word for a kind of body, never one body: "Government", "Commission" (not "Foreign
    Ministry", which names one by its portfolio)."""
    return name.lower() in lexicon.BODY_HEADS or name.lower() in lexicon.STATE_HEADS


def _numbered(name: str) -> bool:
    return any(c.isdigit() for c in name)


def owner_country(tok: Token, gazetteer: Gazetteer) -> str | None:
    """The country a noun is qualified by: "the French government", "Saudi Arabia's foreign ministry"."""
    country = None
    for child in tok.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod"):
            # the whole name: "Saudi Arabia's foreign ministry", not "Arabia"
            name = "".join(t.text_with_ws for t in child.subtree if t.dep_ != "case").strip()
            match = gazetteer.lookup(name) or gazetteer.lookup(child.text)
            if match:
                country = match.code
    return country
