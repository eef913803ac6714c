"""The event as a fingerprint and who made it happen.

`topic` gives the weighted terms `graph.event_match` tells events apart by;
`agents` the named subjects of the lead's decision ("The Trump
administration will withdraw"): their own statements defend the decision
unless they say otherwise. The event's label is `label`'s.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..names import acronyms, fold
from . import lexicon
from .mentions import Registry, is_media

_TERM_POS = {"NOUN", "PROPN", "VERB", "ADJ"}
_SKIP_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
_STEM = 7  # "withdraw"/"withdrawal", "recognise"/"recognize"/"recognition" share their first 7 letters
_ACRONYM_LABELS = {"ORG", "LAW", "EVENT", "FAC", "PRODUCT", "WORK_OF_ART"}
_PORTMANTEAU_EXIT = re.compile(r"^[a-z]{1,4}exit$")  # Brexit, Grexit, Frexit: an exit from a union
_CAPTION = re.compile(r"\b(?:photo|picture|image|credit)s?\s*:|getty images|/afp\b|\bafp/|\(photo\b", re.I)
_TOPIC_SIZE = 40  # terms kept per article
OBJECT_WEIGHT = 5  # a term naming what was decided counts this many times more
HEADLINE_WEIGHT = 3  # a term of the headline or lead counts this many times
# Most times a country term counts: reaction articles name the reacting countries
# over and over, and a country that dominates two articles says little about
# whether they share an event (one US president decides many things).
_COUNTRY_CAP = 12


def is_caption(text: str) -> bool:
    """True for a photo caption or credit line, which names the picture rather than the event."""
    return bool(_CAPTION.search(text))


def _acronyms(ent: Span) -> set[str]:
    """"European Union" and "EU" both give "acr:eu"; "Joint Comprehensive Plan of Action" gives "acr:jcpoa"."""
    return {f"acr:{a}" for a in acronyms(" ".join(t.text for t in ent if t.is_alpha))}


def _leaving(tok: Token, lemma: str) -> bool:
    return lemma in lexicon.LEAVING_WORDS or bool(_PORTMANTEAU_EXIT.match(lemma)) or (
        lemma == "pull" and any(c.lower_ == "out" for c in tok.children))


def _decision_makers(docs: list[tuple[int, Doc, int]], registry: Registry) -> set[str]:
    """Who made the decision, as the whole article tells it: "Trump's decision", "Washington decided".

    The owner of a decision noun or the subject of a decision verb, counted
    over every paragraph; those named so at least twice (or the only one
    named so), with their countries.
    """
    seen: dict[str, int] = {}
    for index, doc, _ in docs:
        for tok in doc:
            owners: list[Token] = []
            if tok.lemma_.lower() in lexicon.DECISION_NOUNS or tok.lower_ in lexicon.LEAVING_WORDS:
                owners = [c for c in tok.children if c.dep_ in ("poss", "compound", "amod")]
            elif tok.pos_ == "VERB" and tok.lemma_.lower() in lexicon.DECISION_VERBS:
                owners = [c for c in tok.children if c.dep_ == "nsubj"]
            for owner in owners:
                key = registry.key_at(index, owner)
                if key and key.startswith(("person:", "country:")):
                    seen[key] = seen.get(key, 0) + 1
    found = {k for k, n in seen.items() if n >= 2} or (set(seen) if len(seen) == 1 else set())
    countries = {registry.candidates[k].country for k in found} - {None}
    return found | {f"country:{c}" for c in countries}


def _term(tok: Token, lemma: str, decider: bool) -> str | None:
    if tok.ent_type_ in _SKIP_ENTS or tok.ent_type_ in ("GPE", "NORP") or not tok.is_alpha or len(tok) < 2 or decider:
        return None
    if tok.is_upper and len(tok) <= 6 and not tok.ent_type_:
        return f"acr:{tok.lower_}"  # an acronym spaCy did not take for an entity
    if tok.is_stop or len(tok) < 3 or is_media(tok.text):
        return None
    if _leaving(tok, lemma):
        return "leaving"
    if tok.pos_ in _TERM_POS and lemma not in lexicon.GENERIC_TERMS and lemma not in lexicon.SPEECH_VERBS:
        return lemma[:_STEM]
    return None


def _decides(tok: Token, lemma: str) -> bool:
    """A word of deciding whose objects name what was decided: "withdraw from Syria", "decision to quit the deal"."""
    return lemma in lexicon.DECISION_NOUNS or lemma in lexicon.LEAVING_WORDS or (tok.pos_ == "VERB" and lemma in lexicon.DECISION_VERBS)


def _decided(heads: list[Token]) -> set[int]:
    """Tokens naming what the decision words in `heads` were about."""
    out: set[int] = set()
    for tok in heads:
        for child in tok.children:
            if child.dep_ in ("dobj", "prep", "acl", "xcomp", "prt", "oprd", "ccomp"):
                out.update(t.i for t in child.subtree)
    return out


def topic(docs: list[tuple[int, Doc, int]], registry: Registry) -> dict[str, int]:
    """What the article is about, as weighted terms: the event's fingerprint for `graph.event_match`.

    Every paragraph counts, the headline and lead `HEADLINE_WEIGHT` times,
    since reaction articles repeat what they react to ("Syria", "troops",
    "withdrawal") far more than anything else. Terms are word stems of
    nouns, verbs and adjectives (their first letters, so "withdrawal" meets
    "withdraw" and "recognise" meets "recognize"; the ways of leaving
    something are one term); countries as ISO codes and capitals as
    themselves; names of bodies and accords also as acronyms ("European
    Union" meets "EU"). People who react stay in: a reactor named in every
    paragraph ("Rouhani") says which event it is. The deciders and their
    countries are left out: one government makes many decisions, so "Trump"
    and "US" tell none of them apart. Dates, numbers, outlets and the words
    of reacting ("say", "leader") are left out too.
    """
    counts: dict[str, int] = {}
    deciders = _decision_makers(docs, registry)
    decider_countries = {registry.candidates[k].country for k in deciders} - {None}  # "Trump" is US's decider
    for index, doc, weight in docs:
        at: dict[int, list[str]] = {}
        for ent in doc.ents:
            match = registry.gazetteer.lookup(ent.text) if ent.label_ in ("GPE", "NORP") else None
            if match and (match.how == "capital" or match.code not in decider_countries):
                at.setdefault(ent.start, []).append(
                    ent.text.lower() if match.how == "capital" else f"country:{match.code.lower()}")
            elif not match and ent.label_ in _ACRONYM_LABELS:
                at.setdefault(ent.start, []).extend(sorted(_acronyms(ent)))
        deciding: list[Token] = []
        for tok in doc:
            lemma = tok.lemma_.lower()
            if _decides(tok, lemma):
                deciding.append(tok)
            key = registry.key_at(index, tok)
            term = _term(tok, lemma, key is not None and (key in deciders or registry.candidates[key].reporter))
            if term:
                at.setdefault(tok.i, []).append(term)
        for found in at.values():
            for term in found:
                counts[term] = counts.get(term, 0) + weight
        for i in _decided(deciding):  # what was decided counts again: "the decision to recognise Jerusalem"
            for term in at.get(i, ()):
                counts[term] = counts.get(term, 0) + OBJECT_WEIGHT
    counts = {t: min(n, _COUNTRY_CAP) if t.startswith("country:") else n for t, n in counts.items()}
    top = sorted(((t[:64], n) for t, n in counts.items()), key=lambda kv: (-kv[1], kv[0]))[:_TOPIC_SIZE]
    return dict(top)


# Verbs whose subject reports, judges or reacts to a decision rather than makes it ("Russia
# condemns strike", "Japan reacted cautiously"): every verb of saying but those a decision-maker
# uses of their own act ("Trump announced", "defended", "vowed to withdraw").
_NOT_DECIDING = (lexicon.SPEECH_VERBS | {"report"}) - {"announce", "declare", "defend", "justify", "tout", "vow",
                                                      "pledge", "promise"}


def _acts(verb: Token) -> bool:
    """Whether the subject of `verb` does something in the lead: any main verb but one that issues
    a statement, and in reported speech only a decision or a plan ("said he would halt funding",
    not "said he had read the plan")."""
    if any(c.dep_ == "dobj" and c.lemma_.lower() in lexicon.SPEECH_NOUNS for c in verb.children):
        return False  # "issued a joint statement": speaking
    if verb.dep_ != "ccomp":
        return True
    return verb.lemma_.lower() in lexicon.DECISION_VERBS or any(
        c.dep_ == "aux" and c.lower_ in ("will", "would", "shall", "'ll", "to") for c in verb.children)


def agents(doc_index: int, doc: Doc, registry: Registry, named: set[str] | None = None) -> set[str]:
    """Candidates who made the decision, from the first sentence of `doc`.

    `named`, if given, also receives those the sentence names as the decider itself ("Russia banned
    ..."), not by a word of another's ("A US court struck down ...": the US is a decider above, a
    court of it made the decision): `seats_of` needs the difference.
    """
    sent = next(iter(doc.sents))
    found: set[str] = set()

    def key_of(tok: Token) -> str | None:
        for t in [tok, *(c for c in tok.children if c.dep_ in ("compound", "poss", "appos"))]:
            key = registry.key_at(doc_index, t)
            if key:
                return key
        return registry.person_before(doc_index, tok) if tok.lower_ in ("he", "she") else None

    for tok in sent:
        verb = tok.head.lemma_.lower()
        if tok.dep_ == "nsubj" and verb not in _NOT_DECIDING and _acts(tok.head):
            key = key_of(tok)
            if key:
                found.add(key)
                if named is not None and key == registry.key_at(doc_index, tok):
                    named.add(key)
        if tok.dep_ == "poss" and tok.head.lemma_.lower() in lexicon.DECISION_NOUNS:
            key = key_of(tok)
            if key:
                found.add(key)
    return found


def seats_of(named: set[str], registry: Registry) -> set[str]:
    """The seats of government ("the Kremlin", "the White House", "Downing Street") of a country the
    lead names as the maker of the decision (`agents`' `named`: "Russia banned the imports").

    A seat is a body of its own (the news and the corpus name it so), but it speaks for the government
    that sits there: where Russia banned the imports, "the Kremlin defended the ban" is the decider's
    defence and "the Kremlin announced the ban" the act told by its maker, not a third party's
    reaction. Only where the country itself decided: where one of its courts, central banks, companies
    or people did ("A US court struck down the tariffs", "Argentina's central bank devalued the
    peso"), its seat reacts like anyone ("the White House condemned the decision").
    """
    countries = {c.country for c in map(registry.candidates.__getitem__, named) if c.kind == "country" and c.country}
    return {key for key, c in registry.candidates.items()
            if c.kind == "organization" and c.country in countries
            and lexicon.SEATS_OF_GOVERNMENT.get(fold(c.name)) == c.country}
