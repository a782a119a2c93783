"""GPU memory for separation: what the card has free, and a clear error when a model cannot fit."""

from __future__ import annotations

from typing import Any

import torch

from engines.errors import ModelUnavailable

GIB = 1024**3


def free_bytes(dev: torch.device) -> int:
    """Free memory of the card plus what PyTorch's allocator holds unused."""
    free, _ = torch.cuda.mem_get_info(dev)
    return int(free + torch.cuda.memory_reserved(dev) - torch.cuda.memory_allocated(dev))


def ensure_fits(sub: Any, dev: torch.device, free: int | None = None) -> None:
    """ModelUnavailable naming the card's free memory when the model's weights do not fit on it."""
    if dev.type != "cuda" and free is None:
        return
    tensors = [*sub.parameters(), *sub.buffers()]
    if dev.type == "cuda" and all(t.device.type == "cuda" for t in tensors):
        return  # already there
    need = sum(t.numel() * t.element_size() for t in tensors)
    free = free_bytes(dev) if free is None else free
    if need > free:
        name = torch.cuda.get_device_name(dev) if dev.type == "cuda" else str(dev)
        raise ModelUnavailable(
            f"the demucs model needs {_size(need)} of GPU memory for its weights (and more for each "
            f"segment in a batch), but {name} has {_size(free)} free: close other "
            f"programs using the GPU or separate on the CPU (--device cpu)"
        )


def _size(count: int) -> str:
    for unit, scale in (("GiB", GIB), ("MiB", 1024**2)):
        if count >= scale:
            return f"{count / scale:.2f} {unit}"
    return f"{count / 1024:.0f} KiB"
