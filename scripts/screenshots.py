"""Take the README's screenshots of the workspace on the example corpus (docs/*.png).

    .venv/bin/python scripts/screenshots.py DB
"""

from __future__ import annotations

import sys
import tempfile
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from claimgraph.web.app import create_app

DOCS = Path(__file__).resolve().parent.parent / "docs"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


def main(db: str) -> None:
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=8765, log_level="warning"))
    threading.Thread(target=srv.run, daemon=True).start()
    while not srv.started:
        time.sleep(0.05)
    base = "http://127.0.0.1:8765"
    with sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
        ctx = p.chromium.launch_persistent_context(profile, executable_path="/usr/bin/chromium",
                                                   args=FLAGS, viewport={"width": 1280, "height": 900})
        page = ctx.new_page()
        page.goto(base + "/search?q=Jabrailov")
        page.click("#name-hits a")
        page.wait_for_selector("svg.timeline")
        page.screenshot(path=str(DOCS / "dossier.png"), full_page=False)
        page.goto(base + "/graph")
        page.wait_for_function("window.claimgraphCy && window.claimgraphCy.nodes().length > 0")
        time.sleep(0.5)
        page.screenshot(path=str(DOCS / "graph.png"))
        page.goto(base + "/conflicts")
        page.screenshot(path=str(DOCS / "conflicts.png"))
        ctx.close()
    srv.should_exit = True


if __name__ == "__main__":
    main(sys.argv[1])
