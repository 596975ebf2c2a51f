"""Take the README's screenshots of the workspace on the example corpus (docs/*.png).

    .venv/bin/claimgraph --db demo.db ingest examples/corpus
    .venv/bin/python scripts/screenshots.py demo.db
"""

from __future__ import annotations

import sys
import tempfile
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import Page, sync_playwright

from claimgraph.web.app import create_app

DOCS = Path(__file__).resolve().parent.parent / "docs"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


def settle(page: Page, expression: str) -> None:
    for _ in range(100):
        if page.evaluate(expression):
            return
        page.wait_for_timeout(100)


def shoot(page: Page, base: str) -> None:
    page.goto(base + "/search?q=Jabrailov")
    page.screenshot(path=str(DOCS / "search.png"))
    page.click("#name-hits a")
    page.wait_for_selector("svg.timeline")
    page.screenshot(path=str(DOCS / "dossier.png"))
    link = page.locator("table.claims a.evidence-link").nth(2)
    link.click()
    page.wait_for_selector("mark.evidence:target")
    page.screenshot(path=str(DOCS / "reader.png"))
    page.goto(base + "/claims?predicate=dead")
    page.screenshot(path=str(DOCS / "claims.png"))
    page.goto(base + "/graph")
    settle(page, "window.claimgraphCy && window.claimgraphCy.nodes().length > 0")
    page.evaluate("window.claimgraphCy.edges().filter(e => e.data('grade') === 'confirmed')[0].emit('tap')")
    page.wait_for_selector("#edge-panel:not([hidden]) #edge-claims li")
    page.screenshot(path=str(DOCS / "graph.png"))
    page.goto(base + "/conflicts")
    page.screenshot(path=str(DOCS / "conflicts.png"))
    page.set_viewport_size({"width": 400, "height": 860})
    page.goto(base + "/search?q=Jabrailov")
    page.click("#name-hits a")
    page.wait_for_selector("svg.timeline")
    page.screenshot(path=str(DOCS / "dossier-400px.png"))


def main(db: str) -> None:
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=8765, log_level="warning"))
    threading.Thread(target=srv.run, daemon=True).start()
    while not srv.started:
        time.sleep(0.05)
    with sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
        ctx = p.chromium.launch_persistent_context(profile, executable_path="/usr/bin/chromium",
                                                   args=FLAGS, viewport={"width": 1280, "height": 860})
        shoot(ctx.new_page(), "http://127.0.0.1:8765")
        ctx.close()
    srv.should_exit = True


if __name__ == "__main__":
    main(sys.argv[1])
