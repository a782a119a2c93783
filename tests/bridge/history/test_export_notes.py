"""An exported .mid holds, note for note, what Live held: pitch, start, duration and velocity.

The job goes through the real daemon into the in-memory Live; ``roo export`` writes the .mid; the
file is read here by counting mido's delta ticks by hand (not with engines/midi_file, the code
that wrote it), and compared with the clip Live holds and the tempo Live plays at.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import mido
import pytest

from bridge import protocol
from bridge.cli import main
from bridge.history import open_store
from livesim.host import LiveHost
from tests.bridge.harness import Client, running_daemon

TAKE = re.compile(r"\(take ([0-9a-f]+)\)")


@pytest.fixture
def live() -> Iterator[LiveHost]:
    host = LiveHost(port=0).start_in_thread()
    yield host
    host.stop()


def notes_in_file(path: Path) -> tuple[list[tuple[int, float, float, int]], list[float]]:
    """(pitch, start beats, duration beats, velocity) of every note in the file, sorted, and the
    tempi (BPM) it sets; times from the delta ticks of each track summed by hand."""
    mid = mido.MidiFile(path)
    notes, tempi = [], []
    for track in mid.tracks:
        now, sounding = 0, {}
        for msg in track:
            now += msg.time
            if msg.type == "set_tempo":
                tempi.append(round(60_000_000 / msg.tempo, 3))
            elif msg.type == "note_on" and msg.velocity > 0:
                sounding[(msg.channel, msg.note)] = (now, msg.velocity)
            elif msg.type in ("note_off", "note_on"):
                start, velocity = sounding.pop((msg.channel, msg.note))
                beats = mid.ticks_per_beat
                notes.append((msg.note, start / beats, (now - start) / beats, velocity))
        assert not sounding, f"notes never ended in {path}: {sounding}"
    return sorted(notes), tempi


def close(
    got: list[tuple[int, float, float, int]], want: list[tuple[int, float, float, int]], tick: float
) -> bool:
    return len(got) == len(want) and all(
        g[0] == w[0] and g[3] == w[3] and abs(g[1] - w[1]) <= tick and abs(g[2] - w[2]) <= tick
        for g, w in zip(got, want, strict=True)
    )


@pytest.mark.parametrize("part", ["bass", "drums"])
def test_an_exported_mid_holds_the_notes_live_held_with_their_times(
    live: LiveHost,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    part: str,
) -> None:
    monkeypatch.setenv("MUSEAROO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("MUSEAROO_DB", raising=False)
    live.call(lambda: setattr(live.song, "tempo", 93.0))
    store = open_store()
    with running_daemon(live_port=live.port, history=store) as daemon:
        client = Client(daemon.port)
        client.send(protocol.GENERATE, part, "track", 1, "slot", 0, "bars", 2, "seed", 11)
        _, state, _, message = client.wait_final()
        client.close()
    store.close()
    assert state == "done", message
    found = TAKE.search(message)
    assert found, message
    held = sorted((p, s, d, v) for p, s, d, v, mute in live.clip_notes(1, 0) if not mute)
    assert len(held) > 4 and any(s > 0 for _, s, _, _ in held)
    # A MIDI file has one voice per pitch and channel: a note still sounding when the same pitch
    # starts again ends there (drum hits of a flam or roll can overlap in Live's clip).
    expected = []
    for p, s, d, v in held:
        later = [s2 for p2, s2, _, _ in held if p2 == p and s2 > s]
        expected.append((p, s, min(d, min(later, default=s + d) - s), v))

    assert main(["export", found.group(1), "--out", str(tmp_path / "out"), "--json"]) == 0
    written = json.loads(capsys.readouterr().out)
    got, tempi = notes_in_file(Path(written["files"][0]))
    assert close(got, sorted(expected), tick=1 / 480 + 1e-9), f"exported {got}\nLive held {held}"
    assert tempi == [93.0]
