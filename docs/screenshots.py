"""Make the README's screenshots of a store's pages in headless Chromium (needs the test extras).

    .venv/bin/python docs/screenshots.py sqlite:///train.sqlite3 EVENT_ID

The README's pictures are of the corpus's 134 train articles ingested into
an empty store (`reactiongraph ingest` of their text, title, url and date),
then shrunk with Debian's `pngquant --quality 70-95` (1400x820 screenshots of
/graph are ~540 KB as Chromium writes them; ~200 KB after).
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from api import create_app

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def main(database_url: str, event_id: str) -> None:
    app = create_app({"DATABASE_URL": database_url})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    here = Path(__file__).parent
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_context(viewport={"width": 1400, "height": 820}).new_page()
            for path, name in ((f"/events/{event_id}/graph", "event-page.png"), ("/graph", "graph-page.png")):
                page.goto(base + path)
                page.wait_for_selector("body[data-drawn='1']", timeout=60_000)
                page.wait_for_timeout(1_000)
                page.screenshot(path=str(here / name))
                print(here / name)
            browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    main(*sys.argv[1:3])
