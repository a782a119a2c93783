"""/roo/musicgen ... arrangement 1 [at BEAT]: the loop as a tempo-locked audio clip in the
Arrangement on a new audio track (the loop brace's start by default), its take recording the start
beat; a region over a clip refused unless replace 1; Live before 12.0.5 refused. Real daemon, real
Remote Script, the tiny random MusicGen through the real loader."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bridge.actions.musicgen.request import MusicgenRequest, parse_request
from bridge.history import Store, open_store
from engines.errors import InvalidValue
from engines.musicgen.random_model import save_random_model
from livesim.host import LiveHost
from tests.bridge.actions.musicgen.test_musicgen_action import musicgen
from tests.bridge.harness import Client, running_daemon


def test_the_arrangement_options_and_their_refusals() -> None:
    assert parse_request(["pad", "at", 16.0]) == MusicgenRequest("pad", arrangement=True, at=16.0)
    assert parse_request(["pad", "arrangement", 1, "replace", 1]) == MusicgenRequest(
        "pad", arrangement=True, replace=True
    )
    for args, said in (
        (["pad", "arrangement", 1, "variations", 2], "one place in the Arrangement holds one loop"),
        (["pad", 2, 0, "arrangement", 1], "track 2 slot 0 name a session slot"),
        (["pad", "at", 4.0, "arrangement", 0], "at 4 is a place in the Arrangement"),
    ):
        with pytest.raises(InvalidValue, match=said):
            parse_request(list(args))


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save_random_model(tmp_path_factory.mktemp("musicgen-arrangement"), seed=22)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path / "files")
    yield s
    s.close()


def test_a_loop_lands_in_the_arrangement_at_the_loop_brace(
    tiny: Path, tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MUSEAROO_LOOPS_DIR", str(tmp_path))
    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    live = LiveHost(port=0, version=(12, 3, 6)).start_in_thread()
    try:

        def brace() -> None:
            live.song.tempo = 100.0
            live.song.loop_start, live.song.loop_length = 16.0, 8.0

        live.call(brace)
        tracks = live.call(lambda: len(live.song.tracks))
        with running_daemon(live_port=live.port, history=store) as daemon:
            client = Client(daemon.port)
            try:
                (_, state, _, said), result = musicgen(
                    client, "warm pad", 1, "arrangement", 1, "model", str(tiny), "seed", 3
                )
                assert state == "done" and "in the Arrangement on track" in str(said), said
                assert result is not None and result["start_beats"] == 16.0
                track = int(str(result["track"]))
                assert live.call(
                    lambda: (len(live.song.tracks), live.song.tracks[track].has_audio_input)
                ) == (
                    tracks + 1,
                    True,
                )
                assert live.call(lambda: live.song.tracks[track].name) == "MusicGen warm pad"
                clips = live.call(
                    lambda: [
                        (c.start_time, c.end_time, c.warping)
                        for c in live.song.tracks[track].arrangement_clips
                    ]
                )
                assert clips == [(16.0, 20.0, True)]  # one 4/4 bar, locked to 100 BPM
                assert store.get(store.takes()[0].take_id).live == {
                    "track": track,
                    "start_beats": 16.0,
                    "length_beats": 4.0,
                }
                (_, state, _, said), again = musicgen(
                    client, "warm pad", 1, "at", 18.0, "model", str(tiny), "seed", 3
                )
                assert state == "done" and "at bar 5.3" in str(said), said  # at alone: the Arrangement
                assert again is not None and live.call(lambda: len(live.song.tracks)) == tracks + 2  # its own
            finally:
                client.close()
    finally:
        live.stop()
