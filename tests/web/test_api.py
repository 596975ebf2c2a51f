"""Every API endpoint: shapes, paging, bad ids, huge pages, malformed queries, writes and tokens."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from claimgraph.api import Claimgraph
from claimgraph.web.app import create_app

XSS = "<script>alert('x')</script>"


@pytest.fixture
def db(example_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "web.db"
    shutil.copy(example_db, copy)
    with Claimgraph.open(copy) as cg:  # a hostile report: its text must come back as text
        cg.ingest_texts([("hostile.txt", f"Hostile page {XSS}\n\nThe police said Ivan Drago {XSS} was arrested in Moscow on Monday.")])
    return copy


BASE = "http://127.0.0.1:8000"  # the server as a browser on this machine reaches it (an allowed Host)


@pytest.fixture
def client(db: Path) -> TestClient:
    return TestClient(create_app(db), base_url=BASE)


def person_id(client: TestClient) -> str:
    hits = client.get("/api/v1/search", params={"q": "Dzhabrailov"}).json()["names"]
    return hits[0]["entity"]


def test_lists_page_and_count(client: TestClient):
    for path in ("documents", "entities", "claims", "statements", "conflicts"):
        first = client.get(f"/api/v1/{path}", params={"limit": 2}).json()
        assert set(first) == {"items", "total", "limit", "offset"}
        assert len(first["items"]) <= 2 and first["total"] >= len(first["items"])
        if first["total"] > 2:
            second = client.get(f"/api/v1/{path}", params={"limit": 2, "offset": 2}).json()
            assert second["items"] and second["items"][0] != first["items"][0]


def test_entity_dossier_timeline_and_document(client: TestClient):
    pid = person_id(client)
    d = client.get(f"/api/v1/entities/{pid}").json()
    assert d["type"] == "PERSON" and "reported killed" in d["status"] and d["conflicts"]
    t = client.get(f"/api/v1/timeline/{pid}").json()
    assert [i["time"] for i in t["items"]] == sorted(i["time"] for i in t["items"])
    doc_id = client.get("/api/v1/documents").json()["items"][0]["id"]
    doc = client.get(f"/api/v1/documents/{doc_id}").json()
    assert doc["text"] and doc["id"] == doc_id


def test_claims_filters(client: TestClient):
    dead = client.get("/api/v1/claims", params={"predicate": "dead", "limit": 500}).json()["items"]
    assert dead and {c["predicate"] for c in dead} == {"dead"}
    about = client.get("/api/v1/claims", params={"subject": "Ruslan Dzhabrailov", "limit": 500}).json()["items"]
    assert about and len({c["subject"] for c in about}) == 1


def test_graph_and_filters(client: TestClient):
    g = client.get("/api/v1/graph").json()
    assert g["nodes"] and g["edges"]
    ids = {n["data"]["id"] for n in g["nodes"]}
    assert all(e["data"]["source"] in ids and e["data"]["target"] in ids for e in g["edges"])
    only = client.get("/api/v1/graph", params={"predicate": "member_of"}).json()
    assert {e["data"]["predicate"] for e in only["edges"]} == {"member_of"}
    people = client.get("/api/v1/graph", params={"type": "PERSON"}).json()
    assert {n["data"]["type"] for n in people["nodes"]} <= {"PERSON"}


@pytest.mark.parametrize("path", ["/api/v1/entities/e:nope", "/api/v1/documents/d:nope", "/api/v1/timeline/e:nope",
                                  "/api/v1/claims?subject=Nobody%20Here", "/entities/e:nope", "/documents/nope"])
def test_unknown_ids_answer_404(client: TestClient, path: str):
    r = client.get(path)
    assert r.status_code == 404
    if path.startswith("/api/"):
        assert r.json()["error"]["code"] == "not_found"


@pytest.mark.parametrize("query", [
    "/api/v1/entities?limit=100000", "/api/v1/entities?limit=0", "/api/v1/entities?offset=-1", "/api/v1/claims?limit=abc",
    "/api/v1/search?q=", "/api/v1/graph?since=yesterday", "/api/v1/graph?grade=great", "/api/v1/entities?type=ANIMAL",
    "/api/v1/search?q=" + "x" * 600,
])
def test_malformed_queries_are_clear_4xx(client: TestClient, query: str):
    r = client.get(query)
    assert 400 <= r.status_code < 500
    assert r.json()["error"]["message"]


@pytest.mark.parametrize("q", ['"unbalanced', "AND OR NOT", "*", "NEAR(", "a:b", "'; DROP TABLE documents; --"])
def test_search_survives_fts_syntax(client: TestClient, q: str):
    r = client.get("/api/v1/search", params={"q": q})
    assert r.status_code == 200 and set(r.json()) == {"query", "names", "entities", "documents", "total_entities", "total_documents"}
    assert client.get("/search", params={"q": q}).status_code == 200


def test_xss_payload_is_shown_as_text(client: TestClient):
    hit = client.get("/api/v1/search", params={"q": "Hostile"}).json()["documents"][0]
    page = client.get(f"/documents/{hit['id']}").text
    assert XSS not in page and "&lt;script&gt;" in page
    search = client.get("/search", params={"q": "Hostile"}).text
    assert "<script>alert" not in search


def test_pages_render(client: TestClient):
    pid = person_id(client)
    for path in ("/", "/search?q=strike", f"/entities/{pid}", "/conflicts", "/graph", "/docs", "/api/v1/openapi.json"):
        assert client.get(path).status_code == 200, path
    page = client.get(f"/entities/{pid}").text
    assert "<svg class='timeline'" in page and "Abu Hamza al-Qarsi" in page


def test_judgement_write_and_undo(client: TestClient):
    r = client.post("/api/v1/judgements", json={"kind": "split", "a": "Abu Hamza al-Karsi", "b": "Abu Hamza al-Qarsi", "author": "t"})
    assert r.status_code == 201
    hits = client.get("/api/v1/search", params={"q": "Qarsi"}).json()["names"]
    karsi = client.get("/api/v1/search", params={"q": "Karsi"}).json()["names"]
    assert {h["entity"] for h in hits if h["name"] == "Abu Hamza al-Qarsi"} != {h["entity"] for h in karsi if h["name"] == "Abu Hamza al-Karsi"}
    assert client.delete(f"/api/v1/judgements/{r.json()['id']}").status_code == 200
    assert client.delete(f"/api/v1/judgements/{r.json()['id']}").status_code == 404
    assert client.post("/api/v1/judgements", json={"kind": "explode", "a": "x", "b": "y"}).status_code == 422
    assert client.post("/api/v1/judgements", json={"kind": "merge", "a": "Nobody Here", "b": "Abu Hamza al-Karsi"}).status_code == 404


def test_token_guards_writes(db: Path):
    client = TestClient(create_app(db, token="s3cret-s3cret-s3cret"), base_url=BASE)
    body = {"kind": "distinct", "a": "Abu Hamza al-Karsi", "b": "Umar Bakayev"}
    assert client.post("/api/v1/judgements", json=body).status_code == 401
    assert client.post("/api/v1/judgements", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.post("/api/v1/judgements", json=body, headers={"Authorization": "Bearer s3cret-s3cret-s3cret"}).status_code == 201
    assert client.get("/api/v1/entities").status_code == 200  # reads stay open


def test_serve_refuses_open_host_without_token(example_db: Path):
    from typer.testing import CliRunner

    from claimgraph.cli import app

    result = CliRunner().invoke(app, ["--db", str(example_db), "serve", "--host", "0.0.0.0"], env={"CLAIMGRAPH_TOKEN": ""})
    assert result.exit_code == 1 and "token" in result.output


def test_a_name_inside_a_description_keeps_its_own_link(tmp_path: Path):
    from claimgraph.web.views import highlighted

    with Claimgraph.open(tmp_path / "nested.db") as cg:
        cg.ingest_texts([("nested.txt", "Trade talks stall\n\nEcuador's top trade negotiator, Lucia Paredes, resigned on Monday.")])
        ecuador = cg.entity("Ecuador")
        document = cg.store.documents()[0]
        body, _ = highlighted(cg.store, document)
    assert f"<a class='mention' href='/entities/{ecuador.id}'>Ecuador</a>" in str(body)
