"""The French words of attribution, modality and titles (lemmas, as fr_core_news_sm gives them)."""

from claimgraph.extract.frames.lexicon import Lexicon
from claimgraph.extract.frames.registry import REGISTRY

FRENCH = Lexicon(
    language="fr",
    reporting_verbs=frozenset({"déclarer", "annoncer", "affirmer", "dire", "indiquer", "préciser", "assurer", "confirmer",
                               "expliquer", "ajouter", "rapporter", "souligner", "estimer", "écrire", "revendiquer", "signaler",
                               "reconnaître", "admettre", "communiquer"}),
    denial_verbs=frozenset({"démentir", "nier", "contester", "réfuter", "rejeter"}),
    belief_verbs=frozenset({"croire", "penser", "supposer", "espérer", "soupçonner"}),
    confirm_verbs=frozenset({"confirmer", "vérifier"}),
    about=frozenset(),
    source_phrases=(("selon", ""), ("d'après", "")),
    hedges=frozenset({"présumé", "supposé", "apparemment", "probablement", "peut-être", "vraisemblablement", "possiblement",
                      "prétendument"}),
    hedge_phrases=(("non", "confirmer"), ("non", "vérifier"), ("ne", "pas", "confirmer"), ("ne", "pas", "pouvoir", "confirmer"),
                   ("information", "non", "confirmé"), ("non", "confirmé")),
    pronouns=frozenset({"il", "elle", "son", "sa", "ses", "lui"}),
    negations=frozenset({"ne", "n'", "pas", "jamais", "aucun"}),
    hedged_moods=frozenset({"Cnd"}),
    leader_nouns=frozenset({"commandant", "chef", "dirigeant", "leader", "émir", "président", "ministre", "patron",
                            "directeur", "fondateur", "commandeur"}),
    member_nouns=frozenset({"membre", "combattant", "porte-parole", "militant", "lieutenant", "adjoint", "représentant",
                            "responsable", "cadre"}),
    source_nouns=frozenset({"source", "responsable", "témoin", "habitant", "officier", "expert", "analyste", "proche",
                            "militaire", "enquêteur"}),
    org_nouns=frozenset({"brigade", "ministère", "armée", "front", "groupe", "bataillon", "régiment", "mouvement", "parti",
                         "agence", "service", "organisation", "comité", "force", "état-major", "gouvernement", "police",
                         "gendarmerie", "parquet", "préfecture", "tribunal"}),
    agent_cases=frozenset({"par"}),
)
REGISTRY.add_lexicon(FRENCH)
