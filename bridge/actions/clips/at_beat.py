"""An arrangement clip named by where it lies: ``source_track T source_at BEAT``.

The clip on track T that plays at beat BEAT of the Arrangement (start <= BEAT < end), found by the
Remote Script (/roo/live/arrangement_clip_at); its index is the one /roo/live/clip_info and
/roo/live/clip_read take with arrangement 1. Where the track holds no clip there, the refusal
names the beat and the clips the track holds.
"""

from __future__ import annotations

from bridge.app import App


async def arrangement_index(app: App, track: int, beat: float, *, address: str) -> tuple[int, int]:
    """(track, index) of the arrangement clip on ``track`` (-1: the selected one) that holds ``beat``."""
    return await app.live.arrangement_clip_at(track, beat)
