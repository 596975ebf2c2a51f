"""The workspace in a real browser: Playwright drives Debian's Chromium against `claimgraph serve`
on the example corpus. Screenshots go to the test's temporary folder (docs/ has committed ones)."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn

from claimgraph.web.app import create_app

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (make test installs it)"),
]
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(example_db: Path, tmp_path: Path):
    db = tmp_path / "browser.db"
    shutil.copy(example_db, db)
    port = free_port()
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    assert srv.started, "server did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def page(tmp_path: Path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(str(tmp_path / "profile"), executable_path=str(CHROMIUM),
                                                       args=FLAGS, viewport={"width": 1280, "height": 900})
        page = context.new_page()
        refused: list[str] = []  # what the Content-Security-Policy blocked: our pages must need nothing it forbids
        page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
        yield page
        context.close()
        assert not refused, refused


def wait_until(page, expression: str, tries: int = 150) -> None:
    """Poll `expression` from here: Playwright's wait_for_function polls with eval inside the page,
    which our Content-Security-Policy (rightly) forbids."""
    for _ in range(tries):
        if page.evaluate(expression):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"never true: {expression}")


def test_search_dossier_evidence(server: str, page, tmp_path: Path):
    page.goto(server + "/")
    page.fill("input[name=q]", "Jabrailov")
    page.click("header button")
    page.wait_for_url("**/search?q=Jabrailov")
    page.click("#name-hits a")
    page.wait_for_selector("h1")
    assert "Abu Hamza al-Karsi" in page.inner_text("h1")
    assert page.locator("svg.timeline circle").count() > 0
    assert "reported killed" in page.inner_text(".status")
    page.screenshot(path=str(tmp_path / "dossier.png"), full_page=True)
    link = page.locator("table.claims a.evidence-link").first
    quoted = link.inner_text().strip("“”")
    link.click()
    page.wait_for_selector("article.reader")
    target = page.locator("mark.evidence:target")
    assert target.count() == 1
    assert target.inner_text() in quoted


def test_graph_renders_nodes(server: str, page, tmp_path: Path):
    page.goto(server + "/graph")
    wait_until(page, "window.claimgraphCy && window.claimgraphCy.nodes().length > 0")
    nodes = page.evaluate("window.claimgraphCy.nodes().length")
    edges = page.evaluate("window.claimgraphCy.edges().length")
    assert nodes >= 3 and edges >= 2
    page.select_option("select[name=predicate]", "member_of")
    page.click("#filters button")
    wait_until(page, "window.claimgraphCy.edges().every(e => e.data('predicate') === 'member_of')")
    page.screenshot(path=str(tmp_path / "graph.png"))


def test_merge_and_undo_from_the_dossier(server: str, page):
    page.goto(server + "/search?q=Bakayev")
    page.click("#name-hits a")
    page.wait_for_selector("#curate-form")
    page.select_option("#curate-form select[name=kind]", "merge")
    page.fill("#curate-form input[name=b]", "Idris Malsagov")
    page.click("#curate-form button")
    page.wait_for_selector(".flash")
    assert "recorded" in page.inner_text(".flash")
    assert "Idris Malsagov" in page.inner_text(".names")
    page.click("button.undo")
    page.wait_for_selector(".flash")
    assert "undone" in page.inner_text(".flash")
    assert "Idris Malsagov" not in page.inner_text(".names")
