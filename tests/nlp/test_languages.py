"""The Russian and French pipelines: verified packages, loaded offline, Docs whose offsets are the
text's, lemmas and base forms that agree with the tagger."""

from __future__ import annotations

import pytest

from claimgraph.errors import ModelError
from claimgraph.nlp.languages import ANALYSED, load_language
from claimgraph.nlp.model_files import package_folder, recorded_hashes, verify_files
from claimgraph.nlp.russian import HASHES as NATASHA_HASHES
from claimgraph.nlp.russian import _tree

RUSSIAN = ("  Полиция Омска задержала Петра Соколова в понедельник.\n\n"
           "Его брат  Игорь Соколов заявил, что Пётр невиновен.\nДело передано в суд.\n")


def test_every_analysed_language_has_a_pipeline():
    assert set(ANALYSED) == {"en", "fr", "ru"}
    assert load_language("ru").lang == "ru" and load_language("fr").lang == "fr"


def test_a_russian_doc_keeps_the_text_and_its_offsets():
    doc = load_language("ru")(RUSSIAN)
    assert doc.text == RUSSIAN
    assert all(RUSSIAN[t.idx : t.idx + len(t.text)] == t.text for t in doc)
    # a sentence never runs over a line break
    assert all("\n" not in s.text.strip() for s in doc.sents)
    assert [s.text.strip() for s in doc.sents][-1] == "Дело передано в суд."


def test_russian_lemmas_and_names_in_their_base_form():
    doc = load_language("ru")(RUSSIAN)
    by_text = {t.text: t for t in doc}
    assert by_text["задержала"].lemma_ == "задержать" and by_text["заявил"].lemma_ == "заявить"
    assert by_text["Петра"].norm_ == "Пётр" or by_text["Петра"].norm_ == "Петр"
    assert by_text["Соколова"].norm_ == "Соколов"
    assert by_text["Омска"].norm_ == "Омск"
    people = [e.text for e in doc.ents if e.label_ == "PER"]
    assert "Петра Соколова" in people and "Игорь Соколов" in people


def test_a_russian_parse_is_one_tree_a_sentence():
    doc = load_language("ru")(RUSSIAN)
    for sent in doc.sents:
        assert sum(1 for t in sent if t.head.i == t.i) == 1
        assert all(sent.start <= t.head.i < sent.end for t in sent)


def test_a_broken_parse_is_mended_into_a_tree():
    # a second root hangs from the first; a cycle (3 <-> 4) is cut where it is first met
    assert _tree([0, 1, 0, 5, 4]) == [-1, 0, 0, 0, 3]
    assert _tree([2, 0, 2]) == [1, -1, 1]


def test_a_french_doc_is_parsed_with_lemmas_and_names():
    text = "La police a arrêté Julien Mercier à Marseille.\nIl a été libéré mardi."
    doc = load_language("fr")(text)
    assert doc.text == text
    assert any(t.lemma_ == "arrêter" for t in doc)
    assert ("Julien Mercier", "PER") in [(e.text, e.label_) for e in doc.ents]
    assert len(list(doc.sents)) == 2


def test_the_natasha_package_is_the_recorded_release(tmp_path):
    expected = recorded_hashes(NATASHA_HASHES)
    assert any(name.endswith("slovnet_syntax_news_v1.tar") for name in expected)
    verify_files(package_folder("natasha"), expected, "natasha")  # the installed one passes
    copy = tmp_path / "natasha"
    (copy / "data").mkdir(parents=True)
    (copy / "data" / "extra.bin").write_bytes(b"weights")
    with pytest.raises(ModelError, match="not the verified release"):
        verify_files(copy, expected, "natasha")


def test_a_french_sentence_cut_at_a_comma_is_one_tree_again():
    text = "Un membre du Front populaire, Ali Kader, a été libéré jeudi.\nLe tribunal, lui, se tait."
    doc = load_language("fr")(text)
    sents = list(doc.sents)
    assert [s.text.strip() for s in sents] == text.split("\n")  # a line break still ends a sentence
    assert all(sum(1 for t in s if t.head.i == t.i) == 1 for s in sents)
