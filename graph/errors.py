"""Domain errors.

Every failure a user can cause is one of these types, so the edges (the CLI
and the HTTP API) can map each to one clear message and status without
guessing from library exceptions.
"""

from __future__ import annotations


class ReactionGraphError(Exception):
    """Base of every error the domain raises on purpose."""

    #: A short, stable title for the kind of problem (used in problem+json).
    title = "Reaction graph error"


class InvalidInput(ReactionGraphError):
    """The input cannot be used: empty, binary, too large, malformed."""

    title = "Invalid input"


class NotFound(ReactionGraphError):
    """An id names nothing in the store."""

    title = "Not found"


class Merged(NotFound):
    """An id that named an actor since merged into another: saved links should follow to `into`."""

    title = "Merged"

    def __init__(self, message: str, source: str, into: str) -> None:
        super().__init__(message)
        self.source = source
        self.into = into


class ModelUnavailable(ReactionGraphError):
    """The spaCy pipeline named by the settings cannot be loaded."""

    title = "Language model unavailable"


class Contended(ReactionGraphError):
    """Concurrent writers kept conflicting (PostgreSQL deadlocks) past every retry: try again shortly."""

    title = "Busy"
