"""The GPU torch sees, its free memory, and which GPU fast paths are on (for ``roo doctor``).

Each fast path lives in its engine's module, which answers ``fast_path(device) -> (on, detail)``;
``FAST_PATHS`` names them. A path whose module or function is not there reads "not in this
version", so an engine adds its own line by adding the module and function named here.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

GIB = 1024**3
FAST_PATHS = {
    "batched separation": "engines.separation.batched",
    "graphed MusicGen decoding": "engines.musicgen.fast_path",  # hook: fast_path(device) there
}


@dataclass(frozen=True, slots=True)
class Gpu:
    device: str  # what torch calls it: cuda, mps or cpu
    name: str
    free_gib: float | None = None
    total_gib: float | None = None

    def describe(self) -> str:
        if self.free_gib is None or self.total_gib is None:
            return self.name
        return f"{self.name}, {self.free_gib:.1f} of {self.total_gib:.1f} GiB free"


def gpu() -> Gpu:
    """The first CUDA card (with its free memory now), Apple's MPS, or ``cpu`` when there is none."""
    import torch

    if torch.cuda.is_available():
        free, total = torch.cuda.mem_get_info(0)
        return Gpu("cuda", f"CUDA: {torch.cuda.get_device_name(0)}", free / GIB, total / GIB)
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        return Gpu("mps", "Apple MPS")
    return Gpu("cpu", "none")


def fast_paths(device: str) -> dict[str, tuple[bool, str]]:
    """Each fast path by name: (on for ``device``, one line saying what runs)."""
    out: dict[str, tuple[bool, str]] = {}
    for name, module_name in FAST_PATHS.items():
        try:
            answer = getattr(importlib.import_module(module_name), "fast_path", None)
        except ModuleNotFoundError:
            answer = None
        out[name] = (False, "not in this version") if answer is None else answer(device)
    return out
