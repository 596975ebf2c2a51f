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


def in_viewport(page, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    height = page.evaluate("window.innerHeight")
    return box is not None and box["y"] >= 0 and box["y"] + min(box["height"], height) <= height


def test_evidence_jump_highlights_the_whole_sentence(server: str, page, tmp_path: Path):
    page.goto(server + "/")
    page.fill("input[name=q]", "Jabrailov")
    page.click("header button")
    page.wait_for_url("**/search?q=Jabrailov")
    page.click("#name-hits a")
    page.wait_for_selector("h1")
    assert "Abu Hamza al-Karsi" in page.inner_text("h1")
    assert page.locator("svg.timeline a.point").count() > 0
    assert "reported killed" in page.inner_text(".status")
    page.screenshot(path=str(tmp_path / "dossier.png"), full_page=True)
    links = page.locator("table.claims a.evidence-link")
    link = links.nth(links.count() - 1)  # far down its report: the jump must scroll to it
    quoted = link.inner_text().strip("“”")
    link.click()
    page.wait_for_selector("article.reader")
    target = page.locator("mark.evidence:target")
    assert target.count() == 1
    assert target.inner_text() == quoted  # one block: the whole sentence, not its first fragment
    assert in_viewport(page, "mark.evidence:target")
    lit = page.evaluate("[...document.querySelectorAll('mark.evidence')].filter("
                        "m => getComputedStyle(m).backgroundColor !== 'rgba(0, 0, 0, 0)').length")
    assert lit == 1  # the other claim sentences stay quiet


def test_the_entities_page_pages_and_filters(server: str, page):
    page.goto(server + "/entities?limit=10")
    first = page.locator("#entity-list tbody a").all_inner_texts()
    assert len(first) == 10 and "1–10 of" in page.inner_text(".pager")
    page.locator("a[rel=next]").first.click()
    page.wait_for_url("**offset=10**")
    second = page.locator("#entity-list tbody a").all_inner_texts()
    assert len(second) == 10 and not set(first) & set(second)
    page.goto(server + "/entities")
    page.click("nav.facets a:has-text('PERSON')")
    page.wait_for_url("**type=PERSON**")
    assert set(page.locator("#entity-list .etype").all_inner_texts()) == {"PERSON"}
    page.select_option("select[name=sort]", "name")
    page.click("form.filters button")
    page.wait_for_url("**sort=name**")
    names = page.locator("#entity-list tbody a").all_inner_texts()
    assert names == sorted(names, key=str.lower)


def test_the_claims_browser_filters_in_the_url(server: str, page):
    page.goto(server + "/claims")
    page.select_option("#claim-filters select[name=predicate]", "dead")
    page.select_option("#claim-filters select[name=modality]", "denied")
    page.click("#claim-filters button")
    page.wait_for_url("**predicate=dead**")
    assert "modality=denied" in page.url
    rows = page.locator("table.claims tbody tr")
    assert rows.count() >= 1
    assert set(page.locator("table.claims .modality").all_inner_texts()) == {"✕denied"}
    assert all(" dead" in t for t in page.locator("table.claims tbody td:first-child").all_inner_texts())
    assert page.locator("table.claims .prov a").count() == rows.count()  # every row says where it was read
    page.reload()  # the filters live in the URL
    assert page.locator("#claim-filters select[name=modality]").input_value() == "denied"


def test_search_groups_names_by_entity(server: str, page):
    page.goto(server + "/search?q=Jabrailov")
    hits = page.locator("#name-hits li")
    assert hits.count() == 1  # one entity, not one line per name
    text = hits.first.inner_text()
    assert "Abu Hamza al-Karsi" in text and "PERSON" in text and "mentions" in text and "Ruslan Jabrailov" in text
    page.goto(server + "/search")
    assert page.locator("#search-help").is_visible()


def test_merge_preview_then_undo_and_the_counts_follow(server: str, page):
    page.goto(server + "/search?q=Bakayev")
    page.click("#name-hits a")
    page.wait_for_selector("#curate-form")
    page.select_option("#curate-form select[name=kind]", "merge")
    page.fill("#curate-form input[name=b]", "Idris Malsagov")
    page.click("#curate-form button")
    page.wait_for_selector("#preview-moves")
    assert "Umar Bakayev" in page.inner_text("#preview-moves") and "claims" in page.inner_text("#preview-moves thead")
    page.goto(server + "/")
    assert judgement_count(page) == 0  # a preview records nothing
    page.go_back()
    page.click("#record-form button")
    page.wait_for_selector(".flash")
    assert "recorded" in page.inner_text(".flash") and "→" in page.inner_text(".flash")
    assert "Idris Malsagov" in page.inner_text(".names")
    assert "“Umar Bakayev” and “Idris Malsagov” are one entity" in page.inner_text("#judgements")
    back = page.url
    page.goto(server + "/")
    assert judgement_count(page) == 1
    page.goto(back)
    page.click("button.undo")
    page.wait_for_selector(".flash")
    assert "undone" in page.inner_text(".flash")
    names = page.inner_text(".names")  # the page of whichever entity kept the id: one of the two again
    assert ("Idris Malsagov" in names) != ("Umar Bakayev" in names)
    page.goto(server + "/")
    assert judgement_count(page) == 0


def judgement_count(page) -> int:
    return int(page.locator(".stats div:has(span:text-is('judgements')) b").inner_text())


def test_api_docs_render_with_the_network_blocked(server: str, page):
    outside: list[str] = []

    def only_here(route):
        if route.request.url.startswith(server):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_here)
    page.goto(server + "/docs")
    page.wait_for_selector(".opblock", timeout=20000)
    assert page.locator(".opblock").count() >= 10
    assert "/api/v1/export" in page.inner_text("#swagger-ui")
    assert outside == []


def test_graph_legend_stable_layout_and_edge_evidence(server: str, page, tmp_path: Path):
    page.goto(server + "/graph")
    wait_until(page, "window.claimgraphCy && window.claimgraphCy.nodes().length > 0")
    assert page.locator("#graph-legend").is_visible()
    legend = page.inner_text("#graph-legend")
    assert all(word in legend for word in ("person", "organisation", "place", "confirmed", "single-source", "contested"))
    positions = page.evaluate("JSON.stringify(window.claimgraphCy.nodes().map(n => [n.id(), n.position()]))")
    page.reload()
    wait_until(page, "window.claimgraphCy && window.claimgraphCy.nodes().length > 0")
    assert page.evaluate("JSON.stringify(window.claimgraphCy.nodes().map(n => [n.id(), n.position()]))") == positions
    page.evaluate("window.claimgraphCy.edges()[0].emit('tap')")
    page.wait_for_selector("#edge-panel:not([hidden]) #edge-claims li")
    assert page.locator("#edge-claims a.evidence-link").count() >= 1
    assert "reported by" in page.inner_text("#edge-basis")
    page.select_option("select[name=outlet]", "The Northern Ledger")
    page.click("#filters button")
    wait_until(page, "location.search.includes('outlet=The+Northern+Ledger')")
    wait_until(page, "window.claimgraphCy.edges().every(e => e.data('outlets').includes('The Northern Ledger'))")
    page.reload()  # the filters are in the URL
    assert page.locator("select[name=outlet]").input_value() == "The Northern Ledger"
    page.screenshot(path=str(tmp_path / "graph.png"))


def test_a_400px_dossier_needs_no_horizontal_scroll(server: str, page):
    page.set_viewport_size({"width": 400, "height": 860})
    page.goto(server + "/search?q=Jabrailov")
    page.click("#name-hits a")
    page.wait_for_selector("svg.timeline")
    assert page.evaluate("document.documentElement.scrollWidth") <= 400
    label = page.locator("svg.timeline .lane-label").first.bounding_box()
    assert label and label["height"] >= 10  # the timeline keeps its size; its box scrolls instead
    header = page.locator("header").bounding_box()
    assert header and header["width"] <= 400
    for path in ("/", "/claims", "/entities", "/conflicts"):
        page.goto(server + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 400, path
