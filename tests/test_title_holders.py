"""A title alone ("the Chairperson", "the Archbishop", "Ethiopia PM") names no actor of its own.

The NER tags a capitalised title as an organisation ("Chairperson said", "FM said"), which made an
actor called "Chairperson" beside the person who holds the title. A title alone is the person the
article names with it, when exactly one does ("Archbishop Ana Rojas ... Later the Archbishop said",
"The Chairperson of the Commission, Ana Rojas, said"); otherwise it is one of the guideline's unnamed
speakers, and no reaction. A title tied to a place ("the Archbishop of Cologne", "the Prime Minister of
Spain", "India's FM") is only a holder of that place. A surname that is also a title ("Major said", after
"John Major") is still the person, and a body whose head word is also a title word ("Israel's Cabinet")
is still the body. All names and events are invented for these tests.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from graph.extract import Extractor
from graph.extract import lexicon
from graph.models import ArticleInput

TITLE = "Canada imposes a levy on imported steel"
LEAD = "Canada imposed a levy on imported steel on Friday, citing a flood of cheap imports.\n\n"


def reactions(extractor: Extractor, body: str) -> dict[str, str]:
    got = extractor.extract(extractor.prepare(ArticleInput(text=LEAD + body, title=TITLE)))
    return {r.actor.name: r.stance for r in got.reactions}


def _titles_only(name: str) -> bool:
    return all(w.lower().strip(".") in lexicon.TITLE_WORDS or w.lower() in ("the", "of")
               for w in name.split())


def test_a_title_after_its_holder_is_that_person(extractor: Extractor) -> None:
    got = reactions(extractor, "Archbishop Tomas Berglund said he was praying for the workers.\n\n"
                               "Later the Archbishop said the levy was a grave mistake.\n")
    assert got == {"Tomas Berglund": "oppose"}


def test_a_title_in_apposition_to_a_name_is_that_name(extractor: Extractor) -> None:
    got = reactions(extractor, "The Chairperson of the African Union Commission, Kofi Mensah Adjei, has "
                               "condemned the levy.\n")
    assert got == {"Kofi Mensah Adjei": "oppose"}


def test_a_title_of_another_country_is_not_its_holder(extractor: Extractor) -> None:
    got = reactions(extractor, "British Prime Minister Kenji Tanaka praised the workers.\n\n"
                               "Ethiopia PM said the levy was a grave mistake.\n")
    assert got == {"Kenji Tanaka": "support"}


def test_a_title_nobody_in_the_article_holds_is_no_one(extractor: Extractor) -> None:
    got = reactions(extractor, "The Chairperson condemned the levy.\n\nIndia's FM said the levy was a "
                               "grave mistake.\n\nNorway condemned the levy.\n")
    assert got == {"Norway": "oppose"}


def test_a_title_two_people_hold_is_no_one(extractor: Extractor) -> None:
    """Two archbishops: the bare title is not an actor of its own, nor either of them (not even the
    nearest, whose own words stay his)."""
    got = reactions(extractor, "Archbishop Tomas Berglund praised the workers.\n\n"
                               "Archbishop Luis Prado said he was praying for them.\n\n"
                               "Later the Archbishop said the levy was a grave mistake.\n")
    assert not any(_titles_only(name) for name in got), got
    assert got.get("Tomas Berglund") == "support"
    assert got.get("Luis Prado") != "oppose", got


def test_a_surname_that_is_a_title_is_still_the_person(extractor: Extractor) -> None:
    got = reactions(extractor, "Former minister Ana Major said the levy was a grave mistake.\n\n"
                               "Major said the levy would cost jobs.\n")
    assert got == {"Ana Major": "oppose"}


def test_bodies_named_with_title_words_are_still_bodies(extractor: Extractor) -> None:
    """"Supreme Court", "Foreign Ministry": a title word beside a body's word names the body."""
    got = reactions(extractor, "Mexico's Foreign Ministry condemned the levy.\n\n"
                               "The Supreme Court of Peru said the levy was a grave mistake.\n")
    assert got == {"Mexico's Foreign Ministry": "oppose", "Supreme Court": "oppose"}


FRAMES = ("The {t} condemned the levy.\n", "The {t} said the levy was a disgrace.\n",
          "{t} welcomes levy, calls it long overdue.\n", "Peru's {t} criticised the levy.\n")
BODY_WORDS = lexicon.STATE_ORGANS | lexicon.BODY_HEADS | lexicon.STATE_HEADS
TITLES = sorted(w for w in lexicon.TITLE_WORDS if w.isalpha() and w not in BODY_WORDS)


@settings(max_examples=40, deadline=None, derandomize=True)
@given(st.sampled_from(TITLES), st.sampled_from(FRAMES))
def test_no_actor_is_a_bare_title(extractor: Extractor, title: str, frame: str) -> None:
    """Whatever the title and however the sentence is built, no reaction's actor is only titles."""
    body = frame.format(t=title.capitalize() if title != "pm" else "PM") + "\nNorway condemned the levy.\n"
    got = reactions(extractor, body)
    assert not any(_titles_only(name) for name in got), (title, frame, got)
    assert got.get("Norway") == "oppose"


PLACES = [("Peru", "Lima"), ("Kenya", "Nairobi"), ("Spain", "Madrid"), ("Norway", "Oslo")]
HOLDERS = [("Archbishop", "Archbishop Tomas Berglund of Sweden", "Tomas Berglund"),
           ("Cardinal", "Cardinal Ana Rojas of Chile", "Ana Rojas"),
           ("Prime Minister", "Swedish Prime Minister Tomas Berglund", "Tomas Berglund"),
           ("Foreign Minister", "Chilean Foreign Minister Ana Rojas", "Ana Rojas")]


@settings(max_examples=30, deadline=None, derandomize=True)
@given(st.sampled_from(HOLDERS), st.sampled_from(PLACES), st.booleans())
def test_a_title_of_another_place_is_not_the_holder_named_before(
        extractor: Extractor, holder: tuple[str, str, str], place: tuple[str, str], city: bool) -> None:
    """"X of Sweden welcomed the levy ... The Archbishop of Lima (or of Peru) condemned it": the second
    title is someone else, so the holder named first keeps their own stance."""
    title, named, name = holder
    where = place[1] if city else place[0]
    got = reactions(extractor, f"{named} welcomed the levy.\n\nThe {title} of {where} condemned it.\n")
    assert got.get(name) == "support", (named, where, got)


@settings(max_examples=20, deadline=None, derandomize=True)
@given(st.sampled_from([("Israel", "Israeli"), ("Peru", "Peruvian"), ("Kenya", "Kenyan"), ("Norway", "Norwegian"),
                        ("Japan", "Japanese")]),
       st.sampled_from(["Cabinet", "Government", "Foreign Ministry"]),
       st.sampled_from(["{c}'s {b} condemned the levy.\n", "The {d} {b} said the levy was a grave mistake.\n"]))
def test_a_body_named_by_a_title_word_keeps_its_reaction(extractor: Extractor, country: tuple[str, str], body: str,
                                                        frame: str) -> None:
    """"Israel's Cabinet condemned": a body ("cabinet" is also a title word, as in "cabinet secretary")."""
    got = reactions(extractor, frame.format(c=country[0], d=country[1], b=body))
    assert any(stance == "oppose" for stance in got.values()), (country, body, frame, got)


# -- a title two people hold, then the bare title ------------------------------------------------------------

PEOPLE = [("Anna Berg", "Tomas Vik"), ("Lena Holm", "Kofi Adjei"), ("Lena Holm", "Ravi Desai"),
          ("Mira Novak", "Jonas Lind")]
HELD = ["Prime Minister", "President", "Foreign Minister", "Archbishop", "Governor"]
WHERE = ["", ", a veteran of the party,", ", who took office in May,"]


@settings(max_examples=30, deadline=None, derandomize=True)
@given(st.sampled_from(PEOPLE), st.sampled_from(HELD), st.sampled_from(WHERE), st.sampled_from(WHERE),
       st.sampled_from(["The {t} said the levy was a grave mistake.\n",
                        "Later the {t} condemned the levy.\n",
                        "Speaking on Tuesday, the {t} said the levy would cost jobs.\n"]))
def test_a_bare_title_two_people_hold_is_no_one(extractor: Extractor, people: tuple[str, str], title: str,
                                                first: str, second: str, frame: str) -> None:
    """Two holders of the title named before it, and no place said with it: the text does not say which
    one speaks, so neither is given the words (the guideline's unnamed speakers), not even the nearest."""
    a, b = people
    got = reactions(extractor, f"{title} {a}{first} praised the workers.\n\n"
                               f"{title} {b}{second} visited the mills on Monday.\n\n" + frame.format(t=title))
    assert [stance for name, stance in got.items() if a in name] == ["support"], (people, title, got)
    assert not any(b in name for name in got), (people, title, got)


@settings(max_examples=20, deadline=None, derandomize=True)
@given(st.sampled_from(PEOPLE), st.sampled_from(["Prime Minister", "President", "Foreign Minister"]),
       st.sampled_from([("Norway", "Norwegian"), ("Kenya", "Kenyan"), ("Peru", "Peruvian")]),
       st.sampled_from([("Chile", "Chilean"), ("Japan", "Japanese")]),
       st.sampled_from(["The {d} {t} said the levy was a grave mistake.\n", "The {t} of {c} condemned the levy.\n"]))
def test_a_bare_title_tied_to_one_holder_s_country_is_that_holder(
        extractor: Extractor, people: tuple[str, str], title: str, one: tuple[str, str], other: tuple[str, str],
        frame: str) -> None:
    """Near-miss: of two holders, the one whose country the title names is the one it means."""
    a, b = people
    got = reactions(extractor, f"{title} {a} of {other[0]} praised the workers.\n\n"
                               f"{title} {b} of {one[0]} visited the mills on Monday.\n\n"
                    + frame.format(t=title, d=one[1], c=one[0]))
    assert got.get(b) == "oppose", (people, title, one, got)
    assert got.get(a) == "support", (people, title, one, got)


# -- a title names its holder or no one, never a body ------------------------------------------------------------

BODIES = [("Independent Electoral Commission", "IEC"), ("National Election Board", "NEB"),
          ("Federal Audit Office", "FAO"), ("Central Vote Council", "CVC")]
CHAIRS = ["Chairperson", "Chairman", "Chairwoman", "President", "Director"]


@settings(max_examples=30, deadline=None, derandomize=True)
@given(st.sampled_from(BODIES), st.sampled_from(CHAIRS),
       st.sampled_from(['The {t} of the {b}: "The levy is a grave mistake."\n',
                        "The {b} {t} said the levy was a grave mistake.\n"]))
def test_a_title_of_a_body_is_not_the_body(extractor: Extractor, body: tuple[str, str], title: str,
                                           frame: str) -> None:
    """The body named earlier does not speak through its unnamed head ("The Chairperson of the IEC:",
    "IEC Chairperson said"), and the title is no body of its own."""
    name, short = body
    got = reactions(extractor, f"The {name} ({short}) met on Monday to count the ballots.\n\n"
                    + frame.format(t=title, b=name, a=short) + "\nNorway condemned the levy.\n")
    assert got == {"Norway": "oppose"}, (body, title, frame, got)


def test_a_title_after_a_body_s_initials_is_not_a_body(extractor: Extractor) -> None:
    got = reactions(extractor, "The Independent Electoral Commission (IEC) met on Monday to count the ballots.\n\n"
                               "IEC Chairperson said the levy was a grave mistake.\n\nNorway condemned the levy.\n")
    assert got == {"Norway": "oppose"}, got


@settings(max_examples=15, deadline=None, derandomize=True)
@given(st.sampled_from(BODIES), st.sampled_from(CHAIRS))
def test_a_body_and_a_named_holder_of_its_title_still_speak(extractor: Extractor, body: tuple[str, str],
                                                            title: str) -> None:
    """Near-misses: the body itself speaks, and so does its head where the text names them."""
    name, short = body
    got = reactions(extractor, f"The {name} said the levy was a grave mistake.\n\n"
                               f"The {title} of the {name}, Ines Morales, welcomed the levy.\n")
    assert got.get("Ines Morales") == "support", (body, title, got)
    assert any(stance == "oppose" for stance in got.values()), (body, title, got)


# -- a holder's place from "Title Name of Place" ------------------------------------------------------------

LANDS = ["Freedonia", "Norland", "Sudria", "Westmark", "Ostravia"]


@settings(max_examples=30, deadline=None, derandomize=True)
@given(st.sampled_from(PEOPLE), st.sampled_from(["Prime Minister", "President", "Foreign Minister"]),
       st.lists(st.sampled_from(LANDS), min_size=3, max_size=3, unique=True), st.booleans(),
       st.sampled_from(["The {t} of {p} said the levy was a grave mistake.\n",
                        "Later the {t} of {p} condemned the levy.\n"]))
def test_a_title_of_a_place_finds_the_holder_named_of_it(extractor: Extractor, people: tuple[str, str], title: str,
                                                         lands: list[str], own: bool, frame: str) -> None:
    """"Prime Minister A of Norland ... Prime Minister B of Sudria ... the Prime Minister of Norland said":
    the holder the text named of that place, whatever the place (the gazetteer need not know it); a
    title of a third place is neither (near-miss)."""
    a, b = people
    place = lands[0] if own else lands[2]
    got = reactions(extractor, f"{title} {a} of {lands[0]} visited the port on Sunday.\n\n"
                               f"{title} {b} of {lands[1]} visited the mills on Monday.\n\n"
                    + frame.format(t=title, p=place))
    assert [stance for name, stance in got.items() if a in name] == (["oppose"] if own else []), \
        (people, title, place, got)
    assert not any(b in name for name in got), (people, title, place, got)


TRIOS = [("Jane Doe", "Ali Musa", "Rosa Diaz"), ("Lena Holm", "Kofi Adjei", "Tomas Vik"),
         ("Mira Novak", "Ravi Desai", "Anna Berg")]


@settings(max_examples=30, deadline=None, derandomize=True)
@given(st.sampled_from(TRIOS), st.lists(st.sampled_from(LANDS), min_size=3, max_size=3, unique=True),
       st.sampled_from([("leaders", "leader"), ("presidents", "President"), ("governors", "Governor")]),
       st.integers(min_value=0, max_value=2))
def test_a_leaders_list_gives_each_their_place(extractor: Extractor, trio: tuple[str, str, str], lands: list[str],
                                               title: tuple[str, str], which: int) -> None:
    """"The leaders of A, B and C, X, Y and Z": each person of the list holds the title of the place in
    the same position, so "the leader of B" later is Y alone."""
    plural, singular = title
    got = reactions(extractor, f"The {plural} of {lands[0]}, {lands[1]} and {lands[2]}, {trio[0]}, {trio[1]} and "
                               f"{trio[2]}, met in Lima on Monday.\n\n"
                               f"Later the {singular} of {lands[which]} said the levy was a grave mistake.\n")
    assert got == {trio[which]: "oppose"}, (trio, lands, title, which, got)


@settings(max_examples=10, deadline=None, derandomize=True)
@given(st.sampled_from(TRIOS), st.lists(st.sampled_from(LANDS), min_size=3, max_size=3, unique=True))
def test_a_list_of_unequal_length_gives_no_one_a_place(extractor: Extractor, trio: tuple[str, str, str],
                                                       lands: list[str]) -> None:
    """Near-miss: three places, two people: who is whose is not said."""
    got = reactions(extractor, f"The leaders of {lands[0]}, {lands[1]} and {lands[2]}, {trio[0]} and {trio[1]}, "
                               f"met in Lima on Monday.\n\nLater the leader of {lands[1]} said the levy was a "
                               f"grave mistake.\n")
    assert got == {}, (trio, lands, got)


# -- a bare title is the holder of that very title, not of another sharing its head word --------------------------

# (a title, another sharing its head word): "the Prime Minister" is neither the Foreign Minister nor the
# Deputy Prime Minister, "the President" neither the Vice nor the Former President.
SHARING = [("Prime Minister", "Foreign Minister"), ("President", "Vice President"),
           ("Prime Minister", "Deputy Prime Minister"), ("Chancellor", "Vice-Chancellor"),
           ("President", "Former President"), ("Foreign Minister", "Defence Minister"),
           ("Governor", "Lieutenant Governor")]


@settings(max_examples=40, deadline=None, derandomize=True)
@given(st.sampled_from(PEOPLE), st.sampled_from(SHARING), st.booleans(), st.booleans(),
       st.sampled_from(["The {t} said the levy was a grave mistake.\n", "Later the {t} condemned the levy.\n"]))
def test_a_bare_title_is_its_one_exact_holder(extractor: Extractor, people: tuple[str, str],
                                              titles: tuple[str, str], exact_first: bool, other_speaks: bool,
                                              frame: str) -> None:
    """Two people named with two titles sharing a head word, in either order: the title said alone is the
    one who holds exactly that title (the other is no second holder of it), and where the other title is
    an office of its own ("the Foreign Minister", "the Vice President"), that one's holder."""
    a, b = people
    exact, other = titles
    # (the other title speaks where it is a rank of the same office: "the Vice President"; not "the Former
    # President", nor "the Defence Minister", as the NER splits "Defence" off its holder's name)
    rank = other.replace("-", " ").split()[0].lower() in lexicon.RANK_MODIFIERS - {"former"}
    said = other if other_speaks and rank else exact
    first, second = ((exact, a), (other, b)) if exact_first else ((other, b), (exact, a))
    got = reactions(extractor, f"{first[0]} {first[1]} visited the port on Sunday.\n\n"
                               f"{second[0]} {second[1]} visited the mills on Monday.\n\n" + frame.format(t=said))
    speaker, silent = (b, a) if said == other else (a, b)
    assert [stance for name, stance in got.items() if speaker in name] == ["oppose"], (people, titles, said, got)
    assert not any(silent in name for name in got), (people, titles, said, got)


def test_the_pm_is_not_the_deputy_pm(extractor: Extractor) -> None:
    got = reactions(extractor, "Deputy Prime Minister Lena Holm visited the port on Sunday.\n\n"
                               "Prime Minister Kofi Adjei visited the mills on Monday.\n\n"
                               "The PM said the levy was a grave mistake.\n")
    assert got == {"Kofi Adjei": "oppose"}, got


def test_a_title_after_a_body_s_initials_is_the_holder_named_of_the_body(extractor: Extractor) -> None:
    """"Mira Novak, director of the Federal Audit Office (FAO) ... FAO Director said": the body's initials
    name it too, so the title is the one holder the text tied to that body, not another body's director."""
    got = reactions(extractor, "Mira Novak, director of the Federal Audit Office (FAO), visited the mills on "
                               "Monday.\n\nRavi Desai, director of the National Election Board (NEB), visited the "
                               "port.\n\nFAO Director said the levy was a grave mistake.\n")
    assert got == {"Mira Novak": "oppose"}, got


def test_a_title_after_other_initials_is_not_that_holder(extractor: Extractor) -> None:
    """Near-miss: the director of another body is not who "NEB Director" names."""
    got = reactions(extractor, "Mira Novak, director of the Federal Audit Office (FAO), visited the mills on "
                               "Monday.\n\nNEB Director said the levy was a grave mistake.\n\nNorway condemned "
                               "the levy.\n")
    assert got == {"Norway": "oppose"}, got


def roles(extractor: Extractor, body: str) -> dict[str, str | None]:
    got = extractor.extract(extractor.prepare(ArticleInput(text=LEAD + body, title=TITLE)))
    return {r.actor.name: r.actor.role for r in got.reactions}


@settings(max_examples=20, deadline=None, derandomize=True)
@given(st.sampled_from(TRIOS), st.lists(st.sampled_from(LANDS), min_size=2, max_size=2, unique=True),
       st.sampled_from([("prime ministers", "Prime Minister"), ("foreign ministers", "Foreign Minister"),
                        ("governors", "Governor")]), st.integers(min_value=0, max_value=1))
def test_a_two_place_list_gives_each_their_own_place_and_full_title(
        extractor: Extractor, trio: tuple[str, str, str], lands: list[str], title: tuple[str, str],
        which: int) -> None:
    """"The governors of Norland and Sudria, X and Y" (the NER may tag "Norland and Sudria" as one name):
    each person holds their own place, and the whole title ("Prime Minister", not "minister")."""
    plural, singular = title
    got = roles(extractor, f"The {plural} of {lands[0]} and {lands[1]}, {trio[0]} and {trio[1]}, met in Lima on "
                           f"Monday.\n\nLater the {singular} of {lands[which]} said the levy was a grave mistake.\n")
    assert got == {trio[which]: singular}, (trio, lands, title, which, got)
