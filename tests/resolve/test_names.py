import pytest

from claimgraph.resolve.names import acronym, key, place_core, skeleton
from claimgraph.resolve.score import STRONG, match_names


@pytest.mark.parametrize(
    ("a", "b", "type_"),
    [
        ("Gulmurod Khalimov", "Gumurod Halimov", "PERSON"),
        ("Abu Omar al-Shishani", "Umar Shishani", "PERSON"),
        ("Mohammed Salah", "Muhammad Salah", "PERSON"),
        ("Abu-Muhammad al-Shimali", "Abu Mohammed al-Shimali", "PERSON"),
        ("José Álvarez", "Jose Alvarez", "PERSON"),
        ("Владимир Путин", "Vladimir Putin", "PERSON"),
        ("Jaish al-Muhajireen", "Jaysh al-Muhajireen", "ORG"),
        ("Islamic State in Iraq and Syria", "ISIS", "ORG"),
        ("the IS group", "Islamic State", "ORG"),
        ("Deir Ezzor", "Deir ez-Zor", "PLACE"),
        ("Pankisi Valley", "Pankisi Gorge", "PLACE"),
        ("Harbor Light Clinic", "Harbor Light Treatment Center", "PLACE"),  # a facility by its other head
        ("Stonegate Recovery", "Stonegate Recovery Center", "PLACE"),
    ],
)
def test_variants_match(a, b, type_):
    assert match_names(a, b, type_).score >= STRONG


@pytest.mark.parametrize(
    ("a", "b", "type_"),
    [
        ("Iraq", "Raqqa", "PLACE"),
        ("America", "Morocco", "PLACE"),
        ("Aleppo", "Aleppo province", "PLACE"),
        ("Seyfullakh Shishani", "Umar Shishani", "PERSON"),
        ("Tarkhan Batirashvili", "Temur Batirashvili", "PERSON"),
        ("Bank of America", "Bank of England", "ORG"),
        ("Tarrow", "Tarrow Rehab", "PLACE"),  # the town is not the clinic named after it
        ("Harbor Light Clinic", "Harbor View Clinic", "PLACE"),
    ],
)
def test_different_things_do_not_match(a, b, type_):
    assert match_names(a, b, type_).score < STRONG


def test_shared_family_name_is_a_guard_not_evidence():
    assert match_names("Tarkhan Batirashvili", "Temur Batirashvili", "PERSON").score < 0
    assert 0 < match_names("Shishani", "Khalid Shishani", "PERSON").score < STRONG


def test_building_blocks():
    assert skeleton("khalimov") == skeleton("halimov")
    assert key("Abu Bakr al-Baghdadi") == "bakr baghdadi"
    assert acronym("Islamic State in Iraq and Syria") == "isis"
    assert place_core("Pankisi Gorge") == place_core("Pankisi Valley")


def test_a_short_form_of_a_first_name_is_the_same_person():
    assert match_names("Frederick Oduya", "Fred Oduya", "PERSON").score >= STRONG
    assert match_names("Alexander Brandt", "Alex Brandt", "PERSON").score >= STRONG
    assert match_names("Frank Oduya", "Fred Oduya", "PERSON").score < 0  # brothers, say
    assert match_names("Ed Oduya", "Edward Oduya", "PERSON").score < STRONG  # two letters say too little
