"""Scoring extraction against hand-annotated articles (see GUIDELINE.md).

The scoring follows the guideline to the letter: names are compared
lower-cased and stripped of titles, people also match on surname, several
extractions of one gold actor count once, optional golds are neither hits
nor misses, and country F1 compares (country, stance) pairs. Where it is
silent, a country matches under any of its names: the extractor names
each country by one canonical name (an analyst wants one actor per
country), which is the same actor as an annotator's "Britain" or "US".
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError
from spacy.lang.en.stop_words import STOP_WORDS

from .countries import gazetteer
from .errors import InvalidInput
from .extract import REPORTING_VERBS, Extractor
from .models import ActorKind, ArticleInput, ExtractedReaction, LaxDate, Stance
from .names import fold
from .words import words as _word_list

TITLE_WORDS = _word_list("title_words")


class GoldReaction(BaseModel):
    """One reaction a human annotator found."""

    model_config = ConfigDict(extra="ignore")
    actor: str
    aliases: list[str] = []
    actor_type: ActorKind
    country: str | None = None
    organization: str | None = None
    role: str | None = None
    stance: Stance
    evidence: str | None = None
    optional: bool = False


class GoldArticle(BaseModel):
    """One annotated article."""

    model_config = ConfigDict(extra="ignore")
    id: str
    event_key: str | None = None
    event: str | None = None
    title: str | None = None
    url: str | None = None
    published: LaxDate | None = None
    text: str
    reactions: list[GoldReaction]
    not_reactors: list[str] = []


SEALED_MARKER = "SEALED"  # a file of this name marks a split whose errors nobody may read


def is_sealed(directory: Path) -> bool:
    """Whether `directory` is a sealed split: scored only at the end of an issue, its errors never shown."""
    return (directory / SEALED_MARKER).exists()


def load_gold(directory: Path) -> list[GoldArticle]:
    """Every gold file (*.json) in `directory`, sorted by name."""
    files = sorted(directory.glob("*.json"))
    if not files:
        splits = sorted(d.name for d in directory.iterdir() if d.is_dir() and any(d.glob("*.json")))
        hint = f"; name one of its folders: {', '.join(splits)}" if splits else ""
        raise InvalidInput(f"no gold files (*.json) in {directory}{hint}")
    out = []
    for path in files:
        try:
            out.append(GoldArticle.model_validate_json(path.read_bytes()))
        except ValidationError as exc:
            raise InvalidInput(f"{path.name}: not a gold file: {exc.errors()[0]['msg']}") from None
    return out


def strip_name(name: str) -> str:
    """A name lower-cased and stripped of titles: "Senator Marco Rubio" -> "marco rubio"."""
    words = fold(name).replace(".", "").split()
    while len(words) > 1 and (words[0] in TITLE_WORDS or words[0] == "the"):
        words = words[1:]
    return " ".join(words)


def _surname(name: str) -> str:
    words = strip_name(name).split()
    return words[-1] if words else ""


def _country_named(name: str) -> str | None:
    """The country a name is one of the names of ("Britain", "United Kingdom", "UK": GB), if any."""
    match = gazetteer().lookup(name)
    return match.code if match is not None and match.how == "name" else None


def _matches(extracted: str, gold: GoldReaction, exact_only: bool) -> bool:
    name = strip_name(extracted)
    if name in {strip_name(n) for n in [gold.actor, *gold.aliases]}:
        return True
    if gold.actor_type == "country" and (code := _country_named(extracted)) is not None \
            and code in {_country_named(n) for n in [gold.actor, *gold.aliases]}:
        return True  # one country under another of its names: the extractor names each by one canonical name
    if exact_only or gold.actor_type != "person":
        return False
    return len(strip_name(gold.actor).split()) > 1 and _surname(extracted) == _surname(gold.actor)


def match_gold(name: str, golds: list[GoldReaction], taken: Iterable[int] = ()) -> int | None:
    """The index of the gold reaction an extracted actor `name` scores against, if any.

    Exact names (titles stripped, aliases too) first, then a person's
    surname; among several, the first not yet `taken`. The stance judge's
    training examples are labelled by this same matching.
    """
    taken = set(taken)
    for exact_only in (True, False):
        candidates = [i for i, g in enumerate(golds) if _matches(name, g, exact_only)]
        if candidates:
            return next((i for i in candidates if i not in taken), candidates[0])
    return None


@dataclass
class Counts:
    """Counts behind the scores of one article or a whole set."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    reaction_tp: int = 0
    reaction_fp: int = 0
    reaction_fn: int = 0
    stance_right: int = 0
    stance_total: int = 0
    country_tp: int = 0
    country_fp: int = 0
    country_fn: int = 0

    def __iadd__(self, other: "Counts") -> "Counts":
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        return self

    @staticmethod
    def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def actor(self) -> tuple[float, float, float]:
        """Actor precision, recall, F1."""
        return self._f1(self.tp, self.fp, self.fn)

    @property
    def reaction(self) -> tuple[float, float, float]:
        """Reaction (actor and stance) precision, recall, F1."""
        return self._f1(self.reaction_tp, self.reaction_fp, self.reaction_fn)

    @property
    def country(self) -> tuple[float, float, float]:
        """Country-stance pair precision, recall, F1."""
        return self._f1(self.country_tp, self.country_fp, self.country_fn)

    @property
    def stance_accuracy(self) -> float:
        """Share of matched, non-optional actors with the right stance."""
        return self.stance_right / self.stance_total if self.stance_total else 0.0


_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_DATE_NOTE = re.compile(r"\s*\([^()]*\b(?:1[89]|20)\d\d\)\s*$")  # "(June 2017)" closing the reference


_DOTTED = re.compile(r"\b(?:[A-Z]\.){2,}")  # "U.S." -> "US"
_POSSESSIVE = re.compile(r"['’][sS]$")


def _content_words(text: str) -> set[str]:
    """Content words compared by their first five letters ("withdrawal" and "withdraws" agree).

    Acronyms stay even when they spell a stop word: "US" is a country, not "us".
    """
    text = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), text)
    # A possessive is its name: "Iran's" cut to five letters was "iran'", which no "Iran" matched.
    words = [_POSSESSIVE.sub("", w) for w in _WORD.findall(text)]
    return {w.lower()[:5] for w in words
            if len(w) > 1 and (w.isupper() or w.lower() not in STOP_WORDS)}


def label_score(reference: str, label: str) -> float:
    """The share of the reference event's content words that the extracted label contains.

    The reference is the gold file's `event` line without its closing date
    note ("(June 2017)"), since a label is not expected to carry the date.
    Words count once, lower-cased, stop words left out, and compared by their
    first five letters, so inflections agree. Synonyms do not: "US" against
    "American" scores nothing, which is why this is a floor, not a verdict.
    """
    wanted = _content_words(_DATE_NOTE.sub("", reference))
    if not wanted:
        return 0.0
    return len(wanted & _content_words(label)) / len(wanted)


LABEL_LONG = 8  # words: a label longer than this reads like a sentence
_QUOTED = re.compile(r'["“«]([^"“”«»]+)["”»]|(?<![^\W_])[‘\']([^‘’\']+)[’\'](?![^\W_])')
_QUOTE_MARK = re.compile(r'["“”«»‘]|(?<![^\W_])[\'’]|[\'’](?![^\W_])')


def _plain(text: str) -> str:
    return " ".join(w.lower() for w in _WORD.findall(text))


def label_flaws(label: str, title: str | None, text: str, extractor: Extractor) -> frozenset[str]:
    """How a label fails to read as the name of an event: "quote" (it has quotation marks, or its
    words, two or more, run inside a passage the title or text quotes), "reporting verb" (a verb of
    a reactor speaking or reacting: "says", "condemn"), "long" (more than `LABEL_LONG` words)."""
    flaws = set()
    plain = _plain(label)
    passages = [_plain(m.group(1) or m.group(2)) for m in _QUOTED.finditer(f"{title or ''}\n{text}")]
    if _QUOTE_MARK.search(label) or (len(plain.split()) >= 2 and any(f" {plain} " in f" {p} " for p in passages)):
        flaws.add("quote")
    if any(t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in REPORTING_VERBS for t in extractor.nlp(label)):
        flaws.add("reporting verb")
    if len(label.split()) > LABEL_LONG:
        flaws.add("long")
    return frozenset(flaws)


@dataclass
class ArticleScore:
    """The scores of one article and what went wrong in it."""

    id: str
    counts: Counts
    event_key: str | None = None
    label: str | None = None
    label_score: float | None = None  # None where the gold file names no event
    label_flaws: frozenset[str] = frozenset()  # `label_flaws`
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    wrong_stances: list[str] = field(default_factory=list)
    # (confidence, right) for each scored extraction: matched with the gold stance, or not
    judged: list[tuple[float, bool]] = field(default_factory=list)
    # (confidence, right) for each found non-optional gold reactor alone: whether its stance is the gold one
    stances: list[tuple[float, bool]] = field(default_factory=list)


def score(gold: GoldArticle, found: Iterable[ExtractedReaction]) -> ArticleScore:
    """Score one article's extracted reactions against its gold reactions."""
    c = Counts()
    result = ArticleScore(gold.id, c)
    matched: dict[int, Stance] = {}
    for reaction in found:
        name = reaction.actor.name
        hit = match_gold(name, gold.reactions, matched)
        if hit is None:
            c.fp += 1
            c.reaction_fp += 1
            result.extras.append(f"{name} ({reaction.stance})")
            result.judged.append((reaction.confidence, False))
            continue
        if hit in matched:
            continue  # a further extraction of an actor already scored
        matched[hit] = reaction.stance
        g = gold.reactions[hit]
        if g.optional:
            continue
        c.tp += 1
        c.stance_total += 1
        result.judged.append((reaction.confidence, reaction.stance == g.stance))
        result.stances.append((reaction.confidence, reaction.stance == g.stance))
        if reaction.stance == g.stance:
            c.stance_right += 1
            c.reaction_tp += 1
        else:
            c.reaction_fp += 1
            result.wrong_stances.append(f"{g.actor}: {reaction.stance}, gold {g.stance}")
    for i, g in enumerate(gold.reactions):
        if g.optional:
            continue
        if i not in matched:
            c.fn += 1
            result.misses.append(f"{g.actor} ({g.stance})")
        if matched.get(i) != g.stance:
            c.reaction_fn += 1
    found = list(found) if not isinstance(found, list) else found
    gold_pairs = {(g.country, g.stance) for g in gold.reactions if not g.optional and g.country}
    optional_pairs = {(g.country, g.stance) for g in gold.reactions if g.optional and g.country} - gold_pairs
    got_pairs = {(r.actor.country, r.stance) for r in found if r.actor.country} - optional_pairs
    c.country_tp = len(gold_pairs & got_pairs)
    c.country_fp = len(got_pairs - gold_pairs)
    c.country_fn = len(gold_pairs - got_pairs)
    return result


@dataclass
class EventScore:
    """The summed scores of the articles about one event."""

    event_key: str
    articles: int
    counts: Counts
    label_scores: list[float]

    @property
    def label(self) -> float | None:
        """Mean label score of its articles."""
        return sum(self.label_scores) / len(self.label_scores) if self.label_scores else None


@dataclass
class Report:
    """Scores of every article and of the whole set."""

    articles: list[ArticleScore]
    total: Counts

    @property
    def label(self) -> float | None:
        """Mean label score over the articles whose gold file names the event."""
        scores = [a.label_score for a in self.articles if a.label_score is not None]
        return sum(scores) / len(scores) if scores else None

    def label_flaw_shares(self) -> dict[str, float]:
        """The share of articles whose label has each of `label_flaws`'s flaws."""
        n = len(self.articles) or 1
        return {flaw: sum(flaw in a.label_flaws for a in self.articles) / n
                for flaw in ("quote", "reporting verb", "long")}

    def events(self) -> list[EventScore]:
        """Per-event sums, in order of event key (articles without one are grouped under "-")."""
        out: dict[str, EventScore] = {}
        for a in self.articles:
            key = a.event_key or "-"
            e = out.setdefault(key, EventScore(key, 0, Counts(), []))
            e.articles += 1
            e.counts += a.counts
            if a.label_score is not None:
                e.label_scores.append(a.label_score)
        return [out[k] for k in sorted(out)]


def evaluate(directory: Path, extractor: Extractor) -> Report:
    """Extract every gold article in `directory` and score it."""
    golds = load_gold(directory)
    articles = [extractor.prepare(ArticleInput(text=g.text, title=g.title, url=g.url, published=g.published))
                for g in golds]
    total = Counts()
    scores = []
    for gold, extraction in zip(golds, extractor.extract_many(articles)):
        s = score(gold, list(extraction.reactions))
        s.event_key, s.label = gold.event_key, extraction.event.label
        if gold.event:
            s.label_score = label_score(gold.event, extraction.event.label)
        s.label_flaws = label_flaws(extraction.event.label, gold.title, gold.text, extractor)
        total += s.counts
        scores.append(s)
    return Report(scores, total)


CALIBRATION_BINS = ((0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01))


Judged = Literal["reactions", "stances"]


def _judged(report: Report, of: Judged) -> list[tuple[float, bool]]:
    return [j for a in report.articles for j in (a.judged if of == "reactions" else a.stances)]


def calibration(report: Report, of: Judged = "reactions") -> list[tuple[float, float, int, float]]:
    """(low, high, count, share right) per confidence bin, over every scored extraction.

    Of "reactions": a reaction is right when it matches a gold actor with
    the gold stance; an extra (no gold actor) is wrong. Of "stances": only
    the reactions that found a gold actor, right when their stance is the
    gold one, which is what the stance judge's confidence claims (its
    cross-validated reliability table is over these); the first adds what
    the speaker stages get wrong. Optional golds are left out of both.
    """
    judged = _judged(report, of)
    rows = []
    for low, high in CALIBRATION_BINS:
        inside = [right for conf, right in judged if low <= conf < high]
        rows.append((low, min(high, 1.0), len(inside), sum(inside) / len(inside) if inside else 0.0))
    return rows


def _label_cell(value: float | None) -> str:
    return f"{value:5.2f}" if value is not None else "    -"


def calibration_error(report: Report, of: Judged = "reactions") -> float:
    """Expected calibration error: how far confidence is from the share right, weighted by bin size.

    Per bin of `CALIBRATION_BINS`: |mean confidence - share right| times the
    bin's share of all scored extractions, summed. 0 means a confidence of
    0.7 is right 70% of the time; a judge whose confidence is to be read as a
    probability needs this small. `of` as in `calibration`.
    """
    judged = _judged(report, of)
    if not judged:
        return 0.0
    total = 0.0
    for low, high in CALIBRATION_BINS:
        inside = [(conf, right) for conf, right in judged if low <= conf < high]
        if inside:
            gap = sum(c for c, _ in inside) / len(inside) - sum(r for _, r in inside) / len(inside)
            total += len(inside) / len(judged) * abs(gap)
    return total


def format_report(report: Report, verbose: bool = False, by_article: bool = False) -> str:
    """The report as text: a row per event (per article with `by_article` or `verbose`), then the overall line.

    `verbose` adds each article's misses, extras and wrong stances.
    """
    head = (f"{'{}':44} {'arts':>4} {'gold':>4} {'actor P':>7} {'R':>5} {'F1':>5}  {'stance':>6}  {'react F1':>8}  "
            f"{'country F1':>10}  {'label':>5}")

    def row(name: str, n: int, c: Counts, label: float | None) -> str:
        p, r, f = c.actor
        gold = c.tp + c.fn
        return (f"{name[:44]:44} {n:4d} {gold:4d} {p:7.2f} {r:5.2f} {f:5.2f}  {c.stance_accuracy:6.2f}  "
                f"{c.reaction[2]:8.2f}  {c.country[2]:10.2f}  {_label_cell(label)}")

    if by_article or verbose:
        lines = [head.format("article")]
        for s in report.articles:
            lines.append(row(s.id, 1, s.counts, s.label_score))
            if verbose:
                lines.append(f"    label  {s.label!r}")
                for label, items in (("miss", s.misses), ("extra", s.extras), ("stance", s.wrong_stances)):
                    lines.extend(f"    {label:6} {item}" for item in items)
    else:
        lines = [head.format("event")]
        lines.extend(row(e.event_key, e.articles, e.counts, e.label) for e in report.events())
    lines.append(row(f"OVERALL (micro, {len(report.events())} events)", len(report.articles), report.total,
                     report.label))
    lines.append("")
    lines.append("gold: non-optional gold reactions; label: share of the reference event's content words "
                 "in the extracted event label")
    flaws = report.label_flaw_shares()
    lines.append(f"labels that read like a quote {flaws['quote']:.2f}, with a reactor's reporting verb "
                 f"{flaws['reporting verb']:.2f}, over {LABEL_LONG} words {flaws['long']:.2f}")
    for of, heading, error in (
            ("reactions", "calibration: confidence bin, reactions, share right (actor and stance)",
             "expected calibration error"),
            ("stances", "stance calibration: confidence bin, reactions that found a gold actor, share with its stance",
             "expected calibration error of the stance")):
        lines.append("")
        lines.append(heading)
        for low, high, count, share in calibration(report, of):
            lines.append(f"  {low:.1f}-{high:.1f}  {count:4d}  {share:5.2f}" if count
                         else f"  {low:.1f}-{high:.1f}     0      -")
        lines.append(f"{error} {calibration_error(report, of):.3f}")
    return "\n".join(lines)


def report_json(report: Report) -> str:
    """The overall figures as JSON, for scripts."""
    t = report.total
    return json.dumps({"actor": dict(zip("prf", t.actor)), "reaction": dict(zip("prf", t.reaction)),
                       "country": dict(zip("prf", t.country)), "stance_accuracy": t.stance_accuracy,
                       "articles": len(report.articles), "events": len(report.events()),
                       "gold_reactions": t.tp + t.fn, "label": report.label,
                       "label_flaws": report.label_flaw_shares(),
                       "per_event": [{"event_key": e.event_key, "articles": e.articles,
                                      "gold_reactions": e.counts.tp + e.counts.fn,
                                      "actor_f1": e.counts.actor[2], "stance_accuracy": e.counts.stance_accuracy,
                                      "reaction_f1": e.counts.reaction[2], "country_f1": e.counts.country[2],
                                      "label": e.label} for e in report.events()],
                       "calibration_error": calibration_error(report),
                       "calibration": [{"low": lo, "high": hi, "count": n, "right": r}
                                       for lo, hi, n, r in calibration(report)],
                       "stance_calibration_error": calibration_error(report, "stances"),
                       "stance_calibration": [{"low": lo, "high": hi, "count": n, "right": r}
                                              for lo, hi, n, r in calibration(report, "stances")]}, indent=1)
