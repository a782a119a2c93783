"""Install the in-memory Live as the modules a Remote Script imports: ``Live``, ``Live.Song`` ...

``import Live`` then finds these in ``sys.modules``, so the real Remote Script runs unchanged.
``Live.Base.Timer`` is looked up per access and is absent when the host pretends to be a Live
older than 11, like ``ClipSlot.create_audio_clip`` before 12.0.5.
"""

from __future__ import annotations

import sys
import types
from typing import Any

from livesim import (
    application,
    base,
    browser,
    clip,
    clip_quantize,
    conversions,
    mixer,
    notes,
    racks,
    scene,
    simpler,
    slot,
    song,
    track,
    warp,
)

MARKER = "__musearoo_livesim__"


def _base_getattr(name: str) -> Any:
    if name == "Timer" and application.get_application().version >= application.TIMER_SINCE:
        return base.Timer
    raise AttributeError(f"module 'Live.Base' has no attribute {name!r}")


def _module(name: str, **attrs: Any) -> types.ModuleType:
    module = types.ModuleType(name)
    module.__dict__.update(attrs)
    setattr(module, MARKER, True)
    return module


def install() -> types.ModuleType:
    """Put the in-memory Live into sys.modules (idempotent) and return the ``Live`` module."""
    existing = sys.modules.get("Live")
    if existing is not None:
        if not getattr(existing, MARKER, False):
            raise RuntimeError(f"a different module named 'Live' is already imported: {existing!r}")
        return existing
    children = {
        "Base": _module(
            "Live.Base",
            LimitationError=base.LimitationError,
            log=lambda text, /: None,
            __getattr__=_base_getattr,
        ),
        "Application": _module(
            "Live.Application",
            Application=application.Application,
            get_application=application.get_application,
        ),
        "Song": _module("Live.Song", Song=song.Song),
        "Track": _module("Live.Track", Track=track.Track),
        "ClipSlot": _module("Live.ClipSlot", ClipSlot=slot.ClipSlot),
        "Scene": _module("Live.Scene", Scene=scene.Scene),
        "Device": _module("Live.Device", Device=mixer.Device),
        "DeviceParameter": _module("Live.DeviceParameter", DeviceParameter=mixer.DeviceParameter),
        "MixerDevice": _module("Live.MixerDevice", MixerDevice=mixer.MixerDevice),
        "RackDevice": _module("Live.RackDevice", RackDevice=racks.RackDevice),
        "Chain": _module("Live.Chain", Chain=racks.Chain),
        "DrumChain": _module("Live.DrumChain", DrumChain=racks.DrumChain),
        "DrumPad": _module("Live.DrumPad", DrumPad=racks.DrumPad),
        "SimplerDevice": _module("Live.SimplerDevice", SimplerDevice=simpler.SimplerDevice),
        "Sample": _module("Live.Sample", Sample=simpler.Sample),
        "Conversions": _module(
            "Live.Conversions", create_midi_track_with_simpler=conversions.create_midi_track_with_simpler
        ),
        "Browser": _module("Live.Browser", Browser=browser.Browser, BrowserItem=browser.BrowserItem),
        "Clip": _module(
            "Live.Clip",
            Clip=clip.Clip,
            MidiNote=notes.MidiNote,
            MidiNoteSpecification=notes.MidiNoteSpecification,
            WarpMode=warp.WarpMode,
            GridQuantization=clip_quantize.GridQuantization,
            WarpMarker=warp.WarpMarker,
        ),
    }
    live = _module("Live", **children)
    live.__path__ = []  # a package, so `import Live.Song` resolves through sys.modules
    for name, module in children.items():
        sys.modules[f"Live.{name}"] = module
    sys.modules["Live"] = live
    return live
