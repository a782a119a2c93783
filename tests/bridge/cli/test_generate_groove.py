"""roo generate's groove flags, Live 12 scale keys and genre spellings, read back from the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from bridge.cli import main
from engines.midi_file import read_midi
from engines.music import SCALES


def onsets_off_grid(path: Path) -> list[float]:
    song = read_midi(path)
    starts = [n.start_beats for notes in song.parts.values() for n in notes]
    assert starts
    return [s for s in starts if abs(s * 24 - round(s * 24)) > 0.01]


def test_humanize_0_swing_0_puts_every_onset_on_the_grid(tmp_path: Path) -> None:
    loose, tight = tmp_path / "loose.mid", tmp_path / "tight.mid"
    base = ["generate", "all", "--genre", "Hip Hop", "--key", "A Minor Pentatonic", "--seed", "3"]
    assert main([*base, "--out", str(loose)]) == 0
    assert main([*base, "--humanize", "0", "--swing", "0", "--out", str(tight)]) == 0
    assert onsets_off_grid(loose)  # hip-hop's own feel: swung sixteenths, humanized
    assert onsets_off_grid(tight) == []


def test_every_groove_flag_and_a_live_scale_key(tmp_path: Path) -> None:
    out = tmp_path / "x.mid"
    flags = [
        "--swing",
        "0.4",
        "--humanize",
        "0.2",
        "--accent",
        "0.9",
        "--intensity",
        "0.7",
        "--fills",
        "phrase",
    ]
    assert (
        main(["generate", "melody", "--genre", "dnb", "--key", "E Hirajoshi", *flags, "--out", str(out)]) == 0
    )
    song = read_midi(out)
    pcs = {(4 + i) % 12 for i in SCALES["Hirajoshi"]}
    assert song.parts["melody"] and all(n.pitch % 12 in pcs for n in song.parts["melody"])
    assert song.tempo_bpm == pytest.approx(174)  # drum & bass's own tempo


@pytest.mark.parametrize(
    ("flags", "named"),
    [
        (["--fills", "sometimes"], "fills 'sometimes'"),
        (["--swing", "2"], "swing 2.0"),
        (["--genre", "polka"], "genre 'polka' is not known"),
        (["--key", "C chromatic"], "unknown mode 'chromatic'"),
    ],
)
def test_bad_values_are_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], flags: list[str], named: str
) -> None:
    code = main(["generate", "drums", *flags, "--out", str(tmp_path / "x.mid")])
    assert code != 0 and named in capsys.readouterr().err
    assert not (tmp_path / "x.mid").exists()
