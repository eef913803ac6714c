"""The learned judge: MiniLM, run with onnxruntime, reads the event and what a speaker said.

The model (`stance_model/`: an ONNX graph of MiniLM's first 4 layers, frozen,
with a logistic-regression head trained on the corpus's train split by `make
train`; its tokenizer; its card, see `stance_model/CARD.md`) sees the pair
(event, statements): stance is toward the event, so "Daesh remains a threat"
reads differently beside a withdrawal justified by Daesh's defeat than beside
a strike on Daesh. Beside it, the linear reader (`linear.py`: the words, an
opinion lexicon, how they were said) answers too, and one small logistic
layer fitted on both models' out-of-fold answers (the card's `stack`) decides
between them: leave-one-event-out, the two together were right more often
than either alone.

Its probabilities are calibrated on cross-validated predictions, per source of
the answer (the lexicon's strong cue, or the model), so that a confidence of
0.7 is right about 70% of the time (within the calibration error the card
reports). What the model does not
answer -- whether the words carry a stance at all (`grounds`, `takes_side`),
and which cue to show -- still comes from the lexicon judge, whose reading of
cues attribution and policy were built on. Nothing is fetched at run time, and
torch is not needed: onnxruntime and tokenizers only.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ..models import Stance
from .judge import EventView, Judgement, register
from .linear import LinearReader, Reading
from .stance import LexiconJudge

if TYPE_CHECKING:
    from tokenizers import Encoding

    from .attribution import Statement

MODEL_DIR = Path(__file__).resolve().parent / "stance_model"
_EVENT_CHARS = 240  # the headline and the label, and the lead's start: enough to say what happened


def event_text(label: str, context: str) -> str:
    """The event side of the pair: the opening words that say what happened (the label when there are none)."""
    text = " ".join((context or label).split())
    return text[:_EVENT_CHARS]


def statements_text(statements: Sequence[str]) -> str:
    """The speaker side of the pair: their statements in reading order, each once."""
    seen: list[str] = []
    for s in statements:
        s = " ".join(s.split())
        if s and s not in seen:
            seen.append(s)
    return " ".join(seen)


def _words(stmt: "Statement") -> str:
    return stmt.quote if stmt.quote is not None else stmt.text


def reading(event: str, statements: Sequence[Statement], cues: Judgement) -> Reading:
    """What the model is told of one speaker: the event, what they said and how, and the lexicon's answer
    (as `train.examples` records it for training)."""
    return Reading(event, statements_text([_words(s) for s in statements]), tuple(s.trigger.lower() for s in statements),
                   any(s.headline for s in statements), any(s.about_self for s in statements),
                   cues.stance, cues.confidence)


def one_pair_feeds(encoding: Encoding) -> dict[str, np.ndarray]:
    """The encoder's inputs for one tokenised (event, statements) pair, a batch of one.

    Training computes the head's states the same way (`train.finetune`), so
    the head is trained on the numbers it is served.
    """
    return {"input_ids": np.array([encoding.ids], dtype=np.int64),
            "attention_mask": np.array([encoding.attention_mask], dtype=np.int64),
            "token_type_ids": np.array([encoding.type_ids], dtype=np.int64)}


class _Model:
    """The ONNX session, tokenizer and card of one model directory."""

    def __init__(self, directory: Path) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        self.card = json.loads((directory / "card.json").read_text(encoding="utf-8"))
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1  # one per process: ingest scales by processes, not threads
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(str(directory / "model.onnx"), options,
                                                    providers=["CPUExecutionProvider"])
        self.inputs = {i.name for i in self.session.get_inputs()}
        self.tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        self.tokenizer.enable_truncation(self.card["max_length"], strategy="longest_first")
        self.labels: tuple[Stance, ...] = tuple(self.card["labels"])
        self.temperature = float(self.card["temperature"])
        stack = self.card.get("stack")
        self.linear = LinearReader(directory / "linear.json") if stack else None
        if self.linear is not None and self.linear.labels != self.labels:
            raise ValueError(f"the linear reader's labels {self.linear.labels} are not the model's {self.labels}")
        self.stack = (np.array(stack["weight"], dtype=np.float64), np.array(stack["bias"], dtype=np.float64)) \
            if stack else None

    def head_logits(self, pairs: list[tuple[str, str]]) -> np.ndarray:
        """The MiniLM head's raw logits, one row per (event, statements) pair.

        One pair per call, never a padded batch: the encoder's int8 matmuls
        quantise their inputs with one scale per call, so in a batch a
        speaker's answer would depend on who else the article quotes. One
        call per pair is also how the head's training states were computed.
        """
        rows = []
        for e in self.tokenizer.encode_batch(pairs):
            feeds = one_pair_feeds(e)
            rows.append(self.session.run(None, {k: v for k, v in feeds.items() if k in self.inputs})[0][0])
        return np.array(rows, dtype=np.float64).reshape(len(pairs), len(self.labels))

    def probabilities(self, readings: Sequence[Reading]) -> np.ndarray:
        """Calibrated probabilities, one row per speaker's reading, columns in `labels` order: the stacking
        layer over the head's logits and the linear reader's log-probabilities (the head alone without one)."""
        logits = self.head_logits([(r.event, r.said) for r in readings])
        if self.stack is not None and self.linear is not None:
            weight, bias = self.stack
            # row by row: a matrix product over the batch may round a row differently with other rows beside it
            logits = np.array([weight @ np.concatenate([h, r]) + bias
                               for h, r in zip(logits, self.linear.log_probabilities(readings))]).reshape(logits.shape)
        logits = logits / self.temperature
        logits = logits - logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        return p / p.sum(axis=1, keepdims=True)


@functools.cache
def _load(directory: Path, pid: int) -> _Model:
    return _Model(directory)


def load_model(directory: Path = MODEL_DIR) -> _Model:
    """The model in `directory`, loaded once per process.

    Per process, not once for all: ingest workers are forked, and an
    onnxruntime session is not to be shared across a fork.
    """
    return _load(directory, os.getpid())


def _lean(probs: dict[Stance, float], stance: Stance, sure: float) -> dict[Stance, float]:
    """`sure` for `stance`, the rest shared among the others as the model shares it."""
    rest = sum(v for k, v in probs.items() if k != stance)
    others = len(probs) - 1
    return {k: sure if k == stance else (1 - sure) * (v / rest if rest else 1 / others) for k, v in probs.items()}


class LearnedJudge:
    """Stance from the learned model; grounds and cues from the lexicon.

    The policy step asks about all the speakers of an article at once
    (`judge_many`); each speaker's statements are judged together. The
    lexicon's explicit cues decide where cross-validation found that they
    should: a side at the card's `lexicon_override` confidence or more, and a
    deliberately neutral cue with no side (`neutral_override`). For those
    speakers the model's answer could not change the stance, so the model is
    not run at all (about 6 speakers in 10 in the corpus); the rest are the
    model's. Each of the three sources carries its own calibration, fitted
    out of fold (`train/calibrate.py`): the share of the lexicon's sides that
    were right, by band of its confidence; the share of its neutral cues that
    were right; the model's softmax at the temperature fitted on the speakers
    it decides.
    """

    def __init__(self, directory: Path = MODEL_DIR) -> None:
        self.directory = directory
        self.lexicon = LexiconJudge()
        card = self.model.card
        self._override: float | None = card.get("lexicon_override")
        self._neutral = bool(card.get("neutral_override"))
        self._bands: list[tuple[float, float, float]] = [tuple(b) for b in card.get("override_calibration", ())] or \
            [(0.0, 1.01, card.get("override_confidence") or 0.5)]
        self._neutral_confidence = float(card.get("neutral_override_confidence") or 0.5)

    @property
    def model(self) -> _Model:
        """This process's session of the model."""
        return load_model(self.directory)

    def judge(self, statements: Sequence[Statement], event: EventView) -> Judgement:
        """Judge one speaker's statements toward `event`."""
        return self.judge_many([statements], event)[0]

    def cues(self, statements: Sequence[Statement], event: EventView) -> Judgement:
        """The lexicon's reading, whose `grounds` and `takes_side` this judge reports: no model call."""
        return self.lexicon.judge(statements, event)

    def judge_many(self, speakers: Sequence[Sequence[Statement]], event: EventView) -> list[Judgement]:
        """Judge each speaker's statements toward `event`: the lexicon's cue where it decides, else the model.

        The model reads one pair (event, all the speaker said) per call:
        batched, every pair is padded to the longest, and an article's
        speakers took 142 ms each against 78 ms one by one (60 corpus
        speakers, one thread, on the shared machine).
        """
        what = event_text(event.label, event.context)
        out = []
        for stmts in speakers:
            cues = self.lexicon.judge(stmts, event)
            if self._override is not None and cues.takes_side and cues.stance != "neutral" \
                    and cues.confidence >= self._override:
                # The lexicon's explicit side decides (cross-validation: right more often than the model here).
                sure = next((c for lo, hi, c in self._bands if lo <= cues.confidence < hi), self._bands[-1][2])
                out.append(self._judgement(cues, cues.stance, _lean(dict(cues.probabilities), cues.stance, sure)))
            elif self._neutral and cues.grounds and not cues.takes_side:
                # A deliberately neutral cue ("calls for calm") and no side: neutral, as measured (see the card).
                out.append(self._judgement(cues, "neutral",
                                           _lean(dict(cues.probabilities), "neutral", self._neutral_confidence)))
            else:
                p = self.model.probabilities([reading(what, stmts, cues)])[0]
                labels = self.model.labels
                out.append(self._judgement(cues, labels[int(np.argmax(p))],
                                           {labels[i]: float(p[i]) for i in range(len(labels))}))
        return out

    @staticmethod
    def _judgement(cues: Judgement, stance: Stance, probs: dict[Stance, float]) -> Judgement:
        # The evidence is the statement holding the lexicon's deciding cue (the first one without one): judging
        # each statement on its own as well tripled the model's cost per article (bench/ingest.py).
        explanation = cues.explanation if cues.stance == stance and cues.grounds else \
            f"learned judge: {stance} {probs[stance]:.2f}"
        return Judgement(stance, probs, explanation, cues.evidence, grounds=cues.grounds, takes_side=cues.takes_side)


register("learned", LearnedJudge)
