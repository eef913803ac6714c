"""Bearer tokens for writes (and for reads, when a setting asks for it).

Tokens are random, shown once when created, and kept only as SHA-256
hashes; a presented token's hash is compared with each active one in
constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from flask import Flask, current_app, request
from werkzeug.datastructures import WWWAuthenticate
from werkzeug.exceptions import BadRequest, Unauthorized

from graph.store import Store

from .services import services

_WRITES = {"POST", "PUT", "PATCH", "DELETE"}
PREFIX = "rg_"


def hash_token(token: str) -> str:
    """The stored form of a token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(store: Store, label: str) -> tuple[str, str]:
    """Make a token; returns (its id, the token). The token is not kept."""
    token = PREFIX + secrets.token_urlsafe(32)
    token_id = secrets.token_hex(4)
    store.add_token(token_id, hash_token(token), label)
    return token_id, token


def _valid(store: Store, token: str) -> bool:
    presented = hash_token(token)
    found = False
    for known in store.active_token_hashes():
        found |= hmac.compare_digest(presented, known)  # look at all of them, whatever matches
    return found


def _unauthorized(description: str, error: str | None = None) -> Unauthorized:
    params = {"realm": "reactiongraph", **({"error": error} if error else {})}
    challenges = [WWWAuthenticate("Bearer", params)]
    if not request.path.startswith("/api/"):
        # A browser has no way to send a bearer token; it does prompt for Basic credentials.
        challenges.insert(0, WWWAuthenticate("Basic", {"realm": "reactiongraph", "charset": "UTF-8"}))
    return Unauthorized(description, www_authenticate=challenges)


# What shows no data stays open when reads are locked: liveness and the API's own description.
_OPEN = ("/api/health", "/api/openapi.json", "/api/docs")


def _presented() -> str | None:
    """The token of a Bearer header, or the password of a Basic one (how a browser sends it)."""
    header = request.headers.get("Authorization", "")
    scheme, _, credentials = header.partition(" ")
    if scheme.lower() == "bearer":
        return credentials.strip() or None
    if scheme.lower() == "basic" and request.authorization is not None:
        return request.authorization.password or None
    return None


def _check() -> None:
    if request.routing_exception is not None:
        return  # unknown routes and methods answer 404/405 as such
    if request.path in _OPEN or request.path.startswith("/api/swagger/"):
        return
    if request.method in _WRITES:
        if not request.path.startswith("/api/"):
            return
    elif not current_app.config["READ_TOKEN_REQUIRED"]:
        return  # reads are open: the API's and the pages' alike
    if not request.headers.get("Authorization"):
        hint = ("this request needs 'Authorization: Bearer <token>'" if request.path.startswith("/api/") else
                "reads need a token: give any user name and an API token as the password")
        raise _unauthorized(hint)
    token = _presented()
    if token is None or not _valid(services().store, token):
        raise _unauthorized("the token is not valid", error="invalid_token")


def _require_json() -> None:
    # flask-openapi3 reads bodies leniently (malformed JSON would become 422);
    # parse strictly first: wrong media type 415, malformed 400, too large 413.
    if request.routing_exception is None and request.method in ("POST", "PUT", "PATCH") \
            and request.path.startswith("/api/"):
        try:
            request.get_json()
        except RecursionError:  # json raises it, not ValueError, for deep nesting
            raise BadRequest("the JSON body is nested too deeply") from None


def register(app: Flask) -> None:
    """Check tokens, then bodies, before any API view runs."""
    app.before_request(_check)
    app.before_request(_require_json)
