"""The API's blueprints, one per resource, and what they share."""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Response, jsonify, request
from flask_openapi3 import APIBlueprint, Tag
from pydantic import BaseModel

from ..openapi import WRITE_SECURITY
from ..schemas import Problem

READ_ERRORS = {404: Problem, 422: Problem}
WRITE_ERRORS = {400: Problem, 401: Problem, 404: Problem, 413: Problem, 415: Problem, 422: Problem}


def blueprint(name: str, description: str) -> APIBlueprint:
    """A blueprint under /api with its own tag in the docs."""
    return APIBlueprint(name, __name__, url_prefix="/api", abp_tags=[Tag(name=name, description=description)])


def json_response(model: BaseModel, status: int = 200) -> Response:
    """A model as the JSON body of a response."""
    response = jsonify(model.model_dump(mode="json"))
    response.status_code = status
    return response


def page_response(model: BaseModel, next_cursor: str | None) -> Response:
    """A page of a list, with a `Link: <...>; rel="next"` header when there is more."""
    response = json_response(model)
    if next_cursor:
        args = {k: v for k, v in request.args.items() if k != "cursor"}
        args["cursor"] = next_cursor
        response.headers["Link"] = f'<{request.path}?{urlencode(args)}>; rel="next"'
    return response


__all__ = ["READ_ERRORS", "WRITE_ERRORS", "WRITE_SECURITY", "blueprint", "json_response", "page_response"]
