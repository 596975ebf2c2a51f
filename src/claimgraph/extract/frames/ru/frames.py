"""Russian status frames: death, wounds, survival, arrest, release (lemmas, as pymorphy3 gives them).

Slots are those of `claimgraph.extract.ud.slots`: `patient` is the object of an active verb, the
subject of a passive one, the noun a participle modifies or the genitive of a noun ("гибель X").
"""

from typing import cast

from claimgraph.extract.frames.registry import REGISTRY, Frame, PatternFn
from claimgraph.extract.ud.titles import titled_names

PERSON = ("PERSON",)
RU = "ru"

REGISTRY.add(
    # "был убит", "ликвидировали X", "гибель X", "убийство X"
    Frame("ru.status.killed.v1", "dead", verbs=frozenset({"убить", "ликвидировать", "застрелить", "уничтожить", "казнить"}),
          nouns=frozenset({"гибель", "смерть", "ликвидация", "убийство", "уничтожение", "кончина"}),
          subject=("patient",), agent=("agent",), subject_types=PERSON, language=RU),
    # "X погиб", "X умер", "X скончался"
    Frame("ru.status.died.v1", "dead", verbs=frozenset({"погибнуть", "умереть", "скончаться"}),
          adjectives=frozenset({"мёртвый", "мертвый", "убитый", "погибший"}),
          subject=("subject", "patient"), subject_types=PERSON, language=RU),
    Frame("ru.status.wounded.v1", "wounded", verbs=frozenset({"ранить"}), nouns=frozenset({"ранение"}),
          adjectives=frozenset({"раненый", "раненный"}), subject=("patient", "subject"), subject_types=PERSON, language=RU),
    # "X жив", "X остался в живых"
    Frame("ru.status.alive.v1", "alive", adjectives=frozenset({"живой", "жив"}), subject=("subject", "patient"),
          subject_types=PERSON, language=RU),
    Frame("ru.status.arrested.v1", "arrested", verbs=frozenset({"задержать", "арестовать", "схватить", "задерживать", "арестовывать",
                                                                "взять", "пленить"}),
          nouns=frozenset({"арест", "задержание", "пленение"}), subject=("patient",), agent=("agent",),
          subject_types=PERSON, language=RU),
    Frame("ru.status.released.v1", "released", verbs=frozenset({"освободить", "отпустить", "освобождать", "выпустить"}),
          nouns=frozenset({"освобождение"}), subject=("patient",), agent=("agent",), subject_types=PERSON, language=RU),
)

# role, leader_of and member_of from a title beside a name (its nouns: the lexicon's leader and member nouns)
REGISTRY.pattern("titles", "ud.titles.v1", language=RU)(cast("PatternFn", titled_names))  # reads a UDContext
