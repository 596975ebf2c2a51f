"""Word lists that hold for news in general (heads that type a name, reporting verbs, hedges) and the one function that reads a name's type from them."""

from __future__ import annotations

import re

from claimgraph.words import TITLE_ABBREVIATIONS

# The last word of a name that makes it an organisation or a place, whatever the tagger said.
ORG_NAME_HEADS = frozenset({
    "army", "brigade", "brigades", "battalion", "front", "group", "party", "movement", "ministry", "council",
    "committee", "agency", "forces", "force", "guard", "militia", "emirate", "caliphate", "network", "union",
    "league", "organisation", "organization", "institute", "foundation", "university", "company", "corporation",
    "bank", "police", "navy", "command", "office", "department", "service", "services", "parliament",
    "assembly", "court", "senate", "congress", "house", "commission", "federation", "coalition", "alliance",
    "association", "society", "tribunal", "cabinet", "administration", "regime", "jamaat", "times", "post",
    "news", "press", "tv", "radio", "channel", "monitor", "corp", "inc", "ltd", "llc", "plc", "co",
    "club", "team", "fc", "airlines", "airways", "motors", "holdings", "partners", "bureau",
    # sports clubs and newspapers name themselves with these
    "united", "rovers", "athletic", "wanderers", "research", "gazette", "herald", "tribune", "journal",
    "chronicle", "ledger", "wire", "courier", "observer", "dispatch", "bulletin",
})
# Arabic and other name-initial words meaning army, front, movement, party, battalion...
ORG_NAME_OPENERS = frozenset({"jaish", "jaysh", "jabhat", "harakat", "hizb", "liwa", "kataib", "katibat", "tanzim", "ansar", "ahrar", "hayat", "hay'at", "jamaat"})
PLACE_NAME_HEADS = frozenset({
    "valley", "gorge", "province", "region", "city", "town", "village", "district", "county", "river", "lake",
    "mountains", "mountain", "island", "islands", "sea", "ocean", "gulf", "bay", "strait", "desert", "base",
    "airport", "port", "governorate", "oblast", "territory", "peninsula", "square", "street", "bridge",
    "camp", "border", "coast", "basin", "plain", "heights", "hills",
    # facilities a person checks into, stays at or is held in
    "center", "centre", "clinic", "hospital", "hotel", "motel", "prison", "jail", "stadium", "arena", "palace",
    "mosque", "church", "cathedral", "temple", "museum", "courthouse", "facility", "resort", "hospice",
})
# Nouns heading a description of a collective party ("the Russian defence ministry", "US officials").
ORG_DESCRIPTION_HEADS = frozenset({
    "ministry", "government", "military", "army", "navy", "forces", "troops", "officials", "media", "outlets",
    "intelligence", "staff", "command", "administration", "apparatus", "services", "police", "rebels",
    "authorities", "parliament", "court", "agency", "embassy", "commandos", "militants", "fighters",
    "prosecutors", "investigators", "diplomats", "sources", "security", "leadership", "regime", "cabinet",
    "coalition", "opposition", "press", "state", "department", "office", "militia", "militias", "agents",
    # collective actors news names by origin or affiliation ("Somali pirates", "Greek protesters")
    "pirates", "protesters", "demonstrators", "rioters", "insurgents", "gunmen", "separatists", "guerrillas",
    "jihadists", "extremists", "terrorists", "hackers", "smugglers", "hijackers", "soldiers", "marines",
    "peacekeepers", "lawmakers", "legislators", "regulators", "firefighters", "workers", "fishermen",
})
# Nouns heading a description of one unnamed person ("a Georgian military officer").
PERSON_DESCRIPTION_HEADS = frozenset({
    "officer", "spokesman", "spokeswoman", "spokesperson", "official", "expert", "analyst", "commander",
    "source", "witness", "resident", "diplomat", "minister", "adviser", "advisor", "envoy", "general",
    "lawyer", "prosecutor", "investigator", "researcher", "doctor", "journalist", "correspondent",
})

# Verbs that attribute content to their subject ("X said ...", "X told AFP ...").
REPORTING_VERBS = frozenset({
    "say", "tell", "claim", "report", "announce", "state", "add", "confirm", "deny", "acknowledge", "allege",
    "insist", "suggest", "indicate", "accuse", "charge", "warn", "write", "post", "note", "estimate", "declare",
    "assert", "admit", "explain", "argue", "believe", "reveal", "disclose", "quote", "tout", "boast", "vow",
    "threaten", "predict", "testify", "contend", "maintain", "stress", "emphasise", "emphasize", "repeat",
    "comment", "tweet", "proclaim", "publish", "describe", "recount", "recall", "observe", "conclude", "concede",
    "dismiss", "reject", "speculate", "endorse", "brag", "denounce", "mention", "specify", "respond", "reply",
    "think", "suspect", "fear", "hope", "expect", "assume", "guess", "doubt", "inform", "brief", "assure",
    "caution", "complain", "lament", "notify", "signal", "hint", "imply", "forecast",
})
# Reporting verbs that give a belief or a hope, not a report: what they introduce is hedged.
BELIEF_VERBS = frozenset({"believe", "think", "suspect", "fear", "hope", "expect", "assume", "guess", "speculate",
                          "feel", "suppose", "estimate", "predict", "understand", "reckon", "doubt"})
# Nouns that carry attribution ("in a statement", "X's claim that ...").
REPORTING_NOUNS = frozenset({"statement", "report", "claim", "announcement", "interview", "comment", "post", "tweet", "estimate", "estimates", "charge", "allegation", "reports"})
# Words that make a claim hedged.
HEDGES = frozenset({
    "believe", "apparently", "likely", "reportedly", "may", "might", "could", "possibly", "probably", "allegedly",
    "alleged", "appear", "seem", "unconfirmed", "suspected", "presumably", "perhaps", "rumour", "rumor",
    "rumoured", "rumored", "purportedly", "supposedly", "think", "suggest", "unverified", "claimed",
})
# Words that deny the claim they govern.
DENIALS = frozenset({"deny", "premature", "false", "untrue", "baseless", "refute", "dismiss", "reject", "fake", "unfounded", "wrong"})
NEGATIONS = frozenset({"not", "n't", "never", "no", "neither", "nor"})

# Person-role nouns: what a title, apposition or "X is a ..." says a person is.
ROLE_NOUNS = frozenset({
    "commander", "leader", "chief", "head", "emir", "minister", "president", "spokesman", "spokeswoman",
    "spokesperson", "fellow", "expert", "adviser", "advisor", "director", "chairman", "chairwoman", "chair",
    "correspondent", "officer", "colonel", "general", "sniper", "mastermind", "member", "founder", "deputy",
    "secretary", "governor", "mayor", "ambassador", "official", "analyst", "editor", "reporter", "journalist",
    "ceo", "executive", "manager", "coach", "captain", "player", "striker", "chancellor", "senator", "judge",
    "lawyer", "prosecutor", "owner", "strategist", "ideologue", "propagandist", "recruiter",
    "financier", "militant", "fighter", "soldier", "defector", "candidate", "nominee", "premier", "king",
    "queen", "prince", "cleric", "imam", "sheikh", "professor", "researcher", "scientist", "economist",
    "actress", "actor", "singer", "star", "chairperson", "treasurer", "envoy", "diplomat", "inspector",
    "surgeon", "doctor", "agent", "operative", "lieutenant", "major", "sergeant", "admiral", "marshal",
})
# Nouns for what a person is or does, across news topics (posts, trades, ranks, social roles):
# a title before a name or an apposition after it made of one of these is a role.
PERSON_NOUNS = ROLE_NOUNS | frozenset({
    "sailor", "accountant", "activist", "administrator", "advocate", "aide", "anchor", "appointee", "archaeologist",
    "archbishop", "architect", "artist", "assailant", "assistant", "astronomer", "athlete", "attache",
    "attacker", "attorney", "attorney-general", "auditor", "author", "ayatollah", "bagman", "banker",
    "barrister", "batsman", "billionaire", "biologist", "bishop", "blogger", "bodyguard", "bomber", "boss",
    "bowler", "boxer", "brigadier", "broadcaster", "broker", "burglar", "businessman", "businesswoman",
    "campaigner", "cardinal", "carpenter", "celebrity", "cfo", "challenger", "champion", "chef", "chemist",
    "chieftain", "clerk", "co-founder", "cofounder", "columnist", "comedian", "commando",
    "commentator", "commissioner", "commodore", "composer", "comptroller", "conductor", "confidant",
    "congressman", "congresswoman", "constable", "consul", "consultant", "contender", "contractor",
    "controller", "convict", "coo", "cook", "coordinator", "cop", "coroner", "corporal", "councillor",
    "councilman", "councilor", "councilwoman", "counsel", "counsellor", "counselor", "crewman", "cricketer",
    "cto", "cyclist", "dancer", "dealer", "dean", "defendant", "defender", "delegate", "dentist", "designer",
    "detainee", "detective", "driver", "drummer", "electrician", "emissary", "emperor", "employee", "engineer",
    "entrepreneur", "epidemiologist", "farmer", "filmmaker", "finalist", "fisherman", "footballer", "forward",
    "front-runner", "frontrunner", "fugitive", "fundraiser", "geologist", "goalie", "goalkeeper", "golfer",
    "graduate", "guard", "guitarist", "gunman", "heir", "heiress", "hijacker", "historian", "host", "hostage",
    "incumbent", "informant", "inmate", "insider", "investigator", "investor", "janitor", "juror",
    "justice", "kidnapper", "kingpin", "landlord", "laureate", "lawmaker", "lecturer", "legislator", "lobbyist",
    "magistrate", "magnate", "marine", "mathematician", "mechanic", "medalist", "medallist", "mediator",
    "medic", "mentor", "midfielder", "millionaire", "miner", "model", "monarch", "monk", "mullah",
    "musician", "negotiator", "neurosurgeon", "novelist", "nun", "nurse", "organiser",
    "organizer", "paramedic", "paratrooper", "partner", "pastor", "pathologist", "patrolman", "pharmacist",
    "philosopher", "photographer", "physician", "physicist", "physio", "pilot", "pirate", "pitcher",
    "plaintiff", "plumber", "poet", "policeman", "policewoman", "politician", "pope", "predecessor",
    "presenter", "priest", "principal", "prisoner", "private", "producer", "proprietor", "provost",
    "psychiatrist", "psychologist", "publicist", "publisher", "pupil", "quarterback", "rabbi", "rapper",
    "receptionist", "recruit", "rector", "referee", "rep", "representative", "rival",
    "robber", "runner-up", "scholar", "scout", "seaman", "shareholder", "sheriff", "shooter",
    "smuggler", "sociologist", "solicitor", "songwriter", "source", "speaker", "staffer", "statesman",
    "student", "successor", "sultan", "superintendent", "supervisor", "survivor", "suspect", "swimmer",
    "teacher", "theologian", "therapist", "thief", "trader", "trafficker", "trainer", "trooper",
    "tycoon", "umpire", "veteran", "veterinarian", "vice-president", "victim", "virologist", "volunteer",
    "waiter", "warden", "warlord", "whip", "whistleblower", "winger", "winner", "witness", "worker", "wrestler",
    "writer",
})
# Of those, the ones that make a person the leader of the organisation they name.
LEADER_NOUNS = frozenset({"leader", "chief", "head", "emir", "president", "founder", "chairman", "chairwoman", "chair", "ceo", "director", "boss", "commander-in-chief", "secretary-general", "manager"})
# A leader noun under these is a second-in-command: "deputy director", "vice president".
SUBORDINATE = frozenset({"deputy", "vice", "associate", "assistant", "under", "sub", "co", "acting-deputy"})
# Event nouns that carry a status ("the death of X", "his arrest"); "capture" is left out
# because it mostly appears in purposes ("a bounty for his capture").
STATUS_NOUNS = frozenset({"death", "killing", "assassination", "murder", "execution", "arrest", "detention", "release", "survival",
                          "slaying", "recapture"})
STATUS_TRIGGERS = {
    "dead": frozenset({"kill", "die", "slay", "assassinate", "execute", "perish", "eliminate", "dead", "death", "killing", "murder", "behead",
                       "slaying", "deceased"}),
    "wounded": frozenset({"wound", "injure", "wounded", "injured", "hurt"}),
    "alive": frozenset({"survive", "alive", "survivor", "surviving"}),
    "arrested": frozenset({"arrest", "detain", "capture", "apprehend", "jail", "imprison", "arrested", "detained", "recapture", "nab"}),
    "released": frozenset({"release", "free", "freed", "released"}),
}
# Verbs and prepositions that place someone somewhere.
LOCATION_VERBS = frozenset({"base", "deploy", "station", "operate", "locate", "live", "reside", "hide", "meet", "concentrate", "go", "arrive", "travel", "move", "return", "flee", "present", "gather", "fight", "remain", "stay", "settle", "head"})
LOCATION_PREPS = frozenset({"in", "to", "near", "around", "at", "inside", "for", "into", "across", "throughout"})


def type_from_name(surface: str, fallback: str) -> str:
    """A name's type from its telling words ("Pankisi Valley": PLACE, "Jaish al-Islam": ORG), else `fallback`."""
    words = re.findall(r"[\w']+", surface.lower())
    if not words:
        return fallback
    if words[-1] in PLACE_NAME_HEADS and len(words) > 1:
        return "PLACE"
    if words[-1] in ORG_NAME_HEADS and len(words) > 1 or words[0] in ORG_NAME_OPENERS:
        return "ORG"
    if fallback == "PERSON" and ACRONYM.fullmatch(surface):
        return "ORG"  # the tagger takes outlets and agencies written in capitals for people
    return fallback


ACRONYM = re.compile(r"[A-Z]{2,6}")


PERSON_SUFFIXES = ("ist", "ician", "man", "woman", "person", "eer")


def is_person_noun(word: str) -> bool:
    """Whether a noun (its lemma, lower case) names what a person is ("neurosurgeon",
    "councilwoman", "economist", "Sgt.")."""
    if word in PERSON_NOUNS or word.rstrip(".") in TITLE_ABBREVIATIONS:
        return True
    return len(word) > 5 and word.endswith(PERSON_SUFFIXES) and word not in NOT_PERSON_SUFFIXED


# Words with a person-like ending that are not people.
NOT_PERSON_SUFFIXED = frozenset({"list", "checklist", "playlist", "twist", "wrist", "fist", "mist", "schist", "wishlist",
                                  "german", "roman", "ottoman", "layman"})
