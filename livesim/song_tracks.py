"""The track and scene lists of Live.Song for the in-memory Live: create, delete and undo them.

Mixed into ``livesim.song.Song``, which holds the lists and the view. As in Live, a new
track goes after the selected one unless an index is given (-1: at the end), every track has
one clip slot per scene, and the last track or scene cannot be deleted. Each change is one
undo entry; the limits raise LimitationError.
"""

from __future__ import annotations

from livesim.base import LimitationError, Listeners, adder, check_args, has_listener, remover
from livesim.document import Document
from livesim.scene import Scene
from livesim.track import ClipSlot, Track
from livesim.view import View

MAX_TRACKS = 1000
MAX_SCENES = 1000


class SongTracks:
    """Song members about its tracks and scenes (the Session view's columns and rows)."""

    _doc: Document
    _listeners: Listeners
    _tracks: list[Track]
    _scenes: list[Scene]
    _returns: list[Track]
    _view: View
    tempo: float  # the Song's (a Scene with its own tempo or signature sets it when fired)
    signature_numerator: int
    signature_denominator: int

    @property
    def view(self) -> View:
        return self._view

    @property
    def tracks(self) -> tuple[Track, ...]:
        return tuple(self._tracks)

    @property
    def scenes(self) -> tuple[Scene, ...]:
        return tuple(self._scenes)

    def _create_track(self, midi: bool, index: int | None) -> Track:
        where = "Song.create_midi_track" if midi else "Song.create_audio_track"
        self._doc.check_change(where)
        if index is None:
            selected = self._view._selected_track
            index = self._tracks.index(selected) + 1 if selected in self._tracks else len(self._tracks)
        check_args(where, (index,), ("int",))
        if index == -1:
            index = len(self._tracks)
        if not 0 <= index <= len(self._tracks) or len(self._tracks) >= MAX_TRACKS:
            raise LimitationError(f"Invalid track index {index}: expected -1 or 0..{len(self._tracks)}")
        name = f"{index + 1}-{'MIDI' if midi else 'Audio'}"
        track = Track(self._doc, self, midi=midi, name=name, num_scenes=len(self._scenes))
        self._insert_track(index, track)
        self._view.selected_track = track
        return track

    def create_midi_track(self, index: int | None = None, /) -> Track:
        return self._create_track(True, index)

    def create_audio_track(self, index: int | None = None, /) -> Track:
        return self._create_track(False, index)

    def _insert_track(self, index: int, track: Track) -> None:
        self._tracks.insert(index, track)
        self._doc.record(lambda: self._remove_track(track))
        self._listeners.notify("tracks")

    def _remove_track(self, track: Track) -> None:
        index = self._tracks.index(track)
        self._tracks.remove(track)
        track._stop_now()
        self._doc.record(lambda: self._insert_track(index, track))
        if self._view._selected_track is track:
            self._view._selected_track = (
                self._tracks[min(index, len(self._tracks) - 1)] if self._tracks else None
            )
            self._view._listeners.notify("selected_track")
        self._listeners.notify("tracks")

    def delete_track(self, index: int, /) -> None:
        check_args("Song.delete_track", (index,), ("int",))
        self._doc.check_change("Song.delete_track")
        if not 0 <= index < len(self._tracks):
            raise RuntimeError(f"Invalid track index {index}: expected 0..{len(self._tracks) - 1}")
        if len(self._tracks) == 1:
            raise RuntimeError(
                "Cannot delete the last track: at least one MIDI or audio track is always available"
            )
        track = self._tracks[index]
        self._remove_track(track)

    def create_scene(self, index: int, /) -> Scene:
        check_args("Song.create_scene", (index,), ("int",))
        self._doc.check_change("Song.create_scene")
        if index == -1:
            index = len(self._scenes)
        if not 0 <= index <= len(self._scenes) or len(self._scenes) >= MAX_SCENES:
            raise LimitationError(f"Invalid scene index {index}: expected -1 or 0..{len(self._scenes)}")
        scene = Scene(self._doc, self)
        self._insert_scene(index, scene, [ClipSlot(self._doc, t) for t in self._tracks])
        return scene

    def _insert_scene(self, index: int, scene: Scene, slots: list[ClipSlot]) -> None:
        self._scenes.insert(index, scene)
        for track, slot in zip(self._tracks, slots, strict=True):
            track._slots.insert(index, slot)
        if self._view._selected_scene is None:
            self._view._selected_scene = scene

        def undo() -> None:
            self._remove_scene(scene)

        self._doc.record(undo)
        self._listeners.notify("scenes")

    def _remove_scene(self, scene: Scene) -> list[ClipSlot]:
        index = self._scenes.index(scene)
        self._scenes.pop(index)
        for track in self._tracks:
            if index in (track._playing_slot_index, track._fired_slot_index):
                track._stop_now()
        slots = [track._slots.pop(index) for track in self._tracks]
        self._doc.record(lambda: self._insert_scene(index, scene, slots))
        if self._view._selected_scene is scene:
            self._view._selected_scene = (
                self._scenes[min(index, len(self._scenes) - 1)] if self._scenes else None
            )
            self._view._listeners.notify("selected_scene")
        self._listeners.notify("scenes")
        return slots

    def delete_scene(self, index: int, /) -> None:
        check_args("Song.delete_scene", (index,), ("int",))
        self._doc.check_change("Song.delete_scene")
        if not 0 <= index < len(self._scenes):
            raise RuntimeError(f"Invalid scene index {index}: expected 0..{len(self._scenes) - 1}")
        if len(self._scenes) == 1:
            raise RuntimeError("Cannot delete the last scene")
        self._remove_scene(self._scenes[index])

    def duplicate_scene(self, index: int, /) -> None:
        """A copy of scene index (its name and clips) right below it, selected."""
        check_args("Song.duplicate_scene", (index,), ("int",))
        self._doc.check_change("Song.duplicate_scene")
        if not 0 <= index < len(self._scenes) or len(self._scenes) >= MAX_SCENES:
            raise LimitationError(f"Invalid scene index {index}: expected 0..{len(self._scenes) - 1}")
        scene = Scene(self._doc, self)
        scene._name = self._scenes[index]._name
        slots = [ClipSlot(self._doc, t) for t in self._tracks]
        self._doc.begin_undo_step()
        try:
            self._insert_scene(index + 1, scene, slots)
            for track, slot in zip(self._tracks, slots, strict=True):
                source = track._slots[index]._clip
                if source is not None:
                    slot._put(source._duplicate())
        finally:
            self._doc.end_undo_step()
        self._view.selected_scene = scene

    def duplicate_track(self, index: int, /) -> None:
        """A copy of track index (kind, name, clips, arm off) right after it, selected."""
        check_args("Song.duplicate_track", (index,), ("int",))
        self._doc.check_change("Song.duplicate_track")
        if not 0 <= index < len(self._tracks) or len(self._tracks) >= MAX_TRACKS:
            raise LimitationError(f"Invalid track index {index}: expected 0..{len(self._tracks) - 1}")
        source = self._tracks[index]
        twin = Track(self._doc, self, midi=source._midi, name=source._name, num_scenes=len(self._scenes))
        for slot, copy_to in zip(source._slots, twin._slots, strict=True):
            if slot._clip is not None:
                copy_to._clip = slot._clip._duplicate()
                copy_to._clip._slot = copy_to
        self._insert_track(index + 1, twin)
        self._view.selected_track = twin

    @property
    def return_tracks(self) -> tuple[Track, ...]:
        return tuple(self._returns)

    def create_return_track(self) -> Track:
        """A return track at the end; every track gets a send to it (at 0)."""
        self._doc.check_change("Song.create_return_track")
        if len(self._returns) >= 12:
            raise LimitationError("Cannot create more than 12 return tracks")
        track = Track(
            self._doc, self, midi=False, name=f"{chr(65 + len(self._returns))}-Return", num_scenes=0
        )
        track._is_return = True
        self._returns.append(track)
        for each in (*self._tracks, *self._returns):
            if each._mixer is not None and len(each._mixer._sends) < len(self._returns):
                each._mixer._add_send()
        self._listeners.notify("return_tracks")
        return track

    def delete_return_track(self, index: int, /) -> None:
        check_args("Song.delete_return_track", (index,), ("int",))
        self._doc.check_change("Song.delete_return_track")
        if not 0 <= index < len(self._returns):
            raise RuntimeError(f"Invalid return track index {index}: expected 0..{len(self._returns) - 1}")
        self._returns.pop(index)
        for each in (*self._tracks, *self._returns):
            if each._mixer is not None:
                each._mixer._sends.pop(index)
        self._listeners.notify("return_tracks")

    # --- listeners ---
    add_tracks_listener = adder("tracks")
    remove_tracks_listener = remover("tracks")
    tracks_has_listener = has_listener("tracks")
    add_return_tracks_listener = adder("return_tracks")
    remove_return_tracks_listener = remover("return_tracks")
    return_tracks_has_listener = has_listener("return_tracks")
    add_scenes_listener = adder("scenes")
    remove_scenes_listener = remover("scenes")
    scenes_has_listener = has_listener("scenes")
