"""The README tells the truth: its example output is a real run, and `make run` works as it says."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from . import readme_examples as ex

README = ex.README.read_text(encoding="utf-8")


@pytest.mark.parametrize("n", range(len(ex.sessions(README))))
def test_readme_example_output_is_a_real_run(n: int, tmp_path: Path) -> None:
    session = ex.sessions(README)[n]
    got = ex.run(session, f"sqlite:///{tmp_path / 'store.sqlite3'}", tmp_path)
    assert ex.Session(0, 0, got).text() == session.text(), (
        "the README's example output is stale; if the change is meant, run "
        "`.venv/bin/python -m tests.readme_examples --write` and commit the README")


def test_readme_has_example_sessions() -> None:
    commands = [c for s in ex.sessions(README) for c, _ in s.steps]
    assert any(c.startswith("reactiongraph extract") for c in commands)
    assert any(c.startswith("reactiongraph ingest") for c in commands)


def test_readme_says_how_to_serve_elsewhere_and_opens_nothing_os_specific() -> None:
    assert "make run PORT=" in README and "HOST=" in README
    assert not re.search(r"^\s*open\s+http", README, re.M), "`open` is macOS-only"
    assert "replaces the demo token" in README


def test_make_run_prints_a_curl_example_for_its_own_host_and_port() -> None:
    plan = subprocess.run(["make", "-n", "run", "PORT=5077", "HOST=127.0.0.2"], cwd=ex.ROOT, capture_output=True,
                          text=True, timeout=60)
    assert plan.returncode == 0, plan.stderr
    assert "--url http://127.0.0.2:5077" in plan.stdout and "--host 127.0.0.2 --port 5077" in plan.stdout


def test_token_curl_example_uses_the_url_given(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("token", "create", "--label", "demo", "--curl", "--url", "http://127.0.0.2:5077")
    assert result.exit_code == 0
    assert "curl -X POST http://127.0.0.2:5077/api/articles" in result.output
