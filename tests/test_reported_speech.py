"""Reactions missed because of how they are reported (issue 16 §2), each class on sentences written here.

The classes were found among the actor misses of the corpus's train split:
a speaker referred to by a pronoun in the sentence after the one that names
them, and reports whose parse hides the speaker.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.extract import Extractor
from graph.models import ArticleInput, Extraction

TITLE = "Canada imposes a levy on imported steel"

_EARLIER = ["Prime Minister Mark Halden", "Trade Minister Joanna Pryce", "Senator Ruth Abiodun"]
_NAMED = ["Li Wenbo, vice chairman of the Steel Producers Council,", "Former President Tomas Varga",
          "Kenji Morimoto, who heads the Shipbuilders Federation,", "Senator Dana Whitfield"]
_LINKS = ["was more blunt.", "also offered an opinion on the levy.", "took a harder line.",
          "was in an awkward position."]
_INTROS = ["In a phone interview on Friday, he said", "Speaking to reporters, he said", "He said",
           "On Tuesday he added"]
_QUOTES = ['"The levy is a foolish mistake that will hurt everyone."', '"This decision is wrong and unfair."',
           '"We reject this levy completely."']
_COUNTRIES = ["Chile", "Norway", "Peru", "Kenya"]


def run(extractor: Extractor, body: str) -> Extraction:
    return extractor.extract(extractor.prepare(ArticleInput(text=body, title=TITLE)))


def _surname(phrase: str) -> str:
    return phrase.split(",")[0].split()[-1]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(earlier=st.sampled_from(_EARLIER), named=st.sampled_from(_NAMED), link=st.sampled_from(_LINKS),
       intro=st.sampled_from(_INTROS), quote=st.sampled_from(_QUOTES), new_paragraph=st.booleans())
def test_a_pronoun_after_a_sentence_about_someone_refers_to_them(extractor: Extractor, earlier: str, named: str,
                                                                  link: str, intro: str, quote: str,
                                                                  new_paragraph: bool) -> None:
    """"Li Wenbo ... was more blunt. In a phone interview, he said: '...'": the quote is Li's, though
    the last one to speak before was someone else (who must not be credited with it)."""
    body = (f'{earlier} said on Thursday that the levy was regrettable.\n\n'
            f'{named} {link}{chr(10) * 2 if new_paragraph else " "}{intro}: {quote}')
    got = run(extractor, body)
    words = quote.strip('"').split()[1:4]
    said = {r.actor.name for r in got.reactions if r.evidence and " ".join(words) in r.evidence}
    assert said and all(_surname(named) in name for name in said), \
        (said, [(r.actor.name, r.evidence) for r in got.reactions])


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(country=st.sampled_from(_COUNTRIES), link=st.sampled_from([
    "was in an interesting position, as it shares the concerns of the steel makers.",
    "which had asked for talks, was rather muted after the announcement.",
    "has long been a buyer of Canadian steel."]),
    verb=st.sampled_from(["It said that", "It strongly affirmed that", "On Friday it warned that"]))
def test_it_after_a_sentence_about_a_country_is_that_country(extractor: Extractor, country: str, link: str,
                                                             verb: str) -> None:
    """"Taiwan was in an interesting position ... It said that the award was unacceptable": "it" is the
    country the sentence before was about, not the last body that spoke."""
    body = ("The European Commission said the levy was regrettable.\n\n"
            f"{country}{'' if link.startswith('was') or link.startswith('has') else ','} {link} "
            f"{verb} the levy was completely unacceptable.")
    got = run(extractor, body)
    said = {r.actor.name for r in got.reactions if r.evidence and "unacceptable" in r.evidence}
    assert said == {country}, [(r.actor.name, r.evidence) for r in got.reactions]


@settings(max_examples=16, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(opener=st.sampled_from(["Further afield", "Elsewhere"]),
       name=st.sampled_from(["Ruth Okafor", "Cecile Marchand", "Tomas Varga", "Kenji Morimoto"]),
       title=st.sampled_from(["president of the Steel Workers Alliance", "head of the Shipbuilders Federation",
                              "chairwoman of the Harbour Trade Council"]),
       said=st.sampled_from(["said it was terrible news", "said the levy was a disaster"]))
def test_a_name_the_parser_leaves_without_a_verb_still_speaks(extractor: Extractor, opener: str, name: str,
                                                              title: str, said: str) -> None:
    """"Further afield Cecile Richards, president of ..., said": the parser reads the name as the object of
    "afield" and gives "said" no subject; the name that ends where the verb starts is who speaks."""
    got = run(extractor, f"{opener} {name}, {title}, {said}.")
    assert {r.actor.name for r in got.reactions} == {name}, [(r.actor.name, r.evidence) for r in got.reactions]


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=st.sampled_from(["Theresa", "Helen", "Margaret", "Joanna"]),
       title=st.sampled_from(["Prime Minister", "Trade Minister"]))
def test_a_surname_that_is_also_a_word_before_the_verb_is_the_speaker(extractor: Extractor, first: str,
                                                                       title: str) -> None:
    """"Prime Minister Theresa May called it ...": "May" tagged as a modal verb leaves "called" without a
    subject; the name just before the verb is still who spoke."""
    got = run(extractor, f"{title} {first} May called it an appalling act and suspended her campaign.")
    assert {r.actor.name for r in got.reactions} == {f"{first} May"}, [(r.actor.name, r.evidence) for r in got.reactions]


@settings(max_examples=16, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(["Foreign Minister Ana Rojas", "Senator Dana Whitfield", "Norway",
                             "Trade Secretary Kenji Morimoto"]),
       when=st.sampled_from(["", " on Thursday", " also"]),
       quote=st.sampled_from(['"condemned the levy as an act of economic aggression"',
                              '"welcomed the decision to protect the steel industry"',
                              '"strongly criticised the levy and urged Canada to reconsider"']))
def test_a_quote_that_opens_on_the_verb_is_its_subjects_reaction(extractor: Extractor, name: str, when: str,
                                                                 quote: str) -> None:
    """'Kerry on Thursday "commended the work of the coalition ..."': the quote marks open on the verb,
    quoting a readout of what the subject did; the subject, outside them, is who reacted."""
    got = run(extractor, f"{name}{when} {quote}, according to a senior official.")
    expected = name.split()[-1]
    assert {r.actor.name.split()[-1] for r in got.reactions} == {expected}, \
        [(r.actor.name, r.evidence) for r in got.reactions]


@settings(max_examples=16, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(["President Ana Rojas", "Chancellor Tomas Varga", "Norway", "Prime Minister Ruth Okafor"]),
       case=st.sampled_from([
           ("Voters elect Marta Silva president of Brazil", "greeted Marta Silva's victory in a note."),
           ("Voters elect Marta Silva president of Brazil", "warmly greeted the election result on Sunday."),
           ("Gunman kills worshippers at two mosques in Kestrel Bay",
            "mourned the worshippers who were murdered in the mosques."),
           ("Gunman kills worshippers at two mosques in Kestrel Bay", "mourned with the families of the victims.")]))
def test_greeting_and_mourning_are_reactions(extractor: Extractor, name: str, case: tuple[str, str]) -> None:
    """"Biden greeted Lula's victory in a note", "Merkel mourned with the New Zealanders": verbs that
    report a reaction as surely as "congratulated" and "condemned" do."""
    title, rest = case
    got = run_titled(extractor, f"{name} {rest}", title)
    assert {r.actor.name.split()[-1] for r in got.reactions} == {name.split()[-1]}, \
        [(r.actor.name, r.evidence) for r in got.reactions]


def run_titled(extractor: Extractor, body: str, title: str) -> Extraction:
    return extractor.extract(extractor.prepare(ArticleInput(text=body, title=title)))


@settings(max_examples=16, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(["Information Minister Ruth Okafor", "Trade Minister Kenji Morimoto",
                             "Senator Dana Whitfield"]),
       about=st.sampled_from(["also confirmed to reporters on Wednesday that talks were under way.",
                              "issued a scathing critique.", "took a harder line on Friday."]),
       quote=st.sampled_from(['"This levy is an unfriendly act and we will answer it."',
                              '"Canada should be reminded that it is bound by its trade agreements."']))
def test_a_quote_of_its_own_below_a_paragraph_about_someone_is_theirs(extractor: Extractor, name: str, about: str,
                                                                      quote: str) -> None:
    """"Baryomunsi also confirmed to AFP that ..." / "\u201cUganda is a sovereign country ...\u201d": a paragraph
    that is only a quote, below one about a person who said nothing there, is that person's."""
    body = f"The European Commission said the levy was regrettable.\n\n{name} {about}\n\n{quote}"
    got = run(extractor, body)
    words = " ".join(quote.strip('"').split()[1:4])
    said = {r.actor.name for r in got.reactions if r.evidence and words in r.evidence}
    assert said == {" ".join(name.split()[-2:])}, [(r.actor.name, r.evidence) for r in got.reactions]


@settings(max_examples=16, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(country=st.sampled_from(_COUNTRIES),
       reopened=st.sampled_from(['"We are working on this. Can we accept that? "This hurts many countries."',
                                 '"It is a bad day. "The levy breaks every promise."']),
       then=st.sampled_from(["said on Friday that it rejected the levy.", "said the levy was unacceptable."]))
def test_a_quote_reopened_without_closing_does_not_swallow_the_paragraph(extractor: Extractor, country: str,
                                                                         reopened: str, then: str) -> None:
    """A quote that runs on and is reopened ('"They are working on this. "This is disturbing ..."') leaves
    an odd number of quotation marks: counting them would put the rest of the paragraph inside a
    quote. "Morocco also now says it will join the coalition" after it is still Morocco's reaction."""
    body = f"Trade Minister Kenji Morimoto said: {reopened} {country} {then}"
    got = run(extractor, body)
    assert country in {r.actor.name for r in got.reactions}, [(r.actor.name, r.evidence) for r in got.reactions]


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(["Prime Minister Ruth Okafor", "Senator Dana Whitfield", "Senator Tomas Varga"]),
       verb=st.sampled_from(["said", "warned", "added"]))
def test_a_quote_nested_in_a_quote_does_not_hide_its_speaker(extractor: Extractor, name: str, verb: str) -> None:
    """'"Assange's arrest shows "no one is above the law," British Prime Minister Theresa May declared':
    three marks, the second opening an inner quote; the speaker after the close is outside them all."""
    got = run(extractor, f'"Canada\'s levy shows "it does not respect the rules of trade," {name} {verb}.')
    assert {r.actor.name for r in got.reactions} == {" ".join(name.split()[-2:])}, \
        [(r.actor.name, r.evidence) for r in got.reactions]


_FILLERS = ["We will study the details with our partners.", "Our ministers will meet next week.",
            "Talks will go on in Geneva."]
_JUDGED = [('This levy is a grave mistake.', "oppose"), ('We welcome this decision warmly.', "support"),
           ('We strongly condemn the levy.', "oppose")]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(judged=st.sampled_from(_JUDGED), fillers=st.lists(st.sampled_from(_FILLERS), min_size=1, max_size=2,
                                                          unique=True),
       at=st.integers(0, 2), said_after=st.booleans(), speaker=st.sampled_from(_NAMED[1:2] + _EARLIER))
def test_a_quotation_of_several_sentences_is_said_whole(extractor: Extractor, judged: tuple[str, str],
                                                         fillers: list[str], at: int, said_after: bool,
                                                         speaker: str) -> None:
    """'"This levy is a grave mistake. We will study the details," Halden said': the judgement in any
    sentence of the quotation is the speaker's, whether the attribution comes before or after it."""
    sentences = list(fillers)
    sentences.insert(min(at, len(sentences)), judged[0])
    quote = " ".join(sentences)
    body = (f'"{quote[:-1]}," {speaker} said on Friday.' if said_after else f'{speaker} said on Friday: "{quote}"')
    got = run(extractor, "Canada announced a levy on imported steel on Thursday.\n\n" + body)
    mine = [r for r in got.reactions if _surname(speaker) in r.actor.name]
    assert [r.stance for r in mine] == [judged[1]], [(r.actor.name, r.stance, r.evidence) for r in got.reactions]
    assert judged[0].rstrip(".") in mine[0].evidence
