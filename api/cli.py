"""The `reactiongraph` command line, on Flask's click integration.

`reactiongraph run` is Flask's development server over `create_app`; the
other commands work on the same app's settings and store. Bad input gives
one line on stderr and exit code 2, and leaves the store untouched.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from flask.cli import FlaskGroup

from graph import export, stream
from graph.errors import ReactionGraphError
from graph.evaluate import evaluate as run_evaluation
from graph.evaluate import format_report, is_sealed, report_json
from graph.ingest import IngestSummary, ingest as run_ingest, prepare_all
from graph.models import ArticleInput, Extraction
from graph.sources import read_sources

from . import create_app
from .services import services

F = TypeVar("F", bound=Callable[..., Any])


class InputError(click.ClickException):
    """Bad input: one line on stderr, exit code 2."""

    exit_code = 2


def _domain_errors(func: F) -> F:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ReactionGraphError as exc:
            raise InputError(str(exc)) from None
    return wrapper  # type: ignore[return-value]


cli = FlaskGroup(create_app=create_app, name="reactiongraph",
                 help="Who reacted to what: extract reactions from news articles into a knowledge graph.")


def _max_bytes() -> int:
    from flask import current_app
    return int(current_app.config["MAX_ARTICLE_CHARS"]) * 4


def _max_paragraphs() -> int:
    from flask import current_app
    return int(current_app.config["MAX_ARTICLE_PARAGRAPHS"])


def _extraction_json(extraction: Extraction) -> dict[str, Any]:
    return {
        "article": {"id": extraction.article.id, "title": extraction.article.title},
        "event": extraction.event.model_dump(mode="json"),
        "reactions": [{
            "actor": r.actor.model_dump(mode="json", exclude={"aliases"}),
            "stance": r.stance, "confidence": r.confidence, "evidence": r.evidence,
            "span": list(r.span), "cue": r.cue,
        } for r in extraction.reactions],
    }


def _extraction_table(extraction: Extraction) -> str:
    lines = [f"event: {extraction.event.label}" + (f" ({extraction.event.date})" if extraction.event.date else ""),
             f"{'actor':28} {'kind':12} {'country':7} {'stance':7} {'conf':>4}  evidence"]
    for r in extraction.reactions:
        evidence = " ".join(r.evidence.split())
        evidence = evidence if len(evidence) <= 70 else evidence[:67] + "..."
        lines.append(f"{r.actor.name[:28]:28} {r.actor.kind:12} {r.actor.country or '-':7} {r.stance:7} "
                     f"{r.confidence:4.2f}  {evidence}")
    return "\n".join(lines)


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="table", show_default=True)
@_domain_errors
def extract(file: Path, fmt: str) -> None:
    """Extract the event and reactions from FILE (text or HTML; - for stdin) without storing them."""
    if str(file) == "-":
        items = [("stdin", ArticleInput(text=sys.stdin.read()))]
    else:
        if not file.exists():
            raise InputError(f"{file} does not exist")
        found = list(read_sources([file], _max_bytes()))
        bad = [f"{i.origin}: {i.error}" for i in found if i.error]
        if bad:
            raise InputError(bad[0])
        items = [(i.origin, i.article) for i in found if i.article]
    if len(items) != 1:
        raise InputError(f"{file} holds {len(items)} articles; extract takes one (use ingest for many)")
    extractor = services().extractor
    summary = IngestSummary()
    articles = prepare_all(extractor, items, summary, _max_paragraphs())
    if summary.rejected:
        raise InputError(summary.rejected[0])
    extraction = extractor.extract(articles[0])
    if fmt == "json":
        click.echo(json.dumps(_extraction_json(extraction), ensure_ascii=False, indent=2))
    else:
        click.echo(_extraction_table(extraction))


AUTO_PROCESSES_FROM = 100  # articles; below this, starting parser processes costs more than it saves


def _processes(configured: int, articles: int) -> int:
    """Parsing processes for a batch: the setting, or (0) every core when the batch is big enough to pay."""
    if configured:
        return configured
    return max(1, os.cpu_count() or 1) if articles >= AUTO_PROCESSES_FROM else 1


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--event", "event_id", help="Attach the articles to this existing event.")
@click.option("--if-empty", is_flag=True, help="Do nothing when the store already holds articles.")
@click.option("--processes", type=click.IntRange(min=1),
              help="Parsing processes (default: INGEST_PROCESSES; automatic: one per core for 100 articles or more).")
@_domain_errors
def ingest(paths: tuple[Path, ...], event_id: str | None, if_empty: bool, processes: int | None) -> None:
    """Extract and store articles from files, folders and JSON Lines files."""
    from flask import current_app

    svc = services()
    if if_empty and not svc.store.is_empty():
        click.echo("store already holds articles; nothing ingested")
        return
    items = list(read_sources(paths, _max_bytes()))
    summary = IngestSummary(rejected=[f"{i.origin}: {i.error}" for i in items if i.error])
    articles = prepare_all(svc.extractor, [(i.origin, i.article) for i in items if i.article], summary,
                           _max_paragraphs())
    if not articles:
        raise InputError("; ".join(summary.rejected) or "no articles to ingest")
    if event_id is not None:
        svc.store.event(event_id)
    # The bar only makes sense on a terminal; piped output stays clean.
    with click.progressbar(length=len(articles), label="ingesting", file=sys.stderr,
                           hidden=not sys.stderr.isatty()) as bar:
        run_ingest(articles, svc.extractor, svc.store, event_id=event_id,
                   n_process=processes or _processes(current_app.config["INGEST_PROCESSES"], len(articles)),
                   summary=summary, progress=bar.update)
    click.echo(f"added {summary.articles} articles ({summary.duplicates} already stored), {summary.events} events, "
               f"{summary.actors} actors, {summary.reactions} reactions")
    for line in summary.rejected:
        click.echo(f"rejected {line}", err=True)
    if summary.rejected:
        sys.exit(2)


EXTRA_FORMATS = ("events", "alignment")  # CAMEO event rows (TSV); the alignment graph and coalitions (GraphML)


@cli.command("export")
@click.option("--format", "fmt", type=click.Choice(sorted([*export.FORMATS, *EXTRA_FORMATS])), default="graphml",
              show_default=True, help="graphml, gexf, json: the graph; events: one CAMEO-coded TSV row per reaction; "
              "alignment: the alignment graph and coalitions as GraphML.")
@click.option("--event", "event_id", help="Only this event and who reacted to it.")
@click.option("--actor", "actor_id", help="Only this actor's neighbourhood.")
@click.option("--by", type=click.Choice(["actor", "country"]), default="actor", show_default=True,
              help="alignment: pair actors or countries.")
@click.option("--min-events", type=click.IntRange(min=1), default=2, show_default=True,
              help="alignment: common events a pair needs.")
@click.option("--top", type=click.IntRange(1, 1000), default=200, show_default=True,
              help="alignment: the most active parties considered.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path), default=Path("-"),
              show_default=True, help="File to write; - for stdout.")
@_domain_errors
def export_command(fmt: str, event_id: str | None, actor_id: str | None, by: str, min_events: int, top: int,
                   output: Path) -> None:
    """Export the graph as GraphML, GEXF or node-link JSON; event data as CAMEO TSV; alignment as GraphML."""
    if fmt in EXTRA_FORMATS:
        from .exports import write_extra

        write_extra(fmt, output, event_id=event_id, actor_id=actor_id, by=by, min_events=min_events, top=top)
        return
    graph = stream.from_store(services().store.engine, event_id=event_id, actor_id=actor_id)
    if str(output) == "-":
        export.write(graph, sys.stdout.buffer, fmt)  # type: ignore[arg-type]
        sys.stdout.buffer.flush()
    else:
        written = export.write(graph, output, fmt)  # type: ignore[arg-type]
        click.echo(f"wrote {written.nodes} nodes and {written.edges} edges to {output}", err=True)


@cli.command()
@click.option("--event", "event_id", help="Only this event and who reacted to it.")
@click.option("--actor", "actor_id", help="Only this actor's neighbourhood.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="HTML file to write.")
@_domain_errors
def viz(event_id: str | None, actor_id: str | None, output: Path) -> None:
    """Write the stance graph as a self-contained HTML page (works offline)."""
    from .pages import scope_page

    page = scope_page(event_id=event_id, actor_id=actor_id)
    output.write_text(page, encoding="utf-8")
    click.echo(f"wrote {output} ({len(page):,} bytes)", err=True)


@cli.command()
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--articles", "by_article", is_flag=True, help="A row per article instead of per event.")
@click.option("--verbose", is_flag=True, help="A row per article with its label, misses, extras and wrong stances.")
@click.option("--json", "as_json", is_flag=True, help="Print the overall and per-event figures as JSON.")
@click.option("--sealed", is_flag=True,
              help="Score a sealed split (one with a SEALED file): figures only, never its errors.")
@_domain_errors
def evaluate(directory: Path, by_article: bool, verbose: bool, as_json: bool, sealed: bool) -> None:
    """Score extraction against the annotated articles in DIRECTORY (a folder of gold files, or a corpus split).

    The sealed test split is scored only when an issue is finished: it needs
    --sealed, and then shows the per-event and overall figures, never an
    article's errors, so nobody writes rules from them.
    """
    if is_sealed(directory):
        if not sealed:
            raise InputError(f"{directory} is a sealed split: score it only when finishing an issue, with --sealed")
        if verbose or by_article:
            raise InputError(f"{directory} is a sealed split: its per-article rows and errors are never shown")
    report = run_evaluation(directory, services().extractor)
    click.echo(report_json(report) if as_json else format_report(report, verbose=verbose, by_article=by_article))


@cli.command()
@_domain_errors
def stats() -> None:
    """How many articles, events, actors and reactions the store holds."""
    s = services().store.stats()
    click.echo(f"articles {s.articles}\nevents {s.events}\nactors {s.actors}\nreactions {s.reactions}")


@cli.group()
def db() -> None:
    """The database schema: apply migrations, show the revision."""


@db.command("upgrade")
@_domain_errors
def db_upgrade() -> None:
    """Bring the database schema up to date (creates it in an empty database)."""
    from flask import current_app

    from graph import migrate
    from graph.store import make_engine

    engine = make_engine(current_app.config["DATABASE_URL"])
    try:
        before, after = migrate.upgrade(engine)
    finally:
        engine.dispose()
    click.echo(f"schema at {after}" + ("" if before == after else f" (was {before or 'empty'})"))


@db.command("current")
def db_current() -> None:
    """Print the database's schema revision and the one the code needs."""
    from flask import current_app

    from graph import migrate
    from graph.store import make_engine

    engine = make_engine(current_app.config["DATABASE_URL"])
    try:
        click.echo(f"database {migrate.current(engine) or 'empty'}, code needs {migrate.head()}")
    finally:
        engine.dispose()


@cli.group()
def token() -> None:
    """Create, list and revoke API tokens (writes need one)."""


@token.command("create")
@click.option("--label", default="token", show_default=True, help="What the token is for.")
@click.option("--replace", is_flag=True, help="Revoke other active tokens with the same label first.")
@click.option("--curl", "show_curl", is_flag=True, help="Also print a ready curl example.")
@click.option("--url", "base_url", default="http://127.0.0.1:5000", show_default=True,
              help="Where the server answers, for the curl example (make run passes its HOST and PORT).")
@_domain_errors
def token_create(label: str, replace: bool, show_curl: bool, base_url: str) -> None:
    """Create a token and print it; only its hash is kept, so note it now."""
    from .auth import create_token

    store = services().store
    if replace:
        store.revoke_tokens_labelled(label)
    token_id, secret = create_token(store, label)
    click.echo(secret)
    click.echo(f"token {token_id} ({label}) created; it is shown only once", err=True)
    if show_curl:
        click.echo(f"try:\n  curl -X POST {base_url.rstrip('/')}/api/articles "
                   f"-H 'Authorization: Bearer {secret}' -H 'Content-Type: application/json' "
                   "-d '{\"text\": \"Britain said the decision was a grave mistake.\", \"title\": \"Example\"}'",
                   err=True)


@token.command("list")
def token_list() -> None:
    """List tokens: id, label, created, revoked."""
    for record in services().store.tokens():
        revoked = f"revoked {record.revoked_at:%Y-%m-%d %H:%M}" if record.revoked_at else "active"
        click.echo(f"{record.id}  {record.label:20}  created {record.created_at:%Y-%m-%d %H:%M}  {revoked}")


@token.command("revoke")
@click.argument("token_id")
@_domain_errors
def token_revoke(token_id: str) -> None:
    """Revoke the token with this id."""
    services().store.revoke_token(token_id)
    click.echo(f"token {token_id} revoked")


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--threads", type=click.IntRange(min=1), help="Worker threads (default: SERVE_THREADS).")
def serve(host: str, port: int, threads: int | None) -> None:
    """Serve the app with waitress, a production WSGI server."""
    from flask import current_app

    from .server import serve as run_server

    app = current_app._get_current_object()  # type: ignore[attr-defined]
    try:
        services().store  # open now: a bad DATABASE_URL or an old schema stops the start, not a request
    except ReactionGraphError as exc:
        raise InputError(str(exc)) from None
    count = threads or app.config["SERVE_THREADS"]
    click.echo(f"serving on http://{host}:{port} with {count} threads", err=True)
    run_server(app, host, port, count)


def main() -> None:
    """Entry point of the `reactiongraph` console script."""
    cli.main(prog_name="reactiongraph")


if __name__ == "__main__":  # `python -m api.cli`: a checkout's own CLI, without installing its entry point
    main()
