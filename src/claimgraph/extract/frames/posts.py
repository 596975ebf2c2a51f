"""Posts: who holds which job where — appointed, elected, hired, joined, led; fired, resigned, quit.

What ends a post (fired, ousted, resigned, stepped down) is the same predicate with `denied`
modality: "X was fired as coach of Y" says X is no longer coach of Y.
"""

from __future__ import annotations

from claimgraph.extract.frames.registry import REGISTRY, Frame

PERSON = ("PERSON",)
GROUP = ("ORG",)

APPOINT = frozenset({"appoint", "name", "elect", "tap", "hire", "promote", "install", "choose", "select",
                     "pick", "designate", "reappoint", "reinstate", "re-elect", "reelect", "recruit", "draft", "sign",
                     "rehire", "re-hire", "crown", "induct", "confirm", "propose", "offer"})
SERVE = frozenset({"serve", "work", "act", "become", "remain", "continue", "return", "start", "begin", "take",
                   "stay", "sit", "function", "double"})
REMOVE = frozenset({"fire", "sack", "dismiss", "oust", "remove", "depose", "axe", "unseat", "expel", "relieve",
                    "suspend", "demote", "impeach", "topple", "overthrow"})
LEAVE = frozenset({"resign", "quit", "leave", "retire", "abdicate", "withdraw", "depart", "exit"})
JOIN = frozenset({"join", "rejoin", "enlist", "sign", "enroll", "enrol"})
LEAD = frozenset({"lead", "head", "run", "chair", "command", "manage", "direct", "found", "co-found", "cofound",
                  "captain", "helm", "coach", "preside", "establish", "launch"})
WORK_FOR = frozenset({"work", "play", "write", "report", "fight", "spy", "campaign", "serve", "volunteer", "intern",
                      "consult", "broadcast", "moonlight", "labor", "labour", "toil"})
EMPLOY = frozenset({"employ", "hire", "recruit", "retain", "contract", "engage", "sign", "acquire", "re-sign"})
SPEND = frozenset({"spend", "stay", "remain", "be"})

REGISTRY.add(
    # "the board named Ms Ruiz chief executive", "Ruiz was appointed as head of the agency"
    Frame("posts.appointed.v1", "role", verbs=APPOINT, subject=("patient",), object=("prep:as|to", "complement"),
          agent=("agent",), subject_types=PERSON, value="role", implies=True, confidence=0.65),
    # "X was nominated as surgeon general": a nominee, not yet the holder of the post
    Frame("posts.nominated.v1", "role", verbs=frozenset({"nominate", "renominate"}), subject=("patient",),
          object=("prep:as|to|for", "complement"), agent=("agent",), subject_types=PERSON, value="role",
          role_suffix="nominee", confidence=0.6),
    # "she served as ambassador to X", "he became chairman of Y", "returned as coach"
    Frame("posts.served-as.v1", "role", verbs=SERVE, subject=("agent", "subject"), object=("prep:as", "complement"),
          subject_types=PERSON, value="role", implies=True),
    # "the club fired its coach", "X was ousted as party leader", "sacked from the board of Y"
    Frame("posts.removed-as.v1", "role", verbs=REMOVE, subject=("patient",),
          object=("prep:as",), agent=("agent",), subject_types=PERSON, value="role", implies=True, negative=True,
          confidence=0.7),
    Frame("posts.removed-from.v1", "member_of", verbs=REMOVE, subject=("patient",),
          object=("prep:from", "agent"), subject_types=PERSON, object_types=GROUP, negative=True),
    # "X resigned as minister", "quit as manager", "stepped down as chief executive of Y"
    Frame("posts.resigned-as.v1", "role", verbs=LEAVE, subject=("agent", "subject"), object=("prep:as",),
          subject_types=PERSON, value="role", implies=True, negative=True, confidence=0.7),
    Frame("posts.stepped-down-as.v1", "role", verbs=frozenset({"step", "stand"}), particle="down",
          subject=("agent", "subject"), object=("prep:as",), subject_types=PERSON, value="role", implies=True, negative=True,
          confidence=0.7),
    Frame("posts.stepped-down-from.v1", "member_of", verbs=frozenset({"step", "stand"}), particle="down",
          subject=("agent", "subject"), object=("prep:from",), subject_types=PERSON, object_types=GROUP, negative=True),
    # "X resigned from the board", "she quit the party", "left the company in May"
    Frame("posts.left.v1", "member_of", verbs=LEAVE, subject=("agent", "subject"), object=("prep:from", "dobj"),
          subject_types=PERSON, object_types=GROUP, negative=True),
    # "X joined the party", "signed for the club", "enlisted in the army"
    Frame("posts.joined.v1", "member_of", verbs=JOIN, subject=("agent", "subject"), object=("dobj", "prep:for|with|in"),
          subject_types=PERSON, object_types=GROUP, confidence=0.65),
    # "she joined Halden from Lumen Bank": she left Lumen Bank (a membership that ended)
    Frame("posts.joined-from.v1", "member_of", verbs=frozenset({"join", "move", "come", "arrive", "switch", "defect"}),
          subject=("agent", "subject"), object=("prep:from",), subject_types=PERSON, object_types=GROUP, negative=True,
          confidence=0.55),
    # "X works for Y", "a reporter who writes for Y", "played for Y"
    Frame("posts.works-for.v1", "member_of", verbs=WORK_FOR, subject=("agent", "subject"),
          object=("prep:for|at|with|on",), subject_types=PERSON, object_types=GROUP),
    # "she spent six seasons with the club", "he stayed with the firm", "X has been with Y for 20 years"
    Frame("posts.spent-with.v1", "member_of", verbs=SPEND, subject=("agent", "subject"), object=("prep:with",),
          subject_types=PERSON, object_types=GROUP, confidence=0.5),
    # "in his 12th season with the club", "her ten years at the bank", "his stint with the agency"
    Frame("posts.tenure-with.v1", "member_of", nouns=frozenset({"season", "year", "stint", "tenure", "spell", "career",
                                                                "decade", "term"}),
          subject=("poss",), object=("prep:with|at",), subject_types=PERSON, object_types=GROUP, confidence=0.5),
    # "X is employed by Y", "Y hired X", "the club acquired X"
    Frame("posts.employed.v1", "member_of", verbs=EMPLOY, subject=("patient",), object=("agent",),
          subject_types=PERSON, object_types=GROUP),
    # "X heads the agency", "she founded the clinic", "he chairs the committee"
    Frame("posts.leads.v1", "leader_of", verbs=LEAD, subject=("agent", "subject"), object=("dobj", "prep:over"),
          subject_types=PERSON, object_types=GROUP, confidence=0.65),
    # "the appointment of X as Y", "X's election as Y", "his nomination as Y"
    Frame("posts.appointment.v1", "role", nouns=frozenset({"appointment", "election", "nomination", "promotion",
                                                           "selection", "reappointment", "confirmation", "candidacy"}),
          subject=("patient", "poss"), object=("prep:as|to",), subject_types=PERSON, value="role", implies=True),
    # "X's resignation as Y", "the dismissal of X as Y", "his ouster as Y"
    Frame("posts.resignation.v1", "role", nouns=frozenset({"resignation", "dismissal", "ouster", "removal", "firing",
                                                           "sacking", "departure", "retirement", "exit", "impeachment"}),
          subject=("patient", "poss"), object=("prep:as",), subject_types=PERSON, value="role", implies=True, negative=True),
)
