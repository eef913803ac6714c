"""What the words around a person's name say about them: country, role, organisation, a reporter.

Split from the mentions registry, which asks it once per mention of a
person while it is built: "British defence minister Tobias Ellwood" is
GB and a "defence minister"; "TRT World's Sally Ayhan" a reporter.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Mapping, Set as AbstractSet

from spacy.tokens import Doc, Span, Token

from ..countries import Gazetteer, gazetteer
from . import lexicon
from ..names import fold
from .entities import apposed_title, body_country, clean, is_media


# The party and state a US politician's name is tagged with: "(D-Conn.)", ", R-Ohio", "(I-Vt.)", ", D-N.Y.,".
# (or ending the sentence: "tweeted Sen. Jeff Flake, R-Ariz. \"This is ...")
_US_PARTY_STATE = re.compile(r"\s*[(,]\s*[DRI]-(?:[A-Z]\.[A-Z]\.?|[A-Z][A-Za-z]{1,4}\.?(?:\s?[A-Z][a-z]*\.?)?)"
                             r"\s*(?:[),]|(?<=\.)(?=\s|$))")


# The party and state a US politician is described by in words: "Mitt Romney, Republican of Utah",
# "Paul D. Ryan, Wisconsin Republican", "Ted Cruz, the Texas Republican who ..." (the state decides).
_STATE_NAME = r"[A-Z][a-z]+(?:\s[A-Z][a-z]+)?"
_US_PARTY_MEMBER = re.compile(rf",\s+(?:(?:the|a)\s+)?(?:(?P<before>{_STATE_NAME})\s+)?"
                              rf"(?:Republican|Democrat)\b(?:\s+(?:of|from)\s+(?P<after>{_STATE_NAME}))?")

_ROMAN = frozenset({"i", "ii", "iii", "iv", "v", "vi"})
_OFFICE_WORDS = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
_OFFICE_LONGEST = max(len(phrase.split()) for phrase in lexicon.OFFICE_COUNTRIES)


def office_country(title: str) -> str | None:
    """The country whose politics alone has the office, legislature or party a title names.

    "Sen.", "House Speaker", "Taoiseach", "shadow Northern Ireland
    secretary" (read without the place: "shadow secretary") name one
    country's offices (graph/words/office_countries.txt). The longest
    entry in the title decides, so "Speaker of the House of Commons" is
    British, not American; none for a title that many countries use.
    """
    words = _OFFICE_WORDS.findall(fold(title).replace(".", ""))
    for n in range(min(len(words), _OFFICE_LONGEST), 0, -1):
        for k in range(len(words) - n + 1):
            phrase = " ".join(words[k:k + n])
            if phrase in lexicon.OFFICE_COUNTRIES:
                return lexicon.OFFICE_COUNTRIES[phrase]
    return None


def _party_state(text: str, end: int) -> str | None:
    """"X, Republican of Utah", "X, Wisconsin Republican": the country of the state so named, if any."""
    m = _US_PARTY_MEMBER.match(text, end)
    if m is None:
        return None
    return next((lexicon.SUBDIVISIONS[fold(state)] for state in (m["before"], m["after"])
                 if state and fold(state) in lexicon.SUBDIVISIONS), None)


def surname_countries(leaders: Mapping[str, str | None], common: AbstractSet[str],
                      is_place: Callable[[str], bool]) -> dict[str, str]:
    """Surname -> country, for the surnames of `leaders` (folded full name -> country, None for a person
    whose name gives none) that name one leader's country alone: borne by only one country's leaders,
    never the first (given) name of a leader ("Ali" of "Irfaan Ali" and of "Ali Bongo"), not in
    `common` (common surnames and words: "Khan", "Lee", "Key"), no place ("Montenegro" of "Luis
    Montenegro") and no other word of a name ("un" of "Kim Jong Un", "ii" of "Elizabeth II")."""
    by_surname: dict[str, set[str | None]] = {}
    given: set[str] = set()
    for name, code in leaders.items():
        *first, last = name.split()
        by_surname.setdefault(last, set()).add(code)
        given.update(first[:1])  # (a middle word may be a surname: "Obama" of "Francisco Pascual Obama Asue")
    return {last: next(iter(codes)) for last, codes in by_surname.items()
            if len(codes) == 1 and None not in codes and len(last) > 2 and last not in _ROMAN
            and last not in given and last not in common and not is_place(last)}


# The states whose people the news names family name first ("Mao Ning", "Ri Yong Ho", "Moon Jae-in"):
# the last word of such a name is a given name, which alone names no one ("Ning said" is not written,
# and "Chao", "Ming", "Jun" are others' surnames), though it still makes the full name distinctive.
_FAMILY_NAME_FIRST = frozenset({"CN", "TW", "KP", "KR"})


@functools.cache
def _people() -> dict[str, str | None]:
    """Folded full name -> country, of the state leaders (graph/words/state_leaders.txt) and of the other
    state officials the news names without their country (graph/words/state_officials.txt: foreign
    ministers, foreign ministries' spokespeople, defence ministers, envoys to the UN). No one is in both
    (a foreign minister who became head of government is the leaders' list's); were one, the leader's
    line would win."""
    return {**lexicon.STATE_OFFICIALS, **lexicon.STATE_LEADERS}


@functools.cache
def _given_last() -> frozenset[str]:
    """The last words of the listed names written family name first: given names, no surname shortcut."""
    return frozenset(name.split()[-1] for name, code in _people().items() if code in _FAMILY_NAME_FIRST)


@functools.cache
def _leaders_by_surname() -> dict[str, list[tuple[frozenset[str], str, bool]]]:
    """Last word -> (the words of each full name ending in it, its country, whether it is an official's of
    state_officials.txt rather than a leader's), for a name given in part."""
    out: dict[str, list[tuple[frozenset[str], str, bool]]] = {}
    for name, code in _people().items():
        if code:
            out.setdefault(name.split()[-1], []).append((frozenset(name.split()), code,
                                                         name not in lexicon.STATE_LEADERS))
    return out


@functools.cache
def _leader_surnames() -> dict[str, str]:
    """`surname_countries` of the real lists, built on first need (the gazetteer it asks is not small)."""
    leaders = {name: None if name in lexicon.INTERNATIONAL_OFFICIALS else code
               for name, code in _people().items()}  # ("Draghi" alone: the ECB's or Italy's)
    return surname_countries(leaders, lexicon.COMMON_SURNAMES, lambda word: gazetteer().lookup(word) is not None)


def leader_title(role: str | None) -> bool:
    """Whether a person's title is a state leader's ("Prime Minister", "President", "Foreign Minister":
    graph/words/leader_titles.txt), which lets a listed name whose surname is common count."""
    words = fold(role or "").replace(".", "").split()
    return any(" ".join(words[k:k + n]) in lexicon.LEADER_TITLES
               for n in (1, 2, 3) for k in range(len(words) - n + 1))


@functools.cache
def _officials() -> frozenset[str]:
    """The words of each name of `lexicon.INTERNATIONAL_OFFICIALS`, sorted: a part of one is matched by set."""
    return frozenset(" ".join(sorted(name.split())) for name in lexicon.INTERNATIONAL_OFFICIALS)


def state_title(role: str | None, organization: str | None) -> bool:
    """Whether a person's title is a state leader's and nothing else: a title of
    graph/words/leader_titles.txt with no other word and no body it is held in, and not one that
    international bodies' heads bear too ("Prime Minister", not "ECB President" nor "President")."""
    title = " ".join(fold(role or "").replace(".", "").split())
    return not organization and title in lexicon.LEADER_TITLES and title not in lexicon.BODY_SHARED_TITLES


def leader_country(name: str, titled: bool = False, as_state: bool = False) -> str | None:
    """The country a head of state or government, or another listed state official, serves, by name.

    The news names them without their country ("President Donald Trump
    said", "Merkel pledged"): the full name, or a part of it that keeps
    its surname ("Tayyip Erdogan", "Erdogan"), when the part fits one
    country's leaders only. The name must be distinctive: its surname
    passes the shortcut's guards (no common surname or word, no given
    name, no place: `surname_countries`), or the text gives the person a
    leader's title (`titled`), or it is a listed full name of three words
    or more: "Mark Phillips" may be anyone, "Prime Minister Mark Phillips"
    or "Juan Manuel Santos" not. A person who also headed an international
    body (graph/words/international_officials.txt) is their state's only
    under a state's title (`as_state`, `state_title`).
    """
    words = fold(name).replace(".", "").split()
    if not words:
        return None
    holders = [h for h in _leaders_by_surname().get(words[-1], ()) if set(words) <= h[0]]
    officials_only = bool(holders) and all(official for _, _, official in holders)
    if officials_only:
        # A leader's title names a leader ("President", "Prime Minister"): it makes no official's name count
        # ("Club president Julio Martinez", "Chamber of Commerce president Ben Wallace"); a state's does.
        titled = False
    distinctive = titled or as_state or words[-1] in _leader_surnames()
    code = _people().get(" ".join(words))
    if " ".join(words) in lexicon.INTERNATIONAL_OFFICIALS:
        return code if as_state else None
    if code is not None:  # (a full name of three words or more is itself rare: "Mohammed bin Salman")
        return code if distinctive or len(words) > 2 else None
    if len(words) == 1:
        # An official's surname alone names no one ("Mr Safadi, a shop owner", "Zakharova, the tennis
        # player"): the news names an official in full first, and the article's full name is the mention's.
        if words[0] in _given_last() or officials_only:
            return None
        return _leader_surnames().get(words[0])
    if not distinctive:
        return None
    found = {c for full, c, _ in holders if as_state or " ".join(sorted(full)) not in _officials()}
    return found.pop() if len(found) == 1 else None


def _in_compound(doc: Doc, start: int, end: int) -> bool:
    """Whether the words from `start` to `end` are joined by a hyphen to the word before or after them."""
    before = start > 0 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ \
        and start > 1 and not doc[start - 2].whitespace_
    after = end < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_
    return before or after


def _joins_a_portfolio(tok: Token) -> bool:
    """An "and" inside a title's portfolio: "Minister for Women and Equalities", "Minister of Foreign
    Affairs and Trade" (capitalised words on both sides, and before them "of" or "for" after a title
    word), wherever the parser hangs it; not an "and" between clauses ("called for an inquiry and
    Labour leader X said")."""
    doc = tok.doc
    if tok.lower_ not in ("and", "&") or not 0 < tok.i < len(doc) - 1 or not doc[tok.i + 1].text[:1].isupper():
        return False
    j = tok.i - 1
    while j > tok.i - 5 and j > 0 and doc[j].text[:1].isupper() and doc[j].pos_ in ("PROPN", "NOUN", "ADJ"):
        j -= 1
    return j < tok.i - 1 and doc[j].lower_ in ("of", "for") and j > 0 and doc[j - 1].lower_ in lexicon.TITLE_WORDS


class Describer:
    """Reads a person's description from the text around their name, for one article's docs."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._entity_tables: dict[int, dict[int, Span]] = {}

    def describe(self, ent: Span) -> tuple[str | None, str | None, str | None, bool]:
        """Country, role, organisation of a person, from the words around their name.

        The words before it: "British defence minister Tobias Ellwood" -> GB,
        "defence minister"; "Israel's Prime Minister Benjamin Netanyahu" ->
        IL; "TRT World's Sally Ayhan" -> a reporter. Failing a country there:
        a party and state after it ("(D-Conn.)", "Republican of Utah"), a
        title before it across a comma ("The foreign minister of Denmark,
        Anders Lund,"), a title set beside the name ("the German chancellor,
        Olaf Scholz,", "Anders Samuelsen, the foreign minister of Denmark,"), a country
        label the line opens with ("CANADA: Prime Minister Justin Trudeau"),
        or the country whose reaction the person voices ("Japan avoided
        taking a stance, with Chief Cabinet Secretary Yoshihide Suga saying").
        """
        doc = ent.doc
        words, i = self._before(ent)
        country, role, organization, reporter = self._read(doc, words)
        if country is None:  # "Secretary of State Antony Blinken of the United States"
            # (or "Sen. Bernie Sanders of Vermont": a state of a country)
            country = next((code for c in ent.root.children if c.dep_ == "prep" and c.lower_ == "of"
                            for p in c.children if p.dep_ == "pobj" and p.ent_type_ == "GPE"
                            for code in [self._place(clean(" ".join(t.text for t in p.subtree)), by_name=True)]
                            if code), None)
        if country is None and _US_PARTY_STATE.match(doc.text, ent.end_char):
            country = "US"  # "Sen. Richard Blumenthal (D-Conn.)", "Rep. Jim Jordan, R-Ohio,"
        if country is None:
            country = _party_state(doc.text, ent.end_char)
        if country is None:  # "The foreign minister of Denmark, Anders Lund, said", where the parser hangs the
            # name on the place; "the British Prime Minister, Boris Johnson, New Zealand's prime minister, ..."
            country_, role_, organization_, _ = self._read(doc, self._title_across_comma(ent))
            country, organization = country_, organization or organization_
            role = max((r for r in (role, role_) if r), key=len, default=None)
        if country is None or role is None:
            country_, role_, organization_, _ = self._read(doc, apposed_title(ent))
            country, organization = country or country_, organization or organization_
            role = max((r for r in (role, role_) if r), key=len, default=None)
        if country is None and i >= 0 and doc[i].text == ":":
            country = self._label_country(doc[:i])
        if country is None:
            country = self._voiced_country(ent)
        return country, role, organization, reporter

    def office(self, ent: Span) -> str | None:
        """The country a person's title names only by its office ("Sen. Bob Corker", "House Speaker Paul
        Ryan", "Taoiseach Leo Varadkar"): `office_country` of the words before the name, the title words
        the name's own span opens with, and a title set beside it. World knowledge, so the caller reads
        it after everything the text says."""
        doc = ent.doc
        words, _ = self._before(ent)
        opening = list(itertools.takewhile(
            lambda t: t.lower_.strip(".") in lexicon.TITLE_WORDS or t.lower_.strip(".") in lexicon.OFFICE_COUNTRIES,
            ent[:-1]))
        # (not another person's name in it: "Hun Sen ally X" names no senator)
        title = [t for t in (*words, *opening, *apposed_title(ent))
                 if (span := self.entity_at(doc, t.i)) is None or span.label_ != "PERSON" or t in opening]
        places = [t for t in title if (span := self.entity_at(doc, t.i)) is not None and span.label_ in ("GPE", "NORP")]
        # as written, and without the places in it: "shadow Northern Ireland secretary" is a "shadow secretary"
        return office_country(" ".join(t.text for t in title)) \
            or office_country(" ".join(t.text for t in title if t not in places))

    def _title_across_comma(self, ent: Span) -> list[Token]:
        """The title set before a name by a comma, the name closed by punctuation ("The foreign minister of
        Denmark, Anders Lund, said"; "..., the British Prime Minister, Boris Johnson, New Zealand's prime
        minister, Jacinda Ardern, ..."): the title is the name's whatever the parser hung the name on.

        Not a title that ends another clause ("it was a mistake to trust the president, Lund said"): the
        name must close with punctuation, as an apposition does, and the words must hold a title word.
        """
        doc = ent.doc
        start = ent.start
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound" \
                and ent.start <= doc[start - 1].head.i < ent.end:
            start -= 1  # a first name the NER left out of the name ("Anders" of "Anders Lund")
        if start < 2 or doc[start - 1].text != "," or not (ent.end == len(doc) or doc[ent.end].is_punct):
            return []
        words, _ = self._before(doc[start - 1:ent.end])
        return words if any(t.lower_ in lexicon.TITLE_WORDS for t in words) else []

    def _before(self, ent: Span) -> tuple[list[Token], int]:
        """The words of a title before a name, up to eight ("US Secretary of State", "Italy's recently
        elected prime minister"), and the index of the token before them."""
        doc = ent.doc
        words: list[Token] = []
        i = ent.start - 1
        while i >= ent.sent.start and len(words) < 8:
            tok = doc[i]
            if tok.lower_ == "to" and i > ent.sent.start and doc[i - 1].lower_ in lexicon.POSTED_TITLES:
                words, i = [], i - 1  # "US Ambassador to Japan Rahm Emanuel": the host is not theirs
                continue
            if tok.text in ("'s", "'") or tok.pos_ in ("PROPN", "NOUN", "ADJ") and not tok.is_punct:
                words.insert(0, tok)
                i -= 1
                continue
            if words and (tok.pos_ in ("VERB", "ADV") and tok.dep_ in ("amod", "advmod")
                          or tok.text == "-" and not tok.whitespace_ and not doc[i - 1].whitespace_):
                # what a title says of its holder: "Italy's recently elected prime minister", "Ukraine's
                # pro-Western President"; a description, not the role
                words.insert(0, tok)
                i -= 1
                continue
            if tok.lower_ in ("of", "for") and words and i > ent.sent.start \
                    and doc[i - 1].pos_ in ("PROPN", "NOUN") and not doc[i - 1].is_punct:
                words.insert(0, tok)  # inside a title: "US Secretary of State", "Minister for Trade"
                i -= 1
                continue
            if _joins_a_portfolio(tok) and words:
                words.insert(0, tok)  # "UK Minister for Women and Equalities", "Minister of Foreign Affairs and Trade"
                i -= 1
                continue
            break
        return words, i

    def _read(self, doc: Doc, words: list[Token]) -> tuple[str | None, str | None, str | None, bool]:
        """Country, role, organisation and whether a reporter, from the words describing a name."""
        country = organization = None
        reporter = False
        role_words: list[str] = []
        handled: set[int] = set()
        for tok in words:
            span = self.entity_at(doc, tok.i)
            if span is not None:
                if span.start in handled:
                    continue
                handled.add(span.start)
                etext = clean(span.text)
                match = self.gazetteer.lookup(etext)
                if match and _in_compound(doc, span.start, span.end):
                    continue  # not a country inside a compound: "Indian-origin Prime Minister", "Turkish-born"
                if match:
                    country = country or match.code
                elif span.label_ in ("ORG", "FAC") and is_media(etext):
                    reporter = True
                elif span.label_ in ("ORG", "FAC"):
                    # "Chinese Foreign Ministry Spokesperson Wang Wenbin": the body's country is theirs
                    organization = organization or etext
                    country = country or body_country(etext, self.gazetteer)
                elif span.label_ == "GPE":
                    country = country or lexicon.SUBDIVISIONS.get(fold(etext))  # "South Carolina Sen."
                elif span.label_ == "LOC" and span.start > 0 and doc[span.start - 1].lower_ in ("of", "for"):
                    role_words.append(etext)  # a region as a portfolio: "Minister of Europe and Foreign Affairs"
                continue
            if tok.text in ("'s", "'", "-") or tok.lower_ == "counterpart" or tok.pos_ in ("VERB", "ADV"):
                continue
            code = self._place(tok.text) if tok.text[:1].isupper() and not _in_compound(doc, tok.i, tok.i + 1) else None
            if code:
                country = country or code  # "Chinese", "Vermont Sen."
                continue
            role_words.append(tok.text)
        while role_words and role_words[-1].lower() in ("of", "for"):
            role_words.pop()  # "Secretary of [State]" when the NER took "State" for a body
        role = " ".join(role_words) if any(w.lower() in lexicon.TITLE_WORDS for w in role_words) else None
        return country, role, organization, reporter

    def _place(self, text: str, by_name: bool = False) -> str | None:
        """The country a place's name gives: a country, its demonym or capital (`by_name`: only its
        name), or one of its states."""
        match = self.gazetteer.lookup(text)
        if match is not None:
            return match.code if match.how == "name" or not by_name else None
        return lexicon.SUBDIVISIONS.get(fold(text))

    def _label_country(self, label: Span) -> str | None:
        """The country a line opens with as a label: "• CANADA:", "Germany:"."""
        text = label.text.strip(" •*-–·")
        match = self.gazetteer.lookup(text) if 0 < len(label) <= 4 and text else None
        return match.code if match and match.how == "name" else None

    def _voiced_country(self, ent: Span) -> str | None:
        """"Indonesia joined the criticism, with Foreign Minister Retno Marsudi saying ...": Indonesia."""
        root = ent.root
        if root.dep_ != "nsubj" or root.head.tag_ != "VBG" or root.head.head.lower_ != "with":
            return None
        for verb in root.head.head.ancestors:
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
            if subjects:
                match = self.gazetteer.lookup(clean(subjects[0].text)) if subjects[0].ent_type_ == "GPE" else None
                return match.code if match and match.how == "name" else None
        return None

    def entity_at(self, doc: Doc, i: int) -> Span | None:
        table = self._entity_tables.get(id(doc))
        if table is None:
            table = self._entity_tables[id(doc)] = {t: e for e in doc.ents for t in range(e.start, e.end)}
        return table.get(i)
