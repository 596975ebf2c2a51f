"""The command line: help for every command, one-line errors, the README's examples."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app
from tests.conftest import ROOT

runner = CliRunner()


def commands() -> list[str]:
    import typer.main

    group = typer.main.get_group(app)
    return sorted(group.commands)


@pytest.mark.parametrize("name", commands())
def test_every_command_has_help_with_an_example(name: str):
    result = runner.invoke(app, [name, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output


def test_missing_database_is_one_clear_line(tmp_path: Path):
    result = runner.invoke(app, ["--db", str(tmp_path / "none.db"), "entities"])
    assert result.exit_code == 1
    assert result.output.strip().startswith("Error: No database at")
    assert "Traceback" not in result.output


def test_unknown_entity_and_format(example_db: Path, tmp_path: Path):
    db = tmp_path / "x.db"
    shutil.copy(example_db, db)
    result = runner.invoke(app, ["--db", str(db), "show", "Nobody Atall"])
    assert result.exit_code == 1 and "Error: No entity named 'Nobody Atall'" in result.output
    result = runner.invoke(app, ["--db", str(db), "export", "--format", "pdf"])
    assert result.exit_code == 1 and "unknown format" in result.output


def test_session_on_the_example_corpus(example_db: Path, tmp_path: Path):
    db = tmp_path / "x.db"
    shutil.copy(example_db, db)
    base = ["--db", str(db)]
    out = runner.invoke(app, [*base, "entities", "--limit", "5"]).output
    assert "Abu Hamza al-Karsi" in out
    out = runner.invoke(app, [*base, "show", "Ruslan Dzhabrailov"]).output
    assert "Abu Hamza al-Qarsi" in out and "confirmed" in out and "conflicts" in out
    out = runner.invoke(app, [*base, "claims", "--predicate", "dead", "--claimant", "Karsian defence ministry"]).output
    assert "Karsian defence ministry" in out and "dead" in out
    out = runner.invoke(app, [*base, "search", "air strike"]).output
    assert "doc" in out and "[air]" in out.lower() or "air" in out
    out = runner.invoke(app, [*base, "timeline", "Abu Hamza al-Karsi"]).output
    assert "2024-03-03" in out and "2024-03-18" in out
    out = runner.invoke(app, [*base, "stats"]).output
    assert re.search(r"near_duplicates\s+1", out) and re.search(r"not_analysed\s+1", out)
    out = runner.invoke(app, [*base, "why", "Abu Hamza al-Karsi", "Abu Hamza al-Qarsi"]).output
    assert "one entity" in out
    out = runner.invoke(app, [*base, "why", "Abu Hamza al-Karsi", "Umar Bakayev"]).output
    assert "different entities" in out


def test_judgements_from_the_cli(example_db: Path, tmp_path: Path):
    db = tmp_path / "x.db"
    shutil.copy(example_db, db)
    base = ["--db", str(db)]
    result = runner.invoke(app, [*base, "split", "Abu Hamza al-Karsi", "Abu Hamza al-Qarsi", "--by", "tester"])
    assert result.exit_code == 0, result.output
    out = runner.invoke(app, [*base, "why", "Abu Hamza al-Karsi", "Abu Hamza al-Qarsi"]).output
    assert "different entities" in out
    listing = runner.invoke(app, [*base, "judgements"]).output
    assert "split" in listing and "tester" in listing
    result = runner.invoke(app, [*base, "judgements", "--undo", "1"])
    assert result.exit_code == 0
    out = runner.invoke(app, [*base, "why", "Abu Hamza al-Karsi", "Abu Hamza al-Qarsi"]).output
    assert "one entity" in out


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text()
    block = re.search(r"<!-- cli-session -->\s*```console\n(.*?)```", text, re.S)
    assert block, "README must have a CLI session block"
    return [line[2:] for line in block.group(1).splitlines() if line.startswith("$ claimgraph")]


def test_readme_session_runs(tmp_path: Path):
    """Every `$ claimgraph ...` line of the README's session runs without error, in order."""
    exe = Path(sys.executable).parent / "claimgraph"
    lines = readme_commands()
    assert len(lines) >= 4
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    env = {"CLAIMGRAPH_DB": str(tmp_path / "news.db"), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    for line in lines:
        args = [a.strip('"') for a in re.findall(r'"[^"]*"|\S+', line)][1:]
        result = subprocess.run([str(exe), *args], cwd=tmp_path, capture_output=True, text=True, env=env, check=False)
        assert result.returncode == 0, f"{line}: {result.stderr}"
