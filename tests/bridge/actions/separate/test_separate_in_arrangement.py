"""Issue 43: /roo/separate ... arrangement 1 puts the stems in the Arrangement as audio clips, one new
track per stem, each at its source clip's own start beat and sample aligned with it; the source may
be an arrangement audio clip (source_track T source_at BEAT), and a beat where the track holds no
clip is refused naming it, nothing made. Through the real daemon (with its model worker) and the
real Remote Script in the in-memory Live."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile as sf

from engines.separation.random_model import save_random_model
from livesim.host import LiveHost
from livesim.live_set import parse_set
from tests.bridge.actions.separate.test_separate_request import RATE, STEMS, separate, track_names
from tests.bridge.harness import Client, running_daemon


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save_random_model(tmp_path_factory.mktemp("model"), "tiny", seed=5)


@pytest.fixture(scope="module")
def song_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rng = np.random.default_rng(11)
    path = tmp_path_factory.mktemp("audio") / "Take Mix.wav"
    sf.write(path, (0.2 * rng.standard_normal((2 * RATE + 7, 2))).clip(-1, 1), RATE, subtype="PCM_24")
    return path


@pytest.fixture
def live(song_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[LiveHost]:
    """Keys (MIDI), Take (an unwarped arrangement clip at beat 16, markers 0.5..1.75 s), After."""
    monkeypatch.setenv("MUSEAROO_STEMS_DIR", str(tmp_path / "stems"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    take: dict[str, Any] = {"start": 16, "name": "Take", "file": str(song_file), "warping": False}
    take.update(start_marker=0.5, end_marker=1.75)
    desc = parse_set(
        {
            "tempo": 100,
            "tracks": [
                {"type": "midi", "name": "Keys"},
                {"type": "audio", "name": "Take", "arrangement": [take]},
                {"type": "audio", "name": "After"},
            ],
        }
    )
    host = LiveHost(desc, port=0).start_in_thread()
    yield host
    host.stop()


def arranged(live: LiveHost, track: int) -> list[dict[str, Any]]:
    def read() -> list[dict[str, Any]]:
        return [
            {"start": c.start_time, "warping": c.warping, "start_marker": c.start_marker,
             "file": c.file_path, "name": c.name}
            for c in live.song.tracks[track].arrangement_clips
        ]  # fmt: skip

    return live.call(read)


def test_stems_of_an_arrangement_clip_start_where_it_starts_and_line_up_to_the_sample(
    live: LiveHost, song_file: Path, model_dir: Path
) -> None:
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            status, result = separate(
                client, "model", str(model_dir), "arrangement", 1, "source_track", 1, "source_at", 16.5
            )
        finally:
            client.close()
    assert status[1] == "done", status
    assert "in the Arrangement at bar 5.1" in status[3], status
    assert track_names(live) == ["Keys", "Take", *(f"Take {s}" for s in STEMS), "After"]
    (source,) = arranged(live, 1)
    assert source["start"] == 16.0 and source["start_marker"] == 0.5
    assert result is not None
    for offset, stem in enumerate(STEMS, start=2):
        (clip,) = arranged(live, offset)
        assert clip["name"] == f"Take {stem}" and clip["file"] == result["files"][stem]
        # the stem's first sample sounds at the source's start beat, where the source plays 0.5 s
        assert clip["start"] == source["start"] and clip["warping"] is False and clip["start_marker"] == 0.0
        assert not any(s.has_clip for s in live.call(lambda o=offset: live.song.tracks[o].clip_slots))
    region = sf.read(song_file, start=RATE // 2, stop=RATE * 7 // 4, dtype="float64")[0]
    total = sum(sf.read(path, dtype="float64")[0] for path in result["files"].values())
    assert total.shape == region.shape == (RATE * 5 // 4, 2)  # sample n of each stem is source sample n
    assert np.abs(total - region).max() <= 1e-6


def test_a_beat_where_the_track_holds_no_clip_is_refused_and_nothing_is_made(
    live: LiveHost, model_dir: Path
) -> None:
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            status, _ = separate(client, "model", str(model_dir), "arrangement", 1, "source_track", 1,
                                 "source_at", 40.0)  # fmt: skip
            assert status[1] == "failed" and "no arrangement clip at bar 11.1 (beat 40)" in status[3], status
            assert "(bars 5.1..5.2.2)" in status[3], status
            status, _ = separate(client, "source_track", 1, "source_at", 16.5)
            assert status[1] == "failed" and "arrangement 1" in status[3], status
        finally:
            client.close()
    assert track_names(live) == ["Keys", "Take", "After"]


LOOP_MARKERS = [(0.0, 0.0), (0.8, 2.0), (1.9, 3.5)]
TIMING = ("warping", "warp_mode", "looping", "loop_start", "loop_end", "start_marker", "end_marker")


def test_a_warped_arrangement_clip_gives_whole_stems_with_its_timing_at_its_start(
    song_file: Path, model_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MUSEAROO_STEMS_DIR", str(tmp_path / "stems"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    loop: dict[str, Any] = {"start": 8, "name": "Loop", "file": str(song_file), "warping": True}
    loop.update(warp_markers=[list(m) for m in LOOP_MARKERS], start_marker=0.5, end_marker=3.5)
    desc = parse_set({"tempo": 100, "tracks": [{"type": "audio", "name": "Loop", "arrangement": [loop]}]})
    live = LiveHost(desc, port=0).start_in_thread()
    try:
        source = live.arrangement_clip_properties(0, 0)
        with running_daemon(live_port=live.port) as daemon:
            client = Client(daemon.port)
            try:
                status, result = separate(client, "model", str(model_dir), "arrangement", 1, "source_track", 0,
                                          "source_at", 9.0)  # fmt: skip
            finally:
                client.close()
        assert status[1] == "done" and "warp markers copied" in status[3], status
        assert result is not None
        for offset, stem in enumerate(STEMS, start=1):
            assert sf.info(result["files"][stem]).frames == sf.info(str(song_file)).frames
            props = live.arrangement_clip_properties(offset, 0)
            assert props["start_time"] == source["start_time"], stem
            assert props["warp_markers"] == source["warp_markers"], stem
            assert {k: props[k] for k in TIMING} == pytest.approx({k: source[k] for k in TIMING}, abs=1e-9)
    finally:
        live.stop()


def test_a_session_source_gives_stems_at_the_loop_brace(
    song_file: Path, model_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MUSEAROO_STEMS_DIR", str(tmp_path / "stems"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    mix: dict[str, Any] = {"slot": 0, "name": "Mix", "file": str(song_file), "warping": False}
    desc = parse_set({"tempo": 100, "tracks": [{"type": "audio", "name": "Mix", "clips": [mix]}]})
    live = LiveHost(desc, port=0).start_in_thread()
    try:

        def brace() -> None:
            live.song.loop_start, live.song.loop_length = 24.0, 8.0

        live.call(brace)
        with running_daemon(live_port=live.port) as daemon:
            client = Client(daemon.port)
            try:
                status, _ = separate(client, 0, 0, "model", str(model_dir), "arrangement", 1)
            finally:
                client.close()
        assert status[1] == "done" and "in the Arrangement at bar 7.1" in status[3], status
        assert [live.arrangement_clip_properties(t, 0)["start_time"] for t in range(1, 5)] == [24.0] * 4
    finally:
        live.stop()
