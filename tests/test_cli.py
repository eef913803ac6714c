"""The reactiongraph command line, through Flask's CLI runner and as installed."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest
from click.testing import Result

from graph import migrate
from graph.extract.text import normalise
from graph.store import Store, make_engine

from .conftest import SAMPLE

Invoke = Callable[..., Result]


def test_extract_json_shape(invoke: Invoke) -> None:
    result = invoke("extract", "--format", "json", str(SAMPLE))
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) >= {"event", "reactions"}
    assert data["event"]["label"]
    first = data["reactions"][0]
    assert set(first) >= {"actor", "stance", "confidence", "evidence", "span"}
    assert set(first["actor"]) == {"name", "kind", "country", "role", "organization"}
    text = normalise(SAMPLE.read_text(encoding="utf-8"))  # spans index the normalised text
    for reaction in data["reactions"]:
        start, end = reaction["span"]
        assert text[start:end] == reaction["evidence"]


def test_extract_table_and_stdin(invoke: Invoke) -> None:
    result = invoke("extract", "-", input="Britain said the tariffs were a grave mistake.")
    assert result.exit_code == 0, result.output
    assert "United Kingdom" in result.output and "oppose" in result.output


def test_extract_stores_nothing(invoke: Invoke, store: Store) -> None:
    assert invoke("extract", str(SAMPLE)).exit_code == 0
    assert store.is_empty()


def test_ingest_prints_a_summary_and_is_idempotent(invoke: Invoke, store: Store) -> None:
    first = invoke("ingest", str(SAMPLE))
    assert first.exit_code == 0, first.output
    assert "added 1 articles (0 already stored), 1 events, 10 actors, 10 reactions" in first.output
    again = invoke("ingest", str(SAMPLE))
    assert "added 0 articles (1 already stored), 0 events, 0 actors, 0 reactions" in again.output
    assert store.stats().reactions == 10
    assert "already holds articles" in invoke("ingest", "--if-empty", str(SAMPLE)).output


def test_ingest_folder_jsonl_html(invoke: Invoke, tmp_path: Path, store: Store) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Britain said the tariffs were a grave mistake.", encoding="utf-8")
    (folder / "b.html").write_text(
        "<html><head><title>Tariffs</title></head><body><article><p>French President Emmanuel Macron "
        "condemned the tariffs as a serious mistake for the world economy.</p></article></body></html>",
        encoding="utf-8")
    (folder / "c.jsonl").write_text(
        json.dumps({"text": "Spain welcomed the agreement.", "title": "Deal signed", "published": "2024-05-01"})
        + "\n" + "{not json\n" + json.dumps({"text": "Italy rejected it.", "colour": "red"}) + "\n"
        + json.dumps({"text": "Portugal praised the deal as historic."}) + "\n", encoding="utf-8")
    (folder / "notes.csv").write_text("ignored", encoding="utf-8")
    result = invoke("ingest", str(folder))
    assert result.exit_code == 2
    assert "added 4 articles" in result.output
    assert "c.jsonl:2: not valid JSON" in result.output
    assert "c.jsonl:3: colour: Extra inputs are not permitted" in result.output
    assert store.stats().articles == 4


@pytest.mark.parametrize("name, content, message", [
    ("empty.txt", b"   \n\t\n", "the text is empty"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ("latin1.txt", "Fran\u00e7ois Hollande said it was sad.".encode("latin-1"), "not UTF-8"),
    ("huge.txt", b"word " * 1_000_000, "limit is"),
])
def test_bad_input_is_one_line_exit_2_store_untouched(invoke: Invoke, tmp_path: Path, store: Store,
                                                      name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    for command in (("ingest", str(path)), ("extract", str(path))):
        result = invoke(*command)
        assert result.exit_code == 2, result.output
        assert message in result.output
        assert len(result.output.strip().splitlines()) == 1
    assert store.is_empty()


def test_folder_without_articles(invoke: Invoke, tmp_path: Path, store: Store) -> None:
    (tmp_path / "empty").mkdir()
    result = invoke("ingest", str(tmp_path / "empty"))
    assert result.exit_code == 2 and "no articles in folder" in result.output
    assert invoke("ingest", str(tmp_path / "missing.txt")).exit_code == 2
    assert store.is_empty()


def test_ingest_into_existing_event(invoke: Invoke, tmp_path: Path, store: Store, seeded: Result) -> None:
    event_id = store.events().items[0].event.id
    path = tmp_path / "more.txt"
    path.write_text("Germany said the withdrawal was a dangerous mistake.", encoding="utf-8")
    assert invoke("ingest", "--event", event_id, str(path)).exit_code == 0
    assert len(store.events().items) == 1 and store.events().items[0].articles == 2
    bad = invoke("ingest", "--event", "ev-unknown", str(path))
    assert bad.exit_code == 2 and "no event with id 'ev-unknown'" in bad.output


def test_export_formats_and_scope(invoke: Invoke, tmp_path: Path, store: Store, seeded: Result) -> None:
    out = tmp_path / "g.graphml"
    assert invoke("export", "--format", "graphml", "-o", str(out)).exit_code == 0
    g = nx.read_graphml(out, force_multigraph=True)
    assert any(d.get("label") == "Tobias Ellwood" for _, d in g.nodes(data=True))
    event_id = store.events().items[0].event.id
    for fmt in ("gexf", "json"):
        target = tmp_path / f"g.{fmt}"
        assert invoke("export", "--format", fmt, "--event", event_id, "-o", str(target)).exit_code == 0
        assert target.stat().st_size > 1000
    missing = invoke("export", "--event", "ev-nope")
    assert missing.exit_code == 2 and "no event" in missing.output


def test_stats(invoke: Invoke, seeded: Result) -> None:
    assert invoke("stats").output.split() == ["articles", "1", "events", "1", "actors", "10", "reactions", "10"]


def test_installed_console_script(tmp_path: Path) -> None:
    exe = shutil.which("reactiongraph", path=str(Path(sys.executable).parent))
    assert exe, "the reactiongraph console script is not installed"
    # A new database is set up by the first command that uses it; one at an older revision is refused.
    old = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = make_engine(old)
    migrate.upgrade(engine, "0005")
    engine.dispose()
    env = {"REACTIONGRAPH_DATABASE_URL": old, "PATH": str(Path(exe).parent)}
    early = subprocess.run([exe, "ingest", str(SAMPLE)], capture_output=True, text=True, env=env, timeout=120)
    assert early.returncode == 2 and "is at schema revision 0005" in early.stderr
    assert "run `reactiongraph db upgrade`" in early.stderr and early.stderr.strip().count("\n") == 0
    upgraded = subprocess.run([exe, "db", "upgrade"], capture_output=True, text=True, env=env, timeout=120)
    assert upgraded.returncode == 0 and "schema at" in upgraded.stdout
    env["REACTIONGRAPH_DATABASE_URL"] = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    done = subprocess.run([exe, "ingest", str(SAMPLE)], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "10 reactions" in done.stdout
    bad = subprocess.run([exe, "extract", str(tmp_path / "nope.txt")], capture_output=True, text=True, env=env,
                         timeout=120)
    assert bad.returncode == 2 and bad.stderr.strip().count("\n") == 0 and "does not exist" in bad.stderr


def test_viz_writes_the_page_of_a_scope(invoke: Invoke, tmp_path: Path, store: Store, seeded: Result,
                                        client) -> None:
    event_id = store.events().items[0].event.id
    out = tmp_path / "graph.html"
    assert invoke("viz", "--event", event_id, "-o", str(out)).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "withdrawing US troops from Syria" in page and "vis.Network" in page
    served = client.get(f"/events/{event_id}/graph").get_data(as_text=True)
    assert page.split("<nav>")[1].split("</nav>")[1] == served.split("<nav>")[1].split("</nav>")[1]
    missing = invoke("viz", "--actor", "ac-nope", "-o", str(out))
    assert missing.exit_code == 2 and "no actor" in missing.output


def test_big_batches_parse_on_every_core(invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """INGEST_PROCESSES=0 (the default): all cores from 100 articles on, one process below (spawning costs)."""
    import os

    import api.cli

    used: list[int] = []
    monkeypatch.setattr(api.cli, "run_ingest", lambda *args, n_process, **kwargs: used.append(n_process))
    for count in (api.cli.AUTO_PROCESSES_FROM - 1, api.cli.AUTO_PROCESSES_FROM):
        path = tmp_path / f"{count}.jsonl"
        path.write_text("".join(json.dumps({"text": f"Chile said plan {i} was a mistake."}) + "\n"
                                for i in range(count)), encoding="utf-8")
        assert invoke("ingest", str(path)).exit_code == 0
    assert invoke("ingest", str(path), "--processes", "3").exit_code == 0
    assert used == [1, os.cpu_count(), 3]


def test_python_dash_m_runs_the_cli_of_the_code_it_imports() -> None:
    """`python -m api.cli ...` runs the commands (it printed nothing and did nothing before), so a checkout
    that is not the installed one can run its own `evaluate`."""
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, "-m", "api.cli", "evaluate", "--help"], capture_output=True, text=True,
                          cwd=root, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Usage: reactiongraph evaluate" in done.stdout
