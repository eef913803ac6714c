"""Pydantic models of the domain.

They are strict at the edges: unknown fields and values of the wrong type are
rejected with pydantic's readable messages rather than silently coerced, so a
typo in a JSON Lines file or an API body is reported instead of ingested.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Annotated, Any, Literal, TypeVar

import pycountry
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

Stance = Literal["support", "oppose", "neutral"]
ActorKind = Literal["person", "organization", "country"]
STANCES: tuple[Stance, ...] = ("support", "oppose", "neutral")


def _iso_country(code: str) -> str:
    if pycountry.countries.get(alpha_2=code) is None:
        raise ValueError(f"{code!r} is not an ISO 3166-1 alpha-2 country code")
    return code


CountryCode = Annotated[str, Field(pattern=r"^[A-Z]{2}$"), AfterValidator(_iso_country)]
# Dates arrive as ISO strings from JSON and files; accept them even in strict models.
LaxDate = Annotated[dt.date, Field(strict=False)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


M = TypeVar("M", bound=BaseModel)


def trusted(model: type[M], **values: Any) -> M:
    """A model made from values that were validated when stored, without validating them again.

    For rows read back from the store (whose schema holds them to the same
    rules): `model_construct` costs 24 us a model, a fifth of a page of 50
    reactions; this sets the fields directly. Every field must be given.
    """
    obj = model.__new__(model)
    object.__setattr__(obj, "__dict__", values)
    object.__setattr__(obj, "__pydantic_fields_set__", set(values))
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj


def article_id(normalised_text: str) -> str:
    """The id of an article: a hash of its normalised text.

    Hashing the text (not the URL) makes re-ingesting the same article from
    another source, or twice, a no-op.
    """
    return hashlib.sha256(normalised_text.encode("utf-8")).hexdigest()[:24]


class ArticleInput(_Model):
    """An article as a user submits it: plain text or an HTML page."""

    text: str | None = None
    html: str | None = None
    title: str | None = None
    url: str | None = None
    published: LaxDate | None = None
    source: str | None = None

    @model_validator(mode="after")
    def _one_body(self) -> "ArticleInput":
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of 'text' or 'html'")
        return self


class Article(_Model):
    """A stored article. `text` is normalised; reaction spans index into it."""

    id: str
    title: str | None = None
    url: str | None = None
    published: LaxDate | None = None
    source: str | None = None
    text: str


class Event(_Model):
    """A real-world event that actors react to."""

    id: str
    label: str = Field(min_length=1)
    date: LaxDate | None = None


class _ActorFields(_Model):
    name: str = Field(min_length=1)
    kind: ActorKind
    country: CountryCode | None = None
    role: str | None = None
    organization: str | None = None
    aliases: tuple[str, ...] = ()


class ExtractedActor(_ActorFields):
    """An actor as extraction finds it, before the store gives it an id."""


class Actor(_ActorFields):
    """Someone who reacts: a person, an organisation or a country."""

    id: str
    reviewed: bool = False  # a person set its name, kind, country, role or organisation: ingests keep them


class _ReactionFields(_Model):
    stance: Stance
    confidence: float = Field(ge=0.0, le=1.0)
    evidence: str
    span: tuple[int, int]
    cue: str

    @model_validator(mode="after")
    def _span_order(self) -> "_ReactionFields":
        if not 0 <= self.span[0] <= self.span[1]:
            raise ValueError("span must be [start, end] with 0 <= start <= end")
        return self


class ExtractedReaction(_ReactionFields):
    """A reaction found in one article's text."""

    actor: ExtractedActor


class Reaction(_ReactionFields):
    """One actor's stance toward one event, as one article reports it."""

    id: str
    actor: str
    event: str
    article: str
    reviewed: bool = False
    note: str | None = None


class EventDraft(_Model):
    """The event an article is about, as extraction names it."""

    label: str = Field(min_length=1)
    date: LaxDate | None = None
    terms: dict[str, float] = Field(default_factory=dict, description="weighted topic terms that tell events apart")


class Extraction(_Model):
    """Everything extraction finds in one article."""

    article: Article
    event: EventDraft
    reactions: tuple[ExtractedReaction, ...]
