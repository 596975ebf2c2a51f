"""The whole pipeline: idempotence, incremental runs, bad input, interruption, concurrency."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from claimgraph.api import Claimgraph
from claimgraph.query import stats

REPORT = "{title}\n\nThe {org} said on Monday that {person} had been arrested in {city}, officials said.\n"


def write_reports(folder: Path, n: int, offset: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(offset, offset + n):
        p = folder / f"r{i:03}.txt"
        p.write_text(REPORT.format(title=f"Report number {i} on arrests", org="Interior Ministry",
                                   person=f"Daniel Okoro{'n' * i}", city="Lagos") + f"It was report {i}.\n")
        out.append(p)
    return out


def test_ingesting_twice_changes_nothing(cg: Claimgraph, tmp_path: Path):
    write_reports(tmp_path / "in", 3)
    first = cg.ingest([tmp_path / "in"])
    before = stats(cg.store)
    second = cg.ingest([tmp_path / "in"])
    assert len(first.new) == 3 and len(second.new) == 0 and len(second.already_known) == 3
    assert stats(cg.store) == before


def test_new_files_add_to_the_store_and_keep_entity_ids(cg: Claimgraph, tmp_path: Path):
    write_reports(tmp_path / "in", 2)
    cg.ingest([tmp_path / "in"])
    ids = {e.name: e.id for e in cg.entities()}
    write_reports(tmp_path / "in", 2, offset=2)
    report = cg.ingest([tmp_path / "in"])
    assert len(report.new) == 2
    after = {e.name: e.id for e in cg.entities()}
    assert all(after.get(name) == eid for name, eid in ids.items() if name in after)
    assert cg.store.count("documents") == 4


def test_bad_files_are_reported_and_the_batch_goes_on(cg: Claimgraph, tmp_path: Path):
    folder = tmp_path / "in"
    write_reports(folder, 2)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "latin1.txt").write_bytes("Caf\xe9 owner arrested\n\nThe police said the owner of the Caf\xe9 Royal was arrested in Lyon on Friday.".encode("cp1252"))
    (folder / "italian.txt").write_text("Il ministro ha annunciato martedì che il ponte sarà ricostruito dall'esercito entro la fine del prossimo anno.")
    report = cg.ingest([folder])
    reasons = dict(report.skipped)
    assert "empty file" in reasons[str(folder / "empty.txt")]
    assert "binary" in reasons[str(folder / "binary.txt")]
    assert len(report.new) == 4  # two reports, the repaired Windows-1252 file, the Italian one
    assert report.not_analysed and "'it'" in report.not_analysed[0][1]
    italian = [d for d in cg.store.documents() if d.language == "it"][0]
    assert italian.status == "linked" and cg.store.claims(document=italian.id) == []
    assert "Café Royal" in " ".join(d.text for d in cg.store.documents())
    assert cg.store.skipped()  # the skips are kept in the store too


def test_an_interrupted_run_keeps_finished_documents_and_no_half_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import claimgraph.analysis as analysis

    write_reports(tmp_path / "in", 5)
    calls = {"n": 0}
    real = analysis.extract_document

    def flaky(document, doc, *extra):
        calls["n"] += 1
        if calls["n"] == 4:
            raise KeyboardInterrupt
        return real(document, doc, *extra)

    monkeypatch.setattr(analysis, "extract_document", flaky)
    db = tmp_path / "x.db"
    with Claimgraph.open(db, batch_size=1) as graph, pytest.raises(KeyboardInterrupt):
        graph.ingest([tmp_path / "in"])
    monkeypatch.setattr(analysis, "extract_document", real)
    with Claimgraph.open(db) as graph:
        assert graph.store.count("documents") == 3
        for d in graph.store.documents():  # every stored document is complete
            assert graph.store.mentions(document=d.id)
        report = graph.ingest([tmp_path / "in"])
        assert len(report.new) == 2 and graph.store.count("documents") == 5


def _ingest(db: str, folder: str) -> int:
    with Claimgraph.open(db) as graph:
        return len(graph.ingest([folder]).new)


def test_two_processes_writing_at_once(tmp_path: Path):
    write_reports(tmp_path / "a", 3)
    write_reports(tmp_path / "b", 3, offset=10)
    db = str(tmp_path / "shared.db")
    Claimgraph.open(db).close()
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        results = pool.starmap(_ingest, [(db, str(tmp_path / "a")), (db, str(tmp_path / "b"))])
    assert sum(results) == 6
    with Claimgraph.open(db) as graph:
        assert graph.store.count("documents") == 6
        assert all(m.entity for m in graph.store.mentions())


def test_ingest_texts_from_python(cg: Claimgraph):
    report = cg.ingest_texts([("note-1", "Officials said Maria Santos was released from prison in Manila on Sunday.")])
    assert len(report.new) == 1
    claims = list(cg.claims(predicate="released"))
    assert claims and claims[0]["evidence"]["text"].startswith("Officials said Maria Santos")


def test_an_ingest_leaves_the_collector_as_it_found_it(cg: Claimgraph, tmp_path: Path):
    import gc

    gc.set_threshold(701, 11, 12)
    try:
        write_reports(tmp_path / "in", 1)
        cg.ingest([tmp_path / "in"])
        assert gc.get_threshold() == (701, 11, 12)
    finally:
        gc.set_threshold(700, 10, 10)


def test_the_loaded_model_is_kept_out_of_full_collections():
    import gc

    from claimgraph.nlp.pipeline import load_pipeline

    load_pipeline()
    assert gc.get_freeze_count() > 50_000  # the model's objects sit in the permanent generation
