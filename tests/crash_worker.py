"""A worker the crash test kills: it stores the bundled article and, through a
hook installed here (not in the product), stops in the middle of it."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from graph.extract import Extractor
from graph.models import ArticleInput
from graph.store import Store

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "us-syria-withdrawal-2018-trtworld.txt"


def main(url: str) -> None:
    extractor = Extractor()
    extraction = extractor.extract(extractor.prepare(ArticleInput(text=SAMPLE.read_text(encoding="utf-8"))))
    original = Store._resolve_actor
    calls = 0

    def hooked(self, conn, found):  # type: ignore[no-untyped-def]
        nonlocal calls
        result = original(self, conn, found)
        calls += 1
        if calls == 4:  # event, article and three reactions' actors written, transaction still open
            print("mid-article", flush=True)
            time.sleep(600)
        return result

    Store._resolve_actor = hooked  # type: ignore[method-assign]
    Store.open(url).add(extraction)


if __name__ == "__main__":
    main(sys.argv[1])
