"""docs/examples/try.yaml, the Set docs/sim_sets.md tells a new user to try stems and analysis on,
loads into the in-memory Live as written (a MIDI clip, an audio clip in a slot and one in the
Arrangement)."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import soundfile as sf

from livesim import LiveHost, load_set

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "try.yaml"


def test_the_documented_example_set_loads_with_its_clips(tmp_path: Path) -> None:
    shutil.copy(EXAMPLE, tmp_path / "try.yaml")
    t = np.arange(int(9.6 * 44100)) / 44100.0
    sf.write(tmp_path / "loop.wav", np.stack([np.sin(2 * np.pi * 110 * t)] * 2, axis=1) * 0.3, 44100)
    host = LiveHost(load_set(tmp_path / "try.yaml"))
    song = host.song
    assert (song.tempo, song.root_note, song.scale_name) == (100.0, 9, "Minor")
    assert [(t.name, t.has_midi_input) for t in song.tracks] == [
        ("Bass", True),
        ("Keys", True),
        ("Loop", False),
        ("Take", False),
    ]
    riff = song.tracks[0].clip_slots[0].clip
    assert riff.name == "Riff" and len(riff.get_all_notes_extended()) == 3
    loop = song.tracks[2].clip_slots[0].clip
    assert loop.is_audio_clip and loop.file_path == str(tmp_path / "loop.wav")
    assert [c.start_time for c in song.tracks[3].arrangement_clips] == [16.0]
