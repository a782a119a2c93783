"""MusicGen's decoder as a plain loop over the loaded weights, with every buffer allocated up front.

``DecodeLoop(model)`` reads the weights of a loaded transformers MusicGen (text-conditioned or
melody) once. A ``State`` holds all that a decoding step touches: the self-attention key/value
cache, the cross-attention keys/values (computed once per call), the tokens, the codebook delay
pattern (-1 where a token is sampled, else the token forced there), the sampling noise and the
position ``q`` of the token being predicted. ``step(state)`` predicts one position for every
codebook and advances ``q``; it has no Python-side branching on values and no allocation outside
the step, so the same function runs eagerly (CPU, tests) or captured in a CUDA graph (graphed.py).

Rows are the batch, doubled for classifier-free guidance with the conditional rows first (as in
transformers). Sampling draws from the guided, temperature-scaled, top-k-filtered softmax by the
exponential race (argmax of p / E with E ~ Exp(1) drawn per seed beforehand), which is exactly a
categorical draw; temperature 0 is greedy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import torch
import torch.nn.functional as F


@dataclass(slots=True)
class State:
    """Preallocated buffers for ``batch`` takes, ``length`` cache positions and ``text`` cross positions."""

    keys: list[torch.Tensor]  # per layer (rows, heads, length, head_dim)
    values: list[torch.Tensor]
    cross_keys: list[torch.Tensor]  # per layer (rows, heads, text, head_dim); empty for melody models
    cross_values: list[torch.Tensor]
    cross_mask: torch.Tensor  # (1, 1, 1, text) bool: True for real text tokens
    tokens: torch.Tensor  # (batch, codebooks, length) long
    pattern: torch.Tensor  # (batch, codebooks, length) long: -1 = sample here, else forced
    noise: torch.Tensor  # (length, batch, codebooks, vocab) float32 Exp(1) draws
    q: torch.Tensor  # (1,) long: the token position predicted next
    offset: torch.Tensor  # (1,) long: cache positions taken by a melody model's prefix
    guidance: torch.Tensor  # () float32
    temperature: torch.Tensor  # () float32
    batch: int
    guided: bool
    greedy: bool
    top_k: int  # 0: no top-k filter


class DecodeLoop:
    """One decoding step and the prefill over a loaded model's decoder weights."""

    def __init__(self, model: Any) -> None:
        lm = model.decoder  # MusicgenForCausalLM / MusicgenMelodyForCausalLM
        dec = lm.model.decoder
        cfg = lm.config
        self.model = model
        self.codebooks, self.vocab = int(cfg.num_codebooks), int(cfg.vocab_size)
        self.hidden, self.heads = int(cfg.hidden_size), int(cfg.num_attention_heads)
        self.head_dim = self.hidden // self.heads
        self.melody = model.config.model_type == "musicgen_melody"
        self.pad = int(cfg.pad_token_id)
        self.embed = torch.stack([e.weight for e in dec.embed_tokens])  # (codebooks, vocab + 1, hidden)
        self.positions = dec.embed_positions.weights
        self.dtype, self.device = self.embed.dtype, self.embed.device
        self.final_norm = (dec.layer_norm.weight, dec.layer_norm.bias, dec.layer_norm.eps)
        self.lm_head = torch.cat([h.weight for h in lm.lm_heads])  # (codebooks * vocab, hidden)
        self.layers = [self._layer(layer) for layer in dec.layers]
        self.activation = cfg.activation_function

    def _layer(self, layer: Any) -> dict[str, Any]:
        sa = layer.self_attn
        out: dict[str, Any] = {
            "norm1": layer.self_attn_layer_norm,
            "qkv": torch.cat([sa.q_proj.weight, sa.k_proj.weight, sa.v_proj.weight]),
            "out": sa.out_proj.weight,
            "norm3": layer.final_layer_norm,
            "fc1": layer.fc1.weight,
            "fc2": layer.fc2.weight,
        }
        ca = getattr(layer, "encoder_attn", None)
        if ca is not None:
            out.update(norm2=layer.encoder_attn_layer_norm, cq=ca.q_proj.weight, ck=ca.k_proj.weight)
            out.update(cv=ca.v_proj.weight, co=ca.out_proj.weight)
        return out

    def new_state(
        self, *, batch: int, length: int, text: int, guided: bool, greedy: bool, top_k: int
    ) -> State:
        rows = 2 * batch if guided else batch
        shape = (rows, self.heads, length, self.head_dim)
        cross = (rows, self.heads, text, self.head_dim)
        opts: dict[str, Any] = {"dtype": self.dtype, "device": self.device}
        has_cross = not self.melody
        long: dict[str, Any] = {"dtype": torch.long, "device": self.device}
        return State(
            keys=[torch.zeros(shape, **opts) for _ in self.layers],
            values=[torch.zeros(shape, **opts) for _ in self.layers],
            cross_keys=[torch.zeros(cross, **opts) for _ in self.layers] if has_cross else [],
            cross_values=[torch.zeros(cross, **opts) for _ in self.layers] if has_cross else [],
            cross_mask=torch.ones((1, 1, 1, max(text, 1)), dtype=torch.bool, device=self.device),
            tokens=torch.full((batch, self.codebooks, length), self.pad, **long),
            pattern=torch.full((batch, self.codebooks, length), self.pad, **long),
            noise=torch.ones((length, batch, self.codebooks, self.vocab), device=self.device),
            q=torch.ones(1, **long),
            offset=torch.zeros(1, **long),
            guidance=torch.ones((), device=self.device),
            temperature=torch.ones((), device=self.device),
            batch=batch,
            guided=guided,
            greedy=greedy,
            top_k=min(top_k, self.vocab),
        )

    def set_cross(self, st: State, hidden: torch.Tensor, mask: torch.Tensor) -> None:
        """Cross-attention keys/values of (rows, text, hidden) conditioning; ``mask`` (text,) bool."""
        n = hidden.shape[1]
        st.cross_mask.zero_()
        st.cross_mask[..., :n] = mask
        for layer, ck, cv in zip(self.layers, st.cross_keys, st.cross_values, strict=True):
            ck.zero_()
            cv.zero_()
            ck[:, :, :n] = self._heads(F.linear(hidden, layer["ck"]))
            cv[:, :, :n] = self._heads(F.linear(hidden, layer["cv"]))

    def _heads(self, x: torch.Tensor) -> torch.Tensor:
        """(rows, time, hidden) -> (rows, heads, time, head_dim)."""
        return x.view(x.shape[0], x.shape[1], self.heads, self.head_dim).transpose(1, 2)

    def embed_tokens(self, tokens: torch.Tensor) -> torch.Tensor:
        """(rows, codebooks, time) token ids -> (rows, time, hidden), the codebooks' embeddings summed."""
        books = torch.arange(self.codebooks, device=tokens.device)[None, :, None]
        return self.embed[books, tokens].sum(dim=1)

    def run(self, st: State, hidden: torch.Tensor, positions: torch.Tensor) -> torch.Tensor:
        """The decoder layers over (rows, time, hidden) input at cache ``positions`` (time,); fills the cache."""
        rows, time, _ = hidden.shape
        h = hidden + self.positions.index_select(0, positions).to(hidden.dtype)
        span = torch.arange(st.keys[0].shape[2], device=positions.device)
        mask = span[None, :] <= positions[:, None]  # (time, length): causal over what is written
        for i, layer in enumerate(self.layers):
            x = self._norm(h, layer["norm1"])
            q, k, v = F.linear(x, layer["qkv"]).split(self.hidden, dim=-1)
            st.keys[i].index_copy_(2, positions, self._heads(k))
            st.values[i].index_copy_(2, positions, self._heads(v))
            a = F.scaled_dot_product_attention(self._heads(q), st.keys[i], st.values[i], attn_mask=mask)
            h = h + F.linear(a.transpose(1, 2).reshape(rows, time, self.hidden), layer["out"])
            if st.cross_keys:
                x = self._norm(h, layer["norm2"])
                cq = self._heads(F.linear(x, layer["cq"]))
                a = F.scaled_dot_product_attention(cq, st.cross_keys[i], st.cross_values[i], st.cross_mask)
                h = h + F.linear(a.transpose(1, 2).reshape(rows, time, self.hidden), layer["co"])
            x = self._norm(h, layer["norm3"])
            h = h + F.linear(self._act(F.linear(x, layer["fc1"])), layer["fc2"])
        weight, bias, eps = self.final_norm
        return F.layer_norm(h, (self.hidden,), weight, bias, eps)

    def logits(self, hidden: torch.Tensor) -> torch.Tensor:
        """(rows, time, hidden) -> (rows, codebooks, time, vocab) float32, as transformers' lm_heads."""
        rows, time, _ = hidden.shape
        out = F.linear(hidden, self.lm_head).view(rows, time, self.codebooks, self.vocab)
        return out.transpose(1, 2).float()

    def step(self, st: State) -> None:
        """Predict position ``q`` for every take and codebook, write it into ``tokens``, advance ``q``."""
        prev = st.tokens.index_select(2, st.q - 1)  # (batch, codebooks, 1)
        rows = torch.cat([prev, prev]) if st.guided else prev
        h = self.run(st, self.embed_tokens(rows), st.q - 1 + st.offset)
        scores = self.logits(h)[:, :, 0]  # (rows, codebooks, vocab)
        if st.guided:
            cond, uncond = scores.chunk(2)
            scores = uncond + (cond - uncond) * st.guidance
        if st.greedy:
            new = scores.argmax(dim=-1)
        else:
            scores = scores / st.temperature
            if st.top_k:
                kth = scores.topk(st.top_k, dim=-1).values[..., -1:]
                scores = scores.masked_fill(scores < kth, float("-inf"))
            race = scores.softmax(dim=-1) / st.noise.index_select(0, st.q)[0]
            new = race.argmax(dim=-1)
        forced = st.pattern.index_select(2, st.q)[..., 0]
        new = torch.where(forced == -1, new, forced)
        st.tokens.index_copy_(2, st.q, new[..., None])
        st.q.add_(1)

    def _norm(self, x: torch.Tensor, norm: Any) -> torch.Tensor:
        return F.layer_norm(x, (self.hidden,), norm.weight, norm.bias, norm.eps)

    def _act(self, x: torch.Tensor) -> torch.Tensor:
        if self.activation == "gelu":
            return F.gelu(x)
        from transformers.activations import ACT2FN

        return ACT2FN[self.activation](x)  # type: ignore[no-any-return]
