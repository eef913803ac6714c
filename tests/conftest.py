"""Fixtures in the style of Flask's tutorial: app, client, runner, on real parts.

The store is a real SQLite file in a temporary folder and extraction uses the
real spaCy model (loaded once per process).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner

from api import create_app
from api.cli import cli
from graph.extract import Extractor
from graph.store import Store

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "us-syria-withdrawal-2018-trtworld.txt"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'store.sqlite3'}"


@pytest.fixture
def store(db_url: str) -> Store:
    s = Store.open(db_url)
    yield s
    s.close()


@pytest.fixture
def app(db_url: str, tmp_path: Path) -> Flask:
    app = create_app({"TESTING": True, "DATABASE_URL": db_url})
    app.instance_path = str(tmp_path / "instance")
    yield app
    app.extensions["reactiongraph"].close()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner(app: Flask) -> FlaskCliRunner:
    return app.test_cli_runner()


@pytest.fixture
def invoke(runner: FlaskCliRunner) -> Callable[..., Result]:
    """Run a `reactiongraph` command against the test app."""
    def run(*args: str, input: str | None = None) -> Result:
        return runner.invoke(cli, list(args), input=input)
    return run


@pytest.fixture
def seeded(invoke: Callable[..., Result]) -> Result:
    """The store after ingesting the bundled sample article."""
    result = invoke("ingest", str(SAMPLE))
    assert result.exit_code == 0, result.output
    return result
