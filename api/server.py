"""`reactiongraph serve`: waitress, with the app's body limit and error bodies.

Left to its defaults, waitress accepts bodies up to 1 GiB, spooling them to
disk before the app can refuse them, and answers its own errors (malformed
requests, bodies over its limit) in text/plain. Here its limit is the app's
`MAX_BODY_BYTES`, checked against Content-Length before the body is read,
and its errors are problem+json like every other error of the API.
"""

from __future__ import annotations

import gc
import json

from flask import Flask
from waitress.channel import HTTPChannel
from waitress.server import MultiSocketServer, create_server
from waitress.task import ErrorTask

from .errors import PROBLEM_TYPE
from .http import too_large


class _ProblemErrorTask(ErrorTask):
    """waitress's own error responses, as problem+json."""

    def execute(self) -> None:
        error = self.request.error
        detail = str(error.body)
        if error.code == 413:
            limit = self.channel.server.adj.max_request_body_size - 1
            detail = too_large(self.request.content_length, limit) if self.request.content_length else \
                f"the request body is over the limit of {limit:,} bytes"
        body = json.dumps({"type": "about:blank", "title": error.reason, "status": error.code,
                           "detail": detail}).encode("utf-8")
        self.status = f"{error.code} {error.reason}"
        self.response_headers.extend([("Content-Type", PROBLEM_TYPE), ("X-Content-Type-Options", "nosniff")])
        self.set_close_on_finish()
        self.content_length = len(body)
        self.write(body)


class _ProblemChannel(HTTPChannel):
    error_task_class = _ProblemErrorTask


def settle() -> None:
    """Leave what start-up made out of later garbage collections.

    Modules, the app and its word lists live as long as the process, yet
    every full collection walked all 177,000 of them: 160-190 ms with the
    GIL held (a shared, loaded 2-core machine), stalling every request in
    flight. Collected once here, then frozen (`gc.freeze`), they are skipped.
    """
    gc.collect()
    gc.freeze()


def serve(app: Flask, host: str, port: int, threads: int) -> None:
    """Serve `app` until interrupted."""
    settle()
    # waitress refuses a body whose length reaches max_request_body_size: one more than the limit.
    server = create_server(app, host=host, port=port, threads=threads, ident="reactiongraph",
                           max_request_body_size=app.config["MAX_BODY_BYTES"] + 1)
    for one in server.map.values() if isinstance(server, MultiSocketServer) else [server]:
        if hasattr(one, "channel_class"):
            one.channel_class = _ProblemChannel
    server.run()
