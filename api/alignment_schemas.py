"""Request and response bodies of the alignment, coalition, timeline and comparison endpoints."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from graph.alignment import DEFAULT_TOP, MAX_TOP
from graph.models import Stance

from .schemas import Country, CountryCode, IsoDate, PageQuery, ReactionOut, _Out, _Request

__all__ = ["PageQuery"]  # re-exported for the routes

By = Literal["actor", "country"]
Position = Literal["support", "oppose", "neutral"]


class ScopeParams(_Request):
    by: By = Field("actor", description="pair actors, or countries (each with its officials and bodies)")
    event: list[str] = Field(default_factory=list, max_length=200,
                             description="only these events (repeat the parameter for several)")
    since: IsoDate | None = Field(None, description="reactions in articles published on or after")
    until: IsoDate | None = Field(None, description="reactions in articles published on or before")
    country: Country = CountryCode
    min_events: int = Field(2, ge=1, le=10_000, description="k: pairs need at least this many common events")
    top: int = Field(DEFAULT_TOP, ge=1, le=MAX_TOP,
                     description="consider the most active parties of the scope, at most this many")

    @model_validator(mode="after")
    def _dates(self) -> "ScopeParams":
        if self.since and self.until and self.since > self.until:
            raise ValueError("since is after until")
        for event in self.event:
            if not 1 <= len(event) <= 100:
                raise ValueError("an event id has 1 to 100 characters")
        return self


class AlignmentQuery(ScopeParams):
    party: str | None = Field(None, max_length=100, description="only pairs with this actor id (or country code)")
    other: str | None = Field(None, max_length=100, description="with `party`: only this one pair")
    order: Literal["events", "agreement", "disagreement"] = Field(
        "events", description="most common events first, most agreeing first, or most opposed first")
    events_per_pair: int = Field(5, ge=0, le=1000, description="how many of each pair's common events to list")
    limit: int = Field(50, ge=1, le=500, description="page size, at most 500")
    cursor: str | None = Field(None, max_length=1000, description="next_cursor of the previous page")

    @model_validator(mode="after")
    def _other_needs_party(self) -> "AlignmentQuery":
        if self.other is not None and self.party is None:
            raise ValueError("give `party` with `other`")
        return self


class CoalitionsQuery(ScopeParams):
    events_per_group: int = Field(10, ge=0, le=1000, description="how many defining events to list per coalition")


class CompareQuery(PageQuery):
    by: By = "actor"
    changed: bool = Field(False, description="only parties whose position differs")


class PartyOut(_Out):
    id: str = Field(description="actor id, or ISO code when by=country")
    name: str
    kind: str
    country: str | None
    events: int = Field(description="events in scope the party took a position on")


class SharedEventOut(_Out):
    id: str
    label: str
    date: dt.date | None
    a: Position = Field(description="the first party's position")
    b: Position = Field(description="the second party's position")


class PairOut(_Out):
    a: PartyOut
    b: PartyOut
    events: int = Field(description="common events")
    same: int = Field(description="events where both supported or both opposed")
    opposite: int = Field(description="events where one supported and the other opposed")
    neutral: int = Field(description="events where at least one was neutral: counted in `events`, on neither side")
    score: float = Field(ge=-1, le=1, description="(same - opposite) / events")
    shared: list[SharedEventOut] = Field(description="the common events, newest first, up to events_per_pair")


class ScopeOut(_Out):
    by: By
    events: list[str]
    since: dt.date | None
    until: dt.date | None
    country: str | None
    min_events: int
    parties: int = Field(description="parties considered")
    left_out: int = Field(description="parties with enough events beyond `top`, not considered")


class AlignmentPage(_Out):
    scope: ScopeOut
    items: list[PairOut]
    next_cursor: str | None


class DefiningEventOut(_Out):
    id: str
    label: str
    date: dt.date | None
    stance: Stance = Field(description="the side most members took")
    members: int = Field(description="members who took it")
    against: int = Field(description="members on the other side")


class CoalitionOut(_Out):
    id: str
    members: list[PartyOut]
    cohesion: float = Field(description="mean alignment score of member pairs with enough common events")
    pairs: int
    events: list[DefiningEventOut]


class CoalitionList(_Out):
    scope: ScopeOut
    items: list[CoalitionOut]
    unaligned: list[PartyOut] = Field(description="parties considered that side with nobody")


class Timeline(_Out):
    id: str
    label: str
    items: list[ReactionOut] = Field(description="oldest publication first; undated articles last")
    next_cursor: str | None


class ChangeOut(_Out):
    id: str
    name: str
    kind: str
    country: str | None
    a: Position
    b: Position
    changed: bool
    flipped: bool = Field(description="support on one event, oppose on the other")


class EventRefOut(_Out):
    id: str
    label: str
    date: dt.date | None


class ComparisonOut(_Out):
    a: EventRefOut
    b: EventRefOut
    items: list[ChangeOut] = Field(description="flips first, then other changes, then the unchanged")
    next_cursor: str | None


class IdPathRef(_Request):
    id: str = Field(min_length=1, max_length=100)


class ComparePath(_Request):
    id: str = Field(min_length=1, max_length=100, description="the earlier event, say")
    other: str = Field(min_length=1, max_length=100, description="the event to compare it with")
