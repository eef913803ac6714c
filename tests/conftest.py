"""Fixtures in the style of Flask's tutorial: app, client, runner, on real parts.

The store is a real SQLite file in a temporary folder and extraction uses the
real spaCy model (loaded once per process).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from hypothesis import settings
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner

from api import create_app
from api.cli import cli
from graph import migrate
from graph.extract import Extractor
from graph.store import Store, make_engine

# Property tests draw new examples on every run, which is how they find a class's untried members; CI
# (.ci/run sets HYPOTHESIS_PROFILE=ci) runs the same derandomized examples every time, so a commit's CI
# result is its own and not a draw. A failure found locally becomes an @example of its test.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "us-syria-withdrawal-2018-trtworld.txt"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


POSTGRES_URL = os.environ.get("REACTIONGRAPH_TEST_POSTGRES_URL")


def _postgres_schema(request: pytest.FixtureRequest) -> str:
    """A fresh schema of the test PostgreSQL database, dropped after the test."""
    if not POSTGRES_URL:
        pytest.skip("REACTIONGRAPH_TEST_POSTGRES_URL is not set: the PostgreSQL run of this test is skipped")
    schema = f"t_{uuid.uuid4().hex[:16]}"
    admin = make_engine(POSTGRES_URL)
    with admin.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")

    def drop() -> None:
        with admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()

    request.addfinalizer(drop)
    return POSTGRES_URL + ("&" if "?" in POSTGRES_URL else "?") + f"options=-csearch_path%3D{schema}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A migrated, empty store: a SQLite file, and a PostgreSQL schema when configured.

    Every test that touches the store runs on both databases.
    """
    url = f"sqlite:///{tmp_path / 'store.sqlite3'}" if request.param == "sqlite" else _postgres_schema(request)
    engine = make_engine(url)
    migrate.upgrade(engine)
    engine.dispose()
    return url


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
