"""The pipeline's thinc backend (claimgraph.nlp.ops): numpy's matrix product in place of blis
changes no annotation."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest
from thinc.api import NumpyOps

from claimgraph.nlp.ops import MATMUL_OPS, MatmulOps
from claimgraph.nlp.pipeline import load_package, load_pipeline

TEXTS = [
    "The harbour authority in Valmora said on Tuesday that two cargo ships had collided near the northern pier.",
    "Inspector Hannelore Brik told reporters the crew of the Saltmarsh Queen was not to blame.",
    "Residents of Dunmore Heights were evacuated after the river burst its banks, officials from the county council said.",
    "A spokesman for Kestrel Mining denied that the company had paid the fine, which a court set at $4 million.",
    "\"We will rebuild the bridge by March,\" the mayor, Ottilie Farrow, promised at a meeting in the town hall.",
]


def annotations(nlp, texts: list[str]) -> list[list[tuple[str, str, int, str, str, str]]]:
    return [[(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.lemma_) for t in doc] for doc in nlp.pipe(texts)]


def test_gemm_is_the_matrix_product_with_its_options() -> None:
    rng = np.random.default_rng(7)
    x, y = rng.standard_normal((5, 3), dtype=np.float32), rng.standard_normal((4, 3), dtype=np.float32)
    ops, blis = MatmulOps(), NumpyOps()
    expected = x @ y.T
    assert np.allclose(ops.gemm(x, y, trans2=True), expected, atol=1e-5)
    assert np.allclose(ops.gemm(x.T.copy(), y, trans1=True, trans2=True), expected, atol=1e-5)
    out = np.zeros((5, 4), dtype=np.float32)
    assert ops.gemm(x, y, out=out, trans2=True) is out
    assert np.allclose(out, blis.gemm(x, y, trans2=True), atol=1e-5)
    with pytest.raises(ValueError):
        ops.gemm(x[0], y, trans2=True)


def test_the_pipeline_is_built_on_the_matmul_ops() -> None:
    assert isinstance(load_pipeline().get_pipe("tok2vec").model.ops, MatmulOps)
    assert MatmulOps.name == MATMUL_OPS


def test_both_backends_annotate_alike() -> None:
    blis, matmul = load_package("numpy"), load_package()
    assert type(blis.get_pipe("tok2vec").model.ops) is NumpyOps
    assert isinstance(matmul.get_pipe("ner").model.ops, MatmulOps)
    assert annotations(blis, TEXTS) == annotations(matmul, TEXTS)
    # the vectors themselves agree to float precision, not just the decisions taken on them
    a, b = (list(nlp.pipe(TEXTS[:1]))[0].tensor for nlp in (blis, matmul))
    assert a.shape == b.shape and np.allclose(a, b, atol=1e-4)


def test_openblas_runs_one_thread_a_process() -> None:
    """Importing claimgraph before numpy loads keeps OpenBLAS to this thread (no pool of its own)."""
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    code = "import claimgraph, numpy, os; print(os.environ['OPENBLAS_NUM_THREADS'], len(os.listdir('/proc/self/task')))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert run.stdout.split() == ["1", "1"]
