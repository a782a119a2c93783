"""The encoder's forward pass traced and frozen by TorchScript: the same kernels, no Python between them.

A command is one short sentence, so most of an eager call is the Python of transformers' modules
around a few small matrix products; the frozen trace runs the same operations with the weights
folded in (about half the time a sentence on 2 cores, docs/benchmarks/commands.md). It is kept
only when it gives the model's own numbers, bit for bit, on probes of other lengths than the one
it was traced on and on a padded batch; otherwise, or when tracing fails, the eager model is used.
TorchScript is deprecated in torch 2.x but works in the pinned version; the fallback covers its end.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

Forward = Callable[[Any, Any], Any]  # (input_ids, attention_mask) -> last hidden state
TRACE_WITH = "make the drums busier"
PROBES = ("star this take", "could you bring the piano down a little in the chorus, it is too loud")


def eager(model: Any) -> Forward:
    def forward(input_ids: Any, attention_mask: Any) -> Any:
        return model(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state

    return forward


def traced(model: Any, tokenizer: Any) -> Forward | None:
    """The frozen trace of ``model`` as a :data:`Forward`, or None when it is not the model's equal."""
    import torch

    example = tokenizer([TRACE_WITH], return_tensors="pt")
    try:
        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")  # TracerWarning on shape checks, torch.jit's deprecation
            module = torch.jit.trace(
                model, (example["input_ids"], example["attention_mask"]), strict=False, check_trace=False
            )
            frozen = torch.jit.freeze(module.eval())
    except (RuntimeError, TypeError, ValueError, AttributeError) as exc:
        log.info("sentence encoder not traced (%s): the eager model reads", exc)
        return None

    def forward(input_ids: Any, attention_mask: Any) -> Any:
        out = frozen(input_ids, attention_mask)
        return out["last_hidden_state"] if isinstance(out, dict) else out[0]

    plain = eager(model)
    batches = [tokenizer([p], return_tensors="pt") for p in PROBES]
    batches.append(tokenizer(list(PROBES), padding=True, return_tensors="pt"))
    with torch.inference_mode():
        for b in batches:
            ids, mask = b["input_ids"], b["attention_mask"]
            real = mask.unsqueeze(-1).to(torch.float32)  # padded places are read by neither
            if not torch.equal(forward(ids, mask) * real, plain(ids, mask) * real):
                log.info("sentence encoder trace differs from the model: the eager model reads")
                return None
    return forward
