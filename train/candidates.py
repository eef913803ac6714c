"""Leave-one-event-out cross-validation of the cheap stance-judge candidates over train + validation.

    python -m train.candidates examples.jsonl > candidates.json

Candidates: the lexicon judge of today (its answers recorded with the
examples); logistic regression over words (TF-IDF of the statements) and
features (the lexicon's answer and confidence, TextBlob's general-purpose
opinion lexicon -- polarity and subjectivity --, negation words, the class of
each reporting verb, whether a statement is a headline's, whether the
speaker tells what they do, and the headline's and lead's own polarity: the
run-time reader's features, `graph/extract/linear.py`); spaCy's own `textcat` (bag of
words and bigrams) trained on the corpus. `--rows` keeps every candidate's
out-of-fold probabilities, for `train.policies`. Each is trained on
every other event's examples (pipeline speakers and gold quotes) and scored
on the held-out event's pipeline speakers, as the judge meets them. Each
is then fitted once on all of them to measure its cost: milliseconds per
speaker's statements on one thread, and its size serialised.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from pathlib import Path

import numpy as np

from graph.extract.linear import Reading, dense

from .features import LABELS, reading
from .finetune import folds, load_examples, pair, scored, trainable
from .metrics import reliability, scores


def _text(ex: dict) -> str:
    return pair(ex)[1]


_FEATURES: dict[Reading, list[float]] = {}


def _dense(examples: list[dict], cached: bool = True) -> np.ndarray:
    """`dense` features of each example; computed once per reading across folds unless `cached` is off (timing)."""
    if not cached:
        return np.array([dense(reading(e)) for e in examples])
    for e in examples:
        if reading(e) not in _FEATURES:
            _FEATURES[reading(e)] = dense(reading(e))
    return np.array([_FEATURES[reading(e)] for e in examples])


class Linear:
    """Logistic regression over TF-IDF of words and bigrams and the dense features."""

    def __init__(self, train: list[dict]) -> None:
        from scipy.sparse import csr_matrix, hstack
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        self.vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        x = hstack([self.vec.fit_transform([_text(e) for e in train]), csr_matrix(_dense(train))]).tocsr()
        self.model = LogisticRegression(C=4.0, max_iter=1000, class_weight="balanced", random_state=0)
        self.model.fit(x, [e["stance"] for e in train])

    def predict(self, test: list[dict], cached: bool = True) -> np.ndarray:
        from scipy.sparse import csr_matrix, hstack
        x = hstack([self.vec.transform([_text(e) for e in test]), csr_matrix(_dense(test, cached))]).tocsr()
        p = self.model.predict_proba(x)
        return p[:, [list(self.model.classes_).index(label) for label in LABELS]]

    def size(self) -> int:
        return len(pickle.dumps((self.vec, self.model)))

    def export(self, path: Path) -> None:
        """The fitted reader as `graph.extract.linear.LinearReader` reads it (numpy alone at run time)."""
        order = [list(self.model.classes_).index(label) for label in LABELS]
        path.write_text(json.dumps({
            "labels": list(LABELS), "vocabulary": {k: int(v) for k, v in sorted(self.vec.vocabulary_.items())},
            "idf": [round(float(v), 6) for v in self.vec.idf_],
            "coef": [[round(float(v), 6) for v in self.model.coef_[k]] for k in order],
            "intercept": [round(float(self.model.intercept_[k]), 6) for k in order]}, ensure_ascii=False),
            encoding="utf-8")


TEXTCAT_EPOCHS = 5  # 10 in the grouped 10-fold run; halved so 55 folds fit in the shared machine's time


class Textcat:
    """spaCy's own `textcat` (bag of words and bigrams), trained on the corpus."""

    def __init__(self, train: list[dict]) -> None:
        import random

        import spacy
        from spacy.training import Example
        self.nlp = nlp = spacy.blank("en")
        cat = nlp.add_pipe("textcat", config={"model": {"@architectures": "spacy.TextCatBOW.v3",
                                                         "exclusive_classes": True, "ngram_size": 2,
                                                         "no_output_layer": False}})
        for label in LABELS:
            cat.add_label(label)
        data = [Example.from_dict(nlp.make_doc(_text(e)),
                                  {"cats": {label: float(label == e["stance"]) for label in LABELS}}) for e in train]
        optimizer = nlp.initialize(lambda: data)
        rng = random.Random(0)
        for _ in range(TEXTCAT_EPOCHS):
            rng.shuffle(data)
            for i in range(0, len(data), 16):
                nlp.update(data[i:i + 16], sgd=optimizer, drop=0.2)

    def predict(self, test: list[dict], cached: bool = True) -> np.ndarray:
        return np.array([[doc.cats[label] for label in LABELS] for doc in self.nlp.pipe(_text(e) for e in test)])

    def size(self) -> int:
        return len(self.nlp.to_bytes())


def evaluate(examples: list[dict], candidate) -> list[dict]:
    """Out-of-fold probabilities for every scored example, leave-one-event-out (the MiniLM head's folds)."""
    rows = []
    events = sorted({e["event_key"] for e in examples if scored(e)})
    for held in folds(events):
        train = [e for e in examples if e["event_key"] not in held and trainable(e)]
        test = [e for e in examples if e["event_key"] in held and scored(e)]
        rows += [{"event_key": e["event_key"], "article": e["article"], "speaker": e["speaker"], "split": e["split"],
                  "gold": e["stance"], "p": row.tolist()} for e, row in zip(test, candidate(train).predict(test))]
    return rows


def cost(examples: list[dict], candidate) -> dict:
    """Milliseconds per speaker (one at a time, features computed afresh) and bytes serialised, fitted on all."""
    model = candidate([e for e in examples if trainable(e)])
    test = [e for e in examples if scored(e)]
    started = time.process_time()
    for e in test:
        model.predict([e], cached=False)
    return {"ms": round(1000 * (time.process_time() - started) / len(test), 2), "bytes": model.size()}


def summary(rows: list[dict]) -> dict:
    predicted = [LABELS[int(np.argmax(r["p"]))] for r in rows]
    out = scores([r["gold"] for r in rows], predicted)
    table, ece = reliability([max(r["p"]) for r in rows], [p == r["gold"] for p, r in zip(predicted, rows)])
    out["ece"] = ece
    return out


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("examples", type=Path)
    parser.add_argument("wanted", nargs="*", default=["lexicon", "linear", "textcat"])
    parser.add_argument("--lexicon-cost", type=Path, help="the lexicon's cost, as `train.examples --cost` wrote it")
    parser.add_argument("--rows", type=Path, help="write each candidate's out-of-fold probabilities here (JSON)")
    args = parser.parse_args(argv)
    examples = load_examples(args.examples)
    wanted = args.wanted
    result = {}
    out_of_fold: dict[str, list[dict]] = {}
    if "lexicon" in wanted:
        test = [e for e in examples if scored(e)]
        rows = [{"gold": e["stance"], "p": [e["lexicon_confidence"] if label == e["lexicon"]
                                            else (1 - e["lexicon_confidence"]) / 2 for label in LABELS]} for e in test]
        result["lexicon"] = summary(rows)
        if args.lexicon_cost is not None:
            result["lexicon"] |= json.loads(args.lexicon_cost.read_text())
    for name, candidate in (("linear", Linear), ("textcat", Textcat)):
        if name in wanted:
            started = time.time()
            rows = evaluate(examples, candidate)
            out_of_fold[name] = rows
            result[name] = summary(rows) | {"cv_seconds": round(time.time() - started)} | cost(examples, candidate)
            if name == "textcat":
                result[name]["epochs"] = TEXTCAT_EPOCHS
            print(name, result[name], file=sys.stderr, flush=True)
    if args.rows is not None:
        args.rows.write_text(json.dumps(out_of_fold), encoding="utf-8")
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])
