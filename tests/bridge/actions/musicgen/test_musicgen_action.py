"""/roo/musicgen: request parsing, and the whole path into the in-memory Live with a tiny model."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from bridge import protocol
from bridge.actions.musicgen.job import MusicgenRequest, loop_path, parse_request
from engines.errors import InvalidValue
from engines.musicgen.random_model import save_random_model
from livesim.host import LiveHost
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
        (["lofi", "variations", 3], MusicgenRequest("lofi", variations=3)),
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
        (["lofi", "variations", 9], "variations 9 is out of range: expected 1..8"),
        (["lofi", "variations", 0], "variations 0 is out of range"),
        (["lofi", "variations", "many"], "variations = 'many' is not valid: expected int"),
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


def musicgen(client: Client, *args: object) -> tuple[list[object], dict[str, object] | None]:
    """Send /roo/musicgen; returns the final status and the musicgen result (sent just before it)."""
    client.send(protocol.MUSICGEN, *args)
    result = None
    end = time.monotonic() + 240
    while True:
        address, reply = client.recv(max(0.01, end - time.monotonic()))
        if address == protocol.RESULT and reply[1] == "musicgen":
            result = json.loads(reply[2])
        elif address == protocol.STATUS and reply[1] in protocol.FINAL_STATES:
            return reply, result


def test_loop_lands_on_a_new_track_locked_to_the_tempo_and_continues_in_the_next_slot(
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
            (_job, state, progress, message), result = musicgen(
                client, "lofi drum beat", 1, "model", str(tiny), "seed", 4
            )
            assert (state, progress) == ("done", 1.0), message
            assert result is not None and "1-bar loop 'lofi drum beat' at 97 BPM (seed 4)" in str(message)
            track, slot = int(str(result["track"])), int(str(result["slot"]))

            def select() -> None:
                live.song.view.selected_track = live.song.tracks[track]
                live.song.view.selected_scene = live.song.scenes[slot]

            live.call(select)
            (_job, state, _, message), more = musicgen(
                client, "lofi drum beat", 2, "continue", 1, "model", str(tiny), "seed", 5
            )
            assert state == "done", message
            assert more is not None and (more["track"], more["slot"]) == (track, slot + 1)
            assert f"continuing track {track + 1}, scene {slot + 1}" in str(message)
        finally:
            client.close()
    assert live.call(lambda: len(live.song.tracks)) == tracks_before + 1
    for where, bars, frames in (((track, slot), 1, result["frames"]), ((track, slot + 1), 2, more["frames"])):
        props = live.clip_properties(*where)
        assert props is not None and props["is_audio_clip"] and props["warping"]
        assert props["length"] == pytest.approx(4.0 * bars)  # bars of 4/4, whatever the file's rate
        audio, rate = sf.read(props["file_path"], always_2d=True)
        assert rate == 48000 and len(audio) == round(bars * 4 * 60 / 97 * 48000) == frames


def finish(client: Client, kind: str) -> tuple[list[object], list[dict[str, object]]]:
    """The final status of the job just sent and its results of ``kind``."""
    results = []
    end = time.monotonic() + 240
    while True:
        address, reply = client.recv(max(0.01, end - time.monotonic()))
        if address == protocol.RESULT and reply[1] == kind:
            results.append(json.loads(reply[2]))
        elif address == protocol.STATUS and reply[1] in protocol.FINAL_STATES:
            return reply, results


def test_variations_land_as_takes_in_the_next_slots_and_vary_makes_more_in_one_batch(
    live: LiveHost, tiny: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MUSEAROO_LOOPS_DIR", str(tmp_path))
    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            client.send(protocol.MUSICGEN, "lofi", 1, "model", str(tiny), "variations", 9)
            _, _, _, message = client.wait_final(30)
            assert "variations 9 is out of range: expected 1..8" in str(message)
            client.send(
                protocol.MUSICGEN, "lofi drum beat", 1, "model", str(tiny), "seed", 4, "variations", 3
            )
            (_, state, _, message), results = finish(client, "musicgen")
            assert state == "done", message
            first = results[0]
            track = int(str(first["track"]))
            takes = first["takes"]
            assert isinstance(takes, list) and [t["seed"] for t in takes] == [4, 5, 6]
            assert [(t["track"], t["slot"]) for t in takes] == [(track, 0), (track, 1), (track, 2)]
            assert "3 takes of a 1-bar loop 'lofi drum beat' at 120 BPM (seeds 4, 5, 6)" in str(message)
            assert f"in track {track + 1}, scenes 1, 2, 3" in str(message)
            client.send(protocol.COMMAND, "give me two more variations")
            (_, state, _, message), results = finish(client, "musicgen")
            assert state == "done", message
            more = results[0]["takes"]
            assert isinstance(more, list) and [(t["track"], t["slot"]) for t in more] == [
                (track, 3),
                (track, 4),
            ]
            seeds = [int(t["seed"]) for t in more]
            assert seeds[1] == seeds[0] + 1 and f"(seeds {seeds[0]}, {seeds[1]})" in str(message)
            assert Path(str(more[1]["path"])).name.endswith(" take 2.wav")  # one render of two takes
        finally:
            client.close()
    names = [live.clip_properties(track, s) for s in range(5)]
    assert all(p is not None and p["is_audio_clip"] and p["warping"] for p in names)
    assert [p["name"] for p in names if p is not None][:3] == [
        "MusicGen lofi drum beat",
        "MusicGen lofi drum beat take 2",
        "MusicGen lofi drum beat take 3",
    ]
    audio = [sf.read(str(t["path"]))[0] for t in takes]
    assert not np.array_equal(audio[0], audio[1]) and len(audio[0]) == len(audio[2]) == first["frames"]
