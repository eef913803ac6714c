"""How an example is put to a model: the event, then the speaker's statements, as a sentence pair.

Shared by training and by the runtime judge's contract: `graph/extract/learned.py`
builds the same pair (its `event_text` and `statements_text`); a test checks
that the two agree.
"""

from __future__ import annotations

from graph.extract.learned import event_text, statements_text  # noqa: F401  (one definition, used by both)
from graph.extract.linear import Reading

LABELS = ("oppose", "support", "neutral")


def reading(e: dict) -> Reading:
    """What the learned judge's model is told of an example: as `graph.extract.learned.reading` tells it at run time."""
    return Reading(event_text(e["event_label"], e["event_context"]), statements_text(e["statements"]),
                   tuple(e.get("triggers") or ()), bool(e.get("headline")), bool(e.get("about_self")),
                   e["lexicon"] or "neutral", e["lexicon_confidence"], e["source"] == "gold")
