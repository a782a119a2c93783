"""The analysis contract's edges (issue 21): silence, regions past the end, cut-short files read on
request, decoder noise kept from the user, no meter without bars, chords spelled in the key."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from engines.analysis import chords, core, keys, read_audio
from engines.analysis.result import ChordSegment, Findings
from engines.audio_io import read_frames
from engines.errors import AudioFileError, FileCutShort

SR = 44100


def _tone(seconds: float) -> np.ndarray:
    return (0.3 * np.sin(2 * np.pi * 220 * np.arange(int(seconds * SR)) / SR)).astype(np.float32)


def test_a_silent_file_is_read_and_answered_with_no_key_no_beats_and_no_meter(tmp_path: Path) -> None:
    path = tmp_path / "silent.wav"
    sf.write(path, np.zeros(2 * SR, dtype=np.float32), SR)
    samples, rate = read_audio(path)
    result = core.analyze(samples, rate).to_dict()
    assert result["key"] == "N" and result["key_confidence"] == 0.0
    assert result["beats_s"] == [] and result["downbeats_s"] == [] and result["tempo_bpm"] is None
    assert result["time_signature"] is None
    assert [c["label"] for c in result["chords"]] == ["N"]


def test_a_region_past_the_end_names_the_files_length(tmp_path: Path) -> None:
    path = tmp_path / "short.wav"
    sf.write(path, _tone(2.0), SR)
    with pytest.raises(AudioFileError) as info:
        read_frames(path, start_s=100.0)
    message = str(info.value)
    assert "None" not in message and "lasts 2.000 s" in message and "100 s .. its end" in message


def test_a_cut_wav_is_refused_unless_allowed_and_then_read_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "cut.wav"
    sf.write(path, _tone(3.0), SR, subtype="PCM_16")
    path.write_bytes(path.read_bytes()[: 44 + 2 * SR])  # the header and the first second
    with pytest.raises(FileCutShort, match=r"declares 3\.000 s"):
        read_frames(path)
    frames, rate = read_frames(path, allow_short=True)
    assert rate == SR and frames.shape[0] == SR
    region, _ = read_frames(path, start_s=0.5, allow_short=True)
    assert region.shape[0] == SR // 2


def test_decoder_noise_never_reaches_the_user(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    """mpg123 prints "Xing stream size off" on stderr for a cut MP3; a cut FLAC fails its seek with
    libsndfile's "Internal psf_fseek() failed". Our messages say what happened instead."""
    mp3 = tmp_path / "cut.mp3"
    sf.write(mp3, _tone(6.0), SR, format="MP3")
    mp3.write_bytes(mp3.read_bytes()[: mp3.stat().st_size // 3])
    with pytest.raises(FileCutShort, match="cut short"):
        read_frames(mp3)
    read_frames(mp3, allow_short=True)
    flac = tmp_path / "cut.flac"
    sf.write(flac, _tone(6.0), SR, format="FLAC")
    flac.write_bytes(flac.read_bytes()[: flac.stat().st_size * 3 // 10])
    with pytest.raises(AudioFileError) as info:
        read_frames(flac, start_s=3.0)
    assert "psf_fseek" not in str(info.value) and "cannot be read from 3 s" in str(info.value)
    captured = capfd.readouterr()
    assert "Xing" not in captured.err and "psf_fseek" not in captured.err


def test_decoding_from_many_threads_leaves_stderr_where_it_was(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """fd 2 is the process's: threads that each held it in turn, unserialised, could leave it on a
    closed file."""
    import os
    from concurrent.futures import ThreadPoolExecutor

    mp3 = tmp_path / "cut.mp3"
    sf.write(mp3, _tone(2.0), SR, format="MP3")
    mp3.write_bytes(mp3.read_bytes()[: mp3.stat().st_size // 2])
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda _: read_frames(mp3, allow_short=True), range(16)))
    os.write(2, b"still here\n")
    err = capfd.readouterr().err
    assert "still here" in err and "Xing" not in err


def _findings(chord_labels: list[str], key_index: int, *, downbeats: bool = True) -> Findings:
    beats = np.arange(0.0, 8.0, 0.5)
    probabilities = np.full(24, 0.01)
    probabilities[key_index] = 1.0
    return Findings(
        beats_s=beats,
        downbeats_s=beats[::4] if downbeats else np.zeros(0),
        beats_per_bar=4,
        key_probabilities=probabilities / probabilities.sum(),
        chords=[ChordSegment(2.0 * i, 2.0 * i + 2.0, label) for i, label in enumerate(chord_labels)],
        pitched_share=1.0,
    )


def test_no_downbeats_means_no_time_signature() -> None:
    assert core.assemble(_findings(["C:maj"], 0), 8.0, SR, "madmom").time_signature == (4, 4)
    assert core.assemble(_findings(["C:maj"], 0, downbeats=False), 8.0, SR, "madmom").time_signature is None


@pytest.mark.parametrize(
    ("key_index", "key", "labels"),
    [
        (3, "Eb major", ["Eb:maj", "Ab:maj", "Bb:7", "C:min"]),
        (12 + 5, "F minor", ["F:min", "Db:maj", "Eb:maj", "C:7"]),
        (9, "A major", ["A:maj", "F#:min", "C#:min7", "E:7"]),
    ],
)
def test_chord_roots_are_spelled_as_the_key_spells_them(key_index: int, key: str, labels: list[str]) -> None:
    sharps = [chords.NOTE_NAMES[int(chords.parse_harte(lab)[0])] + ":" + lab.split(":")[1] for lab in labels]  # type: ignore[index]
    result = core.assemble(_findings(sharps, key_index), 8.0, SR, "madmom")
    assert result.key == key
    assert [c.label for c in result.chords] == labels


def test_c_major_borrows_flat_roots_and_an_unknown_key_keeps_labels() -> None:
    segments = [ChordSegment(0.0, 1.0, "A#:maj"), ChordSegment(1.0, 2.0, "N")]
    assert [c.label for c in chords.spelled_in_key(segments, "C major")] == ["Bb:maj", "N"]
    assert chords.spelled_in_key(segments, "N") == segments
    assert keys.TONAL_SHARE < 1.0  # the findings above count as pitched
