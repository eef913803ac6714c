"""Event data for CAMEO tools: one tab-separated row per reaction, as GDELT, ICEWS and Phoenix users expect.

Every reaction is a dyadic event: its actor (the source) made a public
statement about a decision (whose maker, where known, is the target).

- Event codes, from the CAMEO codebook (Schrodt 2012): support is 051
  "Praise or endorse" (Goldstein +3.4, quad class 1, verbal cooperation);
  oppose is 111 "Criticize or denounce" (Goldstein -2.0, quad class 3,
  verbal conflict); neutral is 010 "Make statement, not specified below"
  (Goldstein 0.0, quad class 1).
- Actor codes: the ISO 3166-1 alpha-3 code of the actor's country (CAMEO's
  country codes) followed by a role code where the actor's role, body or
  name says it (`ROLES`); a country speaking as itself is the bare code;
  UN officials and bodies without a country are IGOUNO. Unknown stays empty.
- Target: the event's decision-maker when the event label names a stored
  actor (its name or an alias, a capitalised run of words: "Vladimir
  Putin's decision to ..."), the longest such name; else empty.
- Text fields (names, labels, quotes, URLs) have tabs and line breaks
  turned into spaces, so every row is one line of exactly `len(COLUMNS)`
  fields; nothing is quoted, as in GDELT's and ICEWS's files.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

import pycountry
from sqlalchemy import Engine, func, select

from . import schema as t
from .names import fold

COLUMNS = ("date", "source_name", "source_code", "source_country", "target_name", "target_code", "cameo_code",
           "event_label", "quad_class", "goldstein", "stance", "confidence", "event_id", "reaction_id", "quote",
           "url")


@dataclass(frozen=True)
class CameoEvent:
    """The CAMEO event a stance becomes."""

    code: str
    name: str
    goldstein: float
    quad_class: int


CAMEO = {
    "support": CameoEvent("051", "Praise or endorse", 3.4, 1),
    "oppose": CameoEvent("111", "Criticize or denounce", -2.0, 3),
    "neutral": CameoEvent("010", "Make statement, not specified below", 0.0, 1),
}

# Role codes by words in the actor's role, body or name; the first that matches wins.
ROLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("MIL", ("military", "army", "armed forces", "navy", "air force", "commander", "troops",
             "defence minist", "defense minist", "defence secretary", "defense secretary", "pentagon",
             "chief of staff")),
    ("SPY", ("intelligence", "spy agency")),
    ("COP", ("police",)),
    ("JUD", ("judge", "court", "justice", "prosecutor", "attorney general")),
    ("OPP", ("opposition",)),
    ("LEG", ("senator", "parliament", "lawmaker", "legislat", "congressman", "congresswoman", "congress",
             "member of parliament", "mp ", "speaker of the house", "assembly", "senate", "bundestag", "duma")),
    ("GOV", ("president", "prime minister", "minister", "ministry", "government", "chancellor", "secretary",
             "spokesperson", "spokesman", "spokeswoman", "ambassador", "embassy", "envoy", "cabinet", "king",
             "queen", "white house", "kremlin", "state department", "foreign office", "mayor", "governor",
             "premier", "head of state")),
    ("MED", ("journalist", "newspaper", "broadcaster", "editor")),
    ("LAB", ("union",)),
    ("BUS", ("chamber of commerce", "company", "corporation", "business", "ceo", "bank")),
    ("HRI", ("human rights",)),
)
_UN = re.compile(r"\b(united nations|un|unicef|unhcr|unesco|who)\b")


def role_code(kind: str, role: str | None, organization: str | None, name: str) -> str:
    """The CAMEO role code of an actor ('' when nothing says it)."""
    if kind == "country":
        return ""
    text = " " + " ".join(x for x in (role, organization, name) if x).lower() + " "
    for code, words in ROLES:
        if any(w in text for w in words):
            return code
    return ""


@functools.lru_cache(maxsize=100_000)  # once per actor, not per reaction: an export repeats busy actors
def actor_code(kind: str, country: str | None, role: str | None, organization: str | None, name: str) -> str:
    """The CAMEO actor code: ISO-3 country plus role ('USAGOV', 'GBR', 'IGOUNO'); '' when unknown."""
    if country:
        found = pycountry.countries.get(alpha_2=country)
        base = found.alpha_3 if found else ""
        return base + role_code(kind, role, organization, name) if base else ""
    text = " ".join(x for x in (role, organization, name) if x).lower()
    return "IGOUNO" if _UN.search(text) else ""


def clean(value: Any) -> str:
    """A field value on one line, without the tab that separates fields."""
    if value is None:
        return ""
    return " ".join(str(value).replace("\t", " ").splitlines()).replace("\r", " ")


_WORDS = re.compile(r"[^\W\d_][\w\-.]*", re.UNICODE)


def _candidates(label: str) -> list[str]:
    """Capitalised runs of one to five words in a label, longest first, as folded keys."""
    words = [(m.group(0), m.start()) for m in _WORDS.finditer(label.replace("\u2019", "'"))]
    keys: list[str] = []
    for n in range(5, 0, -1):
        for i in range(len(words) - n + 1):
            run = [w for w, _ in words[i:i + n]]
            if run[0][0].isupper() and run[-1][0].isupper():
                keys.append(fold(" ".join(run).rstrip(".")))
    return keys


@dataclass(frozen=True)
class Target:
    """An event's decision-maker."""

    name: str
    code: str


class Targets:
    """Decision-makers of events, looked up once per event by the names in its label."""

    def __init__(self, conn: Any) -> None:
        self._conn = conn
        self._found: dict[str, Target | None] = {}

    def of(self, event_id: str, label: str) -> Target | None:
        if event_id not in self._found:
            self._found[event_id] = self._lookup(label)
        return self._found[event_id]

    def _lookup(self, label: str) -> Target | None:
        keys = [k for k in _candidates(label) if k]
        if not keys:
            return None
        a, al = t.actors, t.actor_aliases
        rows = self._conn.execute(select(al.c.key, a.c.name, a.c.kind, a.c.country, a.c.role, a.c.organization, a.c.id)
                                  .join(a, a.c.id == al.c.actor_id).where(al.c.key.in_(keys))).all()
        if not rows:
            return None
        rank = {k: i for i, k in reversed(list(enumerate(keys)))}
        best = min(rows, key=lambda r: (rank[r.key], r.id))
        return Target(best.name, actor_code(best.kind, best.country, best.role, best.organization, best.name))


def rows(engine: Engine, event_id: str | None = None, actor_id: str | None = None) -> Iterator[list[str]]:
    """Every reaction (of one event, or of one actor) as a row of `COLUMNS`, by date, event and id."""
    r, a, e, art = t.reactions, t.actors, t.events, t.articles
    day = func.coalesce(art.c.published, e.c.date)
    query = (select(r.c.id, r.c.stance, r.c.confidence, r.c.evidence, r.c.event_id, a.c.name, a.c.kind,
                    a.c.country, a.c.role, a.c.organization, e.c.label, art.c.url, day.label("day"))
             .join(a, a.c.id == r.c.actor_id).join(e, e.c.id == r.c.event_id).join(art, art.c.id == r.c.article_id)
             .order_by(day, r.c.event_id, r.c.id))
    if event_id is not None:
        query = query.where(r.c.event_id == event_id)
    if actor_id is not None:
        query = query.where(r.c.actor_id == actor_id)
    with engine.connect() as conn, engine.connect() as lookups:
        targets = Targets(lookups)
        for row in conn.execution_options(yield_per=2000).execute(query):
            cameo = CAMEO[row.stance]
            target = targets.of(row.event_id, row.label)
            yield [clean(row.day.isoformat() if row.day else ""), clean(row.name),
                   actor_code(row.kind, row.country, row.role, row.organization, row.name), row.country or "",
                   clean(target.name if target else ""), target.code if target else "", cameo.code, clean(row.label),
                   str(cameo.quad_class), f"{cameo.goldstein:.1f}", row.stance, f"{row.confidence:.2f}", row.event_id,
                   row.id, clean(row.evidence), clean(row.url)]


def write(engine: Engine, out: IO[str], event_id: str | None = None, actor_id: str | None = None) -> int:
    """Write the header and every row as TSV; returns the number of rows."""
    out.write("\t".join(COLUMNS) + "\n")
    n = 0
    for row in rows(engine, event_id, actor_id):
        out.write("\t".join(row) + "\n")
        n += 1
    return n
