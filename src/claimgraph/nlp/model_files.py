"""The spaCy package checked file by file: every file's sha256 against the hashes recorded in
model.sha256 beside this module, before any of its code runs or its weights load.

Checking the meta alone would pass weights swapped under an honest meta.json; a hash per file
(code, config, vocabulary, weights) fails on any change, a missing file or an added one.
"""

from __future__ import annotations

import hashlib
import importlib.util
from pathlib import Path

from claimgraph.errors import ModelError

RECORDED = Path(__file__).with_name("model.sha256")


def recorded_hashes(path: Path = RECORDED) -> dict[str, str]:
    """{relative path: sha256} from a `sha256sum` listing (comment lines start with #)."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            digest, name = line.split(maxsplit=1)
            out[name.strip().removeprefix("./")] = digest
    return out


def package_folder(package: str) -> Path:
    """Where an installed package lives, found without importing (running) it."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.origin:
        raise ModelError(f"the spaCy pipeline {package} is not installed; run `make setup`")
    return Path(spec.origin).parent


def verify_files(folder: Path, expected: dict[str, str], package: str) -> None:
    """ModelError unless `folder` holds exactly the expected files with the expected hashes."""
    found = {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*"))
             if p.is_file() and "__pycache__" not in p.parts}
    problems = [f"{name} is missing" for name in sorted(expected.keys() - found.keys())]
    problems += [f"{name} is not part of the release" for name in sorted(found.keys() - expected.keys())]
    problems += [f"{name} has sha256 {_sha256(found[name])[:12]}…, expected {expected[name][:12]}…"
                 for name in sorted(expected.keys() & found.keys()) if _sha256(found[name]) != expected[name]]
    if problems:
        shown = "; ".join(problems[:3]) + (f"; and {len(problems) - 3} more" if len(problems) > 3 else "")
        raise ModelError(f"spaCy package {package} at {folder} is not the verified release ({shown}); "
                         "reinstall it with `make setup`")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
