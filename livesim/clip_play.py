"""The playback and look of Live.Clip for the in-memory Live: fire, stop, position, color, gain, pitch.

Mixed into ``livesim.clip.Clip``. A session clip knows its slot (``canonical_parent``)
and launches through its track (``livesim.playback``): ``fire`` triggers it at the
Song's next launch quantum, ``playing_position`` follows the transport while it plays (in
beats, within the loop when looping) and is 0 while stopped; a clip's own launch quantization
overrides the Song's. Gain, pitch and RAM mode exist for audio clips only; on a MIDI clip they
raise RuntimeError, as in Live.
"""

from __future__ import annotations

import copy
from typing import Any

from livesim.base import Listeners
from livesim.document import Document
from livesim.props import add_listeners, value_property

DEFAULT_CLIP_COLOR = 0x1AFF2F
# Live.Clip.ClipLaunchQuantization -> Live.Song.Quantization: q_global (0) follows the Song
CLIP_TO_SONG_QUANTIZATION = {q: q - 1 for q in range(1, 15)}


def _audio_only(name: str, kind: str, low: float, high: float) -> property:
    inner = value_property(name, kind, low, high)

    def get(self: Any) -> Any:
        if not self._is_audio:
            raise RuntimeError(f"Clip.{name} is available for audio clips only")
        return inner.__get__(self)

    def set_(self: Any, value: Any) -> None:
        if not self._is_audio:
            raise RuntimeError(f"Clip.{name} is available for audio clips only")
        inner.__set__(self, value)

    return property(get, set_)


class ClipPlay:
    _doc: Document
    _listeners: Listeners
    _is_audio: bool
    _slot: Any = None  # the ClipSlot holding a session clip
    _color = DEFAULT_CLIP_COLOR
    _muted = False
    _is_playing = False
    _is_triggered = False
    _playing_position = 0.0
    _gain = 0.4  # 0 dB
    _pitch_coarse = 0
    _pitch_fine = 0.0
    _launch_mode = 0  # Live.Clip.LaunchMode.trigger
    _launch_quantization = 0  # Live.Clip.ClipLaunchQuantization.q_global
    _legato = False
    _velocity_amount = 0.0
    _ram_mode = False
    _color_index = 0  # kept apart from color here (Live moves color to its palette's entry)

    color = value_property("color", "int", 0, 0xFFFFFF)
    muted = value_property("muted", "bool")
    gain = _audio_only("gain", "float", 0.0, 1.0)
    pitch_coarse = _audio_only("pitch_coarse", "int", -48, 48)
    pitch_fine = _audio_only("pitch_fine", "float", -50.0, 49.0)
    ram_mode = _audio_only("ram_mode", "bool", 0, 1)
    launch_mode = value_property("launch_mode", "int", 0, 3)
    launch_quantization = value_property("launch_quantization", "int", 0, 14)
    legato = value_property("legato", "bool")
    velocity_amount = value_property("velocity_amount", "float", 0.0, 1.0)
    color_index = value_property("color_index", "int", 0, 69)

    @property
    def is_overdubbing(self) -> bool:
        return False  # the in-memory Live records no MIDI input, so it never overdubs

    @property
    def will_record_on_start(self) -> bool:
        return False  # a clip that exists plays when started; only an empty armed slot records

    @property
    def groove(self) -> None:
        """The clip's groove from the Set's groove pool; the in-memory Live's pool is empty."""
        return None

    @groove.setter
    def groove(self, value: None) -> None:
        if value is not None:
            raise RuntimeError(f"Invalid groove {value!r}: the Set's groove pool is empty")

    @property
    def has_groove(self) -> bool:
        return self.groove is not None

    def _song_quantization(self) -> int | None:
        """The Song.Quantization this clip launches on (None: the Song's own)."""
        return CLIP_TO_SONG_QUANTIZATION.get(self._launch_quantization)

    @property
    def canonical_parent(self) -> Any:
        return self._slot

    @property
    def is_playing(self) -> bool:
        return self._is_playing

    @property
    def is_triggered(self) -> bool:
        return self._is_triggered

    @property
    def is_recording(self) -> bool:
        return False

    @property
    def playing_position(self) -> float:
        return self._playing_position

    def fire(self) -> None:
        if self._slot is None:
            raise RuntimeError("Clip.fire: only session clips can be fired")
        self._slot.fire()

    def stop(self) -> None:
        if self._slot is not None and (self._is_playing or self._is_triggered):
            self._slot.stop()

    def _play_state(self, playing: bool, triggered: bool, position: float) -> None:
        """Playback state from the track's launcher (not undoable, notifies what changed)."""
        status = (self._is_playing, self._is_triggered)
        self._is_playing, self._is_triggered = playing, triggered
        if status != (playing, triggered):
            self._listeners.notify("playing_status")
        if self._playing_position != position:
            self._playing_position = position
            self._listeners.notify("playing_position")

    def _duplicate(self) -> Any:
        """A copy for another slot: same content, stopped, not in any slot yet."""
        twin = copy.copy(self)
        twin._listeners = Listeners("Clip", self._doc)
        twin._notes = {i: copy.copy(n) for i, n in self._notes.items()}  # type: ignore[attr-defined]
        twin._warp_markers = list(self._warp_markers)  # type: ignore[attr-defined]
        twin._slot = None
        twin._envelopes = self._envelope_copies()  # type: ignore[attr-defined]
        twin._is_playing = twin._is_triggered = False
        twin._playing_position = 0.0
        return twin


# as in Live: is_playing and is_triggered have no listeners of their own, playing_status tells both
add_listeners(ClipPlay, "color", "muted", "gain", "pitch_coarse", "pitch_fine", "playing_position")
add_listeners(ClipPlay, "playing_status", "launch_mode", "launch_quantization", "legato", "velocity_amount")
add_listeners(ClipPlay, "is_recording", "file_path", "start_time", "end_time")
add_listeners(ClipPlay, "ram_mode", "color_index", "is_overdubbing", "groove")
