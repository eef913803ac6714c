"""A headline as a speaker's claim: who spoke, what they claim, and what the claim judges.

News headlines give a reaction as a claim with its speaker beside it
("Putin: US-led strikes on Syria 'an act of aggression'", "Martial law
declaration is 'invalid', says chairman", "X 'a dark day' - Obama"). The
speaker and the verdict are the reaction; what the verdict is about is
the event, which is what the event label (`label.py`) wants.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from . import lexicon
from .wording import REPORTING_VERBS, Words, quoted

HEADLINE_PARTS = re.compile(r":\s|\s[-–—|]\s")  # "Event: world reacts", "Event - reactions", "Event | …"


def someone(tok: Token) -> bool:
    """A person, an office or a crowd ("the foreign minister", "leaders"): who drew a reaction for
    something they did or said, not the thing."""
    lemma = tok.lemma_.lower()
    return tok.ent_type_ == "PERSON" or lemma in lexicon.TITLE_WORDS or lemma in lexicon.REACTOR_NOUNS


def halves(doc: Doc) -> list[Span] | None:
    """The two halves of a headline cut once by a colon or a dash, if it is."""
    cuts = list(HEADLINE_PARTS.finditer(doc.text))
    if len(cuts) != 1:
        return None
    parts = [doc.char_span(a, b, alignment_mode="expand")
              for a, b in ((0, cuts[0].start()), (cuts[0].end(), len(doc.text)))]
    return parts if all(h is not None for h in parts) else None


def is_speaker(span: Span) -> bool:
    """A headline half that only names who spoke: "Obama", "Putin", "FM", "UN chief" (a place alone,
    "Zimbabwe", is a topic: the other half is about it)."""
    words = [t for t in span if not t.is_punct]
    return 0 < len(words) <= 4 and all(
        (t.pos_ in ("PROPN", "NOUN") and t.text[:1].isupper() or t.ent_type_ in ("PERSON", "ORG")
         or t.lemma_.lower() in lexicon.TITLE_WORDS)  # "Ruiz" the tagger may read as a noun: its capital says
        and t.ent_type_ not in ("GPE", "LOC", "NORP") for t in words)


def _claims(doc: Doc) -> list[list[Token]]:
    """What a headline says someone claims, as the tokens of the claim: the other half of "Putin: X",
    "X - Obama", "X: FM"; what precedes "X, says Putin"; the complement of "Business groups warn X"."""
    parts = halves(doc)
    if parts is not None:
        for mine, other in (parts, parts[::-1]):
            if is_speaker(other) and not is_speaker(mine):
                return [list(mine)]
    claims = []
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in REPORTING_VERBS:
            continue
        speakers = [c for c in verb.children if c.dep_ == "nsubj"]
        if not speakers:
            continue
        if all(s.i > verb.i for s in speakers) and verb.i > 1:  # "X, says Putin": the claim comes first
            claims.append([t for t in doc[:verb.i] if not (t.is_punct and t.i == verb.i - 1)])
        claims += [list(c.subtree) for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
    return claims


def claimed_about(doc: Doc) -> Words | None:
    """The thing a speaker's claim in a headline judges: "Putin: US-led strikes on Syria 'an act of
    aggression'" gives "US-led strikes on Syria"; "Martial law declaration is 'invalid', says
    chairman" gives "Martial law declaration". The judgement is the speaker's; what it judges is the
    event.

    The claim's subject ends where the judgement begins: a quote or a copula. A modal there says
    the claim is about what may come ("IMF warns global growth could slow", "Civilians in Rafah
    must be protected, says Blinken"): what it is about is no event, and the claim gives nothing.
    Nor does a subject that is someone, names no act, or has a reporting verb (a speaker's own
    clause: "Ardern welcomes X, says Y 'unchanged'").
    """
    inside = quoted(doc)
    for claim in _claims(doc):
        end = next((n for n, t in enumerate(claim) if t.i in inside or t.tag_ == "MD"
                    or (t.lemma_ == "be" and t.dep_ not in ("aux", "auxpass"))), None)
        if not end or claim[end].tag_ == "MD":
            continue
        subject = claim[:end]
        ids = {t.i for t in subject}
        # its head: the word that heads most of it (a quote after a name may be parsed as its possessive)
        head = max((t for t in subject if t.head.i not in ids or t.head.i == t.i),
                   key=lambda t: sum(x.i in ids for x in t.subtree))
        if head.pos_ not in ("NOUN", "PROPN", "VERB") or someone(head) \
                or head.ent_type_ in ("PERSON", "GPE", "NORP", "ORG") or not any(t.pos_ in ("NOUN", "VERB") for t in subject):
            continue  # "Ana Ruiz is 'a betrayal'": a person judged, no act
        if any(t.lemma_.lower() in REPORTING_VERBS for t in subject):
            continue  # "Ardern welcomes engagement, says stance": a speaker's clause
        return subject
    return None
