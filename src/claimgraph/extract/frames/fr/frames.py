"""French status frames: death, wounds, survival, arrest, release (lemmas, as fr_core_news_sm gives them).

Slots are those of `claimgraph.extract.ud.slots` ("la mort de X": the `patient` of the noun).
"""

from typing import cast

from claimgraph.extract.frames.registry import REGISTRY, Frame, PatternFn
from claimgraph.extract.ud.titles import titled_names

PERSON = ("PERSON",)
FR = "fr"

REGISTRY.add(
    # "X a été tué", "l'armée a abattu X", "la mort de X"
    Frame("fr.status.killed.v1", "dead", verbs=frozenset({"tuer", "abattre", "éliminer", "exécuter", "neutraliser", "assassiner"}),
          nouns=frozenset({"mort", "décès", "assassinat", "élimination", "exécution"}),
          subject=("patient",), agent=("agent",), subject_types=PERSON, language=FR),
    # "X est mort", "X a péri", "X est décédé"
    Frame("fr.status.died.v1", "dead", verbs=frozenset({"mourir", "décéder", "périr", "succomber"}),
          adjectives=frozenset({"mort", "décédé", "tué"}), subject=("subject", "patient"), subject_types=PERSON, language=FR),
    Frame("fr.status.wounded.v1", "wounded", verbs=frozenset({"blesser"}), adjectives=frozenset({"blessé"}),
          nouns=frozenset({"blessure"}), subject=("patient", "subject"), subject_types=PERSON, language=FR),
    # "X est vivant", "X est toujours en vie"
    Frame("fr.status.alive.v1", "alive", adjectives=frozenset({"vivant", "indemne", "sauf"}), subject=("subject", "patient"),
          subject_types=PERSON, language=FR),
    Frame("fr.status.arrested.v1", "arrested", verbs=frozenset({"arrêter", "interpeller", "capturer", "appréhender", "incarcérer",
                                                                "écrouer"}),
          nouns=frozenset({"arrestation", "interpellation", "capture", "incarcération"}), subject=("patient",), agent=("agent",),
          subject_types=PERSON, language=FR),
    Frame("fr.status.released.v1", "released", verbs=frozenset({"libérer", "relâcher", "relaxer"}), nouns=frozenset({"libération"}),
          subject=("patient",), agent=("agent",), subject_types=PERSON, language=FR),
)

# role, leader_of and member_of from a title beside a name (its nouns: the lexicon's leader and member nouns)
REGISTRY.pattern("titles", "ud.titles.v1", language=FR)(cast("PatternFn", titled_names))  # reads a UDContext
