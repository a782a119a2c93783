"""The in-memory Live's objects behave like Live's: errors, positional-only calls, listeners, undo."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import soundfile

from livesim import SetDesc, build_song
from livesim.application import Application, bind_application
from livesim.base import ArgumentError, LimitationError
from livesim.document import Document
from livesim.notes import MidiNoteSpecification
from livesim.song import Song
from livesim.warp import WarpMarker


def make_song(version: tuple[int, int, int] = (12, 3, 6)) -> Song:
    return build_song(SetDesc(), Document(Application(version)))


@pytest.fixture
def song() -> Song:
    return make_song()


@pytest.fixture
def wav(tmp_path: Path) -> Path:
    path = tmp_path / "hit.wav"
    soundfile.write(path, np.zeros(22050), 44100)  # 0.5 s
    return path


def test_default_set(song: Song) -> None:
    assert (song.tempo, song.signature_numerator, song.signature_denominator) == (120.0, 4, 4)
    assert (song.root_note, song.scale_name, song.scale_intervals) == (0, "Major", (0, 2, 4, 5, 7, 9, 11))
    assert [t.has_midi_input for t in song.tracks] == [True] * 4 + [False] * 2
    assert [t.has_audio_input for t in song.tracks] == [False] * 4 + [True] * 2
    assert len(song.scenes) == 8 and all(len(t.clip_slots) == 8 for t in song.tracks)
    assert song.view.selected_track is song.tracks[0] and song.view.selected_scene is song.scenes[0]
    assert song.view.highlighted_clip_slot is song.tracks[0].clip_slots[0]
    assert not song.can_undo


def test_create_clip_raises_where_live_raises(song: Song) -> None:
    slot = song.tracks[0].clip_slots[0]
    clip = slot.create_clip(4.0)
    assert slot.has_clip and slot.clip is clip and clip.is_midi_clip and not clip.is_audio_clip
    with pytest.raises(RuntimeError, match="not empty"):
        slot.create_clip(4.0)
    with pytest.raises(RuntimeError, match="audio track"):
        song.tracks[4].clip_slots[0].create_clip(4.0)
    with pytest.raises(RuntimeError, match="length"):
        song.tracks[0].clip_slots[1].create_clip(0.0)
    with pytest.raises(RuntimeError, match="empty clip slot"):
        song.tracks[0].clip_slots[1].delete_clip()


def test_create_audio_clip(song: Song, wav: Path, tmp_path: Path) -> None:
    slot = song.tracks[4].clip_slots[0]
    clip = slot.create_audio_clip(str(wav))
    assert clip.is_audio_clip and clip.file_path == str(wav) and clip.sample_rate == 44100.0
    assert clip.warping and clip.length == pytest.approx(1.0)  # 0.5 s at 120 BPM
    clip.warping = False
    assert clip.length == pytest.approx(0.5)  # an unwarped clip measures seconds
    with pytest.raises(RuntimeError, match="not empty"):
        slot.create_audio_clip(str(wav))
    with pytest.raises(RuntimeError, match="MIDI track"):
        song.tracks[0].clip_slots[0].create_audio_clip(str(wav))
    with pytest.raises(RuntimeError, match="absolute"):
        song.tracks[4].clip_slots[1].create_audio_clip("hit.wav")
    with pytest.raises(RuntimeError, match="no such file"):
        song.tracks[4].clip_slots[1].create_audio_clip(str(tmp_path / "missing.wav"))
    (tmp_path / "text.wav").write_text("not audio")
    with pytest.raises(RuntimeError, match="not an audio file"):
        song.tracks[4].clip_slots[1].create_audio_clip(str(tmp_path / "text.wav"))
    with pytest.raises(RuntimeError, match="audio clips only"):
        _ = song.tracks[0].clip_slots[0].create_clip(1.0).warping


def test_methods_are_positional_only_and_typed(song: Song) -> None:
    slot = song.tracks[0].clip_slots[0]
    with pytest.raises(TypeError):
        slot.create_clip(length=4.0)  # type: ignore[call-arg]
    with pytest.raises(ArgumentError, match=r"ClipSlot\.create_clip"):
        slot.create_clip("4")  # type: ignore[arg-type]
    clip = slot.create_clip(4.0)
    with pytest.raises(TypeError):
        clip.get_notes_extended(from_pitch=0, pitch_span=128, from_time=0.0, time_span=4.0)  # type: ignore[call-arg]
    with pytest.raises(ArgumentError):
        clip.get_notes_extended(0.0, 128, 0.0, 4.0)  # type: ignore[arg-type]
    with pytest.raises(ArgumentError):
        clip.add_new_notes([(60, 0.0, 1.0, 100, False)])  # type: ignore[list-item]
    with pytest.raises(ArgumentError):
        MidiNoteSpecification(60.5, 0.0, 1.0)  # type: ignore[arg-type]
    spec = MidiNoteSpecification(
        pitch=60, start_time=0.0, duration=1.0, velocity=90.0
    )  # keywords allowed here
    assert spec.velocity == 90.0 and not spec.mute


def test_notes_pitch_range_first_then_time(song: Song) -> None:
    clip = song.tracks[0].clip_slots[0].create_clip(8.0)
    ids = clip.add_new_notes(
        [
            MidiNoteSpecification(60, 2.0, 1.0),
            MidiNoteSpecification(36, 0.0, 0.5, 300.0),
            MidiNoteSpecification(64, 4.0, 1.0),
        ]
    )
    assert len(set(ids)) == 3
    assert [(n.pitch, n.start_time) for n in clip.get_all_notes_extended()] == [
        (36, 0.0),
        (60, 2.0),
        (64, 4.0),
    ]
    assert clip.get_all_notes_extended()[0].velocity == 127.0  # Live clamps velocities
    assert [n.pitch for n in clip.get_notes_extended(50, 20, 0.0, 3.0)] == [60]
    assert [n.pitch for n in clip.get_notes_extended(0, 128, 4.0, 1.0)] == [64]
    clip.get_all_notes_extended()[0].pitch = 100  # a copy: the clip does not change
    assert clip.get_all_notes_extended()[0].pitch == 36
    clip.remove_notes_extended(0, 61, 0.0, 8.0)
    assert [n.pitch for n in clip.get_all_notes_extended()] == [64]
    with pytest.raises(RuntimeError, match="pitch 200"):
        clip.add_new_notes([MidiNoteSpecification(200, 0.0, 1.0)])
    with pytest.raises(RuntimeError, match=r"duration 0\.0"):
        clip.add_new_notes([MidiNoteSpecification(60, 0.0, 0.0)])
    assert [n.pitch for n in clip.get_all_notes_extended()] == [64]  # a refused batch adds nothing


def test_listeners_fire_and_are_checked(song: Song) -> None:
    calls: list[str] = []

    def on_tempo() -> None:
        calls.append("tempo")

    song.add_tempo_listener(on_tempo)
    assert song.tempo_has_listener(on_tempo)
    with pytest.raises(RuntimeError, match="already connected"):
        song.add_tempo_listener(on_tempo)
    song.tempo = 90.0
    song.tempo = 90.0  # no change, no call
    song.root_note = 3  # another property, no call
    assert calls == ["tempo"]
    song.remove_tempo_listener(on_tempo)
    assert not song.tempo_has_listener(on_tempo)
    with pytest.raises(RuntimeError, match="not connected"):
        song.remove_tempo_listener(on_tempo)
    song.tempo = 100.0
    assert calls == ["tempo"]


def test_selection_and_track_listeners(song: Song) -> None:
    calls: list[str] = []
    song.view.add_selected_track_listener(lambda: calls.append("selected_track"))
    song.add_tracks_listener(lambda: calls.append("tracks"))
    song.add_is_playing_listener(lambda: calls.append("is_playing"))
    track = song.create_midi_track(2)
    assert song.tracks[2] is track and track.name == "3-MIDI"
    assert song.view.selected_track is track  # Live selects a new track
    song.start_playing()
    assert calls == ["tracks", "selected_track", "is_playing"]


def test_changes_from_a_notification_are_refused(song: Song) -> None:
    song.add_tempo_listener(lambda: setattr(song, "root_note", 5))
    song.tempo = 99.0
    assert song.root_note == 0
    assert (
        len(song._doc.errors) == 1 and "Changes cannot be triggered by notifications" in song._doc.errors[0]
    )


def test_ranges_follow_live(song: Song) -> None:
    for prop, value in [
        ("tempo", 10.0),
        ("signature_numerator", 0),
        ("signature_denominator", 3),
        ("root_note", 12),
    ]:
        with pytest.raises(RuntimeError, match=str(value)):
            setattr(song, prop, value)
    with pytest.raises(RuntimeError, match="Unknown scale name 'Bluesy'"):
        song.scale_name = "Bluesy"
    song.scale_name = "Hirajoshi"
    assert song.scale_intervals == (0, 2, 3, 7, 8)
    with pytest.raises(LimitationError):
        song.create_midi_track(99)
    with pytest.raises(LimitationError):
        song.create_scene(99)
    with pytest.raises(RuntimeError, match="Invalid track index 99"):
        song.delete_track(99)


def test_undo_steps_group_changes(song: Song) -> None:
    song.begin_undo_step()
    clip = song.tracks[0].clip_slots[0].create_clip(4.0)
    clip.name = "A"
    clip.add_new_notes([MidiNoteSpecification(60, 0.0, 1.0)])
    song.create_scene(-1)
    song.end_undo_step()
    song.tempo = 130.0
    song.undo()
    assert song.tempo == 120.0 and song.tracks[0].clip_slots[0].has_clip
    song.undo()
    assert not song.tracks[0].clip_slots[0].has_clip and len(song.scenes) == 8
    assert all(len(t.clip_slots) == 8 for t in song.tracks)
    assert not song.can_undo
    song.undo()  # nothing left: no error, as in Live


def test_redo_of_an_undone_write_brings_the_clip_back_with_its_notes(song: Song) -> None:
    song.begin_undo_step()
    clip = song.tracks[0].clip_slots[0].create_clip(4.0)
    clip.add_new_notes([MidiNoteSpecification(60, 0.0, 1.0), MidiNoteSpecification(64, 1.0, 1.0)])
    song.end_undo_step()
    song.undo()
    assert not song.tracks[0].clip_slots[0].has_clip and song.can_redo
    song.redo()
    again = song.tracks[0].clip_slots[0].clip
    assert [n.pitch for n in again.get_all_notes_extended()] == [60, 64]  # Live's redo: notes and all
    song.undo()  # and the redone write is one undo step again
    assert not song.tracks[0].clip_slots[0].has_clip


def test_the_undo_history_keeps_the_newest_steps(song: Song, monkeypatch: pytest.MonkeyPatch) -> None:
    from livesim import document

    monkeypatch.setattr(document, "UNDO_STEPS_KEPT", 5)
    for bpm in range(100, 108):  # 8 one-change steps, then a grouped one
        song.tempo = float(bpm)
    song.begin_undo_step()
    song.tempo = 140.0
    song.create_scene(-1)
    song.end_undo_step()
    undone = 0
    while song.can_undo:
        song.undo()
        undone += 1
    assert undone == 5  # the grouped step and the 4 newest tempo changes
    assert song.tempo == 103.0 and len(song.scenes) == 8  # the oldest 4 changes stay as they were


def test_delete_track_and_scene_undo(song: Song) -> None:
    third = song.tracks[2]
    song.delete_track(2)
    assert third not in song.tracks and len(song.tracks) == 5
    song.undo()
    assert song.tracks[2] is third
    scene = song.scenes[3]
    song.tracks[0].clip_slots[3].create_clip(2.0)
    song.delete_scene(3)
    assert len(song.scenes) == 7 and len(song.tracks[0].clip_slots) == 7
    song.undo()
    assert song.scenes[3] is scene and song.tracks[0].clip_slots[3].has_clip


@pytest.fixture
def restore_application() -> Iterator[None]:
    yield
    bind_application(Application())


def test_features_are_absent_before_their_version(wav: Path, restore_application: None) -> None:
    old = make_song((12, 0, 0))
    assert not hasattr(old.tracks[4].clip_slots[0], "create_audio_clip")
    assert not hasattr(old.tracks[0], "create_midi_clip")
    new = make_song((12, 1, 10))
    assert hasattr(new.tracks[4].clip_slots[0], "create_audio_clip")
    clip = new.tracks[0].create_midi_clip(8.0, 4.0)
    assert clip.length == 4.0 and new.tracks[0].arrangement_clips == (clip,)
    assert clip.is_arrangement_clip and (clip.start_time, clip.end_time) == (8.0, 12.0)

    from livesim import modules

    live = modules.install()
    import Live  # the in-memory Live, as a Remote Script sees it

    assert Live is live and Live.Clip.MidiNoteSpecification is MidiNoteSpecification
    bind_application(Application((10, 1, 0)))
    assert not hasattr(Live.Base, "Timer")
    bind_application(Application((11, 0, 0)))
    assert hasattr(Live.Base, "Timer")
    assert Live.Application.get_application().get_major_version() == 11


def test_the_view_follows_the_highlighted_slot(song: Song) -> None:
    calls: list[str] = []
    song.view.add_selected_scene_listener(lambda: calls.append("scene"))
    slot = song.tracks[3].clip_slots[5]
    song.view.highlighted_clip_slot = slot
    assert song.view.selected_track is song.tracks[3] and song.view.selected_scene is song.scenes[5]
    assert song.view.highlighted_clip_slot is slot and calls == ["scene"]
    clip = slot.create_clip(2.0)
    song.view.detail_clip = clip
    assert song.view.detail_clip is clip
    with pytest.raises(RuntimeError, match="not a track of this Set"):
        song.view.selected_track = make_song().tracks[0]


def test_arrangement_audio_clips_from_12_0_5_returned_from_12_2(wav: Path, tmp_path: Path) -> None:
    song = make_song((12, 2, 0))
    track = song.tracks[4]
    clip = track.create_audio_clip(str(wav), 16.0)
    assert clip is not None and track.arrangement_clips == (clip,)
    assert clip.is_arrangement_clip and clip.is_audio_clip and clip.start_time == 16.0
    assert clip.name == "hit" and clip.warping and clip.length == pytest.approx(1.0)  # 0.5 s at 120 BPM
    song.undo()
    assert track.arrangement_clips == ()
    with pytest.raises(RuntimeError, match="MIDI track"):
        song.tracks[0].create_audio_clip(str(wav), 0.0)
    with pytest.raises(RuntimeError, match=r"Invalid time -1\.0"):
        track.create_audio_clip(str(wav), -1.0)
    with pytest.raises(RuntimeError, match="no such file"):
        track.create_audio_clip(str(tmp_path / "missing.wav"), 0.0)
    older = make_song((12, 1, 10))
    assert older.tracks[4].create_audio_clip(str(wav), 4.0) is None  # made, not returned
    assert [c.start_time for c in older.tracks[4].arrangement_clips] == [4.0]


def test_move_warp_marker_keeps_its_sample_time_and_its_neighbours(song: Song, wav: Path) -> None:
    clip = song.tracks[4].clip_slots[0].create_audio_clip(str(wav))
    clip.add_warp_marker(WarpMarker(0.25, 0.5))
    clip.move_warp_marker(0.5, 0.25)
    assert [(m.sample_time, m.beat_time) for m in clip.warp_markers] == [(0.0, 0.0), (0.25, 0.75), (0.5, 1.0)]
    with pytest.raises(RuntimeError, match=r"beat 1\.25 is not between its neighbours at 0 and 1"):
        clip.move_warp_marker(0.75, 0.5)
    with pytest.raises(RuntimeError, match=r"No warp marker at beat 0\.6"):
        clip.move_warp_marker(0.6, 0.1)
    with pytest.raises(ArgumentError, match=r"Clip\.move_warp_marker"):
        clip.move_warp_marker(0.75, "1")  # type: ignore[arg-type]
    with pytest.raises(RuntimeError, match="audio clips only"):
        song.tracks[0].clip_slots[0].create_clip(1.0).move_warp_marker(0.0, 1.0)
