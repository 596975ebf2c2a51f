from claimgraph.extract.lexicon import type_from_name


def test_a_name_in_capitals_tagged_as_a_person_is_an_organisation():
    assert type_from_name("WKRP", "PERSON") == "ORG"
    assert type_from_name("Rhea Tolland", "PERSON") == "PERSON"
    assert type_from_name("WKRP", "PLACE") == "PLACE"  # only the tagger's 'person' is doubted
