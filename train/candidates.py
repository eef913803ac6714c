"""Cross-validation of the cheap stance-judge candidates over train + validation (grouped 10-fold by event).

    python -m train.candidates examples.jsonl > candidates.json

Candidates: the lexicon judge of today (its answers recorded with the
examples); logistic regression over words (TF-IDF of the statements) and
features (the lexicon's answer and confidence, TextBlob's general-purpose
opinion lexicon -- polarity and subjectivity --, negation words); spaCy's own
`textcat` (bag of words and bigrams) trained on the corpus. Each is trained on
every other event's examples (pipeline speakers and gold quotes) and scored
on the held-out events' pipeline speakers, as the judge meets them.
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

import numpy as np

from .features import LABELS
from .finetune import FOLDS, folds, load_examples, pair, scored, trainable
from .metrics import reliability, scores

_NEGATION = re.compile(r"\b(?:not|no|never|n't|nor|without)\b", re.I)


def _text(ex: dict) -> str:
    return pair(ex)[1]


_FEATURES: dict[int, list[float]] = {}


def _dense(examples: list[dict]) -> np.ndarray:
    """The lexicon judge's answer, TextBlob's polarity and subjectivity, negation words; computed once per example."""
    from textblob import TextBlob
    for e in examples:
        if id(e) not in _FEATURES:
            blob = TextBlob(_text(e)).sentiment
            lex = e["lexicon"] or "neutral"
            _FEATURES[id(e)] = [float(lex == "support") * e["lexicon_confidence"],
                                float(lex == "oppose") * e["lexicon_confidence"], float(lex == "neutral"),
                                blob.polarity, blob.subjectivity, len(_NEGATION.findall(_text(e))) / 3,
                                float(e["source"] == "gold")]
    return np.array([_FEATURES[id(e)] for e in examples])


def linear(train: list[dict], test: list[dict]) -> np.ndarray:
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    xtr = hstack([vec.fit_transform([_text(e) for e in train]), csr_matrix(_dense(train))]).tocsr()
    xte = hstack([vec.transform([_text(e) for e in test]), csr_matrix(_dense(test))]).tocsr()
    model = LogisticRegression(C=4.0, max_iter=1000, class_weight="balanced", random_state=0)
    model.fit(xtr, [e["stance"] for e in train])
    p = model.predict_proba(xte)
    return p[:, [list(model.classes_).index(label) for label in LABELS]]


def textcat(train: list[dict], test: list[dict]) -> np.ndarray:
    import random

    import spacy
    from spacy.training import Example
    nlp = spacy.blank("en")
    cat = nlp.add_pipe("textcat", config={"model": {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True,
                                                     "ngram_size": 2, "no_output_layer": False}})
    for label in LABELS:
        cat.add_label(label)
    data = [Example.from_dict(nlp.make_doc(_text(e)), {"cats": {label: float(label == e["stance"]) for label in LABELS}})
            for e in train]
    optimizer = nlp.initialize(lambda: data)
    rng = random.Random(0)
    for _ in range(10):
        rng.shuffle(data)
        for i in range(0, len(data), 16):
            nlp.update(data[i:i + 16], sgd=optimizer, drop=0.2)
    return np.array([[doc.cats[label] for label in LABELS] for doc in nlp.pipe(_text(e) for e in test)])


def evaluate(examples: list[dict], predict) -> list[dict]:
    """Out-of-fold probabilities for every scored example, in the MiniLM head's grouped folds by event.

    Leave-one-event-out (55 fits) of the linear model alone ran for over 45
    minutes on the shared machine without finishing; the same 10 folds as the
    MiniLM head keep the comparison fair and the run short.
    """
    rows = []
    events = sorted({e["event_key"] for e in examples if scored(e)})
    for held in folds(events, FOLDS):
        train = [e for e in examples if e["event_key"] not in held and trainable(e)]
        test = [e for e in examples if e["event_key"] in held and scored(e)]
        rows += [{"gold": e["stance"], "p": row.tolist()} for e, row in zip(test, predict(train, test))]
    return rows


def summary(rows: list[dict]) -> dict:
    predicted = [LABELS[int(np.argmax(r["p"]))] for r in rows]
    out = scores([r["gold"] for r in rows], predicted)
    table, ece = reliability([max(r["p"]) for r in rows], [p == r["gold"] for p, r in zip(predicted, rows)])
    out["ece"] = ece
    return out


def main(argv: list[str]) -> None:
    examples = load_examples(Path(argv[0]))
    wanted = argv[1:] or ["lexicon", "linear", "textcat"]
    result = {}
    if "lexicon" in wanted:
        test = [e for e in examples if scored(e)]
        rows = [{"gold": e["stance"], "p": [e["lexicon_confidence"] if label == e["lexicon"]
                                            else (1 - e["lexicon_confidence"]) / 2 for label in LABELS]} for e in test]
        result["lexicon"] = summary(rows)
    for name, predict in (("linear", linear), ("textcat", textcat)):
        if name in wanted:
            started = time.time()
            rows = evaluate(examples, predict)
            result[name] = summary(rows) | {"cv_seconds": round(time.time() - started)}
            print(name, result[name], file=sys.stderr, flush=True)
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])
