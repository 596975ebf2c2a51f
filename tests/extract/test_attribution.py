from tests.extract.helpers import claims_of, extract


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


# ---- sources a reader can trust -------------------------------------------------------------


def test_an_appositive_name_is_the_source():
    rows = statements("The district coroner, Helga Brandt, told reporters that the boat had capsized.")
    assert rows and rows[0][0] == "Helga Brandt"
    rows = statements("Chile's state news agency ORBITA reported that the miners were safe.")
    assert rows and rows[0][0] == "ORBITA"


def test_an_outlet_named_before_its_kind():
    rows = statements("The fire started in the kitchen, the Harbour Gazette newspaper reported.")
    assert rows and rows[0][0] == "Harbour Gazette"


def test_a_document_speaks_for_its_author_or_is_relayed():
    rows = statements("An editorial in the daily Morning Ledger said the mayor should resign.")
    assert rows and rows[0][0] == "Morning Ledger"
    rows = claims_of("According to the charge sheet, Victor Lang was arrested in Porto.", "arrested")
    assert rows and rows[0]["claimant"] is None and rows[0]["modality"] == "reported"


def test_reports_say_is_the_publisher_reporting():
    rows = claims_of("Reports say Marta Silva was released on bail.", "released")
    assert rows and rows[0]["claimant"] is None and rows[0]["modality"] == "reported"
    rows = claims_of("It was reported that Marta Silva had been released.", "released")
    assert rows and rows[0]["claimant"] is None and rows[0]["modality"] == "reported"


def test_a_number_is_never_a_source():
    rows = statements("Sixty percent of voters believe the election was fair.")
    assert all(src is None for src, *_ in rows)


def test_headline_colon():
    rows = statements("Coast guard: two fishermen rescued off Brittany")
    assert rows and rows[0][2] == ":" and "two fishermen" in rows[0][3]


# ---- how firmly -------------------------------------------------------------------------------


def test_beliefs_are_hedged():
    rows = claims_of("Local officials believe that Omar Said was killed in the strike.", "dead")
    assert rows and rows[0]["modality"] == "hedged" and rows[0]["claimant"] == "Local officials"


def test_could_not_confirm_hedges_and_does_not_deny():
    rows = claims_of("The army could not confirm that Omar Said had been killed.", "dead")
    assert rows and rows[0]["modality"] == "hedged"


def test_a_later_non_confirmation_hedges_the_report_before_it():
    text = "The rebels said Omar Said was captured near the border. The claim could not be independently verified."
    rows = claims_of(text, "arrested")
    assert rows and rows[0]["modality"] == "hedged" and rows[0]["claimant"] == "rebels"


def test_a_relative_clause_is_not_denied_by_the_main_verb():
    rows = claims_of("Ivo Petrov, who led the Green League until 2019, denied the charges.", "leader_of")
    assert rows and rows[0]["modality"] == "asserted"


def test_a_reporting_clause_after_the_news_with_a_citation():
    rows = claims_of("Dana Kell died at her farm near Ostley on Monday, the Valley Gazette reported, citing her sister.", "dead")
    assert rows and rows[0]["claimant"] == "Valley Gazette" and rows[0]["modality"] == "reported"


def test_a_clause_that_merely_follows_a_report_is_not_attributed_to_it():
    rows = claims_of("Dana Kell died at her farm after the Valley Gazette reported the fire.", "dead")
    assert rows and rows[0]["claimant"] is None


def test_what_a_group_considers_itself_is_its_own_claim():
    rows = claims_of("The Northern Front, which considers itself the local branch of the Brotherhood, claimed the attack.",
                     "affiliated_with")
    assert rows and rows[0]["claimant"] == "Northern Front" and rows[0]["modality"] == "reported"


def test_an_aside_in_a_quoted_sentence_is_the_authors():
    text = "The ministry added: Pavel Orlik, who is known as the group's head of finance, was detained in May."
    roles = claims_of(text, "role")
    assert roles and all(r["claimant"] is None and r["modality"] == "asserted" for r in roles)
    assert claims_of(text, "arrested")[0]["claimant"] == "ministry"


def test_an_alias_in_brackets_is_not_hedged_by_the_verb():
    rows = claims_of("Idris Falah (also known as Abu Samir) is believed to have financed the cell.", "alias")
    assert rows and rows[0]["modality"] == "asserted" and rows[0]["object"] == "Abu Samir"
