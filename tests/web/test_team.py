"""The team setup: `serve` over a PostgreSQL store, with a token. Pages and the API read from
PostgreSQL, and a judgement sent by one of the team is recorded under their name."""

from __future__ import annotations

from fastapi.testclient import TestClient

from claimgraph.api import Claimgraph
from claimgraph.web.app import create_app
from tests.conftest import EXAMPLES

TOKEN = "a-newsroom-token-of-some-length"
BASE = "http://127.0.0.1:8000"


def test_serve_on_postgresql_reads_and_records_who_judged(postgres: str):
    with Claimgraph.open(postgres) as cg:
        cg.ingest([EXAMPLES])
    client = TestClient(create_app(postgres, token=TOKEN), base_url=BASE)
    hits = client.get("/api/v1/search", params={"q": "Dzhabrailov"}).json()["names"]
    assert hits
    for path in ("/", "/search?q=strike", f"/entities/{hits[0]['entity']}", "/conflicts", "/graph", "/api/v1/claims"):
        assert client.get(path).status_code == 200, path
    body = {"kind": "split", "a": "Abu Hamza al-Karsi", "b": "Abu Hamza al-Qarsi", "author": "ana"}
    assert client.post("/api/v1/judgements", json=body).status_code == 401  # no token, no change
    r = client.post("/api/v1/judgements", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201, r.text
    with Claimgraph.open(postgres) as cg:
        assert [(j["kind"], j["author"]) for j in cg.store.judgements()] == [("split", "ana")]
