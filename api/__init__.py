"""The Flask app factory and CLI of reactiongraph.

`create_app` builds an app from settings; nothing is created at import time,
so tests and workers each get their own app and store.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from . import errors, routes, settings
from .services import Services


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Create the app; `config` overrides defaults and REACTIONGRAPH_* variables."""
    app = Flask(__name__, instance_relative_config=True)
    settings.configure(app, config)
    app.json.sort_keys = False
    app.extensions["reactiongraph"] = Services(app.config)
    errors.register(app)
    app.register_blueprint(routes.bp)
    return app
