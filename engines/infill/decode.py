"""One-token decode steps of MIDI-GPT's GPT-2 as one flat function: what we add around the library.

Every sampled token is one forward call with one new token per row on the KV cache. Through the
model's modules that call goes through about sixty ``nn.Module.__call__``s (hooks, attribute
look-ups) and a dozen views per layer; at a few milliseconds a token on the CPU that is a fifth of
the time. ``LeanDecode`` wraps the model: a call with one token per row on a non-empty cache and
no key mask or positions runs the same operations, in the same order, on the same weights (each
layer's own ``forward``, so an int8 Linear from engines/infill/quantize.py runs as itself), with
the cache grown in place in a buffer with room as the library's own attention does. Every other
call (a prefill, a masked or positioned call) goes to the model unchanged. The logits are equal to
the model's, bit for bit (tests). Measured in docs/benchmarks/infill.md.
"""

from __future__ import annotations

from typing import Any

EPS = 1e-5  # GPT-2's LayerNorm epsilon, as the library builds it


def grown(past: Any, new: Any, limit: int) -> Any:
    """``past`` (B, H, L, D) followed by ``new`` (B, H, 1, D): written in place when ``past`` is
    the head of a buffer with room (a view this function made before), else copied into a new
    buffer of twice the length (at most ``limit``, the model's context)."""
    rows, heads, length, dim = past.shape
    st = past.stride()
    room = st[1] // dim if st[3] == 1 and st[2] == dim and st[1] % dim == 0 else 0
    held = past.untyped_storage().nbytes() // past.element_size()
    if (
        room > length
        and st[0] == heads * st[1]
        and int(new.shape[0]) == rows
        and past.storage_offset() + rows * st[0] <= held
    ):
        out = past.as_strided((rows, heads, length + 1, dim), st, past.storage_offset())
        out[:, :, length:] = new
        return out
    size = max(length + 1, min(limit, 2 * (length + 1)))
    buffer = new.new_empty(int(new.shape[0]), heads, size, dim)
    buffer[:, :, :length] = past
    buffer[:, :, length : length + 1] = new
    return buffer[:, :, : length + 1]


class LeanDecode:
    """A MIDI-GPT GPT-2 (float or int8) whose one-token cached calls skip the module machinery."""

    def __init__(self, model: Any) -> None:
        self.model = model
        cfg, body = model.cfg, model.transformer
        self.dim, self.heads, self.limit = int(cfg.n_embd), int(cfg.n_head), int(cfg.n_positions)
        self.wte, self.wpe = body.wte.weight, body.wpe.weight
        self.layers = [
            (b.ln_1.weight, b.ln_1.bias, b.attn.c_attn.forward, b.attn.c_proj.forward,
             b.ln_2.weight, b.ln_2.bias, b.mlp.c_fc.forward, b.mlp.c_proj.forward)
            for b in body.h
        ]  # fmt: skip
        self.final = (body.ln_f.weight, body.ln_f.bias)
        self.head = model.lm_head.forward

    def __getattr__(self, name: str) -> Any:
        return getattr(self.model, name)

    @staticmethod
    def fits(model: Any) -> bool:
        """Whether ``model`` is the library's GPT-2 (the one architecture this decodes)."""
        from midigpt.inference.model.gpt2 import GPT2LMHeadModel

        return isinstance(model, GPT2LMHeadModel)

    def __call__(self, input_ids: Any, past_kv: Any = None, **kwargs: Any) -> Any:
        if kwargs or past_kv is None or int(input_ids.shape[1]) != 1 or int(past_kv[0][0].shape[2]) == 0:
            return self.model(input_ids, past_kv, **kwargs)
        import torch.nn.functional as F

        rows, length = int(input_ids.shape[0]), int(past_kv[0][0].shape[2])
        dim, heads = self.dim, self.heads
        x = F.embedding(input_ids, self.wte) + self.wpe[length]
        presents = []
        for (w1, b1, qkv_of, out_of, w2, b2, fc_of, proj_of), (past_k, past_v) in zip(
            self.layers, past_kv, strict=True
        ):
            qkv = qkv_of(F.layer_norm(x, (dim,), w1, b1, EPS)).view(rows, 3, heads, dim // heads)
            keys = grown(past_k, qkv[:, 1].unsqueeze(2), self.limit)
            values = grown(past_v, qkv[:, 2].unsqueeze(2), self.limit)
            presents.append((keys, values))
            y = F.scaled_dot_product_attention(qkv[:, 0].unsqueeze(2), keys, values)
            x = x + out_of(y.reshape(rows, 1, dim))
            x = x + proj_of(F.gelu(fc_of(F.layer_norm(x, (dim,), w2, b2, EPS)), approximate="tanh"))
        return self.head(F.layer_norm(x, (dim,), *self.final, EPS)), tuple(presents)
