"""Whole path: /roo/separate -> daemon -> model worker -> real Remote Script in the in-memory Live."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile as sf

from bridge import protocol
from bridge.actions.separate.job import parse_request
from engines.errors import InvalidValue
from engines.separation.random_model import save_random_model
from livesim.host import LiveHost
from livesim.live_set import parse_set
from tests.bridge.harness import Client, running_daemon

RATE = 48000
STEMS = ("drums", "bass", "other", "vocals")
# The Loop clip's warp markers (sample seconds, beats): 150 BPM, then 81.8 BPM, extrapolated after
LOOP_MARKERS = [(0.0, 0.0), (0.8, 2.0), (1.9, 3.5)]
TIMING = ("warping", "warp_mode", "looping", "loop_start", "loop_end", "start_marker", "end_marker")


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save_random_model(tmp_path_factory.mktemp("model"), "tiny", seed=5)


@pytest.fixture(scope="module")
def song_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rng = np.random.default_rng(9)
    path = tmp_path_factory.mktemp("audio") / "Song Mix.wav"
    sf.write(path, (0.2 * rng.standard_normal((2 * RATE + 11, 2))).clip(-1, 1), RATE, subtype="PCM_24")
    return path


def live_with(song_file: Path, version: tuple[int, int, int] = (12, 3, 6)) -> LiveHost:
    """Keys (a MIDI clip), Mix (an unwarped clip with markers), Loop (a warped clip), After."""
    unwarped: dict[str, Any] = {"slot": 1, "name": "Mix", "file": str(song_file), "warping": False}
    unwarped.update(start_marker=0.5, end_marker=1.75)  # seconds, as Live keeps unwarped markers
    warped: dict[str, Any] = {"slot": 2, "name": "Loop", "file": str(song_file), "warping": True}
    warped.update(warp_markers=[list(m) for m in LOOP_MARKERS], looping=True, loop_start=1.0, loop_end=3.25)
    warped.update(start_marker=0.5, end_marker=3.5)  # beats, as Live keeps warped markers
    beat = {"slot": 0, "name": "Beat", "notes": [[36, 0, 1]]}
    desc = parse_set(
        {
            "tempo": 100,
            "tracks": [
                {"type": "midi", "name": "Keys", "clips": [beat]},
                {"type": "audio", "name": "Mix", "clips": [unwarped]},
                {"type": "audio", "name": "Loop", "clips": [warped]},
                {"type": "audio", "name": "After"},
            ],
        }
    )
    return LiveHost(desc, port=0, version=version).start_in_thread()


@contextmanager
def session(
    song_file: Path, stems_dir: Path, version: tuple[int, int, int]
) -> Iterator[tuple[LiveHost, Client]]:
    """An in-memory Live, the real daemon (with its model worker) and a client."""
    live = live_with(song_file, version)
    with pytest.MonkeyPatch.context() as env:
        env.setenv("MUSEAROO_STEMS_DIR", str(stems_dir))
        env.setenv("HF_HUB_OFFLINE", "1")
        try:
            with running_daemon(live_port=live.port) as daemon:
                client = Client(daemon.port)
                yield live, client
                client.close()
        finally:
            live.stop()


@pytest.fixture(scope="module")
def current(
    song_file: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[LiveHost, Client, Path]]:
    stems_dir = tmp_path_factory.mktemp("stems")
    with session(song_file, stems_dir, (12, 3, 6)) as (live, client):
        yield live, client, stems_dir


def separate(client: Client, *args: Any) -> tuple[list[Any], dict[str, Any] | None]:
    """Send /roo/separate, return the final status and the /roo/result payload (if any)."""
    client.send(protocol.SEPARATE, *args)
    result = None
    end = time.monotonic() + 120.0
    while True:
        assert time.monotonic() < end, "the separation did not end within 120 s"
        address, reply = client.recv(timeout=max(0.01, end - time.monotonic()))
        if address == protocol.RESULT:
            result = json.loads(reply[2])
        if address == protocol.STATUS and reply[1] in protocol.FINAL_STATES:
            return reply, result


def track_names(live: LiveHost) -> list[str]:
    return live.call(lambda: [t.name for t in live.song.tracks])


def clip_timing(live: LiveHost, track: int, slot: int) -> dict[str, Any]:
    """An audio clip's warp markers, warp mode, start and end markers and loop."""
    props = live.clip_properties(track, slot)
    assert props is not None and props["is_audio_clip"]
    return {k: props[k] for k in (*TIMING, "warp_markers")}


def test_unwarped_clip_region_becomes_four_tracks_that_null(
    current: tuple[LiveHost, Client, Path], song_file: Path, model_dir: Path
) -> None:
    live, client, stems_dir = current
    track = track_names(live).index("Mix")
    status, result = separate(client, track, 1, str(model_dir))
    assert status[1] == "done", status
    names = track_names(live)
    assert names[track : track + 5] == ["Mix", *(f"Mix {s}" for s in STEMS)]
    for offset, stem in enumerate(STEMS, start=1):
        props = live.clip_properties(track + offset, 1)
        assert props is not None and props["name"] == f"Mix {stem}" and props["warping"] is False
        assert Path(props["file_path"]).parent.parent == stems_dir
    assert f"tracks {track + 2}..{track + 5}, scene 2" in status[3] and "0.500..1.750 s" in status[3]
    assert result is not None and list(result["files"]) == list(STEMS)
    region = sf.read(song_file, start=RATE // 2, stop=RATE * 7 // 4, dtype="float64")[0]
    total = sum(sf.read(path, dtype="float64")[0] for path in result["files"].values())
    assert total.shape == region.shape == (RATE * 5 // 4, 2)
    assert np.abs(total - region).max() <= 1e-6


def test_a_warped_clip_is_separated_whole_and_stems_are_warped(
    current: tuple[LiveHost, Client, Path], song_file: Path, model_dir: Path
) -> None:
    live, client, _ = current
    track = track_names(live).index("Loop")
    live.call(lambda: setattr(live.song.view, "selected_track", live.song.tracks[track]))
    live.call(lambda: setattr(live.song.view, "selected_scene", live.song.scenes[2]))
    source = clip_timing(live, track, 2)
    assert source["warp_markers"] == LOOP_MARKERS and (source["loop_start"], source["end_marker"]) == (
        1.0,
        3.5,
    )
    status, result = separate(client, str(model_dir))
    assert status[1] == "done", status
    assert "(whole file, warp markers copied)" in status[3]
    props = live.clip_properties(track + 4, 2)
    assert props is not None and props["name"] == "Loop vocals" and props["warping"] is True
    assert result is not None
    for stem in STEMS:
        assert sf.info(result["files"][stem]).frames == sf.info(str(song_file)).frames
    for offset, stem in enumerate(STEMS, start=1):
        stem_timing = clip_timing(live, track + offset, 2)
        assert stem_timing["warp_markers"] == LOOP_MARKERS, stem
        assert {k: stem_timing[k] for k in TIMING} == pytest.approx({k: source[k] for k in TIMING}, abs=1e-9)
    assert clip_timing(live, track, 2) == source


def test_a_midi_clip_fails_with_a_clear_message(current: tuple[LiveHost, Client, Path]) -> None:
    live, client, _ = current
    before = track_names(live)
    status, _ = separate(client, 0, 0)
    assert status[1] == "failed" and "('Beat') is a MIDI clip" in status[3]
    assert track_names(live) == before


def test_cancel_mid_way_stops_the_worker_and_writes_nothing(
    current: tuple[LiveHost, Client, Path], song_file: Path, model_dir: Path
) -> None:
    live, client, stems_dir = current
    before_tracks, before_folders = track_names(live), set(stems_dir.iterdir())
    long_file = song_file.parent / "long.wav"
    sf.write(long_file, np.tile(sf.read(song_file)[0], (20, 1)), RATE)  # 40 s: many model segments
    track = track_names(live).index("After")
    live.call(lambda: live.song.tracks[track].clip_slots[3].create_audio_clip(str(long_file)))
    client.send(protocol.SEPARATE, track, 3, str(model_dir))
    job_id = None
    end = time.monotonic() + 60.0
    while True:  # wait until the model is working on the audio
        assert time.monotonic() < end, "the separation did not start within 60 s"
        address, reply = client.recv(timeout=max(0.01, end - time.monotonic()))
        if address == protocol.STATUS and reply[1] == "running" and reply[3].startswith("separating"):
            job_id = reply[0]
            break
    client.send(protocol.CANCEL, job_id)
    final = client.wait_final(timeout=60)
    assert final[0] == job_id and final[1] == "cancelled"
    assert track_names(live) == [*before_tracks]
    assert set(stems_dir.iterdir()) == before_folders  # the stem files are written only at the end
    # the worker stops through the cancel flag and then serves the next job
    status, result = separate(client, track_names(live).index("Mix"), 1, str(model_dir))
    assert status[1] == "done", status
    assert result is not None and len(result["files"]) == 4


def test_live_before_12_0_5_gets_the_files_and_where_they_are(
    song_file: Path, tmp_path: Path, model_dir: Path
) -> None:
    with session(song_file, tmp_path / "stems", (12, 0, 0)) as (live, client):
        status, result = separate(client, 1, 1, str(model_dir))
        assert track_names(live) == ["Keys", "Mix", "Loop", "After"]
    assert status[1] == "done" and "drag them in" in status[3]
    assert result is not None and result["folder"] in status[3]
    assert sorted(p.name for p in Path(result["folder"]).iterdir()) == sorted(f"{s}.wav" for s in STEMS)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], (-1, -1, "htdemucs")),
        (["htdemucs_6s"], (-1, -1, "htdemucs_6s")),
        ([3, 2], (3, 2, "htdemucs")),
        ([3, 2, "mdx_extra"], (3, 2, "mdx_extra")),
        (["model", "htdemucs_6s"], (-1, -1, "htdemucs_6s")),  # name/value, as other addresses take options
        ([3, 2, "model", "mdx_extra"], (3, 2, "mdx_extra")),
    ],
)
def test_arguments_parse(args: list[Any], expected: tuple[int, int, str]) -> None:
    req = parse_request(args)
    assert (req.track, req.slot, req.model) == expected


@pytest.mark.parametrize(
    ("args", "named"),
    [
        ([3], "[3]"),
        ([3, "x"], "two integers"),
        (["nonsense_model"], "'nonsense_model'"),
        ([1, 2, "a", "b"], "at most one"),
        (["model", "htdemucs_foo"], "'htdemucs_foo'"),
    ],
)
def test_bad_arguments_name_the_value(args: list[Any], named: str) -> None:
    with pytest.raises(InvalidValue, match=named.replace("[", r"\[").replace("]", r"\]")):
        parse_request(args)
