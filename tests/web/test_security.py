"""The server section of issue 12, one test per reproduction: inputs that used to answer 500,
cross-site posts, foreign Host headers, missing security headers, short tokens, huge bodies and
bad `serve` options."""

from __future__ import annotations

import asyncio
import shutil
import socket
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from claimgraph.cli import app as cli
from claimgraph.errors import ClaimgraphError
from claimgraph.web.app import create_app
from claimgraph.web.security import MAX_BODY_BYTES

BASE = "http://127.0.0.1:8000"
SAME_ORIGIN = {"Origin": BASE}
TOKEN = "correct-horse-battery-staple"


@pytest.fixture
def db(example_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "security.db"
    shutil.copy(example_db, copy)
    return copy


@pytest.fixture
def client(db: Path) -> TestClient:
    return TestClient(create_app(db), base_url=BASE, raise_server_exceptions=False)


def entity_of(client: TestClient, name: str) -> str:
    return client.get("/api/v1/search", params={"q": name}).json()["names"][0]["entity"]


# ---- inputs that answered 500 ----------------------------------------------------------
@pytest.mark.parametrize("q", ["Karsi\x00", "\x00", 'a"\x00"b', "Karsi \x00 strike"])
def test_a_nul_in_a_search_is_an_ordinary_search(client: TestClient, q: str):
    api = client.get("/api/v1/search", params={"q": q})
    assert api.status_code == 200 and {"query", "names", "entities", "documents"} <= set(api.json())
    assert client.get("/search", params={"q": q}).status_code == 200


def test_a_nul_splits_words_like_a_space(client: TestClient):
    hits = client.get("/api/v1/search", params={"q": "Abu\x00Hamza"}).json()["names"]
    assert any(h["name"] == "Abu Hamza al-Karsi" for h in hits)


def test_a_nul_in_a_judgement_name_is_a_clear_4xx(client: TestClient):
    api = client.post("/api/v1/judgements", json={"kind": "merge", "a": "Abu Hamza al-Karsi", "b": "Umar\x00Bakayev"})
    assert api.status_code == 422 and "NUL" in api.json()["error"]["message"]
    form = {"kind": "merge", "a": "Abu Hamza al-Karsi", "b": "Nobody\x00Here", "back": entity_of(client, "Karsi")}
    page = client.post("/curate", data=form, headers=SAME_ORIGIN, follow_redirects=False)
    assert page.status_code == 404 and "No entity named" in page.text


@pytest.mark.parametrize("judgement", [str(2**64), str(10**30), "9223372036854775808"])
def test_a_huge_judgement_id_is_not_found(client: TestClient, judgement: str):
    page = client.post("/curate/undo", data={"judgement": judgement, "back": "x"}, headers=SAME_ORIGIN)
    assert page.status_code == 404 and "No active judgement" in page.text
    assert client.delete(f"/api/v1/judgements/{judgement}").status_code in (404, 422)


@pytest.mark.parametrize("given", ["é" * 20, "жетон-жетон-жетон-жетон", "\u2603"])
def test_a_non_ascii_token_is_simply_wrong(db: Path, given: str):
    client = TestClient(create_app(db, token=TOKEN), base_url=BASE, raise_server_exceptions=False)
    body = {"kind": "distinct", "a": "Abu Hamza al-Karsi", "b": "Umar Bakayev"}
    assert client.post("/api/v1/judgements", params={"token": given}, json=body).status_code == 401
    header = {"Authorization": b"Bearer " + given.encode()}
    assert client.post("/api/v1/judgements", json=body, headers=header).status_code == 401
    form = {**body, "kind": "merge", "back": entity_of(client, "Karsi"), "token": given}
    assert client.post("/curate", data=form, headers=SAME_ORIGIN).status_code == 401


def test_a_non_ascii_server_token_works_from_header_query_and_form(db: Path):
    token = "ключ-от-сервера-2024"
    client = TestClient(create_app(db, token=token), base_url=BASE, raise_server_exceptions=False)
    header = {"Authorization": b"Bearer " + token.encode()}
    body = {"kind": "distinct", "a": "Abu Hamza al-Karsi", "b": "Umar Bakayev"}
    created = client.post("/api/v1/judgements", json=body, headers=header)
    assert created.status_code == 201
    assert client.delete(f"/api/v1/judgements/{created.json()['id']}", params={"token": token}).status_code == 200


@settings(max_examples=40, derandomize=True, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(text=st.text(max_size=40))
def test_any_text_in_the_page_forms_gets_no_5xx(db: Path, text: str):
    client = TestClient(create_app(db), base_url=BASE, raise_server_exceptions=False)
    assert client.get("/search", params={"q": text}).status_code < 500
    form = {"kind": "distinct", "a": text or "x", "b": "Umar Bakayev", "back": "e:00", "author": text}
    assert client.post("/curate", data=form, headers=SAME_ORIGIN).status_code < 500


# ---- cross-site requests and foreign hosts -----------------------------------------------
@pytest.mark.parametrize("headers", [{"Origin": "http://evil.example"}, {"Origin": "null"},
                                     {"Referer": "http://evil.example/page.html"}, {},
                                     {"Origin": "http://127.0.0.1:9999"}, {"Origin": "http://localhost:8000"}])
def test_a_cross_site_form_post_is_refused(client: TestClient, headers: dict[str, str]):
    karsi = entity_of(client, "Karsi")
    form = {"kind": "merge", "a": "Abu Hamza al-Karsi", "b": "Umar Bakayev", "back": karsi}
    r = client.post("/curate", data=form, headers=headers, follow_redirects=False)
    assert r.status_code == 403
    assert client.get("/api/v1/judgements").json()["total"] == 0  # nothing recorded


def test_a_same_origin_form_post_is_accepted(client: TestClient):
    karsi = entity_of(client, "Karsi")
    form = {"kind": "distinct", "a": "Abu Hamza al-Karsi", "b": "Umar Bakayev", "back": karsi}
    r = client.post("/curate", data=form, headers=SAME_ORIGIN, follow_redirects=False)
    assert r.status_code == 303 and "recorded" in r.headers["location"]
    referer = client.post("/curate/undo", data={"judgement": "1", "back": karsi},
                          headers={"Referer": BASE + f"/entities/{karsi}"}, follow_redirects=False)
    assert referer.status_code == 303 and "undone" in referer.headers["location"]


def test_a_cross_site_api_call_is_refused_but_a_script_without_origin_is_not(client: TestClient):
    body = {"kind": "distinct", "a": "Abu Hamza al-Karsi", "b": "Umar Bakayev"}
    assert client.post("/api/v1/judgements", json=body, headers={"Origin": "http://evil.example"}).status_code == 403
    assert client.post("/api/v1/judgements", json=body).status_code == 201


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "localhost.", ""])
def test_a_foreign_host_is_refused(client: TestClient, host: str):
    for path in ("/", "/api/v1/entities", "/static/style.css"):
        r = client.get(path, headers={"Host": host})
        if host == "localhost.":  # the same name, fully qualified
            assert r.status_code == 200
        else:
            assert r.status_code == 400, (host, path)


def test_loopback_names_the_bound_host_and_extra_names_are_served(db: Path):
    app = create_app(db, host="192.0.2.7", allowed=["claims.internal"])
    for host in ("127.0.0.1:8000", "localhost", "[::1]:8000", "192.0.2.7:8000", "Claims.Internal"):
        assert TestClient(app, base_url=BASE).get("/", headers={"Host": host}).status_code == 200, host


def test_pages_carry_security_headers(client: TestClient):
    for path in ("/", "/graph", "/api/v1/entities", "/static/style.css", "/entities/e:nope"):
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp and "'unsafe-inline'" not in csp
        assert headers["x-frame-options"] == "DENY" and headers["x-content-type-options"] == "nosniff"
    docs = client.get("/docs")  # Swagger UI is served from here, under the same strict policy
    csp = docs.headers["content-security-policy"]
    assert docs.status_code == 200 and "script-src 'self';" in csp and "http" not in csp
    assert "<script>" not in docs.text and 'src="/static/swagger/swagger-ui-bundle.js"' in docs.text


# ---- tokens, bodies, options -------------------------------------------------------------
@pytest.mark.parametrize("token", ["x", "s3cret", "fifteen-chars-x"])
def test_a_short_token_is_refused(db: Path, token: str):
    with pytest.raises(ClaimgraphError, match="at least 16"):
        create_app(db, token=token)
    result = CliRunner().invoke(cli, ["--db", str(db), "serve", "--token", token])
    assert result.exit_code == 1 and result.output.startswith("Error: ") and "at least 16" in result.output
    assert result.output.count("\n") == 1 and "Traceback" not in result.output


def test_a_body_over_the_limit_is_refused(client: TestClient):
    big = b"{" + b" " * MAX_BODY_BYTES + b"}"
    r = client.post("/api/v1/judgements", content=big, headers={"Content-Type": "application/json"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"
    form = client.post("/curate", content=b"b=" + b"x" * MAX_BODY_BYTES, headers={
        **SAME_ORIGIN, "Content-Type": "application/x-www-form-urlencoded"})
    assert form.status_code == 413


def test_a_huge_body_is_refused_before_it_is_read(db: Path):
    """100 MB offered in 64 KB chunks: the guard stops after the limit and the app never runs."""
    app = create_app(db)
    chunk, offered, read = b"x" * 65536, 1600, []

    async def receive() -> dict[str, Any]:
        read.append(1)
        return {"type": "http.request", "body": chunk, "more_body": len(read) < offered}

    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/api/v1/judgements", "raw_path": b"/api/v1/judgements",
             "query_string": b"", "root_path": "", "scheme": "http", "server": ("127.0.0.1", 8000), "http_version": "1.1",
             "headers": [(b"host", b"127.0.0.1:8000"), (b"content-type", b"application/json"),
                         (b"transfer-encoding", b"chunked")]}
    asyncio.run(app(scope, receive, send))
    assert sent[0]["status"] == 413 and len(read) <= 2


@pytest.mark.parametrize(("args", "says"), [(["--port", "70000"], "--port"), (["--port", "0"], "--port"),
                                             (["--port", "eighty"], "--port"),
                                             (["--host", "no-such-host.invalid", "--token", TOKEN], "cannot listen")])
def test_bad_serve_options_are_one_line_errors(db: Path, args: list[str], says: str):
    result = CliRunner().invoke(cli, ["--db", str(db), "serve", *args])
    assert result.exit_code == 1 and result.output.startswith("Error: ") and says in result.output
    assert result.output.count("\n") == 1 and "Traceback" not in result.output


def test_a_port_in_use_is_a_one_line_error(db: Path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli, ["--db", str(db), "serve", "--port", str(port)])
    assert result.exit_code == 1 and result.output.startswith(f"Error: cannot listen on 127.0.0.1:{port}")
