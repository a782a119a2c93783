"""Live.Conversions.create_midi_track_with_simpler for the in-memory Live.

``create_midi_track_with_simpler(song, audio_clip)`` (Live's "Audio to new MIDI track with
Simpler") makes a MIDI track right after the clip's track (an assumption: the stubs only say
"a new Midi track") holding a Simpler (``livesim.simpler``) on the clip's file, its markers at
the clip's start..end markers; one undo step. A MIDI clip is refused.
"""

from __future__ import annotations

from typing import Any

from livesim.devices import make_device
from livesim.simpler import Sample, SimplerDevice


def create_midi_track_with_simpler(song: Any, audio_clip: Any, /) -> None:
    """A new MIDI track after the clip's track, with a Simpler playing the clip's region of its file."""
    if not getattr(audio_clip, "is_audio_clip", False):
        raise RuntimeError("create_midi_track_with_simpler expects an audio clip")
    doc = song._doc
    doc.check_change("Conversions.create_midi_track_with_simpler")
    owner = next(
        (
            i
            for i, t in enumerate(song.tracks)
            if audio_clip in (*t.arrangement_clips, *(s.clip for s in t.clip_slots))
        ),
        len(song.tracks) - 1,
    )
    rate = audio_clip.sample_rate
    first, last = audio_clip._start_marker, audio_clip._end_marker  # seconds of the file
    doc.begin_undo_step()
    try:
        track = song.create_midi_track(owner + 1)
        simpler = make_device(doc, "Simpler")
        assert isinstance(simpler, SimplerDevice)
        sample = Sample(doc, audio_clip.file_path, rate, audio_clip.sample_length)
        sample._start_marker = min(round(first * rate), sample._length - 1)
        sample._end_marker = max(min(round(last * rate), sample._length), sample._start_marker + 1)
        simpler._sample = sample
        track._put_device(0, simpler)
    finally:
        doc.end_undo_step()
