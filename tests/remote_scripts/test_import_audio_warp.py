"""import_audio's tempo lock over real UDP, and the in-memory Live's warp markers behind it.

A loop of exactly 4 bars at 97 BPM goes into a Set at 120 BPM: Live's own guess (the Set tempo)
would make it 19.8 beats; locked at 97 BPM it must be exactly 16 beats.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import soundfile

from bridge import protocol
from livesim import LiveHost, SetDesc, build_song
from livesim.application import Application
from livesim.clip import Clip
from livesim.document import Document
from livesim.track import ClipSlot
from livesim.warp import WarpMarker
from tests.remote_scripts.osc_client import OscClient

RATE = 44100
LOOP_FRAMES = round(16 * 60 / 97 * RATE)  # 436454: 4 bars of 4/4 at 97 BPM, to the nearest sample
LOOP_S = LOOP_FRAMES / RATE
AUDIO_TRACK = 4  # the default Set: four MIDI tracks, then two audio tracks


def write_audio(
    path: Path, frames: int, *, channels: int = 1, subtype: str = "FLOAT", fmt: str = "WAV"
) -> Path:
    """A quiet noise file; FLOAT WAV is what MuseAroo itself writes (engines/audio_io.write_wav)."""
    noise = np.random.default_rng(7).uniform(-0.1, 0.1, (frames, channels))
    soundfile.write(path, noise, RATE, subtype=subtype, format=fmt)
    return path


def markers(host: LiveHost, track: int, slot: int) -> list[tuple[float, float]]:
    def read() -> list[tuple[float, float]]:
        clip = host.song.tracks[track].clip_slots[slot].clip
        assert clip is not None
        return [(m.sample_time, m.beat_time) for m in clip.warp_markers]

    return host.call(read)


def import_audio(client: OscClient, req: int, slot: int, path: Path, warp: int, tempo_bpm: float) -> list:
    return client.ask(protocol.RS_IMPORT_AUDIO, req, AUDIO_TRACK, slot, str(path), "Loop", warp, tempo_bpm)


@pytest.fixture
def loop(tmp_path: Path) -> Path:
    return write_audio(tmp_path / "loop97.wav", LOOP_FRAMES)


# --- the Remote Script over UDP ------------------------------------------------------------------


def test_warp_1_locks_four_bars_at_97_bpm_in_a_set_at_120(
    host: LiveHost, client: OscClient, loop: Path
) -> None:
    assert host.call(lambda: host.song.tempo) == 120.0
    assert import_audio(client, 1, 0, loop, 1, 97.0) == [1, AUDIO_TRACK, 0]
    props = host.clip_properties(AUDIO_TRACK, 0)
    assert props is not None
    assert props["warping"] is True and props["looping"] is True
    assert markers(host, AUDIO_TRACK, 0) == [(0.0, 0.0), (LOOP_S, 16.0)]
    assert (props["loop_start"], props["loop_end"]) == (0.0, 16.0)
    assert (props["start_marker"], props["end_marker"], props["length"]) == (0.0, 16.0, 16.0)
    # what the daemon reads back: exactly 4 bars of 4/4
    info = dict(
        zip(protocol.CLIP_INFO_FIELDS, client.ask(protocol.RS_CLIP_INFO, 2, AUDIO_TRACK, 0)[3:], strict=True)
    )
    assert (info["length_beats"], info["end_marker_beats"], info["warping"]) == (16.0, 16.0, 1)
    assert (info["start_s"], info["end_s"]) == (0.0, pytest.approx(LOOP_S))  # the whole loop


def test_without_a_tempo_live_keeps_its_own_guess(host: LiveHost, client: OscClient, loop: Path) -> None:
    """The lock is what makes the clip 16 beats: Live's guess at the Set's 120 BPM is 19.8."""
    assert import_audio(client, 1, 0, loop, 1, 0.0) == [1, AUDIO_TRACK, 0]
    props = host.clip_properties(AUDIO_TRACK, 0)
    assert props is not None and props["warping"] is True
    assert props["loop_end"] == pytest.approx(LOOP_S * 2.0) and props["loop_end"] > 19.7
    assert markers(host, AUDIO_TRACK, 0) == [(0.0, 0.0), (LOOP_S, LOOP_S * 2.0)]


def test_warp_0_plays_the_file_unwarped(host: LiveHost, client: OscClient, loop: Path) -> None:
    assert import_audio(client, 1, 0, loop, 0, 97.0) == [1, AUDIO_TRACK, 0]
    props = host.clip_properties(AUDIO_TRACK, 0)
    assert props is not None and props["warping"] is False
    assert props["length"] == pytest.approx(LOOP_S)  # unwarped: seconds, as Live measures it


@pytest.mark.parametrize(
    ("channels", "subtype"),
    [(1, "PCM_16"), (2, "FLOAT"), (2, "PCM_24"), (6, "PCM_24")],  # 6 channels: WAVE_FORMAT_EXTENSIBLE
)
def test_the_lock_reads_every_wav_flavour(
    host: LiveHost, client: OscClient, tmp_path: Path, channels: int, subtype: str
) -> None:
    frames = RATE * 2  # 2 s at 90 BPM: exactly 3 beats
    path = write_audio(tmp_path / f"{subtype}_{channels}.wav", frames, channels=channels, subtype=subtype)
    assert import_audio(client, 1, 0, path, 1, 90.0) == [1, AUDIO_TRACK, 0]
    assert markers(host, AUDIO_TRACK, 0) == [(0.0, 0.0), (2.0, 3.0)]
    assert host.clip_properties(AUDIO_TRACK, 0)["loop_end"] == 3.0  # type: ignore[index]


def test_the_lock_skips_chunks_before_the_data(host: LiveHost, client: OscClient, tmp_path: Path) -> None:
    """A LIST chunk of odd size (one pad byte) between fmt and data, as tagging tools write."""
    frames = 3 * RATE // 2
    pcm = (np.sin(np.arange(frames) / 10.0) * 3000).astype("<i2").tobytes()
    fmt = struct.pack("<HHIIHH", 1, 1, RATE, RATE * 2, 2, 16)
    info = b"INFOISFT\x05\x00\x00\x00roo!\x00"  # 17 bytes
    body = (
        b"WAVE"
        + b"fmt "
        + struct.pack("<I", len(fmt))
        + fmt
        + b"LIST"
        + struct.pack("<I", len(info))
        + info
        + b"\x00"
        + b"data"
        + struct.pack("<I", len(pcm))
        + pcm
    )
    path = tmp_path / "tagged.wav"
    path.write_bytes(b"RIFF" + struct.pack("<I", len(body)) + body)
    assert soundfile.info(str(path)).frames == frames
    assert import_audio(client, 1, 0, path, 1, 120.0) == [1, AUDIO_TRACK, 0]
    assert markers(host, AUDIO_TRACK, 0) == [(0.0, 0.0), (1.5, 3.0)]


def test_auto_warp_from_the_first_transient_is_replaced(
    host: LiveHost, client: OscClient, loop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Live's auto-warp may pin beat 0 to a transient after the start and add markers between."""
    create = ClipSlot.create_audio_clip

    def auto_warp(self: ClipSlot, file_path: str, /) -> Clip:
        clip = create(self, file_path)
        clip._warp_markers = [(0.05, 0.0), (1.0, 2.0), (LOOP_S, 19.0)]
        return clip

    monkeypatch.setattr(ClipSlot, "create_audio_clip", auto_warp)
    assert import_audio(client, 1, 0, loop, 1, 97.0) == [1, AUDIO_TRACK, 0]
    assert markers(host, AUDIO_TRACK, 0) == [(0.0, 0.0), (LOOP_S, 16.0)]
    assert host.clip_properties(AUDIO_TRACK, 0)["loop_end"] == 16.0  # type: ignore[index]


def test_a_length_off_the_beat_grid_is_not_rounded(host: LiveHost, client: OscClient, tmp_path: Path) -> None:
    """Snapping covers the last sample only: 50 samples past 4 bars stay 50 samples past."""
    path = write_audio(tmp_path / "long.wav", LOOP_FRAMES + 50)
    assert import_audio(client, 1, 0, path, 1, 97.0) == [1, AUDIO_TRACK, 0]
    beats = (LOOP_FRAMES + 50) / RATE * 97.0 / 60.0
    assert markers(host, AUDIO_TRACK, 0) == [(0.0, 0.0), ((LOOP_FRAMES + 50) / RATE, beats)]
    assert host.clip_properties(AUDIO_TRACK, 0)["loop_end"] == pytest.approx(beats, abs=1e-12)  # type: ignore[index]
    assert beats > 16.0 + 0.001


def test_stems_of_one_source_line_up(host: LiveHost, client: OscClient, tmp_path: Path) -> None:
    """Stems are as long as their source; given the source's tempo they get its markers and loop."""
    source = write_audio(tmp_path / "source.wav", LOOP_FRAMES)
    stem = write_audio(tmp_path / "drums.wav", LOOP_FRAMES, channels=2)
    assert import_audio(client, 1, 0, source, 1, 97.0) == [1, AUDIO_TRACK, 0]
    assert client.ask(protocol.RS_IMPORT_AUDIO, 2, AUDIO_TRACK + 1, 0, str(stem), "Drums", 1, 97.0) == [
        2,
        AUDIO_TRACK + 1,
        0,
    ]
    assert markers(host, AUDIO_TRACK, 0) == markers(host, AUDIO_TRACK + 1, 0)
    a, b = host.clip_properties(AUDIO_TRACK, 0), host.clip_properties(AUDIO_TRACK + 1, 0)
    assert a is not None and b is not None and a["loop_end"] == b["loop_end"] == 16.0


def test_a_missing_file_is_named(host: LiveHost, client: OscClient, tmp_path: Path) -> None:
    missing = tmp_path / "gone.wav"
    address, message, req = client.error(
        protocol.RS_IMPORT_AUDIO, 5, AUDIO_TRACK, 0, str(missing), "x", 1, 97.0
    )
    assert (address, req) == (protocol.RS_IMPORT_AUDIO, 5)
    assert str(missing) in message and "no such file" in message
    assert host.clip_properties(AUDIO_TRACK, 0) is None


def test_a_non_wav_file_keeps_live_warping_and_is_named(
    host: LiveHost, client: OscClient, tmp_path: Path
) -> None:
    flac = write_audio(tmp_path / "loop.flac", LOOP_FRAMES, subtype="PCM_16", fmt="FLAC")
    _, message, req = client.error(protocol.RS_IMPORT_AUDIO, 6, AUDIO_TRACK, 0, str(flac), "x", 1, 97.0)
    assert req == 6 and str(flac) in message and "WAV" in message and "Live's own warping" in message
    props = host.clip_properties(AUDIO_TRACK, 0)  # imported, with Live's guess instead of 97 BPM
    assert props is not None and props["warping"] is True
    assert props["loop_end"] == pytest.approx(LOOP_S * 2.0)
    # a file no reader takes: Live refuses it and the error still names it
    text = tmp_path / "notes.txt"
    text.write_text("not audio")
    _, message, req = client.error(protocol.RS_IMPORT_AUDIO, 7, AUDIO_TRACK, 1, str(text), "x", 1, 97.0)
    assert req == 7 and str(text) in message and "Live raised RuntimeError" in message
    assert host.clip_properties(AUDIO_TRACK, 1) is None
    # the script keeps serving
    assert client.ask(protocol.RS_CONTEXT_GET, 8)[0] == 8
    assert import_audio(client, 9, 2, write_audio(tmp_path / "ok.wav", LOOP_FRAMES), 1, 97.0) == [
        9,
        AUDIO_TRACK,
        2,
    ]


def test_markers_live_refuses_remove_the_clip(
    host: LiveHost, client: OscClient, loop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: Clip, warp_marker: WarpMarker, /) -> None:
        raise RuntimeError("Cannot add warp marker")

    monkeypatch.setattr(Clip, "add_warp_marker", refuse)
    _, message, req = client.error(protocol.RS_IMPORT_AUDIO, 3, AUDIO_TRACK, 0, str(loop), "x", 1, 97.0)
    assert req == 3 and str(loop) in message and "97 BPM" in message and "nothing was imported" in message
    assert host.clip_properties(AUDIO_TRACK, 0) is None


def test_the_lock_is_one_undo_step(host: LiveHost, client: OscClient, loop: Path) -> None:
    host.call(host.doc.clear_undo)
    import_audio(client, 1, 0, loop, 1, 97.0)
    assert host.call(lambda: host.doc.undo_steps) == 1
    host.call(host.doc.undo)
    assert host.clip_properties(AUDIO_TRACK, 0) is None


# --- the in-memory Live's warp markers -----------------------------------------------------------


@pytest.fixture
def audio_clip(loop: Path) -> Iterator[Clip]:
    song = build_song(SetDesc(), Document(Application((12, 3, 6))))
    yield song.tracks[AUDIO_TRACK].clip_slots[0].create_audio_clip(str(loop))


def test_a_clip_length_in_beats_follows_its_markers(audio_clip: Clip) -> None:
    assert [(m.sample_time, m.beat_time) for m in audio_clip.warp_markers] == [
        (0.0, 0.0),
        (LOOP_S, LOOP_S * 2),
    ]
    audio_clip.remove_warp_marker(LOOP_S * 2)
    audio_clip.add_warp_marker(WarpMarker(LOOP_S / 2, 4.0))  # first half: 4 beats, then that tempo goes on
    assert audio_clip.loop_end == pytest.approx(8.0) and audio_clip.length == pytest.approx(8.0)
    audio_clip.add_warp_marker(WarpMarker(LOOP_S, 16.0))
    assert audio_clip.end_marker == 16.0 and audio_clip.length == 16.0
    audio_clip.loop_end = 10.0  # in the second segment: 12 beats over the second half
    assert audio_clip.loop_end == pytest.approx(10.0)
    audio_clip.warping = False  # unwarped: seconds of the sample
    assert audio_clip.loop_end == pytest.approx(LOOP_S / 2 + LOOP_S / 2 * 6 / 12)
    assert audio_clip.end_marker == LOOP_S


def test_warp_markers_refuse_what_live_refuses(audio_clip: Clip) -> None:
    with pytest.raises(RuntimeError, match="already there"):
        audio_clip.add_warp_marker(WarpMarker(1.0, 0.0))
    with pytest.raises(RuntimeError, match="increase"):
        audio_clip.add_warp_marker(WarpMarker(LOOP_S / 2, 30.0))  # crosses the end marker
    with pytest.raises(RuntimeError, match="sample"):
        audio_clip.add_warp_marker(WarpMarker(LOOP_S + 1.0, 40.0))  # past the end of the file
    with pytest.raises(RuntimeError, match="No warp marker at beat 3"):
        audio_clip.remove_warp_marker(3.0)
    audio_clip.remove_warp_marker(0.0)
    with pytest.raises(RuntimeError, match="at least one"):
        audio_clip.remove_warp_marker(LOOP_S * 2)
    with pytest.raises(TypeError):
        audio_clip.add_warp_marker((0.0, 0.0))  # type: ignore[arg-type]


def test_warp_markers_are_audio_only_and_undoable(audio_clip: Clip) -> None:
    doc = Document(Application((12, 3, 6)))
    midi_clip = build_song(SetDesc(), doc).tracks[0].clip_slots[0].create_clip(4.0)
    for call in (
        lambda: midi_clip.warp_markers,
        lambda: midi_clip.add_warp_marker(WarpMarker(0.0, 0.0)),
        lambda: midi_clip.remove_warp_marker(0.0),
    ):
        with pytest.raises(RuntimeError, match="audio clips only"):
            call()
    heard: list[str] = []
    audio_clip.add_warp_markers_listener(lambda: heard.append("markers"))
    audio_clip._doc.clear_undo()
    audio_clip.add_warp_marker(WarpMarker(1.0, 3.0))
    assert len(audio_clip.warp_markers) == 3 and heard == ["markers"]
    audio_clip._doc.undo()
    assert len(audio_clip.warp_markers) == 2 and heard == ["markers", "markers"]
