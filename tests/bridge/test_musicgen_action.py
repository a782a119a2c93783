"""/roo/musicgen: request parsing, and the whole path into the in-memory Live with a tiny model."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import soundfile as sf

from bridge import protocol
from bridge.actions.musicgen import MusicgenRequest, loop_path, parse_request
from bridge.livesim.host import LiveHost
from engines.errors import InvalidValue
from engines.musicgen.random_model import save_random_model
from tests.bridge.harness import Client, running_daemon


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["lofi"], MusicgenRequest("lofi")),
        (["lofi", 8], MusicgenRequest("lofi", bars=8)),
        (["lofi", 3, 5], MusicgenRequest("lofi", track=3, slot=5)),
        (["lofi", 2, 3, 5.0, "seed", 9], MusicgenRequest("lofi", bars=2, track=3, slot=5, seed=9)),
        (
            ["lofi", "continue", 1, "model", "melody"],
            MusicgenRequest("lofi", continue_clip=True, model="melody"),
        ),
    ],
)
def test_parse_request(args: list[object], expected: MusicgenRequest) -> None:
    assert parse_request(list(args)) == expected


@pytest.mark.parametrize(
    ("args", "named"),
    [
        ([], "expected a text prompt"),
        (["  "], "expected a text prompt"),
        (["lofi", 0], "bars 0"),
        (["lofi", 1.5], "1.5"),
        (["lofi", 1, 2, 3, 4], "at most [bars] [track slot]"),
        (["lofi", -1, 4], "track -1 / slot 4"),
        (["lofi", "tempo", 120], "'tempo' is not known"),
    ],
)
def test_bad_requests_name_the_value(args: list[object], named: str) -> None:
    with pytest.raises(InvalidValue) as err:
        parse_request(list(args))
    assert named in str(err.value)


def test_loop_paths_are_new_files_under_the_loops_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MUSEAROO_LOOPS_DIR", str(tmp_path))
    first = loop_path("lofi/beat: 90?", now_s=0.0)
    assert first.parent == tmp_path and first.name.startswith("lofi_beat_ 90_ ") and first.suffix == ".wav"
    first.write_bytes(b"")
    assert loop_path("lofi/beat: 90?", now_s=0.0) != first


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save_random_model(tmp_path_factory.mktemp("musicgen-action"), seed=21)


@pytest.fixture
def live() -> Iterator[LiveHost]:
    host = LiveHost(port=0).start_in_thread()
    yield host
    host.stop()


def test_loop_lands_on_a_new_audio_track_locked_to_the_song_tempo(
    live: LiveHost, tiny: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MUSEAROO_LOOPS_DIR", str(tmp_path))
    monkeypatch.setenv("OMP_NUM_THREADS", "1")  # the spawned worker: tiny model, shared cores
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    live.call(lambda: setattr(live.song, "tempo", 97.0))
    tracks_before = live.call(lambda: len(live.song.tracks))
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            client.send(protocol.MUSICGEN, "lofi drum beat", 1, "model", str(tiny), "seed", 4)
            result, final = None, None
            end = time.monotonic() + 240
            while final is None:  # the result comes just before the final status
                address, args = client.recv(max(0.01, end - time.monotonic()))
                if address == protocol.RESULT and args[1] == "musicgen":
                    result = json.loads(args[2])
                elif address == protocol.STATUS and args[1] in protocol.FINAL_STATES:
                    final = args
        finally:
            client.close()
    _job, state, progress, message = final
    assert (state, progress) == ("done", 1.0), message
    assert result is not None
    assert "1-bar loop 'lofi drum beat' at 97 BPM (seed 4)" in message
    track, slot = result["track"], result["slot"]
    assert live.call(lambda: len(live.song.tracks)) == tracks_before + 1
    props = live.clip_properties(track, slot)
    assert props is not None and props["is_audio_clip"] and props["warping"]
    assert props["length"] == pytest.approx(4.0)  # one bar of 4/4, whatever the file's rate
    audio, rate = sf.read(props["file_path"], always_2d=True)
    assert rate == 48000 and len(audio) == round(4 * 60 / 97 * 48000) == result["frames"]
