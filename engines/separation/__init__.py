"""Stem separation with demucs: models by name or folder, arrays in and arrays out.

``load_model(spec)`` gives a cached model, ``separate(mix, rate, model)`` the stems, and
``separate_file(...)`` the file-level job the CLI and the daemon's worker run.
"""

from __future__ import annotations

from engines.separation.core import assign_residual, separate
from engines.separation.files import separate_file
from engines.separation.models import DEFAULT_MODEL, PUBLISHED_MODELS, best_device, load_model, source_names

__all__ = [
    "DEFAULT_MODEL",
    "PUBLISHED_MODELS",
    "assign_residual",
    "best_device",
    "load_model",
    "separate",
    "separate_file",
    "source_names",
]
