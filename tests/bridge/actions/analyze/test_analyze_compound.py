"""Analysed tempo goes to Live in quarter notes, with the signature (issue 32), through the daemon and
the real Remote Script in the in-memory Live: a 6/8 clip sets Live to its quarter-note tempo and 6/8,
a 3/4 clip over triplets sets 3/4 (not 6/8), and `warp 1` of a 6/8 clip lands its bars on the Set's
6/8 bar lines. The pieces are written note by note and rendered with fluidsynth (tools/eval/meters)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from bridge import protocol
from livesim.host import LiveHost
from livesim.live_set import parse_set
from livesim.warp import beats_at
from tests.bridge.harness import Client, running_daemon
from tests.conftest import require_tool
from tools.eval.meters import render_piece

# (style, signature, counted pulse in BPM, quarter notes per counted beat)
PIECES = {
    "six-eight": ("compound68", (6, 8), 76.0, 1.5),  # dotted quarters at 76: 114 quarter notes a minute
    "waltz-triplets": ("triplets34", (3, 4), 84.0, 1.0),
}
SAMPLE_BEATS = 4.0 / 44100


@dataclass
class Rig:
    live: LiveHost
    client: Client
    tracks: dict[str, int]


@pytest.fixture(scope="module")
def rig(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Rig]:
    fluidsynth = require_tool("fluidsynth")
    folder = tmp_path_factory.mktemp("meters")
    tracks: dict[str, int] = {}
    desc: list[dict[str, Any]] = []
    for name, (style, signature, pulse, quarters) in PIECES.items():
        spec = {
            "style": style, "time_signature": list(signature), "texture": "band", "tempo_bpm": pulse,
            "live_tempo_bpm": pulse * quarters, "tonic": 2, "scale": "Major",
        }  # fmt: skip
        piece = render_piece(spec, folder, fluidsynth)
        tracks[name] = len(desc)
        desc.append(
            {"type": "audio", "name": name, "clips": [{"slot": 0, "file": str(folder / piece["wav"])}]}
        )
    live = LiveHost(parse_set({"tempo": 120, "tracks": desc, "scenes": 4}), port=0).start_in_thread()
    with pytest.MonkeyPatch.context() as env:
        env.setenv("MUSEAROO_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        try:
            with running_daemon(live_port=live.port) as daemon:
                client = Client(daemon.port)
                yield Rig(live, client, tracks)
                client.close()
        finally:
            live.stop()
    assert live.errors == [], "exceptions escaped into Live"


def set_live(rig: Rig, tempo: float, signature: tuple[int, int]) -> None:
    def change() -> None:
        song = rig.live.song
        song.tempo = tempo
        song.signature_numerator, song.signature_denominator = signature

    rig.live.call(change)


def live_state(rig: Rig) -> tuple[float, tuple[int, int]]:
    song = rig.live.song
    return rig.live.call(lambda: (song.tempo, (song.signature_numerator, song.signature_denominator)))


def analyze(rig: Rig, *args: Any) -> tuple[list[Any], dict[str, Any]]:
    rig.client.send(protocol.ANALYZE, *args)
    result: dict[str, Any] = {}
    end = time.monotonic() + 120.0
    while True:
        assert time.monotonic() < end, "/roo/analyze did not end within 120 s"
        got, reply = rig.client.recv(timeout=max(0.01, end - time.monotonic()))
        if got == protocol.RESULT and reply[1] == "analysis":
            result = json.loads(reply[2])
        if got == protocol.STATUS and reply[1] in protocol.FINAL_STATES:
            return reply, result


def test_a_six_eight_clip_sets_live_to_quarter_notes_and_six_eight(rig: Rig) -> None:
    set_live(rig, 120.0, (4, 4))
    status, result = analyze(rig, rig.tracks["six-eight"], 0, "apply", 1, "force", 1)
    assert status[1] == "done", status
    assert result["time_signature"] == [6, 8]
    assert result["tempo_bpm"] == pytest.approx(76.0, rel=0.02)  # the counted dotted quarters
    assert result["live_tempo_bpm"] == pytest.approx(result["tempo_bpm"] * 1.5, rel=1e-3)
    tempo, signature = live_state(rig)
    assert signature == (6, 8)
    assert tempo == pytest.approx(114.0, rel=0.02)  # never the dotted-quarter 76 of the 6/8 reading
    assert "quarter notes" in status[3], status


def test_a_three_four_clip_over_triplets_sets_three_four(rig: Rig) -> None:
    set_live(rig, 120.0, (4, 4))
    status, result = analyze(rig, rig.tracks["waltz-triplets"], 0, "apply", 1, "force", 1)
    assert status[1] == "done", status
    assert result["time_signature"] == [3, 4]
    tempo, signature = live_state(rig)
    assert signature == (3, 4)
    assert tempo == pytest.approx(84.0, rel=0.02)


def test_warp_of_a_six_eight_clip_lands_its_bars_on_the_sets_bar_lines(rig: Rig) -> None:
    set_live(rig, 120.0, (4, 4))
    track = rig.tracks["six-eight"]
    refused, _ = analyze(rig, track, 0, "warp", 1)  # a 6/8 clip cannot warp onto 4/4 bars
    assert refused[1] == "failed" and "the clip is in 6/8 and the Set in 4/4" in refused[3], refused
    status, result = analyze(rig, track, 0, "warp", 1, "apply", 1)  # apply sets 6/8 first
    assert status[1] == "done", status
    assert live_state(rig)[1] == (6, 8)
    clip = rig.live.clip_properties(track, 0)
    assert clip is not None and clip["warping"] is True
    bar = 3.0  # a 6/8 bar is three quarter notes of Live's
    start = beats_at(clip["warp_markers"], result["downbeats_s"][0], 2.0) - clip["start_marker"]
    assert start == pytest.approx(0.0, abs=SAMPLE_BEATS)
    for k, seconds in enumerate(result["downbeats_s"]):
        beat = beats_at(clip["warp_markers"], seconds, 2.0) - clip["start_marker"]
        assert beat == pytest.approx(k * bar, abs=SAMPLE_BEATS), (k, seconds)
    assert clip["end_marker"] % bar == pytest.approx(0.0, abs=1e-9)
