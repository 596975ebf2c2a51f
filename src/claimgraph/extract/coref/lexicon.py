"""Word lists coreference reads: pronouns with their agreement features, and what common nouns
say about the thing they name (person, organisation or place; gender). They hold for English
news in general, not for one story."""

from __future__ import annotations

from claimgraph.extract.lexicon import (
    ORG_DESCRIPTION_HEADS,
    ORG_NAME_HEADS,
    PERSON_DESCRIPTION_HEADS,
    ROLE_NOUNS,
)

# pronoun -> (type, number, gender); type "THING" is anything but a person, None is any type
PRONOUNS: dict[str, tuple[str | None, str, str]] = {
    **{w: ("PERSON", "sg", "m") for w in ("he", "him", "his", "himself")},
    **{w: ("PERSON", "sg", "f") for w in ("she", "her", "hers", "herself")},
    **{w: ("THING", "sg", "n") for w in ("it", "its", "itself")},
    **{w: (None, "pl", "?") for w in ("they", "them", "their", "theirs", "themselves")},
}
FIRST_PERSON = {"i": "sg", "me": "sg", "my": "sg", "myself": "sg", "we": "pl", "us": "pl", "our": "pl", "ourselves": "pl"}
RELATIVES = {"who": "PERSON", "whom": "PERSON", "whose": None, "which": "THING", "that": None, "where": "PLACE"}
REFLEXIVES = frozenset({"himself", "herself", "itself", "themselves", "myself", "ourselves"})
DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
INDEFINITES = frozenset({"a", "an", "another", "some", "any", "one", "no", "every", "each", "many", "several", "other"})
# words that introduce someone new even after a definite article ("the other man", "a second man")
NEW_MARKERS = frozenset({"other", "another", "second", "third", "fourth", "new", "different", "next", "former", "last", "first"})

FEMALE_NOUNS = frozenset({
    "woman", "girl", "actress", "mother", "wife", "daughter", "sister", "spokeswoman", "chairwoman", "queen",
    "princess", "businesswoman", "policewoman", "waitress", "starlet", "grandmother", "aunt", "niece", "lady",
    "widow", "bride", "girlfriend", "mrs", "ms", "miss", "madam", "congresswoman", "heiress", "stepmother",
    "granddaughter", "mum", "mom", "sportswoman", "chairlady", "duchess", "empress", "nun",
})
MALE_NOUNS = frozenset({
    "man", "boy", "father", "husband", "son", "brother", "spokesman", "chairman", "king", "prince",
    "businessman", "policeman", "grandfather", "uncle", "nephew", "gentleman", "widower", "boyfriend", "mr",
    "congressman", "stepfather", "grandson", "dad", "sportsman", "duke", "emperor", "monk", "sir", "abu",
    "gunman", "fireman", "cameraman", "frontman", "countryman", "clergyman", "councilman", "patrolman",
})
# nouns that say who someone is rather than which post they hold: a definite one ("the actress",
# "the teenager") most often takes up a person already in the story
IDENTITY_NOUNS = frozenset({
    "man", "woman", "boy", "girl", "teen", "teenager", "youth", "child", "kid", "youngster", "actress", "actor",
    "star", "starlet", "singer", "rapper", "musician", "model", "athlete", "celebrity", "comedian", "entertainer",
    "performer", "player", "veteran", "victim", "suspect", "defendant", "accused", "gunman", "militant", "fugitive",
    "detainee", "prisoner", "patient", "nominee", "candidate", "couple", "pair", "duo",
})
# a definite one of these ("the ISIS leader", "the Iraqi-born citizen") is the person the story is about
LEADER_WORDS = frozenset({"leader", "commander", "chief", "emir", "militant", "fighter", "jihadist", "citizen", "national",
                          "native", "defector", "veteran", "sniper"})
PERSON_NOUNS = ROLE_NOUNS | PERSON_DESCRIPTION_HEADS | IDENTITY_NOUNS | FEMALE_NOUNS | MALE_NOUNS | frozenset({
    "rep", "representative", "publicist", "attorney", "spokesperson", "physician", "surgeon", "nurse",
    "coroner", "sheriff", "detective", "policeman", "cop", "pilot", "driver", "worker", "employee", "student",
    "teacher", "friend", "neighbour", "neighbor", "parent", "relative", "cousin", "citizen", "resident",
    "protester", "demonstrator", "activist", "pirate", "bandit", "robber", "thief", "killer", "murderer",
    "gunman", "attacker", "assailant", "hostage", "captive", "survivor", "witness", "host", "anchor",
    "founder", "owner", "boss", "aide", "staffer", "assistant", "deputy", "successor", "predecessor",
    "figure", "personality", "person", "individual", "people", "official", "officer", "agent", "informant",
    "whistleblower", "informer", "politician", "lawmaker", "legislator", "trustee", "educator", "fixture",
})
# collective nouns that stand for an organisation ("the group", "the company")
ORG_NOUNS = ORG_NAME_HEADS | ORG_DESCRIPTION_HEADS | frozenset({
    "group", "organisation", "organization", "company", "firm", "outfit", "network", "magazine", "newspaper",
    "paper", "broadcaster", "website", "publication", "tabloid", "daily", "weekly",
})
# of those, the ones general enough to take up any organisation named before
GENERIC_ORG_NOUNS = frozenset({"group", "organisation", "organization", "company", "firm", "outfit", "movement", "militia", "party", "network"})
# the sites of a business: "a Lidl store", "the Nordbank branch" stand for the business itself
SITE_NOUNS = frozenset({"store", "supermarket", "shop", "branch", "outlet", "restaurant", "factory", "plant",
                        "warehouse", "depot", "dealership", "showroom", "office", "offices", "franchise"})
PLACE_NOUNS = frozenset({
    "country", "nation", "city", "town", "village", "region", "area", "province", "state", "capital", "district",
    "neighbourhood", "neighborhood", "island", "valley", "facility", "center", "centre", "clinic", "hospital",
    "place", "site", "compound", "camp", "base", "prison", "jail", "school", "hotel", "motel", "building",
    "home", "house", "residence", "port", "airport", "harbour", "harbor", "coast", "border", "territory",
})
# general place nouns that take up the place named before, each with the kind of place it can be
GENERIC_PLACE_NOUNS: dict[str, frozenset[str]] = {
    "country": frozenset({"GPE"}), "nation": frozenset({"GPE"}), "city": frozenset({"GPE"}), "town": frozenset({"GPE"}),
    "village": frozenset({"GPE"}), "region": frozenset({"GPE", "LOC"}), "area": frozenset({"GPE", "LOC"}),
    "facility": frozenset({"FAC", "ORG"}), "center": frozenset({"FAC", "ORG"}), "centre": frozenset({"FAC", "ORG"}),
    "clinic": frozenset({"FAC", "ORG"}), "hospital": frozenset({"FAC", "ORG"}),
}
# collective nouns that take "they" as well as "it"
COLLECTIVES = frozenset({"police", "government", "military", "army", "navy", "staff", "team", "family", "couple", "administration", "people"})
# name heads of facilities: a facility noun ("the clinic") may take up such a name
FACILITY_HEADS = frozenset({"center", "centre", "clinic", "hospital", "facility", "institute", "prison", "jail", "hotel", "motel", "school", "recovery", "rehab"})


def noun_type(lemma: str) -> str | None:
    """PERSON, ORG, PLACE or None for a common noun's lemma (the head of a nominal)."""
    if lemma in PERSON_NOUNS or lemma.endswith(("-year-old", "woman", "man")) and lemma not in ("human",):
        return "PERSON"
    if lemma in ORG_NOUNS:
        return "ORG"
    if lemma in PLACE_NOUNS:
        return "PLACE"
    return None


def noun_gender(lemma: str) -> str:
    if lemma in FEMALE_NOUNS or lemma.endswith("woman"):
        return "f"
    if lemma in MALE_NOUNS or lemma.endswith("man") and lemma not in ("human", "german", "roman"):
        return "m"
    return "?"
