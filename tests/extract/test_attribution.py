from tests.extract.helpers import extract


def statements(text):
    doc, out, names = extract(text)
    return [(names.get(s.source or "", None), s.source_text, s.cue, s.content.text, s.kind) for s in out.statements]


def test_said_with_a_that_clause():
    rows = statements("The health ministry said that 40 people had died in the floods.")
    assert any(src == "health ministry" and "40 people had died" in content and kind == "indirect" for src, _, _, content, kind in rows)


def test_quotation_then_speaker():
    rows = statements("\u201cWe will rebuild the bridge within a year,\u201d Governor Ana Lima told reporters.")
    src, _, cue, content, kind = rows[0]
    assert src == "Ana Lima" and cue.startswith("told") and kind == "direct" and "rebuild the bridge" in content


def test_according_to():
    rows = statements("According to the Associated Press, the ship sank near Crete.")
    assert rows and rows[0][0] == "Associated Press" and rows[0][2] == "according to" and "ship sank" in rows[0][3]


def test_unnamed_speaker_becomes_a_description():
    rows = statements("A spokesman for the Kenyan police said the suspects had been released.")
    assert rows and rows[0][0] is not None and "spokesman" in rows[0][0]


def test_pronoun_speaker_continues_the_last_source():
    rows = statements("Coach Ella Berg praised the team. \u201cThey played with courage,\u201d she said.")
    assert any(src == "Ella Berg" for src, *_ in rows)
