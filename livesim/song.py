"""Live.Song for the in-memory Live: the Set's globals, tracks, scenes, view, transport and undo.

Ranges follow Live: tempo 20..999 BPM, signature numerator 1..99 over 1, 2, 4, 8 or 16,
root note 0 (C) .. 11 (B), scale names from Live 12's list. Song time is in beats. The track
and scene lists and their changes live in ``livesim.song_tracks``, the transport in
``livesim.transport``.
"""

from __future__ import annotations

from typing import Any

from engines.music import SCALES  # Live 12's scale names in its order, and their intervals
from livesim.application import SCALE_MODE_SINCE
from livesim.base import Listeners, adder, check_args, has_listener, remover
from livesim.document import Document
from livesim.props import add_listeners
from livesim.scene import Scene
from livesim.song_tracks import SongTracks
from livesim.track import Track
from livesim.transport import CuePoint, Transport
from livesim.view import View


class Song(SongTracks, Transport):
    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._app = doc.app
        self._listeners = Listeners("Song", doc)
        self._tempo = 120.0
        self._signature_numerator = 4
        self._signature_denominator = 4
        self._root_note = 0
        self._scale_name = "Major"
        self._scale_mode = False  # off in a new Set: Live highlights the key only once it is turned on
        self._is_playing = False
        self._current_song_time = 0.0
        self._tracks: list[Track] = []
        self._scenes: list[Scene] = []
        self._returns: list[Track] = []
        self._main = Track(doc, self, midi=False, name="Main", num_scenes=0)
        self._main._is_main = True
        self._cues: list[CuePoint] = []
        self.file_path = ""
        self._view = View(doc, self)
        self._data: dict[str, Any] = {}  # set_data: kept in the Set (saved with it), not undoable

    @property
    def master_track(self) -> Track:
        """The Main track (always there): its mixer holds the crossfader and the cue volume."""
        return self._main

    # --- shared setters -------------------------------------------------------------------
    def _set(self, prop: str, value: Any, *, undoable: bool = True) -> None:
        self._doc.change(self, prop, value, undoable=undoable)

    @property
    def tempo(self) -> float:
        return self._tempo

    @tempo.setter
    def tempo(self, value: float) -> None:
        check_args("Song.tempo", (value,), ("float",))
        if not 20.0 <= value <= 999.0:
            raise RuntimeError(f"Invalid tempo {value}: expected 20..999 BPM")
        self._set("tempo", float(value))

    @property
    def signature_numerator(self) -> int:
        return self._signature_numerator

    @signature_numerator.setter
    def signature_numerator(self, value: int) -> None:
        check_args("Song.signature_numerator", (value,), ("int",))
        if not 1 <= value <= 99:
            raise RuntimeError(f"Invalid signature numerator {value}: expected 1..99")
        self._set("signature_numerator", int(value))

    @property
    def signature_denominator(self) -> int:
        return self._signature_denominator

    @signature_denominator.setter
    def signature_denominator(self, value: int) -> None:
        check_args("Song.signature_denominator", (value,), ("int",))
        if value not in (1, 2, 4, 8, 16):
            raise RuntimeError(f"Invalid signature denominator {value}: expected 1, 2, 4, 8 or 16")
        self._set("signature_denominator", int(value))

    @property
    def root_note(self) -> int:
        return self._root_note

    @root_note.setter
    def root_note(self, value: int) -> None:
        check_args("Song.root_note", (value,), ("int",))
        if not 0 <= value <= 11:
            raise RuntimeError(f"Invalid root note {value}: expected 0 (C) .. 11 (B)")
        self._set("root_note", int(value))

    @property
    def scale_name(self) -> str:
        return self._scale_name

    @scale_name.setter
    def scale_name(self, value: str) -> None:
        check_args("Song.scale_name", (value,), ("str",))
        if value not in SCALES:
            raise RuntimeError(f"Unknown scale name {value!r}: expected one of {', '.join(SCALES)}")
        self._set("scale_name", value)

    @property
    def scale_intervals(self) -> tuple[int, ...]:
        return SCALES[self._scale_name]

    @property
    def scale_mode(self) -> bool:
        """Live's Scale Mode switch (12.0.5+; absent before, as in Live): on, the editor shows the key."""
        self._app.require(SCALE_MODE_SINCE, "Song", "scale_mode")
        return self._scale_mode

    @scale_mode.setter
    def scale_mode(self, value: bool) -> None:
        self._app.require(SCALE_MODE_SINCE, "Song", "scale_mode")
        check_args("Song.scale_mode", (value,), ("bool",))
        self._set("scale_mode", bool(value))

    # --- session recording and capture -----------------------------------------------------
    def trigger_session_record(self, record_length: float | None = None, /) -> None:
        """Session record: every armed track records into its slot of the selected scene if empty."""
        self._doc.check_change("Song.trigger_session_record")
        self.session_record = True  # type: ignore[attr-defined]
        scene = self._view.selected_scene
        if scene is None:
            return
        row = self._scenes.index(scene)
        for track in self._tracks:
            if track._arm and track._slots[row]._clip is None:
                track._slots[row].fire()

    @property
    def can_capture_midi(self) -> bool:
        return False  # nothing is ever played into the in-memory Live: it has no MIDI input

    def capture_midi(self, destination: int = 0, /) -> None:
        check_args("Song.capture_midi", (destination,), ("int",))
        self._doc.check_change("Song.capture_midi")
        raise RuntimeError(
            "Cannot capture MIDI: no MIDI was played into an armed or monitored track "
            "(can_capture_midi is False; the in-memory Live has no MIDI input)"
        )

    def capture_and_insert_scene(self) -> None:
        """A new scene below the selected one holding copies of the clips playing now, selected."""
        self._doc.check_change("Song.capture_and_insert_scene")
        selected = self._view.selected_scene
        row = self._scenes.index(selected) + 1 if selected in self._scenes else len(self._scenes)
        self._doc.begin_undo_step()
        try:
            scene = self.create_scene(row)
            for track in self._tracks:
                playing = track._clip_at(track._playing_slot_index)
                if playing is not None:
                    track._slots[row]._put(playing._duplicate())
        finally:
            self._doc.end_undo_step()
        self._view.selected_scene = scene

    def force_link_beat_time(self) -> None:
        """Move Link's timeline to Live's beat time; nothing to move while Link is off."""
        self._doc.check_change("Song.force_link_beat_time")

    def re_enable_automation(self) -> None:
        """Re-enable overridden automation; the in-memory Live has no automation to override."""
        self._doc.check_change("Song.re_enable_automation")

    # --- data a script keeps in the Set -----------------------------------------------------
    def get_data(self, key: str, default_value: Any = None, /) -> Any:
        """The value stored under ``key`` with ``set_data``, else ``default_value``."""
        check_args("Song.get_data", (key,), ("str",))
        return self._data.get(key, default_value)

    def set_data(self, key: str, value: Any, /) -> None:
        """Store ``value`` under ``key`` in the Set (Live saves it with the Set; no undo step)."""
        check_args("Song.set_data", (key,), ("str",))
        self._doc.check_change("Song.set_data")
        self._data[key] = value

    # --- undo -----------------------------------------------------------------------------
    def begin_undo_step(self) -> None:
        self._doc.begin_undo_step()

    def end_undo_step(self) -> None:
        self._doc.end_undo_step()

    @property
    def can_undo(self) -> bool:
        return self._doc.can_undo()

    def undo(self) -> str:
        self._doc.check_change("Song.undo")
        self._doc.undo()
        return ""

    @property
    def can_redo(self) -> bool:
        return self._doc.can_redo()

    def redo(self) -> str:
        self._doc.check_change("Song.redo")
        self._doc.redo()
        return ""

    # --- listeners ------------------------------------------------------------------------
    add_tempo_listener = adder("tempo")
    remove_tempo_listener = remover("tempo")
    tempo_has_listener = has_listener("tempo")
    add_signature_numerator_listener = adder("signature_numerator")
    remove_signature_numerator_listener = remover("signature_numerator")
    signature_numerator_has_listener = has_listener("signature_numerator")
    add_signature_denominator_listener = adder("signature_denominator")
    remove_signature_denominator_listener = remover("signature_denominator")
    signature_denominator_has_listener = has_listener("signature_denominator")
    add_root_note_listener = adder("root_note")
    remove_root_note_listener = remover("root_note")
    root_note_has_listener = has_listener("root_note")
    add_scale_name_listener = adder("scale_name")
    remove_scale_name_listener = remover("scale_name")
    scale_name_has_listener = has_listener("scale_name")
    add_scale_mode_listener = adder("scale_mode")
    remove_scale_mode_listener = remover("scale_mode")
    scale_mode_has_listener = has_listener("scale_mode")


add_listeners(Song, "can_capture_midi", "song_length")  # Live's; nothing here changes either yet

Song.View = View  # type: ignore[attr-defined]  # Live.Song.Song.View, as in Live
