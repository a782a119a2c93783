"""Live.Track and Live.ClipSlot for the in-memory Live.

A ClipSlot creates MIDI clips on MIDI tracks and (Live 12.0.5+) audio clips from files on
audio tracks, and raises like Live on a filled slot, the wrong track type or a bad file.
Audio files are read with soundfile. Live's auto-warp guesses a file's tempo; here a new audio
clip gets two warp markers that play the file at the Set's tempo (the Remote Script may place
its own).
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
from livesim.base import Listeners, adder, check_args, has_listener, remover
from livesim.clip import Clip
from livesim.devices import TrackDevices
from livesim.document import Document
from livesim.mixer import Device, TrackMixer
from livesim.playback import SlotPlay, TrackPlay
from livesim.routing import TrackRouting
from livesim.view import TrackView

MAX_CLIP_BEATS = 1576800.0  # Live's arrangement limit, also its longest clip


def audio_file_info(path: str) -> tuple[float, float]:
    """(sample_rate, duration_s) of an audio file, or RuntimeError as Live raises for a bad path."""
    if not os.path.isabs(path):
        raise RuntimeError(f"Invalid file path {path!r}: expected an absolute path")
    if not os.path.isfile(path):
        raise RuntimeError(f"Invalid file path {path!r}: no such file")
    import soundfile  # the in-memory Live reads what Live reads: WAV, AIFF, FLAC, OGG, MP3

    try:
        info = soundfile.info(path)
    except (RuntimeError, soundfile.LibsndfileError) as exc:
        raise RuntimeError(f"Invalid file path {path!r}: not an audio file Live can read ({exc})") from exc
    if info.frames <= 0 or info.samplerate <= 0:
        raise RuntimeError(f"Invalid file path {path!r}: the audio file is empty")
    return float(info.samplerate), info.frames / info.samplerate


class ClipSlot(SlotPlay):
    """One cell of the Session view: holds at most one clip."""

    def __init__(self, doc: Document, track: Track) -> None:
        self._doc = doc
        self._app = doc.app
        self._track = track
        self._clip: Clip | None = None
        self._listeners = Listeners("ClipSlot", doc)

    @property
    def canonical_parent(self) -> Track:
        return self._track

    @property
    def has_clip(self) -> bool:
        return self._clip is not None

    @property
    def clip(self) -> Clip | None:
        return self._clip

    @property
    def is_group_slot(self) -> bool:
        return False  # the in-memory Live has no group tracks

    @property
    def controls_other_clips(self) -> bool:
        return False  # only a group track's slot fires other clips

    @property
    def playing_status(self) -> int:
        """Live.ClipSlot.ClipSlotPlayingState: 0 stopped, 1 started, 2 recording."""
        return 2 if self.is_recording else 1 if self.is_playing else 0

    @property
    def will_record_on_start(self) -> bool:
        """Firing records here: an empty slot of an armed track."""
        return self._clip is None and self._track._arm

    def _put(self, clip: Clip | None) -> None:
        """Hold clip (None: empty the slot), as one undoable change."""
        old = self._clip
        if old is not None:
            self._track._slot_emptied(self)
            old._slot = None
        self._clip = clip
        if clip is not None:
            clip._slot = self
        self._doc.record(lambda: self._put(old))
        self._listeners.notify("has_clip")

    def _insert(self, clip: Clip) -> Clip:
        self._put(clip)
        return clip

    def create_clip(self, length: float, /) -> Clip:
        check_args("ClipSlot.create_clip", (length,), ("float",))
        self._doc.check_change("ClipSlot.create_clip")
        if self._clip is not None:
            raise RuntimeError(
                "Clip slot is not empty: cannot create a clip in a slot that already holds one"
            )
        if not self._track.has_midi_input:
            raise RuntimeError("Cannot create a MIDI clip on an audio track")
        if not 0.0 < length <= MAX_CLIP_BEATS:
            raise RuntimeError(
                f"Invalid clip length {length}: expected 0 < length <= {MAX_CLIP_BEATS:g} beats"
            )
        return self._insert(Clip(self._doc, float(length)))

    @since(CREATE_AUDIO_CLIP_SINCE)
    def create_audio_clip(self, file_path: str, /) -> Clip:
        check_args("ClipSlot.create_audio_clip", (file_path,), ("str",))
        self._doc.check_change("ClipSlot.create_audio_clip")
        if self._clip is not None:
            raise RuntimeError(
                "Clip slot is not empty: cannot create a clip in a slot that already holds one"
            )
        if not self._track.has_audio_input:
            raise RuntimeError("Cannot create an audio clip on a MIDI track")
        rate, duration_s = audio_file_info(file_path)
        bps = self._track._song_tempo() / 60.0
        clip = Clip(
            self._doc, file_path=file_path, sample_rate=rate, duration_s=duration_s, beats_per_second=bps
        )
        clip._name = os.path.splitext(os.path.basename(file_path))[0]
        return self._insert(clip)

    def delete_clip(self) -> None:
        self._doc.check_change("ClipSlot.delete_clip")
        old = self._clip
        if old is None:
            raise RuntimeError("Cannot delete the clip of an empty clip slot")
        self._put(None)

    add_has_clip_listener = adder("has_clip")
    remove_has_clip_listener = remover("has_clip")
    has_clip_has_listener = has_listener("has_clip")


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

    def _arrange(self, clip: Clip) -> Clip:
        self._arrangement.append(clip)
        self._doc.record(lambda: self._arrangement.remove(clip))
        return clip

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
    add_arm_listener = adder("arm")
    remove_arm_listener = remover("arm")
    arm_has_listener = has_listener("arm")
