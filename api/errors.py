"""Every error response is RFC 9457 problem+json, made in one place."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from flask import Flask, Response, current_app, json, redirect, render_template_string, request
from werkzeug.exceptions import HTTPException

from graph.errors import Contended, InvalidInput, Merged, ModelUnavailable, NotFound, ReactionGraphError
from graph.migrate import SchemaOutOfDate

PROBLEM_TYPE = "application/problem+json"
_STATUS = {NotFound: 404, InvalidInput: 422, ModelUnavailable: 503, SchemaOutOfDate: 503, Contended: 503}


_HTML_ERROR = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ status }} {{ title }}</title>
</head><body style="font-family: system-ui, sans-serif; margin: 40px"><h1>{{ status }} {{ title }}</h1>
<p>{{ detail or "" }}</p><p><a href="/">All events</a></p></body></html>"""


def problem(status: int, title: str, detail: str | None = None, *, errors: list[dict[str, Any]] | None = None,
            headers: list[tuple[str, str]] | None = None) -> Response:
    """A problem+json response (a small HTML page for the browser pages outside /api)."""
    if not request.path.startswith("/api/") and request.accept_mimetypes.accept_html:
        page = render_template_string(_HTML_ERROR, status=status, title=title, detail=detail)  # autoescaped
        response = Response(page, status=status, mimetype="text/html")
        for name, value in headers or []:
            if name.lower() != "content-type":
                response.headers.add(name, value)
        return response
    body: dict[str, Any] = {"type": "about:blank", "title": title, "status": status}
    if detail:
        body["detail"] = detail
    if errors is not None:
        body["errors"] = errors
    response = Response(json.dumps(body), status=status, mimetype=PROBLEM_TYPE)
    for name, value in headers or []:
        if name.lower() != "content-type":
            response.headers.add(name, value)
    return response


def _moved(exc: Merged) -> str | None:
    """This request's URL with the merged actor's id in place of the old one, or None if it holds none."""
    segments = [exc.into if part == exc.source else part for part in request.path.split("/")]
    args = [(k, exc.into if v == exc.source else v) for k, v in request.args.items(multi=True)]
    if segments == request.path.split("/") and args == list(request.args.items(multi=True)):
        return None
    return "/".join(quote(part) for part in segments) + (f"?{urlencode(args)}" if args else "")


def _domain(exc: ReactionGraphError) -> Response:
    if isinstance(exc, Merged) and request.method in ("GET", "HEAD"):
        # Saved links to an actor merged since keep working: they lead to the actor it became.
        target = _moved(exc)
        if target is not None:
            return redirect(target, 301)
    status = next((code for kind, code in _STATUS.items() if isinstance(exc, kind)), 400)
    errors = [{"loc": [], "msg": str(exc), "type": "invalid_input"}] if status == 422 else None
    headers = [("Retry-After", "1")] if isinstance(exc, Contended) else None
    return problem(status, exc.title, str(exc), errors=errors, headers=headers)


def _http(exc: HTTPException) -> Response:
    # Keep the headers the status needs (Allow on 405, WWW-Authenticate on 401).
    return problem(exc.code or 500, exc.name, exc.description, headers=exc.get_headers())


def _unexpected(exc: Exception) -> Response:
    current_app.logger.exception("unhandled error", exc_info=exc)
    return problem(500, "Internal Server Error", "the server failed; the error has been logged")


def register(app: Flask) -> None:
    """Map domain errors, HTTP errors and anything unexpected to problem+json."""
    app.register_error_handler(ReactionGraphError, _domain)
    app.register_error_handler(HTTPException, _http)
    app.register_error_handler(Exception, _unexpected)
