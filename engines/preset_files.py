"""Where the presets lie and which there are: the bottom of the presets' floor (no parsing here).

``presets_dir()`` is ``MUSEAROO_PRESETS``, else ``presets/`` beside the ``engines`` package (a
checkout), else the copy a wheel installs under ``<prefix>/share/musearoo/presets``. ``names``
lists one kind's preset names; ``engines.genre_names`` and ``engines.presets`` both stand on it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def presets_dir() -> Path:
    """``MUSEAROO_PRESETS``, else ``presets/`` of the checkout, else the copy a wheel installs."""
    override = os.environ.get("MUSEAROO_PRESETS")
    if override:
        return Path(override)
    checkout = Path(__file__).resolve().parent.parent / "presets"
    if checkout.is_dir():
        return checkout
    return Path(sys.prefix) / "share" / "musearoo" / "presets"


def names(kind: str) -> list[str]:
    """Preset names of one kind ("genres", "grooves", "progressions"), sorted."""
    return sorted(p.stem for p in (presets_dir() / kind).glob("*.yaml"))
