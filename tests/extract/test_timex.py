import pytest

from claimgraph.extract.timex import resolve_time

MONDAY = "2016-03-14"


@pytest.mark.parametrize(
    ("phrase", "published", "expected"),
    [
        ("Wednesday", MONDAY, "2016-03-09"),
        ("on Friday", MONDAY, "2016-03-11"),
        ("Monday", MONDAY, "2016-03-14"),
        ("last October", MONDAY, "2015-10"),
        ("in April", MONDAY, "2015-04"),
        ("March", MONDAY, "2016-03"),
        ("Last spring", MONDAY, "2015"),
        ("February 2", MONDAY, "2016-02-02"),
        ("May 2013", None, "2013-05"),
        ("early 2012", None, "2012"),
        ("2010", None, "2010"),
        ("Sept 8, 2017", None, "2017-09-08"),
        ("last year", MONDAY, "2015"),
    ],
)
def test_dates_resolve_at_their_precision(phrase, published, expected):
    assert resolve_time(phrase, published) == {"start": expected, "end": expected}


@pytest.mark.parametrize("phrase", ["Wednesday", "last October", "in April", "late this week"])
def test_relative_dates_without_an_anchor_stay_null(phrase):
    assert resolve_time(phrase, None) is None


@pytest.mark.parametrize("phrase", ["a month later", "the past three decades", "recent years"])
def test_vague_phrases_are_not_guessed(phrase):
    assert resolve_time(phrase, MONDAY) is None
