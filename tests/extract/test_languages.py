"""Claims in Russian and French: the same model as English — subject, predicate, claimant and
modality — from each language's frames and words (extract/frames/ru, extract/frames/fr).
Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from claimgraph.extract.document import extract_document
from claimgraph.extract.frames import REGISTRY
from claimgraph.ingest.dedupe import document_id
from claimgraph.model import Document
from claimgraph.nlp.languages import load_language


def claims(text: str, language: str) -> list[tuple[str, str, str | None, str, str | None]]:
    """(subject, predicate, object, modality, claimant) of every claim, claimant None for the publisher."""
    doc = Document(id=document_id(text), source="test", text=text, publisher="Test Wire", language=language)
    out = extract_document(doc, load_language(language)(text))
    names = {m.id: m.text for m in out.mentions}
    for c in out.claims:
        assert text[c.evidence.start : c.evidence.end] == c.evidence.text  # evidence points at its sentence
    rows = []
    for c in out.claims:
        obj = c.object or {}
        rows.append((names[c.subject], c.predicate, names.get(obj.get("mention", "")) or obj.get("value"), str(c.modality),
                     names.get(c.claimant or "")))
    return rows


def test_each_language_registers_frames_and_a_lexicon():
    assert {"ru", "fr"} <= set(REGISTRY.languages()) and {"ru", "fr"} <= set(REGISTRY.lexicons)
    assert REGISTRY.frames_for("VERB", "убить", "ru") and REGISTRY.frames_for("VERB", "tuer", "fr")
    assert not REGISTRY.frames_for("VERB", "kill", "ru") and REGISTRY.frames_for("VERB", "убить") == []


# ---- Russian ----

def test_ru_a_ministry_announces_a_death():
    rows = claims("Министерство внутренних дел Дагестана сообщило, что в перестрелке был убит главарь банды Магомед Алиев.", "ru")
    assert ("Магомед Алиев", "dead", None, "reported", "Министерство внутренних дел Дагестана") in rows


def test_ru_a_denial_of_a_death():
    rows = claims("Брат боевика Тимур Гаджиев опроверг сообщения о смерти Магомеда Алиева.", "ru")
    assert ("Магомед Алиев", "dead", None, "denied", "Тимур Гаджиев") in rows


def test_ru_a_negated_arrest_is_denied_and_an_arrest_by_a_source_is_reported():
    rows = claims("По данным источника в полиции, Сергея Волкова задержали в Казани. Полиция не задерживала Олега Рябова.", "ru")
    assert ("Сергей Волков", "arrested", None, "reported", "источник в полиции") in rows
    assert ("Олег Рябов", "arrested", None, "denied", None) in rows


def test_ru_hedges_and_inflected_names():
    rows = claims("Вадим Козлов якобы был ранен под Грозным. Позднее Козлова освободили.", "ru")
    assert ("Вадим Козлов", "wounded", None, "hedged", None) in rows
    assert ("Козлов", "released", None, "asserted", None) in rows  # "Козлова" in its base form


def test_ru_a_title_gives_role_and_leader_of():
    rows = claims("Командир батальона «Восток» Арсен Павлов погиб в понедельник.", "ru")
    assert ("Арсен Павлов", "role", "командир батальона «Восток»", "asserted", None) in rows
    assert ("Арсен Павлов", "leader_of", "Восток", "asserted", None) in rows
    assert ("Арсен Павлов", "dead", None, "asserted", None) in rows


def test_ru_a_member_noun_gives_member_of_the_named_group():
    rows = claims("Боевик группировки «Чёрный полумесяц» Аслан Мусаев был задержан в Назрани.", "ru")
    assert ("Аслан Мусаев", "member_of", "Чёрный полумесяц", "asserted", None) in rows
    assert ("Аслан Мусаев", "arrested", None, "asserted", None) in rows
    assert not [r for r in rows if r[1] == "leader_of"]


def test_ru_a_reported_clause_before_its_speaker():
    rows = claims("Гулмурод Халимов не погиб, сообщил его брат Азиз Рахимов.", "ru")
    assert ("Гулмурод Халимов", "dead", None, "denied", "Азиз Рахимов") in rows


def test_ru_a_speaker_says_someone_is_alive():
    rows = claims("Адвокат Ирина Белова заявила, что Павел Зотов жив.", "ru")
    assert ("Павел Зотов", "alive", None, "reported", "Ирина Белова") in rows


# ---- French ----

def test_fr_a_ministry_announces_a_death():
    rows = claims("Le ministère de l'Intérieur a annoncé que Karim Benali avait été tué lors d'un assaut.", "fr")
    assert ("Karim Benali", "dead", None, "reported", "ministère de l'Intérieur") in rows


def test_fr_a_denial_and_a_conditional_report():
    rows = claims("L'avocat de la famille, Jeanne Roux, a démenti la mort de Karim Benali. "
                  "Selon Le Figaro, Karim Benali aurait été blessé.", "fr")
    assert ("Karim Benali", "dead", None, "denied", "Jeanne Roux") in rows
    assert ("Karim Benali", "wounded", None, "hedged", "Le Figaro") in rows


def test_fr_an_arrest_reported_by_a_source_and_a_negated_release():
    rows = claims("D'après la gendarmerie, Lucas Fabre a été arrêté à Nantes. Lucas Fabre n'a pas été libéré.", "fr")
    assert ("Lucas Fabre", "arrested", None, "reported", "gendarmerie") in rows
    assert ("Lucas Fabre", "released", None, "denied", None) in rows


def test_fr_a_reported_clause_before_its_inverted_speaker():
    rows = claims("Karim Benali n'est pas mort, a affirmé son frère Yacine Benali. "
                  "Lucas Fabre est vivant, affirme Yacine Benali.", "fr")
    assert ("Karim Benali", "dead", None, "denied", "Yacine Benali") in rows
    assert ("Lucas Fabre", "alive", None, "reported", "Yacine Benali") in rows


def test_fr_a_member_noun_gives_member_of_the_named_group():
    rows = claims("Idris Malsagov, porte-parole de la Brigade du Nord, a déclaré que Karim Benali était vivant.", "fr")
    assert ("Idris Malsagov", "role", "porte-parole de la Brigade du Nord", "asserted", None) in rows
    assert ("Idris Malsagov", "member_of", "Brigade du Nord", "asserted", None) in rows
    assert ("Karim Benali", "alive", None, "reported", "Idris Malsagov") in rows


def test_fr_a_title_the_parser_cut_off_at_the_comma():
    rows = claims("Un membre du Front populaire, Ali Kader, a été libéré jeudi.", "fr")
    assert ("Ali Kader", "member_of", "Front populaire", "asserted", None) in rows
    assert ("Ali Kader", "released", None, "asserted", None) in rows


def test_fr_unconfirmed_information_is_hedged():
    rows = claims("Selon des informations non confirmées, Hugo Martel a été tué.", "fr")
    assert ("Hugo Martel", "dead", None, "hedged", None) in rows


def test_fr_a_title_gives_role_and_leader_of():
    rows = claims("Le chef du Front de libération de l'Aïr, Moussa Kader, a été arrêté.", "fr")
    roles = [r for r in rows if r[1] == "role"]
    assert roles and roles[0][0] == "Moussa Kader" and roles[0][2].startswith("chef du Front")
    assert any(r[0] == "Moussa Kader" and r[1] == "leader_of" for r in rows)
    assert ("Moussa Kader", "arrested", None, "asserted", None) in rows


@pytest.mark.parametrize("language", ["ru", "fr"])
def test_a_sentence_without_a_status_gives_no_status(language):
    text = {"ru": "Анна Смирнова приехала в Москву в среду.", "fr": "Anne Leroy est arrivée à Paris mercredi."}[language]
    assert [r for r in claims(text, language) if r[1] in ("dead", "wounded", "alive", "arrested", "released")] == []
