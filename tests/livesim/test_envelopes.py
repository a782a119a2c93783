"""The in-memory Live's clip envelopes: insert_step and value_at_time, the parameter's range, undo,
a duplicated clip's own copy."""

from __future__ import annotations

import pytest

from livesim.base import ArgumentError
from livesim.host import LiveHost
from livesim.live_set import ClipDesc, SetDesc, TrackDesc


def song_with_a_clip() -> LiveHost:
    tracks = (TrackDesc("midi", "Pad", clips=(ClipDesc(0, "pad", 8.0),)),)
    return LiveHost(SetDesc(tracks=tracks))


def test_steps_read_back_and_the_flat_value_lies_outside_them() -> None:
    host = song_with_a_clip()
    song = host.song
    clip, volume = song.tracks[0].clip_slots[0].clip, song.tracks[0].mixer_device.volume
    assert clip.automation_envelope(volume) is None and not clip.has_envelopes
    env = clip.create_automation_envelope(volume)
    env.insert_step(2.0, 2.0, 0.5)
    env.insert_step(3.0, 1.0, 0.25)  # a later step over an earlier one wins where they overlap
    assert [env.value_at_time(t) for t in (0.0, 2.0, 3.0, 4.0)] == [0.85, 0.5, 0.25, 0.85]
    with pytest.raises(RuntimeError, match=r"Invalid value 1\.5"):
        env.insert_step(0.0, 1.0, 1.5)
    with pytest.raises(RuntimeError, match="already has an envelope"):
        clip.create_automation_envelope(volume)
    with pytest.raises(ArgumentError):
        clip.automation_envelope("volume")


def test_undo_takes_back_a_step_and_a_clear() -> None:
    host = song_with_a_clip()
    song = host.song
    clip, pan = song.tracks[0].clip_slots[0].clip, song.tracks[0].mixer_device.panning
    song.begin_undo_step()
    clip.create_automation_envelope(pan).insert_step(0.0, 8.0, -1.0)
    song.end_undo_step()
    clip.clear_all_envelopes()
    assert not clip.has_envelopes
    song.undo()
    assert clip.automation_envelope(pan).value_at_time(1.0) == -1.0  # type: ignore[union-attr]
    song.undo()
    assert clip.automation_envelope(pan) is None


def test_a_duplicated_clip_has_its_own_envelopes() -> None:
    host = song_with_a_clip()
    song = host.song
    track = song.tracks[0]
    clip, volume = track.clip_slots[0].clip, track.mixer_device.volume
    clip.create_automation_envelope(volume).insert_step(0.0, 8.0, 0.1)
    track.clip_slots[0].duplicate_clip_to(track.clip_slots[1])
    twin = track.clip_slots[1].clip
    twin.automation_envelope(volume).insert_step(0.0, 8.0, 0.9)
    assert clip.automation_envelope(volume).value_at_time(1.0) == 0.1
    assert twin.automation_envelope(volume).value_at_time(1.0) == 0.9
