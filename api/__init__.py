"""The Flask app factory and CLI of reactiongraph.

`create_app` builds an app from settings; nothing is created at import time,
so tests and workers each get their own app and store.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from flask import Flask

try:
    __version__ = version("reactiongraph")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0+unknown"


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Create the app; `config` overrides defaults and REACTIONGRAPH_* variables."""
    from . import alignment_pages, auth, errors, http, pages, settings
    from .openapi import ReactionGraphAPI
    from .routes import actors, alignment, articles, events, reactions, service
    from . import services

    app = ReactionGraphAPI(__name__, instance_relative_config=True)
    settings.configure(app, config)
    app.json.sort_keys = False
    app.extensions["reactiongraph"] = services.Services(app.config)
    errors.register(app)
    auth.register(app)
    http.register(app)
    services.register(app)
    for module in (articles, events, actors, reactions, service, alignment):
        app.register_api(module.bp)
    app.register_blueprint(pages.bp)
    app.register_blueprint(alignment_pages.bp)
    return app
