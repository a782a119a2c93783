"""Set descriptions: YAML in, a Song built through Live's own calls out; bad input named."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile

from engines.errors import InvalidValue
from livesim import SetDesc, build_song, load_set, parse_set
from livesim.application import Application
from livesim.document import Document
from tests.conftest import ROOT


def build(desc: SetDesc) -> object:
    return build_song(desc, Document(Application()))


def test_the_demo_set_loads() -> None:
    desc = load_set(ROOT / "presets" / "sets" / "demo.yaml")
    song = build_song(desc, Document(Application()))
    assert (song.tempo, song.root_note, song.scale_name) == (96.0, 9, "Minor")
    assert [t.name for t in song.tracks] == ["Drums", "Bass", "Chords", "Melody", "Stems", "Loops"]
    assert [s.name for s in song.scenes][:3] == ["Intro", "Verse", "Chorus"]
    beat = song.tracks[0].clip_slots[0].clip
    assert beat is not None and beat.name == "Beat" and beat.length == 4.0
    assert [(n.pitch, n.start_time, n.velocity) for n in beat.get_all_notes_extended()][:2] == [
        (36, 0.0, 110.0),
        (42, 0.5, 70.0),
    ]
    assert song.view.selected_track is song.tracks[2] and song.view.selected_scene is song.scenes[1]
    assert not song.can_undo  # building the Set is not the user's history


def test_audio_clips_with_markers(tmp_path: Path) -> None:
    soundfile.write(tmp_path / "pad.wav", np.zeros(44100 * 4), 44100)
    (tmp_path / "set.yaml").write_text(
        "tempo: 60\nsignature: [3, 4]\nroot: 2\nscenes: 2\ntracks:\n"
        "  - {type: audio, name: Pad, clips: [{slot: 1, file: pad.wav, warping: false, start_marker: 0.5, end_marker: 3}]}\n"
    )
    song = build_song(load_set(tmp_path / "set.yaml"), Document(Application()))
    assert (song.signature_numerator, song.signature_denominator, song.root_note) == (3, 4, 2)
    clip = song.tracks[0].clip_slots[1].clip
    assert clip is not None and clip.file_path == str(tmp_path / "pad.wav") and not clip.warping
    assert (clip.start_marker, clip.end_marker, clip.name) == (0.5, 3.0, "pad")


def test_a_warped_clip_with_its_own_warp_markers_and_loop(tmp_path: Path) -> None:
    soundfile.write(tmp_path / "loop.wav", np.zeros(88200 + 3), 44100)
    (tmp_path / "set.yaml").write_text(
        "tempo: 120\nscenes: 1\ntracks:\n"
        "  - {type: audio, name: Loop, clips: [{slot: 0, file: loop.wav, start_marker: 0.5, end_marker: 3.5,\n"
        "       warp_markers: [[0, 0], [0.8, 2], [1.9, 3.5]], looping: true, loop_start: 1, loop_end: 3.25}]}\n"
    )
    clip = build_song(load_set(tmp_path / "set.yaml"), Document(Application())).tracks[0].clip_slots[0].clip
    assert clip is not None and clip.warping and clip.looping and clip.sample_length == 88203
    assert [(m.sample_time, m.beat_time) for m in clip.warp_markers] == [(0.0, 0.0), (0.8, 2.0), (1.9, 3.5)]
    assert (clip.loop_start, clip.loop_end) == pytest.approx((1.0, 3.25))
    assert (clip.start_marker, clip.end_marker) == pytest.approx((0.5, 3.5))
    crossing = parse_set(
        {
            "tracks": [
                {
                    "type": "audio",
                    "clips": [
                        {
                            "slot": 0,
                            "file": str(tmp_path / "loop.wav"),
                            "warp_markers": [[0, 0], [1.0, 2], [0.5, 3]],
                        }
                    ],
                }
            ]
        }
    )
    with pytest.raises(InvalidValue, match="must increase in both"):
        build(crossing)
    with pytest.raises(InvalidValue, match=r"warp marker \[1\.0\]: expected \[sample_seconds, beats\]"):
        parse_set({"tracks": [{"type": "audio", "clips": [{"slot": 0, "warp_markers": [[1.0]]}]}]})


def test_arrangement_clips_by_start(tmp_path: Path) -> None:
    soundfile.write(tmp_path / "take.wav", np.zeros(44100 * 2), 44100)
    (tmp_path / "set.yaml").write_text(
        "tracks:\n"
        "  - {type: audio, name: Takes, arrangement: [{start: 16, file: take.wav, warping: false},\n"
        "                                            {start: 4, file: take.wav, name: First}]}\n"
        "  - {type: midi, name: Keys, arrangement: [{start: 8, length: 2, notes: [[60, 0, 1]]}]}\n"
    )
    song = build_song(load_set(tmp_path / "set.yaml"), Document(Application()))
    first, later = song.tracks[0].arrangement_clips
    assert (first.start_time, first.name, first.warping) == (4.0, "First", True)
    assert (later.start_time, later.warping, later.end_marker) == (16.0, False, 2.0)  # seconds: unwarped
    [keys] = song.tracks[1].arrangement_clips
    assert (keys.start_time, keys.length, len(keys.get_all_notes_extended())) == (8.0, 2.0, 1)
    with pytest.raises(InvalidValue, match=r"arrangement clip 0: unknown key\(s\) \['slot'\]"):
        parse_set({"tracks": [{"type": "audio", "arrangement": [{"slot": 0}]}]})


@pytest.mark.parametrize(
    ("data", "named"),
    [
        ({"tempoo": 120}, "tempoo"),
        ({"root": "H"}, "root 'H'"),
        ({"tracks": [{"type": "video"}]}, "type 'video'"),
        ({"tracks": [{"type": "midi", "clips": [{"slot": 0, "notes": [[60, 0.0]]}]}]}, "note [60, 0.0]"),
        ({"tracks": [{"type": "midi", "colour": 3}]}, "colour"),
    ],
)
def test_bad_descriptions_name_the_value(data: dict, named: str) -> None:
    with pytest.raises(InvalidValue, match=named.replace("[", r"\[").replace("]", r"\]")):
        parse_set(data)


@pytest.mark.parametrize(
    ("data", "named"),
    [
        ({"tempo": 5}, "tempo 5"),
        ({"scale": "Bluesy"}, "Bluesy"),
        ({"tracks": [{"type": "audio", "clips": [{"slot": 0, "file": "/no/such.wav"}]}]}, "no such file"),
        ({"tracks": [{"type": "midi", "clips": [{"slot": 0, "notes": [[200, 0, 1]]}]}]}, "pitch 200"),
        ({"scenes": 2, "tracks": [{"type": "midi", "clips": [{"slot": 5}]}]}, "index out of range"),
    ],
)
def test_descriptions_live_refuses_do_not_build(data: dict, named: str) -> None:
    with pytest.raises(InvalidValue, match=named):
        build(parse_set(data))


def test_unreadable_yaml(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("tempo: [unclosed\n")
    with pytest.raises(InvalidValue, match=r"bad\.yaml"):
        load_set(tmp_path / "bad.yaml")
