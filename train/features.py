"""How an example is put to a model: the event, then the speaker's statements, as a sentence pair.

Shared by training and by the runtime judge's contract: `graph/extract/learned.py`
builds the same pair (its `event_text` and `statements_text`); a test checks
that the two agree.
"""

from __future__ import annotations

from graph.extract.learned import event_text, statements_text  # noqa: F401  (one definition, used by both)

LABELS = ("oppose", "support", "neutral")
