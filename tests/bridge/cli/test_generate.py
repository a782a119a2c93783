"""roo generate: the contract file (tracks, channel 10, meta events), parts, song, bad arguments."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import mido
import pytest

from bridge.cli import main
from engines.midi_file import read_midi

ROOT = Path(__file__).resolve().parents[3]


def test_contract_all(tmp_path: Path) -> None:
    out = tmp_path / "x.mid"
    args = ["generate", "all", "--bars", "8", "--key", "A minor", "--tempo", "100", "--genre", "rock"]
    proc = subprocess.run(
        [str(Path(sys.executable).with_name("roo")), *args, "--seed", "1", "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    mid = mido.MidiFile(str(out))
    assert mid.type == 1 and [t.name for t in mid.tracks] == ["drums", "bass", "chords", "melody"]
    drums = [m for m in mid.tracks[0] if m.type == "note_on"]
    assert drums and {m.channel for m in drums} == {9}
    meta = {m.type: m for m in mid.tracks[0] if m.is_meta}
    assert mido.tempo2bpm(meta["set_tempo"].tempo) == pytest.approx(100)
    assert (meta["time_signature"].numerator, meta["time_signature"].denominator) == (4, 4)
    assert meta["key_signature"].key == "Am"
    assert mid.length == pytest.approx(8 * 4 * 0.6)


def test_same_seed_same_file_other_seed_differs(tmp_path: Path) -> None:
    base = ["generate", "bass", "--genre", "jazz", "--key", "Bb major", "--out"]
    assert main([*base, str(tmp_path / "a.mid"), "--seed", "4"]) == 0
    assert main([*base, str(tmp_path / "b.mid"), "--seed", "4"]) == 0
    assert main([*base, str(tmp_path / "c.mid"), "--seed", "5"]) == 0
    a, b, c = ((tmp_path / f"{n}.mid").read_bytes() for n in "abc")
    assert a == b and a != c
    assert list(read_midi(tmp_path / "a.mid").parts) == ["bass"]


def test_song_writes_sections_and_odd_meter(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "song.mid"
    assert (
        main(
            ["generate", "song", "--genre", "country", "--bars", "4", "--signature", "3/4", "--out", str(out)]
        )
        == 0
    )
    song = read_midi(out)
    assert song.signature == (3, 4) and [m[1] for m in song.markers][:3] == ["intro", "verse", "chorus"]
    assert list(song.parts) == ["drums", "bass", "chords", "melody"]
    assert "country in C major" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["all", "--key", "H major"], "key 'H major' is not valid: expected a note A..G"),
        (["all", "--genre", "polka"], "genre 'polka' is not known: expected one of ambient, blues"),
        (["all", "--bars", "0"], "bars 0 is out of range: expected 1..256"),
        (["kazoo"], "part 'kazoo' is not known: expected one of drums, bass, chords, melody, all, song"),
        (["all", "--signature", "11/8"], "expected one of 2/4, 3/4, 4/4"),
        (["all", "--density", "1.5"], "density 1.5 is out of range: expected 0..1"),
        (["all", "--tempo", "5"], "tempo 5.0 BPM is out of range"),
    ],
)
def test_bad_arguments_exit_non_zero_listing_what_is_valid(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(["generate", *args, "--out", str(tmp_path / "x.mid")]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "x.mid").exists()
