"""The team store end to end: the seeds ingested into PostgreSQL export exactly what the SQLite
store exports, and two ingests running at once into one PostgreSQL database store each report
once (the writers take turns on the server's advisory lock)."""

from __future__ import annotations

import io
import re
from pathlib import Path

from claimgraph.api import Claimgraph
from claimgraph.store.connection import migrations as sqlite_migrations
from claimgraph.store.pg.connection import migrations as pg_migrations
from claimgraph.store.pg.dialect import SKIP, translate
from tests.conftest import EXAMPLES, SEEDS, needs_shared
from tests.test_determinism import claimgraph, finish


def exported(db: str | Path) -> list[str]:
    buf = io.StringIO()
    with Claimgraph.open(db, create=False) as cg:
        cg.export(buf, "jsonl")
    return sorted(buf.getvalue().splitlines())


@needs_shared
def test_the_seeds_export_the_same_from_postgresql_as_from_sqlite(seeds_db: Path, postgres: str):
    with Claimgraph.open(postgres) as cg:
        report = cg.ingest([SEEDS])
    assert report.new and not report.skipped
    ours, theirs = exported(postgres), exported(seeds_db)
    assert len(ours) > 100
    assert ours == theirs


def test_two_ingests_at_once_store_every_report_once(postgres: str, tmp_path: Path):
    runs = [claimgraph("--db", postgres, "ingest", EXAMPLES) for _ in range(2)]
    outputs = [p.communicate(timeout=600) for p in runs]
    assert [p.returncode for p in runs] == [0, 0], outputs
    new = [int(re.match(r"(\d+) new", out).group(1)) for out, _ in outputs]  # type: ignore[union-attr]
    alone = tmp_path / "alone.db"
    finish(claimgraph("--db", alone, "ingest", EXAMPLES))
    with Claimgraph.open(alone) as cg:
        expected = len(cg.store.documents())
    assert sorted(new) == [0, expected]  # one stored them all, the other found them known
    with Claimgraph.open(postgres) as cg:
        stored = cg.store.documents()
    assert len({d.id for d in stored}) == len(stored) == expected
    assert exported(postgres) == exported(alone)


def test_every_migration_has_its_postgresql_counterpart():
    assert [v for v, _ in pg_migrations()] == [v for v, _ in sqlite_migrations()]


def test_the_dialect_rewrites_only_what_differs():
    assert translate("SELECT * FROM t WHERE a = ? AND b LIKE 'x/%'") == "SELECT * FROM t WHERE a = %s AND b LIKE 'x/%%'"
    assert translate("INSERT OR IGNORE INTO k VALUES (?,?)") == "INSERT INTO k VALUES (%s,%s) ON CONFLICT DO NOTHING"
    assert translate("INSERT OR REPLACE INTO claim_group VALUES (?, ?)") == (
        "INSERT INTO claim_group VALUES (%s, %s) ON CONFLICT (claim) DO UPDATE SET grp = excluded.grp")
    assert translate("SELECT json_extract(g.data, '$.time.start'), json_extract(c, '$[0]')") == (
        "SELECT (g.data::jsonb #>> '{time,start}'), (c::jsonb #>> '{0}')")
    assert translate("ORDER BY e.name COLLATE NOCASE, e.id LIMIT ? OFFSET ?") == (
        "ORDER BY lower(e.name), e.id LIMIT nullif(%s, -1) OFFSET %s")
    assert translate("INSERT INTO mentions (id, start, end, text) VALUES (?,?,?,?)") == (
        'INSERT INTO mentions (id, start, "end", text) VALUES (%s,%s,%s,%s)')
    assert translate("WHERE display_key = ? AND named ORDER BY ord") == "WHERE display_key = %s AND named <> 0 ORDER BY ord"
    assert translate("INSERT INTO names_fts(names_fts) VALUES ('rebuild')") == SKIP
    assert translate("SELECT 1 WHERE x IN ()") == "SELECT 1 WHERE x IN (NULL)"
    assert translate("FROM claims c CROSS JOIN mentions mc ON mc.id = c.claimant") == (
        "FROM claims c JOIN mentions mc ON mc.id = c.claimant")
    assert not re.search(r"\?", translate("SELECT substr(d.published, 1, length(?)) <= ?"))


def test_no_server_is_a_one_line_error_without_the_password():
    process = claimgraph("--db", "postgresql://ana:hunter22@127.0.0.1:9/news", "stats")
    out, err = process.communicate(timeout=120)
    assert process.returncode == 1
    assert err.startswith("Error: cannot connect to postgresql://ana:***@127.0.0.1:9/news") and "Traceback" not in err
    assert "hunter22" not in err and len(err.strip().splitlines()) == 1


def test_an_empty_database_is_no_store_until_an_ingest_makes_it_one(postgres: str):
    process = claimgraph("--db", postgres, "stats")
    out, err = process.communicate(timeout=120)
    assert process.returncode == 1 and "No claimgraph store at" in err
    with Claimgraph.open(postgres) as cg:  # created on first write
        assert cg.store.count("documents") == 0


def test_the_pages_read_the_same_from_both_backends(postgres: str, tmp_path: Path):
    """Every read a page makes gives the same answer on PostgreSQL as on SQLite."""
    from claimgraph.store.browse import ClaimFilter

    answers = []
    for db in (postgres, str(tmp_path / "same.db")):
        with Claimgraph.open(db) as cg:
            cg.ingest([EXAMPLES])
            s = cg.store
            person = s.entity_ids_named("Ruslan Dzhabrailov")[0]
            answers.append([
                s.claim_facets(), s.entity_rows(10, 0), s.entity_rows(10, 5, order="name"), s.entity_type_counts(),
                s.claims_page(ClaimFilter(subject=person), 5), s.claims_page(ClaimFilter(until="2024"), 3, 2),
                s.conflicts(), s.graph_groups(50), s.entity_documents(person), s.outlets(), s.group_outlets(),
                s.statements(limit=5), s.count_documents_where("near-copy"), s.entity(person), s.groups(subject=person),
                s.search_entities("Dzhabrailov"), s.count_matches("Karsian"),
            ])
    assert answers[0] == answers[1]
