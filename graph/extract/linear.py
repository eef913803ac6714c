"""The linear reader: a logistic regression over a speaker's words and how they were said.

The learned judge stacks it with the MiniLM head (`learned.py`): leave-one-event-out,
the two together were right more often than either alone (see
`stance_model/CARD.md`), since they err on different speakers -- the head
reads the statement beside the event, this reader the words themselves (TF-IDF
of words and word pairs), a general-purpose opinion lexicon's polarity and
subjectivity (TextBlob, MIT, no corpora needed), negations, the class of each
reporting verb, whether a statement is a headline's and whether the speaker
tells what they do.

The TF-IDF is scikit-learn's `TfidfVectorizer(ngram_range=(1, 2), min_df=2,
sublinear_tf=True)`, fitted by `train.candidates`: its vocabulary, idf and the
regression's weights are the data file `stance_model/linear.json`, read here
with numpy alone (scikit-learn is a training extra; a test checks that the two
agree).
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from . import lexicon

_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token_pattern
_NEGATION = re.compile(r"\b(?:not|no|never|n't|nor|without)\b", re.I)
VERB_CLASSES = ("oppose", "support", "neutral", "plain", "headline", "other")


@functools.lru_cache(maxsize=4096)  # a reporting word's class is fixed; finding it scans every cue
def verb_class(trigger: str) -> str:
    """The class of a reporting word: "oppose" or "support" (a cue of the lexicon's: "condemned", "welcomed"),
    "neutral" (its neutral cue: "noted"), "plain" ("said", "told"), "headline" (a headline clause), else "other"."""
    word = trigger.lower()
    if word == "headline":
        return "headline"
    if word in lexicon.PLAIN_SPEECH:
        return "plain"

    def inflects(lemmas) -> bool:  # "condemned" from "condemn", "criticised" from "criticise"
        return any(" " not in w and len(w) > 2 and word.startswith(w[:-1] if w.endswith("e") else w) for w in lemmas)

    for name, lemmas in (("oppose", lexicon.OPPOSE_CUES), ("support", lexicon.SUPPORT_CUES),
                         ("neutral", lexicon.NEUTRAL_CUES)):
        if inflects(lemmas):
            return name
    return "other"


@dataclass(frozen=True)
class Reading:
    """What the linear reader is told of one speaker: the same at training (`train.examples`) and at run time."""

    event: str  # the event side of the model's pair (`learned.event_text`)
    said: str  # everything the speaker said (`learned.statements_text`)
    triggers: tuple[str, ...] = ()  # each statement's reporting word, lower case ("condemned", "said, called")
    headline: bool = False  # some statement is a headline's or a section heading's
    about_self: bool = False  # some statement tells what the speaker does or will do
    lexicon: str = "neutral"  # the lexicon judge's answer
    lexicon_confidence: float = 0.0
    gold: bool = False  # a gold evidence quote (training only: no reporting verb, no lexicon answer)


def how_said(r: Reading) -> list[float]:
    """The reporting verbs' classes (shares of the speaker's statements; "called, said" counts both verbs),
    whether a statement is a headline's, and whether the speaker tells what they do."""
    classes = [verb_class(w) for t in r.triggers for w in t.split(", ")]
    shares = [classes.count(c) / len(classes) if classes else 0.0 for c in VERB_CLASSES]
    return [*shares, float(r.headline), float(r.about_self)]


def dense(r: Reading) -> list[float]:
    """The lexicon's answer, TextBlob's polarity and subjectivity of what was said, negations, the example's
    source, how it was said, and the event's own polarity (what kind of event it is, by the same lexicon)."""
    said, event = _sentiment(r.said), _sentiment(r.event)
    lex = r.lexicon or "neutral"
    return [float(lex == "support") * r.lexicon_confidence, float(lex == "oppose") * r.lexicon_confidence,
            float(lex == "neutral"), said.polarity, said.subjectivity, len(_NEGATION.findall(r.said)) / 3,
            float(r.gold), *how_said(r), event.polarity]


@functools.lru_cache(maxsize=256)  # every speaker of an article reads the same event
def _sentiment(text: str) -> Any:
    """TextBlob's polarity and subjectivity of `text`."""
    from textblob import TextBlob
    return TextBlob(text).sentiment


def ngrams(text: str) -> list[str]:
    """Words and word pairs as scikit-learn's default analyzer with `ngram_range=(1, 2)` gives them."""
    tokens = _TOKEN.findall(text.lower())
    return tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:])]


class LinearReader:
    """The fitted reader of `linear.json`: TF-IDF vocabulary and idf, then the regression's weights."""

    def __init__(self, path: Path) -> None:
        # TextBlob (and nltk under it) take about 0.9 s of CPU to import: once, with the model, before ingest
        # forks its workers, rather than in each worker at its first speaker
        import textblob  # noqa: F401
        data = json.loads(path.read_text(encoding="utf-8"))
        self.vocabulary: dict[str, int] = data["vocabulary"]
        self.idf = np.array(data["idf"], dtype=np.float64)
        self.labels: tuple[str, ...] = tuple(data["labels"])
        self.coef = np.array(data["coef"], dtype=np.float64)  # labels x (vocabulary + dense features)
        self.intercept = np.array(data["intercept"], dtype=np.float64)

    def tfidf(self, text: str) -> dict[int, float]:
        """The l2-normalised, sublinear TF-IDF of `text` over the vocabulary, as a sparse row."""
        counts: dict[int, int] = {}
        for g in ngrams(text):
            j = self.vocabulary.get(g)
            if j is not None:
                counts[j] = counts.get(j, 0) + 1
        row = {j: (1 + math.log(n)) * self.idf[j] for j, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in row.values()))
        return {j: v / norm for j, v in row.items()} if norm else {}

    def log_probabilities(self, readings: Sequence[Reading]) -> np.ndarray:
        """Log-probabilities, one row per reading, columns in `labels` order."""
        n = len(self.vocabulary)
        out = []
        for r in readings:
            z = self.intercept + self.coef[:, n:] @ np.array(dense(r), dtype=np.float64)
            for j, v in self.tfidf(r.said).items():
                z = z + self.coef[:, j] * v
            z = z - z.max()
            out.append(z - math.log(float(np.exp(z).sum())))
        return np.array(out).reshape(len(readings), len(self.labels))
