"""The API's blueprints, one per resource, and what they share."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any
from urllib.parse import urlencode

import orjson
from flask import Response, request
from flask_openapi3 import APIBlueprint, Tag
from pydantic import BaseModel

from ..openapi import WRITE_SECURITY
from ..schemas import Problem

READ_ERRORS = {404: Problem, 422: Problem}
WRITE_ERRORS = {400: Problem, 401: Problem, 404: Problem, 413: Problem, 415: Problem, 422: Problem}


def blueprint(name: str, description: str) -> APIBlueprint:
    """A blueprint under /api with its own tag in the docs."""
    return APIBlueprint(name, __name__, url_prefix="/api", abp_tags=[Tag(name=name, description=description)])


def dumps(data: Any) -> bytes:
    """`data` as compact UTF-8 JSON.

    orjson writes a page of 50 reactions about ten times faster than the
    standard library (json.dumps was a tenth of such a request). It refuses
    what JSON cannot carry faithfully (a lone surrogate, an integer beyond
    64 bits); the standard library then writes it as before, escaped.
    """
    try:
        return orjson.dumps(data)
    except TypeError:  # orjson.JSONEncodeError
        return json.dumps(data, separators=(",", ":"), default=_iso).encode("ascii")


def _iso(value: Any) -> str:
    """A date as orjson writes it, for the standard library's fallback."""
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def json_response(body: BaseModel | dict[str, Any], status: int = 200) -> Response:
    """A model, or a body built in its shape (api.convert), as the JSON body of a response."""
    data = body.model_dump(mode="json") if isinstance(body, BaseModel) else body
    return Response(dumps(data), status=status, mimetype="application/json")


def page_response(body: BaseModel | dict[str, Any], next_cursor: str | None) -> Response:
    """A page of a list, with a `Link: <...>; rel="next"` header when there is more."""
    response = json_response(body)
    if next_cursor:
        args = {k: v for k, v in request.args.items() if k != "cursor"}
        args["cursor"] = next_cursor
        response.headers["Link"] = f'<{request.path}?{urlencode(args)}>; rel="next"'
    return response


__all__ = ["READ_ERRORS", "WRITE_ERRORS", "WRITE_SECURITY", "blueprint", "json_response", "page_response"]
