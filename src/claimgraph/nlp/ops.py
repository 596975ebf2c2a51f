"""The thinc backend the English pipeline is loaded with: thinc's NumpyOps with its matrix
products done by numpy's BLAS (OpenBLAS) instead of blis.

thinc multiplies matrices with blis, which on this project's machines (AMD EPYC, avx2/fma) is
about 2.4 times slower than OpenBLAS for the shapes of the tok2vec layer; the rest of NumpyOps
(its C kernels for maxout, mish, the hash embeddings, …) is kept. The models are built with the
ops current when they are loaded, so the pipeline is loaded inside `use_ops(MATMUL_OPS)`
(claimgraph.nlp.pipeline); the parser's and the NER's transition loops call blis from C, out of
reach of the ops, and stay as they are. Tags, heads, dependencies, entities and lemmas come out
the same (tests/test_nlp_ops.py).

OpenBLAS runs one thread a process (OPENBLAS_NUM_THREADS=1, set by `claimgraph/__init__.py`
before numpy loads, unless the caller chose a number): a long document's pieces and a cluster's
workers are processes of their own, one a core, and a second thread in each would only compete
for the same cores.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from thinc.api import NumpyOps, registry

MATMUL_OPS = "claimgraph-matmul"


@registry.ops(MATMUL_OPS)
class MatmulOps(NumpyOps):
    """NumpyOps whose general matrix product is numpy.matmul (OpenBLAS sgemm)."""

    name = MATMUL_OPS

    def gemm(self, x: Any, y: Any, out: Any = None, trans1: bool = False, trans2: bool = False) -> Any:
        if x.ndim != 2 or y.ndim != 2:
            raise ValueError(f"gemm multiplies 2-dimensional arrays, not {x.ndim} and {y.ndim} dimensions")
        a = x.T if trans1 else x
        b = y.T if trans2 else y
        if out is None:
            return np.matmul(a, b)
        np.matmul(a, b, out=out)
        return out
