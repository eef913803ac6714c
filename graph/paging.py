"""Keyset paging with opaque cursors.

A cursor encodes the sort key of the last row of a page, so the next page is
an indexed range scan from there: pages stay fast deep into a list and
stable while rows are added, unlike OFFSET.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import math
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import Column, DateTime, Float, Integer, Select, String, and_, bindparam, or_, tuple_

from .errors import InvalidInput

T = TypeVar("T")
MAX_LIMIT = 500
DEFAULT_LIMIT = 50
MAX_CURSOR_CHARS = 1000


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list and the cursor of the next, if any."""

    items: list[T]
    next_cursor: str | None


@dataclass(frozen=True)
class Order:
    """A sort key: a column and its direction. The last key must be unique."""

    column: Column[Any]
    descending: bool = False


def _encode(values: list[Any]) -> str:
    plain = [v.isoformat() if isinstance(v, dt.datetime | dt.date) else v for v in values]
    return base64.urlsafe_b64encode(json.dumps(plain, separators=(",", ":")).encode()).decode().rstrip("=")


def _decode(cursor: str, order: list[Order]) -> list[Any]:
    """The sort key a cursor holds, each value checked against its column's type.

    A cursor comes from the client, so it may be forged: every value must be
    one the column could hold (a finite number in range, text without NUL or
    lone surrogates, a valid timestamp) before it reaches SQL, or the
    database itself would fail the request.
    """
    try:
        if len(cursor) > MAX_CURSOR_CHARS:
            raise ValueError
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
        if not isinstance(values, list) or len(values) != len(order):
            raise ValueError
        return [_checked(value, key.column) for value, key in zip(values, order)]
    except (ValueError, TypeError, OverflowError, RecursionError, binascii.Error):
        raise InvalidInput("cursor is not one this server issued") from None


def _checked(value: Any, column: Column[Any]) -> Any:
    """`value` as the type of `column`, or ValueError."""
    kind = column.type
    if isinstance(kind, DateTime):
        if not isinstance(value, str) or len(value) > 40:
            raise ValueError
        return dt.datetime.fromisoformat(value)
    if isinstance(kind, Float):
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(float(value)):
            raise ValueError
        return float(value)
    if isinstance(kind, Integer):
        if isinstance(value, bool) or not isinstance(value, int) or not -2**63 <= value < 2**63:
            raise ValueError
        return value
    if isinstance(kind, String):
        if not isinstance(value, str) or len(value) > (kind.length or MAX_CURSOR_CHARS) or "\x00" in value:
            raise ValueError
        value.encode("utf-8")  # lone surrogates raise UnicodeEncodeError, a ValueError
        return value
    raise ValueError


def check_limit(limit: int) -> int:
    """A page size within 1..MAX_LIMIT, or an InvalidInput."""
    if not 1 <= limit <= MAX_LIMIT:
        raise InvalidInput(f"limit must be between 1 and {MAX_LIMIT}, got {limit}")
    return limit


def paged(query: Select[Any], order: list[Order], cursor: str | None, limit: int) -> Select[Any]:
    """`query` ordered by `order`, starting after `cursor`, one row more than `limit`."""
    check_limit(limit)
    if cursor:
        query = query.where(_after(order, _decode(cursor, order)))
    return query.order_by(*(k.column.desc() if k.descending else k.column.asc() for k in order)).limit(limit + 1)


_PREPARED: dict[Hashable, Select[Any]] = {}


def prepared_page(key: Hashable, build: Callable[[], Select[Any]], order: list[Order], cursor: str | None,
                  limit: int, params: dict[str, Any]) -> tuple[Select[Any], dict[str, Any]]:
    """A paged statement made once per `key` and cursor presence, and the parameters of this page.

    `paged` builds a new statement per request, and building one (coercing
    every value, ordering, limiting) was a large part of a page's time.
    Here `build()` gives the query with its filters as bind parameters
    (named as in `params`); the cursor's values and the page size are bound
    too, so one statement serves every page of every request of that shape.
    `key` must name the shape: the same key must always build the same query.
    """
    check_limit(limit)
    values = _decode(cursor, order) if cursor else None
    full_key = (key, values is not None)
    statement = _PREPARED.get(full_key)
    if statement is None:
        query = build()
        if values is not None:
            query = query.where(_after(order, [bindparam(f"page_after_{i}", type_=k.column.type)
                                               for i, k in enumerate(order)]))
        statement = (query.order_by(*(k.column.desc() if k.descending else k.column.asc() for k in order))
                     .limit(bindparam("page_rows", type_=Integer())))
        _PREPARED[full_key] = statement  # a race builds the same statement twice: harmless
    bound = {**params, "page_rows": limit + 1}
    if values is not None:
        bound.update((f"page_after_{i}", v) for i, v in enumerate(values))
    return statement, bound


def _after(order: list[Order], values: list[Any]) -> Any:
    """The rows after (v1, v2, ...) in `order`."""
    if len({k.descending for k in order}) == 1:
        # One direction: a row-value comparison, which SQLite and PostgreSQL
        # turn into one index range however deep the page.
        keys, bound = tuple_(*(k.column for k in order)), tuple_(*values)
        return keys < bound if order[0].descending else keys > bound
    clauses = []
    for i, key in enumerate(order):
        equal = [order[j].column == values[j] for j in range(i)]
        beyond = key.column < values[i] if key.descending else key.column > values[i]
        clauses.append(and_(*equal, beyond))
    return or_(*clauses)


def page_of(rows: list[Any], order: list[Order], limit: int, convert: Any) -> Page[Any]:
    """The page of converted rows, and the cursor after its last row."""
    more = len(rows) > limit
    rows = rows[:limit]
    cursor = _encode([getattr(rows[-1], k.column.name) for k in order]) if more and rows else None
    return Page([convert(r) for r in rows], cursor)
