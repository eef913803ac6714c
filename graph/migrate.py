"""Schema migrations (Alembic), and the check that a database is up to date.

The schema changes only through migrations in `graph/migrations/versions`;
`reactiongraph db upgrade` applies them. A store refuses to open a database
whose schema is behind (or ahead of) the code, with one line saying what to
run, instead of failing later on a missing column.
"""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from .errors import ReactionGraphError


class SchemaOutOfDate(ReactionGraphError):
    """The database schema is not the one this version of the code needs."""

    title = "Database schema out of date"


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", "graph:migrations")
    return config


def head() -> str:
    """The revision the code needs."""
    revision = ScriptDirectory.from_config(_config()).get_current_head()
    if revision is None:  # a broken install: the migrations were not packaged
        raise SchemaOutOfDate("no schema migrations found in graph/migrations; reinstall reactiongraph")
    return revision


def current(engine: Engine) -> str | None:
    """The revision the database is at (None: never migrated)."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> tuple[str | None, str]:
    """Apply migrations up to `revision`; returns (before, after)."""
    before = current(engine)
    config = _config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
    return before, current(engine) or ""


def is_blank(engine: Engine) -> bool:
    """True when the database holds no table at all (in its default schema): a new database."""
    return not inspect(engine).get_table_names()


def prepare(engine: Engine) -> None:
    """Create the schema in a new, empty database; otherwise `check` it.

    A first `ingest`, `serve` or app start on a fresh DATABASE_URL should
    just work. A database that holds tables but is at another revision is
    never upgraded behind its owner's back (other workers may still run the
    old code): it is refused, saying to run `reactiongraph db upgrade`.
    """
    if current(engine) is None and is_blank(engine):
        upgrade(engine)
    check(engine)


def check(engine: Engine) -> None:
    """Raise SchemaOutOfDate unless the database is at the code's revision."""
    have, need = current(engine), head()
    if have != need:
        state = "has no reactiongraph schema" if have is None else f"is at schema revision {have}"
        raise SchemaOutOfDate(f"the database {state}; this version needs {need}: run `reactiongraph db upgrade`")
