"""Live.Song.View and Live.Track.View for the in-memory Live: what is selected.

The highlighted clip slot is the cell at the selected track and the selected scene, as in
Live's Session view; selecting changes are not undoable.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from livesim.base import Listeners, adder, has_listener, remover
from livesim.clip import Clip
from livesim.document import Document
from livesim.scene import Rows, Scene


class ViewedTrack(Protocol):
    """What the views read of a track: its clip slots (one per scene) and its devices."""

    @property
    def _slots(self) -> Sequence[Any]: ...

    @property
    def devices(self) -> tuple[Any, ...]: ...

    @property
    def view(self) -> TrackView: ...


class Session(Rows, Protocol):
    """What the views show, handed in by the Song that owns them: its track and scene lists."""

    @property
    def _tracks(self) -> Sequence[ViewedTrack]: ...

    @property
    def view(self) -> View: ...


class TrackView:
    """Track.View: the track's selected device."""

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._listeners = Listeners("Track.View", doc)
        self._selected_device: Any = None

    @property
    def selected_device(self) -> Any:
        return self._selected_device

    def _select_device(self, device: Any) -> None:
        if device is not self._selected_device:
            self._selected_device = device
            self._listeners.notify("selected_device")

    add_selected_device_listener = adder("selected_device")
    remove_selected_device_listener = remover("selected_device")
    selected_device_has_listener = has_listener("selected_device")


class View:
    """Song.View: the selected track and scene, the highlighted slot and the detail clip."""

    def __init__(self, doc: Document, song: Session) -> None:
        self._doc = doc
        self._song = song
        self._selected_track: ViewedTrack | None = None
        self._selected_scene: Scene | None = None
        self._detail_clip: Clip | None = None
        self._listeners = Listeners("Song.View", doc)

    def _select(self, prop: str, value: Any) -> None:
        self._doc.check_change(f"Song.View.{prop}")
        if getattr(self, "_" + prop) is value:
            return
        setattr(self, "_" + prop, value)
        self._listeners.notify(prop)

    @property
    def selected_track(self) -> ViewedTrack | None:
        return self._selected_track

    @selected_track.setter
    def selected_track(self, value: ViewedTrack) -> None:
        if value not in self._song._tracks:
            raise RuntimeError(f"Cannot select {value!r}: not a track of this Set")
        self._select("selected_track", value)

    @property
    def selected_scene(self) -> Scene | None:
        return self._selected_scene

    @selected_scene.setter
    def selected_scene(self, value: Scene) -> None:
        if value not in self._song._scenes:
            raise RuntimeError(f"Cannot select {value!r}: not a scene of this Set")
        self._select("selected_scene", value)

    @property
    def highlighted_clip_slot(self) -> Any:
        track, scene = self._selected_track, self._selected_scene
        if track is None or scene is None or track not in self._song._tracks:
            return None
        return track._slots[self._song._scenes.index(scene)]

    @highlighted_clip_slot.setter
    def highlighted_clip_slot(self, value: Any) -> None:
        track = value.canonical_parent
        self.selected_track = track
        self.selected_scene = self._song._scenes[track._slots.index(value)]

    def select_device(self, device: Any, should_focus: bool = True, /) -> None:
        """Select device on its track (the track's view.selected_device) and the track itself."""
        self._doc.check_change("Song.View.select_device")
        for track in self._song._tracks:
            if device in track.devices:
                track.view._select_device(device)
                self.selected_track = track
                return
        raise RuntimeError(f"Cannot select {device!r}: not a device of a track of this Set")

    @property
    def detail_clip(self) -> Clip | None:
        return self._detail_clip

    @detail_clip.setter
    def detail_clip(self, value: Clip | None) -> None:
        self._select("detail_clip", value)

    add_selected_track_listener = adder("selected_track")
    remove_selected_track_listener = remover("selected_track")
    selected_track_has_listener = has_listener("selected_track")
    add_selected_scene_listener = adder("selected_scene")
    remove_selected_scene_listener = remover("selected_scene")
    selected_scene_has_listener = has_listener("selected_scene")
    add_detail_clip_listener = adder("detail_clip")
    remove_detail_clip_listener = remover("detail_clip")
    detail_clip_has_listener = has_listener("detail_clip")
