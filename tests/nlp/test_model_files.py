"""The spaCy package is checked by the sha256 of each of its files, not only by its meta."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from claimgraph.errors import ModelError
from claimgraph.nlp.model_files import package_folder, recorded_hashes, verify_files
from claimgraph.nlp.pipeline import MODEL_PACKAGE, load_pipeline


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    folder = tmp_path / MODEL_PACKAGE
    shutil.copytree(package_folder(MODEL_PACKAGE), folder, ignore=shutil.ignore_patterns("__pycache__"))
    return folder


def test_the_installed_package_is_the_recorded_one():
    hashes = recorded_hashes()
    assert any(name.endswith("ner/model") for name in hashes) and len(hashes) > 20
    verify_files(package_folder(MODEL_PACKAGE), hashes, MODEL_PACKAGE)
    assert load_pipeline().meta["version"] == "3.8.0"


def test_changed_weights_fail_with_the_file_named(copy: Path):
    weights = next(copy.glob("*/ner/model"))
    data = bytearray(weights.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one bit pattern flipped deep in the weights; the meta is untouched
    weights.write_bytes(bytes(data))
    with pytest.raises(ModelError, match=r"ner/model has sha256 .* expected .*make setup"):
        verify_files(copy, recorded_hashes(), MODEL_PACKAGE)


def test_a_missing_or_added_file_fails(copy: Path):
    next(copy.glob("*/tagger/model")).unlink()
    (copy / "extra.py").write_text("print('hello')\n")
    with pytest.raises(ModelError, match=r"tagger/model is missing; extra.py is not part of the release"):
        verify_files(copy, recorded_hashes(), MODEL_PACKAGE)
