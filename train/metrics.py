"""The figures the candidate table and the model card report."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .features import LABELS

BINS = ((0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01))  # as graph.evaluate's


def scores(gold: Sequence[str], predicted: Sequence[str]) -> dict:
    """Accuracy, macro-F1 and recall per class."""
    gold, predicted = list(gold), list(predicted)
    out = {"n": len(gold), "accuracy": float(np.mean([g == p for g, p in zip(gold, predicted)]))}
    f1s = []
    for label in LABELS:
        tp = sum(g == p == label for g, p in zip(gold, predicted))
        fp = sum(p == label != g for g, p in zip(gold, predicted))
        fn = sum(g == label != p for g, p in zip(gold, predicted))
        out[f"recall_{label}"] = tp / (tp + fn) if tp + fn else 0.0
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = out[f"recall_{label}"]
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    out["macro_f1"] = float(np.mean(f1s))
    return out


def reliability(confidence: Sequence[float], right: Sequence[bool]) -> tuple[list[tuple[float, float, int, float, float]], float]:
    """Per bin (low, high, count, mean confidence, share right), and the expected calibration error."""
    rows, ece, n = [], 0.0, len(confidence)
    for low, high in BINS:
        inside = [(c, r) for c, r in zip(confidence, right) if low <= c < high]
        if inside:
            conf = float(np.mean([c for c, _ in inside]))
            acc = float(np.mean([r for _, r in inside]))
            ece += len(inside) / n * abs(conf - acc)
            rows.append((low, min(high, 1.0), len(inside), conf, acc))
        else:
            rows.append((low, min(high, 1.0), 0, 0.0, 0.0))
    return rows, ece


def softmax(z: np.ndarray, temperature: float = 1.0) -> np.ndarray:
    z = z / temperature
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def fit_temperature(logits: np.ndarray, gold: Sequence[str]) -> float:
    """The temperature that minimises the negative log-likelihood of out-of-fold predictions (grid, then refined)."""
    y = np.array([LABELS.index(g) for g in gold])

    def nll(t: float) -> float:
        p = softmax(logits, t)
        return float(-np.mean(np.log(p[np.arange(len(y)), y] + 1e-12)))

    grid = np.arange(0.25, 12.0, 0.05)
    best = min(grid, key=nll)
    fine = np.arange(max(0.05, best - 0.05), best + 0.05, 0.005)
    return round(float(min(fine, key=nll)), 3)
