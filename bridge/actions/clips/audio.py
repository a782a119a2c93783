"""Find the audio clip an action works on: the given or selected slot, its file and region.

Shared by the actions that read an audio clip's file (/roo/analyze, /roo/separate). A clip's region
is its start..end markers in seconds of the file, as the Remote Script reports them (through the
warp markers when the clip is warped); None when Live's markers do not say (the whole file).
"""

from __future__ import annotations

from dataclasses import dataclass

from bridge.actions.place.places import Signed, arrangement_clip_at, slot_at, track_at
from bridge.app import App
from bridge.live.client import ClipInfo, LiveContext
from engines.errors import AudioFileError, InvalidValue


@dataclass(frozen=True, slots=True)
class AudioClip:
    track: int
    slot: int
    info: ClipInfo
    context: LiveContext
    start_s: float | None  # None: the whole file
    end_s: float | None
    arrangement: bool = False  # slot is then the index among the track's arrangement clips

    @property
    def where(self) -> str:
        return describe(self.track, self.slot, self.info, self.context if self.arrangement else None)


def describe(track: int, slot: int, info: ClipInfo, song: Signed | None = None) -> str:
    """A clip as Live shows its place (indexes from 0 in): a session clip "track 2, scene 1 ('Loop')"; with
    ``song`` (its signature) an arrangement clip by its track, its name and the bar it starts at,
    "track 5 'Vox', the clip 'Take' at bar 5.1", as the Remote Script names it (places.py)."""
    if song is None:
        return f"{slot_at(track, slot)} ({info.name!r})"
    if info.start_time_beats < 0:  # a reply without the clip's start (no place to name): its name only
        return f"{track_at(track, info.track_name)}, the clip {info.name!r}"
    return arrangement_clip_at(track, info.start_time_beats, song, info.track_name, info.name)


async def audio_clip(
    app: App, track: int, slot: int, *, address: str, arrangement: bool = False
) -> AudioClip:
    """The audio clip at track/slot (-1: the selected one); raises InvalidValue/AudioFileError naming it.

    With arrangement, slot is the index of the clip among the track's arrangement clips, and
    -1 / -1 is the arrangement clip shown in Live's Clip View (the Remote Script resolves it).
    """
    ctx = await app.live.context()
    if arrangement:
        track, slot, info = await app.live.clip_info_at(track, slot, True)
    else:
        track = ctx.selected_track if track == -1 else track
        slot = ctx.selected_slot if slot == -1 else slot
        if track < 0 or slot < 0:
            raise InvalidValue(
                f"no clip is selected: select an audio clip or give {address} a track and slot"
            )
        info = await app.live.clip_info(track, slot)
    where = describe(track, slot, info, ctx if arrangement else None)
    if not info.is_audio_clip:
        raise InvalidValue(f"{where} is a MIDI clip: {address} expected an audio clip")
    if not info.file_path:
        raise AudioFileError(f"{where} has no file on disk")
    start_s = end_s = None
    if 0.0 <= info.start_s < info.end_s:
        start_s, end_s = info.start_s, info.end_s
    return AudioClip(track, slot, info, ctx, start_s, end_s, arrangement)
