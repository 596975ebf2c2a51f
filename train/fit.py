"""Fine-tuning and prediction in torch, seeded and single-order so that two runs agree.

Two phases (a linear probe, then fine-tuning): the heads are first fitted on the pooled vectors
of the frozen encoder; then the top `tuned` encoder layers and the heads are trained together,
a few documents a step. The layers below the tuned ones never change, so their output is
computed once per sentence and cached (`encode`); each step runs only the tuned layers, once per
sentence, and pools every candidate's word pieces from that one pass."""

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
    tuned: int = 1  # top encoder layers fine-tuned in phase two (0: the heads alone)
    tune_epochs: int = 4
    encoder_lr: float = 3e-5
    tune_head_lr: float = 3e-4
    docs_per_step: int = 2


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


def train(docs: list[TrainDoc], cache: Cache, cfg: Config, log=print) -> Extractor:
    """Phase one: the heads on the frozen encoder's pooled vectors, in seeded minibatches of
    candidates. Phase two: the top `cfg.tuned` layers and the heads, a few documents a step."""
    seed_all(cfg.seed)
    model = Extractor(cfg)
    model.encoder.load_minilm(verified_weights())
    model.encoder.keep_layers(cfg.layers)
    px, py, sx, sy = feature_rows(docs, [cache.pooled[d.file] for d in docs])
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
    if cfg.tuned:
        tune(model, docs, cache, cfg, log)
    model.eval()
    return model


def tune(model: Extractor, docs: list[TrainDoc], cache: Cache, cfg: Config, log=print) -> None:
    upto = cfg.layers - cfg.tuned
    top = model.encoder.layers[upto:]
    heads = [*model.pair_head.parameters(), *model.single_head.parameters()]
    opt = torch.optim.AdamW([{"params": top.parameters(), "lr": cfg.encoder_lr}, {"params": heads, "lr": cfg.tune_head_lr}],
                            weight_decay=cfg.weight_decay)
    gen = torch.Generator().manual_seed(cfg.seed + 1)
    steps = cfg.tune_epochs * -(-len(docs) // cfg.docs_per_step)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda k: 1.0 - k / steps)
    model.train()
    for epoch in range(cfg.tune_epochs):
        total = 0.0
        for batch in torch.randperm(len(docs), generator=gen).split(cfg.docs_per_step):
            opt.zero_grad()
            logits, labels = [], []
            for i in batch.tolist():
                pl, sl = forward_cached(model, docs[i], cache, upto)
                logits += [pl, sl]
                labels += [docs[i].pair_labels, docs[i].single_labels]
            loss = sum(_loss(lg, lb, cfg.positive_weight) * len(lb) for lg, lb in zip(logits, labels, strict=True))
            loss = loss / max(1, sum(len(lb) for lb in labels))
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss.detach())
        log(f"  tuning epoch {epoch + 1}/{cfg.tune_epochs}: loss {total:.2f}")


def forward_cached(model: Extractor, d: TrainDoc, cache: Cache, upto: int) -> tuple[torch.Tensor, torch.Tensor]:
    """The tuned layers on the cached output of the frozen ones, pooled, through the heads."""
    mask = torch.from_numpy(d.plan.mask)
    x = model.encoder.upper(cache.lower[d.file], mask, upto)
    return model.heads(d.plan, cache.pooling[d.file] @ x.reshape(-1, HIDDEN))


class Cache:
    """Per document: the frozen layers' output (`lower`), the pooling matrix, and the pooled
    vectors of the untouched encoder (the heads' first phase)."""

    def __init__(self) -> None:
        self.lower: dict[str, torch.Tensor] = {}
        self.pooling: dict[str, torch.Tensor] = {}
        self.pooled: dict[str, torch.Tensor] = {}


@torch.no_grad()
def encode(docs: list[TrainDoc], cfg: Config) -> Cache:
    """One pass of the pretrained encoder over every document's sentences."""
    seed_all(0)
    encoder = MiniLM()
    encoder.load_minilm(verified_weights())
    encoder.eval()
    cache = Cache()
    upto = cfg.layers - cfg.tuned
    for d in docs:
        mask = torch.from_numpy(d.plan.mask)
        pooling = torch.from_numpy(d.plan.pooling())
        x = encoder.lower(torch.from_numpy(d.plan.ids), mask, 0)
        bias = (1.0 - mask[:, None, None, :].float()) * -10000.0
        for n in range(1, cfg.layers + 1):
            if n - 1 == upto:
                cache.lower[d.file] = x
            x = encoder.layers[n - 1](x, bias)
        if upto == cfg.layers:
            cache.lower[d.file] = x
        cache.pooling[d.file] = pooling
        cache.pooled[d.file] = pooling @ x.reshape(-1, HIDDEN)
    return cache


@torch.no_grad()
def predict_cached(model: Extractor, docs: list[TrainDoc], cache: Cache, cfg: Config) -> list[tuple[np.ndarray, np.ndarray]]:
    model.eval()
    out = []
    for d in docs:
        pl, sl = forward_cached(model, d, cache, cfg.layers - cfg.tuned)
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
