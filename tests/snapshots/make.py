"""Record what extraction gives today, so a refactor can prove it changes nothing.

Run from the repository root with the venv's Python:

    .venv/bin/python -m tests.snapshots.make            # record inputs and outputs
    .venv/bin/python -m tests.snapshots.make --outputs  # keep the inputs, record outputs again

Three sources of articles:

- every article the pattern tests and the sample tests hand to
  `Extractor.prepare` (found by running those test files with a recorder,
  so a sentence added there is picked up on the next recording), and the
  lines of tests/test_headline.py as titles over its body;
- the bundled sample in samples/;
- the dev set at ../shared/eval/dev. Its events stay in dev/ only
  (../shared/eval/RESERVED.md), so the repository keeps a digest of each
  reaction and of the event, never their words; the full output goes to
  tests/snapshots/local/ (not committed) for a readable diff.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DEV = ROOT.parent / "shared" / "eval" / "dev"
INPUTS = HERE / "inputs.json"
OUTPUTS = HERE / "outputs.json"
DEV_DIGESTS = HERE / "dev.json"
LOCAL = HERE / "local"
RECORDED_TESTS = ["tests/test_extract_patterns.py", "tests/test_sample.py"]


def canonical(extraction: Any) -> dict[str, Any]:
    """An extraction as plain JSON data (article id, event, reactions in order)."""
    data = extraction.model_dump(mode="json")
    return {"article": data["article"]["id"], "event": data["event"], "reactions": data["reactions"]}


def digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def digests(output: dict[str, Any]) -> dict[str, Any]:
    """What the repository keeps of a dev article's output: digests, in order, and no words."""
    return {"event": digest(output["event"]), "reactions": [digest(r) for r in output["reactions"]]}


def dev_inputs() -> dict[str, dict[str, Any]]:
    """name -> ArticleInput fields of each dev gold file, as graph.evaluate submits them."""
    out = {}
    for path in sorted(DEV.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        out[path.stem] = {"text": gold["text"], "title": gold.get("title"), "url": gold.get("url"),
                          "published": gold.get("published")}
    return out


def headline_inputs() -> list[dict[str, Any]]:
    """The lines of tests/test_headline.py as titles over its body, and the body alone."""
    from tests import test_headline as th

    lines = ["Canada Furious As Acme Closes Plant In Ottawa", "Kremlin Slams US Tariffs On McDonald's Suppliers",
             "Canada is furious, the Ministry of Trade said.", "Israel supportive of strike",
             "Israel Supportive Of Strike", "Russia: decision is a mistake",
             "Israel said it was supportive of the strike."]
    return [{"text": th.BODY}] + [{"text": th.BODY, "title": line} for line in lines]


def record_test_inputs() -> list[dict[str, Any]]:
    """Every ArticleInput the recorded test files give `Extractor.prepare`, in order, once each."""
    import pytest

    from graph.extract import Extractor

    seen: list[dict[str, Any]] = []
    original = Extractor.prepare

    def prepare(self: Extractor, item: Any) -> Any:
        fields = item.model_dump(mode="json", exclude_none=True)
        if fields not in seen:
            seen.append(fields)
        return original(self, item)

    Extractor.prepare = prepare  # type: ignore[method-assign]
    try:
        code = pytest.main(["-q", "-p", "no:cacheprovider", *RECORDED_TESTS])
    finally:
        Extractor.prepare = original  # type: ignore[method-assign]
    if code != 0:
        raise SystemExit(f"the recorded tests failed (exit {code}): record from a green suite")
    return seen


def run(inputs: list[dict[str, Any]], extractor: Any) -> list[dict[str, Any]]:
    from graph.models import ArticleInput

    articles = [extractor.prepare(ArticleInput(**fields)) for fields in inputs]
    return [canonical(x) for x in extractor.extract_many(articles)]


def sample_inputs() -> list[dict[str, Any]]:
    return [{"text": p.read_text(encoding="utf-8")} for p in sorted((ROOT / "samples").glob("*.txt"))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--outputs", action="store_true", help="keep inputs.json; record the outputs again")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from graph.extract import Extractor

    if args.outputs:
        inputs = json.loads(INPUTS.read_text(encoding="utf-8"))
    else:
        inputs = []
        for fields in sample_inputs() + headline_inputs() + record_test_inputs():
            if fields not in inputs:
                inputs.append(fields)
        INPUTS.write_text(json.dumps(inputs, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    extractor = Extractor()
    outputs = run(inputs, extractor)
    OUTPUTS.write_text(json.dumps(outputs, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(inputs)} articles -> {OUTPUTS.relative_to(ROOT)}")
    if DEV.is_dir():
        dev = dev_inputs()
        full = dict(zip(dev, run(list(dev.values()), extractor)))
        DEV_DIGESTS.write_text(json.dumps({k: digests(v) for k, v in full.items()}, indent=1) + "\n", encoding="utf-8")
        LOCAL.mkdir(exist_ok=True)
        (LOCAL / "dev.json").write_text(json.dumps(full, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"{len(dev)} dev articles -> {DEV_DIGESTS.relative_to(ROOT)} (full output in {LOCAL.relative_to(ROOT)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
