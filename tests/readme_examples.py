"""The README's example sessions (```text blocks of `$ reactiongraph ...` lines), run for real.

`tests/test_readme.py` compares each block with a real run on a new store, so
the README never shows output the code no longer gives. When a deliberate
change alters that output (extraction, counts), rewrite the blocks from a run:

    .venv/bin/python -m tests.readme_examples --write
"""

from __future__ import annotations

import os
import re
import shlex
import sys
import tempfile
from contextlib import contextmanager
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
_BLOCK = re.compile(r"```text\n(\$ reactiongraph .*?)```\n", re.S)


@dataclass(frozen=True)
class Session:
    """One README block: its commands, each with the output the README shows."""

    start: int  # where the block's text starts in the README
    end: int
    steps: list[tuple[str, str]]  # (command line without "$ ", output)

    def text(self) -> str:
        return "".join(f"$ {command}\n{output}" for command, output in self.steps)


def sessions(readme: str) -> list[Session]:
    """Every example session of the README, in order."""
    found = []
    for match in _BLOCK.finditer(readme):
        steps: list[tuple[str, str]] = []
        for line in match.group(1).splitlines(keepends=True):
            if line.startswith("$ "):
                steps.append((line[2:].rstrip("\n"), ""))
            else:
                steps[-1] = (steps[-1][0], steps[-1][1] + line)
        found.append(Session(match.start(1), match.end(1), steps))
    return found


@contextmanager
def _inside(folder: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def run(session: Session, database_url: str, workdir: Path) -> list[tuple[str, str]]:
    """Run a session's commands in order on one store, as a user in the repository would; their outputs."""
    from api import create_app
    from api.cli import cli

    app = create_app({"DATABASE_URL": database_url})
    runner = app.test_cli_runner()
    done = []
    try:
        for command, _ in session.steps:
            args = shlex.split(command)[1:]
            # Paths into the repository (samples/...) are read from it; outputs land in workdir.
            args = [str(ROOT / a) if a.startswith("samples/") else a for a in args]
            with _inside(workdir):
                result = runner.invoke(cli, args)
            if result.exit_code != 0:
                raise RuntimeError(f"{command}: exit {result.exit_code}: {result.output}")
            done.append((command, result.output.replace(str(ROOT) + "/", "")))
    finally:
        app.extensions["reactiongraph"].close()
    return done


def write() -> None:
    """Rewrite every example session of the README from a real run."""
    readme = README.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        pieces, last = [], 0
        for n, session in enumerate(sessions(readme)):
            steps = run(session, f"sqlite:///{Path(tmp) / f'{n}.sqlite3'}", Path(tmp))
            pieces += [readme[last:session.start], Session(0, 0, steps).text()]
            last = session.end
        pieces.append(readme[last:])
    README.write_text("".join(pieces), encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python -m tests.readme_examples --write")
    write()
