"""Clips that carry no key: drum loops, a constant DC offset, a file with no frames."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from engines.analysis import analyze, analyze_file, keys, read_audio
from engines.analysis.core import assemble
from engines.analysis.result import NO_CHORD, NO_KEY, ChordSegment, Findings
from engines.errors import AudioFileError
from tests.conftest import require_tool


def test_pitched_share_counts_frames_where_a_pitch_class_is_heard() -> None:
    chroma = np.full((10, 12), 0.2)
    chroma[:3, 4] = 0.9  # three frames hear an E
    chroma[3, 7] = keys.PITCH_HEARD  # the threshold itself counts
    assert keys.pitched_share(chroma) == pytest.approx(0.4)
    assert keys.pitched_share(np.zeros((0, 12))) == 0.0
    assert keys.pitched_share(np.full(12, 0.7)) == 1.0  # a single frame comes squeezed


def findings(pitched_share: float) -> Findings:
    probabilities = np.full(24, 0.01)
    probabilities[7] = 0.77  # G major
    beats = np.arange(0.0, 8.0, 0.5)
    return Findings(
        beats_s=beats,
        downbeats_s=beats[::4],
        beats_per_bar=4,
        key_probabilities=probabilities,
        chords=[ChordSegment(0.0, 4.0, "G:maj"), ChordSegment(4.0, 8.0, "D:maj")],
        pitched_share=pitched_share,
    )


def test_a_clip_without_pitched_sound_keeps_its_grid_but_has_no_key_or_chords() -> None:
    tonal = assemble(findings(keys.TONAL_SHARE), 8.0, 44100, "madmom")
    assert tonal.key == "G major" and [c.label for c in tonal.chords] == ["G:maj", "D:maj"]
    drums = assemble(findings(keys.TONAL_SHARE / 2), 8.0, 44100, "madmom")
    assert drums.key == NO_KEY and drums.key_confidence == 0.0
    assert drums.chords == (ChordSegment(0.0, 8.0, NO_CHORD),)
    assert drums.beats_s == tonal.beats_s and drums.tempo_bpm == pytest.approx(120.0)


def test_rendered_drum_loop_has_a_tempo_but_no_key_and_its_bass_has_one(tmp_path: Path) -> None:
    """The rock preset's drums alone through FluidR3_GM: the key CNN and profile used to name a key."""
    fluidsynth = require_tool("fluidsynth")
    from tools.eval import generated

    if not generated.SOUNDFONT.exists():
        pytest.fail(
            f"fluidsynth is installed but {generated.SOUNDFONT} is missing (Debian fluid-soundfont-gm)"
        )
    drums = generated.render_piece("rock", 4, "Major", tmp_path, fluidsynth, only=("drums",))
    assert drums["name"] == "rock_E_major_drums"
    result = analyze(*read_audio(tmp_path / drums["wav"]))
    assert result.key == NO_KEY and result.key_confidence == 0.0
    assert [c.label for c in result.chords] == [NO_CHORD]
    assert result.tempo_bpm == pytest.approx(drums["tempo_bpm"], rel=0.02)
    bass = generated.render_piece("rock", 4, "Major", tmp_path, fluidsynth, only=("bass",))
    assert analyze(*read_audio(tmp_path / bass["wav"])).key == "E major"


def test_a_constant_offset_is_silence(tmp_path: Path) -> None:
    sr = 44100
    dc = tmp_path / "dc.wav"
    sf.write(dc, np.full(sr * 2, -0.5, dtype=np.float32), sr, subtype="FLOAT")
    result = analyze(*read_audio(dc))  # silence is answered, not refused (issue 21)
    assert result.key == NO_KEY and result.beats_s == () and result.time_signature is None
    assert analyze(np.full(sr, 0.25, dtype=np.float32), sr).key == NO_KEY  # arrays too
    tone = tmp_path / "tone_on_dc.wav"
    t = np.arange(sr * 2) / sr
    sf.write(tone, (0.3 + 0.2 * np.sin(2 * np.pi * 220 * t)).astype(np.float32), sr, subtype="FLOAT")
    samples, _ = read_audio(tone)
    assert samples.shape == (sr * 2,)


def test_a_file_with_no_frames_says_so(tmp_path: Path) -> None:
    empty = tmp_path / "empty.wav"
    sf.write(empty, np.zeros(0, dtype=np.float32), 44100)
    assert empty.stat().st_size > 0  # a header and nothing else
    with pytest.raises(AudioFileError, match=r"empty\.wav' holds no audio frames"):
        analyze_file(empty, use_cache=False)
