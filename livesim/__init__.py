"""An in-memory Ableton Live: the object model of the public stubs, and a host for the Remote Script.

``LiveHost(set_desc, port=0).start_in_thread()`` runs the real ``remote_scripts/MuseAroo``
on one main thread with a 10 ms ``Live.Base.Timer``, as Live does; ``roo sim`` runs it in the
foreground. ``modules.install()`` puts ``Live``, ``Live.Song`` ... into ``sys.modules``.
"""

from __future__ import annotations

from livesim.application import Application, get_application
from livesim.host import LiveHost
from livesim.live_set import (
    LIVE_DEFAULT_SET,
    ClipDesc,
    SetDesc,
    TrackDesc,
    load_set,
    parse_set,
)
from livesim.script import CInstance, load_script
from livesim.set_build import build_song

__all__ = [
    "LIVE_DEFAULT_SET",
    "Application",
    "CInstance",
    "ClipDesc",
    "LiveHost",
    "SetDesc",
    "TrackDesc",
    "build_song",
    "get_application",
    "load_script",
    "load_set",
    "parse_set",
]
