"""Events across articles: the topic terms, the matching rule, and real ingests."""

from __future__ import annotations

import datetime as dt

from graph.event_match import Candidate, Rarity, best_match, dumps, loads, merged
from graph.extract import Extractor
from graph.ingest import ingest
from graph.models import ArticleInput
from graph.store import Store

SYRIA = Candidate("ev-syria", dt.date(2018, 12, 19), {"country:sy": 9, "troop": 6, "leaving": 5, "kurdish": 2})
PARIS = Candidate("ev-paris", dt.date(2017, 6, 1), {"paris": 8, "climate": 7, "agreeme": 5, "leaving": 4})
# Ten stored articles: "leaving" is in most of them, the rest in few.
RARITY = Rarity(articles=10, having={"leaving": 9, "country:sy": 3, "troop": 3, "paris": 3, "climate": 3,
                                     "agreeme": 4, "kurdish": 1, "tariff": 1, "steel": 1})


def test_shared_topic_terms_match() -> None:
    assert best_match({"troop": 3, "country:sy": 4, "leaving": 2}, None, [SYRIA, PARIS], RARITY) == "ev-syria"
    assert best_match({"climate": 3, "paris": 2, "leaving": 2}, None, [SYRIA, PARIS], RARITY) == "ev-paris"


def test_a_term_most_articles_have_does_not_make_a_match() -> None:
    # Both leave something, but one leaves a steel pact: "leaving" is in 9 of 10 articles.
    assert best_match({"leaving": 5, "tariff": 4, "steel": 4}, None, [SYRIA, PARIS], RARITY) is None
    assert RARITY.weight("leaving") < RARITY.weight("troop") < RARITY.weight("kurdish")


def test_dates_far_apart_never_match() -> None:
    terms = {"troop": 3, "country:sy": 4}
    assert best_match(terms, dt.date(2019, 3, 1), [SYRIA], RARITY) is None
    assert best_match(terms, dt.date(2018, 12, 24), [SYRIA], RARITY) == "ev-syria"


def test_nothing_to_compare() -> None:
    assert best_match({}, None, [SYRIA], RARITY) is None
    assert best_match({"troop": 1}, None, [], RARITY) is None


def test_event_terms_add_up_and_round_trip() -> None:
    both = merged(SYRIA.terms, {"troop": 2, "manbij": 1})
    assert both["troop"] == 8 and both["manbij"] == 1
    assert loads(dumps(both)) == both
    assert loads("troop country:sy") == {"troop": 1.0, "country:sy": 1.0}  # stored before counts were kept


def _terms(extractor: Extractor, text: str, title: str) -> dict[str, float]:
    return extractor.extract(extractor.prepare(ArticleInput(text=text, title=title))).event.terms


def test_an_acronym_meets_the_name_it_stands_for(extractor: Extractor) -> None:
    long = _terms(extractor, "Norway regretted that Iceland left the North Atlantic Fisheries Board.\n\nIt said so.",
                  "Iceland quits fisheries board")
    short = _terms(extractor, "Denmark said the NAFB would be weaker.\n\nIt said so twice.", "Iceland quits NAFB")
    assert "acr:nafb" in long and "acr:nafb" in short


def test_ways_of_leaving_are_one_term(extractor: Extractor) -> None:
    a = _terms(extractor, "Chile criticised the pull-out of the peacekeepers.\n\nIt said so.", "Peacekeepers pull out")
    b = _terms(extractor, "Chile criticised the withdrawal of the peacekeepers.\n\nIt said so.", "Peacekeepers withdraw")
    assert "leaving" in a and "leaving" in b


def test_what_was_decided_weighs_more_than_what_is_said_around_it(extractor: Extractor) -> None:
    terms = _terms(extractor, "The government decided to close the copper mine. Unions talked about wages.\n\n"
                   "Unions said the mine closure was wrong.", "Mine to close")
    assert terms["copper"] > terms["wage"]


def test_the_decision_maker_and_captions_are_not_topic(extractor: Extractor) -> None:
    terms = _terms(extractor, "Photo: Jane Roe/AFP/Getty Images harbour view\n\n"
                   "President Alan Brook's decision to sell the harbour angered Chile. "
                   "Brook's decision was announced on Monday.\n\nPeru said the sale was wrong.",
                   "Brook sells the harbour")
    assert "harbour" in terms
    assert not {"brook", "alan", "getty", "images", "view"} & set(terms)


def test_articles_about_one_event_share_it(store: Store, extractor: Extractor) -> None:
    items = [
        ("Chile said the tariffs on copper imports were a grave mistake.", "Canada imposes tariffs on copper imports"),
        ("Kenya welcomed the new malaria vaccine programme.", "Kenya starts malaria vaccine programme"),
        ("Peru condemned the copper tariffs.", "Copper import tariffs anger Canada's partners"),
        ("Uganda praised the malaria vaccine drive.", "Malaria vaccine drive praised"),
    ]
    articles = [extractor.prepare(ArticleInput(text=text, title=title)) for text, title in items]
    events = [r.event_id for r in ingest(articles, extractor, store).results]
    assert events[0] == events[2] and events[1] == events[3] and events[0] != events[1]
    assert len(store.events().items) == 2


def _label(extractor: Extractor, text: str, title: str) -> str:
    return extractor.extract(extractor.prepare(ArticleInput(text=text, title=title))).event.label


def test_the_label_names_the_decision_and_what_it_decides(extractor: Extractor) -> None:
    label = _label(extractor, "Chile said it was a mistake.\n\nPeru agreed.",
                   "Canada's decision to close its embassy in Lima has been met with anger")
    assert label == "Canada's decision to close its embassy in Lima"


def test_the_label_keeps_who_decided(extractor: Extractor) -> None:
    label = _label(extractor, "Chile said it was a mistake.\n\nPeru agreed.",
                   "Prime Minister Ana Ruiz announced that she had decided to sell the national airline.")
    assert label.startswith("Prime Minister Ana Ruiz") and "sell the national airline" in label


def test_a_round_up_headline_names_what_was_reacted_to(extractor: Extractor) -> None:
    text = "Soldiers in Benin said on Wednesday they had seized power.\n\nGhana condemned the coup."
    assert _label(extractor, text, "World reacts to military coup in Benin") == "Military coup in Benin"
    assert _label(extractor, text, "World leaders condemn missile strike on Kyiv hospital") == \
        "Missile strike on Kyiv hospital"
    assert _label(extractor, text, "Soldiers seize power in Benin: how the world reacted") == \
        "Soldiers seize power in Benin"
    assert _label(extractor, text, "Leaders react as Canada quits fisheries treaty") == "Canada quits fisheries treaty"
    # A Title Case headline is put into sentence case from the body's casing, not its own.
    body = ("World Leaders React As Canada Quits Fisheries Treaty\n\n"
            "Canada announced on Thursday that it would leave the fisheries treaty at the end of the year.\n\n"
            "Norway said the decision was a grave mistake.")
    label = extractor.extract(extractor.prepare(ArticleInput(text=body))).event.label
    assert label == "Canada quits fisheries treaty"
    # "its exit from coal" does not say whose exit: the headline's event half says more.
    text = ("Germany's government agreed on Wednesday to bring forward its exit from coal power to 2030, "
            "eight years earlier than planned.\n\nPoland said it would not follow.")
    assert _label(extractor, text, "Germany to phase out coal by 2030: reactions") == "Germany to phase out coal by 2030"
    # A headline that names only a decision leaves the label to the lead, which says what was decided.
    text = ("Canada decided on Monday to close its embassy in Lima, citing security concerns.\n\n"
            "Peru said it was a mistake.")
    assert "close its embassy in Lima" in _label(extractor, text, "World reacts to Canada's decision")
