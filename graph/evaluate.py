"""Scoring extraction against hand-annotated articles (see GUIDELINE.md).

The scoring follows the guideline to the letter: names are compared
lower-cased and stripped of titles, people also match on surname, several
extractions of one gold actor count once, optional golds are neither hits
nor misses, and country F1 compares (country, stance) pairs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from .errors import InvalidInput
from .extract import Extractor
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
    title: str | None = None
    url: str | None = None
    published: LaxDate | None = None
    text: str
    reactions: list[GoldReaction]
    not_reactors: list[str] = []


def load_gold(directory: Path) -> list[GoldArticle]:
    """Every gold file (*.json) in `directory`, sorted by name."""
    files = sorted(directory.glob("*.json"))
    if not files:
        raise InvalidInput(f"no gold files (*.json) in {directory}")
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


def _matches(extracted: str, gold: GoldReaction, exact_only: bool) -> bool:
    name = strip_name(extracted)
    if name in {strip_name(n) for n in [gold.actor, *gold.aliases]}:
        return True
    if exact_only or gold.actor_type != "person":
        return False
    return len(strip_name(gold.actor).split()) > 1 and _surname(extracted) == _surname(gold.actor)


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


@dataclass
class ArticleScore:
    """The scores of one article and what went wrong in it."""

    id: str
    counts: Counts
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    wrong_stances: list[str] = field(default_factory=list)
    # (confidence, right) for each scored extraction: matched with the gold stance, or not
    judged: list[tuple[float, bool]] = field(default_factory=list)


def score(gold: GoldArticle, found: Iterable[ExtractedReaction]) -> ArticleScore:
    """Score one article's extracted reactions against its gold reactions."""
    c = Counts()
    result = ArticleScore(gold.id, c)
    matched: dict[int, Stance] = {}
    for reaction in found:
        name = reaction.actor.name
        hit = None
        for exact_only in (True, False):
            candidates = [i for i, g in enumerate(gold.reactions) if _matches(name, g, exact_only)]
            if candidates:
                hit = next((i for i in candidates if i not in matched), candidates[0])
                break
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
class Report:
    """Scores of every article and of the whole set."""

    articles: list[ArticleScore]
    total: Counts


def evaluate(directory: Path, extractor: Extractor) -> Report:
    """Extract every gold article in `directory` and score it."""
    golds = load_gold(directory)
    articles = [extractor.prepare(ArticleInput(text=g.text, title=g.title, url=g.url, published=g.published))
                for g in golds]
    total = Counts()
    scores = []
    for gold, extraction in zip(golds, extractor.extract_many(articles)):
        s = score(gold, list(extraction.reactions))
        total += s.counts
        scores.append(s)
    return Report(scores, total)


CALIBRATION_BINS = ((0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01))


def calibration(report: Report) -> list[tuple[float, float, int, float]]:
    """(low, high, count, share right) per confidence bin, over every scored extraction.

    A reaction is right when it matches a gold actor with the gold stance;
    an extra (no gold actor) is wrong. Optional golds are left out.
    """
    judged = [j for a in report.articles for j in a.judged]
    rows = []
    for low, high in CALIBRATION_BINS:
        inside = [right for conf, right in judged if low <= conf < high]
        rows.append((low, min(high, 1.0), len(inside), sum(inside) / len(inside) if inside else 0.0))
    return rows


def format_report(report: Report, verbose: bool = False) -> str:
    """The report as a text table, with error lists when `verbose`."""
    lines = [f"{'article':48} {'actor P':>7} {'R':>5} {'F1':>5}  {'stance':>6}  {'react F1':>8}  {'country F1':>10}"]

    def row(name: str, c: Counts) -> str:
        p, r, f = c.actor
        return (f"{name[:48]:48} {p:7.2f} {r:5.2f} {f:5.2f}  {c.stance_accuracy:6.2f}  {c.reaction[2]:8.2f}  "
                f"{c.country[2]:10.2f}")

    for s in report.articles:
        lines.append(row(s.id, s.counts))
        if verbose:
            for label, items in (("miss", s.misses), ("extra", s.extras), ("stance", s.wrong_stances)):
                lines.extend(f"    {label:6} {item}" for item in items)
    lines.append(row("OVERALL (micro)", report.total))
    lines.append("")
    lines.append("calibration: confidence bin, reactions, share right (actor and stance)")
    for low, high, count, share in calibration(report):
        lines.append(f"  {low:.1f}-{high:.1f}  {count:4d}  {share:5.2f}" if count else f"  {low:.1f}-{high:.1f}     0      -")
    return "\n".join(lines)


def report_json(report: Report) -> str:
    """The overall figures as JSON, for scripts."""
    t = report.total
    return json.dumps({"actor": dict(zip("prf", t.actor)), "reaction": dict(zip("prf", t.reaction)),
                       "country": dict(zip("prf", t.country)), "stance_accuracy": t.stance_accuracy,
                       "articles": len(report.articles),
                       "calibration": [{"low": lo, "high": hi, "count": n, "right": r}
                                       for lo, hi, n, r in calibration(report)]}, indent=1)
