"""Issue 54: a bass or chords part follows an audio clip as it follows a MIDI clip: /roo/generate bass (or
chords) source_track T source_slot S naming an audio clip of piano chords (rendered from chords the test
knows) hears the clip's notes in the model worker and plays the roots (or the whole chords) of those
chords, on their beats."""

from __future__ import annotations

from pathlib import Path

import pytest

from bridge import protocol
from livesim.host import LiveHost
from livesim.live_set import parse_set
from tests.bridge.actions.transcribe.rendered import TEMPO_BPM, render
from tests.bridge.harness import daemon_client

ROOTS = [0, 9, 5, 7]  # C, A minor, F, G: two beats each (rendered.CHORDS)
CHORD_PCS = [{0, 4, 7}, {9, 0, 4}, {5, 9, 0}, {7, 11, 2}]


@pytest.fixture(scope="module")
def chords_wav(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render("piano", tmp_path_factory.mktemp("rendered"))


def test_a_bass_follows_the_chords_heard_in_an_audio_clip(
    chords_wav: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    pads = {"slot": 0, "name": "Pads", "file": str(chords_wav), "warping": False}
    desc = parse_set({"tempo": TEMPO_BPM, "tracks": [{"type": "audio", "name": "Pads", "clips": [pads]},
                                                     {"type": "midi", "name": "Bass"}]})  # fmt: skip
    live = LiveHost(desc, port=0).start_in_thread()
    try:
        with daemon_client(live.port) as client:
            client.send(protocol.GENERATE, "bass", "track", 1, "slot", 0, "bars", 2, "seed", 4, "genre", "pop",
                        "source_track", 0, "source_slot", 0)  # fmt: skip
            status = client.wait_final(timeout=120.0)
        assert status[1] == "done", status
        notes = live.clip_notes(1, 0)
        for index, root in enumerate(ROOTS):  # the first note of each chord's two beats is its root
            first = min((n for n in notes if 2 * index - 0.05 <= n[1] < 2 * index + 1.95), key=lambda n: n[1])
            assert first[0] % 12 == root, (index, first, notes)
    finally:
        live.stop()


def test_a_chords_part_follows_the_chords_heard_in_an_audio_clip(
    chords_wav: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    pads = {"slot": 0, "name": "Pads", "file": str(chords_wav), "warping": False}
    desc = parse_set({"tempo": TEMPO_BPM, "tracks": [{"type": "audio", "name": "Pads", "clips": [pads]},
                                                     {"type": "midi", "name": "Keys"}]})  # fmt: skip
    live = LiveHost(desc, port=0).start_in_thread()
    try:
        with daemon_client(live.port) as client:
            client.send(protocol.GENERATE, "chords", "track", 1, "slot", 0, "bars", 2, "seed", 4, "genre", "pop",
                        "source_track", 0, "source_slot", 0)  # fmt: skip
            status = client.wait_final(timeout=120.0)
        assert status[1] == "done" and "following track 1, scene 1 ('Pads'): 4 chords" in status[3], status
        notes = live.clip_notes(1, 0)
        # each known chord's two beats sound that chord's notes and no others (the genre's own progression
        # changes once a bar, so it cannot pass this by chance)
        for index, chord in enumerate(CHORD_PCS):
            heard = {n[0] % 12 for n in notes if 2 * index - 0.05 <= n[1] < 2 * index + 1.95}
            assert heard == chord, (index, sorted(heard), notes)
    finally:
        live.stop()
