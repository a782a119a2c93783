"""A render through a soundfont that is not installed is refused, not made through fluidsynth's
default one (issue 54's held-out GM halves were FluidR3 under other soundfonts' names on a machine
without those soundfonts: fluidsynth exits 0 and renders through its default)."""

from __future__ import annotations

from pathlib import Path

import mido
import pytest

from tests.conftest import require_tool


def _one_note_midi(path: Path) -> Path:
    song = mido.MidiFile()
    track = mido.MidiTrack()
    track += [mido.Message("note_on", note=60, velocity=90), mido.Message("note_off", note=60, time=240)]
    song.tracks.append(track)
    song.save(str(path))
    return path


def test_a_missing_soundfont_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    fluidsynth = require_tool("fluidsynth")
    from tools.eval.rendered import render_midi

    midi, wav = _one_note_midi(tmp_path / "c4.mid"), tmp_path / "c4.wav"
    with pytest.raises(SystemExit, match="not installed"):
        render_midi(fluidsynth, midi, wav, gain=0.6, soundfont=tmp_path / "absent.sf2")
    assert not wav.exists()


def test_a_file_fluidsynth_cannot_load_is_refused(tmp_path: Path) -> None:
    fluidsynth = require_tool("fluidsynth")
    from tools.eval.rendered import render_midi

    broken = tmp_path / "broken.sf2"
    broken.write_bytes(b"this is no soundfont")
    midi, wav = _one_note_midi(tmp_path / "c4.mid"), tmp_path / "c4.wav"
    with pytest.raises(SystemExit, match="could not load"):
        render_midi(fluidsynth, midi, wav, gain=0.6, soundfont=broken)
    assert not wav.exists()


def test_a_sung_take_cached_through_a_missing_soundfont_is_not_reused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    require_tool("fluidsynth")
    from tools.corpus import sung_set

    # a take rendered while the soundfont was installed is found again under the same name ...
    take = sung_set.render(tmp_path, "gm", "fluid:52", "tenor", 57, 80, 1, 0.0, "tune")
    again = sung_set.render(tmp_path, "gm", "fluid:52", "tenor", 57, 80, 1, 0.0, "tune")
    assert again.wav == take.wav
    # ... but with the soundfont gone the take is neither rendered nor taken from the cache
    monkeypatch.setitem(sung_set.SOUNDFONTS, "fluid", str(tmp_path / "gone.sf2"))
    with pytest.raises(SystemExit, match="not installed"):
        sung_set.render(tmp_path, "gm", "fluid:52", "tenor", 57, 80, 1, 0.0, "tune")
