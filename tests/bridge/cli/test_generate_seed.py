"""roo generate: a new seed each time (printed), --json, --genre ? and a part the genre does not play."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bridge import protocol
from bridge.cli import main
from engines.midi_file import read_midi
from livesim.host import LiveHost
from tests.bridge.harness import Client, running_daemon


def test_without_seed_a_new_one_is_picked_and_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seeds = []
    for name in ("a", "b", "c"):
        assert main(["generate", "melody", "--out", str(tmp_path / f"{name}.mid")]) == 0
        found = re.search(r"seed (\d+)\)", capsys.readouterr().out)
        assert found, "the seed is printed"
        seeds.append(int(found.group(1)))
    assert len(set(seeds)) == 3
    files = [(tmp_path / f"{n}.mid").read_bytes() for n in "abc"]
    assert len(set(files)) == 3
    # the printed seed gives the same notes again
    assert main(["generate", "melody", "--seed", str(seeds[1]), "--out", str(tmp_path / "again.mid")]) == 0
    assert (tmp_path / "again.mid").read_bytes() == files[1]


def test_json_prints_what_was_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "all.mid"
    args = ["generate", "all", "--genre", "jazz", "--key", "Bb major", "--bars", "4", "--seed", "7"]
    assert main([*args, "--out", str(out), "--json"]) == 0
    written = json.loads(capsys.readouterr().out)
    song = read_midi(out)
    assert written["path"] == str(out) and written["seed"] == 7 and written["genre"] == "jazz"
    assert written["notes"] == {part: len(notes) for part, notes in song.parts.items()}
    assert written["bars"] == 4 and written["signature"] == "4/4" and written["key"] == "Bb major"


def test_genre_question_mark_lists_genres_without_out(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["generate", "--genre", "?"]) == 0
    listed = capsys.readouterr().out.split()
    assert {"pop", "rock", "jazz", "classical"} <= set(listed)


def test_a_missing_part_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["generate", "--out", str(tmp_path / "x.mid")]) == 2
    assert "PART is missing: expected one of drums, bass" in capsys.readouterr().err


def test_a_part_the_genre_does_not_play_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "drums.mid"
    assert main(["generate", "drums", "--genre", "classical", "--seed", "0", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "genre 'classical' has no drums part at density 0.5" in err and "nothing was written" in err
    assert not out.exists()


def test_all_says_which_part_is_left_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "all.mid"
    assert main(["generate", "all", "--genre", "classical", "--seed", "0", "--out", str(out)]) == 0
    assert capsys.readouterr().err == "classical has no drums part at density 0.5: its track is empty\n"
    assert read_midi(out).parts.get("drums", []) == []


def test_the_daemon_refuses_it_the_same_way() -> None:
    host = LiveHost(port=0).start_in_thread()
    try:
        with running_daemon(live_port=host.port) as daemon:
            client = Client(daemon.port)
            client.send(protocol.GENERATE, "drums", "genre", "classical", "seed", 0, "track", 0, "slot", 0)
            _job, state, _progress, message = client.wait_final(timeout=20.0)
            client.close()
        assert state == "failed"
        assert "genre 'classical' has no drums part at density 0.5" in message
        assert host.call(lambda: host.song.tracks[0].clip_slots[0].clip) is None
    finally:
        host.stop()


def test_the_key_keeps_the_given_spelling(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "gb.mid"
    assert main(["generate", "chords", "--key", "Gb major", "--seed", "1", "--out", str(out)]) == 0
    assert "pop in Gb major" in capsys.readouterr().out
    assert str(read_midi(out).key) == "Gb major"
    assert main(["generate", "chords", "--key", "A# major", "--seed", "1", "--out", str(out), "--json"]) == 0
    printed = capsys.readouterr()
    assert printed.err == "A# major has no key signature of its own: the file's is Bb\n"
    written = json.loads(printed.out)
    assert written["key"] == "A# major" and written["key_signature"] == "Bb"
