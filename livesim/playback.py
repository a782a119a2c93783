"""Clip launching for the in-memory Live: a track plays one session clip at a time.

Mixed into ``livesim.track.Track`` (``TrackPlay``) and ``ClipSlot`` (``SlotPlay``).
Firing a slot starts the transport when it is stopped and triggers the slot: it launches at
the next multiple of the Song's ``clip_trigger_quantization`` (at once for "None" or when the
transport sits on the grid), then ``playing_slot_index`` names it and its clip's
``playing_position`` follows the song time (wrapping inside the loop when looping, stopping at
the end marker otherwise). Firing an empty slot of an armed track records there: the new clip
appears when recording stops, as long as the recording lasted (silence on an audio track: the
in-memory Live has no audio input). Firing an empty slot of an unarmed track stops the track.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import soundfile  # imported here, not on the first recording: that would hold the main thread

from livesim.base import Listeners
from livesim.clip import Clip
from livesim.document import Document
from livesim.props import add_listeners, read_only, value_property

MIN_RECORDING_BEATS = 1.0 / 16
RECORDING_RATE = 44100


def _recorded_file(seconds: float) -> str:
    """A silent WAV of the recording's length, where the in-memory Live keeps its recordings."""
    folder = os.path.join(tempfile.gettempdir(), f"musearoo-livesim-recorded-{os.getpid()}")
    os.makedirs(folder, exist_ok=True)
    handle, path = tempfile.mkstemp(suffix=".wav", prefix="recording-", dir=folder)
    os.close(handle)
    soundfile.write(path, np.zeros(max(1, int(seconds * RECORDING_RATE)), dtype="float32"), RECORDING_RATE)
    return path


class TrackPlay:
    _doc: Document
    _listeners: Listeners
    _song: Any
    _midi: bool
    _arm: bool
    _slots: Sequence[SlotPlay]  # the track's ClipSlots (livesim.track.Track narrows it)
    _playing_slot_index = -1
    _fired_slot_index = -1
    _launch_at: float | None = None
    _started_at = 0.0
    _recording: tuple[int, float] | None = None  # (slot index, song beat it started at)
    _stop_at: float | None = None  # a quantized stop: the song time it happens at

    playing_slot_index = read_only("playing_slot_index")
    fired_slot_index = read_only("fired_slot_index")
    add_playing_slot_index_listener: Callable[[Callable[[], None]], None]  # made by add_listeners below
    remove_playing_slot_index_listener: Callable[[Callable[[], None]], None]

    def _index(self, name: str, value: int) -> None:
        old = getattr(self, "_" + name)
        if old != value:
            setattr(self, "_" + name, value)
            self._listeners.notify(name)
            slot_prop = "is_triggered" if name == "fired_slot_index" else "playing_status"
            scenes = self._song._scenes
            for index in (old, value):  # the slots (and for a trigger, the scenes) whose state this changed
                if 0 <= index < len(self._slots):
                    self._slots[index]._listeners.notify(slot_prop)
                if name == "fired_slot_index" and 0 <= index < len(scenes):
                    scenes[index]._listeners.notify("is_triggered")

    def _clip_at(self, index: int) -> Clip | None:
        return self._slots[index]._clip if 0 <= index < len(self._slots) else None

    def _fire(self, index: int) -> None:
        song = self._song
        if not song._is_playing:
            song.start_playing()
        old = self._clip_at(self._fired_slot_index)
        if old is not None and self._fired_slot_index != index:
            old._play_state(old._is_playing, False, old._playing_position)
        clip = self._clip_at(index)
        self._launch_at = song._next_launch(clip._song_quantization() if clip is not None else None)
        self._index("fired_slot_index", index)
        if clip is not None:
            clip._play_state(clip._is_playing, True, clip._playing_position)
        song._launch_due()

    def _launch(self) -> None:
        index, at = self._fired_slot_index, float(self._launch_at or 0.0)
        self._launch_at = None
        self._stop_now(quiet=True)  # playing_slot_index goes from the old slot straight to the new one
        self._index("fired_slot_index", -1)
        clip = self._clip_at(index)
        if clip is not None:
            self._started_at = at
            clip._play_state(True, False, clip.loop_start if clip.looping else clip.start_marker)
            self._index("playing_slot_index", index)
        elif self._arm:
            self._recording = (index, at)
            self._index("playing_slot_index", index)
        else:
            self._index("playing_slot_index", -1)  # an empty slot of an unarmed track stops the track

    def _follow(self, now: float) -> None:
        """Move the playing clip's position to song time now."""
        clip = self._clip_at(self._playing_slot_index)
        if clip is None or not clip._is_playing:
            return
        elapsed = max(0.0, now - self._started_at)
        if clip.looping:
            start, span = clip.loop_start, clip.loop_end - clip.loop_start
            position = start + (elapsed % span if span > 0 else 0.0)
        else:
            position = clip.start_marker + elapsed
            if position >= clip.end_marker:
                self._stop_now()
                return
        clip._play_state(True, False, position)

    def _stop_now(self, quiet: bool = False) -> None:
        """Stop what plays or records on this track at once, and cancel a pending launch.

        quiet: a launch follows at once, so the indices are left for it to change.
        """
        if self._recording is not None:
            self._finish_recording()
        for index in (self._playing_slot_index, self._fired_slot_index):
            clip = self._clip_at(index)
            if clip is not None:
                clip._play_state(False, index == self._fired_slot_index and quiet, 0.0)
        self._stop_at = None
        if quiet:
            return
        self._launch_at = None
        self._index("fired_slot_index", -1)
        self._index("playing_slot_index", -1)

    def _slot_emptied(self, slot: SlotPlay) -> None:
        if self._slots.index(slot) in (self._playing_slot_index, self._fired_slot_index):
            self._stop_now()

    def _finish_recording(self) -> None:
        assert self._recording is not None
        index, start = self._recording
        self._recording = None
        song = self._song
        beats = max(MIN_RECORDING_BEATS, song._current_song_time - start)
        if self._midi:
            clip = Clip(self._doc, beats)
        else:
            seconds = beats * 60.0 / song._tempo
            clip = Clip(
                self._doc,
                file_path=_recorded_file(seconds),
                sample_rate=float(RECORDING_RATE),
                duration_s=seconds,
                beats_per_second=song._tempo / 60.0,
            )
        self._slots[index]._put(clip)

    def stop_all_clips(self, quantized: bool = True, /) -> None:
        """Stop the track's clips: on the launch grid when quantized and playing, else at once."""
        self._doc.check_change("Track.stop_all_clips")
        self._stop(quantized)

    def _stop(self, quantized: bool) -> None:
        song = self._song
        at = song._next_launch() if quantized and song._is_playing else None
        if at is None or at <= song._current_song_time:
            self._stop_now()
        else:
            self._stop_at = at
            self._launch_at = None  # a stop cancels a pending launch


add_listeners(TrackPlay, "playing_slot_index", "fired_slot_index")


class SlotPlay:
    _doc: Document
    _track: Any
    _clip: Clip | None
    _listeners: Listeners
    _has_stop_button = True

    has_stop_button = value_property("has_stop_button", "bool")
    _put: Any  # ClipSlot._put: hold a clip, as one undoable change

    def _position(self) -> int:
        return int(self._track._slots.index(self))

    @property
    def is_playing(self) -> bool:
        return self._clip is not None and self._clip._is_playing

    @property
    def is_triggered(self) -> bool:
        return bool(self._track._fired_slot_index == self._position())

    @property
    def is_recording(self) -> bool:
        recording = self._track._recording
        return recording is not None and recording[0] == self._position()

    def fire(self) -> None:
        self._doc.check_change("ClipSlot.fire")
        self._track._fire(self._position())

    def stop(self) -> None:
        self._doc.check_change("ClipSlot.stop")
        self._track._stop_now()

    def duplicate_clip_to(self, target_clip_slot: Any, /) -> None:
        """Copy this slot's clip into target (replacing what it holds), as one undo step."""
        self._doc.check_change("ClipSlot.duplicate_clip_to")
        if type(target_clip_slot) is not type(self):
            raise TypeError(f"ClipSlot.duplicate_clip_to expects a ClipSlot, got {target_clip_slot!r}")
        if self._clip is None:
            raise RuntimeError("Cannot duplicate the clip of an empty clip slot")
        if target_clip_slot is self:
            return
        if target_clip_slot._track._midi != self._track._midi:
            raise RuntimeError("Cannot duplicate a clip to a track of another type (MIDI and audio)")
        target_clip_slot._put(self._clip._duplicate())


add_listeners(SlotPlay, "has_stop_button", "is_triggered", "playing_status", "controls_other_clips")
