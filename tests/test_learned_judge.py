"""The learned stance judge as shipped: it loads offline without torch, reads real sentences the right way,
gives probabilities, answers the same every time, and is the file its model card describes."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from api import create_app
from graph.extract import EventView, Extractor, LearnedJudge, make_judge
from graph.extract.judge import cues_of
from graph.extract.learned import MODEL_DIR, event_text, load_model, reading, statements_text
from graph.extract.linear import Reading
from graph.models import ArticleInput

from .conftest import ROOT
from .test_architecture import _imports

CARD = json.loads((MODEL_DIR / "card.json").read_text(encoding="utf-8"))
EVENT = EventView("Norway and Iceland sign fisheries accord",
                  "Norway and Iceland sign fisheries accord. Norway and Iceland signed an accord on Tuesday that "
                  "shares the North Atlantic mackerel catch between them for ten years.")
TITLE = "Norway and Iceland sign fisheries accord"
BODY = ("Norway and Iceland signed an accord on Tuesday that shares the North Atlantic mackerel catch between them "
        "for ten years.\n\n"
        "Danish Prime Minister Mette Frederiksen welcomed the agreement, calling it a historic step that would "
        "protect the fish stocks and the livelihoods of fishermen.\n\n"
        "Scottish fishermen's leader Elspeth Macdonald condemned the deal as a reckless land grab that ignores "
        "the rights of coastal communities and would devastate the industry.\n\n"
        "Swedish Foreign Minister Maria Malmer Stenergard called on all parties to remain calm and to resolve "
        "their differences through dialogue.")


@pytest.fixture(scope="module")
def learned() -> LearnedJudge:
    return LearnedJudge()


@pytest.fixture(scope="module")
def reactions(extractor: Extractor, learned: LearnedJudge) -> dict[str, object]:
    judged = Extractor(judge=learned)
    article = judged.prepare(ArticleInput(text=BODY, title=TITLE))
    return {r.actor.name: r for r in judged.extract(article).reactions}


def test_it_reads_a_clear_support_a_clear_oppose_and_a_call_for_calm(reactions) -> None:
    stances = {name: r.stance for name, r in reactions.items()}
    assert stances["Mette Frederiksen"] == "support"
    assert stances["Elspeth Macdonald"] == "oppose"
    assert stances["Maria Malmer Stenergard"] == "neutral"
    for r in reactions.values():
        assert 1 / 3 < r.confidence <= 1


def test_probabilities_are_a_distribution_over_the_three_stances(learned: LearnedJudge) -> None:
    model = load_model()
    pairs = [Reading(event_text(EVENT.label, EVENT.context), text) for text in (
        "The minister said the accord was a grave mistake.", "She praised the accord.", "", "x " * 400)]
    p = model.probabilities(pairs)
    assert p.shape == (len(pairs), 3)
    assert np.all(p >= 0) and np.allclose(p.sum(axis=1), 1, atol=1e-6)
    assert tuple(model.labels) == ("oppose", "support", "neutral")


def test_it_answers_the_same_every_time(reactions, learned: LearnedJudge) -> None:
    again = Extractor(judge=LearnedJudge())
    article = again.prepare(ArticleInput(text=BODY, title=TITLE))
    for r in again.extract(article).reactions:
        first = reactions[r.actor.name]
        assert (r.stance, r.confidence, r.evidence, r.cue) == (first.stance, first.confidence, first.evidence, first.cue)


def test_the_shipped_model_is_the_one_the_card_describes() -> None:
    model = (MODEL_DIR / "model.onnx").read_bytes()
    assert hashlib.sha256(model).hexdigest() == CARD["model_sha256"]
    assert len(model) == CARD["model_bytes"] <= 40 * 1024 * 1024
    size = sum(p.stat().st_size for p in MODEL_DIR.iterdir())
    assert size <= 40 * 1024 * 1024
    assert CARD["model_sha256"] in (MODEL_DIR / "CARD.md").read_text(encoding="utf-8")
    # confidence means probability: the 0.05, cross-fitted (each fold calibrated without it)
    assert CARD["cv"]["ece_cross_fitted"] <= 0.05
    # the linear reader the stacking layer reads is the one shipped beside the encoder
    assert (MODEL_DIR / "linear.json").stat().st_size == CARD["linear_bytes"] and len(CARD["stack"]["weight"]) == 3


def test_it_loads_offline_and_needs_no_training_library() -> None:
    # No network: proxies point at a closed port, the hub is off; the model must still load and answer.
    code = ("from graph.extract.learned import load_model; from graph.extract.linear import Reading; "
            "p = load_model().probabilities([Reading('An event.', 'A statement.')]); assert p.shape == (1, 3)")
    env = {"HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin", "http_proxy": "http://127.0.0.1:9",
           "https_proxy": "http://127.0.0.1:9", "HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9"}
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True, timeout=120)
    # torch, transformers and scikit-learn are the [train] extra's: nothing in the package imports them
    # (spaCy's thinc imports torch by itself when it happens to be installed, so sys.modules cannot tell).
    for path in sorted((ROOT / "graph").rglob("*.py")):
        imported = {name.split(".")[0] for name in _imports(path)}
        assert not imported & {"torch", "transformers", "sklearn", "onnx"}, path
    requires = (ROOT / "setup.cfg").read_text(encoding="utf-8").split("[options.extras_require]")[0]
    assert "onnxruntime==" in requires and "tokenizers==" in requires and "torch" not in requires


def test_the_setting_selects_it(tmp_path) -> None:
    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}", "STANCE_JUDGE": "learned"})
    assert app.config["STANCE_JUDGE"] == "learned"
    assert isinstance(app.extensions["reactiongraph"].extractor.judge, LearnedJudge)
    assert isinstance(make_judge("learned"), LearnedJudge)


def test_the_training_input_is_the_runtime_input() -> None:
    """The pair the model was trained on is built by the same functions the judge calls (train/ imports them)."""
    assert statements_text(["  He said  it.", "He said it.", "Then more."]) == "He said it. Then more."
    assert len(event_text("label", "word " * 200)) <= 240
    source = (ROOT / "train" / "features.py").read_text(encoding="utf-8")
    assert "from graph.extract.learned import event_text, statements_text" in source


@settings(max_examples=40, deadline=None)
@given(event=st.text(max_size=400), said=st.lists(st.text(max_size=300), min_size=1, max_size=4))
def test_any_text_gets_a_distribution_and_the_same_one_again(event: str, said: list[str]) -> None:
    """Whatever the words (empty, very long, any script, control characters): three finite probabilities
    summing to 1, and the same ones when asked again."""
    model = load_model()
    pair = Reading(event_text(event, event), statements_text(said))
    first, again = model.probabilities([pair]), model.probabilities([pair])
    assert np.all(np.isfinite(first)) and np.allclose(first.sum(), 1, atol=1e-6)
    assert np.array_equal(first, again)


@settings(max_examples=25, deadline=None)
@given(said=st.lists(st.text(max_size=300), min_size=2, max_size=5), at=st.integers(min_value=0, max_value=4))
def test_a_speakers_answer_does_not_depend_on_who_else_the_article_quotes(said: list[str], at: int) -> None:
    """The encoder's int8 matmuls quantise their inputs with one scale per call: judged in a padded batch, one
    speaker's probabilities would move with the length and words of the others. Asked alone or among any
    others, each speaker gets exactly the same answer."""
    model = load_model()
    pairs = [Reading(event_text(EVENT.label, EVENT.context), statements_text([text])) for text in said]
    together = model.probabilities(pairs)
    one = at % len(pairs)
    assert np.array_equal(together[one], model.probabilities([pairs[one]])[0])
    assert np.array_equal(together[::-1], model.probabilities(pairs[::-1]))


SPEAKERS = ("Danish Prime Minister Mette Frederiksen welcomed the agreement, calling it a historic step.\n\n"
            "Scottish fishermen's leader Elspeth Macdonald condemned the deal as a reckless land grab.\n\n"
            "Swedish Foreign Minister Maria Malmer Stenergard called on all parties to remain calm.\n\n"
            "Finnish Prime Minister Petteri Orpo said the accord would change how the North Atlantic is fished.\n\n"
            "Irish Foreign Minister Simon Harris said the two countries had talked for years about the catch.")


class _Recorder:
    """The learned judge, keeping what the policy step asked it: each article's speakers and event."""

    def __init__(self, inner: LearnedJudge) -> None:
        self.inner, self.asked = inner, []

    def judge(self, statements, event):
        return self.judge_many([statements], event)[0]

    def judge_many(self, speakers, event):
        self.asked.append((list(speakers), event))
        return self.inner.judge_many(speakers, event)


def _statements(learned: LearnedJudge) -> tuple[list, EventView]:
    """Each speaker's statements in SPEAKERS, as the policy step hands them to the judge."""
    recorder = _Recorder(learned)
    judged = Extractor(judge=recorder)
    judged.extract(judged.prepare(ArticleInput(text=BODY.split("\n\n")[0] + "\n\n" + SPEAKERS, title=TITLE)))
    return max(recorder.asked, key=lambda a: len(a[0]))


def test_the_model_runs_only_where_no_lexicon_cue_decides_and_answers_as_if_it_always_ran(
        extractor: Extractor, learned: LearnedJudge, monkeypatch) -> None:
    """Skipping the model where the lexicon's cue decides changes no answer: the judge's stance is the one
    the model plus the override rule gives, and the model is asked only about speakers no cue decides."""
    speakers, event = _statements(learned)
    model, asked = learned.model, []
    real = type(model).probabilities

    def counted(self, pairs):
        asked.extend(pairs)
        return real(self, pairs)

    monkeypatch.setattr(type(model), "probabilities", counted)
    judged = learned.judge_many(speakers, event)
    monkeypatch.setattr(type(model), "probabilities", real)
    decided = 0
    for stmts, j in zip(speakers, judged):
        cues = learned.lexicon.judge(stmts, event)
        side = cues.takes_side and cues.stance != "neutral" and cues.confidence >= CARD["lexicon_override"]
        calm = cues.grounds and not cues.takes_side
        p = model.probabilities([reading(event_text(event.label, event.context), stmts, cues)])[0]
        always = cues.stance if side else "neutral" if calm else model.labels[int(np.argmax(p))]
        assert j.stance == always
        assert abs(sum(j.probabilities.values()) - 1) < 1e-6 and j.confidence > 1 / 3
        decided += side or calm
    assert 3 <= decided < len(speakers)  # welcomed, condemned, calm; the last two carry no cue
    assert len(asked) == len(speakers) - decided


def test_a_lexicon_side_carries_the_share_of_such_answers_that_were_right(reactions) -> None:
    """Its confidence is the cross-validated share right in its band of lexicon confidence, not a made-up one."""
    bands = {c for _, _, c in CARD["override_calibration"]}
    assert reactions["Mette Frederiksen"].confidence in bands
    assert reactions["Maria Malmer Stenergard"].confidence == CARD["neutral_override_confidence"]


def test_asking_only_whether_words_carry_a_stance_runs_no_model(learned: LearnedJudge, monkeypatch) -> None:
    """Attribution and policy ask only `grounds`/`takes_side` (headline clauses, announcements): the learned judge
    answers that from the lexicon, as its full judgement does, without a model call."""
    speakers, event = _statements(learned)
    model = learned.model

    def refuse(self, pairs):
        raise AssertionError("the model ran for a question about cues")

    full = [learned.judge(stmts, event) for stmts in speakers]
    monkeypatch.setattr(type(model), "probabilities", refuse)
    for stmts, judged in zip(speakers, full):
        for asked in (stmts, stmts[:1]):
            cues = cues_of(learned, asked, event)
            lexicon = learned.lexicon.judge(asked, event)
            assert (cues.grounds, cues.takes_side) == (lexicon.grounds, lexicon.takes_side)
        assert (cues_of(learned, stmts, event).grounds, cues_of(learned, stmts, event).takes_side) == \
            (judged.grounds, judged.takes_side)


def test_the_calibration_scored_on_a_fold_is_fitted_without_it(tmp_path) -> None:
    """The card's cross-fitted ECE is honest: a fold whose lexicon sides are all wrong, when every other fold's are
    right, is scored at the other folds' share (1.0), so its error shows; fitted with it, it would hide."""
    from train import calibrate

    rows = []
    for fold in range(4):
        for i in range(10):
            wrong = fold == 0
            rows.append({"event_key": f"e{fold}", "split": "train", "fold": fold, "gold": "oppose" if wrong else "support",
                         "logits": [1.0, 0.0, 0.0], "lexicon": "support", "lexicon_confidence": 0.8,
                         "lexicon_neutral_cue": False})
            rows.append({"event_key": f"e{fold}", "split": "train", "fold": fold, "gold": ["oppose", "support"][i % 2],
                         "logits": [2.0, 0.0, -1.0] if i % 2 == 0 else [0.0, 2.0, -1.0], "lexicon": "neutral",
                         "lexicon_confidence": 0.5, "lexicon_neutral_cue": False})
    (tmp_path / "cv.json").write_text(json.dumps({"scheme": "test", "events": 4, "depths": {"4": rows}}))
    calibrate.main([str(tmp_path / "cv.json"), "-", str(tmp_path)])
    card = json.loads((tmp_path / "card.json").read_text())
    assert card["lexicon_override"] is not None and card["cv"]["by_source"]["side"]["speakers"] == 40
    assert card["override_calibration"][-1][2] == 0.75  # fitted on all folds: 30 of 40 right
    # cross-fitted: fold 0 at 1.0 (all wrong), folds 1-3 at 20/30 = 0.667 (all right): far worse than in-sample
    assert card["cv"]["by_source"]["side"]["ece_cross_fitted"] > 0.3 > card["cv"]["ece"]


_EVENTS = st.lists(st.sampled_from([f"event-{i}" for i in range(12)]), min_size=2, max_size=40)


def _examples(events: list[str]) -> list[dict]:
    """One pipeline speaker and one gold quote per event key given (keys may repeat: several articles)."""
    out = []
    for i, key in enumerate(events):
        for source in ("pipeline", "gold"):
            out.append({"event_key": key, "article": f"a{i}", "speaker": f"s{i}", "split": "train",
                        "stance": ("oppose", "support", "neutral")[i % 3], "decider": False, "source": source,
                        "statements": [f"words {i}"], "event_label": key, "event_context": "", "lexicon": "neutral",
                        "lexicon_confidence": 0.5, "lexicon_neutral_cue": False})
    return out


@settings(max_examples=30, deadline=None)
@given(events=_EVENTS)
def test_cross_validation_holds_out_each_event_once_and_never_trains_on_it(events: list[str]) -> None:
    """Leave-one-event-out, for any events and any candidate: every scored speaker is predicted exactly once, by a
    model fitted without any example of its event (gold quotes included), and there are as many folds as events."""
    from train import candidates, finetune

    examples = _examples(events)
    fits: list[set[str]] = []

    class Spy:
        def __init__(self, train: list[dict]) -> None:
            self.seen = {e["event_key"] for e in train}
            fits.append(self.seen)

        def predict(self, test: list[dict]) -> np.ndarray:
            assert not self.seen & {e["event_key"] for e in test}
            return np.full((len(test), 3), 1 / 3)

    rows = candidates.evaluate(examples, Spy)
    assert len(rows) == len(events) and len(fits) == len(set(events))
    assert all(len(set(events) - seen) == 1 for seen in fits)
    assert finetune.folds(events) == [{e} for e in sorted(set(events))]


@settings(max_examples=10, deadline=None)
@given(n_events=st.integers(3, 5), per_event=st.integers(1, 3), seed=st.integers(0, 2**16),
       flip=st.sampled_from(("oppose", "support", "neutral")))
def test_the_models_cross_validated_answers_for_an_event_owe_nothing_to_its_labels(n_events: int, per_event: int,
                                                                                   seed: int, flip: str) -> None:
    """The MiniLM head's leave-one-event-out logits (what the policies, the calibration and the card are measured
    on): relabelling the held-out event's speakers and quotes changes none of that event's logits. A head
    warm-started from the previous fold's solution, which had seen the event, did change them."""
    from train import finetune

    events = [f"event-{i}" for i in range(n_events) for _ in range(3 * per_event)]  # every event has every stance
    examples = _examples(events)
    rng = np.random.default_rng(seed)
    states = {n: rng.normal(size=(len(examples), 96)).astype(np.float32) for n in finetune.CV_DEPTHS}
    last = f"event-{n_events - 1}"  # the last fold: the one a warm start would begin from a head that saw it
    held = [e | {"stance": flip} if e["event_key"] == last else e for e in examples]
    before, after = finetune.cross_validate(examples, states), finetune.cross_validate(held, states)
    for n in before["depths"]:
        logits = [r["logits"] for r in before["depths"][n] if r["event_key"] == last]
        assert logits and logits == [r["logits"] for r in after["depths"][n] if r["event_key"] == last]


_POLICY_ROWS = st.lists(st.tuples(st.sampled_from(("oppose", "support", "neutral")),
                                  st.sampled_from(("oppose", "support", "neutral")), st.sampled_from((0.5, 0.6, 0.8, 0.95)),
                                  st.booleans(), st.lists(st.floats(0.01, 1.0), min_size=3, max_size=3)),
                        min_size=8, max_size=40)


@settings(max_examples=25, deadline=None)
@given(raw=_POLICY_ROWS, flip=st.sampled_from(("oppose", "support", "neutral")))
def test_a_policy_scored_on_an_event_is_chosen_without_its_answers(raw: list, flip: str) -> None:
    """Nested cross-validation of the policies combining the lexicon's cue with a model: an event's answers come from
    parameters (override threshold, blend weight, neutral cue, temperature) chosen on the other events alone, so
    changing that event's gold stances changes none of them."""
    from train import policies

    rows = [{"fold": i % 4, "split": "train", "gold": g, "lexicon": lex, "lexicon_confidence": c,
             "lexicon_neutral_cue": cue and lex == "neutral", "logits": [float(np.log(v)) for v in p]}
            for i, (g, lex, c, cue, p) in enumerate(raw)]
    z = np.array([r["logits"] for r in rows])

    def probs(mask: np.ndarray, rows: list[dict] = rows) -> np.ndarray:
        from train.metrics import fit_temperature, softmax
        return softmax(z, fit_temperature(z[mask], [r["gold"] for r, k in zip(rows, mask) if k]))

    for grid in policies._grids().values():
        before, _ = policies.out_of_fold(rows, probs, grid)
        changed = [r | {"gold": flip} if r["fold"] == 0 else r for r in rows]
        after, _ = policies.out_of_fold(changed, lambda mask: probs(mask, changed), grid)
        held = np.array([r["fold"] == 0 for r in rows])
        assert (before[held] == after[held]).all()


def test_the_linear_reader_reads_the_reporting_verbs_class_and_the_headline() -> None:
    """The same words said, condemned or welcomed, from a headline or not, told of the speaker's own act or not:
    the linear reader's features tell them apart (its verb classes come from the lexicon's own cue lists)."""
    from graph.extract.linear import how_said, verb_class

    base = Reading("Ruritania leaves the pact. Ruritania left.", "The decision will have consequences.", ("said",))
    variants = [base, replace(base, triggers=("condemned",)), replace(base, triggers=("welcomed",)),
                replace(base, triggers=("called, condemned",)), replace(base, headline=True),
                replace(base, about_self=True)]
    assert len({tuple(how_said(r)) for r in variants}) == len(variants)
    assert [verb_class(w) for w in ("said", "condemned", "welcomed", "headline", "tweeted")] == \
        ["plain", "oppose", "support", "headline", "other"]


_WORDS = st.lists(st.sampled_from(("the", "move", "deal", "not", "welcome", "condemn", "grave", "step", "calm",
                                   "Ruritania's", "hope", "no", "talks", "x", "élan", "2024")), max_size=12)


def _labelled(texts: list[list[str]], event: str = "event") -> list[dict]:
    return [{"event_key": event, "article": "a", "speaker": f"s{i}", "split": "train",
             "stance": ("oppose", "support", "neutral")[i % 3], "decider": False,
             "source": "gold" if i % 4 == 3 else "pipeline", "statements": [" ".join(t)], "event_label": "Ruritania "
             "leaves the pact", "event_context": "", "lexicon": ("neutral", "oppose", "support")[i % 3],
             "lexicon_confidence": (0.5, 0.8, 0.6)[i % 3], "lexicon_neutral_cue": False,
             "triggers": [("said", "condemned", "headline", "called, said")[i % 4]], "headline": i % 5 == 0,
             "about_self": i % 2 == 0} for i, t in enumerate(texts)]


@settings(max_examples=15, deadline=None)
@given(fitted=st.lists(_WORDS, min_size=6, max_size=20), asked=st.lists(_WORDS, min_size=1, max_size=5))
def test_the_linear_reader_answers_as_scikit_learn_fitted_it(fitted, asked, tmp_path_factory) -> None:
    """The run-time reader (numpy alone) gives the probabilities the fitted TF-IDF and logistic regression give,
    for any words: its tokens, word pairs, sublinear counts, idf and norm are scikit-learn's."""
    from graph.extract.linear import LinearReader
    from train import candidates
    from train.features import reading

    path = tmp_path_factory.mktemp("linear") / "linear.json"
    model = candidates.Linear(_labelled([["the", "deal", *words] for words in fitted]))  # a vocabulary, at least
    model.export(path)
    test = _labelled(asked)
    expected = model.predict(test, cached=False)
    got = np.exp(LinearReader(path).log_probabilities([reading(e) for e in test]))
    assert np.allclose(got, expected, atol=1e-4)


@settings(max_examples=5, deadline=None)
@given(seed=st.integers(0, 2**16), flip=st.sampled_from(("oppose", "support", "neutral")))
def test_the_stacked_answers_for_an_event_owe_nothing_to_its_labels(seed: int, flip: str) -> None:
    """Nested: the stacking layer that answers for an event is fitted on answers of base models that never saw it,
    and the base models answering for it never saw it either; relabelling it changes none of its answers."""
    from train import stack

    rng = np.random.default_rng(seed)
    words = ["the", "move", "deal", "grave", "welcome", "calm", "talks", "step"]
    examples = [e for n in range(5) for e in _labelled([list(rng.choice(words, 4)) for _ in range(9)], f"event-{n}")]
    states = rng.normal(size=(len(examples), 24)).astype(np.float32)
    held = [e | {"stance": flip} if e["event_key"] == "event-2" else e for e in examples]
    before, after = (stack.cross_validate(x, states, 4)["depths"]["4"] for x in (examples, held))
    answers = [r["logits"] for r in before if r["event_key"] == "event-2"]
    assert answers and answers == [r["logits"] for r in after if r["event_key"] == "event-2"]


_SHARED = [  # articles where several speakers say one sentence together, one of them also on their own
    ("US quits Iran nuclear deal",
     "The United States withdrew from the Iran nuclear deal on Tuesday, President Donald Trump announced.\n\n"
     "French President Emmanuel Macron said the decision was a mistake and that Europe would remain in the deal.\n\n"
     "German Chancellor Angela Merkel, British Prime Minister Theresa May and Macron issued a joint statement "
     "expressing their regret at the decision.\n\n"
     "Russian Foreign Minister Sergei Lavrov condemned the move as a violation of international law."),
    ("Norway and Iceland sign fisheries accord",
     "Norway and Iceland signed an accord on Tuesday that shares the North Atlantic mackerel catch between them.\n\n"
     "Danish Prime Minister Mette Frederiksen welcomed the accord, calling it a historic step for the region.\n\n"
     "Frederiksen and Swedish Prime Minister Ulf Kristersson said in a joint statement that the two countries "
     "had followed the talks closely.\n\n"
     "Scottish fishermen's leader Elspeth Macdonald condemned the deal as a reckless land grab."),
]


@pytest.mark.parametrize("title,text", _SHARED)
def test_each_training_example_is_what_the_learned_judge_is_told_of_that_speaker(tmp_path, learned, title, text) -> None:
    """Train/serve skew: `train.examples` records, for every speaker the pipeline keeps, the reading the learned
    judge builds for that same speaker at run time, byte for byte, speakers of a joint statement included (each
    had been given the statements of whoever said the shared sentence first)."""
    from dataclasses import asdict

    from train.examples import build
    from train.features import reading as training_reading

    split = tmp_path / "train"
    split.mkdir()
    (split / "a.json").write_text(json.dumps({
        "id": "a", "event_key": "a", "event": title, "url": "https://example.org/a", "title": title,
        "published": "2018-05-08", "text": text, "reactions": [], "not_reactors": []}))
    recorder = _Recorder(learned)
    judged = Extractor(judge=recorder)
    extraction = judged.extract(judged.prepare(ArticleInput(text=text, title=title, url="https://example.org/a",
                                                            published="2018-05-08")))
    speakers, event = recorder.asked[-1]
    told = {r.actor.name: reading(event_text(event.label, event.context), stmts, learned.cues(stmts, event))
            for r, stmts in zip(extraction.reactions, speakers)}
    examples = [e for e in build([split]) if e.source == "pipeline"]
    assert len(told) >= 3 and sorted(e.speaker for e in examples) == sorted(told)
    for e in examples:
        assert training_reading(asdict(e)) == told[e.speaker], e.speaker
