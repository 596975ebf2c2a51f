"""Reports in other languages, end to end: Russian and French analysed into the same claims as
English, their people joined to the English entities across scripts; every other language stored,
searchable and linked by the names the store already knows. Every text is written for these tests."""

from __future__ import annotations

from pathlib import Path

from claimgraph.api import Claimgraph
from claimgraph.query import View, find_entity, search

ENGLISH = ("Militia leader Gulmurod Khalimov killed, ministry says\n\nHarbor Post — May 2, 2025\n\n"
           "The Tavrian defence ministry said on Thursday that Gulmurod Khalimov, the leader of the Black Hill Front, "
           "was killed in a raid near the town of Sarek.\n")
RUSSIAN = ("Минобороны заявило о гибели Гулмурода Халимова\n\nВестник Сарека — 3 мая 2025\n\n"
           "Министерство обороны Таврии заявило, что Гулмурод Халимов был убит в ходе рейда.\n\n"
           "Брат Халимова Азиз Рахимов опроверг сообщения о его гибели.\n")
FRENCH = ("Le chef du Front de la Colline noire arrêté\n\nLa Gazette de Sarek — 5 mai 2025\n\n"
          "Selon la police, Gulmurod Khalimov a été arrêté mardi à Sarek.\n")
ITALIAN = ("Il comandante Gulmurod Khalimov e la guerra nelle colline\n\nCorriere di Sarek — 6 maggio 2025\n\n"
           "Secondo fonti locali, Gulmurod Khalimov sarebbe ancora vivo. La notizia della sua morte, diffusa dal "
           "ministero della difesa, non è stata confermata da nessuna fonte indipendente.\n")
ARABIC = "قال مصدر محلي إن غولمورود خاليموف لا يزال على قيد الحياة بعد الغارة على البلدة، وإن رجاله ما زالوا في الجبال.\n"


def _ingest(tmp_path: Path, texts: dict[str, str], db: str = "x.db") -> Claimgraph:
    folder = tmp_path / db.replace(".db", "")
    folder.mkdir(exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    cg = Claimgraph.open(tmp_path / db)
    cg.ingest([folder])
    return cg


def _claims_about(cg: Claimgraph, name: str, predicate: str) -> list[dict]:
    return [c for c in cg.claims(subject=name, predicate=predicate)]


def test_a_russian_and_a_french_report_join_the_english_person(tmp_path: Path):
    with _ingest(tmp_path, {"1_en.txt": ENGLISH, "2_ru.txt": RUSSIAN, "3_fr.txt": FRENCH}) as cg:
        person = find_entity(cg.store, "Gulmurod Khalimov")
        names = {n for n, _ in person.aliases}
        assert {"Гулмурод Халимов", "Gulmurod Khalimov"} <= names  # "Гулмурода Халимова" read in its base form
        assert person.name == "Gulmurod Khalimov"  # the Latin-script name is shown
        languages = {d.language: d for d in cg.store.documents()}
        assert languages["ru"].status == "analysed" and languages["fr"].status == "analysed"
        deaths = _claims_about(cg, "Gulmurod Khalimov", "dead")
        by_language = {(languages_of(cg, c), c["modality"]) for c in deaths}
        assert ("ru", "reported") in by_language and ("ru", "denied") in by_language and ("en", "reported") in by_language
        arrests = _claims_about(cg, "Gulmurod Khalimov", "arrested")
        view = View(cg.store)
        assert [(languages_of(cg, c), c["modality"], view.name(c["claimant"])) for c in arrests] == [("fr", "reported", "police")]


def languages_of(cg: Claimgraph, claim: dict) -> str:
    return cg.store.document(claim["evidence"]["document"]).language or ""


def test_an_italian_report_naming_a_known_person_is_in_the_dossier(tmp_path: Path):
    with _ingest(tmp_path, {"1_en.txt": ENGLISH}) as cg:
        cg.ingest_texts([("it.txt", ITALIAN)])
        person = find_entity(cg.store, "Gulmurod Khalimov")
        reports = cg.store.entity_documents(person.id)
        italian = [d for d, n in reports if d.language == "it"]
        assert len(italian) == 1 and italian[0].status == "linked"
        assert cg.store.claims(document=italian[0].id) == []  # linked, no claims invented
        mentions = [m for m in cg.store.mentions(document=italian[0].id) if m.start is not None]
        text = cg.store.document(italian[0].id).text
        assert "Gulmurod Khalimov" in {text[m.start : m.end] for m in mentions}
        assert search(cg.store, "comandante")["total_documents"] == 1


def test_an_italian_report_in_the_same_run_is_linked_after_the_run_resolves(tmp_path: Path):
    with _ingest(tmp_path, {"1_en.txt": ENGLISH, "2_it.txt": ITALIAN}) as cg:
        person = find_entity(cg.store, "Gulmurod Khalimov")
        assert any(d.language == "it" for d, _ in cg.store.entity_documents(person.id))


def test_a_report_in_arabic_script_is_linked_through_transliteration(tmp_path: Path):
    with _ingest(tmp_path, {"1_en.txt": ENGLISH}) as cg:
        cg.ingest_texts([("ar.txt", ARABIC)])
        arabic = [d for d in cg.store.documents() if d.language == "ar"][0]
        person = find_entity(cg.store, "Gulmurod Khalimov")
        linked = [m for m in cg.store.mentions(document=arabic.id) if m.start is not None]
        assert [arabic.text[m.start : m.end] for m in linked] == ["غولمورود خاليموف"]
        assert all(m.entity == person.id for m in linked)


def test_search_finds_words_of_every_language(tmp_path: Path):
    with _ingest(tmp_path, {"2_ru.txt": RUSSIAN, "4_it.txt": ITALIAN}) as cg:
        assert search(cg.store, "рейда")["total_documents"] == 1
        assert search(cg.store, "colline")["total_documents"] == 1


def test_exports_and_claim_lines_say_each_report_s_language(tmp_path: Path):
    import csv
    import io
    import json

    from typer.testing import CliRunner

    from claimgraph.cli import app

    with _ingest(tmp_path, {"1_en.txt": ENGLISH, "2_ru.txt": RUSSIAN}) as cg:
        buf = io.StringIO()
        cg.export(buf, "csv")
        rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
        by_language = {r["language"] for r in rows if r["predicate"] == "dead"}
        assert by_language == {"en", "ru"}
        assert all(r["language"] == "ru" for r in rows if r["file"] == "2_ru.txt")
        buf = io.StringIO()
        cg.export(buf, "jsonl")
        documents = [json.loads(line) for line in buf.getvalue().splitlines() if '"type": "document"' in line[:30]]
        assert sorted(d["language"] for d in documents) == ["en", "ru"]
        inflected = [m for line in buf.getvalue().splitlines() if line.startswith('{"type": "entity"')
                     for m in json.loads(line)["mentions"] if m.get("name")]
        assert {"text": "Гулмурода Халимова", "name": "Гулмурод Халимов"} in [{"text": m["text"], "name": m["name"]} for m in inflected]
    lines = CliRunner().invoke(app, ["--db", str(tmp_path / "x.db"), "claims", "--predicate", "dead"]).output
    assert "2_ru.txt, in ru" in lines and "1_en.txt, in" not in lines
