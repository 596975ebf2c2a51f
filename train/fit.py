"""Fine-tuning and prediction in torch, seeded and single-order so that two runs agree."""

from __future__ import annotations

import random
from dataclasses import dataclass

import numpy as np
import torch
from dataset import TrainDoc
from model import HIDDEN, Head, MiniLM, verified_weights

from claimgraph.extract.learned.candidates import PAIR_PREDICATES, STATUS_PREDICATES
from claimgraph.extract.learned.features import PAIR_EXTRA, PAIR_VECTORS, SINGLE_EXTRA, SINGLE_VECTORS


@dataclass(frozen=True)
class Config:
    epochs: int = 10
    layers: int = 4  # encoder layers used: the top two of MiniLM are dropped (held-out F1 0.21 vs 0.08 with six, and faster)
    head_lr: float = 1e-3
    batch: int = 64
    weight_decay: float = 0.1
    positive_weight: float = 3.0
    seed: int = 17
    pair_hidden: int = 64
    single_hidden: int = 64


class Extractor(torch.nn.Module):
    def __init__(self, cfg: Config) -> None:
        super().__init__()
        self.encoder = MiniLM()
        self.pair_head = Head(PAIR_VECTORS * HIDDEN + PAIR_EXTRA, cfg.pair_hidden, len(PAIR_PREDICATES))
        self.single_head = Head(SINGLE_VECTORS * HIDDEN + SINGLE_EXTRA, cfg.single_hidden, len(STATUS_PREDICATES))

    def forward(self, d: TrainDoc) -> tuple[torch.Tensor, torch.Tensor]:
        """The whole model in torch (for the ONNX comparison)."""
        p = d.plan
        hidden = self.encoder(torch.from_numpy(p.ids), torch.from_numpy(p.mask))
        return self.heads(p, torch.from_numpy(p.pooling()) @ hidden.reshape(-1, HIDDEN))

    def heads(self, p, vectors: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        return self.pair_head(pair_x(vectors, p)), self.single_head(single_x(vectors, p))


def pair_x(v: torch.Tensor, p) -> torch.Tensor:  # mirrors features.pair_features
    if not p.pairs:
        return torch.zeros((0, PAIR_VECTORS * HIDDEN + PAIR_EXTRA))
    idx = torch.tensor(p.pairs)
    s, o = v[idx[:, 0]], v[idx[:, 1]]
    ctx = (v[idx[:, 3]] + v[idx[:, 4]]) / 2
    return torch.cat([s, o, s * o, v[idx[:, 2]], ctx, v[idx[:, 5]], torch.from_numpy(np.stack(p.pair_extra))], dim=1)


def single_x(v: torch.Tensor, p) -> torch.Tensor:  # mirrors features.single_features
    if not p.singles:
        return torch.zeros((0, SINGLE_VECTORS * HIDDEN + SINGLE_EXTRA))
    idx = torch.tensor(p.singles)
    return torch.cat([v[idx[:, 0]], v[idx[:, 1]], v[idx[:, 2]], torch.from_numpy(np.stack(p.single_extra))], dim=1)


def seed_all(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(1)  # one thread: the same sums in the same order on every machine


def _loss(logits: torch.Tensor, labels: np.ndarray, positive_weight: float) -> torch.Tensor:
    y = torch.from_numpy(labels.astype(np.float32))
    keep = (y >= 0).float()
    raw = torch.nn.functional.binary_cross_entropy_with_logits(
        logits, y.clamp(min=0), reduction="none", pos_weight=torch.full((y.shape[1],), positive_weight))
    return (raw * keep).sum() / keep.sum().clamp(min=1.0)


def feature_rows(docs: list[TrainDoc], vectors: list[torch.Tensor]) -> tuple[torch.Tensor, np.ndarray, torch.Tensor, np.ndarray]:
    """Every candidate's features and labels, stacked: the encoder is frozen, so they are fixed."""
    px = torch.cat([pair_x(v, d.plan) for d, v in zip(docs, vectors, strict=True)])
    sx = torch.cat([single_x(v, d.plan) for d, v in zip(docs, vectors, strict=True)])
    return px, np.concatenate([d.pair_labels for d in docs]), sx, np.concatenate([d.single_labels for d in docs])


def train(docs: list[TrainDoc], vectors: list[torch.Tensor], cfg: Config, log=print) -> Extractor:
    """Fit the heads on features of the frozen encoder (`pooled_states`), in seeded minibatches."""
    seed_all(cfg.seed)
    model = Extractor(cfg)
    model.encoder.load_minilm(verified_weights())
    model.encoder.keep_layers(cfg.layers)
    px, py, sx, sy = feature_rows(docs, vectors)
    for head, x, y in ((model.pair_head, px, py), (model.single_head, sx, sy)):
        opt = torch.optim.AdamW(head.parameters(), lr=cfg.head_lr, weight_decay=cfg.weight_decay)
        gen = torch.Generator().manual_seed(cfg.seed)
        for epoch in range(cfg.epochs):
            head.train()
            total = 0.0
            for batch in torch.randperm(len(x), generator=gen).split(cfg.batch):
                opt.zero_grad()
                loss = _loss(head(x[batch]), y[batch.numpy()], cfg.positive_weight)
                loss.backward()
                opt.step()
                total += float(loss.detach())
            if (epoch + 1) % 10 == 0:
                log(f"  epoch {epoch + 1}/{cfg.epochs}: loss {total:.1f}")
    model.eval()
    return model


@torch.no_grad()
def pooled_states(docs: list[TrainDoc], layers: tuple[int, ...]) -> dict[int, list[torch.Tensor]]:
    """Each document's pooled vectors after each of `layers` encoder layers, in one pass."""
    seed_all(0)
    encoder = MiniLM()
    encoder.load_minilm(verified_weights())
    encoder.eval()
    out: dict[int, list[torch.Tensor]] = {n: [] for n in layers}
    for d in docs:
        mask = torch.from_numpy(d.plan.mask)
        pooling = torch.from_numpy(d.plan.pooling())
        x = encoder.lower(torch.from_numpy(d.plan.ids), mask, 0)
        bias = (1.0 - mask[:, None, None, :].float()) * -10000.0
        for n in range(1, max(layers) + 1):
            x = encoder.layers[n - 1](x, bias)
            if n in layers:
                out[n].append(pooling @ x.reshape(-1, HIDDEN))
    return out


@torch.no_grad()
def predict_heads(model: Extractor, docs: list[TrainDoc], vectors: list[torch.Tensor]) -> list[tuple[np.ndarray, np.ndarray]]:
    model.eval()
    out = []
    for d, v in zip(docs, vectors, strict=True):
        pl, sl = model.heads(d.plan, v)
        out.append((torch.sigmoid(pl).numpy(), torch.sigmoid(sl).numpy()))
    return out


@torch.no_grad()
def predict(model: Extractor, docs: list[TrainDoc]) -> list[tuple[np.ndarray, np.ndarray]]:
    model.eval()
    out = []
    for d in docs:
        pl, sl = model(d)
        out.append((torch.sigmoid(pl).numpy(), torch.sigmoid(sl).numpy()))
    return out
