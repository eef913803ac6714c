"""The store and extractor an app uses, created on first need.

Loading spaCy takes a moment and opening the store creates a file, so
neither happens until a request or command actually needs it.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from contextlib import AbstractContextManager, nullcontext
from typing import Any

from flask import Flask, current_app, g, request

from graph.extract import Extractor, make_judge
from graph.store import Store


class Services:
    """Lazily built domain objects for one app."""

    def __init__(self, config: Mapping[str, Any]) -> None:
        self._config = config
        self._lock = threading.Lock()
        self._store: Store | None = None
        self._extractor: Extractor | None = None
        # Ingests hold a thread (and most of the GIL) for as long as spaCy parses;
        # bounding them keeps the other threads free to answer reads.
        self.ingest_slots = threading.BoundedSemaphore(config["MAX_CONCURRENT_INGESTS"])

    @property
    def store(self) -> Store:
        """The store named by DATABASE_URL."""
        with self._lock:
            if self._store is None:
                self._store = Store.open(self._config["DATABASE_URL"])
            return self._store

    @property
    def extractor(self) -> Extractor:
        """The extractor using SPACY_MODEL and the judge STANCE_JUDGE names."""
        with self._lock:
            if self._extractor is None:
                self._extractor = Extractor(self._config["SPACY_MODEL"], self._config["MAX_ARTICLE_CHARS"],
                                            make_judge(self._config["STANCE_JUDGE"]))
            return self._extractor

    def hold_reads(self) -> AbstractContextManager[None]:
        """The open store's `reads_held` (one connection for a request's reads); nothing before it is opened."""
        store = self._store
        return store.reads_held() if store is not None else nullcontext()

    def close(self) -> None:
        """Release the store's connections."""
        if self._store is not None:
            self._store.close()
            self._store = None


def services() -> Services:
    """The services of the current app."""
    return current_app.extensions["reactiongraph"]


def _hold_reads() -> None:
    if request.method in ("GET", "HEAD"):
        held = services().hold_reads()
        held.__enter__()
        g.rg_reads = held


def _release_reads(_error: BaseException | None) -> None:
    held = g.pop("rg_reads", None)
    if held is not None:
        held.__exit__(None, None, None)


def register(app: Flask) -> None:
    """Give each GET one connection for all its reads, released when the request ends.

    Only reads: a write commits on its own connection (see Queries.reads_held).
    """
    app.before_request(_hold_reads)
    app.teardown_request(_release_reads)
