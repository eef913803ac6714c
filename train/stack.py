"""The learned judge's model: the MiniLM head and the linear reader, stacked by one small logistic layer.

    python -m train.stack cv examples.jsonl states.npz --out cv.json        # nested leave-one-event-out
    python -m train.stack fit examples.jsonl states.npz --split train --out MODEL_DIR

The two err on different speakers (the head reads the statement beside the
event; the linear reader the words, an opinion lexicon and how they were
said), so a logistic regression over the head's logits and the reader's
log-probabilities (six numbers) decides between them. It is trained on
out-of-fold answers of both, never on answers of a model that saw the
speaker's event.

`cv` is nested and leak-free at every level: for each held-out event, the
stacking layer is fitted on the other events' answers from base models that
had seen neither that event nor the held-out one (five groups of the other
events, each answered by models fitted on the other four), and the held-out
event is answered by base models fitted on all the other events. Its rows
have the layout of `train.finetune cv` (the stacked log-probabilities as
`logits`), so `train.calibrate` chooses the lexicon override and the
temperature on them. `fit` fits the linear reader on the split (written as
`linear.json`) and the stacking layer on the split's leave-one-event-out
answers (into `card.json`); `train.finetune fit` fits and exports the head.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from .candidates import Linear, summary
from .features import LABELS
from .finetune import Head, folds, load_examples, measure, scored, trainable
from .metrics import scores

INNER = 5  # groups of the other events answering for each other inside one outer fold
C = 1.0  # inverse L2 strength of the stacking layer (six inputs)

Base = Callable[[list[int], list[int]], np.ndarray]  # (train rows, test rows) -> answers of the test rows


def bases(examples: list[dict], states: np.ndarray) -> dict[str, Base]:
    """The two base models: fitted on some rows, answering for others (logits; log-probabilities)."""
    def head(train: list[int], test: list[int]) -> np.ndarray:
        w, b = Head().fit(states[train], [examples[i]["stance"] for i in train])
        return states[test] @ w.T + b

    def linear(train: list[int], test: list[int]) -> np.ndarray:
        model = Linear([examples[i] for i in train])
        return np.log(model.predict([examples[i] for i in test]) + 1e-9)

    return {"head": head, "linear": linear}


def out_of_fold(examples: list[dict], models: dict[str, Base], events: list[str], groups: list[set[str]],
                exclude: set[str] = frozenset()) -> tuple[list[int], np.ndarray]:
    """The scored rows of `events` and both models' answers for them, each group answered by models fitted
    on the other groups' trainable examples (never on an event in `exclude`)."""
    rows, parts = [], []
    for group in groups:
        train = [i for i, e in enumerate(examples) if trainable(e) and e["event_key"] in events
                 and e["event_key"] not in group and e["event_key"] not in exclude]
        test = [i for i, e in enumerate(examples) if scored(e) and e["event_key"] in group]
        if test:
            rows += test
            parts.append(np.hstack([models[name](train, test) for name in ("head", "linear")]))
    return rows, np.vstack(parts)


def stacker(x: np.ndarray, y: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """The stacking layer's weights (rows in `LABELS` order) and bias, fitted from zero."""
    from sklearn.linear_model import LogisticRegression
    model = LogisticRegression(C=C, max_iter=2000)
    model.fit(x, y)
    order = [list(model.classes_).index(label) for label in LABELS]
    return model.coef_[order], model.intercept_[order]


def cross_validate(examples: list[dict], states: np.ndarray, depth: int) -> dict:
    """Nested leave-one-event-out: the stacked answers, and each base model's alone, for every scored speaker."""
    models = bases(examples, states)
    events = sorted({e["event_key"] for e in examples if scored(e)})
    out_rows, started = [], time.time()
    parts: dict[str, list] = {"head": [], "linear": []}
    for fold, held in enumerate(folds(events)):
        others = [e for e in events if e not in held]
        inner_rows, inner = out_of_fold(examples, models, set(others), [set(others[g::INNER]) for g in range(INNER)],
                                        exclude=held)
        w, b = stacker(inner, [examples[i]["stance"] for i in inner_rows])
        rows, x = out_of_fold(examples, models, set(events), [held])
        z = _log_softmax(x @ w.T + b)
        for i, row, base in zip(rows, z, x):
            e = examples[i]
            out_rows.append({"event_key": e["event_key"], "article": e["article"], "speaker": e["speaker"],
                             "split": e["split"], "gold": e["stance"], "logits": row.tolist(), "lexicon": e["lexicon"],
                             "lexicon_confidence": e["lexicon_confidence"],
                             "lexicon_neutral_cue": e.get("lexicon_neutral_cue", False), "fold": fold})
            parts["head"].append({"gold": e["stance"], "p": _softmax(base[:3]).tolist()})
            parts["linear"].append({"gold": e["stance"], "p": np.exp(base[3:]).tolist()})
        if fold % 10 == 0:
            print(f"fold {fold} of {len(events)} ({time.time() - started:.0f} s)", flush=True)
    acc = np.mean([LABELS[int(np.argmax(r["logits"]))] == r["gold"] for r in out_rows])
    print(f"stacked: accuracy {acc:.3f} over {len(out_rows)} speakers ({time.time() - started:.0f} s)", flush=True)
    return {"scheme": "leave-one-event-out, nested (the stacking layer fitted on inner out-of-fold answers)",
            "events": len(events), "seed": 13, "C": C, "inner_groups": INNER, "depths": {str(depth): out_rows},
            "parts": {name: summary(rows) for name, rows in parts.items()}}


def _log_softmax(z: np.ndarray) -> np.ndarray:
    """Log-probabilities of logits, along the last axis (shifted by the maximum, so nothing overflows)."""
    shifted = z - z.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


def _softmax(z: np.ndarray) -> np.ndarray:
    return np.exp(_log_softmax(z))


def fit(examples: list[dict], states: np.ndarray, split: str, out: Path) -> None:
    """The linear reader fitted on `split` (`linear.json`), the stacking layer on the split's leave-one-event-out
    answers of both base models (the card's `stack`)."""
    chosen = [e for e in examples if e["split"] == split]
    Linear([e for e in chosen if trainable(e)]).export(out / "linear.json")
    events = sorted({e["event_key"] for e in chosen if scored(e)})
    models = bases(examples, states)
    rows, x = out_of_fold(examples, models, set(events), folds(events),
                          exclude={e["event_key"] for e in examples if e["split"] != split})
    w, b = stacker(x, [examples[i]["stance"] for i in rows])
    card_path = out / "card.json"
    card = json.loads(card_path.read_text(encoding="utf-8"))
    card["stack"] = {"inputs": ["head logits", "linear log-probabilities"], "weight": w.round(6).tolist(),
                     "bias": b.round(6).tolist(), "trained_on": {"split": split, "speakers": len(rows),
                                                                 "events": len(events)}}
    card["linear_bytes"] = (out / "linear.json").stat().st_size
    card_path.write_text(json.dumps(card, indent=1) + "\n", encoding="utf-8")
    measure(out, examples)
    predicted = [LABELS[int(k)] for k in np.argmax(x @ w.T + b, 1)]
    print("stacking layer, in sample:", scores([examples[i]["stance"] for i in rows], predicted))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=("cv", "fit"))
    parser.add_argument("examples", type=Path)
    parser.add_argument("states", type=Path)
    parser.add_argument("--depth", type=int, default=4, help="the head's depth (MiniLM layers)")
    parser.add_argument("--split", default="train", help="fit: the split trained on")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    examples = load_examples(args.examples)
    states = np.load(args.states)[str(args.depth)]
    if args.command == "cv":
        args.out.write_text(json.dumps(cross_validate(examples, states, args.depth)), encoding="utf-8")
    else:
        fit(examples, states, args.split, args.out)


if __name__ == "__main__":
    main()
