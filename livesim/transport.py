"""The transport of Live.Song for the in-memory Live: play, stop, song time, launch grid, cue points.

Mixed into ``livesim.song.Song``. The host moves the song time by wall time on the main
thread (``_advance``), notifying ``current_song_time`` each time it moves, launching what the
tracks triggered when the grid comes and moving playing clips. ``start_playing`` starts from
the start marker (where ``current_song_time`` was last set while stopped, as Live's insert
marker), ``continue_playing`` from where the transport stopped; ``stop_playing`` stops every
clip. The global settings (loop, metronome, quantizations, punch, nudge, record ...) are rows
of ``GLOBALS``, with Live's ranges and defaults; none is undoable here.
"""

from __future__ import annotations

import math
import time
from typing import Any

from livesim.base import Listeners, check_args
from livesim.document import Document
from livesim.props import add_listeners, add_properties, quantum_beats, read_only

EPSILON = 1e-9
TAP_WINDOW_S = 2.0  # taps further apart start a new count, as in Live
# (name, kind, low, high, default): Live.Song's global settings
GLOBALS: tuple[tuple[str, str, Any, Any, Any], ...] = (
    ("arrangement_overdub", "bool", None, None, False),
    ("back_to_arranger", "bool", None, None, False),
    ("clip_trigger_quantization", "int", 0, 13, 4),  # Live.Song.Quantization, q_bar
    ("groove_amount", "float", 0.0, 1.3125, 1.0),
    ("is_ableton_link_enabled", "bool", None, None, False),
    ("loop", "bool", None, None, False),
    ("loop_start", "float", 0.0, 1576800.0, 0.0),
    ("loop_length", "float", 1.0 / 64, 1576800.0, 16.0),
    ("metronome", "bool", None, None, False),
    ("midi_recording_quantization", "int", 0, 8, 0),  # Live.Song.RecordingQuantization
    ("nudge_down", "bool", None, None, False),
    ("nudge_up", "bool", None, None, False),
    ("punch_in", "bool", None, None, False),
    ("punch_out", "bool", None, None, False),
    ("session_record", "bool", None, None, False),
    ("session_automation_record", "bool", None, None, False),
    ("swing_amount", "float", 0.0, 1.0, 0.0),
)


class CuePoint:
    """A locator of the arrangement: a name and a time in beats; jump() moves the song time there."""

    def __init__(self, doc: Document, song: Any, time: float) -> None:
        self._doc = doc
        self._song = song
        self._listeners = Listeners("CuePoint", doc)
        self._time = float(time)
        self._name = ""

    @property
    def canonical_parent(self) -> Any:
        return self._song

    @property
    def time(self) -> float:
        return self._time

    @property
    def name(self) -> str:
        return self._name

    @name.setter
    def name(self, value: str) -> None:
        check_args("CuePoint.name", (value,), ("str",))
        self._doc.change(self, "name", value)

    def jump(self) -> None:
        self._song._jump_to(self._time)


add_listeners(CuePoint, "name", "time")


class Transport:
    _doc: Document
    _listeners: Listeners
    _tracks: list[Any]
    _tempo: float
    _signature_numerator: int
    _signature_denominator: int
    _clip_trigger_quantization: int
    _is_playing = False
    _current_song_time = 0.0
    _start_time = 0.0
    _record_mode = False
    _session_record_status = 0
    _cues: list[CuePoint]
    _taps: tuple[float, ...] = ()  # monotonic times of the last taps

    session_record_status = read_only("session_record_status")
    # made from GLOBALS below (declared here for type checkers)
    arrangement_overdub: bool
    back_to_arranger: bool
    clip_trigger_quantization: int
    groove_amount: float
    is_ableton_link_enabled: bool
    loop: bool
    loop_start: float
    loop_length: float
    metronome: bool
    midi_recording_quantization: int
    nudge_down: bool
    nudge_up: bool
    punch_in: bool
    punch_out: bool
    session_record: bool
    session_automation_record: bool
    swing_amount: float

    # --- play and stop --------------------------------------------------------------------
    @property
    def is_playing(self) -> bool:
        return self._is_playing

    @is_playing.setter
    def is_playing(self, value: bool) -> None:
        check_args("Song.is_playing", (value,), ("bool",))
        if value:
            self.continue_playing()
        else:
            self.stop_playing()

    def start_playing(self) -> None:
        """Start playing from the start marker (nothing changes while already playing)."""
        self._doc.check_change("Song.start_playing")
        if not self._is_playing:
            self._doc.change(self, "current_song_time", self._start_time, undoable=False)
            self._doc.change(self, "is_playing", True, undoable=False)

    def continue_playing(self) -> None:
        self._doc.check_change("Song.continue_playing")
        self._doc.change(self, "is_playing", True, undoable=False)

    def stop_playing(self) -> None:
        self._doc.check_change("Song.stop_playing")
        for track in self._tracks:
            track._stop_now()
        self._doc.change(self, "is_playing", False, undoable=False)
        self._doc.change(self, "record_mode", False, undoable=False)

    def stop_all_clips(self, quantized: bool = True, /) -> None:
        """Stop every session clip, on the launch grid when quantized; the transport goes on."""
        self._doc.check_change("Song.stop_all_clips")
        for track in self._tracks:
            track._stop(quantized)

    @property
    def record_mode(self) -> bool:
        return self._record_mode

    @record_mode.setter
    def record_mode(self, value: bool) -> None:
        """The arrangement record button: switching it on also starts the transport, as in Live."""
        check_args("Song.record_mode", (value,), ("bool",))
        self._doc.change(self, "record_mode", bool(value), undoable=False)
        if value and not self._is_playing:
            self._doc.change(self, "is_playing", True, undoable=False)

    # --- song time --------------------------------------------------------------------------
    @property
    def current_song_time(self) -> float:
        return self._current_song_time

    @current_song_time.setter
    def current_song_time(self, value: float) -> None:
        check_args("Song.current_song_time", (value,), ("float",))
        self._jump_to(float(value))

    def _jump_to(self, beats: float) -> None:
        beats = max(0.0, beats)
        self._doc.change(self, "current_song_time", beats, undoable=False)
        if not self._is_playing:
            self._start_time = beats

    def jump_by(self, beats: float, /) -> None:
        check_args("Song.jump_by", (beats,), ("float",))
        self._jump_to(self._current_song_time + beats)

    @property
    def song_length(self) -> float:
        ends = [c.end_time for t in self._tracks for c in t._arrangement]
        return max([*ends, self._loop_start + self._loop_length]) + 4.0 * self._bar()  # type: ignore[attr-defined]

    def _bar(self) -> float:
        return self._signature_numerator * 4.0 / self._signature_denominator

    def _next_launch(self, quantization: int | None = None) -> float:
        """The song time of the next launch on the grid (now when on it or without a grid).

        quantization: a Song.Quantization for this launch (None: the Song's clip_trigger_quantization).
        """
        grid = quantum_beats(
            self._clip_trigger_quantization if quantization is None else quantization, self._bar()
        )
        now = self._current_song_time
        return now if grid <= 0 else math.ceil(now / grid - EPSILON) * grid

    def _launch_due(self) -> None:
        now = self._current_song_time
        for track in self._tracks:
            if track._stop_at is not None and track._stop_at <= now + EPSILON:
                track._stop_now()
            if track._launch_at is not None and track._launch_at <= now + EPSILON:
                track._launch()
            track._follow(now)

    def _advance(self, seconds: float) -> None:
        """Move the play position by wall time (the host calls this on the main thread)."""
        if self._is_playing and seconds > 0:
            self._current_song_time += seconds * self._tempo / 60.0
            self._listeners.notify("current_song_time")
            self._launch_due()

    def tap_tempo(self) -> None:
        """One tap of Live's Tap button: from the second tap on, the tempo follows the taps' pace."""
        self._doc.check_change("Song.tap_tempo")
        now = time.monotonic()
        recent = [t for t in self._taps if now - t < TAP_WINDOW_S][-3:]
        taps = self._taps = (*recent, now)
        if len(taps) >= 2:
            beat_s = (taps[-1] - taps[0]) / (len(taps) - 1)
            self.tempo = min(999.0, max(20.0, 60.0 / beat_s))  # type: ignore[attr-defined]

    # --- cue points -------------------------------------------------------------------------
    @property
    def cue_points(self) -> tuple[CuePoint, ...]:
        return tuple(sorted(self._cues, key=lambda c: c.time))

    def set_or_delete_cue(self) -> None:
        """Add a cue point at the song time, or delete the one already there."""
        self._doc.check_change("Song.set_or_delete_cue")
        here = [c for c in self._cues if abs(c.time - self._current_song_time) < EPSILON]
        if here:
            self._cues.remove(here[0])
        else:
            self._cues.append(CuePoint(self._doc, self, self._current_song_time))
        self._listeners.notify("cue_points")

    def jump_to_next_cue(self) -> None:
        later = [c for c in self.cue_points if c.time > self._current_song_time + EPSILON]
        if later:
            later[0].jump()

    def jump_to_prev_cue(self) -> None:
        earlier = [c for c in self.cue_points if c.time < self._current_song_time - EPSILON]
        if earlier:
            earlier[-1].jump()


add_properties(Transport, GLOBALS, undoable=False)
add_listeners(Transport, "is_playing", "current_song_time", "record_mode", "cue_points")
add_listeners(Transport, "session_record_status")
