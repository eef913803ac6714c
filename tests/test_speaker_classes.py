"""Classes of speaker errors found on the corpus's train split, each on sentences written for this test.

Each test states one class (a kind of phrase that was taken for a speaker,
or a speaker that was missed), with several sentences of that kind.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Span

from graph.countries import gazetteer
from graph.extract import Extractor
from graph.extract.mentions import Registry
from graph.models import ArticleInput, Extraction
from graph.extract.text import paragraphs
from graph.names import fold

TITLE = "Canada imposes a levy on imported steel"


def run(extractor: Extractor, body: str, title: str = TITLE) -> Extraction:
    return extractor.extract(extractor.prepare(ArticleInput(text=body, title=title)))


def actors(extractor: Extractor, body: str, title: str = TITLE) -> set[str]:
    return {r.actor.name for r in run(extractor, body, title).reactions}


@pytest.mark.parametrize("name", ["Flight KX902", "Convoy 7 Bravo", "Route 66 Express", "Ferry MV21 Aurora"])
@pytest.mark.parametrize("tagged", [False, True])
def test_a_name_with_a_number_is_no_person(extractor: Extractor, name: str, tagged: bool) -> None:
    """A flight, a convoy or a ferry is no one "he" can point back to, whether the NER tagged it as a
    person or missed it (the registry then reads the proper nouns itself)."""
    doc = extractor.nlp(f"{name} vanished over the sea on Monday, and the minister said he was shocked.")
    doc.ents = [Span(doc, 0, len(name.split()), label="PERSON")] if tagged else []
    kinds = {c.name: c.kind for c in Registry([doc], gazetteer()).candidates.values()}
    assert all(kind != "person" for n, kind in kinds.items() if any(ch.isdigit() for ch in n)), kinds


@pytest.mark.parametrize("title", [
    "Norway was hit in 'cowardly' attack",
    "Tanker Zorya was seized in outrageous act",
    "Chile was struck in 'barbaric' raid on its embassy",
    "Senator Ruth Abiodun was attacked in 'despicable' assault",
])
def test_a_headline_about_what_was_done_to_someone_is_not_their_reaction(extractor: Extractor, title: str) -> None:
    body = "Officials gave no further details on Monday.\n\nThe investigation continues."
    got = run(extractor, body, title)
    assert not got.reactions, [(r.actor.name, r.evidence) for r in got.reactions]


@pytest.mark.parametrize("body, expected", [
    ("Harbour bombing: Chile and Peru condemned the attack on Friday.", {"Chile", "Peru"}),
    ("Steel levy row: Mexico rejected the measure as unfair.", {"Mexico"}),
    ("Kestrel bridge attack: Norway condemned the bombing.", {"Norway"}),
])
def test_an_event_named_before_a_colon_is_not_a_speaker(extractor: Extractor, body: str, expected: set[str]) -> None:
    """'Name: quote' is a round-up line only when the name can speak: "Harbour bombing:" names an event."""
    assert actors(extractor, body) == expected


@pytest.mark.parametrize("body, expected", [
    ("Countries such as Chile, Peru and Norway were among the nations that condemned the levy.",
     {"Chile", "Peru", "Norway"}),
    ("Several, including Japan, welcomed the levy on Tuesday.", {"Japan"}),
    ("Similar statements were issued by Chilean President Ana Rojas and Peru's foreign minister Luis Prado.",
     {"Ana Rojas", "Luis Prado"}),
    ("The African Union, the Arab League and the European Union issued statements condemning the levy.",
     {"African Union", "Arab League", "European Union"}),
    ("Governments like Norway and Denmark criticised the levy as protectionist.", {"Norway", "Denmark"}),
    ("The levy drew criticism from allies including Japan and South Korea.", {"Japan", "South Korea"}),
    ("Mexico's neighbours such as Guatemala and Belize also condemned the levy.", {"Guatemala", "Belize"}),
])
def test_every_member_named_for_a_group_that_reacts_reacts(extractor: Extractor, body: str,
                                                          expected: set[str]) -> None:
    """A group speaking through a list ("countries such as", "including", "among those who", "issued by
    A, B and C") is each of the listed actors reacting."""
    assert actors(extractor, body) == expected


ROUND_UP_ABOVE = """Reactions came quickly on Friday.

Chilean President Ana Rojas:

"This levy is an act of aggression against our workers."

Peruvian Prime Minister Luis Prado (speaking in Lima):

"We regret the decision and urge talks."

"Our exporters will suffer."
"""

ROUND_UP_BELOW = """Reactions came quickly on Friday.

"This levy is an act of aggression against our workers."

\u2014Chilean President Ana Rojas

"We regret the decision and urge talks."

\u2014Peru's long-serving, pro-trade Prime Minister Luis Prado
"""

EMBEDDED_POSTS = """Reactions came quickly on Friday.

This levy is an act of aggression against our workers. We will respond. \u2014 Ana Rojas (@anarojas) March 3, 2018

Canada slaps levy on steel https://t.co/abc \u2014 Reuters (@Reuters) March 3, 2018

We regret the decision and urge talks \u2014 Luis Prado (@luisprado) March 4, 2018
"""

SECTIONS = """Reactions came quickly on Friday.

Other Nations:

"This levy is an act of aggression against our workers."

From Latin America:

"We regret the decision and urge talks."
"""


@pytest.mark.parametrize("body, expected", [
    (ROUND_UP_ABOVE, {"Ana Rojas": 1, "Luis Prado": 2}),
    (ROUND_UP_BELOW, {"Ana Rojas": 1, "Luis Prado": 1}),
    (EMBEDDED_POSTS, {"Ana Rojas": 1, "Luis Prado": 1}),
    (SECTIONS, {}),
])
def test_a_round_up_names_its_speakers_on_lines_of_their_own(extractor: Extractor, body: str,
                                                            expected: dict[str, int]) -> None:
    """The name (and title) on a line of its own above the quote ('Name:') or below it ('—Name'), or after an
    embedded post ('... — Name (@handle) Date'), speaks the quote; a news outlet's post or a section
    heading ("Other Nations:", "From Latin America:") names no speaker."""
    got = run(extractor, body)
    assert {r.actor.name for r in got.reactions} == set(expected)
    for reaction in got.reactions:  # the evidence is the speaker's own quote
        assert reaction.evidence.strip('"') and "Reuters" not in reaction.evidence


@pytest.mark.parametrize("line, country", [
    ("\u2014British Prime Minister Alan Whitcombe", "GB"),
    ("\u2014Japanese Foreign Minister Haruto Kimura", "JP"),
    ("Brazilian President Lucia Ferraz:", "BR"),
])
def test_a_name_line_keeps_its_capitals_in_a_title_case_article(extractor: Extractor, line: str, country: str) -> None:
    """A name line is in Title Case because names are: it is not put into sentence case with the headlines."""
    body = f'World Leaders Hail Levy As A Bold Step\n\n"We welcome this levy and its aims."\n\n{line}\n'
    if line.endswith(":"):
        body = f'World Leaders Hail Levy As A Bold Step\n\n{line}\n\n"We welcome this levy and its aims."\n'
    got = run(extractor, body, title="World Leaders Hail Levy As A Bold Step")
    assert [(r.actor.name, r.actor.country) for r in got.reactions] == [(" ".join(line.strip("\u2014:").split()[-2:]), country)]


@given(st.text(alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyz ABC's")), max_size=30))
def test_names_compare_equal_whatever_the_apostrophe(name: str) -> None:
    """"Russia’s foreign ministry" (as a page writes it) and "Russia's foreign ministry" (as the text is
    normalised) are one name."""
    for mark in ("\u2019", "\u2018", "\u02bc"):
        assert fold(name.replace("'", mark)) == fold(name)


@pytest.mark.parametrize("body, name, country", [
    ("Chile's Foreign Ministry called the levy unfair.", "Chile's Foreign Ministry", "CL"),
    ("North Korea's Foreign Ministry called the levy a crime against trade.", "North Korea's Foreign Ministry", "KP"),
    ("Peru's Ministry of Foreign Affairs said it regretted the levy.", "Peru's Ministry of Foreign Affairs", "PE"),
    ("Norway's Defence Ministry said the levy was a grave mistake.", "Norway's Defence Ministry", "NO"),
    ("The Netherlands' Freedom Party welcomed the levy.", "Freedom Party", "NL"),
])
def test_a_state_organ_is_named_with_its_country(extractor: Extractor, body: str, name: str, country: str) -> None:
    """Every state has a foreign ministry: the owner is part of the organ's name. A body with a name of its
    own ("Freedom Party") keeps its name, and the country is its country."""
    got = run(extractor, body).reactions
    assert [(r.actor.name, r.actor.country) for r in got] == [(name, country)]


@pytest.mark.parametrize("body, name, country", [
    ("US Secretary of State Dana Whitfield said the levy was a grave mistake.", "Dana Whitfield", "US"),
    ("Irish Minister of Foreign Affairs Ciaran Doyle said the levy was unjustified.", "Ciaran Doyle", "IE"),
    ("Secretary of State Dana Whitfield of the United States condemned the levy.", "Dana Whitfield", "US"),
    ("Germany's Greta Vogel and France's Lucien Marchand condemned the levy.", "Lucien Marchand", "FR"),
])
def test_a_person_has_the_country_of_their_title(extractor: Extractor, body: str, name: str, country: str) -> None:
    """The country in a title that runs over "of" or "for" ("US Secretary of State"), or after the name
    ("... of the United States"), is the person's; never the country of the person named before them."""
    got = {r.actor.name: r.actor.country for r in run(extractor, body).reactions}
    assert got[name] == country


SECTIONS_BY_COUNTRY = """Leaders reacted on Friday.

CHILE

President Ana Rojas said the levy was an act of aggression.

Peru:

Prime Minister Luis Prado called the levy a grave mistake. He said he had spoken to Ana Rojas.

EUROPEAN UNION

Commission President Marta Lindqvist of the European Commission said the levy was regrettable.
"""


def test_people_first_named_under_a_country_heading_are_of_that_country(extractor: Extractor) -> None:
    """A round-up by country: whoever is first named under "CHILE" or "Peru:" is of that country; a name
    seen before keeps its own, and a heading that is no country ends the section."""
    got = {r.actor.name: r.actor.country for r in run(extractor, SECTIONS_BY_COUNTRY).reactions}
    assert got == {"Ana Rojas": "CL", "Luis Prado": "PE", "Marta Lindqvist": None}


@pytest.mark.parametrize("body, name", [
    ("Sen. Dana Whitfield (D-Conn.) called the levy a grave mistake.", "Dana Whitfield"),
    ("\"This levy is wrong,\" Rep. Carl Ostrander, R-Ohio, said on Friday.", "Carl Ostrander"),
    ("Senator Ruth Kessler (I-Vt.) praised the levy as long overdue.", "Ruth Kessler"),
    ("\"This is shameful,\" tweeted Sen. Carl Ostrander, R-Ariz. \"We deserve better.\"", "Carl Ostrander"),
    ("The levy was criticised by Rep. Dana Whitfield, D-N.M. She called it a grave mistake.", "Dana Whitfield"),
])
def test_a_us_party_and_state_tag_makes_a_politician_american(extractor: Extractor, body: str, name: str) -> None:
    """"(D-Conn.)", ", R-Ohio," after a name: a member of the US Congress, whatever else the text says."""
    got = {r.actor.name: r.actor.country for r in run(extractor, body).reactions}
    assert got[name] == "US"


@pytest.mark.parametrize("body, name, country", [
    ("Vermont Sen. Dana Whitfield said the levy was a grave mistake.", "Dana Whitfield", "US"),
    ("Sen. Carl Ostrander of South Carolina praised the levy as long overdue.", "Carl Ostrander", "US"),
    ("Former Arkansas Gov. Ruth Kessler condemned the levy.", "Ruth Kessler", "US"),
    ("Georgia's foreign minister Levan Kapanadze condemned the levy.", "Levan Kapanadze", "GE"),
])
def test_a_politician_described_by_a_state_of_a_country_is_of_that_country(extractor: Extractor, body: str,
                                                                          name: str, country: str) -> None:
    """"Vermont Sen.", "of South Carolina": a state of a country (graph/words/subdivisions.txt) describes
    its politicians as the country's name would; a country's own name still wins ("Georgia")."""
    got = {r.actor.name: r.actor.country for r in run(extractor, body).reactions}
    assert got[name] == country


@pytest.mark.parametrize("body, name, country", [
    ("Chinese Foreign Ministry spokesperson Li Wen called the levy an act of bullying.", "Li Wen", "CN"),
    ("Hans Brenner, president of the German Steel Federation, said the levy was a grave mistake.",
     "Hans Brenner", "DE"),
    ("Dana Whitfield, president of the Alliance for American Manufacturing, welcomed the levy.",
     "Dana Whitfield", "US"),
    ("Marta Lindqvist, a spokeswoman for the United Nations, said the levy was regrettable.",
     "Marta Lindqvist", None),
])
def test_a_person_has_the_country_of_the_body_they_speak_for(extractor: Extractor, body: str, name: str,
                                                             country: str | None) -> None:
    """A body whose name carries a country ("Chinese Foreign Ministry", "German Steel Federation") gives
    it to the person described by it, as the registry gives it to the body; an international body none."""
    got = {r.actor.name: r.actor.country for r in run(extractor, body).reactions}
    assert got[name] == country


@pytest.mark.parametrize("noun", ["Criticism", "Condemnation", "Statements of concern", "Praise", "Strong support"])
@pytest.mark.parametrize("verb", ["came", "quickly came"])
@pytest.mark.parametrize("sources, expected", [
    ("Chile and Peru", {"Chile", "Peru"}),
    ("the Arab League, Norway and the European Union", {"Arab League", "Norway", "European Union"}),
    ("allies including Japan and South Korea", {"Japan", "South Korea"}),
])
def test_a_reaction_that_came_from_someone_is_theirs(extractor: Extractor, noun: str, verb: str, sources: str,
                                                    expected: set[str]) -> None:
    """"Criticism came from X and Y": a reaction noun as the subject, its sources after "from" on the verb,
    as in "drew criticism from X"."""
    assert actors(extractor, f"{noun} {verb} from {sources} on Friday.") == expected


@pytest.mark.parametrize("body, expected", [
    ("China, the UK, and Australia have also voiced concern about the levy.", {"China", "United Kingdom", "Australia"}),
    ("Chile, the Netherlands and Peru condemned the levy.", {"Chile", "Netherlands", "Peru"}),
    ("Norway, the European Union, and Japan criticised the levy.", {"Norway", "European Union", "Japan"}),
])
def test_every_name_of_a_list_of_speakers_speaks(extractor: Extractor, body: str, expected: set[str]) -> None:
    """A list whose second name the parser hangs on the first as an apposition ("China, the UK, and
    Australia") is still three speakers."""
    assert actors(extractor, body) == expected


@pytest.mark.parametrize("adjective, name, country", [
    ("French", "French government", "FR"), ("Chilean", "Chilean government", "CL"),
    ("U.K.", "U.K. government", "GB"), ("Australian", "Australian government", "AU"),
])
def test_a_government_named_by_its_country_is_a_body_of_that_country(extractor: Extractor, adjective: str,
                                                                     name: str, country: str) -> None:
    """"The French government said" is the government speaking, a body of France, as the corpus names it
    (its `actor` or an alias "French government"); "the government" after it is the same body."""
    body = (f"The {adjective} government called the levy a grave mistake on Friday.\n\n"
            "The government said it would respond in kind.")
    got = [(r.actor.name, r.actor.kind, r.actor.country) for r in run(extractor, body).reactions]
    assert got == [(name, "organization", country)]


@given(first=st.sampled_from(["Ursula", "Ayman", "Pieter", "Marta", "Ines"]),
       particles=st.sampled_from(["von der", "van", "van den", "da", "al", "de", "bin"]),
       surname=st.sampled_from(["Leyen", "Safadi", "Graaf", "Berg", "Costa"]),
       cut=st.integers(min_value=0, max_value=2), rest_tagged=st.booleans())
@settings(max_examples=40, deadline=None)
def test_a_surname_with_particles_is_one_name(extractor: Extractor, first: str, particles: str, surname: str,
                                              cut: int, rest_tagged: bool) -> None:
    """"von der", "da", "al": where the NER ends a person's name at or inside the lower-case particles of
    the surname (and may take the rest for a place), the person is the whole name, and the rest no one."""
    name = f"{first} {particles} {surname}"
    doc = extractor.nlp(f"{name} said the levy was a grave mistake.")
    n = len(name.split())
    if doc[n - 1].pos_ != "PROPN":
        return  # (the tagger took the surname for no name: another class)
    ents = [Span(doc, 0, 1 + min(cut, n - 2), label="PERSON")]
    if rest_tagged:
        ents.append(Span(doc, n - 1, n, label="GPE"))
    doc.ents = ents
    names = {c.name: c.kind for c in Registry([doc], gazetteer()).candidates.values()}
    assert names == {name: "person"}, names


@pytest.mark.parametrize("modifier", ["recently elected", "newly appointed", "pro-Western", "long-serving",
                                      "outgoing"])
@pytest.mark.parametrize("country, code", [("Italy's", "IT"), ("Chilean", "CL"), ("Ukraine's", "UA")])
def test_a_title_keeps_its_country_over_what_it_says_of_its_holder(extractor: Extractor, modifier: str,
                                                                   country: str, code: str) -> None:
    """"Italy's recently elected prime minister Ana Rojas": an adverb, a participle or a hyphenated
    adjective inside the title does not cut the country off it."""
    got = run(extractor, f"{country} {modifier} prime minister Ana Rojas condemned the levy.").reactions
    assert [(r.actor.name, r.actor.country) for r in got] == [("Ana Rojas", code)]


@pytest.mark.parametrize("compound", ["Indian-origin", "Turkish-born", "US-educated", "Chilean-American"])
def test_a_country_inside_a_hyphenated_compound_is_not_the_title_holders(extractor: Extractor,
                                                                          compound: str) -> None:
    """"Indian-origin Prime Minister Leo Varadkar" is not India's: a country joined by a hyphen to another
    word describes the person's origin or training, not the state they speak for."""
    got = run(extractor, f"{compound} Prime Minister Ana Rojas condemned the levy.").reactions
    assert [(r.actor.name, r.actor.country) for r in got] == [("Ana Rojas", None)]


# (name, title before the name, title after it, country): invented people, real titles and countries
CAPITALS_SPEAKERS = [
    ("Luis Prado", "Peruvian Foreign Minister", "Foreign Minister of Peru", "PE"),
    ("Kenji Tanaka", "Japanese Trade Minister", "Trade Minister of Japan", "JP"),
    ("Maria Lopez", "Mexican Economy Minister", "Economy Minister of Mexico", "MX"),
]


@given(st.sampled_from(CAPITALS_SPEAKERS), st.sampled_from(["{title} {name}", "{name}, {after}", "{name}"]),
       st.sampled_from(["\u201c{q}.\u201d", '"{q}," {surname} said.']))
@settings(max_examples=25, deadline=None)
def test_a_speaker_line_in_capitals_names_its_speaker_as_a_name_is_written(
        extractor: Extractor, speaker: tuple[str, str, str, str], layout: str, quote: str) -> None:
    """Round-ups set the speaker's name and title in capitals on a line above the quote ("ANA ROJAS,
    PRESIDENT OF CHILE"): the speaker is named as names are written ("Ana Rojas", not "ANA ROJAS"),
    with the country of the title, whether the title comes before the name, after it, or not at all."""
    name, title, after, country = speaker
    line = layout.format(title=title, name=name, after=after).upper()
    said = quote.format(q="This levy is a grave mistake that will cost our miners their jobs",
                        surname=name.split()[-1])
    body = f"Leaders reacted to the copper levy on Friday.\n\n{line}\n\n{said}\n"
    got = {r.actor.name: r.actor.country for r in run(extractor, body).reactions}
    assert name in got, (line, got)
    assert not any(n.isupper() for n in got), got
    if layout != "{name}":
        assert got[name] == country


@given(st.sampled_from(["\u2022 ", "- ", "* ", "\u2022", "*", "\u00b7 "]),
       st.lists(st.sampled_from([("Norway", 'Condemned the levy as "a grave mistake".'),
                                 ("Peru", "Welcomed the levy as fair."),
                                 ("Japan", "Called the levy unfair and vowed to respond."),
                                 ("Mexico", "Condemned the levy as unfair.")]),
                min_size=1, max_size=3, unique_by=lambda item: item[0]))
@settings(max_examples=25, deadline=None)
def test_a_list_item_of_a_country_and_what_it_said_is_its_reaction(
        extractor: Extractor, mark: str, items: list[tuple[str, str]]) -> None:
    """A round-up's list "• Country: what it said": the mark before the name (a bullet, a hyphen or an
    asterisk, with a space or not) does not hide the country that speaks."""
    lines = "\n".join(f"{mark}{country}: {said}" for country, said in items)
    body = f"Leaders reacted to the copper levy on Friday.\n\nOther nations responded too.\n{lines}\n"
    assert actors(extractor, body) == {country for country, _ in items}


@given(st.lists(st.tuples(st.sampled_from(["", "\u2022 ", "- ", "*", "\u2014", "  - "]),
                          st.sampled_from(["Chile: It is wrong.", "Canada -", "Russian President Ivan Petrov",
                                           '"We regret it," he said.', "Peru:"])), min_size=1, max_size=6))
def test_a_list_item_s_paragraph_points_into_the_text(lines: list[tuple[str, str]]) -> None:
    """Leaving a list item's mark out of its paragraph keeps every paragraph where the text has it (the
    reactions' spans are offsets into the text), and a mark that is no list item's stays."""
    text = "Leaders reacted.\n" + "\n".join(mark + line for mark, line in lines)
    for para in paragraphs(text):
        assert text[para.start:para.start + len(para.text)] == para.text
        if "Chile:" in para.text:  # an item that names its speaker begins at the name (a signing dash stays)
            assert para.text.startswith(("Chile", "\u2014Chile")), para.text
        if "Canada -" in para.text or para.text.endswith("Peru:"):
            assert para.text.lstrip("\u2022*- \u2014") in ("Canada -", "Peru:"), para.text


@given(st.sampled_from([("Chile", "Foreign Minister Luis Prado", "Luis Prado"),
                        ("Japan", "Trade Minister Kenji Tanaka", "Kenji Tanaka"),
                        ("Mexico", "Economy Minister Maria Lopez", "Maria Lopez")]),
       st.booleans(), st.sampled_from(["", "\u2022 ", "- "]),
       st.sampled_from(["{who} said the levy was a grave mistake.", "{who} called the levy unfair.",
                        "{who} welcomed the levy as long overdue."]))
@settings(max_examples=25, deadline=None)
def test_a_country_label_before_its_official_s_own_sentence_is_not_the_speaker(
        extractor: Extractor, entry: tuple[str, str, str], capitals: bool, mark: str, sentence: str) -> None:
    """"CHILE: Foreign Minister Luis Prado said ...": the country before the colon labels the sentence of
    an official it names; the official speaks, with that country, and the country is not a second
    speaker of the same words."""
    country, who, name = entry
    label = country.upper() if capitals else country
    body = f"Leaders reacted to the copper levy on Friday.\n\n{mark}{label}: {sentence.format(who=who)}\n"
    got = {r.actor.name: r.actor.country for r in run(extractor, body).reactions}
    assert got == {name: gazetteer().lookup(country).code}, got


@given(st.sampled_from(["Photo", "PHOTO", "Watch", "WATCH", "Video", "VIDEO", "Pictured", "File photo"]),
       st.sampled_from([":", " -", " \u2014", " |"]),
       st.sampled_from(["Chilean President Ana Rojas condemned the levy in Santiago on Friday.",
                        "Peru's president speaks on the levy", "Japan's foreign minister criticises the levy"]),
       st.sampled_from(["Al Jazeera's Sinem Koseoglu reports on Turkey's reaction from Ankara.",
                        "Our correspondent Tom Hale reports from Lima on Peru's response.",
                        "Dana Whitfield reports on Mexico's reaction."]))
@settings(max_examples=30, deadline=None)
def test_a_caption_or_a_clip_s_line_is_no_reaction(extractor: Extractor, prefix: str, mark: str, caption: str,
                                                   correspondent: str) -> None:
    """A line that labels a picture or a video ("Photo: ...", "WATCH - ...", whatever its case and mark) and
    a correspondent's line ("X reports on Turkey's reaction from Ankara") tell no one's reaction; the
    article's real reactions stay."""
    body = (f"Canada imposed a levy on imported steel on Friday.\n\n{prefix}{mark} {caption}\n\n{correspondent}\n\n"
            "Norway condemned the levy as unfair.\n")
    assert actors(extractor, body) == {"Norway"}


@given(st.sampled_from(["BACKGROUND", "WHAT HAPPENS NEXT", "KEY EVENTS", "WORLD REACTS TO COPPER LEVY",
                        "REACTION", "THE COPPER LEVY AND ITS COSTS"]),
       st.sampled_from(['"Nothing will change for the copper levy," an analyst said.',
                        '"Markets fell sharply on the news of the copper levy."']))
@settings(max_examples=20, deadline=None)
def test_a_section_heading_in_capitals_names_no_speaker(extractor: Extractor, heading: str, quote: str) -> None:
    """Written as names are, a heading in capitals that names no one ("WHAT HAPPENS NEXT", "WORLD REACTS TO
    COPPER LEVY") still names no speaker of the unattributed quote under it: the words the body writes
    in lowercase ("copper levy") lose their capitals."""
    body = f"Leaders reacted to the copper levy on Friday.\n\n{heading}\n\n{quote}\n\nNorway condemned the levy.\n"
    assert actors(extractor, body) == {"Norway"}


@given(word=st.sampled_from(["Countries", "Groups", "Nations", "Governments", "Allies", "Unions", "Neighbours"]),
       verb=st.sampled_from(["condemned", "criticised", "welcomed", "have expressed concern over"]),
       heading=st.booleans())
@settings(max_examples=30, deadline=None)
def test_a_common_word_capitalised_is_no_actor(extractor: Extractor, word: str, verb: str, heading: bool) -> None:
    """"Countries have expressed concern", "Groups warn": a common word capitalised at a sentence's start
    (or in a heading) is that word, not a body's name, where the article writes it in lower case too;
    the named speakers beside it still speak."""
    opening = f"{word} {verb} the levy." if not heading else f"{word} react to the levy"
    body = (f"{opening}\n\nMany {word.lower()} voiced alarm on Monday. "
            f"Norway's foreign minister Ola Berg condemned the levy as unfair.")
    got = actors(extractor, body)
    assert word not in got and "Ola Berg" in got, got


@given(sentence=st.sampled_from(["Doctors who treated the injured said supplies were short.",
                                  "Those who fled the city said the roads were closed."]),
       verb=st.sampled_from(["condemned", "criticised"]))
@settings(max_examples=8, deadline=None)
def test_an_acronym_is_a_name_whatever_the_words_around_it(extractor: Extractor, sentence: str, verb: str) -> None:
    """"The WHO condemned ..." beside "doctors who ...": an acronym is never the common word it spells (a
    fresh-eyes review found the WHO dropped whenever an article also used "who")."""
    body = f"The WHO {verb} the levy on Monday, calling it a grave mistake.\n\n{sentence}"
    assert "WHO" in actors(extractor, body)


@pytest.mark.parametrize("name", ["Hamas", "Greenpeace", "Oxfam"])
def test_a_one_word_name_the_article_never_writes_in_lower_case_still_speaks(extractor: Extractor, name: str) -> None:
    body = f"{name} condemned the levy on Monday, calling it a grave mistake.\n\nOther countries were silent."
    assert name in actors(extractor, body)


QUOTED_NAMES = ["Donald Trump", "Ana Rojas", "Luis Prado", "Maria Lindqvist", "Peter Okafor"]
SPEAKING_NAMES = ["Jonas Gahr", "Emmanuel Macron", "Keir Starmer", "Olaf Berg", "Marta Silva"]


@given(quoted=st.sampled_from(QUOTED_NAMES), speaker=st.sampled_from(SPEAKING_NAMES),
       shape=st.sampled_from([
           '"I look forward to working with {quoted} in the years ahead," he said.',
           '"Congratulations, President {quoted}," wrote {speaker} on social media.',
           '"We thank {quoted} for this levy, which we welcome," he added.',
       ]))
@settings(max_examples=30, deadline=None)
def test_a_name_inside_the_quotation_is_not_its_speaker(extractor: Extractor, quoted: str, speaker: str,
                                                        shape: str) -> None:
    """The one named inside a quotation is spoken to or of, not the one speaking: the reporting clause
    outside the quote ("he said", "wrote X") points to a speaker outside it."""
    body = (f"Prime Minister {speaker} welcomed the levy on Monday.\n\n"
            + shape.format(quoted=quoted, speaker=speaker))
    got = actors(extractor, body)
    assert quoted not in got and speaker in got, (body, got)


@given(name=st.sampled_from(["Memorial", "Sumar"]),
       said=st.sampled_from(["condemned the levy as unlawful", "called the levy a grave mistake"]),
       mark=st.sampled_from(['"{}"', "“{}”"]))
@settings(max_examples=15, deadline=None)
def test_a_name_in_quotation_marks_is_still_the_subject(extractor: Extractor, name: str, said: str, mark: str) -> None:
    """'"Memorial" condemned the verdict': a name in quotation marks (as translated press writes parties and
    groups) is its verb's subject; only a quotation closed by a comma before its verb is the quote's words
    (a fresh-eyes review found such names dropped)."""
    body = f"Canada imposed a levy on steel on Monday.\n\n{mark.format(name)} {said}."
    assert name in actors(extractor, body)


BODY_HEADS = [
    ("UN", "United Nations Secretary-General Antonio Guterres", "Antonio Guterres"),
    ("EU", "European Union foreign policy chief Kaja Kallas", "Kaja Kallas"),
    ("African Union", "African Union Commission chairperson Moussa Faki", "Moussa Faki"),
]


@given(head=st.sampled_from(BODY_HEADS),
       heading=st.sampled_from(["{body} calls for restraint", "{body} condemns levy", "{body} regrets decision"]),
       said=st.sampled_from(["condemned the levy as unlawful", "called the levy a grave mistake and urged talks"]))
@settings(max_examples=25, deadline=None)
def test_a_body_in_a_subheading_over_its_heads_quote_is_one_reaction(extractor: Extractor, head: tuple[str, str, str],
                                                                     heading: str, said: str) -> None:
    """A round-up's subheading naming a body ("UN calls for restraint") over the quote of the one person
    who speaks for it ("United Nations Secretary-General Antonio Guterres ...") is that person's reaction
    told twice, not a second one of the body."""
    body_name, described, person = head
    body = (f"Canada imposed a levy on steel on Monday.\n\n{heading.format(body=body_name)}\n\n"
            f"{described} {said}.")
    got = actors(extractor, body)
    assert person in got and body_name not in got, (body, got)


@given(body_and_person=st.sampled_from([
    ("UN", "Mexico's ambassador to the UN, Juan Ramon de la Fuente,", "Juan Ramon de la Fuente"),
    ("NATO", "Former NATO secretary-general Anders Fogh Rasmussen", "Anders Fogh Rasmussen"),
]), heading=st.sampled_from(["{body} calls for restraint", "{body} regrets decision"]))
@settings(max_examples=10, deadline=None)
def test_a_body_in_a_subheading_over_an_envoy_or_a_former_officer_still_reacts(
        extractor: Extractor, body_and_person: tuple[str, str, str], heading: str) -> None:
    """A country's envoy to a body, or its former head, does not speak for it: the body's subheading stays
    its own reaction (a fresh-eyes review found it merged into such a person)."""
    body_name, described, person = body_and_person
    body = (f"Canada imposed a levy on steel on Monday.\n\n{heading.format(body=body_name)}\n\n"
            f"{described} condemned the levy as unlawful.")
    got = actors(extractor, body)
    assert body_name in got, (body, got)


def test_a_body_in_a_subheading_over_someone_elses_quote_still_reacts(extractor: Extractor) -> None:
    body = ("Canada imposed a levy on steel on Monday.\n\nUN calls for restraint\n\n"
            "Norway's foreign minister Espen Eide called the levy a grave mistake.")
    assert {"UN", "Espen Eide"} <= actors(extractor, body)


@given(decider=st.sampled_from(["Canada", "Mexico", "Japan"]),
       aside=st.sampled_from(["accusing Chile of dumping cheap steel", "calling it a shield for its mills",
                              "citing a glut on world markets", "claiming its mills were under threat"]),
       reactor=st.sampled_from(["Peru", "Norway", "Brazil"]))
@settings(max_examples=25, deadline=None)
def test_a_participle_on_the_decision_is_the_decision_not_a_reaction(extractor: Extractor, decider: str, aside: str,
                                                                     reactor: str) -> None:
    """"Canada imposed a levy, accusing Chile of dumping": the participle tells the act's grounds, so the
    one who acted has made the event, not reacted to it; a defence of its own ("Canada defended the levy,
    saying ...") is still a reaction, below."""
    body = f"{decider} imposed a levy on imported steel on Monday, {aside}.\n\n{reactor} condemned the levy."
    got = actors(extractor, body, title=f"{decider} imposes a levy on imported steel")
    assert got == {reactor}, (body, got)


def test_a_decision_makers_own_defence_is_still_its_reaction(extractor: Extractor) -> None:
    body = ("Canada imposed a levy on imported steel on Monday.\n\n"
            "Canada defended the levy, saying it would protect jobs.\n\nPeru condemned the levy.")
    got = {r.actor.name: r.stance for r in run(extractor, body).reactions}
    assert got == {"Canada": "support", "Peru": "oppose"}, got


@given(city=st.sampled_from([("Ottawa", "Canada"), ("Oslo", "Norway"), ("Lima", "Peru"), ("Dublin", "Ireland"),
                             ("New Delhi", "India")]),
       dateline=st.sampled_from(["{city}: ", "{city} [{country}], Feb 15 (ANI): ", "{city}, May 26 : "]),
       sentence=st.sampled_from([
           "Over 40 countries and at least three organisations condemned the levy on imported steel on Monday.",
           "The international community has extended support to {country} after the levy came into force.",
       ]))
@settings(max_examples=30, deadline=None)
def test_a_dateline_names_no_speaker(extractor: Extractor, city: tuple[str, str], dateline: str,
                                     sentence: str) -> None:
    """"New Delhi: Over 40 countries condemned ...": a story's dateline tells where it was filed; the
    capital's country says nothing there (a round-up label, "Norway:", names a speaker, and does)."""
    name, country = city
    body = (dateline + sentence).format(city=name, country=country) + "\n\nChile condemned the levy as unfair."
    got = actors(extractor, body)
    assert country not in got and "Chile" in got, (body, got)


@given(capitals=st.sampled_from([(("Beijing", "China"), ("Moscow", "Russia")), (("Tokyo", "Japan"), ("Seoul", "South Korea")),
                                  (("Moscow", "Russia"), ("Tokyo", "Japan"), ("Beijing", "China"))]))
@settings(max_examples=5, deadline=None)
def test_capital_labels_of_a_round_up_name_their_countries(extractor: Extractor,
                                                           capitals: tuple[tuple[str, str], ...]) -> None:
    """"Beijing: The foreign ministry said ...", "Moscow: ...": several capital labels are a round-up's, each
    naming its country's speaker, not a story's one dateline (a fresh-eyes review found them all dropped)."""
    body = "World reacts to the levy on steel\n\nCanada imposed a levy on imported steel on Monday.\n\n" + "\n\n".join(
        f"{city}: The foreign ministry said the levy violated international trade law and was a grave mistake."
        for city, _ in capitals)
    got = actors(extractor, body)
    assert all(any(country in a for a in got) for _, country in capitals), (body, got)


def test_a_label_naming_a_country_still_names_its_speaker(extractor: Extractor) -> None:
    body = "Canada imposed a levy on steel on Monday.\n\nNorway: \"The levy is a grave mistake and we condemn it.\""
    assert "Norway" in actors(extractor, body)


@given(who=st.sampled_from(["Chile", "Norway", "The White House", "Japan's foreign ministry"]),
       declining=st.sampled_from([
           "{who} did not respond to questions about the levy.",
           "{who} declined to comment on the levy.",
           "{who} maintained a stoic silence on the issue.",
           "A spokesman said {who} had no immediate comment on the levy.",
           "{who} did not reply to requests for comment.",
       ]))
@settings(max_examples=30, deadline=None)
def test_declining_to_comment_is_no_reaction(extractor: Extractor, who: str, declining: str) -> None:
    """"The White House did not respond to questions", "China maintained a stoic silence": saying that
    nothing was said is no stance toward the event, not even a neutral one."""
    body = "Peru condemned the levy as unfair on Monday. " + declining.format(who=who)
    got = actors(extractor, body)
    assert got == {"Peru"}, (body, got)


@given(who=st.sampled_from(["Chile", "Norway", "Japan's foreign ministry"]),
       line=st.sampled_from([
           "{who} denounced the deafening silence of the international community over the levy.",
           "{who} said it would not comment on the details but called the levy regrettable.",
           "{who} declined to comment on the talks but condemned the levy as unfair.",
       ]))
@settings(max_examples=20, deadline=None)
def test_a_statement_beside_a_refusal_or_about_silence_is_still_a_reaction(extractor: Extractor, who: str,
                                                                           line: str) -> None:
    """Refusing to comment on one thing while judging the event, or condemning others' silence, says
    something (a fresh-eyes review found both dropped as declining)."""
    body = "Peru condemned the levy as unfair on Monday. " + line.format(who=who)
    assert who in actors(extractor, body)


def test_responding_with_words_is_still_a_reaction(extractor: Extractor) -> None:
    body = "Peru condemned the levy on Monday. Chile's foreign ministry responded that the levy was a grave mistake."
    assert "Chile's foreign ministry" in actors(extractor, body)


@given(body_name=st.sampled_from(["Congress", "Parliament", "The Senate"]),
       line=st.sampled_from(["{body} reacts to the levy", "The reaction from {body} was swift on Monday.",
                             "{body} responded on Monday, as lawmakers weighed in."]))
@settings(max_examples=20, deadline=None)
def test_reacting_with_nothing_of_how_is_no_reaction(extractor: Extractor, body_name: str, line: str) -> None:
    """"Congress Reacts To Trump's Meeting", "the reactions from Capitol Hill were split": that a body
    reacted, with no word of how, is no stance; the reactions are those told after it."""
    body = line.format(body=body_name) + "\n\nSenator Ana Rojas condemned the levy as a grave mistake."
    got = actors(extractor, body)
    assert got == {"Ana Rojas"}, (body, got)


@pytest.mark.parametrize("line", ["Chile reacted angrily to the levy.", "Chile responded with anger to the levy.",
                                  "Chile, Peru and Norway also reacted positively to the levy."])
def test_reacting_with_a_word_of_how_is_a_reaction(extractor: Extractor, line: str) -> None:
    assert "Chile" in actors(extractor, line)


@given(description=st.sampled_from(["state-run news agency", "the daily", "news agency", "the tabloid", "radio network",
                                    "state news agency", "news outlet"]),
       outlet=st.sampled_from(["Veltra", "KBX", "Marenta", "Orlin", "TVQ"]),
       shape=st.sampled_from(["Chile condemned the levy on Monday, according to {who}.",
                              "Chile condemned the levy as unfair, {who} said on Monday.",
                              "The levy is theft, Chile's trade minister told {who} on Monday."]))
@settings(max_examples=25, deadline=None)
def test_a_name_the_text_calls_a_news_outlet_is_no_reactor(extractor: Extractor, description: str, outlet: str,
                                                           shape: str) -> None:
    """"Russian state-run news agency RIA", "the Peruvian radio network RPP": what the words before an unknown
    name call it makes it a news outlet, which reports reactions and makes none, whatever the NER read
    the name as."""
    got = actors(extractor, shape.format(who=f"{description} {outlet}"))
    assert not any(outlet in name for name in got), got


@given(description=st.sampled_from(["state agency", "state-run agency", "state nuclear agency", "state corporation"]),
       body=st.sampled_from(["Rosatom", "Energoatom", "Roscosmos"]))
@settings(max_examples=12, deadline=None)
def test_a_state_body_is_no_news_outlet(extractor: Extractor, description: str, body: str) -> None:
    """"Russian state agency Rosatom criticised the deal": a state agency is a body of its government, which
    may react; only a news agency, a broadcaster or a paper reports (a list that held "state agency" for
    "state-run agency RIA" dropped such bodies)."""
    got = actors(extractor, f"The {description} {body} criticised the levy as short-sighted on Monday.")
    assert any(body in name for name in got), got


@pytest.mark.parametrize("outlet", ["KBX", "TVQ", "YNT"])
def test_a_broadcaster_named_by_initials_is_no_reactor(extractor: Extractor, outlet: str) -> None:
    """"local broadcaster YTN": "broadcaster" is also a person's trade ("veteran broadcaster Ana Dace",
    a person who may react), so it makes an outlet only of a name no one reads as a person's."""
    got = actors(extractor, f"Chile condemned the levy on Monday, according to local broadcaster {outlet}.")
    assert got == {"Chile"}
    got = actors(extractor, "Veteran broadcaster Ana Dace called the levy a disgrace on Monday.")
    assert any("Dace" in name for name in got), got


@given(head=st.sampled_from(["Government", "Commission", "Ministry", "Council", "Committee", "Administration",
                             "Parliament", "Embassy"]),
       shape=st.sampled_from(["The {h} said the levy was a mistake.", "The {h} condemned the levy on Monday.",
                              "\"The levy is theft,\" the {h} said in a statement."]))
@settings(max_examples=20, deadline=None)
def test_a_word_for_a_kind_of_body_alone_names_no_actor(extractor: Extractor, head: str, shape: str) -> None:
    """"The Government said", "the Commission condemned": capitalised, a word for a kind of body is still
    no body's name (an extra actor "Government" is no one); a name with it is one ("Foreign Ministry")."""
    got = actors(extractor, "Norway's trade minister met officials on Sunday.\n\n" + shape.format(h=head))
    assert head not in got, got
    got = actors(extractor, "The Foreign Ministry condemned the levy on Monday.")
    assert "Foreign Ministry" in got, got


@given(actor=st.sampled_from(["Canada", "Chile", "Norway", "Kenya"]),
       title=st.sampled_from(["{a} stands by steel levy despite backlash", "{a} upholds steel levy, shrugging off US anger"]))
@settings(max_examples=8, deadline=None)
def test_a_deciders_defiant_headline_is_its_defence(extractor: Extractor, actor: str, title: str) -> None:
    """"Canada stands by steel levy despite backlash": the decision-maker keeping its act against its critics
    defends it, a reaction the guideline counts (a rule that read any headline verb of no saying or judging
    as the act itself lost these)."""
    body = f"{actor} upheld its levy on imported steel on Monday, stunning its partners.\n\nMexico condemned the move as reckless."
    got = {r.actor.name: r.stance for r in run(extractor, body, title.format(a=actor)).reactions}
    assert got.get(actor) == "support" and got.get("Mexico") == "oppose", got


_SEATS = [("the Kremlin", "Kremlin", "Russia", "Russia"), ("the White House", "White House", "The United States", "United States"),
          ("Downing Street", "Downing Street", "Britain", "United Kingdom")]


@given(seat=st.sampled_from(_SEATS), act=st.sampled_from([
    ("banned imports of Moldovan wine on Friday", "defended the ban as necessary to protect consumers"),
    ("imposed 50 percent tariffs on steel on Thursday", "defended the tariffs as a shield for workers against unfair competition"),
    ("recalled its ambassador to Chile on Monday", "said the recall would last until Chile explained itself"),
    ("left the fisheries treaty on Monday", "announced the withdrawal in a statement on Monday"),
]))
@settings(max_examples=20, deadline=None)
def test_a_seat_of_the_deciding_government_speaks_for_the_decider(extractor: Extractor, seat: tuple[str, str, str, str],
                                                                  act: tuple[str, str]) -> None:
    """"Russia banned the imports. The Kremlin defended the ban": the seat is a body of its own (named so),
    but its government made the decision, so what it says is the decider's, judged as the country's own
    words would be (a defence supports, an announcement is the act told again); the seat of another
    government reacts like anyone ("the Kremlin condemned Norway's expulsions")."""
    written, name, country, country_name = seat
    decided, said = act
    text = "{country} {decided}.\n\n{who} {said}.\n\nGermany said it regretted the decision."
    by_seat = {r.actor.name: r.stance for r in run(extractor, text.format(
        country=country, decided=decided, who=written[0].upper() + written[1:], said=said)).reactions}
    by_country = {r.actor.name: r.stance for r in run(extractor, text.format(
        country=country, decided=decided, who=country, said=said)).reactions}
    assert by_seat.get(name) == by_country.get(country_name) and by_seat.get("Germany") == "oppose", (by_seat, by_country)
    other = (f"Norway expelled 15 diplomats of {country} on Thursday, accusing them of spying.\n\n"
             f"{written[0].upper() + written[1:]} condemned the expulsions as an unfriendly act.")
    got = {r.actor.name: r.stance for r in run(extractor, other).reactions}
    assert got.get(name) == "oppose", got


@given(seat=st.sampled_from(_SEATS), maker=st.sampled_from([
    "A {adj} court struck down the government's steel levy on Friday",
    "{country}'s central bank devalued the currency by 30 percent on Wednesday",
    "A {adj} carmaker said on Monday it would close two plants and cut 5,000 jobs",
]))
@settings(max_examples=12, deadline=None)
def test_a_seat_reacts_like_anyone_to_what_others_of_its_country_decided(extractor: Extractor,
                                                                          seat: tuple[str, str, str, str],
                                                                          maker: str) -> None:
    """"A US court struck down the tariffs. The White House condemned the decision": the seat speaks for
    the government, which did not decide here; its own words give its stance."""
    written, name, country, _ = seat
    adj = {"Russia": "Russian", "The United States": "US", "Britain": "British"}[country]
    lead = maker.format(adj=adj, country=country.removeprefix("The "))
    body = f"{lead}.\n\n{written[0].upper() + written[1:]} condemned the decision as reckless."
    got = {r.actor.name: r.stance for r in run(extractor, body).reactions}
    assert got.get(name) == "oppose", got


_LEVY = "Canada imposed a 25 percent levy on imported steel on Monday.\n\n"


@pytest.mark.parametrize("sentence, speaker", [
    ("Chile reiterated that the levy was a grave mistake.", "Chile"),
    ("Brazil's foreign ministry reiterated its call for dialogue.", "Brazil"),
    ("Japan's trade minister Kenji Sato mentioned that the levy broke the trade agreement.", "Kenji Sato"),
    ("Norway encouraged Canada to withdraw the levy.", "Norway"),
    ("Mexico encouraged all sides to resolve the dispute through talks.", "Mexico"),
    ("The European Union refuted Canada's claim that the levy was legal.", "European Union"),
])
def test_a_speaker_of_a_less_common_reporting_verb_reacts(extractor: Extractor, sentence: str, speaker: str) -> None:
    """"reiterated", "mentioned", "encouraged", "refuted": verbs of saying any news text uses
    (graph/words/speech_verbs.txt; each is in the texts of three to fourteen corpus events), whose speakers
    train had missed."""
    got = actors(extractor, _LEVY + sentence)
    assert any(speaker in name or name in speaker for name in got), got


@pytest.mark.parametrize("sentence", [
    "The report reiterated that steel prices had risen.",
    "The levy encouraged smugglers to move steel through Mexico.",
    "Rising prices encouraged Chile to open new mills last year.",
    "Reuters mentioned that steel prices rose.",
    "Higher prices refuted the forecasts of the IMF.",
    "The levy, described by economists as modest, takes effect in May.",
    "The steel deal mentioned by Chile in 2019 was never signed.",
    "Steel exports were encouraged by the 2015 trade agreement.",
    "The mill was built by Chile's state steel company in 1990.",
])
def test_a_reporting_verb_without_a_speaker_makes_no_reaction(extractor: Extractor, sentence: str) -> None:
    """The same verbs with a thing, an outlet or unnamed analysts as subject or agent, or on a noun of
    something done years ago: no one reacts (Canada, the levy's maker, is left aside)."""
    got = actors(extractor, _LEVY + sentence) - {"Canada"}
    assert not got, got


# A reaction told as a light verb and its object: what is extended, offered, conveyed or given is a
# congratulation, a condolence, thanks: "Chile extended its congratulations", "Peru offered condolences".
GIVING_VERBS = ["extended", "offered", "conveyed", "gave", "sent"]
GIVEN_NOUNS = ["its congratulations", "warm congratulations", "its condolences", "sincere thanks",
               "its best wishes", "greetings", "its gratitude"]
ELECTION = "Alvaro Pinto wins Andean presidential election"
ELECTED = "Alvaro Pinto won the presidential election in Santa Lucia on Sunday."


@given(st.sampled_from(["Chile", "Norway", "Kenya", "Japan"]), st.sampled_from(GIVING_VERBS),
       st.sampled_from(GIVEN_NOUNS))
@settings(max_examples=40, deadline=None)
def test_a_congratulation_given_is_a_reaction(extractor: Extractor, country: str, verb: str, noun: str) -> None:
    """Every light verb of giving with every noun of a reaction: the giver reacted."""
    body = f"{ELECTED}\n\n{country} {verb} {noun} to Pinto on Monday."
    assert country in actors(extractor, body, ELECTION), body


@pytest.mark.parametrize("sentence", [
    "Chile offered assistance to the miners on Monday.",
    "Chile extended the deadline for the miners on Monday.",
    "Chile gave a speech on mining on Monday.",
    "Chile sent troops to the border on Monday.",
    "Chile conveyed the cargo to the port on Monday.",
    "Chile gave the miners a pay rise on Monday.",
    "Chile gave a warm welcome to the miners on Monday.",
])
def test_other_things_given_are_no_reaction(extractor: Extractor, sentence: str) -> None:
    """The near-misses: the same verbs giving help, time, a speech or troops tell no reaction."""
    assert "Chile" not in actors(extractor, f"{ELECTED}\n\n{sentence}", ELECTION), sentence


@given(st.sampled_from(["Chile", "Norway", "Kenya", "Japan"]),
       st.sampled_from(["congratulations", "condolences", "best wishes", "greetings", "thanks"]),
       st.sampled_from(["{noun} poured in from {country} on Monday.", "Pinto received {noun} from {country} on Monday.",
                        "Warm {noun} from {country} arrived on Monday."]))
@settings(max_examples=30, deadline=None)
def test_courtesies_from_someone_are_their_reaction(extractor: Extractor, country: str, noun: str, frame: str) -> None:
    """Courtesies "from" someone, as criticism from someone: the source reacted, not the one who
    receives them."""
    sentence = frame.format(noun=noun, country=country)
    body = f"{ELECTED}\n\n{sentence[:1].upper()}{sentence[1:]}"
    got = {r.actor.name: r.evidence for r in run(extractor, body, ELECTION).reactions}
    assert country in got and noun in got[country].lower(), (sentence, got)
    assert noun not in got.get("Alvaro Pinto", "").lower(), (sentence, got)  # (his headline's win is his own act)


# The courtesies' near-misses (revision after review): what is given, to whom and by whom.
BLAST = "Ferry explosion in Port Halden kills nine"
BLASTED = ("An explosion tore through a passenger ferry in the Norwegian harbour town of Port Halden on "
           "Saturday, killing nine people and injuring dozens, the coast guard said.")
COUNTRIES = ["Chile", "Kenya", "Japan", "Peru"]
CONDOLENCES = ["its condolences", "its deepest condolences", "condolences", "its sympathy", "heartfelt sympathy"]
TO_VICTIMS = ["to the families of the victims", "to the bereaved", "to Norway", "over the explosion", ""]


def stances(extractor: Extractor, body: str, title: str) -> dict[str, str]:
    return {r.actor.name: str(r.stance) for r in run(extractor, body, title).reactions}


@given(st.sampled_from(COUNTRIES), st.sampled_from(["offered", "extended", "conveyed", "sent", "expressed"]),
       st.sampled_from(CONDOLENCES), st.sampled_from(TO_VICTIMS))
@settings(max_examples=40, deadline=None)
def test_condolences_over_a_harmful_event_oppose_it(extractor: Extractor, country: str, verb: str, noun: str,
                                                    to: str) -> None:
    """Condolences and sympathy given over a killing are sorrow at it: they oppose it (the guideline's
    regret and sympathy with victims), whatever the verb that gives them and to whom."""
    body = f"{BLASTED}\n\n{country} {verb} {noun} {to} on Sunday.".replace("  ", " ")
    assert stances(extractor, body, BLAST).get(country) == "oppose", body


@pytest.mark.parametrize("sentence, expected", [
    ("Condolences poured in from Chile and Kenya on Sunday.", {"Chile": "oppose", "Kenya": "oppose"}),
    ("Messages of sympathy came from Peru on Sunday.", {"Peru": "oppose"}),
    ("Chile offered its condolences over the deaths, and Peru called for calm.", {"Chile": "oppose", "Peru": "neutral"}),
])
def test_condolences_from_someone_oppose_and_a_call_for_calm_stays_neutral(extractor: Extractor, sentence: str,
                                                                             expected: dict[str, str]) -> None:
    got = stances(extractor, f"{BLASTED}\n\n{sentence}", BLAST)
    assert {k: got.get(k) for k in expected} == expected, (sentence, got)


def test_condolences_by_an_ally_of_the_killed_oppose_the_killing(extractor: Extractor) -> None:
    """Sympathy with the one killed by the event is against the event, whoever the killed was."""
    title = "Drone strike kills militant commander Idris Makana"
    lead = "A drone strike killed the militant commander Idris Makana in a village near the border on Monday, officials said."
    got = stances(extractor, f"{lead}\n\nThe Halvar Front offered its condolences over Makana's death on Tuesday.", title)
    assert got.get("Halvar Front") == "oppose", got


@given(st.sampled_from(COUNTRIES), st.sampled_from(["offered", "extended", "conveyed", "sent"]),
       st.sampled_from(["its greetings", "warm greetings", "its best wishes", "its congratulations"]))
@settings(max_examples=25, deadline=None)
def test_greetings_and_wishes_to_a_winner_support_the_win(extractor: Extractor, country: str, verb: str,
                                                          noun: str) -> None:
    body = f"{ELECTED}\n\n{country} {verb} {noun} to Pinto on Monday."
    assert stances(extractor, body, ELECTION).get(country) == "support", body


@pytest.mark.parametrize("title, lead, sentence", [
    (BLAST, BLASTED, "Kenya offered its condolences to the families of the victims."),
    (BLAST, BLASTED, "Kenya offered its condolences to Norway over the ferry explosion."),
    (BLAST, BLASTED, "Kenya sent its condolences to the Norwegian people after the nine deaths in Port Halden."),
    (ELECTION, ELECTED, "Chile sent its best wishes to the new president."),
    (ELECTION, ELECTED, "Chile extended its congratulations to Pinto on his victory in the presidential election."),
])
def test_a_courtesy_to_the_event_s_parties_or_victims_stays_a_reaction(extractor: Extractor, title: str, lead: str,
                                                                        sentence: str) -> None:
    """Courtesies to the event's parties or victims, or to no one named, are reactions. (A courtesy aimed
    elsewhere, "thanks to Japan for aid after last year's floods", is not; a check that its recipient or
    occasion shares no word with the headline and lead changed nothing on train and cost validation
    recall, and was dropped: these guard whatever replaces it.)"""
    got = actors(extractor, f"{lead}\n\n{sentence}", title)
    assert sentence.split()[0] in got, (sentence, got)


@pytest.mark.parametrize("sentence", [
    "Congress gave final approval to the mining bill on Monday.",
    "The ferry's captain, Ole Brandt, gave a statement to investigators on Monday.",
    "Norway gave a warm welcome to refugees arriving in Bergen on Monday.",
    "Chile offered an explanation of its new mining code on Monday.",
    "Peru extended an invitation to the mining unions on Monday.",
])
def test_verbs_of_giving_take_no_procedural_speech_noun(extractor: Extractor, sentence: str) -> None:
    """give, offer, extend, convey report a courtesy, not approval given to a bill, a witness's statement
    or a welcome to arrivals: those are procedure, not a reaction to the event."""
    got = actors(extractor, f"{ELECTED}\n\n{sentence}", ELECTION)
    assert not got - {"Alvaro Pinto"}, (sentence, got)


@pytest.mark.parametrize("sentence, speaker", [
    ("Peru issued a statement welcoming Pinto's victory on Monday.", "Peru"),
    ("Peru offered its congratulations to Pinto on Monday.", "Peru"),
])
def test_issued_statements_and_courtesies_stay_reactions(extractor: Extractor, sentence: str, speaker: str) -> None:
    assert speaker in actors(extractor, f"{ELECTED}\n\n{sentence}", ELECTION), sentence


@pytest.mark.parametrize("sentence", [
    "Banners with greetings from Cuzcatlan, his home town, hung over the square on Monday.",
    "Greetings from Villa Arenas, the town where he was born, were read out on Monday.",
    "Greetings from Leeds were read out at the rally on Monday.",
])
def test_courtesies_from_a_town_have_no_speaker(extractor: Extractor, sentence: str) -> None:
    """A town or city is no speaker (a country or its capital speaks for its government)."""
    got = actors(extractor, f"{ELECTED}\n\n{sentence}", ELECTION)
    assert not got - {"Alvaro Pinto"}, (sentence, got)


def test_courtesies_from_capitals_are_their_governments(extractor: Extractor) -> None:
    got = actors(extractor, f"{ELECTED}\n\nGreetings from Lima and Quito arrived on Monday.", ELECTION)
    assert {"Peru", "Ecuador"} <= got, got


@given(st.sampled_from(["offered his gratitude to", "gave his thanks to", "conveyed his gratitude to",
                        "thanked", "extended his thanks to", "expressed his appreciation to"]),
       st.sampled_from(["the voters", "his campaign staff", "the lawmakers who backed him", "his supporters"]))
@settings(max_examples=20, deadline=None)
def test_the_winner_s_own_thanks_are_no_reaction(extractor: Extractor, thanks: str, whom: str) -> None:
    """The event's own agent thanking those who helped answers them, not the event. (A headline that
    tells the win as the winner's own act is read as a statement of theirs: so one that does not.)"""
    title = "Marta Quiroga declared winner of Andean presidential election"
    lead = ("Marta Quiroga was declared the winner of the presidential election in Santa Lucia on Tuesday, "
            "the electoral commission announced.")
    body = f"{lead}\n\nQuiroga {thanks.replace('his', 'her')} {whom.replace('him', 'her').replace('his', 'her')} on Monday."
    assert "Marta Quiroga" not in actors(extractor, body, title), body


def test_a_rival_s_congratulations_stay_a_reaction(extractor: Extractor) -> None:
    body = f"{ELECTED}\n\nHis rival, Marta Quiroga, offered her congratulations to Pinto on Monday."
    assert "Marta Quiroga" in actors(extractor, body, ELECTION), body


@given(st.sampled_from(COUNTRIES), st.sampled_from(["its congratulations", "its best wishes", "its greetings"]),
       st.sampled_from(["{c} declined to offer {n} to Pinto.", "{c} refused to extend {n} to Pinto.",
                        "{c} may offer {n} to Pinto later.", "{c} could send {n} to Pinto next week.",
                        "It is unclear whether {c} will convey {n} to Pinto.", "{c} did not send {n} to Pinto."]))
@settings(max_examples=30, deadline=None)
def test_a_courtesy_refused_or_only_possible_is_no_reaction(extractor: Extractor, country: str, noun: str,
                                                             frame: str) -> None:
    body = f"{ELECTED}\n\n{frame.format(c=country, n=noun)}"
    assert country not in actors(extractor, body, ELECTION), body


LEVIED = "Canada imposed a 25 percent levy on imported steel on Monday, the finance ministry said."


@given(st.sampled_from(["expressed", "said she had", "voiced"]), st.sampled_from(["sympathy with", "sympathy for"]),
       st.sampled_from(["the decision", "the move", "the government's choice", "the ban"]),
       st.sampled_from(["Chile's trade minister, Rosa Ibarra,", "Norway's finance minister, Ingrid Dahl,"]))
@settings(max_examples=30, deadline=None)
def test_sympathy_with_a_decision_does_not_oppose_it(extractor: Extractor, verb: str, sympathy: str,
                                                     what: str, speaker: str) -> None:
    """Sympathy opposes an event only as sorrow for those it harmed; sympathy with a decision, a move
    or a ban sides with it (or says nothing), never against it. The speaker still reacts."""
    body = f"{LEVIED}\n\n{speaker} {verb} {sympathy} {what} on Tuesday."
    name = speaker.split(", ")[1].rstrip(",")
    got = stances(extractor, body, TITLE)
    assert name in got and got[name] != "oppose", (body, got)


@pytest.mark.parametrize("sentence, speaker", [
    ("The Halvar Front, an armed group, expressed sympathy with the bombers' cause on Sunday.", "Halvar Front"),
    ("Kenya's foreign minister, Amos Wekesa, said he had sympathy for the attackers' demands.", "Amos Wekesa"),
])
def test_sympathy_with_the_attackers_does_not_oppose_the_attack(extractor: Extractor, sentence: str,
                                                                speaker: str) -> None:
    got = stances(extractor, f"{BLASTED}\n\n{sentence}", BLAST)
    assert speaker in got and got[speaker] != "oppose", (sentence, got)


@pytest.mark.parametrize("sentence, speaker", [
    ("Japan expressed sympathy with the families of the dead on Sunday.", "Japan"),
    ("Kenya said it had great sympathy for the victims and their relatives.", "Kenya"),
    ("Peru voiced its sympathy for Norway over the deaths.", "Peru"),
    ("Chile expressed its sympathy on Sunday.", "Chile"),
])
def test_sympathy_for_the_harmed_opposes_the_harm(extractor: Extractor, sentence: str, speaker: str) -> None:
    got = stances(extractor, f"{BLASTED}\n\n{sentence}", BLAST)
    assert got.get(speaker) == "oppose", (sentence, got)


@given(st.sampled_from(COUNTRIES), st.sampled_from(["offered", "gave", "sent", "extended", "conveyed"]),
       st.sampled_from([(ELECTION, ELECTED, "congratulations"), (ELECTION, ELECTED, "greetings"),
                        (BLAST, BLASTED, "condolences"), (BLAST, BLASTED, "condolences or sympathy")]),
       st.sampled_from(["{c} {v} no {n}.", "{c} {v} no {n} on Monday, and its leader made no statement.",
                        "On Monday {c} {v} no {n} at all."]))
@settings(max_examples=40, deadline=None)
def test_a_courtesy_given_as_none_is_no_reaction(extractor: Extractor, country: str, verb: str,
                                                 event: tuple[str, str, str], frame: str) -> None:
    """"Offered no condolences" gives none: no reaction, and its "no" flips no stance either way."""
    title, lead, noun = event
    body = f"{lead}\n\n{frame.format(c=country, v=verb, n=noun)}"
    assert country not in actors(extractor, body, title), body


@pytest.mark.parametrize("sentence, capitals, towns", [
    ("Congratulations from Toulouse and Rome were read out in the assembly.", {"Italy"}, {"Toulouse"}),
    ("Greetings from Grenoble reached the winner on Monday.", set(), {"Grenoble"}),
    ("Congratulations from Rotterdam and Madrid arrived on Monday.", {"Spain"}, {"Rotterdam"}),
    ("Greetings from Antwerp and Lisbon were read out on Monday.", {"Portugal"}, {"Antwerp"}),
])
def test_a_courtesy_from_a_town_the_tagger_calls_a_body_has_no_speaker(extractor: Extractor, sentence: str,
                                                                       capitals: set[str], towns: set[str]) -> None:
    """Whatever the tagger's label (Toulouse as a body, Grenoble as a product, Rotterdam as a person), a
    courtesy "from" a place comes from a speaker only if it is a country or its capital."""
    got = actors(extractor, f"{ELECTED}\n\n{sentence}", ELECTION)
    assert capitals <= got and not (got & towns), (sentence, got)


def test_a_courtesy_from_a_body_or_a_person_stays_theirs(extractor: Extractor) -> None:
    body = (f"{ELECTED}\n\nCongratulations from the African Union arrived on Monday. Greetings from "
            "Amos Wekesa, Kenya's foreign minister, were read out at the rally.")
    got = actors(extractor, body, ELECTION)
    assert {"African Union", "Amos Wekesa"} <= got, got


MANY_WORDED = ["Ivory Coast", "South Africa", "New Zealand", "Sri Lanka", "the United Arab Emirates", "Costa Rica",
               "Sierra Leone", "Burkina Faso", "Saudi Arabia", "El Salvador"]
ONE_WORDED = ["Senegal", "Ghana", "Chile", "Norway"]


@given(st.lists(st.sampled_from(MANY_WORDED + ONE_WORDED), min_size=2, max_size=3, unique=True),
       st.sampled_from(["Congratulations poured in from {l}.", "Warm greetings came from {l} on Monday.",
                        "Pinto received congratulations from {l}."]))
@settings(max_examples=30, deadline=None, derandomize=True)
def test_every_country_of_a_courtesy_list_speaks(extractor: Extractor, names: list[str], frame: str) -> None:
    """"Congratulations poured in from Senegal and Ivory Coast": a country of several words, which the NER
    may tag as a location, speaks wherever it stands in the list."""
    listed = ", ".join(names[:-1]) + " and " + names[-1]
    got = actors(extractor, f"{ELECTED}\n\n{frame.format(l=listed)}", ELECTION)
    assert {n.removeprefix("the ") for n in names} <= got, (listed, got)


@given(st.sampled_from(["the Gold Coast", "the Middle East", "West Africa", "the Amalfi Coast"]),
       st.sampled_from(["Congratulations poured in from {p}.", "Greetings from {p} arrived on Monday."]))
@settings(max_examples=8, deadline=None, derandomize=True)
def test_a_region_of_a_courtesy_is_no_speaker(extractor: Extractor, place: str, frame: str) -> None:
    """Near-miss: a region or coast that is no country's name is still no one."""
    got = actors(extractor, f"{ELECTED}\n\n{frame.format(p=place)}", ELECTION)
    assert not got - {"Alvaro Pinto"}, (place, got)


WINNERS = [("Marta Quiroga", "Quiroga"), ("Ines Holm", "Holm"), ("Rosa Almeida", "Almeida")]
VOTES = [("{n} wins {p} presidential election", "{n} won the presidential election in {p} on Sunday."),
         ("Results of the {p} presidential election", "{n} has won the presidential election in {p}, results "
                                                        "published on Monday showed."),
         ("{p} votes in presidential runoff", "{p} held a presidential runoff on Sunday, and {n} won it.")]
WINNER_THANKS = ["The winner, {n}, thanked her voters.", "{n}, the winner, thanked her supporters.",
                 "The winner {n} thanked her supporters on Monday.", "{s} thanked the voters on Monday.",
                 "The president-elect, {n}, gave her thanks to the voters."]


@given(st.sampled_from(WINNERS), st.sampled_from(VOTES), st.sampled_from(WINNER_THANKS),
       st.sampled_from(["Santa Lucia", "Norland", "Sudria"]))
@settings(max_examples=30, deadline=None, derandomize=True)
def test_the_winner_s_thanks_are_no_reaction_however_named(extractor: Extractor, winner: tuple[str, str],
                                                           vote: tuple[str, str], thanks: str, place: str) -> None:
    """"The winner, Marta Quiroga, thanked her voters": whoever won the vote answers those who helped,
    not the event, whether the text names her by apposition, as "the winner X" or by surname, and
    whether or not the headline tells the win as her act."""
    name, surname = winner
    title, lead = (x.format(n=name, p=place) for x in vote)
    body = f"{lead}\n\n{thanks.format(n=name, s=surname)}\n\nPeru welcomed the result."
    got = actors(extractor, body, title)
    assert name not in got and "Peru" in got, (body, got)


@given(st.sampled_from(WINNERS), st.sampled_from(VOTES))
@settings(max_examples=10, deadline=None, derandomize=True)
def test_a_rival_who_thanks_and_disputes_still_reacts(extractor: Extractor, winner: tuple[str, str],
                                                       vote: tuple[str, str]) -> None:
    """Near-miss: the loser thanking their own voters while calling the count a fraud reacts."""
    title, lead = (x.format(n=winner[0], p="Norland") for x in vote)
    body = f"{lead}\n\nHer rival, Tomas Vik, thanked his voters and said the count was a fraud."
    assert "Tomas Vik" in actors(extractor, body, title), body
