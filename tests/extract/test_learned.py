"""The learned extractor: its candidates, its model files, the shipped ONNX model on sentences
written for these tests, and how its claims join the rules' (claimant, merging)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from claimgraph.errors import ClaimgraphError, ModelError
from claimgraph.extract.claims import _keep
from claimgraph.extract.coref import referents
from claimgraph.extract.document import extract_document
from claimgraph.extract.learned.candidates import pairs, sentences, singles, spots
from claimgraph.extract.learned.extractor import MODEL_DIR, LearnedExtractor, load_extractor, read_manifest
from claimgraph.extract.mentions import extract_mentions
from claimgraph.extract.predicates.base import Found
from claimgraph.ingest.dedupe import document_id
from claimgraph.model import Claim, Document, Mention
from claimgraph.model import Span as TextSpan
from claimgraph.nlp.pipeline import load_pipeline
from claimgraph.pipeline import document_extractors
from claimgraph.settings import Settings

TEXT = ("Goalkeeper Tomas Berg signed for Rovers United in March.\n"
        "He had spent four seasons at Harbour City in Norway.\n"
        "Police in Lisbon arrested Carla Mendes on Friday.\n")


def _parse(text: str):
    document = Document(id=document_id(text), source="test", text=text, publisher="Test Wire", published="2021-04-02", language="en")
    doc = load_pipeline()(text)
    return document, doc, extract_mentions(document, doc)


def test_pairs_stay_within_one_or_two_adjacent_sentences():
    _, doc, mentions = _parse(TEXT)
    sents = sentences(doc, mentions)
    found = {(p.subject.mention.text, p.object.mention.text, p.subject_sent, p.object_sent) for p in pairs(doc, sents)}
    assert ("Tomas Berg", "Rovers United", 0, 0) in found
    assert ("Tomas Berg", "Harbour City", 0, 1) in found  # the next sentence
    assert not any(s == 0 and o == 2 or s == 2 and o == 0 for _, _, s, o in found)  # two sentences apart
    assert all(p.subject.mention.type != "PLACE" for p in pairs(doc, sents))
    people = {one.entity.mention.text for one in singles(doc, sents)}
    assert {"Tomas Berg", "Carla Mendes"} <= people
    assert "Lisbon" not in people


def test_pair_trigger_is_the_verb_that_joins_the_names():
    _, doc, mentions = _parse(TEXT)
    sents = sentences(doc, mentions)
    pair = next(p for p in pairs(doc, sents) if p.subject.mention.text == "Tomas Berg" and p.object.mention.text == "Rovers United")
    assert doc[pair.trigger].lemma_ == "sign"


def test_a_pronoun_coreference_linked_stands_for_its_name_at_its_own_place():
    text = "Maria Lopez joined the Harbour Rowing Club in 2019.\nShe now coaches at Lakeside Academy in Porto.\n"
    document = Document(id=document_id(text), source="test", text=text, publisher="Test Wire", language="en")
    doc = load_pipeline()(text)
    out = extract_document(document, doc)
    names = [m for m in out.mentions if not m.is_reference and m.start is not None]
    plain = sentences(doc, names)
    linked = sentences(doc, names, referents(doc))
    she = text.index("She") - linked[1].start
    assert not any(n.start == she for n in plain[1].names)
    (stand_in,) = [n for n in linked[1].names if n.start == she]
    assert stand_in.mention.text == "Maria Lopez" and stand_in.end == she + 3
    found = {(p.subject.mention.text, p.object.mention.text, p.subject_sent, p.object_sent) for p in pairs(doc, linked)}
    assert ("Maria Lopez", "Lakeside Academy", 1, 1) in found
    assert not any(s == o for s, o, *_ in found)  # a name is never paired with a pronoun standing for it


def test_a_description_stands_for_the_name_its_antecedents_reach():
    text = "Ivan Petrov spoke. The veteran striker left. It rained."
    doc = load_pipeline()(text)
    name = Mention("m:1", "d:1", 0, 11, "Ivan Petrov", "PERSON", "PERSON")
    described = Mention("m:2", "d:1", 19, 38, "The veteran striker", "PERSON", "rules/description", antecedent="m:1")
    lone = Mention("m:3", "d:1", 19, 38, "The veteran striker", "PERSON", "rules/description")
    assert spots(doc, [name, described], {}) == [(0, 11, name), (19, 38, name)]
    assert spots(doc, [name, described]) == [(0, 11, name)]  # names alone: a model trained before references
    assert spots(doc, [name, lone], {}) == [(0, 11, name)]
    rained = next(t.i for t in doc if t.text == "It")
    assert spots(doc, [name], {rained: None}) == [(0, 11, name)]  # linked to nothing known: no candidate


def test_manifest_lists_every_shipped_file_with_its_checksum():
    manifest = read_manifest(MODEL_DIR)
    assert set(manifest["files"]) == {manifest["encoder"], manifest["heads"], manifest["tokenizer"]}
    assert all(0.0 < t <= 1.01 for t in manifest["thresholds"].values())


def test_a_damaged_model_file_is_refused_with_a_clear_error(tmp_path: Path):
    copy = tmp_path / "model"
    shutil.copytree(MODEL_DIR, copy)
    heads = copy / json.loads((copy / "manifest.json").read_text())["heads"]
    heads.write_bytes(heads.read_bytes()[:-10] + b"0123456789")
    with pytest.raises(ModelError, match="sha256"):
        LearnedExtractor(copy)
    (copy / "manifest.json").unlink()
    with pytest.raises(ModelError, match="--extractor rules"):
        LearnedExtractor(copy)


def test_the_manifest_says_whether_the_model_reads_references(tmp_path: Path):
    copy = tmp_path / "model"
    shutil.copytree(MODEL_DIR, copy)
    manifest = json.loads((copy / "manifest.json").read_text())
    manifest.pop("candidates", None)
    (copy / "manifest.json").write_text(json.dumps(manifest))
    assert not LearnedExtractor(copy).references  # trained on names alone: given names alone
    manifest["candidates"] = "names+references"
    (copy / "manifest.json").write_text(json.dumps(manifest))
    assert LearnedExtractor(copy).references


def test_shipped_model_gives_found_records_inside_their_sentences():
    _, doc, mentions = _parse(TEXT)
    extractor = load_extractor()
    first = list(extractor.find(doc, mentions, {}))
    again = list(extractor.find(doc, mentions, {}))
    assert [(f.predicate, f.subject.id, f.confidence) for f in first] == [(f.predicate, f.subject.id, f.confidence) for f in again]
    for f in first:
        assert f.rule == "learned/minilm-v1"
        assert 0.0 <= f.confidence <= 1.0
        if f.object is None:  # a status: its trigger (the name's head) is in the name's sentence
            assert f.trigger.sent.start_char <= (f.subject.start or 0) < f.trigger.sent.end_char
    probs = extractor.probabilities(doc, sentences(doc, mentions))
    assert probs[1].shape[1] == 5 and probs[3].shape[1] == 4
    assert ((probs[3] >= 0) & (probs[3] <= 1)).all()


def _status_probability(text: str, name: str, predicate: str) -> float:
    _, doc, mentions = _parse(text)
    _, _, kept, probs = load_extractor().probabilities(doc, sentences(doc, mentions))
    k = next(i for i, one in enumerate(kept) if one.entity.mention.text == name)
    return float(probs[k, ("dead", "wounded", "arrested", "released").index(predicate)])


def test_shipped_model_reads_the_verb_not_the_name():
    killed = _status_probability("Gunmen shot dead the shopkeeper Daniel Okafor outside his store on Tuesday.\n", "Daniel Okafor", "dead")
    lunch = _status_probability("The shopkeeper Daniel Okafor had lunch with his cousins on Tuesday.\n", "Daniel Okafor", "dead")
    caught = _status_probability("Detectives arrested the accountant Ruth Keller at her home on Monday.\n", "Ruth Keller", "arrested")
    speech = _status_probability("The accountant Ruth Keller gave a speech at the charity dinner on Monday.\n", "Ruth Keller", "arrested")
    assert killed > lunch
    assert caught > speech


class _Stub:
    """A document extractor that says the second sentence's person was killed."""

    rule = "learned/stub"

    def find(self, doc, mentions, by_token):
        person = next(m for m in mentions if m.text == "Omar Haddad")
        verb = next(t for t in doc if t.lemma_ == "kill")
        yield Found("dead", verb, person, self.rule, confidence=0.9)


def test_a_document_extractor_claim_takes_the_statement_speaker_and_sentence_offsets():
    text = "The ceasefire collapsed overnight.\nThe Interior Ministry said that gunmen killed Omar Haddad near the port.\n"
    document = Document(id=document_id(text), source="test", text=text, publisher="Test Wire", language="en")
    out = extract_document(document, load_pipeline()(text), [_Stub()])
    names = {m.id: m.text for m in out.mentions}
    claim = next(c for c in out.claims if c.predicate == "dead" and names[c.subject] == "Omar Haddad")
    assert "learned/stub" in claim.extractor
    assert names.get(claim.claimant or "") == "Interior Ministry"
    assert str(claim.modality) == "reported"
    assert text[claim.evidence.start : claim.evidence.end] == claim.evidence.text
    assert claim.evidence.text.startswith("The Interior Ministry said")


def test_a_claim_both_find_is_merged_with_the_higher_confidence():
    subject = Mention("m:1", "d:1", 0, 4, "Anna", "PERSON", "PERSON")
    evidence = TextSpan(0, 20, "Anna was shot dead.")
    rule = Claim("c:1", "d:1", "m:1", "dead", evidence, extractor="rules/status.killed.v1", confidence=0.6, agent="m:9")
    model = Claim("c:1", "d:1", "m:1", "dead", evidence, extractor="learned/minilm-v1", confidence=0.83)
    found = Found("dead", None, subject, "x")  # type: ignore[arg-type]
    claims: dict = {}
    _keep(claims, found, rule)
    _keep(claims, found, model)
    (merged,) = claims.values()
    assert merged.confidence == 0.83
    assert merged.agent == "m:9"  # the rule's reading is kept
    assert merged.extractor == "rules/status.killed.v1+learned/minilm-v1"


def test_extractor_setting_is_checked():
    assert document_extractors(Settings(extractor="rules")) == []
    with pytest.raises(ClaimgraphError, match="rules\\+learned"):
        document_extractors(Settings(extractor="neural"))


def test_rules_only_ingest_has_no_learned_claims(cg):
    cg.settings = Settings.load(db=cg.settings.db, extractor="rules")
    cg.ingest_texts([TEXT])
    assert not any("learned/" in c["extractor"] for c in cg.claims())


def test_cli_ingest_takes_the_extractor_option(tmp_path: Path):
    from typer.testing import CliRunner

    from claimgraph.cli import app

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(TEXT)
    db = str(tmp_path / "x.db")
    bad = CliRunner().invoke(app, ["--db", db, "ingest", "--extractor", "neural", str(tmp_path / "in")])
    assert bad.exit_code == 1 and "unknown extractor 'neural'" in bad.output
    good = CliRunner().invoke(app, ["--db", db, "ingest", "--extractor", "rules+learned", str(tmp_path / "in")])
    assert good.exit_code == 0 and "1 new" in good.output
