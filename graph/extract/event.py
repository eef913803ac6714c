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
_MAX_LABEL = 120
_HEADLINE_PARTS = re.compile(r":\s|\s[-–—|]\s")  # "Event: world reacts", "Event - reactions", "Event | …"
_JUDGING_VERBS = lexicon.SPEECH_VERBS & lexicon.JUDGING_CUES  # "condemn", "welcome", "congratulate"…


_WITHDRAWAL = re.compile(r"\b(withdraw\w*|pull\w*[ -]?out|pullout|quit\w*|exit\w*|leav\w*|left|abandon\w*|"
                         r"scrap\w*|ditch\w*|tear\w* up|tore up|walk\w* away|back\w* out|done with|brexit)\b", re.I)


def is_withdrawal(text: str) -> bool:
    """True when the event is leaving or ending something (a deal, a country, a union)."""
    return bool(_WITHDRAWAL.search(text))


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
    words = [t.text for t in ent if t.is_alpha and t.lower_ != "the"]
    if len(words) == 1:
        word = words[0]
        return {f"acr:{word.lower()}"} if 2 <= len(word) <= 6 and word.isupper() else set()
    capitalised = [w for w in words if w[:1].isupper()]
    if len(capitalised) < 2:
        return set()
    found = {"".join(w[0] for w in capitalised), "".join(w[0] for w in words)}
    return {f"acr:{a.lower()}" for a in found if len(a) <= 6}


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
        verb = tok.head.lemma_.lower()
        if tok.dep_ == "nsubj" and verb not in _NOT_DECIDING and _acts(tok.head):
            key = key_of(tok)
            if key:
                found.add(key)
        if tok.dep_ == "poss" and tok.head.lemma_.lower() in lexicon.DECISION_NOUNS:
            key = key_of(tok)
            if key:
                found.add(key)
    return found
