"""The in-memory Live's Clip.crop (MIDI and audio), a rack's macros, and a track's freeze state."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile

from livesim import LIVE_DEFAULT_SET, build_song
from livesim.application import Application
from livesim.browser import Browser
from livesim.document import Document
from livesim.notes import MidiNoteSpecification
from livesim.racks import RackDevice
from livesim.song import Song


@pytest.fixture
def song() -> Song:
    app = Application()
    made = build_song(LIVE_DEFAULT_SET, Document(app))
    app.document, app.browser = made, Browser(app)
    return made


def test_crop_keeps_the_loop_of_a_midi_clip_and_undo_brings_the_rest_back(song: Song) -> None:
    clip = song.tracks[0].clip_slots[0].create_clip(8.0)
    clip.add_new_notes([MidiNoteSpecification(60 + i, float(i), 1.5) for i in range(8)])
    clip.loop_start, clip.loop_end = 2.0, 4.0
    clip.crop()
    notes = sorted((n.pitch, n.start_time, n.duration) for n in clip.get_all_notes_extended())
    assert notes == [(62, 2.0, 1.5), (63, 3.0, 1.0)]  # the note past the loop's end is shortened
    assert (clip.start_marker, clip.end_marker, clip.loop_start, clip.loop_end, clip.length) == (
        2.0, 4.0, 2.0, 4.0, 2.0,
    )  # fmt: skip
    song.undo()
    assert len(clip.get_all_notes_extended()) == 8 and (clip.start_marker, clip.end_marker) == (0.0, 8.0)


def test_crop_of_an_unlooped_audio_clip_writes_the_region_as_a_new_file(song: Song, tmp_path: Path) -> None:
    path = tmp_path / "ramp.wav"
    soundfile.write(path, np.linspace(0.0, 0.5, 88200), 44100)  # 2 s: 4 beats at 120 BPM
    clip = song.tracks[2].clip_slots[0].create_audio_clip(str(path))
    clip.looping = False
    clip.start_marker, clip.end_marker = 1.0, 3.0  # beats: 0.5 s .. 1.5 s of the file
    clip.crop()
    data, rate = soundfile.read(clip.file_path)
    assert clip.file_path != str(path) and rate == 44100 and len(data) == 44100
    assert data[0] == pytest.approx(0.5 * 22050 / 88199, abs=1e-4)  # the new file starts at 0.5 s
    assert (clip.start_marker, clip.end_marker, clip.length) == (0.0, 2.0, 2.0)
    assert [(m.sample_time, m.beat_time) for m in clip.warp_markers] == [(0.0, 0.0), (1.0, 2.0)]
    song.undo()
    assert clip.file_path == str(path) and (clip.start_marker, clip.end_marker) == (1.0, 3.0)


def test_a_rack_has_sixteen_macros_and_shows_one_more_or_fewer_within_1_to_16(song: Song) -> None:
    track = song.tracks[0]
    rack = track.insert_device("Instrument Rack")
    assert isinstance(rack, RackDevice)
    assert [p.name for p in rack.parameters[1:]] == [f"Macro {i}" for i in range(1, 17)]
    assert rack.visible_macro_count == 8
    rack.parameters[3].value = 64.0
    assert rack.parameters[3].value == 64.0
    for _ in range(8):
        rack.add_macro()
    with pytest.raises(RuntimeError, match="maximum of 16"):
        rack.add_macro()
    for _ in range(15):
        rack.remove_macro()
    with pytest.raises(RuntimeError, match="minimum of 1"):
        rack.remove_macro()
    song.undo()
    assert rack.visible_macro_count == 2


def test_a_track_can_be_frozen_once_it_has_a_device_and_never_is(song: Song) -> None:
    track = song.tracks[0]
    assert (track.is_frozen, track.can_be_frozen) == (False, False)
    track.insert_device("Operator")
    assert (track.is_frozen, track.can_be_frozen) == (False, True)
    assert not song.return_tracks[0].can_be_frozen


def test_a_sample_goes_to_a_new_simpler_track_and_the_simpler_reverses_and_crops_it(
    song: Song, tmp_path: Path
) -> None:
    from livesim.conversions import create_midi_track_with_simpler
    from livesim.simpler import SimplerDevice

    path = tmp_path / "ramp.wav"
    soundfile.write(path, np.linspace(0.0, 0.5, 88200), 44100)
    clip = song.tracks[2].clip_slots[0].create_audio_clip(str(path))
    create_midi_track_with_simpler(song, clip)
    track = song.tracks[3]
    simpler = track.devices[0]
    assert (
        track.has_midi_input
        and isinstance(simpler, SimplerDevice)
        and simpler.class_name == "OriginalSimpler"
    )
    sample = simpler.sample
    assert sample is not None and (sample.file_path, sample.length) == (str(path), 88200)
    assert (sample.start_marker, sample.end_marker) == (0, 88200)
    sample.start_marker, sample.end_marker = 22050, 66150
    simpler.reverse()
    data, _ = soundfile.read(sample.file_path)
    assert sample.file_path != str(path) and data[0] == pytest.approx(0.5, abs=1e-4)  # the ramp backwards
    assert (sample.start_marker, sample.end_marker) == (22050, 66150)  # mirrored: the same region
    simpler.crop()
    data, _ = soundfile.read(sample.file_path)
    assert (len(data), sample.length, sample.start_marker, sample.end_marker) == (44100, 44100, 0, 44100)
    song.undo()
    song.undo()
    assert sample.file_path == str(path) and sample.length == 88200
    with pytest.raises(RuntimeError, match="expects an audio clip"):
        create_midi_track_with_simpler(song, song.tracks[0].clip_slots[0].create_clip(4.0))
    empty = song.tracks[1].insert_device("Simpler")
    assert isinstance(empty, SimplerDevice) and empty.sample is None
    with pytest.raises(RuntimeError, match="is empty"):
        empty.reverse()


def test_quantize_moves_note_starts_toward_the_grid_and_warp_markers_on_audio(
    song: Song, tmp_path: Path
) -> None:
    clip = song.tracks[0].clip_slots[0].create_clip(8.0)
    clip.add_new_notes([MidiNoteSpecification(60, 0.1, 0.5), MidiNoteSpecification(62, 1.4, 0.5)])
    clip.quantize(6, 0.5)  # a quarter (1 beat) grid, half way
    assert sorted((n.pitch, n.start_time, n.duration) for n in clip.get_all_notes_extended()) == [
        (60, pytest.approx(0.05), 0.5),
        (62, pytest.approx(1.2), 0.5),
    ]
    clip.quantize_pitch(62, 6, 1.0)
    assert sorted(n.start_time for n in clip.get_all_notes_extended()) == [pytest.approx(0.05), 1.0]
    song.undo()
    song.undo()
    assert sorted(n.start_time for n in clip.get_all_notes_extended()) == [
        pytest.approx(0.1),
        pytest.approx(1.4),
    ]
    clip.quantize(4, 1.0)  # a bar of the Set's 4/4: both go to 0
    assert [n.start_time for n in clip.get_all_notes_extended()] == [0.0, 0.0]
    with pytest.raises(RuntimeError, match="grid 12 is not a GridQuantization"):
        clip.quantize(12, 1.0)
    path = tmp_path / "tone.wav"
    soundfile.write(path, np.zeros(88200), 44100)
    audio = song.tracks[2].clip_slots[0].create_audio_clip(str(path))
    audio.move_warp_marker(4.0, -0.2)  # the end marker to beat 3.8
    audio.quantize(6, 1.0)
    assert [m.beat_time for m in audio.warp_markers] == [0.0, 4.0]
    with pytest.raises(RuntimeError, match="MIDI clips only"):
        audio.quantize_pitch(60, 6, 1.0)
