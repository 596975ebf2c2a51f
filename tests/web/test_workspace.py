"""The workspace a journalist can trust, over HTTP: provenance on every claim row, browsing with
filters and paging, grouped and phrase search, curation with a preview and a report, counts that
follow undo, streamed exports, offline API docs."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from claimgraph.api import Claimgraph
from claimgraph.web.app import create_app

BASE = "http://127.0.0.1:8000"


@pytest.fixture
def client(example_db: Path, tmp_path: Path) -> TestClient:
    copy = tmp_path / "workspace.db"
    shutil.copy(example_db, copy)
    with Claimgraph.open(copy) as cg:  # the words of a phrase, apart: a phrase search must not find this
        cg.ingest_texts([("notes/field-notes.txt", "Harbour notes\n\nThe strike by dock workers closed the air cargo terminal on Monday.")])
    return TestClient(create_app(copy), base_url=BASE)


def items(client: TestClient, path: str, **params: object) -> list[dict]:
    r = client.get(path, params={"limit": 500, **params})
    assert r.status_code == 200, r.text
    return r.json()["items"]


def test_every_claim_row_says_where_it_was_read(client: TestClient):
    rows = items(client, "/api/v1/claims", predicate="dead")
    assert rows
    for r in rows:
        p = r["provenance"]
        assert p["outlet"] and p["published"] and p["link"] == f"/documents/{r['evidence']['document']}#s-{r['evidence']['start']}"
        assert p["file"] and ("/" not in p["file"] or p["file"].startswith("https://"))  # a file name; a URL whole
        assert r["grade"] and r["basis"].startswith(("reported by", "asserted or reported by no source"))


def test_claim_filters_combine(client: TestClient):
    rows = items(client, "/api/v1/claims", predicate="dead", outlet="Caspian Wire", grade="confirmed", modality="reported")
    assert rows
    assert all(r["predicate"] == "dead" and r["provenance"]["outlet"] == "Caspian Wire" and r["grade"] == "confirmed"
               and r["modality"] == "reported" for r in rows)
    later = items(client, "/api/v1/claims", since="2024-03-05")
    assert later and all(r["provenance"]["published"] >= "2024-03-05" for r in later)
    march_4 = items(client, "/api/v1/claims", since="2024-03-04", until="2024-03-04")
    assert march_4 and {r["provenance"]["published"] for r in march_4} == {"2024-03-04"}
    ministry = items(client, "/api/v1/claims", claimant="Karsian defence ministry")
    assert ministry and {r["who"] for r in ministry} == {"Karsian defence ministry"}
    assert client.get("/api/v1/claims", params={"grade": "great"}).status_code == 422


def test_entities_filter_sort_and_count(client: TestClient):
    people = client.get("/api/v1/entities", params={"type": "PERSON", "limit": 3}).json()
    assert len(people["items"]) == 3 and people["total"] == len(items(client, "/api/v1/entities", type="PERSON"))
    assert people["total"] < client.get("/api/v1/entities").json()["total"]
    by_name = [e["name"] for e in items(client, "/api/v1/entities", sort="name")]
    assert by_name == sorted(by_name, key=str.lower)
    page = client.get("/entities", params={"limit": 10, "offset": 10}).text
    assert "11–20 of" in page and 'rel="next"' in page and 'rel="prev"' in page


def test_search_groups_names_by_entity_with_type_and_counts(client: TestClient):
    found = client.get("/api/v1/search", params={"q": "Jabrailov"}).json()
    assert [e["name"] for e in found["entities"]] == ["Abu Hamza al-Karsi"]
    person = found["entities"][0]
    assert person["type"] == "PERSON" and person["mentions"] >= 10
    assert {"Ruslan Jabrailov", "Jabrailov"} <= set(person["matched"])
    assert found["total_entities"] == 1
    page = client.get("/search", params={"q": "Jabrailov"}).text
    assert page.count("/entities/e:") == 1 and "PERSON" in page and "matched as" in page


def test_quoted_words_are_a_phrase(client: TestClient):
    loose = {d["file"] for d in client.get("/api/v1/search", params={"q": "air strike"}).json()["documents"]}
    phrase = {d["file"] for d in client.get("/api/v1/search", params={"q": '"air strike"'}).json()["documents"]}
    assert "field-notes.txt" in loose and "field-notes.txt" not in phrase
    assert phrase and phrase < loose


def test_an_empty_search_explains_itself(client: TestClient):
    page = client.get("/search").text
    assert 'id="search-help"' in page and "as a phrase" in page and 'href="/entities"' in page


def test_the_reader_marks_each_evidence_sentence_as_one_block(client: TestClient):
    doc = next(d for d in items(client, "/api/v1/documents") if d["source"].endswith("01_caspian_wire_strike.txt"))
    page = client.get(f"/documents/{doc['id']}").text
    claims = items(client, "/api/v1/claims", outlet="Caspian Wire")
    blocks = dict(re.findall(r"<mark class='evidence' id='s-(\d+)'>(.*?)</mark>", page, flags=re.S))
    for c in claims:
        if c["evidence"]["document"] != doc["id"]:
            continue
        inner = blocks[str(c["evidence"]["start"])]
        assert html.unescape(re.sub(r"<[^>]+>", "", inner)) == c["evidence"]["text"]
    assert "01_caspian_wire_strike.txt" in page and "examples/corpus" not in page  # a file name, not a path


def test_dossier_lists_where_an_entity_is_mentioned_and_status_rows(client: TestClient):
    pid = client.get("/api/v1/search", params={"q": "Dzhabrailov"}).json()["entities"][0]["id"]
    page = client.get(f"/entities/{pid}").text
    mentioned = page[page.index('id="mentioned-in"'):]
    assert "Caspian Wire, 2024-03-04" in mentioned and "01_caspian_wire_strike.txt" in mentioned
    assert "reported by 9 independent sources" in page and 'class="grade g-confirmed"' in page
    assert "09_kavkaz_vestnik_ru.txt · Russian" in mentioned and "10_corriere_caucaso_it.txt · Italian" in mentioned
    assert 'title="confirmed: reported by' in page  # the grade's tooltip gives its counts


def test_conflicts_board_shows_outlet_and_date(client: TestClient):
    page = client.get("/conflicts").text
    assert "The Northern Ledger, 2024-03-05" in page and "03_northern_ledger_denial.txt" in page


def test_preview_moves_nothing_then_record_reports_and_undo_restores_counts(client: TestClient):
    preview = client.get("/api/v1/judgements/preview",
                         params={"kind": "split", "a": "Abu Hamza al-Karsi", "b": "Abu Hamza al-Qarsi"}).json()
    assert preview["moves"] and "Abu Hamza al-Qarsi" in preview["moves"][0]["names"]
    assert sum(preview["moves"][0]["claims"].values()) >= 1 and "Abu Hamza al-Karsi →" in preview["summary"]
    assert client.get("/api/v1/judgements").json()["total"] == 0  # a preview records nothing
    created = client.post("/api/v1/judgements", json={"kind": "split", "a": "Abu Hamza al-Karsi", "b": "Abu Hamza al-Qarsi",
                                                      "by": "ana"}).json()
    assert created["by"] == "ana" and created["moved"]["moves"] == preview["moves"]
    listed = client.get("/api/v1/judgements").json()["items"]
    assert listed[0]["author"] == "ana" and listed[0]["a_name"] == "Abu Hamza al-Karsi"  # a name, not an id
    assert listed[0]["a"].startswith("e:") and listed[0]["line"] == "“Abu Hamza al-Qarsi” split off Abu Hamza al-Karsi"
    assert client.get("/api/v1/judgements/preview", params={"kind": "merge", "a": "Nobody Here", "b": "Karsia"}).status_code == 404
    assert re.search(r"<b>1</b><span>judgements</span>", client.get("/").text)
    undone = client.delete(f"/api/v1/judgements/{created['id']}").json()
    assert undone["moved"]["moves"]
    assert re.search(r"<b>0</b><span>judgements</span>", client.get("/").text)  # the count follows the undo


def test_curation_page_previews_and_the_redirect_reports_what_moved(client: TestClient):
    pid = client.get("/api/v1/search", params={"q": "Bakayev"}).json()["entities"][0]["id"]
    preview = client.get("/curate/preview", params={"kind": "merge", "a": "Umar Bakayev", "b": "Idris Malsagov", "back": pid})
    assert preview.status_code == 200 and 'id="preview-moves"' in preview.text and "Umar Bakayev (2)" in preview.text
    r = client.post("/curate", data={"kind": "merge", "a": "Umar Bakayev", "b": "Idris Malsagov", "back": pid, "author": "ana"},
                    headers={"Origin": BASE}, follow_redirects=True)
    assert "judgement 1 recorded: Umar Bakayev →" in r.text and "6 claims" in r.text


def test_group_endpoint_gives_an_edges_claims_and_evidence(client: TestClient):
    edge = client.get("/api/v1/graph", params={"predicate": "member_of"}).json()["edges"][0]["data"]
    group = client.get(f"/api/v1/groups/{edge['id']}").json()
    assert group["grade"] == edge["grade"] and group["reasons"][0].startswith("reported by")
    assert {c["id"] for c in group["claims"]} == set(edge["claims"])
    assert all(c["evidence"]["text"] and c["provenance"]["link"] for c in group["claims"])
    assert client.get("/api/v1/groups/g:nope").status_code == 404


def test_graph_filters_by_outlet(client: TestClient):
    everything = client.get("/api/v1/graph").json()
    ledger = client.get("/api/v1/graph", params={"outlet": "The Northern Ledger"}).json()
    assert "The Northern Ledger" in everything["outlets"]
    assert ledger["edges"] and len(ledger["edges"]) < len(everything["edges"])
    assert all("The Northern Ledger" in e["data"]["outlets"] for e in ledger["edges"])


def test_exports_stream_from_the_web(client: TestClient):
    with client.stream("GET", "/api/v1/export", params={"format": "jsonl"}) as r:
        assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
        kinds = [json.loads(line)["type"] for line in r.iter_lines() if line]
    assert kinds[0] == "document" and kinds[-1] == "conflict"
    table = list(csv.DictReader(io.StringIO(client.get("/api/v1/export", params={"format": "csv"}).text)))
    assert table and all(row["outlet"] and row["file"] for row in table if row["published"])
    assert not [row for row in table if "examples/corpus" in row["file"]]  # file names, not paths
    assert {row["grade_basis"][:11] for row in table} <= {"reported by", "asserted or"}
    root = ET.fromstring(client.get("/api/v1/export", params={"format": "graphml"}).content)
    assert root.tag.endswith("graphml")
    assert client.get("/api/v1/export", params={"format": "pdf"}).status_code == 422


def test_openapi_json_and_offline_docs(client: TestClient):
    schema = client.get("/openapi.json").json()
    assert "/api/v1/export" in schema["paths"] and "/api/v1/judgements/preview" in schema["paths"]
    page = client.get("/docs").text
    assert "cdn" not in page.lower() and "/static/swagger/swagger-ui-bundle.js" in page
    assert client.get("/static/swagger/swagger-ui-bundle.js").status_code == 200
    assert "Apache License" in client.get("/static/swagger/LICENSE.txt").text


def test_pages_have_a_heading_a_title_and_a_skip_link(client: TestClient):
    for path in ("/", "/entities", "/claims", "/search", "/conflicts", "/graph"):
        page = client.get(path).text
        assert "<h1>" in page and 'class="skip" href="#main"' in page and 'id="main"' in page, path
        title = re.search(r"<title>(.*?)</title>", page).group(1)
        assert title.endswith("— claimgraph") and title.count("claimgraph") == 1, title
