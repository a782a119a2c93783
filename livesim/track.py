"""Live.Track for the in-memory Live: a MIDI or audio track with one clip slot per scene.

Its clip slots are ``livesim.slot``; launching, the mixer, the device chain and routing are
mixed in from ``livesim.playback``, ``livesim.mixer``, ``livesim.devices`` and
``livesim.routing``. Arrangement clips come from ``create_midi_clip`` (Live 12.1.10+) and
``create_audio_clip`` (12.0.5+; the clip is returned from 12.2 on) and
``duplicate_clip_to_arrangement`` (a copy, cutting what lies under it); ``delete_clip`` removes one.
"""

from __future__ import annotations

import os
from typing import Any

from livesim.application import (
    CREATE_AUDIO_CLIP_SINCE,
    CREATE_MIDI_CLIP_SINCE,
    RETURNS_ARRANGEMENT_AUDIO_CLIP_SINCE,
    since,
)
from livesim.arrangement import cut
from livesim.base import ArgumentError, Listeners, adder, check_args, has_listener, remover
from livesim.clip import Clip
from livesim.devices import TrackDevices
from livesim.document import Document
from livesim.mixer import Device, TrackMixer
from livesim.playback import TrackPlay
from livesim.routing import TrackRouting
from livesim.slot import MAX_CLIP_BEATS, ClipSlot, audio_file_info
from livesim.view import TrackView

__all__ = ["MAX_CLIP_BEATS", "ClipSlot", "Track", "audio_file_info"]


def _a_clip(where: str, clip: Any) -> None:
    if not isinstance(clip, Clip):
        raise ArgumentError(
            f"Python argument types in\n    {where}({type(clip).__name__})\ndid not match C++ signature:\n"
            f"    {where}(Clip)"
        )


class Track(TrackPlay, TrackMixer, TrackDevices, TrackRouting):
    """A MIDI or audio track of the Session view, with one clip slot per scene."""

    def __init__(self, doc: Document, song: Any, *, midi: bool, name: str, num_scenes: int) -> None:
        self._doc = doc
        self._app = doc.app
        self._song = song
        self._midi = midi
        self._name = name
        self._mute = False
        self._solo = False
        self._arm = False
        self._slots: list[ClipSlot] = [ClipSlot(doc, self) for _ in range(num_scenes)]
        self._arrangement: list[Clip] = []
        self._devices: list[Device] = []
        self._view = TrackView(doc)
        self._listeners = Listeners("Track", doc)

    def __repr__(self) -> str:
        return f"<Track {self._name!r} {'midi' if self._midi else 'audio'}>"

    def _song_tempo(self) -> float:
        return float(self._song.tempo)

    def _set(self, prop: str, value: Any) -> None:
        self._doc.change(self, prop, value)

    @property
    def name(self) -> str:
        return self._name

    @name.setter
    def name(self, value: str) -> None:
        check_args("Track.name", (value,), ("str",))
        self._set("name", value)

    @property
    def mute(self) -> bool:
        return self._mute

    @mute.setter
    def mute(self, value: bool) -> None:
        check_args("Track.mute", (value,), ("bool",))
        self._set("mute", bool(value))

    @property
    def solo(self) -> bool:
        return self._solo

    @solo.setter
    def solo(self, value: bool) -> None:
        check_args("Track.solo", (value,), ("bool",))
        self._set("solo", bool(value))

    @property
    def arm(self) -> bool:
        return self._arm

    @arm.setter
    def arm(self, value: bool) -> None:
        check_args("Track.arm", (value,), ("bool",))
        self._set("arm", bool(value))

    @property
    def has_midi_input(self) -> bool:
        return self._midi

    @property
    def has_audio_input(self) -> bool:
        return not self._midi

    @property
    def clip_slots(self) -> tuple[ClipSlot, ...]:
        return tuple(self._slots)

    @property
    def devices(self) -> tuple[Device, ...]:
        return tuple(self._devices)

    @property
    def view(self) -> TrackView:
        return self._view

    @property
    def fold_state(self) -> bool:
        """Only a group track folds; the in-memory Live has none, so this raises as Live does."""
        raise RuntimeError("fold_state is only available for group tracks (is_foldable is False)")

    @fold_state.setter
    def fold_state(self, value: bool) -> None:
        raise RuntimeError("fold_state is only available for group tracks (is_foldable is False)")

    @property
    def arrangement_clips(self) -> tuple[Clip, ...]:
        """The track's arrangement-view clips, by start time (as Live lists them)."""
        return tuple(sorted(self._arrangement, key=lambda c: c.start_time))

    @since(CREATE_MIDI_CLIP_SINCE)
    def create_midi_clip(self, start_time: float, length: float, /) -> Clip:
        check_args("Track.create_midi_clip", (start_time, length), ("float", "float"))
        self._doc.check_change("Track.create_midi_clip")
        if not self._midi:
            raise RuntimeError("Cannot create a MIDI clip on an audio track")
        if not 0.0 <= start_time <= MAX_CLIP_BEATS or length <= 0.0:
            raise RuntimeError(
                f"Invalid time {start_time} or length {length}: expected 0..{MAX_CLIP_BEATS:g}, > 0"
            )
        return self._arrange(Clip(self._doc, float(length), start_time=float(start_time)))

    @since(CREATE_AUDIO_CLIP_SINCE)
    def create_audio_clip(self, file_path: str, position: float, /) -> Clip | None:
        """An arrangement audio clip of the file at position (beats); returns it from Live 12.2 on.

        Raises like Live on a MIDI track, a position outside 0..1576800 or an invalid file. The
        clip starts warped at the Set's tempo, as a session audio clip does here.
        """
        check_args("Track.create_audio_clip", (file_path, position), ("str", "float"))
        self._doc.check_change("Track.create_audio_clip")
        if self._midi:
            raise RuntimeError("Cannot create an audio clip on a MIDI track")
        if not 0.0 <= position <= MAX_CLIP_BEATS:
            raise RuntimeError(f"Invalid time {position}: expected 0..{MAX_CLIP_BEATS:g}")
        rate, duration_s = audio_file_info(file_path)
        bps = self._song_tempo() / 60.0
        clip = Clip(
            self._doc,
            file_path=file_path,
            sample_rate=rate,
            duration_s=duration_s,
            beats_per_second=bps,
            start_time=float(position),
        )
        clip._name = os.path.splitext(os.path.basename(file_path))[0]
        self._arrange(clip)
        return clip if self._app.version >= RETURNS_ARRANGEMENT_AUDIO_CLIP_SINCE else None

    def duplicate_clip_to_arrangement(self, clip: Clip, destination_time: float, /) -> Clip:
        """A copy of ``clip`` (a session or arrangement clip) in this track's Arrangement at destination_time."""
        _a_clip("Track.duplicate_clip_to_arrangement", clip)
        check_args("Track.duplicate_clip_to_arrangement", (destination_time,), ("float",))
        self._doc.check_change("Track.duplicate_clip_to_arrangement")
        if clip.is_midi_clip != self._midi:
            kinds = ("an audio", "a MIDI") if self._midi else ("a MIDI", "an audio")
            raise RuntimeError(f"Cannot duplicate {kinds[0]} clip to {kinds[1]} track")
        if not 0.0 <= destination_time <= MAX_CLIP_BEATS:
            raise RuntimeError(f"Invalid time {destination_time}: expected 0..{MAX_CLIP_BEATS:g}")
        twin = clip._duplicate()
        twin._start_time = float(destination_time)
        return self._arrange(twin)

    def delete_clip(self, clip: Clip, /) -> None:
        """Delete one of this track's clips (raises for another track's)."""
        _a_clip("Track.delete_clip", clip)
        self._doc.check_change("Track.delete_clip")
        for slot in self._slots:
            if slot.clip is clip:
                slot.delete_clip()
                return
        if clip not in self._arrangement:
            raise RuntimeError("Cannot delete a clip that belongs to another track")
        self._swap([clip], [])

    def _arrange(self, clip: Clip) -> Clip:
        """Place ``clip``, cutting what lies under it (livesim.arrangement, Live's rule)."""
        removed, added = cut(self._arrangement, clip.start_time, clip.end_time, self._piece)
        self._swap(removed, [*added, clip])
        return clip

    def _swap(self, gone: list[Clip], new: list[Clip]) -> None:
        """Take ``gone`` out of the Arrangement and put ``new`` in, one undoable change (its undo
        records the swap back, which a redo runs); arrangement_clips' listeners are told."""
        for clip in gone:
            self._arrangement.remove(clip)
        self._arrangement.extend(new)
        self._doc.record(lambda: self._swap(new, gone))
        self._listeners.notify("arrangement_clips")

    def _piece(self, start_time: float, length: float) -> Clip:
        return Clip(self._doc, float(length), start_time=float(start_time))

    add_name_listener = adder("name")
    remove_name_listener = remover("name")
    name_has_listener = has_listener("name")
    add_mute_listener = adder("mute")
    remove_mute_listener = remover("mute")
    mute_has_listener = has_listener("mute")
    add_solo_listener = adder("solo")
    remove_solo_listener = remover("solo")
    solo_has_listener = has_listener("solo")
    add_devices_listener = adder("devices")
    remove_devices_listener = remover("devices")
    devices_has_listener = has_listener("devices")
    add_arrangement_clips_listener = adder("arrangement_clips")
    remove_arrangement_clips_listener = remover("arrangement_clips")
    arrangement_clips_has_listener = has_listener("arrangement_clips")
    add_arm_listener = adder("arm")
    remove_arm_listener = remover("arm")
    arm_has_listener = has_listener("arm")
