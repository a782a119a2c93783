"""The in-memory Live's transport, clip launching, recording, mixer, redo and duplicates behave like Live's."""

from __future__ import annotations

import pytest

from livesim import LIVE_DEFAULT_SET, build_song
from livesim.application import Application
from livesim.document import Document
from livesim.song import Song


@pytest.fixture
def song() -> Song:
    return build_song(LIVE_DEFAULT_SET, Document(Application((12, 3, 6))))


def test_live_default_set_has_two_returns_and_a_send_each(song: Song) -> None:
    assert [t.name for t in song.tracks] == ["1-MIDI", "2-MIDI", "3-Audio", "4-Audio"]
    assert [t.name for t in song.return_tracks] == ["A-Reverb", "B-Delay"]
    assert len(song.tracks[2].mixer_device.sends) == 2
    with pytest.raises(RuntimeError, match=r"Invalid value 1\.5"):
        song.tracks[0].mixer_device.volume.value = 1.5


def test_start_plays_from_the_start_marker_and_continue_from_the_stop(song: Song) -> None:
    song.current_song_time = 2.0  # while stopped: also the start marker
    song.start_playing()
    song._advance(0.5)  # 120 BPM: one beat
    assert song.current_song_time == 3.0
    song.stop_playing()
    song.continue_playing()
    song._advance(0.5)
    assert song.current_song_time == 4.0
    song.stop_playing()
    song.start_playing()
    assert song.current_song_time == 2.0


def test_a_fired_clip_launches_on_the_grid_and_its_position_follows(song: Song) -> None:
    track = song.tracks[0]
    track.clip_slots[0].create_clip(4.0)
    track.clip_slots[1].create_clip(2.0)
    song.clip_trigger_quantization = 7  # a quarter note
    seen: list[int] = []
    track.add_playing_slot_index_listener(lambda: seen.append(track.playing_slot_index))
    track.clip_slots[0].fire()  # the transport starts on the grid: at once
    clip = track.clip_slots[0].clip
    assert song.is_playing and clip is not None and clip.is_playing and clip.playing_position == 0.0
    song._advance(0.25)  # half a beat
    assert clip.playing_position == 0.5
    track.clip_slots[1].fire()
    assert track.fired_slot_index == 1 and track.clip_slots[1].is_triggered and clip.is_playing
    song._advance(0.25)  # the next beat: the second clip takes over, straight from slot 0 to 1
    assert track.playing_slot_index == 1 and not clip.is_playing and seen == [0, 1]
    song._advance(0.1)
    song.stop_all_clips()  # quantized: at the next quarter note
    assert track.playing_slot_index == 1
    song._advance(0.4)
    assert track.playing_slot_index == -1 and song.is_playing
    track.clip_slots[0].fire()
    song._advance(0.5)
    song.stop_all_clips(False)  # at once
    assert track.playing_slot_index == -1


def test_firing_an_empty_slot_of_an_armed_track_records_until_stop(song: Song) -> None:
    audio = song.tracks[2]
    audio.arm = True
    audio.clip_slots[0].fire()
    assert audio.clip_slots[0].is_recording and not audio.clip_slots[0].has_clip
    song._advance(1.0)  # two beats
    song.stop_playing()
    clip = audio.clip_slots[0].clip
    assert clip is not None and clip.is_audio_clip and clip.length == pytest.approx(2.0)
    clip.gain = 0.5
    clip.pitch_coarse = -3
    assert (clip.gain, clip.pitch_coarse) == (0.5, -3)
    with pytest.raises(RuntimeError, match="audio clips only"):
        song.tracks[0].clip_slots[0].create_clip(1.0).gain = 0.5


def test_redo_replays_what_undo_took_back(song: Song) -> None:
    song.create_scene(-1)
    song.tracks[0].clip_slots[8].create_clip(4.0)
    song.undo()
    assert not song.tracks[0].clip_slots[8].has_clip and song.can_redo
    song.undo()
    assert len(song.scenes) == 8
    song.redo()
    song.redo()
    assert len(song.scenes) == 9 and song.tracks[0].clip_slots[8].has_clip
    song.tempo = 100.0  # a new change ends what could be redone
    song.undo()
    assert song.can_redo
    song.tempo = 90.0
    assert not song.can_redo


def test_duplicates_copy_clips_and_their_notes(song: Song) -> None:
    from livesim.notes import MidiNoteSpecification

    slot = song.tracks[1].clip_slots[3]
    slot.create_clip(4.0).add_new_notes((MidiNoteSpecification(60, 0.0, 1.0, 100.0, False),))
    slot.duplicate_clip_to(song.tracks[0].clip_slots[0])
    song.duplicate_scene(3)
    song.duplicate_track(1)
    copies = [
        song.tracks[0].clip_slots[0].clip,
        song.tracks[1].clip_slots[4].clip,
        song.tracks[2].clip_slots[3].clip,
    ]
    for clip in copies:
        assert clip is not None and [n.pitch for n in clip.get_all_notes_extended()] == [60]
    assert song.tracks[2].name == "2-MIDI" and song.view.selected_track is song.tracks[2]
    with pytest.raises(RuntimeError, match="another type"):
        slot.duplicate_clip_to(song.tracks[3].clip_slots[0])


def test_cue_points_are_set_deleted_and_jumped_to(song: Song) -> None:
    song.current_song_time = 8.0
    song.set_or_delete_cue()
    song.current_song_time = 0.0
    song.jump_to_next_cue()
    assert song.current_song_time == 8.0 and [c.time for c in song.cue_points] == [8.0]
    song.set_or_delete_cue()
    assert song.cue_points == ()
