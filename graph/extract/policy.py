"""The policy step: from statements and their judgements to the reactions an article reports.

Three rules sit between the judge and the output, and none of them is
about words: who made the decision stands by it; a decision-maker who only
announced it made the event, not a reaction; and a country beside the one
person or body of it the text quotes (a headline "Israel supportive of
strike", a lead "Norway condemned ...") is that speaker under another name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..models import ExtractedActor, ExtractedReaction
from ..names import fold
from . import lexicon
from .attribution import Statement
from .judge import EventView, Judgement, StanceJudge, cues_of, judge_speakers
from .mentions import Candidate, Registry
from .persons import leader_country, leader_title, state_title

_ANNOUNCING = ("announc", "declar", "decid", "unveil")  # word beginnings of announcing a decision
# Word beginnings of the verbs a decision-maker uses of its own act ("vowed to slap tariffs", "pledged to
# open the country"): "vow" for "vowed", "pledg" for "pledging".
_OWN_ACT = tuple(sorted(verb.removesuffix("e") for verb in lexicon.OWN_ACT_VERBS))
# Word beginnings of the acts that answer an event ("recalled its ambassador", "sanctioned officials"): by
# whoever made the event they are the event itself ("the EU sanctioned four officials"), not an answer to it.
_COUNTERING = tuple(sorted(verb.removesuffix("e") for verb in lexicon.COUNTERMEASURE_VERBS))
# A run of capitalised words, one name ("Bank of Japan", "South Sudan"): names are resolved whole, so
# "Sudan" is not read in "South Sudan" nor "Mexico" in "New Mexico".
_LINK = lexicon.alternation(lexicon.NAME_LINKS)
_NAME_RUN = re.compile(r"[A-Z][\w.'’-]*(?:\s+(?:(?:" + _LINK + r")\s+)?[A-Z][\w.'’-]*)*")
_ANSWERING = re.compile(r"(?<![\w-])(?:" + lexicon.alternation(lexicon.ANSWERING_PHRASES) + r")(?![\w-])",
                        re.IGNORECASE)
_ANSWERING_ADVERBIAL = re.compile(
    r"(?<![\w-])(?:" + lexicon.alternation(lexicon.ANSWERING_ADVERBIALS) + r")(?![\w-])", re.IGNORECASE)


def reactions(text: str, statements: list[Statement], registry: Registry, deciders: set[str],
              lead_sentence: tuple[int, int] | None, judge: StanceJudge, event: EventView,
              named: frozenset[str] | set[str] = frozenset()) -> tuple[ExtractedReaction, ...]:
    """One reaction per speaker, in order of first statement, as the policy keeps them.

    `deciders` are the candidates who made the decision, `lead_sentence`
    where the lead tells it (article offsets), `text` the article's text
    the spans point into; `named`, the deciders the headline or lead names as themselves ("Italy banned
    ...", not "Italy's prosecutors charged ...": `event.agents`).
    """
    makers = _makers(deciders, registry, event.label, named)
    speakers = [(key, stmts) for key, stmts in _by_speaker(statements, registry).items()
                if not (key in makers
                        and _only_announces(stmts, lead_sentence, judge, event,
                                            _answers_in_headline(registry, key, event.title))
                        and (key in deciders or not cues_of(judge, stmts, event).takes_side))
                and not _only_reacts(stmts, judge, event)]
    judgements = judge_speakers(judge, [stmts for _, stmts in speakers], event)
    return tuple(_reaction(text, registry.candidates[key], stmts, judgement, key in deciders)
                 for (key, stmts), judgement in zip(speakers, judgements))


def _reaction(text: str, cand: Candidate, stmts: Sequence[Statement], judgement: Judgement,
              decider: bool) -> ExtractedReaction:
    stance, confidence, reason = judgement.stance, judgement.confidence, judgement.explanation
    if decider:
        # Who made the decision stands by it; what they condemn is what they acted against
        # ("the countries had failed to stop the flow of fentanyl", "a disastrous deal").
        if stance != "support":
            reason = "defends own decision"
        stance, confidence = "support", max(confidence, 0.7) if stance == "support" else 0.7
    if not 0 <= judgement.evidence < len(stmts):
        raise ValueError(f"the judge chose statement {judgement.evidence} of {len(stmts)} as evidence")
    chosen = stmts[judgement.evidence]
    start, end = chosen.start, chosen.end
    evidence = text[start:end]
    if chosen.quote is not None:  # from a title that is not part of the text: no span to point at
        evidence, start, end = chosen.quote, 0, 0
    # (world knowledge, so only here: the stages before read the text alone)
    country = _country_of(cand)
    actor = ExtractedActor(name=cand.name, kind=cand.kind, country=country, role=cand.role,
                           organization=cand.organization,
                           aliases=tuple(sorted(a for a in cand.aliases if a != cand.name)))
    return ExtractedReaction(actor=actor, stance=stance, confidence=confidence,
                             evidence=evidence, span=(start, end), cue=reason)


def _country_of(cand: Candidate) -> str | None:
    """The text's word on a candidate's country first: its country, then the country whose politics alone
    has the person's office ("Sen.", "Taoiseach": a "Senator Mark Phillips" is no namesake leader's);
    failing both, a head of state's or government's own country; last, the country of the body the text
    ties the person to."""
    return cand.country or ((cand.office_country or _leader_of(cand) or cand.body_country)
                            if cand.kind == "person" else None)


def _leader_of(cand: Candidate) -> str | None:
    """The country a person leads by name, read with the title the text gives them (`leader_country`)."""
    return leader_country(cand.name, titled=leader_title(cand.role),
                          as_state=state_title(cand.role, cand.organization))


def _makers(deciders: set[str], registry: Registry, label: str, as_themselves: frozenset[str] | set[str]) -> set[str]:
    """Who made the event, under every name the article gives them: the deciders, the actors the
    event's label names whole as its maker ("Trump-Kim declaration", "Swiss National Bank's U-turn",
    "Japan's move", not "Sudan" of "South Sudan shuts ..."), the same maker under another name
    ("European Central Bank" of the "ECB", "Narendra Modi" of the "Modi Government"), and, when a
    decider IS a country, its government or its head, that government's executive, seat and leader
    ("the Japanese government" of "Japan", "the White House" of "Trump"): a country only where the lead
    names it as the decider itself (`as_themselves`), not as the owner of whoever decided ("Italy's prosecutors
    charged ...", whatever the organ is called). A court, a congress, a
    central bank or a company decides on its own account: the government of its country answering it
    reacts, so a country the lead gives only as the owner of such an organ ("Chile's central bank") or
    read inside a longer name ("Bank of Japan") brings no government.

    Only to tell their announcements of the act from reactions: what they announce without a side (a
    maker the lead does not name as the decider: with none at all) is the event told again ("the Commerce
    Department announced it would add Huawei to its list"); the stance given to a defence stays the
    deciders' own (`_reaction`). Whom the act is aimed at is no maker ("levy on Mexican steel": Mexico's
    government announcing a complaint answers the act).
    """
    cands = registry.candidates
    agent = _agent_part(label)
    runs = list(_NAME_RUN.finditer(agent))
    words = {_unpossessed(w.strip(".'’")) for run in runs for w in run.group(0).replace("-", " ").split()}

    def whole(m: re.Match[str]) -> bool:
        # a name the label gives whole: "Japan" of "Japan's move", not "Sudan" of "South Sudan shuts ..."
        # nor "Japan" of "Bank of Japan"
        return any(r.start() == m.start() and (m.end() >= r.end() or agent[m.end():r.end()] in ("'s", "’s"))
                   for r in runs)

    def named(cand: Candidate) -> bool:
        names = (cand.name, *cand.aliases)
        if any(whole(m) for n in names if len(n) > 1
               for m in re.finditer(r"(?<![\w-])" + re.escape(n) + r"(?![\w-])", agent)):
            return True
        if cand.kind == "person":
            return cand.name.split()[-1] in words
        # a body named by its initials: "SNB" of "Swiss National Bank's U-turn"
        return any(len(n) > 1 and n.isupper() and any(_initials(r.group(0)) == n for r in runs) for n in names)

    core = set(deciders) | {key for key, cand in cands.items() if named(cand)}
    bare = [_unpossessed(r.group(0)) for r in runs]

    def inside(cand: Candidate) -> bool:
        # a country read inside a longer name of the label: "Guinea" of "Guinea-Bissau", "Japan" of "Bank of Japan"
        return any(n != b and re.search(r"\b" + re.escape(n) + r"\b", b)
                   for n in (cand.name, *cand.aliases) if len(n) > 1 for b in bare)

    # The government speaks for a decision only when the decider is that government: the country itself (as
    # the lead tells it: a label's "Kenyan court" or "Chile's central bank" names an organ, not the
    # country), its government or its head. A court, congress or central bank decides on its own account,
    # and the government answering it reacts.
    organs = {cands[k].country for k in deciders if cands[k].kind == "organization" and _own_account(cands[k].name)}
    if _own_account(" ".join(label.split()[:len(agent.split()) + 2])):
        organs |= {cands[k].country for k in deciders if cands[k].kind == "country"}
    countries = {code for k in core if (k in deciders or cands[k].kind != "country")
                 and (code := _government_of(cands[k])) is not None
                 and not (cands[k].kind == "country" and (code in organs or inside(cands[k]) or k not in as_themselves))}
    out = set(core)
    for key, cand in cands.items():
        if cand.kind == "organization" and cand.country in countries and _government_of(cand) == cand.country:
            out.add(key)
        elif cand.kind == "person" and cand.country in countries and _leader_of(cand) == cand.country:
            out.add(key)
        elif any(_same_maker(cand, cands[k]) for k in core if k != key):
            out.add(key)
    return out


def _own_account(name: str) -> bool:
    """Whether a name tells an organ that decides on its own account ("Bank of Canada", "Kenyan court"):
    the country it belongs to is not the decider, its government no maker."""
    return bool(lexicon.OWN_ACCOUNT_ORGANS & {_unpossessed(w.strip(",.:;'’\""))
                                              for w in fold(name).split()})


def _government_of(cand: Candidate) -> str | None:
    """The country whose government a candidate is: the country itself, its head ("Trump"), its executive
    ("the Japanese government", "Kenya's finance ministry") or its seat ("the White House")."""
    if cand.kind == "country":
        return cand.country
    if cand.kind == "person":
        return _leader_of(cand)
    if cand.kind == "organization" and cand.country and (
            lexicon.GOVERNMENT_ORGANS & set(fold(cand.name).split())
            or lexicon.SEATS_OF_GOVERNMENT.get(fold(cand.name)) == cand.country):
        return cand.country
    return None


def _agent_part(label: str) -> str:
    """The words of an event label that name who acted: its opening names ("UK government Tata Steel
    sign ...", "Japan's move", "Canada imposes levy on Mexican steel": "Canada") and the name after "by"
    ("decision by the US to ..."), not what the act is aimed at."""
    out: list[str] = []
    tokens = label.split()
    for word in tokens:
        bare = _unpossessed(word.strip(",.:;'’\""))
        if not bare or not (bare[0].isupper()
                            or bare.lower() in lexicon.BODY_HEADS | lexicon.STATE_HEADS | lexicon.AGENT_LINKS):
            break
        out.append(word)
    for i, word in enumerate(tokens[:-1]):
        if word.lower() == "by":
            rest = tokens[i + 2:] if tokens[i + 1].lower() == "the" else tokens[i + 1:]
            for w in rest:
                if not w[:1].isupper():
                    break
                out.append(w)
    return " ".join(out)


def _unpossessed(word: str) -> str:
    """A word without a possessive's ending, either apostrophe: "Japan" of "Japan's"."""
    return word.removesuffix("'s").removesuffix("’s")


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _same_maker(cand: Candidate, maker: Candidate) -> bool:
    """One maker under two names: a body and its initials ("European Central Bank", "ECB"), a government
    and the person it is named after ("Modi Government", "Narendra Modi")."""
    if cand.kind == "organization" and maker.kind == "organization":
        return _same_body(cand.name, maker)
    if cand.kind == "person" and maker.kind == "organization":
        return cand.name.split()[-1] in maker.name.split()
    return False


def _answers_in_headline(registry: Registry, key: str, title: str) -> bool:
    """Whether the headline tells the candidate's act as answering another: the candidate is the name the
    headline opens with, before its answering word ("Peru recalls ambassador after Bolivia closes border":
    Peru; not Bolivia, nor the "Britons" of "China sanctions Britons after ...")."""
    found = _ANSWERING.search(title)
    subject = _NAME_RUN.match(title.removeprefix("The "))
    if found is None or subject is None or subject.end() > found.start():
        return False
    name, cand = _unpossessed(subject.group(0)), registry.candidates[key]
    if name in (cand.name, *cand.aliases):
        return True
    return cand.kind == "country" and (m := registry.gazetteer.lookup(name)) is not None and m.code == cand.country


def _only_announces(stmts: list[Statement], lead_sentence: tuple[int, int] | None, judge: StanceJudge,
                    event: EventView, answers: bool = False) -> bool:
    """The decision-maker only announced the decision: that is the event, not a reaction to it.

    Announcing words anywhere ("Trump announced the withdrawal"), vows and
    pledges that take no side ("pledged to open Iran to the world"), the act
    itself in the words of a countermeasure ("the EU sanctioned four officials",
    where the event is the EU's sanctions: no one answers their own act), unless
    `answers` (the headline tells the speaker's act as answering another) or the
    sentence does ("in response"), a participle
    on the act itself ("The ICC issued the warrants, accusing them of war
    crimes": its grounds, not a response), and, in
    the lead's first sentence, plain "said" about what the speaker will do,
    taking no side by the judge: that tells the decision itself ("Trump said
    on Tuesday he would halt funding to the WHO"; not "Trump said the funds
    were wasted" or "said they have defeated ISIS", a defence of it).
    """
    def announces(stmt: Statement) -> bool:
        words = {w.strip().lower() for w in stmt.trigger.split(",")}
        if _thanks(stmt, words):
            return True  # the winner "gave her thanks to the voters": the agent answers its helpers, not the event
        if stmt.aside or all(w.startswith(_ANNOUNCING) for w in words):
            return True  # (a participle on the act itself tells the act: "issued the warrants, accusing them of ...")
        if all(w.startswith(_COUNTERING) for w in words) and not answers and not _ANSWERING_ADVERBIAL.search(stmt.text):
            # its own act told: "Norway bans palm oil imports" by the Norway that banned them; but one told as
            # answering another act (a headline "Peru recalls ambassador after Bolivia closes border", "in
            # response") answers it, though the headline made it the event
            return True
        if all(w.startswith(_OWN_ACT) for w in words) and not cues_of(judge, [stmt], event).takes_side:
            return True  # a vow without a side vows the act ("vowed to slap tariffs"), not its defence
        return lead_sentence is not None and lead_sentence[0] <= stmt.start < lead_sentence[1] \
            and words <= lexicon.PLAIN_SPEECH and stmt.about_self and not cues_of(judge, [stmt], event).takes_side

    return all(map(announces, stmts))


def _thanks(stmt: Statement, words: set[str]) -> bool:
    """The statement only thanks: "thanked the voters", "gave her thanks to the voters", "offered his
    gratitude to the lawmakers who voted for it" (a thanking noun the trigger is, or gives)."""
    if all(w.startswith("thank") for w in words):
        return True
    return any(t.lemma_.lower() in lexicon.THANKING_NOUNS and t.pos_ == "NOUN"
               and (t.lower_ in words or (t.dep_ in ("dobj", "nsubjpass") and t.head.lower_ in words))
               for t in stmt.words)


def _only_reacts(stmts: list[Statement], judge: StanceJudge, event: EventView) -> bool:
    """Only that the speaker reacted, with nothing of how: "Congress Reacts To Trump's Meeting With
    Putin", "the reactions from industry and Capitol Hill were split". A reaction whose words carry no
    cue tells no stance, not even a neutral one; the reactions are told after it, by whoever made them."""
    def bare(stmt: Statement) -> bool:
        # (not "reacted positively", "responded with anger": how they reacted is what they said)
        return all(w.strip().lower().startswith(("react", "respon")) for w in stmt.trigger.split(",")) \
            and not any(t.head.lemma_.lower() in lexicon.REACTING_WORDS and (
                (t.dep_ in ("advmod", "acomp") and t.tag_ != "WRB") or (t.dep_ == "prep" and t.lower_ in ("with", "by")))
                for t in stmt.words)

    return all(map(bare, stmts)) and not cues_of(judge, stmts, event).grounds


def _own_speaker(stmt: Statement, makers: set[str], registry: Registry) -> str:
    """Who a statement is given to: a country's, to the one person or body of it that makes the same
    statement ("France, Germany and Italy were quick to respond, and their leaders, Macron, Merkel and
    Gentiloni, issued a joint statement": France's words are Macron's), else its own speaker."""
    cand = registry.candidates[stmt.key]
    if cand.kind != "country":
        return stmt.key
    own = [k for k in makers if registry.candidates[k].kind != "country" and _country_of(registry.candidates[k]) == cand.country]
    return own[0] if len(own) == 1 else stmt.key


def _by_speaker(statements: list[Statement], registry: Registry) -> dict[str, list[Statement]]:
    """Statements grouped by speaker, a country's given to the one more specific speaker of it.

    "Israel supportive of strike" over "Netanyahu said he backed it", or
    "Norway condemned the levy" beside its foreign minister's words: one
    speaker under two names (the guideline's granularity rule), so the
    country's statements join those of the one person or body of that
    country the text quotes. Beside two or more of them the country cannot
    be told apart from either and keeps its own reaction, less the
    statements that only sum them up: headlines, and sentences several
    speakers share ("France and Germany spoke out against the move").
    """
    grouped: dict[str, list[Statement]] = {}
    makers: dict[tuple[int, int], set[str]] = {}
    for stmt in statements:
        makers.setdefault((stmt.start, stmt.end), set()).add(stmt.key)
    for stmt in statements:
        grouped.setdefault(_own_speaker(stmt, makers[(stmt.start, stmt.end)], registry), []).append(stmt)

    def sums_up(stmt: Statement) -> bool:
        return stmt.headline or len(makers[(stmt.start, stmt.end)]) > 1

    quoted: dict[str, list[str]] = {}  # country -> its speakers other than itself, outside summaries
    for key, stmts in grouped.items():
        cand = registry.candidates[key]
        if cand.kind != "country" and cand.country and not all(map(sums_up, stmts)):
            quoted.setdefault(cand.country, []).append(key)
    order = {id(stmt): n for n, stmt in enumerate(statements)}
    out: dict[str, list[Statement]] = {}
    for key, stmts in grouped.items():
        cand = registry.candidates[key]
        if cand.kind == "organization" and all(map(sums_up, stmts)):
            # "UN calls for diplomacy" over the quote of "United Nations Secretary-General Antonio Guterres":
            # a body in a headline or a summary beside the one person the text quotes for it is that person
            # (a person who speaks for the body: not a country's envoy to it, "Mexico's ambassador to the UN",
            # nor a former officer)
            heads = [k for k, ss in grouped.items() if registry.candidates[k].kind == "person"
                     and _same_body(registry.candidates[k].organization, cand) and not all(map(sums_up, ss))
                     and registry.candidates[k].country is None
                     and "former" not in (registry.candidates[k].role or "").lower()]
            if len(heads) == 1:
                out.setdefault(heads[0], []).extend(stmts)
                continue
        speakers = quoted.get(cand.country or "", []) if cand.kind == "country" else []
        if len(speakers) == 1:  # one speaker under two names: the country's words are its official's
            out.setdefault(speakers[0], []).extend(stmts)
        elif not (speakers and all(map(sums_up, stmts))):
            out.setdefault(key, []).extend(stmts)
    return {key: sorted(stmts, key=lambda s: order[id(s)]) for key, stmts in out.items()}


def _same_body(organization: str | None, body: Candidate) -> bool:
    """Whether a person's organisation is `body` or a part of it named after it, under its name or its
    initials: "United Nations" is the "UN", "African Union Commission" is of the "African Union"."""
    if not organization:
        return False
    org = fold(organization)
    return any(org == fold(name) or org.startswith(fold(name) + " ") or _initials(organization) == name
               or _initials(name) == organization for name in (body.name, *body.aliases))
