"""Classes of wrong or missing countries of speakers found on the corpus's train split, each on
sentences written for this test (invented events; real names only where the class is about them)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from spacy.tokens import Span

from graph.countries import gazetteer
from graph.extract import Extractor
from graph.extract import lexicon
from graph.extract.entities import body_country
from graph.extract.mentions import Registry
from graph.extract.persons import _party_state, leader_country, office_country
from graph.models import ArticleInput, Extraction
from graph.names import acronyms

TITLE = "Chile imposes a levy on imported copper"


def run(extractor: Extractor, body: str, title: str = TITLE) -> Extraction:
    return extractor.extract(extractor.prepare(ArticleInput(text=body, title=title)))


def countries(extractor: Extractor, body: str, title: str = TITLE) -> dict[str, str | None]:
    return {r.actor.name: r.actor.country for r in run(extractor, body, title).reactions}


@pytest.mark.parametrize("body, name, country", [
    ("President Emmanuel Macron said the copper levy was a grave mistake.", "Emmanuel Macron", "FR"),
    ("Justin Trudeau called the copper levy unfair on Monday.", "Justin Trudeau", "CA"),
    ("Prime Minister Narendra Modi welcomed the copper levy.", "Narendra Modi", "IN"),
    ("Miners met in Lusaka on Monday. Scholz said the copper levy was regrettable.", "Scholz", "DE"),
    ("Recep Tayyip Erdogan told reporters the levy was theft.", "Recep Tayyip Erdogan", "TR"),
])
def test_a_head_of_state_named_without_a_country_is_of_the_country_they_lead(
        extractor: Extractor, body: str, name: str, country: str) -> None:
    """The news names leaders without their country ("President Emmanuel Macron said"): a person of a
    name in graph/words/state_leaders.txt is of that country."""
    assert countries(extractor, body)[name] == country


@pytest.mark.parametrize("body, name, country", [
    ("Kenyan lawyer David Cameron said the copper levy was a grave mistake.", "David Cameron", "KE"),
    ("Mayor Donald Okafor said the copper levy was a grave mistake.", "Donald Okafor", None),
    ("Miner Ruth Macron-Obi called the copper levy unfair.", "Ruth Macron-Obi", None),
])
def test_a_namesake_of_a_leader_is_not_the_leader(extractor: Extractor, body: str, name: str,
                                                  country: str | None) -> None:
    """What the text says of a person beats the list, and a leader's first name, or a surname inside
    another name, makes no one a leader."""
    assert countries(extractor, body)[name] == country


@given(st.sampled_from(sorted((name, code) for name, code in lexicon.STATE_LEADERS.items() if code)),
       st.sampled_from(["ORG", "PERSON"]))
@settings(max_examples=40, deadline=None)
@example(("julie bishop", "AU"), "ORG")  # a surname that is a title word: not "IEC Chairperson", a body's title
@example(("hun sen", "KH"), "ORG")
def test_every_listed_leader_is_a_person_of_their_country_however_the_ner_tags_them(
        extractor: Extractor, entry: tuple[str, str], label: str) -> None:
    """Each entry with a country, capitalised as the news writes it, is a person of its country, even
    where the NER took the name for an organisation (it tags "Biden" or "Zelenskiy" ORG)."""
    folded, code = entry
    assume(folded.split()[0] not in lexicon.TITLE_WORDS)  # ("Sultan Abdullah": a title and a common name)
    name = " ".join(w.capitalize() for w in folded.split())
    doc = extractor.nlp(f"{name} said the copper levy was unfair.")
    doc.ents = [Span(doc, 0, len(doc.char_span(0, len(name), alignment_mode="expand")), label=label)]
    people = [c for c in Registry([doc], gazetteer()).candidates.values() if c.kind == "person"]
    assert [leader_country(c.name, titled=True, as_state=True) for c in people] == [code], people


@pytest.mark.parametrize("body, expected", [
    ("Norway condemned the copper levy on Monday. Norwegian Foreign Minister Ingrid Dahl said the levy was "
     "an act of economic aggression.", {("Ingrid Dahl", "NO", "oppose")}),
    ("Peru welcomed the copper levy. \"It is long overdue,\" Peru's trade minister Luis Prado said.",
     {("Luis Prado", "PE", "support")}),
    ("Ghana criticised the copper levy. Ghanaian President Kwame Asante called it unfair and harmful.",
     {("Kwame Asante", "GH", "oppose")}),
])
def test_a_country_and_its_one_official_are_one_speaker(extractor: Extractor, body: str,
                                                        expected: set[tuple[str, str, str]]) -> None:
    """"Norway condemned ..." and its foreign minister's words are one statement under two names: the
    most specific named speaker keeps it, with the country's words as its evidence too."""
    got = {(r.actor.name, r.actor.country, r.stance) for r in run(extractor, body).reactions}
    assert got == expected


@pytest.mark.parametrize("body, expected", [
    ("Norway condemned the copper levy. Norwegian Foreign Minister Ingrid Dahl called it aggression. "
     "Norwegian opposition leader Per Lund said the levy was long overdue.", {"Norway", "Ingrid Dahl", "Per Lund"}),
    ("Norway condemned the copper levy. Peruvian trade minister Luis Prado said it was long overdue.",
     {"Norway", "Luis Prado"}),
])
def test_a_country_stays_beside_speakers_it_cannot_be_told_from(extractor: Extractor, body: str,
                                                                expected: set[str]) -> None:
    """Two officials of the country (which one is it?) or an official of another country: the country's
    own reaction stays."""
    assert {r.actor.name for r in run(extractor, body).reactions} == expected


ROUND_UP_BY_NAME_LINES = """Leaders reacted to the copper levy on Friday.

Sen. Dana Whitfield

\u201cThis levy is a grave mistake that will cost miners their jobs.\u201d

Finance Minister Ines Carvalho of Portugal

"We welcome the levy as long overdue and fair."

Trade union leader Pavel Novak

Union members gathered outside the ministry on Friday.
"""


def test_a_round_up_line_of_a_name_and_title_alone_names_the_quote_below(extractor: Extractor) -> None:
    """A line that is only a person's name and title, without a colon, above a paragraph that opens with
    a quote, names its speaker; above a paragraph that does not open with a quote it names no one."""
    got = {r.actor.name: (r.actor.country, r.stance) for r in run(extractor, ROUND_UP_BY_NAME_LINES).reactions}
    assert got == {"Dana Whitfield": ("US", "oppose"), "Ines Carvalho": ("PT", "support")}  # "Sen.": American


SIGNED_QUOTES = """Leaders reacted to the copper levy on Friday.

\u201cThis levy is a grave mistake that will cost miners their jobs.\u201d

\u2014Peruvian President Luis Prado

\u201cWe welcome the levy as long overdue and fair.\u201d

\u2014Norwegian Prime Minister Ingrid Dahl
"""


def test_a_signature_under_a_quote_does_not_name_the_quote_after_it(extractor: Extractor) -> None:
    """"\u2014Peruvian President Luis Prado" signs the quote above it, not the next one."""
    got = {r.actor.name: r.stance for r in run(extractor, SIGNED_QUOTES).reactions}
    assert got == {"Luis Prado": "oppose", "Ingrid Dahl": "support"}


@pytest.mark.parametrize("body, name, country", [
    ("Sen. Mara Okonjo said the copper levy was a grave mistake.", "Mara Okonjo", "US"),
    ("Republican Senator Dale Brankov called the copper levy a disgrace.", "Dale Brankov", "US"),
    ("House Speaker Tobias Wrenfield said in a statement that the copper levy was theft.", "Tobias Wrenfield", "US"),
    ("Senate Majority Leader Greta Holloway called the copper levy unfair.", "Greta Holloway", "US"),
    ("Taoiseach Declan Moore welcomed the copper levy on Monday.", "Declan Moore", "IE"),
    ("Labour MP Tom Ridley, a former shadow Northern Ireland secretary, said the copper levy was wrong.",
     "Tom Ridley", "GB"),
])
def test_an_office_of_one_countrys_politics_gives_its_holder_that_country(
        extractor: Extractor, body: str, name: str, country: str) -> None:
    """US senators, the Speaker of the House, Congress's leaders, Ireland's Taoiseach, Britain's shadow
    secretaries: the news names them by an office only one country has, without the country."""
    assert countries(extractor, body)[name] == country


@pytest.mark.parametrize("body, name, country", [
    ("Australian Senator Mara Okonjo said the copper levy was a grave mistake.", "Mara Okonjo", "AU"),
    ("AUSTRALIA\n\nSenator Mara Okonjo said the copper levy was a grave mistake.", "Mara Okonjo", "AU"),
    ("Foreign Minister Mara Okonjo said the copper levy was a grave mistake.", "Mara Okonjo", None),
    ("Speaker Mara Okonjo said the copper levy was a grave mistake.", "Mara Okonjo", None),
    ("Hun Sen ally Say Chhum said the copper levy was a grave mistake.", "Say Chhum", None),
])
def test_the_text_beats_an_office_and_a_shared_office_gives_no_country(
        extractor: Extractor, body: str, name: str, country: str | None) -> None:
    """The office is world knowledge, read last: a country the title or a heading above gives comes
    first, a title many countries use ("Foreign Minister", "Speaker") gives none, and so does another
    person's name in the title ("Sen" of "Hun Sen")."""
    assert countries(extractor, body)[name] == country


@given(st.sampled_from(sorted(lexicon.OFFICE_COUNTRIES.items())),
       st.sampled_from(["{}", "former {}", "the {} of the day", "{}, Mr"]))
@settings(max_examples=80, deadline=None)
def test_every_listed_office_gives_its_country_however_written(entry: tuple[str, str | None], frame: str) -> None:
    """Each entry, capitalised and dotted as the news writes it ("Sen.", "House Speaker"), inside
    other words of a title, is read as its country; the longest entry found decides."""
    phrase, code = entry
    written = " ".join(w.capitalize() + ("." if w in ("sen", "rep", "sens", "reps") else "") for w in phrase.split())
    assert office_country(frame.format(written)) == code


def test_the_longest_office_decides() -> None:
    assert office_country("Speaker of the House of Commons") == "GB"
    assert office_country("Speaker of the House") == "US"
    assert office_country("Prime Minister") is None
    assert office_country("Amartya Sen") == "US"  # a word of the list is read wherever it stands:
    # the extractor passes it a title, never a name (test above: "Mara Okonjo" is no office)


@given(st.sampled_from(sorted(s for s, c in lexicon.SUBDIVISIONS.items() if c == "US")),
       st.sampled_from([", Republican of {}, said", ", {} Republican, said", ", the {} Democrat who chairs it,",
                        ", Democrat from {}, said"]))
@settings(max_examples=60, deadline=None)
def test_a_party_member_of_a_us_state_is_american(state: str, frame: str) -> None:
    """"Mitt Romney, Republican of Utah", "Paul Ryan, Wisconsin Republican": the long form of "(R-Utah)"."""
    text = "Dale Brankov" + frame.format(state.title())
    assert _party_state(text, len("Dale Brankov")) == "US"
    assert _party_state("Dale Brankov, Republican leader of the party, said", len("Dale Brankov")) is None


COUNTRIES = [("Denmark", "DK"), ("Kenya", "KE"), ("Argentina", "AR"), ("Japan", "JP"), ("Poland", "PL"),
             ("Indonesia", "ID"), ("Canada", "CA"), ("Egypt", "EG")]


def people(extractor: Extractor, text: str) -> dict[str, str | None]:
    """Each person of the registry and their country: what the text says of them, whoever speaks."""
    docs = [extractor.nlp(text)]
    return {c.name: c.country for c in Registry(docs, gazetteer()).candidates.values() if c.kind == "person"}


ACROSS_A_COMMA = [
    "The foreign minister of {}, Anders Lund, said the copper levy was a grave mistake.",
    "The copper levy is a grave mistake, said the trade minister of {}, Anders Lund.",
    "The Chilean president, Luis Prado, the prime minister of {}, Anders Lund, and the Kenyan president, "
    "Ruth Wanjiru, said the copper levy was a grave mistake.",
]


@pytest.mark.parametrize("country, body", list(itertools.product(COUNTRIES, ACROSS_A_COMMA)))
def test_a_title_before_a_name_across_a_comma_gives_its_country(
        extractor: Extractor, country: tuple[str, str], body: str) -> None:
    """"The foreign minister of X, Name, said": the parser hangs the name on the place, or, in a list of
    titles and names, on the title of the person before; the title before the comma is the name's own."""
    name, code = country
    got = people(extractor, body.format(name))
    assert got.get("Anders Lund", got.get("Lund")) == code
    assert got.get("Luis Prado", "CL") == "CL" and got.get("Ruth Wanjiru", "KE") == "KE"


def test_a_title_that_ends_another_clause_is_not_the_next_name_s(extractor: Extractor) -> None:
    """"... trust the Danish president, Lund said": the name opens its own clause, the title is not his."""
    got = countries(extractor,
                    "It was a mistake to trust the Danish trade minister, Anders Lund said of the copper levy.")
    assert got.get("Anders Lund", got.get("Lund")) is None


@pytest.mark.parametrize("country, body", list(itertools.product(
    [("UK", "GB"), ("Irish", "IE"), ("New Zealand's", "NZ"), ("Kenyan", "KE"), ("Australian", "AU")],
    ["{} Minister for Women and Equalities Tom Ridley said the copper levy was a grave mistake.",
     "{} Minister of Foreign Affairs and Trade Tom Ridley called the copper levy unfair.",
     "The copper levy is unfair, said {} Secretary for Energy and Climate Tom Ridley."])))
def test_a_portfolio_of_two_parts_keeps_its_title_s_country(
        extractor: Extractor, country: tuple[str, str], body: str) -> None:
    """"UK Minister for Women and Equalities Penny Mordaunt": the "and" inside the portfolio is part of the
    title, so the country before it is still the holder's."""
    adjective, code = country
    assert people(extractor, body.format(adjective)).get("Tom Ridley") == code


def test_an_and_between_clauses_is_no_portfolio(extractor: Extractor) -> None:
    """"... called for an inquiry and Labour leader X said": the words before "and" describe no one."""
    got = run(extractor, "Mayor Ruth Wanjiru of Kenya called for an inquiry and party leader Tom Ridley said the "
                         "copper levy was a grave mistake.").reactions
    assert {r.actor.name: r.actor.role for r in got}.get("Tom Ridley") == "party leader"


@given(st.sampled_from(sorted((n, c) for n, c in {**lexicon.SEATS_OF_GOVERNMENT, **lexicon.INSTITUTIONS}.items()
                              if len(n.split()) > 1)),
       st.sampled_from(["National Security Council", "Press Office", "spokesperson", "Legal Counsel"]))
@settings(max_examples=30, deadline=None)
def test_a_body_named_after_a_known_institution_it_belongs_to_is_of_its_country(
        entry: tuple[str, str], rest: str) -> None:
    """"White House National Security Council", "State Department spokesperson": a body (or a title the NER
    ran into the name) opening with an institution of one country is of that country."""
    name, code = entry
    assert body_country(" ".join(w.capitalize() for w in name.split()) + " " + rest, gazetteer()) == code


@pytest.mark.parametrize("name", ["Congress Party", "Congress Working Committee", "Pentagon Papers Trust"])
def test_a_one_word_institution_opening_a_longer_name_gives_it_no_country(name: str) -> None:
    """"Congress party" is India's as often as "Congress" is America's: one word opening a name is not
    enough to make the name the institution's."""
    assert body_country(name, gazetteer()) is None


def test_a_spokesman_of_a_body_named_after_a_seat_of_government_is_of_its_country(extractor: Extractor) -> None:
    assert countries(extractor, "White House National Security Council spokesman Tom Reyes said the copper "
                                "levy was a grave mistake.") == {"Tom Reyes": "US"}


def bodies(extractor: Extractor, text: str) -> dict[str, str | None]:
    """Each organisation of the registry and its country."""
    docs = [extractor.nlp(text)]
    return {c.name: c.country for c in Registry(docs, gazetteer()).candidates.values() if c.kind == "organization"}


def person_countries(extractor: Extractor, text: str) -> dict[str, str | None]:
    """Each person of the registry and the country the policy gives them (the text's, then world knowledge,
    then their body's)."""
    from graph.extract.policy import _country_of
    docs = [extractor.nlp(text)]
    return {c.name: _country_of(c) for c in Registry(docs, gazetteer()).candidates.values() if c.kind == "person"}


SPELT = [("Kenyan Copper Board", "KCB", "KE"), ("Danish Mining Council", "DMC", "DK"),
         ("Bank of Japan", "BOJ", "JP"), ("Polish Financial Supervision Authority", "PFSA", "PL")]


@pytest.mark.parametrize("body, acronym, code", SPELT)
def test_an_acronym_and_its_people_take_the_country_of_the_body_it_spells(
        extractor: Extractor, body: str, acronym: str, code: str) -> None:
    """"the Swiss National Bank ... SNB chairman Thomas Jordan said": the acronym is the same body, of the
    country its full name gives, and the person the text ties to it is of that country too."""
    text = (f"The {body} raised its copper levy on Monday. "
            f"{acronym} chairman Tomas Varga said the levy would stay.")
    assert bodies(extractor, text).get(acronym) == code
    assert person_countries(extractor, text)["Tomas Varga"] == code


def test_an_acronym_spelling_no_body_or_two_gets_no_country(extractor: Extractor) -> None:
    assert bodies(extractor, "KCB chairman Tomas Varga said the levy would stay.").get("KCB") is None
    two = ("The Kenyan Copper Board and the Kazakh Coal Bureau met. KCB chairman Tomas Varga said the levy "
           "would stay.")
    assert bodies(extractor, two).get("KCB") is None
    assert person_countries(extractor, two)["Tomas Varga"] is None


def test_a_person_of_an_international_body_takes_no_country_from_it(extractor: Extractor) -> None:
    text = "The World Trade Organization met in Geneva. WTO chief Tomas Varga said the levy would stay."
    assert person_countries(extractor, text)["Tomas Varga"] is None


def test_the_text_s_own_country_for_a_person_beats_their_body_s(extractor: Extractor) -> None:
    """A person speaks for their body (the guideline's country), unless the text gives them another."""
    text = "The Kenyan Copper Board raised its levy. Polish KCB adviser Tomas Varga said the levy would stay."
    assert person_countries(extractor, text)["Tomas Varga"] == "PL"


@pytest.mark.parametrize("country, demonym", [("Kenya", "Kenyan"), ("Denmark", "Danish"), ("Japan", "Japanese"),
                                              ("Poland", "Polish")])
def test_a_body_described_by_a_country_s_common_noun_is_of_that_country(
        extractor: Extractor, country: str, demonym: str) -> None:
    """"Chinese technology company Huawei", "Tata, the Indian conglomerate", "Germany's central bank, the
    Bundesbank": a body set beside a common noun qualified by a country is of that country, and so are its
    people."""
    code = gazetteer().lookup(country).code
    for text, body in [
        (f"{demonym} mining group Orvex Holdings said the copper levy was a grave mistake.", "Orvex Holdings"),
        (f"Shares fell after Safaricom, the {demonym} telecoms group, said the levy was a mistake.", "Safaricom"),
        (f"The president of {country}'s central bank, the Halvorsbank, said the copper levy was a mistake.",
         "Halvorsbank"),
    ]:
        assert bodies(extractor, text).get(body) == code, text
    text = (f"{demonym} mining group Orvex Holdings answered the levy. Orvex Holdings chief executive Tomas Varga "
            f"said it was a grave mistake.")
    assert person_countries(extractor, text)["Tomas Varga"] == code


def test_a_body_after_another_phrase_s_noun_is_not_described_by_it(extractor: Extractor) -> None:
    """"after talks with the Kenyan government, Orvex said": the noun ends another phrase, no apposition."""
    got = bodies(extractor, "After talks with the Kenyan government, Orvex Holdings said the copper levy was a "
                            "mistake.")
    assert "Orvex Holdings" in got and got["Orvex Holdings"] is None


@pytest.mark.parametrize("name, code", [("DPRK", "KP"), ("PRC", "CN"), ("ROK", "KR")])
def test_a_country_s_official_abbreviation_names_it(extractor: Extractor, name: str, code: str) -> None:
    assert gazetteer().lookup(name).code == code
    assert people(extractor, f"{name} Foreign Minister Tomas Varga said the copper levy was a grave mistake.") \
        == {"Tomas Varga": code}


@pytest.mark.parametrize("text", [
    "Congress leader Ravi Menon said the copper levy was a grave mistake.",
    "Congress president Ravi Menon said the copper levy was a grave mistake, and the Congress called for a vote.",
    "In Lima, Congress speaker Rosa Paredes said the copper levy was a grave mistake.",
])
def test_a_congress_in_an_article_naming_no_american_actor_is_no_american_one(extractor: Extractor,
                                                                               text: str) -> None:
    """Many states' legislatures and parties are called "Congress": the one-word institution is America's
    only where the article shows America otherwise too."""
    assert set(person_countries(extractor, text).values()) == {None}
    assert bodies(extractor, text).get("Congress") is None


@pytest.mark.parametrize("text", [
    "President Joe Biden urged Congress to act. Congress leader Tom Ridley said the copper levy was a grave "
    "mistake.",
    "Sen. Tom Ridley said Congress would debate the copper levy, which he called a grave mistake.",
    "The United States imposed the levy. Congress would debate it, Tom Ridley of the Congress said.",
])
def test_a_congress_in_an_article_with_american_actors_stays_american(extractor: Extractor, text: str) -> None:
    assert bodies(extractor, text).get("Congress") == "US"


@pytest.mark.parametrize("demonym", ["Kenyan", "Danish", "Japanese", "Polish"])
@pytest.mark.parametrize("text, body", [
    ("Speaking to the {d} trade minister, Microsoft, the software maker, said the copper levy was a mistake.",
     "Microsoft"),
    ("According to the {d} newspaper, Microsoft, the world's biggest software maker, said the copper levy was a "
     "mistake.", "Microsoft"),
    ("After meeting the {d} ambassador, Siemens, the engineering group, said the copper levy was a mistake.",
     "Siemens"),
    ("Apart from the {d} embassy, Microsoft, which buys copper, said the levy was a grave mistake.", "Microsoft"),
    ("The copper levy was condemned by the {d} government, Microsoft, BHP and Anglo American.", "Microsoft"),
    ("The copper levy was condemned by the {d} government, Siemens and Microsoft.", "Siemens"),
    ("{d} Microsoft warehouse staff walked out. Microsoft said the copper levy was a grave mistake.", "Microsoft"),
])
def test_a_body_beside_a_noun_outside_its_clause_s_subject_is_not_described_by_it(
        extractor: Extractor, demonym: str, text: str, body: str) -> None:
    """A country's noun in a phrase before the subject ("Speaking to the Danish minister, Microsoft, the software
    maker, said"), before a list the body is an item of, or that the body's name qualifies ("Microsoft staff")
    says nothing of the body's country. The body must be read as an organisation, or this cannot fail."""
    got = bodies(extractor, text.format(d=demonym))
    assert body in got and got[body] is None


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=9)


@given(st.lists(_WORD, min_size=2, max_size=6), st.lists(st.sampled_from(["of", "for", "and"]), max_size=1))
@settings(max_examples=60, deadline=None)
def test_a_name_and_its_initials_share_an_acronym(words: list[str], small: list[str]) -> None:
    """One helper (graph/names.py) tells the event's terms and the registry's bodies that "SNB" is the "Swiss
    National Bank" and "BOJ" the "Bank of Japan"; a name of one capitalised word spells nothing."""
    capitalised = [w.capitalize() for w in words]
    name = " ".join(capitalised[:1] + small + capitalised[1:])
    short = "".join(w[0] for w in capitalised).upper()
    assert short.lower() in acronyms(name)
    assert acronyms(short) == {short.lower()}
    if small:
        assert "".join(w[0] for w in name.split()).lower() in acronyms(name) or len(name.split()) > 6
    assert acronyms(" ".join([capitalised[0], *words[1:]])) == set()


@pytest.mark.parametrize("body, acronym, code", SPELT[:2])
@pytest.mark.parametrize("tie, holds", [
    ("{a} chairman Tomas Varga", True), ("{a} spokeswoman Tomas Varga", True), ("{a} Governor Tomas Varga", True),
    ("{a}'s chief executive Tomas Varga", True), ("Tomas Varga, a spokesman for the {a},", True),
    ("{a} critic Tomas Varga", False), ("{a} adviser Tomas Varga", False), ("{a}'s Mr Tomas Varga", False),
])
def test_a_person_takes_a_body_s_country_only_under_a_post_held_inside_it(
        extractor: Extractor, body: str, acronym: str, code: str, tie: str, holds: bool) -> None:
    """A chairman, a spokeswoman or a governor speaks for the body (graph/words/body_posts.txt); a critic or an
    adviser the text ties to it, or a courtesy title, says nothing of the person's country."""
    text = f"The {body} raised its copper levy on Monday. {tie.format(a=acronym)} said the levy would stay."
    assert bodies(extractor, text).get(acronym) == code
    assert person_countries(extractor, text)["Tomas Varga"] == (code if holds else None)


@pytest.mark.parametrize("text", [
    "Congress leader Tom Ridley of Ohio said the copper levy was a grave mistake.",
    "Congress condemned the copper levy on Monday. Republican senators called it a grave mistake.",
    "Congress leader Tom Ridley said the copper levy was a grave mistake. Democrats in the House agreed.",
    "Texas lawmakers were split. Congress leader Tom Ridley said the copper levy was a grave mistake.",
])
def test_a_congress_in_an_article_naming_a_us_state_or_party_stays_american(extractor: Extractor,
                                                                            text: str) -> None:
    """A US state ("of Ohio") or party ("Republican senators") shows America as an American actor does."""
    assert bodies(extractor, text).get("Congress") == "US"


@pytest.mark.parametrize("text", [
    "Congress leader Ravi Menon of Kerala said the copper levy was a grave mistake.",
    "Congress leader Ravi Menon said the copper levy was a grave mistake. Christian Democrats in Bavaria agreed.",
    "Miners in the Democratic Republic of Congo met. Congress leader Ravi Menon said the levy was a mistake.",
])
def test_a_congress_beside_another_state_s_place_or_party_is_no_american_one(extractor: Extractor,
                                                                             text: str) -> None:
    assert bodies(extractor, text).get("Congress") is None


@pytest.mark.parametrize("abbreviation, code", [("PRC", "CN"), ("ROK", "KR"), ("DPRK", "KP")])
@pytest.mark.parametrize("rest, organ", [("Foreign Ministry", True), ("Navy", True), ("Embassy", True),
                                         ("Holdings", False), ("Capital", False), ("Trading Company", False)])
def test_a_state_s_abbreviation_gives_a_body_its_country_only_before_a_state_organ(
        extractor: Extractor, abbreviation: str, code: str, rest: str, organ: bool) -> None:
    """"PRC Foreign Ministry" is China's; "PRC Holdings" is a company's letters
    (graph/words/state_abbreviations.txt), and so says nothing of its chairman's country."""
    assert body_country(f"{abbreviation} {rest}", gazetteer()) == (code if organ else None)
    if not organ:
        text = f"{abbreviation} {rest} chairman Tomas Varga said the copper levy was a grave mistake."
        assert person_countries(extractor, text)["Tomas Varga"] is None
