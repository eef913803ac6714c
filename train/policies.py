"""Where the lexicon's explicit cue and a model disagree, who decides: policies measured by nested cross-validation.

    python -m train.policies examples.jsonl cv.json candidate_rows.json > policies.json

Each policy combines the lexicon judge's answer (recorded with the examples)
with one model's out-of-fold answers (the MiniLM head's, from `cv.json`, at
every depth cross-validated; the linear and textcat candidates', from
`train.candidates --rows`). A policy's free parameters (the lexicon
confidence from which its side wins, the model confidence above which the
model keeps its answer anyway, a blend weight, whether the neutral cue
decides) are chosen *inside* the cross-validation: for each held-out event,
by accuracy over the other events' out-of-fold rows only, then applied to
the held-out event. So the figures reported are not those of a threshold
picked on the rows they are scored on, which is what `train.calibrate`'s
`by_lexicon_override` table shows (its best row is mildly optimistic).

The model's probabilities for the "model is sure" rule are its softmax at a
temperature fitted (log-loss) on the other events' rows as well.
"""

from __future__ import annotations

import itertools
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from .calibrate import OVERRIDES  # the lexicon confidences from which its side wins, the card's grid
from .features import LABELS
from .finetune import load_examples, scored
from .metrics import fit_temperature, scores, softmax

SURE = (1.01, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.6)  # the model's confidence above which it keeps its answer
BLEND = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)  # the lexicon's weight in a blend of probabilities
UNSURE = (0.0, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)  # the model's confidence below which it answers neutral
NEUTRAL_BIAS = (0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0)  # added to the neutral log-odds of the model's answer


class _Lexicon:
    """The lexicon's answers for a list of rows, as arrays: its label, confidence, whether it took a side,
    its neutral cue, and its answer as probabilities (its confidence on it, the rest shared, as `train.candidates`)."""

    def __init__(self, rows: Sequence[dict]) -> None:
        self.label = np.array([LABELS.index(r["lexicon"] or "neutral") for r in rows])
        self.confidence = np.array([r["lexicon_confidence"] for r in rows])
        self.side = np.array([r["lexicon"] in ("oppose", "support") for r in rows])
        self.neutral_cue = np.array([bool(r.get("lexicon_neutral_cue")) for r in rows])
        c = self.confidence[:, None]
        self.p = np.where(np.arange(len(LABELS))[None, :] == self.label[:, None], c, (1 - c) / 2)


def _answers(lex: _Lexicon, p: np.ndarray, params: dict) -> np.ndarray:
    """Every row's stance (an index into `LABELS`) under a policy with `params`, the model's probabilities `p`.

    Where the model answers, `neutral_bias` raises its neutral probability (by that much in log-odds) and
    `unsure` makes it answer neutral when its top probability is below that: the two ways a side given to a
    speaker who only reports, monitors or calls for talks can become the neutral it is.
    """
    neutral = LABELS.index("neutral")
    if params.get("neutral_bias"):
        p = p * np.exp(params["neutral_bias"] * (np.arange(len(LABELS)) == neutral))[None, :]
        p = p / p.sum(axis=1, keepdims=True)
    if "blend" in params:
        w = params["blend"]
        out = np.argmax(w * lex.p + (1 - w) * p, axis=1)
    else:
        out = np.argmax(p, axis=1)
        if params.get("unsure"):
            out = np.where(p.max(axis=1) < params["unsure"], neutral, out)
        override, sure = params.get("override"), params.get("sure", 1.01)
        if override is not None:
            wins = lex.side & (lex.confidence >= override) & ~((p.max(axis=1) >= sure) & (out != lex.label))
            out = np.where(wins, lex.label, out)
    if params.get("neutral"):  # a deliberately neutral cue ("calls for calm") where the lexicon took no side
        out = np.where(lex.neutral_cue & ~lex.side, LABELS.index("neutral"), out)
    return out


def _grids() -> dict[str, list[dict]]:
    """Every policy's parameter grid; the first entry of a grid is its simplest (ties go to it)."""
    return {
        "model alone": [{}],
        "lexicon side from t": [{"override": o} for o in OVERRIDES],
        "lexicon side from t, neutral cue": [{"override": o, "neutral": n}
                                             for n, o in itertools.product((False, True), OVERRIDES)],
        "lexicon side from t unless the model is sure, neutral cue": [
            {"override": o, "sure": s, "neutral": n}
            for n, s, o in itertools.product((False, True), SURE, OVERRIDES)],
        "lexicon side from t, neutral cue, neutral when the model is unsure": [
            {"override": o, "neutral": n, "unsure": u}
            for u, n, o in itertools.product(UNSURE, (False, True), OVERRIDES)],
        "lexicon side from t, neutral cue, model's neutral raised": [
            {"override": o, "neutral": n, "neutral_bias": b}
            for b, n, o in itertools.product(NEUTRAL_BIAS, (False, True), OVERRIDES)],
        "blend of probabilities": [{"blend": w} for w in BLEND],
        "blend of probabilities, neutral cue": [{"blend": w, "neutral": n}
                                                for n, w in itertools.product((False, True), BLEND)],
    }


def out_of_fold(rows: list[dict], probs: Callable[[np.ndarray], np.ndarray],
                grid: list[dict]) -> tuple[np.ndarray, dict[str, int]]:
    """Every row's answer (an index into `LABELS`) with the parameters chosen on the other folds' rows only.

    `probs(mask)` gives the model's probabilities for every row, calibrated on the rows in `mask` only. Also
    returns how often each parameter setting was chosen.
    """
    lex = _Lexicon(rows)
    gold = np.array([LABELS.index(r["gold"]) for r in rows])
    folds = np.array([r["fold"] for r in rows])
    predicted = np.zeros(len(rows), dtype=int)
    chosen: dict[str, int] = {}
    for fold in sorted(set(folds.tolist())):
        inside = folds == fold
        p = probs(~inside)
        params = best(lex, gold, ~inside, p, grid)
        key = json.dumps(params, sort_keys=True)
        chosen[key] = chosen.get(key, 0) + 1
        predicted[inside] = _answers(lex, p, params)[inside]
    return predicted, dict(sorted(chosen.items(), key=lambda kv: -kv[1]))


def best(lex: _Lexicon, gold: np.ndarray, mask: np.ndarray, p: np.ndarray, grid: list[dict]) -> dict:
    """The grid's most accurate entry on the rows in `mask` (the simplest among equals)."""
    return grid[max(range(len(grid)),
                    key=lambda i: (round(float(np.mean((_answers(lex, p, grid[i]) == gold)[mask])), 4), -i))]


def nested(rows: list[dict], probs: Callable[[np.ndarray], np.ndarray], grid: list[dict]) -> dict:
    """A policy's figures leave-one-event-out, its parameters chosen inside the folds (`out_of_fold`); also the
    parameters that all the rows would choose (what the shipped judge would use)."""
    predicted, chosen = out_of_fold(rows, probs, grid)
    names = [LABELS[i] for i in predicted]
    golds = [r["gold"] for r in rows]
    out = scores(golds, names)
    out["per_split"] = {split: scores([g for g, r in zip(golds, rows) if r["split"] == split],
                                      [q for q, r in zip(names, rows) if r["split"] == split])
                        for split in sorted({r["split"] for r in rows})}
    out["chosen"] = chosen
    everywhere = np.ones(len(rows), dtype=bool)
    out["chosen_on_all"] = best(_Lexicon(rows), np.array([LABELS.index(g) for g in golds]), everywhere,
                                probs(everywhere), grid)
    return out


def model_rows(examples: list[dict], cv: dict, candidate_rows: dict) -> dict[str, tuple[list[dict], np.ndarray, bool]]:
    """Per model: its scored rows (with the lexicon's answer and the fold), its scores, and whether they are logits."""
    lexicon = {(e["article"], e["speaker"]): e for e in examples if scored(e)}
    out = {}
    for depth, rows in cv["depths"].items():
        out[f"MiniLM head, {depth} layers"] = (rows, np.array([r["logits"] for r in rows]), True)
    folds = {}
    for r in next(iter(cv["depths"].values())):
        folds[r["event_key"]] = r["fold"]
    for name, rows in candidate_rows.items():
        joined = []
        for r in rows:
            e = lexicon[(r["article"], r["speaker"])]
            joined.append(r | {"lexicon": e["lexicon"], "lexicon_confidence": e["lexicon_confidence"],
                               "lexicon_neutral_cue": e.get("lexicon_neutral_cue", False),
                               "fold": folds[r["event_key"]]})
        out[name] = (joined, np.array([r["p"] for r in rows]), False)
    return out


def main(argv: list[str]) -> None:
    examples = load_examples(Path(argv[0]))
    cv = json.loads(Path(argv[1]).read_text())
    candidate_rows = json.loads(Path(argv[2]).read_text()) if len(argv) > 2 else {}
    report: dict = {"scheme": "leave-one-event-out; each policy's parameters chosen on the other events' rows",
                    "models": {}}
    for name, (rows, z, logits) in model_rows(examples, cv, candidate_rows).items():
        gold = [r["gold"] for r in rows]
        if logits:
            def probs(mask: np.ndarray, z: np.ndarray = z, gold: list[str] = gold) -> np.ndarray:
                return softmax(z, fit_temperature(z[mask], [g for g, k in zip(gold, mask) if k]))
        else:
            def probs(mask: np.ndarray, z: np.ndarray = z) -> np.ndarray:
                return z
        lexicon_alone = scores(gold, [r["lexicon"] or "neutral" for r in rows])
        report["models"][name] = {"speakers": len(rows), "lexicon alone": lexicon_alone} | {
            policy: nested(rows, probs, grid) for policy, grid in _grids().items()}
        print(name, {p: (round(v["accuracy"], 3), round(v["macro_f1"], 3))
                     for p, v in report["models"][name].items() if isinstance(v, dict) and "accuracy" in v},
              file=sys.stderr, flush=True)
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])
