from claimgraph.ingest.dedupe import NearDuplicateIndex, document_id, signature

STORY = (
    "The port authority said on Tuesday that the northern terminal would close for repairs until March, "
    "affecting about 300 workers. Union leaders said they had not been consulted and called the decision "
    "reckless. The authority said the workers would be moved to the southern terminal during the works."
)


def test_id_ignores_whitespace_case_and_quote_style():
    assert document_id(STORY) == document_id("  " + STORY.replace("  ", " ").upper() + "\n")
    assert document_id(STORY) != document_id(STORY + " A new sentence.")


def test_syndicated_copy_is_a_near_duplicate_and_another_story_is_not():
    index = NearDuplicateIndex(0.7)
    index.add("d:orig", signature(STORY))
    copy = "Port terminal to close\n\n" + STORY + "\n\nThis story was provided by Coast Wire."
    assert index.find(signature(copy)) == "d:orig"
    other = "The city council approved a new budget for schools and parks on Monday after a long debate about taxes."
    assert index.find(signature(other)) is None
