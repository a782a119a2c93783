"""Dynamic int8 quantization of a MIDI-GPT model for the CPU: an option, off unless asked for.

On a CPU a sampled token costs mostly the reading of the weights (a 1-row product with every
layer's matrices), so weights held as int8 read four times fewer bytes. ``int8(model)`` copies the
model, turns MIDI-GPT's GPT-2 ``Conv1D`` layers (``x @ W + b``, W stored input-major) into
``torch.nn.Linear`` with the same weights, and quantizes every Linear (the lm_head too) with
``torch.ao.quantization.quantize_dynamic``: weights int8 per tensor, activations quantized per
call. The model keeps its class and methods (KV cache, positions), so the library's session runs
it unchanged. The logits move by about 1e-2 (a different take for the same seed); the tests hold
that the takes stay valid scores. Asked for with ``load(..., quantize="int8")`` or
``jobs.run(..., quantize="int8")`` (the daemon passes it when ``MUSEAROO_INFILL_INT8=1`` is in its
environment; the engine reads none). CPU only; measured in docs/benchmarks/infill.md.
"""

from __future__ import annotations

import copy
import warnings
from typing import Any

from engines.errors import InvalidValue

QUANTIZE = ("int8",)


def _linear_of(conv: Any) -> Any:
    """A torch.nn.Linear computing what a GPT-2 Conv1D (weight (in, out), x @ W + b) computes."""
    import torch

    n_in, n_out = (int(d) for d in conv.weight.shape)
    linear = torch.nn.Linear(n_in, n_out, bias=True)
    with torch.no_grad():
        linear.weight.copy_(conv.weight.detach().t())
        linear.bias.copy_(conv.bias.detach())
    return linear


def as_linear(model: Any) -> Any:
    """A copy of ``model`` with every GPT-2 Conv1D replaced by the same torch.nn.Linear."""
    from midigpt.inference.model.gpt2 import Conv1D

    copied = copy.deepcopy(model)
    swapped = 0
    for module in list(copied.modules()):
        for name, child in list(module.named_children()):
            if isinstance(child, Conv1D):
                setattr(module, name, _linear_of(child))
                swapped += 1
    if not swapped:
        raise InvalidValue(
            f"int8 quantization: model {type(model).__name__} has no GPT-2 Conv1D layers: expected a MIDI-GPT GPT-2"
        )
    return copied


def int8(model: Any) -> Any:
    """A copy of ``model`` (a MIDI-GPT GPT-2 on the CPU) with int8 dynamically quantized Linear layers."""
    import torch

    converted = as_linear(model).eval()
    with warnings.catch_warnings():  # torch.ao.quantization announces its move to torchao
        warnings.simplefilter("ignore")
        return torch.ao.quantization.quantize_dynamic(converted, {torch.nn.Linear}, dtype=torch.qint8)


def check(quantize: str | None, device: str) -> None:
    if quantize is None:
        return
    if quantize not in QUANTIZE:
        raise InvalidValue(
            f"quantize {quantize!r} is not known: expected one of {', '.join(QUANTIZE)} or none"
        )
    if not device.startswith("cpu"):
        raise InvalidValue(f"quantize {quantize!r} runs on the CPU only: got device {device!r}")
