"""The connection to Live: the one place that knows a Remote Script is on the other end of a socket.

``LiveClient`` sends the Remote Script's requests over UDP and matches the replies; its typed
calls read the song context, clips and audio; its one ``write(clip, expect=...)`` writes a MIDI
clip, checking in Live's own main-thread step what the request expected of Live (the pushed
context version, whether the selection picked the slot, a source clip's digest), so a stale write
is refused instead of landing. ``LiveContext`` and ``ClipInfo`` are the replies;
``StaleContext`` and ``StaleSource`` the refusals. Everything above this room talks to Live only
through it.
"""

from __future__ import annotations

from bridge.live.client import LiveClient
from bridge.live.replies import ClipInfo, LiveContext, describe
from bridge.live.sources import Reading, StaleSource
from bridge.live.writes import ClipWrite, Expect, StaleContext

__all__ = [
    "ClipInfo",
    "ClipWrite",
    "Expect",
    "LiveClient",
    "LiveContext",
    "Reading",
    "StaleContext",
    "StaleSource",
    "describe",
]
