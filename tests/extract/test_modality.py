import pytest

from tests.extract.helpers import claims_of


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Pavel Orlov died in the blast.", "asserted"),
        ("Pavel Orlov reportedly died in the blast.", "hedged"),
        ("Pavel Orlov apparently died in the blast.", "hedged"),
        ("Pavel Orlov is thought to have died in the blast.", "hedged"),
        ("Pavel Orlov did not die in the blast.", "denied"),
        ("Reports that Pavel Orlov died in the blast were false.", "denied"),
        ("Police said Pavel Orlov died in the blast.", "reported"),
    ],
)
def test_modality(text, modality):
    rows = claims_of(text, "dead")
    assert rows and rows[0]["modality"] == modality
