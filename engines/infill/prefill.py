"""One prefill for a batch of takes: what we add around MIDI-GPT's batched sampling.

The library samples N variations of a one-step plan as one batch (``run_variations``), but its
first call feeds the prompt N times (``ctx.repeat(N, 1)``): N prompts' worth of compute for one
prompt, which on a CPU costs as much as the whole decode of a short infill. SharedPrefill wraps
the model the engine calls: a first call (empty cache) whose rows are all the same runs on one
row and hands every row the same logits and cache (views, no copies; the library's cache append
copies them into a buffer of its own on the next token). Every other call goes straight through,
so a single take, and every later token, run exactly as before. Measured in docs/benchmarks/infill.md.
"""

from __future__ import annotations

from typing import Any


class SharedPrefill:
    """A MIDI-GPT model (ModelBase) whose first call for identical rows computes one row."""

    def __init__(self, model: Any) -> None:
        self.model = model
        self.shared = 0  # prefills shared so far (for tests and benchmarks)
        self.calls = 0  # forward calls so far: one per sampling step, every row of a batch at once

    def __getattr__(self, name: str) -> Any:
        return getattr(self.model, name)

    def __call__(self, input_ids: Any, past_kv: Any = None, **kwargs: Any) -> Any:
        self.calls += 1
        rows = int(input_ids.shape[0])
        empty = past_kv is None or all(int(k.shape[2]) == 0 for k, _ in past_kv)
        if (
            rows > 1
            and input_ids.shape[1] > 1
            and empty
            and not kwargs
            and bool((input_ids == input_ids[:1]).all())
        ):
            logits, present = self.model(input_ids[:1], past_kv)
            self.shared += 1
            grown = tuple((k.expand(rows, -1, -1, -1), v.expand(rows, -1, -1, -1)) for k, v in present)
            return logits.expand(rows, -1, -1), grown
        return self.model(input_ids, past_kv, **kwargs)


def share_prefill(engine: Any) -> Any:
    """A new InferenceEngine over the same model, tokenizer and analyzer, its model wrapped in SharedPrefill."""
    from midigpt.inference import InferenceEngine

    if isinstance(engine._model, SharedPrefill):
        return engine
    wrapped = InferenceEngine(SharedPrefill(engine._model), engine._tokenizer, engine._analyzer)
    wrapped.warmup()
    return wrapped
