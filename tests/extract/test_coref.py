"""Coreference: one test (or more) per sieve, on sentences written for these tests."""

from __future__ import annotations

import pytest

from claimgraph.extract.coref import prepare
from claimgraph.extract.coref.detect import NAME
from claimgraph.extract.coref.sieves import State, _initials, acronym_and_demonym, exact_match, relaxed_match
from claimgraph.extract.mentions import extract_mentions
from claimgraph.ingest.dedupe import document_id
from claimgraph.model import Document
from claimgraph.nlp.pipeline import load_pipeline
from claimgraph.words import is_demonym_of
from tests.extract.helpers import claims_of, extract


def links(text: str) -> dict[str, tuple[str, str]]:
    """'she@12' -> ('Nadia Rahimi', 'pronoun sieve: ...'): every linked mention, its antecedent's
    text followed to the name it leads to, and the sieve that linked it."""
    _, out, _ = extract(text, publisher=None)
    by_id = {m.id: m for m in out.mentions}
    found = {}
    for m in out.mentions:
        if m.antecedent is None:
            continue
        root = m
        while root.antecedent is not None:
            root = by_id[root.antecedent]
        found[f"{m.text}@{m.start}"] = (root.text, m.sieve or "")
    return found


def linked(text: str, word: str, nth: int = 0) -> tuple[str, str] | None:
    """Where the nth occurrence of `word` leads, and by which sieve (None when unlinked)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return links(text).get(f"{word}@{start}")


def test_speaker_sieve_first_person_inside_a_quotation_is_the_speaker():
    text = '"I will not resign while the audit continues," Maria Santos said on Tuesday.'
    assert linked(text, "I") == ("Maria Santos", linked(text, "I")[1])  # type: ignore[index]
    assert linked(text, "I")[1].startswith("speaker sieve")  # type: ignore[index]


def test_exact_match_sieve_repeats_a_definite_description():
    text = ("Detectives questioned Omar Haddad, the driver, on Monday. "
            "On Wednesday prosecutors said the driver had been released without charge.")
    root, sieve = linked(text, "driver", 1)  # type: ignore[misc]
    assert root == "Omar Haddad" and sieve.startswith("exact match sieve")


def test_appositive_sieve_links_a_description_beside_a_name():
    root, sieve = linked("Leila Farouk, the bakery's founder, resigned on Friday.", "bakery's founder")  # type: ignore[misc]
    assert root == "Leila Farouk" and sieve.startswith("appositive sieve")


def test_role_appositive_sieve_links_a_title_to_its_name():
    root, sieve = linked("The ferry was delayed by fog, said captain Oscar Lind.", "captain")  # type: ignore[misc]
    assert root == "Oscar Lind" and sieve.startswith("role appositive sieve")


def test_predicate_nominative_sieve_links_the_subject_and_its_description():
    root, sieve = linked("Daniel Okafor is the new head of the rowing club.", "new head")  # type: ignore[misc]
    assert root == "Daniel Okafor" and sieve.startswith("predicate nominative sieve")


def test_relative_pronoun_sieve():
    root, sieve = linked("Ines Moreau, who leads the city orchestra, arrived late to the rehearsal.", "who")  # type: ignore[misc]
    assert root == "Ines Moreau" and sieve.startswith("relative pronoun sieve")


def test_reflexive_sieve():
    root, sieve = linked("Samuel Achebe described himself as a reluctant candidate.", "himself")  # type: ignore[misc]
    assert root == "Samuel Achebe" and sieve.startswith("reflexive sieve")


def test_head_match_sieve_and_its_modifier_guard():
    text = ("The Harbour Workers Federation called a strike in Rotterdam. "
            "The federation said its members would stay out for a week. "
            "A regional federation in Antwerp refused to join.")
    root, sieve = linked(text, "federation")  # type: ignore[misc]
    assert root == "Harbour Workers Federation" and sieve.startswith("head match sieve")
    assert linked(text, "regional federation") is None  # a modifier the federation never had


def test_description_sieve_takes_up_the_salient_person():
    text = "Clara Weiss won the documentary prize in Lyon. The actress thanked the festival jury."
    root, sieve = linked(text, "actress")  # type: ignore[misc]
    assert root == "Clara Weiss" and sieve.startswith("description sieve")


def test_description_sieve_leaves_a_possessed_or_new_person_alone():
    text = "Clara Weiss won the documentary prize in Lyon. Her lawyer thanked the jury. The other actress left early."
    assert linked(text, "Her lawyer") is None and linked(text, "other actress") is None


def test_pronoun_sieve_agrees_in_gender():
    text = "Helen Marsh met Victor Lang in Oslo on Monday. She praised his novel."
    she, his = linked(text, "She"), linked(text, "his")
    assert she is not None and she[0] == "Helen Marsh" and "female" in she[1]
    assert his is not None and his[0] == "Victor Lang" and "male" in his[1]


def test_pronoun_sieve_it_takes_an_organisation_not_a_person():
    text = "Victor Lang joined the Harbour Workers Federation in May. It said talks with the port had failed."
    root, sieve = linked(text, "It")  # type: ignore[misc]
    assert root == "Harbour Workers Federation" and "not a person" in sieve


def test_pronoun_sieve_never_binds_a_co_argument():
    found = linked("Victor Lang praised him after the match.", "him")
    assert found is None or found[0] != "Victor Lang"


def test_pleonastic_it_refers_to_nothing():
    assert linked("The Harbour Workers Federation met. It is unclear whether the strike will end.", "It") is None


def test_a_new_person_is_not_absorbed():
    text = ("Police arrested Omar Haddad in Leeds on Monday. "
            "A second man, Ali Karimov, was detained on Tuesday. He was released on bail.")
    assert linked(text, "second man")[0] == "Ali Karimov"  # type: ignore[index]
    assert linked(text, "He")[0] == "Ali Karimov"  # type: ignore[index]


def test_generic_nominals_stay_unlinked():
    text = "Officials said a man was injured in the blast. He was taken to a hospital."
    _, out, _ = extract(text, publisher=None)
    assert not [m for m in out.mentions if m.is_reference]


def state_after(text: str, *sieves) -> tuple[State, dict[str, int]]:
    doc = load_pipeline()(text)
    document = Document(id=document_id(text), source="test", text=text, language="en")
    state = prepare(doc, extract_mentions(document, doc))
    for sieve in sieves:
        sieve(state)
    return state, {text[c.start : c.end]: c.index for c in state.cands}


def test_relaxed_match_sieve_joins_a_family_name_to_the_full_name():
    state, at = state_after("Helen Mirza opened the new library. Mirza said it had taken four years.", relaxed_match)
    assert state.clusters.same(at["Helen Mirza"], at["Mirza"])


def test_a_family_name_said_again_stays_with_the_person_it_named_first():
    # "Mirza" after the sister's full name is still Helen Mirza: a cluster that holds one full name
    # is not joined to another by a family name they share
    text = ("Helen Mirza opened the library. Mirza said it took years. Her sister Lina Mirza cried. "
            "Mirza thanked the city.")
    state, _ = state_after(text, exact_match, relaxed_match)
    index = {text[c.start : c.end] + f"@{c.start}": c.index for c in state.cands}
    helen, lina = index["Helen Mirza@0"], next(i for k, i in index.items() if k.startswith("Lina Mirza"))
    last = next(i for k, i in index.items() if k.startswith("Mirza@") and int(k.split("@")[1]) > 80)
    assert not state.clusters.same(helen, lina)
    assert state.clusters.same(helen, last)


@pytest.mark.parametrize("text,a,b", [
    ("The Northern Rail Union (NRU) called a strike. The NRU said pay talks had failed.", "Northern Rail Union", "NRU"),
])
def test_acronym_sieve(text: str, a: str, b: str):
    state, at = state_after(text, acronym_and_demonym)
    assert state.clusters.same(at[a], at[b])


def _every_pair(s: State) -> None:
    """The acronym and demonym sieve as first written: every name against every earlier one."""
    names = [c for c in s.cands if c.kind == NAME and c.type in ("ORG", "PLACE")]
    for c in names:
        text = s.text(c)
        for other in names:
            if other.index >= c.index or s.clusters.same(c.index, other.index):
                continue
            earlier = s.text(other)
            if text.isupper() and 2 <= len(text) <= 6 and _initials(earlier) == text:
                s.clusters.link(c.index, other.index, f"acronym sieve: {text!r} is the initials of {earlier!r}")
            elif " " not in text and (is_demonym_of(text, earlier) or is_demonym_of(earlier, text)):
                s.clusters.link(c.index, other.index, f"demonym sieve: {text!r} and {earlier!r}")


def test_acronym_and_demonym_sieve_links_what_comparing_every_pair_links():
    text = ("The Coastal Fisheries Board (CFB) met delegates from Russia and Iraq in Beirut. Russian officials "
            "said the CFB would publish its figures. Iraqi boats and Lebanese trawlers share the grounds off Lebanon, "
            "the Pacific Trawler Association said. The PTA and the Russian navy will meet in Iraq in May; "
            "Russia, Lebanon and the CFB agreed.")
    fast, at = state_after(text, acronym_and_demonym)
    slow, _ = state_after(text, _every_pair)
    assert fast.clusters.links == slow.clusters.links
    assert {link.reason.split(":")[0] for link in fast.clusters.links} == {"acronym sieve", "demonym sieve"}


def test_claims_about_a_pronoun_point_at_the_linked_person():
    rows = claims_of("Maria Santos was arrested in Porto on Monday. She was released on Friday.", "released")
    assert rows and rows[0]["subject"] == "Maria Santos"


def test_a_pronoun_claimant_is_the_linked_speaker():
    rows = claims_of("Victor Lang spoke to reporters in Oslo. He said Omar Haddad was killed in the raid.", "dead")
    assert rows and rows[0]["subject"] == "Omar Haddad" and rows[0]["claimant"] == "Victor Lang"


def test_every_reference_points_into_the_text_and_at_a_mention_of_the_document():
    text = "Clara Weiss won the prize. The actress said she would donate it. Her brother, Karl Weiss, was there."
    _, out, _ = extract(text, publisher=None)
    ids = {m.id for m in out.mentions}
    for m in out.mentions:
        if m.start is not None and m.end is not None:
            assert text[m.start : m.end] == m.text
        if m.antecedent is not None:
            assert m.antecedent in ids and m.sieve


@pytest.mark.parametrize("text", [
    "Police arrested a 61-year-old former employee on Friday. Eric Hale, 61, was charged with murder on Monday.",
    "Omar Haddad, 34, ran the shop. Police later arrested a 34-year-old man at his home.",
    "A 45-year-old teacher was detained overnight. The teacher, Lena Moss, 45, denied the charge.",
])
def test_a_description_by_age_is_the_one_person_of_that_age(text: str):
    person = next(p for p in ("Eric Hale", "Omar Haddad", "Lena Moss") if p in text)
    assert [r["subject"] for r in claims_of(text, "arrested")] == [person]


def test_an_age_two_people_share_names_nobody():
    text = ("Eric Hale, 61, and Ann Roy, 61, ran the firm. Police arrested a 61-year-old former employee on Friday.")
    assert not [r for r in claims_of(text, "arrested") if r["subject"] in ("Eric Hale", "Ann Roy")]
