"""The command line's lists say where each claim was read and never stop silently at a limit;
judgements name both sides and say what moved."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph.api import Claimgraph
from claimgraph.cli import app

runner = CliRunner()


@pytest.fixture
def base(example_db: Path, tmp_path: Path) -> list[str]:
    db = tmp_path / "lists.db"
    shutil.copy(example_db, db)
    return ["--db", str(db)]


def test_claims_show_outlet_date_file_and_grade(base: list[str]):
    out = runner.invoke(app, [*base, "claims", "--predicate", "dead", "--claimant", "Karsian defence ministry"]).output
    assert "— Caspian Wire, 2024-03-04, 01_caspian_wire_strike.txt" in out
    assert "grade: confirmed" in out and "examples/corpus" not in out


def test_lists_say_when_a_limit_cut_them(base: list[str]):
    result = runner.invoke(app, [*base, "claims", "--limit", "2"])
    assert result.exit_code == 0 and result.output.count("says:") == 2
    assert "more, use --limit" in result.output
    whole = runner.invoke(app, [*base, "claims", "--limit", "1000"]).output
    assert "more, use --limit" not in whole
    entities = runner.invoke(app, [*base, "entities", "--limit", "3"]).output
    with Claimgraph.open(base[1]) as cg:
        total = len(cg.entities())
    assert f"… {total - 3} more, use --limit" in entities
    assert "more, use --limit" not in runner.invoke(app, [*base, "entities", "--limit", "500"]).output


def test_claims_filter_by_outlet_grade_and_modality(base: list[str]):
    out = runner.invoke(app, [*base, "claims", "--outlet", "The Northern Ledger", "--modality", "denied", "--json"]).output
    lines = [line for line in out.splitlines() if line.startswith("{")]
    assert lines and all('"modality": "denied"' in line and '"outlet": "The Northern Ledger"' in line for line in lines)


def test_search_lists_each_entity_once_with_its_type(base: list[str]):
    out = runner.invoke(app, [*base, "search", "Jabrailov"]).output
    names = [line for line in out.splitlines() if line.startswith("name")]
    assert len(names) == 1 and "Abu Hamza al-Karsi (PERSON" in names[0] and "Ruslan Jabrailov" in names[0]


def test_judgements_name_both_sides_and_report_what_moved(base: list[str]):
    out = runner.invoke(app, [*base, "split", "Abu Hamza al-Karsi", "Abu Hamza al-Qarsi", "--by", "ana"]).output
    assert "recorded: “Abu Hamza al-Qarsi” split off Abu Hamza al-Karsi" in out
    assert "moved: Abu Hamza al-Karsi → Abu Hamza al-Qarsi: Abu Hamza al-Qarsi (2)" in out and "on status" in out
    listing = runner.invoke(app, [*base, "judgements"]).output
    assert "e:" not in listing and "ana" in listing
    undone = runner.invoke(app, [*base, "judgements", "--undo", "1"]).output
    assert "moved: Abu Hamza al-Qarsi → Abu Hamza al-Karsi" in undone
    stats = runner.invoke(app, [*base, "stats"]).output
    assert [line.split()[-1] for line in stats.splitlines() if line.startswith("judgements")] == ["0"]
