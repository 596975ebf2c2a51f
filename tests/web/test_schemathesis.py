"""Schemathesis against the JSON API, in process: every operation, with data that fits the OpenAPI
schema and data that does not, with and without a server token; a fixed seed and a small budget
(about half a minute in all). No input may get a 5xx."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from claimgraph.web.app import create_app

TOKEN = "a-token-of-twenty-chars"  # with a token, whatever token a client sends is compared
OPERATIONS = sorted(f"{method.upper()} {path}" for path, methods in create_app("unused.db").openapi()["paths"].items()
                    for method in methods)
EXAMPLES = 12
RUNS = [pytest.param(label, token, mode, id=f"{label}-{'token' if token else 'open'}-{mode}")
        for label in OPERATIONS for mode in GenerationMode
        for token in ([None, TOKEN] if not label.startswith("GET") else [None])]  # a token guards only changes


@pytest.mark.parametrize(("label", "token", "mode"), RUNS)
def test_no_server_error(label: str, token: str | None, mode: GenerationMode, example_db: Path, tmp_path: Path):
    copy = tmp_path / "schemathesis.db"
    shutil.copy(example_db, copy)
    app = create_app(copy, token=token, allowed=["testserver"])  # the in-process client's Host
    operation = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app).find_operation_by_label(label)
    assert operation is not None
    answers: list[tuple[int, str]] = []

    @settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy(generation_mode=mode))
    def call(case: schemathesis.Case) -> None:
        response = case.call()
        answers.append((response.status_code, f"{case.path_parameters} {case.query} {case.body!r}"[:300]))

    try:
        call()
    except Unsatisfiable:
        pytest.skip(f"schemathesis can make no {mode} data for {label}")
    server_errors = [a for a in answers if a[0] >= 500]
    assert answers and not server_errors, server_errors[:3]
