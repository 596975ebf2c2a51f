"""The frame registry and each frame family, on sentences written for these tests (three or
more wordings per frame, across topics)."""

from __future__ import annotations

import pytest
from spacy.tokens import Token

from claimgraph.extract.frames import REGISTRY, Frame, Registry
from claimgraph.extract.frames.engine import apply
from claimgraph.extract.frames.numbers import number_value
from claimgraph.extract.predicates.base import Context
from tests.extract.helpers import claims_of


def has(rows, **expected) -> bool:
    return any(all(r[k] == v for k, v in expected.items()) for r in rows)


def check(text: str, predicate: str, **expected) -> None:
    rows = claims_of(text, predicate)
    assert has(rows, **expected), f"no {predicate} claim with {expected} in {[(r['subject'], r['object'], r['modality']) for r in rows]}"


# ---- the registry -------------------------------------------------------------------------


def test_registry_indexes_every_trigger_and_rejects_duplicates():
    registry = Registry()
    frame = Frame("test.hired.v1", "member_of", verbs=frozenset({"hire"}), subject=("patient",), object=("agent",))
    registry.add(frame)
    assert registry.frames_for("VERB", "hire") == [frame]
    assert registry.frames_for("NOUN", "hire") == []
    with pytest.raises(ValueError, match="registered twice"):
        registry.add(frame)


def test_every_shipped_frame_names_a_known_predicate_and_slot():
    from claimgraph.extract.frames.slots import SLOTS
    from claimgraph.model import PREDICATES

    assert REGISTRY.frames and REGISTRY.patterns
    for frame in REGISTRY.frames:
        assert frame.predicate in PREDICATES, frame.name
        for slot in frame.subject + frame.object + frame.agent + frame.place + tuple(s for s, _ in frame.requires):
            assert slot.startswith("prep:") or slot in SLOTS, (frame.name, slot)


def test_a_new_frame_is_one_entry():
    """Adding a predicate's trigger family is data: the engine reads it like any other."""
    from claimgraph.nlp.pipeline import load_pipeline

    frame = Frame("test.mentored.v1", "trained_by", verbs=frozenset({"mentor"}), subject=("patient",),
                  object=("agent",), subject_types=("PERSON",), object_types=("ORG", "PERSON"))
    from claimgraph.model import Mention

    text = "Kofi Mensah was mentored by Ada Obi."
    doc = load_pipeline()(text)
    mentions = [Mention(id="m:1", document="d", start=0, end=11, text="Kofi Mensah", type="PERSON", label="test"),
                Mention(id="m:2", document="d", start=28, end=35, text="Ada Obi", type="PERSON", label="test")]
    by_token = {t.i: m for m in mentions for t in doc.char_span(m.start or 0, m.end or 0) or []}
    ctx = Context(doc, next(iter(doc.sents)), mentions, by_token, text)
    trigger: Token = next(t for t in doc if t.lemma_ == "mentor")
    found = list(apply(ctx, frame, trigger))
    assert [(f.subject.text, f.object.text) for f in found if not isinstance(f.object, dict) and f.object] == [("Kofi Mensah", "Ada Obi")]


# ---- posts --------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "subject", "value"), [
    ("The board appointed Helen Achterberg as chief executive of Norvik Shipping on Monday.", "Helen Achterberg", "chief executive of Norvik Shipping"),
    ("Carlos Mendes was named head coach of the Lisbon Lions after a long search.", "Carlos Mendes", "head coach of the Lisbon Lions"),
    ("Parliament elected Ingrid Solberg speaker of the chamber.", "Ingrid Solberg", "speaker of the chamber"),
])
def test_appointed(text: str, subject: str, value: str):
    check(text, "role", subject=subject, object=value, modality="asserted")


def test_appointed_as_leader_implies_leading_the_organisation():
    check("The board appointed Helen Achterberg as chief executive of Norvik Shipping.", "leader_of",
          subject="Helen Achterberg", object="Norvik Shipping")
    check("Tomas Brandt was hired as a reporter for the Baltic Courier.", "member_of",
          subject="Tomas Brandt", object="Baltic Courier")


@pytest.mark.parametrize(("text", "subject", "value"), [
    ("Lukas Weber was fired as manager of Rapid Linz after six defeats.", "Lukas Weber", "manager of Rapid Linz"),
    ("Mira Kovac resigned as finance minister on Friday.", "Mira Kovac", "finance minister"),
    ("Yusuf Demir stepped down as chairman of the Anatolia Bank last spring.", "Yusuf Demir", "chairman of the Anatolia Bank"),
])
def test_leaving_a_post_is_denied(text: str, subject: str, value: str):
    check(text, "role", subject=subject, object=value, modality="denied")


def test_not_fired_is_not_denied():
    rows = claims_of("Lukas Weber was not fired as manager of Rapid Linz, the club said.", "role")
    assert not has(rows, subject="Lukas Weber", modality="denied")


@pytest.mark.parametrize(("text", "subject", "org"), [
    ("Priya Raman joined the Green Alliance in 2015.", "Priya Raman", "Green Alliance"),
    ("Daniel Okoro works for Lagos Telecom as an engineer.", "Daniel Okoro", "Lagos Telecom"),
    ("The striker Jonas Berg signed for Malmo Athletic last summer.", "Jonas Berg", "Malmo Athletic"),
])
def test_joining(text: str, subject: str, org: str):
    check(text, "member_of", subject=subject, object=org)


def test_quitting_an_organisation_is_a_denied_membership():
    check("Anna Lindqvist quit the Harbour Party after the vote.", "member_of", subject="Anna Lindqvist",
          object="Harbour Party", modality="denied")
    check("Omar Haddad was dismissed from Crescent Airlines in March.", "member_of", subject="Omar Haddad",
          object="Crescent Airlines", modality="denied")


@pytest.mark.parametrize(("text", "subject", "org"), [
    ("Maria Vega heads the Andes Mining Company.", "Maria Vega", "Andes Mining Company"),
    ("In 1998 Pieter de Wit founded the Delta Film Institute.", "Pieter de Wit", "Delta Film Institute"),
    ("Nadia Karimova chairs the Tashkent Chamber of Commerce.", "Nadia Karimova", "Tashkent Chamber of Commerce"),
])
def test_leading(text: str, subject: str, org: str):
    check(text, "leader_of", subject=subject, object=org)


# ---- titles and appositions -----------------------------------------------------------------


@pytest.mark.parametrize(("text", "subject", "value"), [
    ("Harbour Times reporter Lena Fischer broke the story.", "Lena Fischer", "Harbour Times reporter"),
    ("Sgt. Paolo Russo arrested the two men.", "Paolo Russo", "Sergeant"),
    ("Former Interior Minister Kwame Asante denied the report.", "Kwame Asante", "Former Interior Minister"),
])
def test_titles_before_names(text: str, subject: str, value: str):
    check(text, "role", subject=subject, object=value, modality="asserted")


@pytest.mark.parametrize(("text", "subject", "value"), [
    ("Dr. Amara Osei, a neurologist and adviser to the Accra Health Board, spoke first.", "Amara Osei", "neurologist"),
    ("Dr. Amara Osei, a neurologist and adviser to the Accra Health Board, spoke first.", "Amara Osei", "adviser to the Accra Health Board"),
    ("Jan Novak, who has been acting mayor since March, declined to comment.", "Jan Novak", "acting mayor"),
    ("Felix Braun is the longtime treasurer of the Rhine Rowing Club.", "Felix Braun", "longtime treasurer of the Rhine Rowing Club"),
])
def test_appositions_and_predicate_nouns(text: str, subject: str, value: str):
    check(text, "role", subject=subject, object=value)


def test_a_title_in_a_quoted_sentence_stays_the_authors():
    check("Port Authority spokesman Liam Walsh said the ferry had been seized.", "role", subject="Liam Walsh",
          object="Port Authority spokesman", modality="asserted", claimant=None)


def test_nationality_in_a_title_gives_origin():
    check("The Chilean novelist Isabel Rojas won the prize.", "origin", subject="Isabel Rojas", object="Chilean")
    check("Bao Nguyen, a Vietnamese engineer, led the team.", "origin", subject="Bao Nguyen", object="Vietnamese")
    check("Eva Horvath is a Hungarian swimmer who trains in Vienna.", "origin", subject="Eva Horvath", object="Hungarian")


# ---- places -------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "subject", "place"), [
    ("Rafael Ortiz remained in Caracas throughout the crisis.", "Rafael Ortiz", "Caracas"),
    ("After the verdict, Mei Tanaka fled to Singapore.", "Mei Tanaka", "Singapore"),
    ("Sofia Marin checked into the Alpine Recovery Clinic on Sunday.", "Sofia Marin", "Alpine Recovery Clinic"),
    ("Viktor Hale is now at the Westgate Hospital, his family said.", "Viktor Hale", "Westgate Hospital"),
])
def test_being_somewhere(text: str, subject: str, place: str):
    check(text, "located_in", subject=subject, object=place)


def test_never_entered_is_denied():
    check("Sofia Marin never entered the Alpine Recovery Clinic.", "located_in", subject="Sofia Marin",
          object="Alpine Recovery Clinic", modality="denied")


@pytest.mark.parametrize(("text", "subject", "place"), [
    ("The Nairobi-based Savanna Trust funds the project.", "Savanna Trust", "Nairobi"),
    ("Delia Cruz, a Manila resident, filed the complaint.", "Delia Cruz", "Manila"),
    ("The Berlin Symphony Orchestra toured Asia before returning to Berlin.", "Berlin Symphony Orchestra", "Berlin"),
])
def test_places_read_from_words(text: str, subject: str, place: str):
    check(text, "located_in", subject=subject, object=place)


# ---- statuses -----------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "subject"), [
    ("Gustav Lind (1921 – 1998) was a Swedish physicist.", "Gustav Lind"),
    ("The late Rosa Mendez left her library to the town.", "Rosa Mendez"),
    ("Hundreds attended the funeral of Tariq Aziz Khan in Lahore.", "Tariq Aziz Khan"),
    ("The fatal stabbing of Leon Morel shocked the neighbourhood.", "Leon Morel"),
    ("Irina Volkova was among the dead, the ministry said.", "Irina Volkova"),
])
def test_deaths_said_indirectly(text: str, subject: str):
    check(text, "dead", subject=subject)


def test_life_dates_give_the_date_of_death():
    rows = claims_of("Gustav Lind (3 May 1921 – 14 July 1998) was a Swedish physicist.", "dead")
    assert has(rows, subject="Gustav Lind", time="1998-07-14")


@pytest.mark.parametrize(("text", "subject"), [
    ("Marek Zielinski remains in custody pending trial.", "Marek Zielinski"),
    ("Paula Reyes was sent to prison for fraud in 2011.", "Paula Reyes"),
    ("Hugo Lamar served four years in a federal prison.", "Hugo Lamar"),
])
def test_custody_and_prison(text: str, subject: str):
    check(text, "arrested", subject=subject)


def test_unhurt_is_alive():
    check("The pilot, Erik Sund, escaped unhurt.", "alive", subject="Erik Sund")
    check("Nora Blake was unharmed after the blast.", "alive", subject="Nora Blake")
    check("Witnesses said Dmitri Orlov walked away unscathed.", "alive", subject="Dmitri Orlov")


# ---- counts -------------------------------------------------------------------------------


@pytest.mark.parametrize(("words", "value"), [
    ("23", "23"), ("1,200", "1,200"), ("Sixteen", "16"), ("twenty - three", "23"), ("2 million", "2000000"),
    ("a dozen", "12"), ("seven hundred", "700"), ("many", None),
])
def test_number_words(words: str, value: str | None):
    assert number_value(words) == value


@pytest.mark.parametrize(("text", "subject", "value"), [
    ("The Red Cross evacuated 41 migrants from the island.", "Red Cross", "41"),
    ("Between 200 and 300 protesters gathered in Freedom Square.", "Freedom Square", "200"),
    ("The Harbor Police detained twelve dockworkers on Monday.", "Harbor Police", "12"),
])
def test_counts(text: str, subject: str, value: str):
    rows = claims_of(text, "quantity")
    assert any(r["subject"].endswith(subject) and r["object"] == value for r in rows), rows


def test_years_and_days_are_not_counts():
    rows = claims_of("On March 18 the Delta Shipping Company reported losses for 2019.", "quantity")
    assert rows == []


def test_headline_status_reads_the_word_after_the_name():
    for text, predicate, subject in [
        ("Film Critic Ada Ruiz Dead at 95\nAda Ruiz, the film critic, was a fixture of Lyon cinemas.", "dead", "Ada Ruiz"),
    ]:
        rows = claims_of(text, predicate)
        assert any(r["subject"] == subject and r["evidence"].start == 0 for r in rows), rows


def test_coordinated_verbs_share_their_object():
    check("Two officers shot and killed Kim Lee in Brooklyn.", "dead", subject="Kim Lee")
    check("Guards beat and injured Ravi Menon during the riot.", "wounded", subject="Ravi Menon")


def test_an_arrest_record_is_an_arrest():
    check("Police said Tom Hale has four prior arrests.", "arrested", subject="Tom Hale")
    check("Maria Costa has a conviction for fraud from 2009.", "arrested", subject="Maria Costa")


def test_a_title_run_names_its_body():
    check("The council asked FBI Acting Director Lena Park to testify.", "leader_of", subject="Lena Park", object="FBI")
    check("NASA Deputy Administrator Omar Reyes spoke first.", "member_of", subject="Omar Reyes", object="NASA")


# ---- aliases ------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "subject", "alias"), [
    ("The Union for Democratic Choice (UDC) called a rally.", "Union for Democratic Choice", "UDC"),
    ("Workers joined the Federation of Mine Workers (FMW) in May.", "Federation of Mine Workers", "FMW"),
    ("Democratic Choice, as the Union for Democratic Choice is widely known, won the vote.", "Union for Democratic Choice", "Democratic Choice"),
])
def test_other_names(text: str, subject: str, alias: str):
    check(text, "alias", subject=subject, object=alias)


def test_survived_by():
    check("Mary Olsen is survived by her son, Erik Olsen.", "dead", subject="Mary Olsen")
    check("Mary Olsen is survived by her son, Erik Olsen.", "alive", subject="Erik Olsen")


def test_naming_someone_to_a_post_is_not_an_alias():
    assert claims_of("The president will name Dr. Lena Ortiz as surgeon general on Monday.", "alias") == []
    assert claims_of("Watching the debate, Tomas Brandt called Ivo Petrov a \"born liar\".", "alias") == []
    check("Colleagues called Ingrid Lund \"Isdronningen\".", "alias", subject="Ingrid Lund", object="Isdronningen")
