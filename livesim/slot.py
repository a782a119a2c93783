"""Live.ClipSlot for the in-memory Live: one cell of the Session view, holding at most one clip.

A ClipSlot creates MIDI clips on MIDI tracks and (Live 12.0.5+) audio clips from files on
audio tracks, and raises like Live on a filled slot, the wrong track type or a bad file.
Audio files are read with soundfile. Live's auto-warp guesses a file's tempo; here a new audio
clip gets two warp markers that play the file at the Set's tempo (the Remote Script may place
its own). Launching lives in ``livesim.playback``; the slot knows its track (``livesim.track``)
only as what it reads of it.
"""

from __future__ import annotations

import os
from typing import Any

from livesim.application import CREATE_AUDIO_CLIP_SINCE, since
from livesim.base import Listeners, adder, check_args, has_listener, remover
from livesim.clip import Clip
from livesim.document import Document
from livesim.playback import SlotPlay

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

    def __init__(self, doc: Document, track: Any) -> None:
        self._doc = doc
        self._app = doc.app
        self._track = track
        self._clip: Clip | None = None
        self._listeners = Listeners("ClipSlot", doc)

    @property
    def canonical_parent(self) -> Any:
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
