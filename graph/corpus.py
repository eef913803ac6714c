"""The annotated corpus: what a gold file must be, and which events it may not cover.

Gold files follow `../shared/eval/GUIDELINE.md`. The checks here are the ones
a scorer silently depends on (evidence copied exactly from the text, one
stance vocabulary, ISO country codes) plus the corpus's own rules (splits
disjoint by event, no event reserved for independent evaluation), so that a
mistake in annotation fails CI instead of skewing a figure.

Run `python -m graph.corpus check FILE_OR_DIR ...` to check files by hand.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any


from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .models import ActorKind, CountryCode, LaxDate, Stance

SPLITS = ("train", "validation", "test")
_ID = r"^[a-z0-9]+(-[a-z0-9]+)*$"


class StrictGoldReaction(BaseModel):
    """One gold reaction, with every field the guideline names and no other."""

    model_config = ConfigDict(extra="forbid")
    actor: str = Field(min_length=1)
    aliases: list[str]
    actor_type: ActorKind
    country: CountryCode | None
    organization: str | None
    role: str | None
    stance: Stance
    evidence: str = Field(min_length=1)
    optional: bool


class StrictGoldArticle(BaseModel):
    """One gold article of the corpus, with every field the guideline names and no other."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=_ID)
    event_key: str = Field(pattern=_ID)
    event: str = Field(min_length=5)
    url: str = Field(pattern=r"^https?://\S+$")
    title: str = Field(min_length=1)
    published: LaxDate
    text: str = Field(min_length=200)
    reactions: list[StrictGoldReaction]
    not_reactors: list[str]


@dataclass(frozen=True)
class ExcludedEvent:
    """An event no corpus article may be about, with the patterns that recognise it."""

    event: str
    patterns: tuple[re.Pattern[str], ...]

    def matches(self, text: str) -> bool:
        return any(p.search(text) for p in self.patterns)


def load_excluded(path: Path) -> list[ExcludedEvent]:
    """The excluded events of `corpus/excluded-events.json`."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return [ExcludedEvent(e["name"], tuple(re.compile(p, re.IGNORECASE) for p in e["patterns"]))
            for e in data["events"]]


def _load(path: Path) -> tuple[Any, list[str]]:
    """A file's JSON, or None and the reason it is not JSON."""
    try:
        return json.loads(path.read_text(encoding="utf-8")), []
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return None, [f"{path.name}: not JSON: {exc}"]


def check_article(path: Path, excluded: Sequence[ExcludedEvent] = ()) -> list[str]:
    """Every problem with one gold file, as readable lines (empty when it is sound)."""
    raw, problems = _load(path)
    return problems or _check(path, raw, excluded)


def _check(path: Path, raw: Any, excluded: Sequence[ExcludedEvent]) -> list[str]:
    try:
        article = StrictGoldArticle.model_validate(raw)
    except ValidationError as exc:
        return [f"{path.name}: {'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()]
    problems = []
    if path.stem != article.id:
        problems.append(f"{path.name}: the file name must be the id ({article.id}.json)")
    if not dt.date(2014, 1, 1) <= article.published <= dt.date(2025, 12, 31):
        problems.append(f"{path.name}: published {article.published} is outside 2014-2025")
    names: dict[str, str] = {}
    for i, r in enumerate(article.reactions):
        where = f"{path.name}: reactions[{i}] ({r.actor})"
        if r.evidence not in article.text:
            problems.append(f"{where}: evidence is not an exact substring of text: {r.evidence[:80]!r}")
        if r.actor_type == "country" and r.country is None:
            problems.append(f"{where}: a country actor needs its country code")
        for name in (r.actor, *r.aliases):
            key = name.casefold().strip()
            if key in names and names[key] != r.actor:
                problems.append(f"{where}: the name {name!r} also names {names[key]!r}")
            names.setdefault(key, r.actor)
    for name in article.not_reactors:
        if name.casefold().strip() in names:
            problems.append(f"{path.name}: {name!r} is both a reactor and in not_reactors")
    for event in excluded:
        if any(event.matches(s) for s in (article.event, article.event_key, article.title)):
            problems.append(f"{path.name}: its event looks like an excluded one: {event.event}")
    return problems


def gold_files(paths: Iterable[Path]) -> list[Path]:
    """The *.json gold files named, or found (recursively) in the folders named."""
    out: list[Path] = []
    for path in paths:
        out.extend(sorted(path.rglob("*.json")) if path.is_dir() else [path])
    return [p for p in out if p.name != "excluded-events.json"]


def check_corpus(root: Path, excluded: Sequence[ExcludedEvent]) -> list[str]:
    """Problems with the corpus as a whole: every file, unique ids, splits disjoint by event."""
    problems: list[str] = []
    ids: dict[str, Path] = {}
    split_of_event: dict[str, set[str]] = defaultdict(set)
    for split in SPLITS:
        folder = root / split
        files = sorted(folder.glob("*.json"))
        if not files:
            problems.append(f"{split}/: no gold files")
        for path in files:
            raw, unreadable = _load(path)
            problems.extend(unreadable or _check(path, raw, excluded))
            if not isinstance(raw, dict):
                continue
            if raw.get("id") in ids:
                problems.append(f"{path}: id {raw.get('id')} is also {ids[raw['id']]}")
            ids[raw.get("id")] = path
            split_of_event[raw.get("event_key")].add(split)
    for key, splits in sorted(split_of_event.items()):
        if len(splits) > 1:
            problems.append(f"event {key} is split across {', '.join(sorted(splits))}")
    return problems


def _main(argv: Sequence[str]) -> int:
    if len(argv) < 2 or argv[0] != "check":
        print("usage: python -m graph.corpus check FILE_OR_DIR ...", file=sys.stderr)
        return 2
    excluded_path = Path(__file__).resolve().parent.parent / "corpus" / "excluded-events.json"
    excluded = load_excluded(excluded_path) if excluded_path.exists() else []
    files = gold_files(Path(a) for a in argv[1:])
    problems = [p for f in files for p in check_article(f, excluded)]
    for p in problems:
        print(p)
    print(f"{len(files)} files, {len(problems)} problems")
    return 1 if problems else 0



if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
