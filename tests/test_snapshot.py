"""Extraction output is what it was when tests/snapshots was recorded.

A refactor of graph/extract must not change what users get back; a deliberate
change of behaviour is recorded again (`python -m tests.snapshots.make
--outputs`) in the same commit, and the commit message says why.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from graph.extract import Extractor

from .snapshots import make

SAVED = json.loads(make.OUTPUTS.read_text(encoding="utf-8"))
INPUTS = json.loads(make.INPUTS.read_text(encoding="utf-8"))


def _differences(saved: dict[str, Any], got: dict[str, Any]) -> list[str]:
    """Readable lines naming what changed in one article's output."""
    out = []
    if saved["event"] != got["event"]:
        out.append(f"event: {saved['event']} -> {got['event']}")
    before = {json.dumps(r, sort_keys=True) for r in saved["reactions"]}
    after = {json.dumps(r, sort_keys=True) for r in got["reactions"]}
    out += [f"lost: {r}" for r in sorted(before - after)] + [f"new: {r}" for r in sorted(after - before)]
    if not out and saved != got:
        out.append("same reactions in another order")
    return out


@pytest.fixture(scope="module")
def outputs(extractor: Extractor) -> list[dict[str, Any]]:
    return make.run(INPUTS, extractor)


def test_snapshot_covers_the_sample_patterns_and_headlines() -> None:
    assert len(INPUTS) == len(SAVED) >= 90
    texts = " ".join(i.get("text") or i.get("html") or "" for i in INPUTS)
    assert "Human Rights Watch called the tariffs shameful." in texts  # a pattern test's sentence
    assert "Acme Corp had closed its plant" in texts  # tests/test_headline.py's body


def test_output_is_unchanged(outputs: list[dict[str, Any]]) -> None:
    changed = {n: _differences(saved, got) for n, (saved, got) in enumerate(zip(SAVED, outputs)) if saved != got}
    report = "\n".join(f"[{n}] {(INPUTS[n].get('title') or INPUTS[n].get('text') or '')[:70]!r}\n  " + "\n  ".join(lines)
                       for n, lines in changed.items())
    assert not changed, f"{len(changed)} of {len(SAVED)} articles extract differently:\n{report}"


@pytest.mark.skipif(not make.DEV.is_dir(), reason=f"{make.DEV} is not here (it is beside the repository in CI only)")
def test_dev_output_is_unchanged(extractor: Extractor) -> None:
    saved = json.loads(make.DEV_DIGESTS.read_text(encoding="utf-8"))
    inputs = make.dev_inputs()
    assert sorted(inputs) == sorted(saved), "the dev set changed: record the snapshot again"
    got = dict(zip(inputs, make.run(list(inputs.values()), extractor)))
    local = make.LOCAL / "dev.json"
    full = json.loads(local.read_text(encoding="utf-8")) if local.is_file() else {}
    changed = {}
    for name, output in got.items():
        if make.digests(output) != saved[name]:
            # Only digests are kept in the repository (the dev events stay in dev/); the words
            # show when the full recording is at hand.
            changed[name] = _differences(full[name], output) if name in full else ["digests differ"]
    report = "\n".join(f"{name}\n  " + "\n  ".join(lines) for name, lines in changed.items())
    assert not changed, f"{len(changed)} dev articles extract differently:\n{report}"
