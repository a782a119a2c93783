"""Find the MIDI clip an action works on and read its notes through the Remote Script.

Shared by /roo/transform, /roo/analyze of a MIDI clip and /roo/generate's source clip. The clip's
facts and notes come in one round trip (/roo/live/clip_read); only notes inside the clip
(0..length) count. A generate and a transform give the context Live pushed; otherwise Live is asked.
"""

from __future__ import annotations

from dataclasses import dataclass

from bridge.actions.clips.audio import describe
from bridge.app import App
from bridge.live.client import ClipInfo, LiveContext, Reading
from engines.errors import InvalidValue, LiveError
from engines.music import Note

DRUM_WORDS = ("drum", "beat", "kit", "perc", "808")


@dataclass(frozen=True, slots=True)
class MidiClip:
    track: int
    slot: int
    info: ClipInfo
    context: LiveContext
    notes: list[Note]
    digest: str = ""  # what the clip held when read (a write made from it checks it in Live)
    chosen: str = "selected"  # why a generate follows it: "named" (source_track/slot), "marked", "selected"
    arrangement: bool = False  # slot is then the clip's index among the track's arrangement clips

    @property
    def source(self) -> tuple[int, int, str]:
        """What a write made from this clip checks in Live: track, slot and digest."""
        return self.track, self.slot, self.digest

    @property
    def where(self) -> str:
        """As Live shows it: its session slot, or its track, its name and the bar it starts at in the song's
        signature (``clips.audio.describe``)."""
        return describe(self.track, self.slot, self.info, self.context if self.arrangement else None)

    @property
    def drums_by_name(self) -> bool | None:
        """True when the clip or its track is named like a drum part; None: let the notes say."""
        names = f"{self.info.name} {self.info.track_name}".lower()
        return True if any(word in names for word in DRUM_WORDS) else None

    @property
    def length_beats(self) -> float:
        return float(self.info.length_beats)


async def midi_clip(
    app: App, track: int, slot: int, *, address: str, live: LiveContext | None = None, cached: bool = False
) -> MidiClip:
    """The MIDI clip at track/slot (-1: the selected one) with its notes; raises InvalidValue naming it.

    cached: a reading kept from an earlier request may answer (for a write that checks it in Live)."""
    # asked, not the pushed one, when none is given: a selection made just before an analysis reaches
    # the pushed context a tick later, and nothing in Live checks what an analysis read (a generate's or
    # a transform's write is refused when the selection it followed changed)
    ctx = live if live is not None else await app.live.context()
    track = ctx.selected_track if track == -1 else track
    slot = ctx.selected_slot if slot == -1 else slot
    if track < 0 or slot < 0:
        raise InvalidValue(f"no clip is selected: select a MIDI clip or give {address} a track and slot")
    if track >= ctx.num_tracks:
        raise InvalidValue(
            f"track {track} is out of range: the Set has {ctx.num_tracks} tracks (0..{ctx.num_tracks - 1})"
        )
    reading = await app.live.clip_read(track, slot, cached=cached)  # facts and notes: one round trip
    return from_reading(reading, ctx, address)


def from_reading(reading: Reading, ctx: LiveContext, address: str, arrangement: bool = False) -> MidiClip:
    """A MidiClip of a reading (notes inside the clip, unmuted; ``arrangement``: of an arrangement clip);
    InvalidValue for an audio clip."""
    info = reading.info
    if info.is_audio_clip:
        where = describe(reading.track, reading.slot, info, ctx if arrangement else None)
        raise InvalidValue(f"{where} is an audio clip: {address} expected a MIDI clip")
    length = float(info.length_beats)
    notes = [n for n in reading.notes if n.start_beats < length and not n.mute]
    return MidiClip(reading.track, reading.slot, info, ctx, notes, reading.digest, arrangement=arrangement)


async def selected_midi_clip(app: App, live: LiveContext, *, cached: bool = False) -> MidiClip | None:
    """The selected clip when it is a MIDI clip with notes; None otherwise (empty slot, audio clip).

    cached: as for midi_clip."""
    if live.selected_track < 0 or live.selected_slot < 0:
        return None
    if live.selected_track >= live.num_tracks or empty_selected(app, live) is not None:
        return None
    try:
        clip = await midi_clip(app, -1, -1, address="/roo/generate", live=live, cached=cached)
    except (InvalidValue, LiveError):  # an empty slot or an audio clip: simply no source
        return None
    return clip if clip.notes else None


def empty_selected(app: App, live: LiveContext) -> tuple[int, int] | None:
    """The selected (track, slot) when the fill state Live pushed says it is empty: no round trip."""
    track, slot = live.selected_track, live.selected_slot
    if not 0 <= track < live.num_tracks or slot < 0:
        return None
    filled = app.live.slots.get(track)
    return (track, slot) if filled is not None and slot < len(filled) and filled[slot] == "0" else None
