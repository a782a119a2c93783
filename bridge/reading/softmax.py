"""The head's model in numpy: one hidden layer shared by the fields, a softmax per field.

``logits = relu(x @ hidden + hidden_bias) @ weights[field] + bias[field]``, divided by the field's
temperature (fitted on held-out folds). Training is full-batch Adam on the fields' summed mean
cross-entropy plus an L2 penalty, from a seeded start, for a fixed number of steps: the same data
and seed give the same weights, bit for bit.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

HIDDEN = 256


@dataclass(frozen=True)
class Net:
    hidden: np.ndarray  # (dimensions, HIDDEN) float32
    hidden_bias: np.ndarray  # (HIDDEN,)
    weights: dict[str, np.ndarray]  # field -> (HIDDEN, classes)
    bias: dict[str, np.ndarray]  # field -> (classes,)
    temperature: dict[str, float] = field(default_factory=dict)  # field -> T (1 when not fitted)

    def features(self, x: np.ndarray) -> np.ndarray:
        return np.maximum(x @ self.hidden + self.hidden_bias, 0.0)

    def logits(self, x: np.ndarray, name: str, features: np.ndarray | None = None) -> np.ndarray:
        h = self.features(x) if features is None else features
        return (h @ self.weights[name] + self.bias[name]) / self.temperature.get(name, 1.0)

    def probabilities(self, x: np.ndarray, name: str, features: np.ndarray | None = None) -> np.ndarray:
        return softmax(self.logits(x, name, features))

    def with_temperatures(self, temperature: dict[str, float]) -> Net:
        return replace(self, temperature=dict(temperature))


def softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=-1, keepdims=True)


class _Adam:
    def __init__(self, params: list[np.ndarray], rate: float) -> None:
        self.params, self.rate, self.step = params, rate, 0
        self.m = [np.zeros_like(p) for p in params]
        self.v = [np.zeros_like(p) for p in params]

    def update(self, grads: list[np.ndarray]) -> None:
        self.step += 1
        c1, c2 = 1 - 0.9**self.step, 1 - 0.999**self.step
        for p, g, m, v in zip(self.params, grads, self.m, self.v, strict=True):
            m *= 0.9
            m += 0.1 * g
            v *= 0.999
            v += 0.001 * g * g
            p -= self.rate * (m / c1) / (np.sqrt(v / c2) + 1e-8)


def train(
    x: np.ndarray,
    labels: dict[str, np.ndarray],
    classes: dict[str, int],
    *,
    sample_weight: np.ndarray | None = None,
    hidden: int = HIDDEN,
    steps: int = 300,
    rate: float = 0.01,
    l2: float = 1e-4,
    seed: int = 0,
) -> Net:
    """Fit a net to ``x`` (n, d) and each field's class indices (n,); ``sample_weight`` scales rows."""
    rng = np.random.default_rng(seed)
    n, d = x.shape
    x = x.astype(np.float32)
    weight = np.ones(n, np.float32) if sample_weight is None else sample_weight.astype(np.float32)
    weight = weight / weight.sum()
    names = list(labels)
    onehot = {k: np.eye(classes[k], dtype=np.float32)[labels[k]] for k in names}
    w1 = (rng.standard_normal((d, hidden)) / np.sqrt(d)).astype(np.float32)
    b1 = np.zeros(hidden, np.float32)
    w2 = {
        k: (rng.standard_normal((hidden, classes[k])) * 0.1 / np.sqrt(hidden)).astype(np.float32)
        for k in names
    }
    b2 = {k: np.zeros(classes[k], np.float32) for k in names}
    adam = _Adam([w1, b1, *w2.values(), *b2.values()], rate)
    for _ in range(steps):
        h = np.maximum(x @ w1 + b1, 0.0)
        dh = np.zeros_like(h)
        grads_w2, grads_b2 = [], []
        for k in names:
            error = (softmax(h @ w2[k] + b2[k]) - onehot[k]) * weight[:, None]
            grads_w2.append(h.T @ error + l2 * w2[k])
            grads_b2.append(error.sum(axis=0))
            dh += error @ w2[k].T
        dh *= h > 0
        adam.update([x.T @ dh + l2 * w1, dh.sum(axis=0), *grads_w2, *grads_b2])
    return Net(w1, b1, w2, b2)


def fit_temperature(logits: np.ndarray, y: np.ndarray) -> float:
    """The temperature (0.2 to 5) that minimises the negative log-likelihood of held-out ``logits``."""
    best, best_loss = 1.0, np.inf
    for t in np.exp(np.linspace(np.log(0.2), np.log(5.0), 81)):
        p = softmax(logits / t)
        loss = -np.log(p[np.arange(len(y)), y] + 1e-12).mean()
        if loss < best_loss:
            best, best_loss = float(t), loss
    return best
