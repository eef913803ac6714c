"""From cross-validated logits to the card: temperature, the lexicon-override rule, and the CV figures.

    python -m train.calibrate cv.json candidates.json MODEL_DIR

The temperature minimises the log-loss of the out-of-fold predictions; its
expected calibration error is reported twice: with the one temperature fitted
on all folds, and cross-fitted (each fold's probabilities at a temperature
fitted on the other folds), the honest figure. Whether a strong lexicon cue
should override the model, and from which lexicon confidence up, is chosen by
the same out-of-fold accuracy.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

from .features import LABELS
from .metrics import reliability, scores, softmax, fit_temperature

OVERRIDES = (None, 0.95, 0.85, 0.75, 0.65, 0.55, 0.5)  # 0.5: any side the lexicon takes


def _predict(rows: list[dict], p: np.ndarray, override: float | None, neutral: bool = False) -> list[str]:
    """The model's answer (argmax of `p`), less where the lexicon overrides it.

    A lexicon side at `override` confidence or more wins; with `neutral`, so
    does the lexicon's deliberately neutral cue ("calls for calm") where it found no side.
    """
    out = []
    for r, probs in zip(rows, p):
        stance = LABELS[int(np.argmax(probs))]
        if override is not None and r["lexicon"] != "neutral" and r["lexicon_confidence"] >= override:
            stance = r["lexicon"]
        elif neutral and r.get("lexicon_neutral_cue"):
            stance = "neutral"
        out.append(stance)
    return out


def main(argv: list[str]) -> None:
    cv = json.loads(Path(argv[0]).read_text())
    out_dir = Path(argv[2])
    depths = {int(n): scores([r["gold"] for r in rows], [LABELS[int(np.argmax(r["logits"]))] for r in rows])
              for n, rows in cv["depths"].items()}
    # the depth with the best accuracy; a shallower one when within 0.01 (it is faster at run time)
    top = max(d["accuracy"] for d in depths.values())
    layers = min(n for n, d in depths.items() if d["accuracy"] >= top - 0.01)
    rows = cv["depths"][str(layers)]
    z = np.array([r["logits"] for r in rows])
    gold = [r["gold"] for r in rows]
    by_override = {str(o): scores(gold, _predict(rows, z, o)) for o in OVERRIDES}  # argmax: any temperature
    best = max(OVERRIDES, key=lambda o: (round(by_override[str(o)]["accuracy"], 4), o is None))
    with_neutral = scores(gold, _predict(rows, z, best, neutral=True))
    neutral = with_neutral["accuracy"] > by_override[str(best)]["accuracy"]
    by_override[f"{best} and the neutral cue"] = with_neutral
    predicted = _predict(rows, z, best, neutral)
    right = [a == b for a, b in zip(predicted, gold)]
    overridden = np.array([a != LABELS[int(np.argmax(q))] for a, q in zip(predicted, z)])
    by_neutral = np.array([o and a == "neutral" and bool(r.get("lexicon_neutral_cue"))
                           for o, a, r in zip(overridden, predicted, rows)])
    neutral_hits = [r for r, o in zip(right, by_neutral) if o]
    neutral_confidence = round(float(np.mean(neutral_hits)), 3) if neutral_hits else None
    # The model's answers get the temperature fitted where they are the judge's answer; the lexicon's
    # overrides get the share of them that were right.
    def temperature(mask: np.ndarray) -> float:
        return fit_temperature(z[mask & ~overridden], [g for g, m, o in zip(gold, mask, overridden) if m and not o])

    t = temperature(np.ones(len(rows), dtype=bool))
    hits = [r for r, o, n in zip(right, overridden, by_neutral) if o and not n]
    override_confidence = round(float(np.mean(hits)), 3) if hits else None

    def confidence(p: np.ndarray) -> list[float]:
        return np.where(by_neutral, neutral_confidence or 0.0,
                        np.where(overridden, override_confidence or 0.0, p.max(axis=1))).tolist()

    table, ece = reliability(confidence(softmax(z, t)), right)
    # cross-fitted: each fold at the temperature and override confidence fitted on the other folds
    crossed = []
    folds_of = np.array([r["fold"] for r in rows])
    for fold in sorted(set(folds_of.tolist())):
        inside = folds_of == fold
        tf = temperature(~inside)
        of = float(np.mean([r for r, i, o, n in zip(right, inside, overridden, by_neutral) if o and not n and not i]
                           or [0.0]))
        nf = float(np.mean([r for r, i, n in zip(right, inside, by_neutral) if n and not i] or [0.0]))
        crossed += [(nf if by_neutral[i] else of if overridden[i] else float(softmax(z[i:i + 1], tf).max()), right[i])
                    for i in np.flatnonzero(inside)]
    _, ece_crossed = reliability([c for c, _ in crossed], [r for _, r in crossed])
    _, ece_raw = reliability(confidence(softmax(z)), right)
    per_split = {split: scores([g for g, r in zip(gold, rows) if r["split"] == split],
                               [q for q, r in zip(predicted, rows) if r["split"] == split])
                 for split in sorted({r["split"] for r in rows})}
    candidates = json.loads(Path(argv[1]).read_text()) if argv[1] != "-" else {}
    report = {"layers": layers, "temperature": t, "lexicon_override": best, "override_confidence": override_confidence,
              "neutral_override": neutral, "neutral_override_confidence": neutral_confidence,
              "overridden_share": round(float(np.mean(overridden)), 3), "cv": {
        "scheme": f"{cv['scheme']} over train + validation ({cv['events']} events)", "by_depth": depths,
        "speakers": len(rows), "events": len({r["event_key"] for r in rows}),
        "model": scores(gold, _predict(rows, z, None)), "judge": scores(gold, predicted), "per_split": per_split, "by_lexicon_override": by_override,
        "ece": ece, "ece_cross_fitted": ece_crossed, "ece_before_temperature": ece_raw,
        "reliability": [{"low": lo, "high": hi, "count": n, "confidence": c, "right": r}
                        for lo, hi, n, c, r in table],
        "training": {k: cv[k] for k in ("seed", "C", "max_length") if k in cv}},
        "candidates": candidates}
    card_path = out_dir / "card.json"
    card = json.loads(card_path.read_text()) if card_path.exists() else {}
    card.update(report)
    out_dir.mkdir(parents=True, exist_ok=True)
    card_path.write_text(json.dumps(card, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])
