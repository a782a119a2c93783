"""Whole path: /roo/analyze -> daemon -> model worker -> real Remote Script in the in-memory Live."""

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
from bridge.actions.analyze.job import parse_request
from bridge.daemon import Daemon
from engines.errors import InvalidValue
from livesim.host import LiveHost
from livesim.live_set import parse_set
from tests.bridge.harness import Client, running_daemon
from tests.engines.analysis.synth import SR, chord_tone, progression

BARS = ["A:min", "F:maj", "C:maj", "G:maj"]


@pytest.fixture(scope="module")
def song_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("audio") / "Loop.wav"
    sf.write(path, progression(BARS * 2, 100.0), SR)  # 8 bars of 2.4 s
    sf.write(path.with_name("Pad.wav"), chord_tone("D:min", 6.0), SR)  # no onsets to track
    sf.write(path.with_name("Hats.wav"), noise_bursts(120.0, 16), SR)  # a beat, no pitched sound
    whole = path.read_bytes()  # the loop cut short after a third of its bytes (an interrupted copy)
    path.with_name("Cut.wav").write_bytes(whole[: len(whole) // 3])
    return path


def noise_bursts(tempo_bpm: float, beats: int) -> np.ndarray:
    """A 50 ms decaying noise burst on every beat: a hi-hat pattern with no pitch in it."""
    rng = np.random.default_rng(0)
    step, burst = round(SR * 60.0 / tempo_bpm), round(0.05 * SR)
    samples = np.zeros(step * beats, dtype=np.float32)
    for beat in range(beats):
        samples[beat * step : beat * step + burst] = rng.normal(0, 0.5, burst) * np.exp(
            -np.arange(burst) / (0.01 * SR)
        )
    return samples


@contextmanager
def session(
    song_file: Path, cache: Path, version: tuple[int, int, int]
) -> Iterator[tuple[LiveHost, Client, Daemon]]:
    """An in-memory Live holding a MIDI clip and an unwarped audio clip, the real daemon, a client."""
    clip = {"slot": 0, "name": "Loop", "file": str(song_file), "warping": False}
    clip.update(start_marker=2.4, end_marker=12.0)  # seconds: bars 2..5
    beat = {"slot": 0, "name": "Beat", "notes": [[36, 0, 1]]}
    pad = {"slot": 0, "name": "Pad", "file": str(song_file.with_name("Pad.wav")), "warping": False}
    hats = {"slot": 0, "name": "Hats", "file": str(song_file.with_name("Hats.wav")), "warping": False}
    cut = {"slot": 0, "name": "Cut", "file": str(song_file.with_name("Cut.wav")), "warping": False}
    # The same file warped as if it were at 120 BPM (2 beats a second, though the music is at 100),
    # trimmed to the file's bars 2..5 (2.4..12 s) by markers in the clip's beats.
    warped = {"slot": 0, "name": "Warped", "file": str(song_file), "warping": True}
    warped.update(warp_markers=[[0.0, 0.0], [19.2, 38.4]], start_marker=4.8, end_marker=24.0)
    desc = parse_set(
        {
            "tempo": 120,
            "tracks": [
                {"type": "midi", "name": "Keys", "clips": [beat]},
                {"type": "audio", "name": "Loop", "clips": [clip]},
                {"type": "audio", "name": "Pad", "clips": [pad]},
                {"type": "audio", "name": "Warped", "clips": [warped]},
                {"type": "audio", "name": "Hats", "clips": [hats]},
                {"type": "audio", "name": "Cut", "clips": [cut]},
            ],
        }
    )
    live = LiveHost(desc, port=0, version=version).start_in_thread()
    with pytest.MonkeyPatch.context() as env:
        env.setenv("MUSEAROO_CACHE_DIR", str(cache))
        try:
            with running_daemon(live_port=live.port) as daemon:
                client = Client(daemon.port)
                yield live, client, daemon
                client.close()
        finally:
            live.stop()


@pytest.fixture(scope="module")
def current(
    song_file: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[LiveHost, Client, Daemon]]:
    with session(song_file, tmp_path_factory.mktemp("cache"), (12, 3, 6)) as parts:
        yield parts


def analyze(client: Client, *args: Any) -> tuple[list[Any], dict[str, Any] | None]:
    client.send(protocol.ANALYZE, *args)
    result = None
    end = time.monotonic() + 90.0
    while True:
        assert time.monotonic() < end, "the analysis did not end within 90 s"
        address, reply = client.recv(timeout=max(0.01, end - time.monotonic()))
        if address == protocol.RESULT and reply[1] == "analysis":
            result = json.loads(reply[2])
        if address == protocol.STATUS and reply[1] in protocol.FINAL_STATES:
            return reply, result


def test_selected_clip_region_becomes_the_song_context(current: tuple[LiveHost, Client, Daemon]) -> None:
    live, client, daemon = current
    live.call(lambda: setattr(live.song.view, "selected_track", live.song.tracks[1]))
    status, result = analyze(client, "apply", 1)
    assert status[1] == "done", status
    assert result is not None and result["source"] == "track 2, scene 1 ('Loop')"
    assert result["duration_s"] == pytest.approx(9.6, abs=0.01)  # only the marked region
    assert result["tempo_bpm"] == pytest.approx(100.0, rel=0.03)
    labels = [c["label"] for c in result["chords"]]
    assert {"A:min", "F:maj", "C:maj", "G:maj"} <= set(labels)
    assert daemon.app is not None
    song = daemon.app.song
    assert song.chords_source == "track 2, scene 1 ('Loop')"
    assert song.analyzed_tempo_bpm == pytest.approx(result["tempo_bpm"])
    # chords in beats from the region start (the file's bar 2): F major over beats 0..4, C major 4..8
    for beat, root in ((2.0, 5), (6.0, 0), (10.0, 7), (14.0, 9)):
        sounding = [c for c in song.chords if c.start_beats <= beat < c.start_beats + c.duration_beats]
        assert [c.root for c in sounding] == [root], (beat, sounding)
    tempo, root, scale = live.call(lambda: (live.song.tempo, live.song.root_note, live.song.scale_name))
    assert tempo == pytest.approx(result["tempo_bpm"], abs=0.01)
    expected = {"A minor": (9, "Minor"), "C major": (0, "Major")}[result["key"]]
    assert (root, scale) == expected
    assert "set Live's tempo_bpm" in status[3]


def test_without_apply_an_unwarped_clips_chords_follow_live_tempo(
    current: tuple[LiveHost, Client, Daemon],
) -> None:
    live, client, daemon = current
    live.call(lambda: setattr(live.song, "tempo", 120.0))  # the loop itself is at 100 BPM
    status, result = analyze(client, 1, 0)
    assert status[1] == "done", status
    assert result is not None and result["tempo_bpm"] == pytest.approx(100.0, rel=0.03)
    assert live.call(lambda: live.song.tempo) == 120.0  # not applied
    assert daemon.app is not None
    # unwarped, the clip plays its 2.4 s bars as they are: 4.8 beats each at Live's 120 BPM
    for beat, root in ((2.4, 5), (7.2, 0), (12.0, 7), (16.8, 9)):
        sounding = [
            c for c in daemon.app.song.chords if c.start_beats <= beat < c.start_beats + c.duration_beats
        ]
        assert [c.root for c in sounding] == [root], (beat, sounding)


def test_a_bass_line_then_follows_the_analysed_chords(current: tuple[LiveHost, Client, Daemon]) -> None:
    live, client, daemon = current
    live.call(lambda: setattr(live.song, "tempo", 100.0))  # the loop's own tempo: a bar is 4 beats
    status, _ = analyze(client, 1, 0)
    assert status[1] == "done", status
    assert daemon.app is not None
    chords = daemon.app.song.chords
    assert [c.root for c in chords[:4]] == [5, 0, 7, 9]  # F C G A from the region
    client.send(protocol.GENERATE, "bass", "track", 0, "slot", 1, "bars", 4, "seed", 3)
    assert client.wait_final(timeout=30)[1] == "done"
    notes = live.clip_notes(0, 1)
    assert notes
    for chord in chords:
        if chord.start_beats >= 16:
            continue
        inside = [n for n in notes if chord.start_beats <= n[1] < chord.start_beats + chord.duration_beats]
        assert chord.root in {n[0] % 12 for n in inside}, (chord, inside)


def test_a_pad_without_a_beat_grid_keeps_live_tempo_and_sets_the_chords(
    current: tuple[LiveHost, Client, Daemon],
) -> None:
    live, client, daemon = current
    before = live.call(lambda: live.song.tempo)
    status, result = analyze(client, 2, 0, "apply", 1)
    assert status[1] == "done", status
    assert result is not None and result["tempo_bpm"] is None and result["beats_s"] == []
    assert result["key"] == "D minor"
    assert "no tempo" in status[3]
    assert live.call(lambda: live.song.tempo) == before  # no invented tempo applied
    assert daemon.app is not None
    chords = daemon.app.song.chords  # timed at Live's tempo instead of a detected one
    assert chords and all(c.root == 2 for c in chords if c.duration_beats >= 2.0)
    last_s = [c["end_s"] for c in result["chords"] if c["label"] != "N"][-1]
    assert chords[-1].start_beats + chords[-1].duration_beats == pytest.approx(last_s * before / 60.0)


def test_a_warped_clip_is_read_between_its_markers(current: tuple[LiveHost, Client, Daemon]) -> None:
    _, client, daemon = current
    status, result = analyze(client, 3, 0)
    assert status[1] == "done", status
    assert result is not None and result["duration_s"] == pytest.approx(9.6, abs=0.01)  # bars 2..5 only
    assert daemon.app is not None
    chords = daemon.app.song.chords
    assert [c.root for c in chords[:4]] == [5, 0, 7, 9]  # F C G A, as the unwarped clip
    # on the clip's warped beats: each 2.4 s bar of the file spans 4.8 of the clip's beats
    for beat, root in ((2.4, 5), (7.2, 0), (12.0, 7), (16.8, 9)):
        sounding = [c for c in chords if c.start_beats <= beat < c.start_beats + c.duration_beats]
        assert [c.root for c in sounding] == [root], (beat, sounding)


def test_a_drum_loop_sets_the_tempo_but_keeps_the_key_and_the_chords(
    current: tuple[LiveHost, Client, Daemon],
) -> None:
    live, client, daemon = current
    status, _ = analyze(client, 1, 0)  # the tonal loop first: its chords are the context
    assert status[1] == "done", status
    assert daemon.app is not None
    chords = list(daemon.app.song.chords)

    def set_d_dorian() -> None:
        live.song.root_note, live.song.scale_name = 2, "Dorian"

    live.call(set_d_dorian)
    status, result = analyze(client, 4, 0, "apply", 1)
    assert status[1] == "done", status
    assert result is not None and result["key"] == "N" and [c["label"] for c in result["chords"]] == ["N"]
    assert result["tempo_bpm"] == pytest.approx(120.0, rel=0.01)
    assert (
        f"no key (no pitched sound), the {len(chords)} chords of track 2, scene 1 ('Loop') kept" in status[3]
    )
    assert (
        list(daemon.app.song.chords) == chords
        and daemon.app.song.chords_source == "track 2, scene 1 ('Loop')"
    )
    tempo, root, scale = live.call(lambda: (live.song.tempo, live.song.root_note, live.song.scale_name))
    assert tempo == pytest.approx(result["tempo_bpm"], abs=0.01)
    assert (root, scale) == (2, "Dorian")  # no key, so Live's scale is left as it was


def test_a_file_cut_short_fails_naming_it_and_keeps_the_context(
    current: tuple[LiveHost, Client, Daemon],
) -> None:
    live, client, daemon = current
    status, _ = analyze(client, 1, 0)
    assert status[1] == "done", status
    assert daemon.app is not None
    song = daemon.app.song
    before = (list(song.chords), song.chords_source, song.analyzed_tempo_bpm)
    tempo = live.call(lambda: live.song.tempo)
    status, result = analyze(client, 5, 0, "apply", 1)
    assert status[1] == "failed" and result is None
    assert "Cut.wav' is cut short: its header declares 19.200 s of audio and the file holds 6.39" in status[3]
    assert (list(song.chords), song.chords_source, song.analyzed_tempo_bpm) == before
    assert live.call(lambda: live.song.tempo) == tempo


def test_live_11_gets_the_tempo_but_keeps_its_scale(song_file: Path, tmp_path: Path) -> None:
    with session(song_file, tmp_path / "cache", (11, 3, 0)) as (live, client, _):
        status, result = analyze(client, 1, 0, "apply", 1)
        tempo, root, scale = live.call(lambda: (live.song.tempo, live.song.root_note, live.song.scale_name))
    assert status[1] == "done", status
    assert result is not None and tempo == pytest.approx(result["tempo_bpm"], abs=0.01)
    assert (root, scale) == (0, "Major")  # untouched
    assert "root and scale need Live 12" in status[3]


def test_a_midi_drum_clip_is_read_from_its_notes(current: tuple[LiveHost, Client, Daemon]) -> None:
    _, client, _ = current
    status, result = analyze(client, 0, 0)  # issue 15: MIDI clips are analysed, no longer refused
    assert status[1] == "done" and "('Beat'): MIDI, no key (no pitched notes)" in status[3]
    assert result is not None and result["backend"] == "midi" and result["key"] == "N"


@pytest.mark.parametrize(
    ("args", "expected"),
    [([], (-1, -1, "madmom", False)), ([2, 1, "backend", "librosa", "apply", 1], (2, 1, "librosa", True))],
)
def test_arguments_parse(args: list[Any], expected: tuple[int, int, str, bool]) -> None:
    req = parse_request(args)
    assert (req.track, req.slot, req.backend, req.apply) == expected


@pytest.mark.parametrize(
    ("args", "named"),
    [
        ([3], "[3]"),
        (["backend", "essentia"], "'essentia'"),
        (["apply", 2], "apply 2 is out of range: expected 0..1"),
        (["speed", 1], "'speed'"),
    ],
)
def test_bad_arguments_name_the_value(args: list[Any], named: str) -> None:
    with pytest.raises(InvalidValue, match=named.replace("[", r"\[").replace("]", r"\]")):
        parse_request(args)
