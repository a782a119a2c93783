"""What MIDI-GPT is given: the clip read from Live, the scene's other MIDI clips, and the model checked.

The clip is read with all its notes (muted ones and those past its end too: an infill keeps every
note outside its bars). The scene's other clips are read one track at a time (tracks whose pushed
fill state says the slot is empty are skipped; audio clips and clips without notes are not
context). Each clip becomes a MIDI-GPT track: drums when the clip or its track is named like drums
or its notes sit on the drum map, else a General MIDI program for the role its notes suggest.
``require_infill`` refuses a published model whose weights are not cached at once, with the
engine's own message (the licence, the model page, the login, a checkpoint path).
"""

from __future__ import annotations

import asyncio
import importlib.util
from dataclasses import dataclass
from typing import Any

from bridge import protocol
from bridge.actions.clips.audio import describe
from bridge.actions.place.places import Signed, slot_at
from bridge.app import App
from bridge.jobs.weights import HF_HOST, hub_offline, reachable
from bridge.live.client import LiveContext, Reading
from bridge.live.sources import parse_reading
from bridge.setup.doctor import cached_infill
from engines.errors import InvalidValue, LiveError, ModelUnavailable
from engines.infill.jobs import part_dict
from engines.infill.models import HUB_REPO, resolve, unavailable_message
from engines.infill.score import PART_PROGRAMS
from engines.symbolic.profile import profile

DRUM_WORDS = ("drum", "beat", "kit", "perc", "808")


@dataclass(frozen=True, slots=True)
class Clip:
    """A MIDI clip as read, and as the worker takes it."""

    reading: Reading
    part: dict[str, Any]  # engines.infill.jobs.part_dict
    role: str  # drums | bass | chords | melody
    song: Signed | None = None  # an arrangement clip's song (its signature); None: a session clip

    @property
    def where(self) -> str:
        """As Live shows it: its session slot, or its track, its name and the bar it starts at."""
        return describe(self.reading.track, self.reading.slot, self.reading.info, self.song)

    @property
    def length_beats(self) -> float:
        return float(self.reading.info.length_beats)


def as_clip(reading: Reading, song: Signed | None = None) -> Clip:
    """``song``: the arrangement clip's song (its signature names where it starts); None: a session clip."""
    info = reading.info
    names = f"{info.name} {info.track_name}".lower()
    named_drums = True if any(word in names for word in DRUM_WORDS) else None
    role = profile(reading.notes, float(info.length_beats), drums=named_drums).role
    role = role if role in ("drums", "bass", "chords", "melody") else "melody"
    drums = role == "drums"
    program = 0 if drums else PART_PROGRAMS[role]
    part = part_dict(reading.notes, float(info.length_beats), drums, program, info.track_name or info.name)
    return Clip(reading, part, role, song)


async def target_clip(app: App, live: LiveContext, track: int, slot: int, address: str) -> Clip:
    """The MIDI clip at track/slot (-1: the selected one) with all its notes; errors name it."""
    track = live.selected_track if track == -1 else track
    slot = live.selected_slot if slot == -1 else slot
    if track < 0 or slot < 0:
        raise InvalidValue(f"no clip is selected: select a MIDI clip or give {address} a track and slot")
    if track >= live.num_tracks:
        raise InvalidValue(
            f"track {track} is out of range: the Set has {live.num_tracks} tracks (0..{live.num_tracks - 1})"
        )
    if slot >= live.num_scenes:
        raise InvalidValue(
            f"slot {slot} is out of range: the Set has {live.num_scenes} scenes (0..{live.num_scenes - 1})"
        )
    reading = await read_slot(app, track, slot)
    if reading is None:
        raise InvalidValue(f"{slot_at(track, slot)} is empty: {address} expected a MIDI clip there")
    if reading.info.is_audio_clip:
        where = describe(track, slot, reading.info)
        raise InvalidValue(f"{where} is an audio clip: {address} expected a MIDI clip")
    return as_clip(reading)


async def read_slot(app: App, track: int, slot: int) -> Reading | None:
    """The clip at track/slot as Live holds it now (one round trip); None (or, from the Remote Script,
    a LiveError naming the slot) for an empty slot."""
    reply = await app.live.request(protocol.RS_CLIP_READ, track, slot)
    return parse_reading(int(reply[0]), int(reply[1]), reply[2:])


async def scene_clips(app: App, live: LiveContext, slot: int, skip: set[int]) -> list[Clip]:
    """The MIDI clips with notes in scene ``slot`` on every track but those in ``skip``."""
    out = []
    for track in range(live.num_tracks):
        fill = app.live.slots.get(track)
        if track in skip or (fill is not None and slot < len(fill) and fill[slot] == "0"):
            continue
        try:
            reading = await read_slot(app, track, slot)
        except LiveError:  # the Remote Script answers an empty slot so (its fill state not pushed yet)
            continue
        if reading is not None and not reading.info.is_audio_clip and any(not n.mute for n in reading.notes):
            out.append(as_clip(reading))
    return out


async def require_infill(spec: str) -> None:
    """InvalidValue for an unusable spec; ModelUnavailable at once for published weights that are
    not cached and cannot be fetched now (offline or the hub unreachable), or no midigpt."""
    if importlib.util.find_spec("midigpt") is None:
        raise ModelUnavailable("MIDI-GPT is not installed (no module named 'midigpt'): pip install midigpt")
    source, is_local = resolve(spec)
    if is_local or source in cached_infill():
        return
    offline = hub_offline() or not await asyncio.to_thread(reachable, HF_HOST)
    if offline:
        why = "HF_HUB_OFFLINE=1" if hub_offline() else f"{HF_HOST} cannot be reached"
        cause = FileNotFoundError(f"no {source}-*.safetensors in the Hugging Face cache, and {why}")
        raise ModelUnavailable(unavailable_message(spec, f"hub:{HUB_REPO}/{source}", cause))
