"""The exports `reactiongraph export` adds for issue 19: CAMEO event rows and the alignment GraphML.

Kept apart from the graph export so the command's own code stays small.
A file is written under a temporary name and renamed when complete, so a
failure halfway never leaves a truncated file behind.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import click

from graph import alignment as al
from graph import alignment_graphml, eventdata
from graph.coalitions import coalitions
from graph.errors import InvalidInput

from .services import services


def write_extra(fmt: str, output: Path, *, event_id: str | None, actor_id: str | None, by: str, min_events: int,
                top: int) -> None:
    """Write `events` (TSV) or `alignment` (GraphML) to a file or, for '-', to stdout."""
    store = services().store
    if event_id is not None:
        store.event(event_id)
    if actor_id is not None:
        store.actor(actor_id)
    if fmt == "events":
        if str(output) == "-":
            out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="\n", write_through=True)
            eventdata.write(store.engine, out, event_id, actor_id)
            out.flush()
            out.detach()
            return
        partial = Path(f"{output}.partial")
        try:
            with open(partial, "w", encoding="utf-8", newline="\n") as fh:
                n = eventdata.write(store.engine, fh, event_id, actor_id)
            os.replace(partial, output)
        finally:
            partial.unlink(missing_ok=True)
        click.echo(f"wrote {n} event rows to {output}", err=True)
        return
    if fmt != "alignment":
        raise InvalidInput(f"unknown export format {fmt!r}")
    if actor_id is not None:
        raise InvalidInput("--actor does not apply to the alignment export; use --event to narrow it")
    scope = al.Scope(by=by, events=(event_id,) if event_id else ())  # type: ignore[arg-type]
    m = al.matrix(al.positions(store.engine, scope, min_events=min_events, top=top))
    groups = coalitions(m, min_events)
    body = alignment_graphml.text(m, groups, min_events)
    if str(output) == "-":
        sys.stdout.buffer.write(body)
        sys.stdout.buffer.flush()
        return
    partial = Path(f"{output}.partial")
    try:
        partial.write_bytes(body)
        os.replace(partial, output)
    finally:
        partial.unlink(missing_ok=True)
    click.echo(f"wrote {len(m.positions.parties)} parties and {len(groups)} coalitions to {output}", err=True)
