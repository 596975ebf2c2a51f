"""The words one language's shared rules ask for: attribution cues, hedges, negation, denial,
titles. A language analysed with Universal Dependencies labels (Russian, French) registers one
`Lexicon` beside its frames (`frames/ru/`, `frames/fr/`); the code in `claimgraph.extract.ud`
reads only these fields, never a word of its own. All words are lemmas, lower case.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Lexicon:
    language: str
    # a verb whose subject says what its clause holds: "заявил", "a déclaré"
    reporting_verbs: frozenset[str]
    # a verb that denies what its clause or object holds: "опроверг", "a démenti"
    denial_verbs: frozenset[str]
    # a verb of belief: what it holds is hedged ("считают", "pensent")
    belief_verbs: frozenset[str]
    # a verb that confirms; negated it leaves the claim hedged ("не подтвердил", "n'a pas confirmé")
    confirm_verbs: frozenset[str]
    # prepositions of what a reporting verb is about ("заявило о гибели X"): its content
    about: frozenset[str]
    # (preposition, noun) before a source: "по словам X", "по данным X"; noun "" when the
    # preposition alone names the source ("selon X", "d'après X")
    source_phrases: tuple[tuple[str, str], ...]
    # words that hedge the clause they sit in: "якобы", "предположительно", "présumé"
    hedges: frozenset[str]
    # word sequences (lemmas) that hedge a sentence: "информация не подтверждена", "non confirmé"
    hedge_phrases: tuple[tuple[str, ...], ...]
    # third-person pronouns and possessives that refer back to a person ("его", "sa")
    pronouns: frozenset[str]
    # negation particles: "не", "ne", "pas"
    negations: frozenset[str]
    # verb moods that report at second hand: French's conditional ("il aurait été tué")
    hedged_moods: frozenset[str]
    # nouns that name a post and lead what they name ("командир", "commandant")
    leader_nouns: frozenset[str]
    # nouns that name a post or a part in a group ("боевик", "porte-parole")
    member_nouns: frozenset[str]
    # nouns for an unnamed source that still is one ("источник", "un témoin"): a party of its own
    source_nouns: frozenset[str]
    # the head nouns of organisations ("бригада", "ministère")
    org_nouns: frozenset[str]
    # prepositions that mark a passive agent ("par"); cases that do ("Ins" in Russian)
    agent_cases: frozenset[str]
    # names are inflected: a mention's name is its base form (Doc `norm_`), not its text
    inflected: bool = False

    @property
    def role_nouns(self) -> frozenset[str]:
        return self.leader_nouns | self.member_nouns
