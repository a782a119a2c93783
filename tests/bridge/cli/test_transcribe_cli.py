"""``roo transcribe FILE --out F.mid [--kind K] [--json]``: rendered audio of known notes becomes a MIDI
file whose notes sound where the audio played them; --json names the kind used and every note; bad
input exits 2 naming what was wrong, and writes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from bridge.cli import main
from engines.midi_file import read_midi
from tests.bridge.actions.transcribe.rendered import DRUMS, MELODY, TEMPO_BPM, render


@pytest.fixture(scope="module")
def audio(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("rendered")
    render("melody", folder)
    render("drums", folder)
    return folder


def test_a_melody_becomes_a_midi_file_and_json_with_its_notes(
    audio: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "tune.mid"
    assert main(["transcribe", str(audio / "melody.wav"), "--out", str(out), "--kind", "melody", "--json",
                 "--tempo", "90"]) == 0  # fmt: skip
    said = json.loads(capsys.readouterr().out)
    assert said["kind"] == "melody" and said["out"] == str(out)
    rows = said["notes"]
    assert rows and set(rows[0]) == {"pitch", "start_s", "end_s", "velocity"}
    heard = [(n.pitch, n.start_beats * 60.0 / TEMPO_BPM) for n in MELODY]
    found = sum(any(r["pitch"] == p and abs(r["start_s"] - s) <= 0.05 for r in rows) for p, s in heard)
    assert found >= 0.9 * len(heard), rows
    song = read_midi(out)
    assert song.tempo_bpm == pytest.approx(90.0, abs=0.01)
    notes = song.parts["melody"]
    assert len(notes) == len(rows)  # the file holds exactly the notes printed, at 90 BPM
    for note, row in zip(notes, rows, strict=True):
        assert note.pitch == row["pitch"]
        assert note.start_beats == pytest.approx(row["start_s"] * 1.5, abs=1.0 / 480 + 1e-3)


def test_drums_go_to_the_gm_layout_on_channel_10(audio: Path, tmp_path: Path) -> None:
    out = tmp_path / "beat.mid"
    assert main(["transcribe", str(audio / "drums.wav"), "--out", str(out)]) == 0  # auto
    song = read_midi(out)
    assert list(song.parts) == ["drums"]  # read_midi names channel 10 drums
    kicks = [n.start_beats for n in song.parts["drums"] if n.pitch == 36]
    played = [n.start_beats for n in DRUMS if n.pitch == 36]
    assert sum(any(abs(k - p) <= 0.1 for k in kicks) for p in played) >= 0.75 * len(played), kicks
    assert all(any(abs(k - p) <= 0.1 for p in played) for k in kicks), kicks  # none where none was played


def test_bad_input_exits_2_naming_it_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.mid"
    assert main(["transcribe", str(tmp_path / "gone.wav"), "--out", str(out)]) == 2
    assert "gone.wav: no such file" in capsys.readouterr().err
    quiet = tmp_path / "quiet.wav"
    sf.write(quiet, np.zeros(44100), 44100)
    assert main(["transcribe", str(quiet), "--out", str(out)]) == 2
    assert "silent" in capsys.readouterr().err
    garbled = tmp_path / "garbled.wav"
    garbled.write_text("not audio at all")
    assert main(["transcribe", str(garbled), "--out", str(out)]) == 2
    assert "garbled.wav" in capsys.readouterr().err
    assert main(["transcribe", str(quiet)]) == 2
    assert "--out F.mid, --json" in capsys.readouterr().err
    assert not out.exists()


def test_a_named_sub_command_imports_only_its_own_module() -> None:
    """``roo transcribe`` builds only its own parser: the daemon's history and queue modules (hundreds of
    milliseconds of imports) are not loaded for it; ``roo --help`` still lists every sub-command."""
    import subprocess
    import sys

    probe = "import sys; from bridge.cli import build_parser; build_parser({}); print('bridge.history' in sys.modules)"
    alone = subprocess.run(
        [sys.executable, "-c", probe.format("'transcribe'")], capture_output=True, text=True
    )
    every = subprocess.run([sys.executable, "-c", probe.format("")], capture_output=True, text=True)
    assert (alone.stdout.strip(), every.stdout.strip()) == ("False", "True"), (alone.stderr, every.stderr)


def test_key_decides_an_ambiguous_take_only_when_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Offline there is no Set: no key unless ``--key`` names one (issue 54's options unchanged beside it).
    A C major line sung 55 cents flat is the same audio as the line a semitone lower sung 45 sharp."""
    from tests.engines.transcription.test_sung import LINE
    from tools.corpus.singer import RATE_HZ, sing

    wav = tmp_path / "flat.wav"
    sf.write(wav, sing(LINE, 6, drift_cents=-55.0), RATE_HZ)
    read: dict[str | None, list[int]] = {}
    for key in (None, "C major"):
        assert (
            main(["transcribe", str(wav), "--kind", "melody", "--json", *(["--key", key] if key else [])])
            == 0
        )
        read[key] = [row["pitch"] for row in json.loads(capsys.readouterr().out)["notes"]]
    assert read["C major"] == [n.pitch for n in LINE]
    assert read[None] == [n.pitch - 1 for n in LINE]


def test_roo_transcribe_reads_no_package_metadata_before_its_work() -> None:
    """``--version`` looks its version up only when asked: building ``roo transcribe``'s parser reads no
    installed package's metadata (importlib.metadata stays unimported)."""
    import subprocess
    import sys

    probe = (
        "import sys; from bridge.cli import build_parser; build_parser('transcribe'); "
        "print('importlib.metadata' in sys.modules)"
    )
    got = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert got.stdout.strip() == "False", got.stderr  # test_help.test_version: --version still prints it


def test_a_bad_key_exits_2_naming_it_before_the_audio_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.mid"
    garbled = tmp_path / "garbled.wav"
    garbled.write_text("not audio at all")  # read first, this would be the error
    assert main(["transcribe", str(garbled), "--out", str(out), "--key", "H minor"]) == 2
    err = capsys.readouterr().err
    assert "--key 'H minor' is not valid: expected a note A..G" in err and "garbled" not in err, err
    assert main(["transcribe", str(garbled), "--out", str(out), "--key", "A bogus"]) == 2
    assert "--key 'A bogus' has an unknown mode 'bogus'" in capsys.readouterr().err
    assert (
        main(["transcribe", str(garbled), "--out", str(out), "--key", "F#m"]) == 2
    )  # a good key: on to the file
    assert "garbled.wav" in capsys.readouterr().err
    assert not out.exists()
