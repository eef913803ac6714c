"""Request and response bodies of the HTTP API.

They drive both validation and the OpenAPI document. Request models reject
unknown fields; query models accept strings from the URL (lax) but no
unknown parameters.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import re
from typing import Annotated, Any, Literal


from pydantic import (AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, field_validator,
                      model_validator)

from graph.models import ActorKind, Stance
from graph.paging import DEFAULT_LIMIT, MAX_CURSOR_CHARS, MAX_LIMIT

def _iso_date(value: Any) -> Any:
    # Lax parsing would take 0 or "1700000000" as timestamps; the API documents ISO dates only.
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("expected a date as YYYY-MM-DD")
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
CountryCode = Field(default=None, pattern=r"^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2 code, in any case")


def _upper(value: str | None) -> str | None:
    return value.upper() if value is not None else None


# A country filter: "gb" and "GB" both mean the United Kingdom, as in /api/countries/<code>.
Country = Annotated[str | None, AfterValidator(_upper)]


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="before")
    @classmethod
    def _no_nul(cls, value: Any, info: ValidationInfo) -> Any:
        # PostgreSQL cannot store NUL in text, and no id or name contains one;
        # a lone surrogate (valid in JSON, "\ud800") cannot be encoded for any
        # database. Article text is normalised instead (graph.extract.text).
        if info.field_name in ("text", "html"):
            return value
        # A repeated query parameter (`event=a&event=b`) arrives as a list: each of its values is checked.
        for item in value if isinstance(value, (list, tuple)) else (value,):
            if isinstance(item, str):
                if "\x00" in item:
                    raise ValueError("text may not contain NUL characters")
                try:
                    item.encode("utf-8")
                except UnicodeEncodeError:
                    raise ValueError("text may not contain lone surrogates") from None
        return value

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """The JSON schema, made once per class and arguments.

        flask-openapi3 asks for a query model's whole JSON schema on every
        request to learn which fields are lists; building it was a third of
        the time of a page of reactions, and copying it a twentieth: that
        read-only look-up (no arguments) gets the cached schema itself.
        """
        if not args and not kwargs:  # flask-openapi3's per-request look-up, which only reads it
            return _json_schema(cls, (), ())
        return copy.deepcopy(_json_schema(cls, args, tuple(sorted(kwargs.items()))))


@functools.cache
def _json_schema(model: type[BaseModel], args: tuple[Any, ...], kwargs: tuple[tuple[str, Any], ...]) -> dict[str, Any]:
    return super(_Request, model).model_json_schema(*args, **dict(kwargs))  # type: ignore[misc]


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


# -- errors -------------------------------------------------------------------

class Problem(_Out):
    """RFC 9457 problem details."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None
    errors: list[dict[str, Any]] | None = Field(default=None, description="what failed validation, field by field")


# -- path and query parameters -----------------------------------------------

class IdPath(_Request):
    id: str = Field(min_length=1, max_length=100)


class CountryPath(_Request):
    code: str = Field(min_length=1, max_length=100)


class PageQuery(_Request):
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"page size, at most {MAX_LIMIT}")
    cursor: str | None = Field(None, max_length=MAX_CURSOR_CHARS, description="next_cursor of the previous page")


class EventsQuery(PageQuery):
    q: str | None = Field(None, max_length=200, description="text the label contains")


class ActorsQuery(PageQuery):
    kind: ActorKind | None = None
    country: Country = CountryCode
    q: str | None = Field(None, max_length=200, description="text any of the actor's names contains")


class EventReactionsQuery(PageQuery):
    stance: Stance | None = None
    country: Country = CountryCode
    kind: ActorKind | None = None
    actor: str | None = Field(None, max_length=100, description="actor id")


class ReactionsQuery(PageQuery):
    event: str | None = Field(None, max_length=100, description="event id")
    actor: str | None = Field(None, max_length=100, description="actor id")
    stance: Stance | None = None
    country: Country = CountryCode
    kind: ActorKind | None = None
    since: IsoDate | None = Field(None, description="articles published on or after")
    until: IsoDate | None = Field(None, description="articles published on or before")


class ScopeQuery(_Request):
    event: str | None = Field(None, max_length=100, description="only this event and who reacted to it")
    actor: str | None = Field(None, max_length=100, description="only this actor's neighbourhood")


class GraphQuery(ScopeQuery):
    format: Literal["json", "graphml", "gexf"] = "json"


# -- request bodies -----------------------------------------------------------

class ArticleIn(_Request):
    """An article to ingest: `text` or `html`, and what is known about it."""

    text: str | None = Field(None, description="plain text of the article")
    html: str | None = Field(None, description="the article's HTML page; title and date are read from it")
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    published: IsoDate | None = None
    source: str | None = Field(None, max_length=500)
    event_id: str | None = Field(None, max_length=100, description="attach to this existing event")

    @model_validator(mode="after")
    def _one_body(self) -> "ArticleIn":
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of 'text' or 'html'")
        return self


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_CONTROL_BUT_LINES = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _no_control(pattern: re.Pattern[str], what: str) -> BeforeValidator:
    """Refuse control characters: labels and notes end up in pages, files and terminals."""
    def check(value: Any) -> Any:
        if isinstance(value, str) and pattern.search(value):
            raise ValueError(f"{what} may not contain control characters")
        return value
    return BeforeValidator(check)


class EventPatch(_Request):
    label: Annotated[str | None, _no_control(_CONTROL, "a label")] = Field(None, min_length=1, max_length=500)
    date: IsoDate | None = None

    @model_validator(mode="after")
    def _something(self) -> "EventPatch":
        if not self.model_fields_set:
            raise ValueError("give a new label and/or date")
        if "label" in self.model_fields_set and self.label is None:
            raise ValueError("label cannot be null")
        return self


class MergeIn(_Request):
    into: str = Field(min_length=1, max_length=100, description="id of the one that remains")


_NAME = _no_control(_CONTROL, "a name")


class ActorPatch(_Request):
    """A person's correction of an actor; any field left out stays as it is, null clears the optional ones."""

    name: Annotated[str | None, _NAME] = Field(None, min_length=1, max_length=500)
    kind: ActorKind | None = None
    country: Country = Field(None, pattern=r"^[A-Za-z]{2}$",
                             description="ISO 3166-1 alpha-2 code, in any case; null: none")
    role: Annotated[str | None, _no_control(_CONTROL, "a role")] = Field(None, min_length=1, max_length=500)
    organization: Annotated[str | None, _no_control(_CONTROL, "an organization")] = Field(
        None, min_length=1, max_length=500)

    @model_validator(mode="after")
    def _something(self) -> "ActorPatch":
        if not self.model_fields_set:
            raise ValueError("give a new name, kind, country, role and/or organization")
        for required in ("name", "kind"):
            if required in self.model_fields_set and getattr(self, required) is None:
                raise ValueError(f"{required} cannot be null")
        return self


class ReactionPatch(_Request):
    stance: Stance | None = None
    note: Annotated[str | None, _no_control(_CONTROL_BUT_LINES, "a note (but for tabs and line breaks)")] = Field(
        None, max_length=5000)

    @model_validator(mode="after")
    def _something(self) -> "ReactionPatch":
        if self.stance is None and self.note is None:
            raise ValueError("give a stance and/or a note")
        return self


# -- responses ------------------------------------------------------------------

class Health(_Out):
    status: Literal["ok"]
    database: Literal["ok"]


class StanceCounts(_Out):
    support: int
    oppose: int
    neutral: int


class Stats(_Out):
    articles: int
    events: int
    actors: int
    reactions: int
    by_stance: StanceCounts


class ActorRef(_Out):
    id: str
    name: str
    kind: ActorKind
    country: str | None
    role: str | None
    organization: str | None


class ActorOut(ActorRef):
    aliases: list[str]
    reviewed: bool = Field(description="a person corrected it (PATCH): ingests no longer change it")


class EventRef(_Out):
    id: str
    label: str


class ArticleRef(_Out):
    id: str
    title: str | None
    published: dt.date | None


class ReactionOut(_Out):
    id: str
    actor: ActorRef
    event: EventRef
    article: ArticleRef
    stance: Stance
    confidence: float
    evidence: str
    span: tuple[int, int]
    cue: str
    reviewed: bool
    note: str | None


class ActorCounts(StanceCounts):
    total: int = Field(description="distinct actors in all (one actor may take two stances)")


class EventOut(_Out):
    id: str
    label: str
    date: dt.date | None
    articles: int
    counts: StanceCounts = Field(description="reactions by stance")
    actors: ActorCounts = Field(description="distinct actors by stance and in all: an actor quoted in three "
                                            "articles is three reactions, one actor")


class EventDetail(EventOut):
    article_list: list[ArticleRef]
    by_country: dict[str, StanceCounts]


class ArticleSummary(_Out):
    id: str
    title: str | None
    url: str | None
    published: dt.date | None
    source: str | None
    event_id: str
    reactions: int


class ArticleDetail(_Out):
    id: str
    title: str | None
    url: str | None
    published: dt.date | None
    source: str | None
    event: EventRef
    text: str
    reactions: list[ReactionOut]


class Ingested(_Out):
    article: ArticleDetail
    event: EventOut
    reactions: list[ReactionOut]
    created: bool


class ActorDetail(ActorOut):
    counts: StanceCounts = Field(description="reactions by stance")
    items: list[ReactionOut] = Field(description="its reactions, newest first")
    next_cursor: str | None


class CountryDetail(_Out):
    code: str
    name: str
    counts: StanceCounts = Field(description="reactions by stance")
    actors: ActorCounts = Field(description="distinct actors (the country, its officials, its bodies) by stance "
                                            "and in all")
    items: list[ReactionOut] = Field(description="reactions of the country's actors, newest first")
    next_cursor: str | None


class EventPage(_Out):
    items: list[EventOut]
    next_cursor: str | None


class ActorPage(_Out):
    items: list[ActorOut]
    next_cursor: str | None


class ArticlePage(_Out):
    items: list[ArticleSummary]
    next_cursor: str | None


class ReactionPage(_Out):
    items: list[ReactionOut]
    next_cursor: str | None


class EventReactions(_Out):
    event: EventRef
    items: list[ReactionOut]
    next_cursor: str | None
