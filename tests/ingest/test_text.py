from claimgraph.ingest.text import parse_text

REPORT = """Accessibility links

Mayor resigns after audit finds missing funds

By Jane Okafor
Harbour Times — June 3, 2021

The mayor of Eastport resigned on Wednesday, the city council said.

Share this

An audit found that $2 million was missing, according to the council.

Comments

I never trusted him. He should be arrested.

Top stories
Weather turns cold
"""


def test_metadata_from_byline_and_dateline():
    parsed = parse_text(REPORT)
    assert parsed.title == "Mayor resigns after audit finds missing funds"
    assert parsed.authors == ["Jane Okafor"]
    assert parsed.publisher == "Harbour Times"
    assert parsed.published == "2021-06-03"


def test_boilerplate_removed_and_headline_kept():
    text = parse_text(REPORT).text
    assert text.startswith("Mayor resigns after audit")
    assert "Share this" not in text
    assert "Top stories" not in text and "Weather turns cold" not in text
    assert "Accessibility links" not in text


def test_reader_comment_is_a_separate_section():
    parsed = parse_text(REPORT)
    assert parsed.comment_start is not None
    comment = parsed.text[parsed.comment_start :]
    assert comment.startswith("Comments")
    assert "He should be arrested" in comment
    assert "audit found" in parsed.text[: parsed.comment_start]


def test_footer_source_and_byline():
    parsed = parse_text("Budget passes\n\nThe parliament passed the budget on Friday after a long debate.\n\nBy Lee Wong\nSource: Capital Post\n")
    assert parsed.publisher == "Capital Post"
    assert parsed.authors == ["Lee Wong"]
    assert "Source:" not in parsed.text


def test_lead_dateline_names_outlet():
    parsed = parse_text("Talks stall\n\nRiverNews.net - Negotiators failed to agree on Monday, officials said.\n")
    assert parsed.publisher == "RiverNews.net"


def test_no_invented_metadata():
    parsed = parse_text("Negotiators failed to agree on Monday, officials said. Talks resume next week.")
    assert parsed.published is None and parsed.publisher is None and parsed.authors == []


def test_labelled_dates_and_outlet_lines_under_the_title_are_metadata():
    parsed = parse_text("Ferry service resumes\n\nBay Courier\nBy Ola Nwosu\nPublished: 2023-02-07\n\nThe ferry sailed again on Monday.\n")
    assert parsed.publisher == "Bay Courier"
    assert parsed.published == "2023-02-07"
    assert parsed.authors == ["Ola Nwosu"]
    assert "Published" not in parsed.text and "Bay Courier" not in parsed.text


def test_head_lines_with_pipes_and_agency_datelines():
    from claimgraph.ingest.text import parse_text

    piped = parse_text("Harbour works to start in spring\nBy Mara Quist | The Coastal Ledger | September 9, 2025\n\nWork on the pier begins in March.\n")
    assert (piped.publisher, piped.published, piped.authors) == ("The Coastal Ledger", "2025-09-09", ["Mara Quist"])
    wire = parse_text("Ferry strike ends\nVALLETTA, Malta, Sept. 3, 2024 (Island Wire) —\n\nThe ferry crews returned to work on Tuesday.\n")
    assert (wire.publisher, wire.published) == ("Island Wire", "2024-09-03")
    assert "Island Wire" not in wire.text
