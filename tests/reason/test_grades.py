"""Grades say what they rest on: hedges are no support, the party concerned is read in time, and
every grade gives its counts in words (docs/grades.md)."""

from __future__ import annotations

from pathlib import Path

from claimgraph.api import Claimgraph
from claimgraph.model import Claim, Span
from claimgraph.query import find_entity
from tests.reason.test_reasoning import claim, grade_of, run

# A ministry says its strike killed a commander; officials elsewhere (whose police he once
# headed) could not confirm it; a third outlet repeats the ministry.
STORY = {
    "1_borealis.txt": "Ministry says its strike killed militia commander Tomas Vell\n\nBorealis Daily — June 3, 2024\n\n"
    "The Ostravan defence ministry said on Monday that its air strike near the town of Kessel killed Tomas Vell, "
    "the commander of the Grey Wolf Battalion.\n\nTomas Vell once headed a special unit of the Drovak interior "
    "ministry before joining the Grey Wolf Battalion in 2019.\n",
    "2_lantern.txt": "Drovak officials cannot confirm militia commander's death\n\nThe Evening Lantern — June 4, 2024\n\n"
    "The Drovak interior ministry said it could not confirm that Tomas Vell had been killed.\n",
    "3_harbour.txt": "Strike near Kessel\n\nHarbour Gazette — June 5, 2024\n\n"
    "The Ostravan defence ministry said Tomas Vell was killed in the air strike near Kessel.\n",
}


def test_a_death_one_ministry_claims_and_others_cannot_confirm_is_not_confirmed(tmp_path: Path):
    for name, text in STORY.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    with Claimgraph.open(tmp_path / "story.db") as cg:
        cg.ingest([tmp_path])
        person = find_entity(cg.store, "Tomas Vell")
        death = next(g for g in cg.store.groups() if g.subject == person.id and g.predicate == "dead")
    assert death.grade != "confirmed"
    assert death.grade == "single-source"
    assert death.support == 1  # the ministry, twice, counts once; the hedge not at all
    words = death.reasons[0]
    assert "reported by 1 independent source (Ostravan defence ministry) in 2 reports" in words
    # the body's ministry and the headline's "Drovak officials cannot confirm ... death"
    assert "2 hedged or could not confirm (Drovak interior ministry, Drovak officials)" in words
    assert "denied by none" in words
    assert not any("accepted by" in r for r in death.reasons)  # a former employer is not the party concerned
    assert death.counts == {"sources": 1, "reports": 2, "hedged": 2, "denied": 0, "copies": 0}


def test_hedged_claims_are_never_support():
    result = run([claim("c1", "d1", "dead"), claim("c2", "d3", "dead", modality="hedged", claimant="g"),
                  claim("c3", "d4", "dead", modality="hedged", claimant="x")])
    group = result.groups[0]
    assert group.support == 1 and group.grade == "single-source"
    assert "2 hedged or could not confirm (Ana Bell, Shield Brigade)" in group.reasons[0]


def test_only_hedged_claims_are_unconfirmed():
    result = run([claim("c1", "d1", "dead", modality="hedged")])
    assert result.groups[0].grade == "unconfirmed" and result.groups[0].support == 0
    assert result.groups[0].reasons[0].startswith("asserted or reported by no source")


def test_a_hedge_by_the_party_concerned_is_not_its_acceptance():
    claims = [claim("c0", "d1", "member_of", modality="asserted", claimant=None, obj={"mention": "g"}),
              claim("c1", "d1", "dead"), claim("c2", "d3", "dead", modality="hedged", claimant="g")]
    result = run(claims)
    assert grade_of(result, "c1") == "single-source"
    assert any("Shield Brigade" in r and "does not confirm" in r for g in result.groups for r in g.reasons)


def former(cid: str, doc: str, text: str, predicate: str = "leader_of", time: str | None = None) -> Claim:
    c = claim(cid, doc, predicate, modality="asserted", claimant=None, obj={"mention": "g"}, time=time)
    return Claim(**{**{f: getattr(c, f) for f in c.__dataclass_fields__}, "evidence": Span(0, len(text), text)})


def test_a_former_organisation_does_not_speak_for_him():
    acceptance = [claim("c1", "d1", "dead"), claim("c2", "d3", "dead", claimant="g")]
    now = run([former("c0", "d1", "Petrenko heads the Shield Brigade."), *acceptance])
    assert grade_of(now, "c1") == "confirmed"
    assert any("accepted by Shield Brigade" in r for g in now.groups for r in g.reasons)
    for text in ("Petrenko, a former commander of the Shield Brigade.", "Petrenko led the Shield Brigade until 2019.",
                 "Petrenko once headed the Shield Brigade.", "Petrenko, an ex-commander of the Shield Brigade."):
        then = run([former("c0", "d1", text), *acceptance])
        assert grade_of(then, "c1") == "corroborated", text


def test_a_defection_ends_a_membership_and_a_later_one_does_not_reach_back():
    acceptance = [claim("c1", "d1", "dead", time="2024-03-03"), claim("c2", "d3", "dead", claimant="g")]
    left = run([former("c0", "d1", "Petrenko headed the Shield Brigade.", time="2015"),
                claim("c9", "d1", "defected_to", modality="asserted", claimant=None, obj={"mention": "m"}, time="2016"),
                *acceptance])
    assert grade_of(left, "c1") == "corroborated"
    joined_later = run([former("c0", "d1", "Petrenko joined the Shield Brigade.", predicate="member_of", time="2025"),
                        *acceptance])
    assert grade_of(joined_later, "c1") == "corroborated"  # the brigade spoke in 2024, before he joined


def test_three_sources_confirm_unless_a_denial_stands():
    three = [claim("c1", "d1", "arrested"), claim("c2", "d3", "arrested", claimant="x"),
             claim("c3", "d3", "arrested", claimant="o")]
    assert grade_of(run(three), "c1") == "confirmed"
    denied = run([*three, claim("c4", "d1", "arrested", modality="denied", claimant="g")])
    assert grade_of(denied, "c1") == "contested"
    assert "denied by 1 (Shield Brigade)" in denied.groups[0].reasons[0]
    # the brigade denied on the 4th and reported it itself on the 20th: its denial no longer stands
    retracted = run([*three, claim("c4", "d1", "arrested", modality="denied", claimant="g"),
                     claim("c5", "d4", "arrested", claimant="g")])
    assert grade_of(retracted, "c1") == "confirmed"


def test_every_grade_gives_its_counts_and_why():
    result = run([claim("c1", "d1", "arrested", modality="asserted", claimant=None),
                  claim("c2", "d3", "arrested", modality="asserted", claimant=None)])
    group = result.groups[0]
    assert group.grade == "corroborated"
    assert group.reasons[0] == "reported by 2 independent sources (Paper C, Wire A); denied by none"
    assert group.reasons[-1].startswith("not confirmed: 2 independent sources; confirming takes 3")
