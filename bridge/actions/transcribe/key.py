"""The song's key a transcription may lean on: the producer's, or none (issue 54).

The engine decides a sung take's ambiguous tuning by the key it is given
(``engines.transcription.tuning.in_key``), so a key nobody chose must not reach it. Every Live Set
has a root and a scale, C Major in a new Set, whether or not anyone chose them; Live 12.0.5's Scale
Mode switch (``Song.scale_mode``, off in a new Set) says the producer shows that key.
"""

from __future__ import annotations

from bridge import protocol
from bridge.app import App
from bridge.live.client import LiveContext
from engines.errors import InvalidValue, LiveError, LiveUnreachable
from engines.music import Key, parse_key, scale_named

LIVE_DEFAULT = (0, "Major")  # a new Set's root and scale: C Major


def known_key(
    live: LiveContext, scale_mode: bool | None, analysed: tuple[int, str, str] | None = None
) -> str | None:
    """The key to give the engine ("A minor"), or None where no one chose one.

    Live's key counts when Scale Mode is on or when it is not Live's default C Major (the producer,
    or MuseAroo for them, set it); C Major with Scale Mode off (or a Live without the switch,
    ``scale_mode`` None) is Live's default and counts only by Scale Mode. Else the key this Set's
    last analysis found (``analysed``: Live's root and scale then, and the key), while Live's root and
    scale are still those: Live's key, where it counts, wins over an analysed one (the producer's
    word over a reading, as a generate's options win over analysis). A scale the engines do not
    know gives None."""
    chosen = bool(scale_mode) or (live.root_note % 12, live.scale_name) != LIVE_DEFAULT
    if chosen:
        scale = scale_named(live.scale_name)
        return None if scale is None else str(Key(live.root_note % 12, str(scale)))
    if analysed is None or (analysed[0] % 12, analysed[1]) != (live.root_note % 12, live.scale_name):
        return None
    try:
        return str(parse_key(analysed[2]))
    except InvalidValue:
        return None  # the analysis found no key


async def scale_mode(app: App) -> bool | None:
    """Live's Scale Mode switch, or None where this Live (before 12.0.5) or Remote Script has none."""
    try:
        reply = await app.live.query(protocol.SONG_GET + "scale_mode")
    except LiveUnreachable:
        raise
    except LiveError:  # "no attribute 'scale_mode'", or an older Remote Script's "unknown address"
        return None
    return bool(reply[0]) if reply else None


async def song_key(app: App, live: LiveContext) -> str | None:
    """``known_key`` of the Set as Live holds it now (one question to Live: its Scale Mode)."""
    came = app.song.chords_clip  # (track, slot, mark, root then, scale then, key analysed)
    analysed = None if came is None else (came[3], came[4], came[5])
    return known_key(live, await scale_mode(app), analysed)
