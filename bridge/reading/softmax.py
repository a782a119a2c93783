"""Multinomial logistic regression in numpy: the head's one model, trained and applied.

Training is full-batch Adam on the mean cross-entropy plus an L2 penalty on the weights, from zero
weights, for a fixed number of steps: the same data give the same weights, bit for bit.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Softmax:
    weights: np.ndarray  # (dimensions, classes) float32
    bias: np.ndarray  # (classes,) float32
    temperature: float = 1.0  # logits are divided by it (fitted on held-out folds)

    def logits(self, x: np.ndarray) -> np.ndarray:
        return (x @ self.weights + self.bias) / self.temperature

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        return softmax(self.logits(x))


def softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=-1, keepdims=True)


def train(
    x: np.ndarray,
    y: np.ndarray,
    classes: int,
    *,
    l2: float = 1e-4,
    steps: int = 400,
    rate: float = 0.05,
    sample_weight: np.ndarray | None = None,
) -> Softmax:
    """Fit weights to ``x`` (n, d) and class indices ``y`` (n,); ``sample_weight`` scales each row's loss."""
    n, d = x.shape
    x32 = x.astype(np.float32)
    onehot = np.zeros((n, classes), dtype=np.float32)
    onehot[np.arange(n), y] = 1.0
    weight = np.ones(n, dtype=np.float32) if sample_weight is None else sample_weight.astype(np.float32)
    weight = weight / weight.sum()
    w = np.zeros((d, classes), dtype=np.float32)
    b = np.zeros(classes, dtype=np.float32)
    m_w, v_w, m_b, v_b = np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for step in range(1, steps + 1):
        p = softmax(x32 @ w + b)
        error = (p - onehot) * weight[:, None]
        grad_w = x32.T @ error + l2 * w
        grad_b = error.sum(axis=0)
        m_w = beta1 * m_w + (1 - beta1) * grad_w
        v_w = beta2 * v_w + (1 - beta2) * grad_w**2
        m_b = beta1 * m_b + (1 - beta1) * grad_b
        v_b = beta2 * v_b + (1 - beta2) * grad_b**2
        correction1, correction2 = 1 - beta1**step, 1 - beta2**step
        w -= rate * (m_w / correction1) / (np.sqrt(v_w / correction2) + eps)
        b -= rate * (m_b / correction1) / (np.sqrt(v_b / correction2) + eps)
    return Softmax(w.astype(np.float32), b.astype(np.float32))


def fit_temperature(logits: np.ndarray, y: np.ndarray) -> float:
    """The temperature (0.2 to 5) that minimises the negative log-likelihood of held-out ``logits``."""
    best, best_loss = 1.0, np.inf
    for t in np.exp(np.linspace(np.log(0.2), np.log(5.0), 81)):
        p = softmax(logits / t)
        loss = -np.log(p[np.arange(len(y)), y] + 1e-12).mean()
        if loss < best_loss:
            best, best_loss = float(t), loss
    return best
