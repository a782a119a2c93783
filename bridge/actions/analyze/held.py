"""Analysed chords, followed only while they still hold: the clip they came from is still there and
unchanged (a MIDI clip's digest, an audio clip's file), and Live's key and scale are the ones they
were analysed under (or the key the analysis set). Each Set has its own (``App.open_set``), so a
clip analysed in one Set is never followed in another. A key given in the request wins over them
when it is another key (``musical_context``).
"""

from __future__ import annotations

from typing import Any

from bridge.app import App
from bridge.live.client import LiveContext
from engines.errors import RooError
from engines.music import Chord, Key, key_name, scale_named


def remember(app: App, track: int, slot: int, mark: str, live: LiveContext, key: Key | str) -> None:
    """The analysis of the clip at track/slot (``mark``: its digest, or "file:" + its audio's path) gave
    ``app.song.chords`` in ``key`` while Live held ``live``'s key and scale."""
    app.song.chords_clip = (track, slot, mark, int(live.root_note), str(live.scale_name), str(key))


def _live_key(live: LiveContext) -> str:
    scale = scale_named(live.scale_name)
    return key_name(live.root_note % 12, scale) if scale is not None else ""


async def still_held(app: App, live: LiveContext) -> tuple[tuple[Chord, ...], str]:
    """The analysed chords if they still hold, else none and why (for the done message: "" when there
    are none to follow, or nothing is known of their clip: a file or an arrangement clip)."""
    chords, came = app.song.chords, app.song.chords_clip
    if not chords or came is None:
        return chords, ""
    track, slot, mark, root, scale, key = came
    if (live.root_note, live.scale_name) != (root, scale) and _live_key(live).lower() != key.lower():
        return (
            (),
            f" (the analysed chords of {app.song.chords_source} not followed: Live's key changed since)",
        )
    try:
        reading: Any = await app.live.clip_read(track, slot)
    except RooError:
        reading = None
    now = (
        ""
        if reading is None
        else (f"file:{reading.info.file_path}" if mark.startswith("file:") else reading.digest)
    )
    if now != mark:
        return (
            (),
            f" (the analysed chords of {app.song.chords_source} not followed: that clip changed or went)",
        )
    return chords, ""
