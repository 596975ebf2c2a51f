"""Conflicts, independence, grades and their history, on claims built by hand."""

from __future__ import annotations

from claimgraph.model import Claim, Document, Entity, Modality, Span
from claimgraph.reason.grading import reason_over

DOCS = {
    "d1": Document(id="d1", source="1", text="x", publisher="Wire A", published="2024-03-04"),
    "d2": Document(id="d2", source="2", text="x", publisher="Paper B", published="2024-03-04", duplicate_of="d1"),
    "d3": Document(id="d3", source="3", text="x", publisher="Paper C", published="2024-03-05"),
    "d4": Document(id="d4", source="4", text="x", publisher="Wire A", published="2024-03-20"),
}
ENTITIES = {e: Entity(id=e, type=t, name=n) for e, t, n in [
    ("e:p", "PERSON", "Ivan Petrenko"), ("e:g", "ORG", "Shield Brigade"), ("e:m", "ORG", "Defence Ministry"),
    ("e:a", "ORG", "Wire A"), ("e:b", "ORG", "Paper B"), ("e:c", "ORG", "Paper C"), ("e:x", "PERSON", "Ana Bell"),
    ("e:o", "ORG", "US officials")]}
MENTIONS = {"p": "e:p", "g": "e:g", "m": "e:m", "x": "e:x", "o": "e:o"}
PUBLISHER = {"d1": "e:a", "d2": "e:b", "d3": "e:c", "d4": "e:a"}


def claim(cid: str, doc: str, predicate: str, modality: str = "reported", claimant: str | None = "m",
          time: str | None = None, subject: str = "p", obj: dict | None = None) -> Claim:
    return Claim(id=cid, document=doc, subject=subject, predicate=predicate, evidence=Span(0, 1, "x"),
                 modality=Modality(modality), claimant=claimant, object=obj,
                 time={"start": time, "end": time} if time else None)


def run(claims: list[Claim]):
    return reason_over(claims, MENTIONS, DOCS, ENTITIES, PUBLISHER)


def grade_of(result, claim_id: str) -> str:
    gid = result.memberships[claim_id]
    return next(g.grade for g in result.groups if g.id == gid)


def test_killed_then_alive_is_a_status_conflict():
    result = run([claim("c1", "d1", "dead", time="2024-03-03"), claim("c2", "d3", "alive", claimant="g", time="2024-03-05")])
    assert [c.kind for c in result.conflicts] == ["status"]
    assert "Ivan Petrenko" in result.conflicts[0].summary and "alive" in result.conflicts[0].summary
    assert grade_of(result, "c1") == "contested"


def test_alive_before_a_later_death_is_a_sequence():
    result = run([claim("c1", "d1", "alive", time="2024-01"), claim("c2", "d3", "dead", time="2024-03-03")])
    assert result.conflicts == []


def test_arrested_then_released_is_not_a_conflict():
    result = run([claim("c1", "d1", "arrested", time="2010"), claim("c2", "d3", "released", time="2011")])
    assert result.conflicts == []


def test_denial_by_another_party():
    result = run([claim("c1", "d1", "dead"), claim("c2", "d3", "dead", modality="denied", claimant="g")])
    kinds = {c.kind for c in result.conflicts}
    assert "denial" in kinds


def test_two_dates_of_death_are_a_value_conflict_but_month_and_day_agree():
    result = run([claim("c1", "d1", "dead", time="2024-03-03"), claim("c2", "d3", "dead", claimant="g", time="2024-03-18")])
    assert [c.kind for c in result.conflicts] == ["value"]
    result = run([claim("c1", "d1", "dead", time="2024-03"), claim("c2", "d3", "dead", claimant="g", time="2024-03-18")])
    assert result.conflicts == []


def test_two_bounty_amounts_are_a_value_conflict():
    result = run([claim("c1", "d1", "bounty", obj={"value": "$3 million", "datatype": "money"}),
                  claim("c2", "d3", "bounty", claimant="x", obj={"value": "$5m", "datatype": "money"})])
    assert [c.kind for c in result.conflicts] == ["value"]


def test_syndicated_copies_and_repeats_count_once():
    result = run([claim("c1", "d1", "arrested", modality="asserted", claimant=None),
                  claim("c2", "d2", "arrested", modality="asserted", claimant=None)])
    group = result.groups[0]
    assert group.support == 1 and group.grade == "single-source"
    assert any("near-duplicate" in r for r in group.reasons)
    result = run([claim("c1", "d1", "arrested"), claim("c2", "d3", "arrested")])  # one ministry, two outlets
    assert result.groups[0].support == 1


def test_independent_sources_corroborate_then_confirm():
    two = [claim("c1", "d1", "arrested", modality="asserted", claimant=None),
           claim("c2", "d3", "arrested", modality="asserted", claimant=None)]
    assert grade_of(run(two), "c1") == "corroborated"
    three = [*two, claim("c3", "d3", "arrested", claimant="x")]
    assert grade_of(run(three), "c1") == "confirmed"


def test_the_party_concerned_confirms():
    claims = [
        claim("c0", "d1", "member_of", modality="asserted", claimant=None, obj={"mention": "g"}),
        claim("c1", "d1", "dead", time="2024-03-03"),
        claim("c2", "d3", "dead", modality="denied", claimant="g"),
    ]
    assert grade_of(run(claims), "c1") == "contested"
    later = [*claims, claim("c3", "d4", "dead", claimant="g", time="2024-03-18")]
    result = run(later)
    assert grade_of(result, "c1") == "confirmed"
    assert any("party concerned" in r for g in result.groups for r in g.reasons)


def test_all_denials_grade_denied():
    result = run([claim("c1", "d1", "arrested", modality="denied")])
    assert result.groups[0].grade == "denied"


def test_grade_history_is_kept(tmp_path):
    from claimgraph.store.sqlite import SQLiteStore

    store = SQLiteStore(tmp_path / "h.db")
    first = run([claim("c1", "d1", "dead"), claim("c2", "d3", "dead", modality="denied", claimant="g")])
    store.save_reasoning(first.groups, first.conflicts, first.memberships)
    second = run([claim("c0", "d1", "member_of", modality="asserted", claimant=None, obj={"mention": "g"}),
                  claim("c1", "d1", "dead"), claim("c2", "d3", "dead", modality="denied", claimant="g"),
                  claim("c3", "d4", "dead", claimant="g")])
    store.save_reasoning(second.groups, second.conflicts, second.memberships)
    gid = second.memberships["c1"]
    group = next(g for g in store.groups() if g.id == gid)
    assert group.grade == "confirmed"
    assert [h["grade"] for h in group.history] == ["contested"]


def test_an_undated_survival_reported_before_the_death_report_is_a_sequence():
    # survived (reported 2024-03-04, undated) and killed (reported 2024-03-20, undated): a sequence
    result = run([claim("c1", "d1", "alive", claimant=None), claim("c2", "d4", "dead")])
    assert not [c for c in result.conflicts if c.kind == "status"]
    # the other way round, alive reported after the death report, clashes
    result = run([claim("c1", "d1", "dead"), claim("c2", "d4", "alive", claimant=None)])
    assert [c for c in result.conflicts if c.kind == "status"]


def test_summaries_agree_with_plural_claimants():
    result = run([claim("c1", "d1", "dead", claimant="o", time="2024-03-03"), claim("c2", "d3", "alive", claimant="g", time="2024-03-05")])
    assert result.conflicts[0].summary.startswith("US officials say Ivan Petrenko killed")
    assert "Shield Brigade reports he is alive" in result.conflicts[0].summary


def reported_on(cid: str, doc: str, when: str, claimant: str = "m") -> Claim:
    """A death whose only date is the report's ("reported in April that X had been killed")."""
    c = claim(cid, doc, "dead", claimant=claimant)
    return Claim(**{**{f: getattr(c, f) for f in c.__dataclass_fields__}, "time": {"start": when, "end": when, "basis": "report"}})


def test_a_death_reported_before_the_stated_date_of_death_is_a_value_conflict():
    result = run([reported_on("c1", "d1", "2024-01"), claim("c2", "d3", "dead", claimant="g", time="2024-03-03")])
    assert [c.kind for c in result.conflicts] == ["value"]
    assert "reported 2024-01" in result.conflicts[0].summary


def test_a_death_announced_after_the_stated_date_agrees_with_it():
    # the group announces on the 18th a death the ministry dated the 3rd: no clash of dates
    result = run([claim("c1", "d1", "dead", time="2024-03-03"), reported_on("c2", "d4", "2024-03-18", claimant="g")])
    assert result.conflicts == []


def test_two_death_reports_months_apart_are_one_value_conflict():
    result = run([reported_on("c1", "d1", "2023-11"), reported_on("c2", "d3", "2024-03-05", claimant="g"),
                  reported_on("c3", "d4", "2024-03-20", claimant="x")])
    assert [c.kind for c in result.conflicts] == ["value"]
    assert set(result.conflicts[0].claims) == {"c1", "c2", "c3"}
    result = run([reported_on("c1", "d1", "2024-03-04"), reported_on("c2", "d3", "2024-03-20", claimant="g")])
    assert result.conflicts == []  # the same death, reported twice in one month


def test_an_authors_later_recap_of_a_death_is_not_a_second_death():
    recap = reported_on("c2", "d4", "2024-03-20", claimant=None)
    result = run([reported_on("c1", "d1", "2024-01"), recap])
    assert result.conflicts == []
