"""Predicate rules on sentences of several topics, written for these tests."""

import pytest

from tests.extract.helpers import claims_of, extract


def one(rows, **expected):
    matches = [r for r in rows if all(r[k] == v for k, v in expected.items())]
    assert matches, f"no claim with {expected} among {[{k: r[k] for k in expected} for r in rows]}"
    return matches[0]


def test_killed_passive_with_agent_and_date():
    rows = claims_of("Rebel commander Ivan Petrenko was killed by government troops on Tuesday.", "dead")
    r = one(rows, subject="Ivan Petrenko", modality="asserted", time="2020-06-09")
    assert r["claimant"] is None  # the author's own voice: the publisher


def test_reported_death_takes_the_speaker_as_claimant():
    rows = claims_of("The Nigerian army said it had killed Abubakar Shekau in a raid near Maiduguri.", "dead")
    one(rows, subject="Abubakar Shekau", modality="reported", claimant="Nigerian army")


def test_denial_is_kept_as_denied():
    rows = claims_of("The Lions Club denied that its treasurer Maria Lopez had been arrested.", "arrested")
    one(rows, subject="Maria Lopez", modality="denied")
    rows = claims_of("Daniel Kim was not arrested, the police said.", "arrested")
    one(rows, subject="Daniel Kim", modality="denied", claimant="police")


def test_hedged_claims():
    rows = claims_of("Peter Novak is believed to have died in the fire.", "dead")
    one(rows, subject="Peter Novak", modality="hedged")
    rows = claims_of("Officials said Laura Chen may have been injured in the crash.", "wounded")
    one(rows, subject="Laura Chen", modality="hedged")


def test_alive_and_wounded_together():
    text = "The striker Marco Silva, whose death was reported on Monday, is wounded but alive, according to his club."
    one(claims_of(text, "alive"), subject="Marco Silva", modality="reported")
    one(claims_of(text, "wounded"), subject="Marco Silva")


@pytest.mark.parametrize(
    ("text", "predicate", "subject", "obj"),
    [
        ("Sarah Mills joined the Green Party in 2012.", "member_of", "Sarah Mills", "Green Party"),
        ("Acme Corp chief executive John Barlow resigned on Friday.", "leader_of", "John Barlow", "Acme Corp"),
        ("The former senator Tom Reed defected to the Liberal Party in 2019.", "defected_to", "Tom Reed", "Liberal Party"),
        ("The Karsh Militia fights alongside the Popular Front against the Federal Army.", "opposed_to", "Karsh Militia", "Federal Army"),
        ("The Karsh Militia fights alongside the Popular Front against the Federal Army.", "allied_with", "Karsh Militia", "Popular Front"),
        ("The Popular Front is backed by the Northern Alliance.", "allied_with", "Popular Front", "Northern Alliance"),
        ("The Eastern Brigade, a faction linked to the Popular Front, took the town.", "affiliated_with", "Eastern Brigade", "Popular Front"),
        ("Ana Ruiz was trained by the Spanish Army before joining the police.", "trained_by", "Ana Ruiz", "Spanish Army"),
        ("Kofi Mensah was born in Kumasi in 1961.", "origin", "Kofi Mensah", "Kumasi"),
        ("The Northern Command is based in Tromso.", "located_in", "Northern Command", "Tromso"),
    ],
)
def test_relations(text, predicate, subject, obj):
    rows = claims_of(text, predicate)
    expected = {"object": obj}
    if subject:
        expected["subject"] = subject
    one(rows, **expected)


@pytest.mark.parametrize(
    ("text", "subject", "alias"),
    [
        ("Rihanna, who was born as Robyn Fenty, performed in London.", "Rihanna", "Robyn Fenty"),
        ("Omar Hassan, also known as Abu Yusuf, was detained on Monday.", "Omar Hassan", "Abu Yusuf"),
        ("The rapper Marshall Mathers, known as \u201cSlim Shady\u201d, released a new album.", "Marshall Mathers", "Slim Shady"),
    ],
)
def test_alias(text, subject, alias):
    rows = claims_of(text, "alias")
    r = one(rows, object=alias)
    if subject:
        assert r["subject"] == subject


def test_roles_from_titles_and_appositions():
    rows = claims_of("Foreign Minister Helen Clarke met Ravi Patel, the chief economist of the central bank.", "role")
    one(rows, subject="Helen Clarke", object="Foreign Minister")
    one(rows, subject="Ravi Patel", object="chief economist of the central bank")


def test_bounty_and_quantity():
    one(claims_of("The FBI offered a $5 million reward for information on Carlos Mendez.", "bounty"), subject="Carlos Mendez")
    rows = claims_of("The Red Cross said about 3,000 Red Cross volunteers were working in Haiti.", "quantity")
    r = one(rows, subject="Red Cross")
    assert r["claim"].object["value"] == "3,000" and r["claim"].object["qualifier"] == "about"


def test_comment_section_has_its_own_claimant():
    body = "Mayor Tom Hale spoke at the opening on Monday.\n\n"
    text = body + "Comments\n\nTom Hale was arrested in 2009, everyone knows it."
    rows = claims_of(text, "arrested", comment_start=len(body))
    r = one(rows, subject="Tom Hale")
    doc, out, names = extract(text, comment_start=len(body))
    assert r["claimant"] is not None and r["claimant"].startswith("reader comment")


def test_evidence_is_the_sentence():
    text = "Markets rose.\n\nThe mayor said on Monday that Li Wei had been released from custody. Shops reopened."
    for r in claims_of(text, "released"):
        ev = r["evidence"]
        assert text[ev.start : ev.end] == ev.text == "The mayor said on Monday that Li Wei had been released from custody."


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Tom Becker was long rumoured to be \u201cSilver Fox\u201d, the informant.", "hedged"),
        ("Tom Becker revealed his identity as \"Silver Fox\" in 2005.", "asserted"),
        ("Tom Becker denied that he was Silver Fox.", "denied"),
    ],
)
def test_an_identity_said_is_an_alias_as_firm_as_the_saying(text, modality):
    r = one(claims_of(text, "alias"), object="Silver Fox")
    assert r["subject"] == "Tom Becker" and r["modality"] == modality


def test_known_as_a_description_and_a_name_gives_both():
    text = "Tom Becker, who was known as the informant 'Silver Fox,' died on Monday."
    assert one(claims_of(text, "alias"), object="Silver Fox")["subject"] == "Tom Becker"
    assert one(claims_of(text, "role"), subject="Tom Becker")["object"] == "informant"


def test_a_post_or_a_thing_is_no_identity():
    assert not claims_of("Dana Whitfield was Founder and Chair of the trust.", "alias")
    assert not claims_of("Becker said it would have been Morrow.", "alias")


def test_the_head_of_a_department_is_a_member_not_the_leader():
    text = "Carla Denholm, Lumera's head of investor relations, declined to comment."
    assert not claims_of(text, "leader_of")
    assert one(claims_of(text, "member_of"), object="Lumera")["subject"] == "Carla Denholm"
    assert one(claims_of("Carla Denholm, the head of Lumera, spoke.", "leader_of"), object="Lumera")


def test_terms_served_in_office_are_no_custody():
    assert not claims_of("Mayor Lena Ortiz served two terms before she retired.", "arrested")
    assert one(claims_of("Lena Ortiz served a ten-year prison term for fraud.", "arrested"))["subject"] == "Lena Ortiz"
