"""What holds for every request and response, before and after any view.

A body over the limit is refused by its declared length before anything
reads it (and before the token check, so nobody can make the server read
or spool it); every response says `nosniff`; every HTML response carries a
Content-Security-Policy, error pages and the API docs included.
"""

from __future__ import annotations

from flask import Flask, Response, current_app, request
from werkzeug.exceptions import RequestEntityTooLarge

# HTML that loads nothing and runs nothing: error pages (and any page without its own policy).
STRICT_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
              "form-action 'none'; frame-ancestors 'none'")
# Swagger UI: its scripts and styles from /api/swagger/ plus one inline start-up script; it fetches
# the OpenAPI document and, on "try it out", the API itself, all from this origin.
DOCS_CSP = ("default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; "
            "form-action 'none'; frame-ancestors 'none'")


def too_large(declared: int, limit: int) -> str:
    """The one wording of a refused body, for Flask and for waitress alike."""
    return f"the request body of {declared:,} bytes is over the limit of {limit:,} bytes"


def _refuse_large_bodies() -> None:
    limit = current_app.config["MAX_BODY_BYTES"]
    if request.content_length is not None and request.content_length > limit:
        raise RequestEntityTooLarge(too_large(request.content_length, limit))


def _headers(response: Response) -> Response:
    response.headers["X-Content-Type-Options"] = "nosniff"
    if response.mimetype == "text/html" and "Content-Security-Policy" not in response.headers:
        response.headers["Content-Security-Policy"] = DOCS_CSP if request.path == "/api/docs" else STRICT_CSP
    return response


def register(app: Flask) -> None:
    """Install the checks; the body check first of all before-request functions."""
    app.before_request_funcs.setdefault(None, []).insert(0, _refuse_large_bodies)
    app.after_request(_headers)
