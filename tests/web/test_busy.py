"""Pages and commands while another process holds the database: reads answer (they never take the
write lock); when the database is really held, a clear "busy, retry" (503 + Retry-After on the
web, one line on the command line), never "is not a claimgraph database"."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from claimgraph.cli import app as cli
from claimgraph.web.app import create_app
from tests.store.locking import held

BASE = "http://127.0.0.1:8000"


@pytest.fixture
def db(example_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "busy.db"
    shutil.copy(example_db, copy)
    return copy


def test_pages_answer_while_another_process_writes(db: Path):
    client = TestClient(create_app(db, write_timeout=0.2), base_url=BASE)
    karsi = client.get("/api/v1/search", params={"q": "Karsi"}).json()["names"][0]["entity"]
    with held(db, "write"):
        for path in ("/", "/search?q=Karsi", f"/entities/{karsi}", "/conflicts", f"/api/v1/entities/{karsi}"):
            r = client.get(path)
            assert r.status_code == 200, path
        assert "Abu Hamza al-Karsi" in client.get(f"/entities/{karsi}").text
        change = client.post("/api/v1/judgements", json={"kind": "distinct", "a": "Abu Hamza al-Karsi", "b": "Umar Bakayev"})
        assert change.status_code == 503 and change.headers["retry-after"].isdigit()
        assert change.json()["error"]["code"] == "busy" and "not a claimgraph database" not in change.text
    assert client.post("/api/v1/judgements", json={"kind": "distinct", "a": "Abu Hamza al-Karsi",
                                                   "b": "Umar Bakayev"}).status_code == 201  # and after, it goes through


def test_a_database_held_exclusively_answers_503_with_retry_after(db: Path):
    client = TestClient(create_app(db, read_timeout=0.2), base_url=BASE)
    with held(db, "exclusive"):
        api, page = client.get("/api/v1/entities"), client.get("/")
    assert api.status_code == 503 and api.headers["retry-after"].isdigit() and "busy" in api.json()["error"]["message"]
    assert page.status_code == 503 and "busy" in page.text and "not a claimgraph database" not in page.text


def test_the_command_line_reads_while_another_process_writes(db: Path):
    with held(db, "write"):
        result = CliRunner().invoke(cli, ["--db", str(db), "entities", "--limit", "2", "--json"])
    assert result.exit_code == 0 and "Abu Hamza al-Karsi" in result.output


def test_the_command_line_says_busy_in_one_line(db: Path):
    with held(db, "exclusive"):  # the reader waits its read timeout (5 s), then gives up
        result = CliRunner().invoke(cli, ["--db", str(db), "stats"])
    assert result.exit_code == 1 and result.output.startswith("Error: the database") and "busy" in result.output
    assert result.output.count("\n") == 1 and "not a claimgraph database" not in result.output
