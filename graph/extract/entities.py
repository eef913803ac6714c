"""Names as the NER gives them, mended, and what the words of a name say.

The small English model cuts names at hyphens ("Han Duck-soo"), runs them
into the next sentence after an abbreviation ("the U.S. Calling"), and tags
a titled person as an organisation; these helpers mend the entities and read
a name's words (titles, news outlets, seats of government) before the
registry (`mentions`) groups them into candidates.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from ..countries import Gazetteer
from ..names import fold
from . import lexicon


def strip_titles(words: list[str]) -> list[str]:
    """Drop leading titles and articles: ["President", "Donald", "Trump"] -> ["Donald", "Trump"]."""
    i = 0
    while i < len(words) - 1 and (words[i].lower().strip(".") in lexicon.TITLE_WORDS or words[i].lower() == "the"):
        i += 1
    return words[i:]


_ABBREVIATION = re.compile(r"(?:\b[A-Za-z]\.)+$")  # "U.S.", "U.K.": the last period belongs to the name


def clean(span_text: str) -> str:
    """A name as an entity's text gives it, without the punctuation around it (a signing dash, "\u2014Ana
    Rojas", is the line's, not the name's), a leading "the" or a possessive."""
    text = span_text.strip(" ,;:-\u2013\u2014\"'()")
    if not _ABBREVIATION.search(text):
        text = text.strip(" .")
    if text.lower().startswith("the "):
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2]
    return text.strip()


def entity_text(tok: Token) -> str:
    """The whole name of the entity a token is in ("Ivory Coast" for "Coast"), else the token's text."""
    return next((e.text for e in tok.doc.ents if e.start <= tok.i < e.end), tok.text)


def title_head(tok: Token) -> bool:
    """Whether a phrase headed by this token names one holder of a title ("the Chairperson of the
    Commission", "the PM"): a title word, singular, and not a body or organ whose head word is also a
    title word ("Israel's Cabinet", "the Council")."""
    return tok.lower_.strip(".") in lexicon.TITLE_WORDS and tok.tag_ not in ("NNS", "NNPS") and not body_head(tok)


def body_head(tok: Token) -> bool:
    """Whether a word heads a body's or an organ's name ("cabinet", "ministry", "government")."""
    return tok.lemma_.lower() in lexicon.STATE_ORGANS | lexicon.BODY_HEADS | lexicon.STATE_HEADS


def known_body(name: str) -> str | None:
    """The country of a seat of government or institution named without it ("Kremlin", "Pentagon")."""
    folded = fold(name)
    return lexicon.SEATS_OF_GOVERNMENT.get(folded) or lexicon.INSTITUTIONS.get(folded)


def body_country(name: str, gazetteer: Gazetteer) -> str | None:
    """The country a body's own name gives it: a known institution ("Pentagon"), or one its name opens
    with ("State Department spokesperson", "White House National Security Council"), else the first
    country named or qualified in it ("Chinese Foreign Ministry", "German Steel Federation", "Alliance for
    American Manufacturing"); none for an international body. Both the registry (a body's country) and
    the describer (the country of a person described by their body) read it."""
    country = known_body(name)
    if country is not None or fold(name) in lexicon.INTERNATIONAL_BODIES:
        return country
    words = name.split()
    # (two words at least: a one-word institution opening a longer name may be another's, "Congress party")
    country = next((c for n in range(len(words) - 1, 1, -1) if (c := known_body(" ".join(words[:n])))), None)
    if country is not None:
        return country
    heads = lexicon.BODY_HEADS | lexicon.STATE_ORGANS | lexicon.GOVERNMENT_ORGANS
    for word in name.replace("'s", "").split():
        match = gazetteer.lookup(word)
        if match and match.how in ("name", "demonym") and not (
                fold(word) in lexicon.STATE_ABBREVIATIONS and not any(fold(w) in heads for w in words)):
            return match.code  # (not "PRC Holdings": a company's letters, unlike "PRC Foreign Ministry")
    return None


def _run_on_trimmed(ent: Span) -> Span:
    """An entity cut where an abbreviation ended the sentence: "the U.S. Calling the accord …" -> "the U.S.".

    The parser does not split a sentence after "U.S.", and the NER then runs
    the name into the next sentence's first word, a capitalised verb form.
    """
    for tok in ent[:-1]:
        after = tok.doc[tok.i + 1]
        if tok.text.endswith(".") and len(tok.text) <= 5 and after.text[:1].isupper() \
                and after.lower_.endswith(("ing", "ed")) and after.tag_ in ("VBG", "VBN", "VBD", "NNP"):
            return Span(tok.doc, ent.start, tok.i + 1, label=ent.label)
    return ent




def _hyphen_joined(ent: Span) -> Span:
    """"Moon Jae-in", "Han Duck-soo": the NER often stops at the hyphen; the name goes on over it."""
    doc, end = ent.doc, ent.end
    while ent.label_ == "PERSON" and end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].is_alpha and doc[end + 1].is_lower:
        end += 2
    return ent if end == ent.end else Span(doc, ent.start, end, label=ent.label)


def _particle_joined(ent: Span) -> Span:
    """"Ursula von der Leyen": the NER often ends a name at a lower-case particle of the surname (and
    tags the rest as a place); the name goes on over the particles to a capitalised word."""
    doc, end = ent.doc, ent.end
    while ent.label_ == "PERSON" and end > ent.start and doc[end - 1].lower_ in lexicon.NAME_PARTICLES \
            and doc[end - 1].is_lower:
        end -= 1  # "Ursula von der": back to the last capitalised word, then forward over the particles
    probe = end
    while probe < len(doc) and doc[probe].lower_ in lexicon.NAME_PARTICLES and doc[probe].is_lower:
        probe += 1
    if ent.label_ != "PERSON" or probe == end or probe >= len(doc) or not doc[probe].is_alpha \
            or not doc[probe].text[:1].isupper() or doc[probe].pos_ != "PROPN":
        return ent
    return Span(doc, ent.start, probe + 1, label=ent.label)


def _bracket_trimmed(ent: Span) -> Span | None:
    """"Jane Doe (@janedoe": a name ends where a bracket or a handle begins."""
    end = next((t.i for t in ent if t.text in ("(", "[") or t.text.startswith("@")), ent.end)
    if end == ent.end:
        return ent
    return Span(ent.doc, ent.start, end, label=ent.label) if end > ent.start else None


def entities(doc: Doc) -> Iterator[Span]:
    """The NER's entities, with their edges mended."""
    covered = 0  # the end of the last name that ran on over the next entity ("von der Leyen")
    for ent in doc.ents:
        if ent.start < covered:
            continue
        trimmed = _bracket_trimmed(ent)
        if trimmed is not None:
            mended = _particle_joined(_hyphen_joined(_run_on_trimmed(trimmed)))
            covered = mended.end
            yield mended


def named_by_title(ent: Span) -> bool:
    """A name set beside or after a title ("the Commission chair, Moussa Faki Mahamat,", "Kazakh
    President Kassym-Jomart Tokayev") is a person's, whatever label the NER gave it: only proper
    nouns, none of them a word for a body."""
    root, doc = ent.root, ent.doc
    beside = root.dep_ == "appos" and root.head.lemma_.lower() in lexicon.TITLE_WORDS
    after = ent.start > 0 and doc[ent.start - 1].lower_ in lexicon.TITLE_WORDS and doc[ent.start - 1].text[:1].isupper()
    return ent.label_ in ("ORG", "FAC") and len(ent) >= 2 and (beside or after) \
        and all((t.pos_ == "PROPN" and t.lower_ not in lexicon.BODY_NAME_WORDS) or t.text == "-" for t in ent)


def apposed_title(ent: Span) -> list[Token]:
    """The words of a title set beside a name by commas: "the German chancellor, Olaf Scholz",
    "Anders Samuelsen, the foreign minister of Denmark" (not the articles and "of")."""
    root = ent.root
    if root.dep_ == "appos" and root.head.lemma_.lower() in lexicon.TITLE_WORDS:
        title = root.head
    else:
        title = next((c for c in root.children if c.dep_ == "appos" and c.lemma_.lower() in lexicon.TITLE_WORDS), None)
    if title is None:
        return []
    # The title's own words and a country or body after "of", "for" or "to"; not a clause hung on it.
    kept = [t for t in title.subtree if t.i <= title.i] + [
        t for prep in title.rights if prep.dep_ == "prep" and prep.lower_ in ("of", "for", "to") for t in prep.subtree]
    return [t for t in kept if not ent.start <= t.i < ent.end
            and (t.pos_ in ("PROPN", "NOUN", "ADJ") or t.text in ("'s", "'"))][:8]


_MEDIA_DESCRIPTION_LONGEST = max(len(d.split()) for d in lexicon.MEDIA_DESCRIPTIONS)


def described_as_media(ent: Span, person: bool = False) -> bool:
    """A name the words just before it call a news outlet: "Russian state-run agency RIA", "local
    broadcaster YTN" (graph/words/media_descriptions.txt), however unknown the name itself. Of a name
    read as a `person`'s, not by a word that is also a person's trade ("veteran broadcaster X")."""
    doc = ent.doc
    before = [t for t in doc[max(ent.sent.start, ent.start - _MEDIA_DESCRIPTION_LONGEST - 2):ent.start]
              if t.text != "-"]
    words = [fold(t.text) for t in before]
    found = [" ".join(words[len(words) - n:]) for n in range(1, min(len(words), _MEDIA_DESCRIPTION_LONGEST) + 1)]
    return any(d in lexicon.MEDIA_DESCRIPTIONS and not (person and d in lexicon.MEDIA_TRADES) for d in found)


def is_media(name: str) -> bool:
    """True for news organisations ("Reuters", "The Wall Street Journal", "TRT World")."""
    folded = fold(name)
    words = folded.split()
    return bool(words) and (folded in lexicon.MEDIA_NAMES or words[0] in lexicon.MEDIA_NAMES
                            or (len(words) > 1 and words[-1] in lexicon.MEDIA_LAST_WORDS))
