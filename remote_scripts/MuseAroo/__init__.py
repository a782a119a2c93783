"""MuseAroo's MIDI Remote Script for Ableton Live: an OSC server on Live's main thread.

Live imports this package from ``<User Library>/Remote Scripts/MuseAroo/`` and calls
``create_instance(c_instance)``. It uses only ``Live`` and ``c_instance`` (no _Framework), so
the same code runs in MuseAroo's in-memory Live. python-osc is vendored into ``vendor/`` by
``roo install``; outside Live the environment's python-osc is used.
"""

from __future__ import annotations

import os
import sys

_VENDOR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "vendor")
if os.path.isdir(_VENDOR) and _VENDOR not in sys.path:
    sys.path.insert(0, _VENDOR)

from .surface import MuseAroo  # noqa: E402  (after the vendor path is in place)


def create_instance(c_instance: object) -> MuseAroo:
    """Live's entry point: build the control surface for this Live instance."""
    return MuseAroo(c_instance)
