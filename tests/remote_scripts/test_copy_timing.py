"""copy_timing over real UDP: a stem clip gets its source clip's warp markers, markers and loop.

The source is warped by hand (through the host, as a user would in Live) with three markers at
two different tempi (150 BPM, then about 95 BPM, extrapolated after the last marker), a warp
mode, start and end markers and a loop; a file of the same length in samples gets all of it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile

from bridge import protocol
from livesim import LiveHost
from livesim.warp import WarpMarker, WarpMode
from tests.remote_scripts.osc_client import OscClient

RATE = 44100
FRAMES = 2 * RATE  # the conftest's wav_file: 2 s
SRC_TRACK, DST_TRACK = 4, 5  # the default Set: four MIDI tracks, then two audio tracks
UNEVEN = [(0.0, 0.0), (0.6, 1.5), (1.7, 3.25)]  # 0.6 s -> 1.5 beats (150 BPM), 1.1 s -> 1.75 (95.45)
FIELDS = ("warping", "warp_mode", "looping", "loop_start", "loop_end", "start_marker", "end_marker")


def noise(path: Path, frames: int) -> Path:
    soundfile.write(path, np.random.default_rng(3).uniform(-0.1, 0.1, frames), RATE, subtype="FLOAT")
    return path


def timing(host: LiveHost, track: int, slot: int) -> dict[str, Any]:
    props = host.clip_properties(track, slot)
    assert props is not None and props["is_audio_clip"]
    return {k: props[k] for k in (*FIELDS, "warp_markers")}


def warp_by_hand(host: LiveHost, track: int, slot: int, *, warping: bool = True) -> None:
    """What a user does in Live's clip view: markers at uneven tempi, complex mode, a loop."""

    def edit() -> None:
        clip = host.song.tracks[track].clip_slots[slot].clip
        assert clip is not None and [m.beat_time for m in clip.warp_markers] == [0.0, 4.0]  # 120 BPM guess
        for seconds, beats in UNEVEN[1:]:
            clip.add_warp_marker(WarpMarker(seconds, beats))
        clip.remove_warp_marker(4.0)
        clip.warp_mode = WarpMode.complex
        clip.looping = True
        clip.loop_end, clip.loop_start = 3.25, 1.0
        clip.end_marker, clip.start_marker = 3.5, 0.5  # 1.86 s of the 2 s file
        if not warping:
            clip.warping = False
            clip.end_marker, clip.start_marker = 1.5, 0.25  # seconds, as Live keeps an unwarped clip's
            clip.looping = False

    host.call(edit)


@pytest.fixture
def pair(host: LiveHost, client: OscClient, wav_file: Path, tmp_path: Path) -> tuple[LiveHost, OscClient]:
    """The source WAV at (4, 0) and a second WAV of the same length at (5, 1), both imported over UDP."""
    other = noise(tmp_path / "stem.wav", FRAMES)
    assert soundfile.info(str(wav_file)).frames == FRAMES
    assert client.ask(protocol.RS_IMPORT_AUDIO, 1, SRC_TRACK, 0, str(wav_file), "Mix", 1, 0.0) == [
        1,
        SRC_TRACK,
        0,
    ]
    assert client.ask(protocol.RS_IMPORT_AUDIO, 2, DST_TRACK, 1, str(other), "Stem", 1, 0.0) == [
        2,
        DST_TRACK,
        1,
    ]
    return host, client


def test_a_warped_clip_s_timing_is_copied_exactly(pair: tuple[LiveHost, OscClient]) -> None:
    host, client = pair
    warp_by_hand(host, SRC_TRACK, 0)
    source = timing(host, SRC_TRACK, 0)
    assert source["warp_markers"] == UNEVEN and source["warp_mode"] == WarpMode.complex
    assert timing(host, DST_TRACK, 1) != source
    steps = host.call(lambda: host.doc.undo_steps)
    assert client.ask(protocol.RS_COPY_TIMING, 7, SRC_TRACK, 0, DST_TRACK, 1) == [7, DST_TRACK, 1]
    copied = timing(host, DST_TRACK, 1)
    assert copied["warp_markers"] == UNEVEN
    assert {k: copied[k] for k in FIELDS} == pytest.approx({k: source[k] for k in FIELDS}, abs=1e-9)
    assert (copied["loop_start"], copied["loop_end"]) == pytest.approx((1.0, 3.25), abs=1e-9)
    assert (copied["start_marker"], copied["end_marker"]) == pytest.approx((0.5, 3.5), abs=1e-9)
    assert timing(host, SRC_TRACK, 0) == source  # the source is only read
    # one undo step takes the whole copy back
    assert host.call(lambda: host.doc.undo_steps) == steps + 1
    before_copy = {"warp_markers": [(0.0, 0.0), (2.0, 4.0)], "warping": True, "loop_end": 4.0}
    client.send(protocol.SONG_UNDO)
    assert client.ask(protocol.RS_CLIP_INFO, 8, DST_TRACK, 1)[0] == 8  # the undo has run
    undone = timing(host, DST_TRACK, 1)
    assert {k: undone[k] for k in before_copy} == before_copy and undone["warp_mode"] == WarpMode.beats


def test_an_unwarped_clip_s_timing_is_copied_in_seconds(pair: tuple[LiveHost, OscClient]) -> None:
    host, client = pair
    warp_by_hand(host, SRC_TRACK, 0, warping=False)
    source = timing(host, SRC_TRACK, 0)
    assert source["warping"] is False and source["looping"] is False
    assert client.ask(protocol.RS_COPY_TIMING, 3, SRC_TRACK, 0, DST_TRACK, 1) == [3, DST_TRACK, 1]
    copied = timing(host, DST_TRACK, 1)
    assert copied["warp_markers"] == UNEVEN  # kept for when warping is switched back on
    assert {k: copied[k] for k in FIELDS} == pytest.approx({k: source[k] for k in FIELDS}, abs=1e-9)
    assert (copied["start_marker"], copied["end_marker"]) == pytest.approx((0.25, 1.5), abs=1e-9)


def test_files_of_different_lengths_are_refused_naming_both(
    pair: tuple[LiveHost, OscClient], wav_file: Path, tmp_path: Path
) -> None:
    host, client = pair
    longer = noise(tmp_path / "longer.wav", FRAMES + 1)
    assert client.ask(protocol.RS_IMPORT_AUDIO, 1, DST_TRACK, 2, str(longer), "Long", 1, 0.0) == [
        1,
        DST_TRACK,
        2,
    ]
    warp_by_hand(host, SRC_TRACK, 0)
    before = timing(host, DST_TRACK, 2)
    address, message, req = client.error(protocol.RS_COPY_TIMING, 9, SRC_TRACK, 0, DST_TRACK, 2)
    assert (address, req) == (protocol.RS_COPY_TIMING, 9)
    assert repr(str(wav_file)) in message and repr(str(longer)) in message
    assert f"{FRAMES} samples at 44100 Hz" in message and f"{FRAMES + 1} samples at 44100 Hz" in message
    assert timing(host, DST_TRACK, 2) == before


@pytest.mark.parametrize(
    ("where", "named"),
    [
        (
            (0, 0, DST_TRACK, 1),
            "track 1 '1-MIDI', scene 1 holds a MIDI clip: copy_timing expected an audio clip",
        ),
        ((SRC_TRACK, 0, 0, 0), "track 1 '1-MIDI', scene 1 holds a MIDI clip"),
        ((SRC_TRACK, 3, DST_TRACK, 1), "track 5 '5-Audio', scene 4 is empty"),
        ((SRC_TRACK, 0, 6, 1), "track 6 is out of range: expected 0..5"),
        ((SRC_TRACK, 0, DST_TRACK, 8), "slot 8 is out of range: expected 0..7"),
        ((SRC_TRACK, -1, DST_TRACK, 1), "slot -1 is out of range"),
    ],
)
def test_bad_clips_and_indices_are_answered_with_the_request_id(
    pair: tuple[LiveHost, OscClient], where: tuple[int, int, int, int], named: str
) -> None:
    host, client = pair
    client.send(protocol.CLIP_SLOT_CREATE_CLIP, 0, 0, 4.0)  # a MIDI clip at track 0 slot 0
    assert client.ask(protocol.CLIP_SLOT_HAS_CLIP, 0, 0) == [0, 0, 1]
    before = timing(host, DST_TRACK, 1)
    address, message, req = client.error(protocol.RS_COPY_TIMING, "r5", *where)
    assert (address, req) == (protocol.RS_COPY_TIMING, "r5") and named in message
    assert timing(host, DST_TRACK, 1) == before


def test_a_marker_live_refuses_leaves_the_destination_as_it_was(
    pair: tuple[LiveHost, OscClient], monkeypatch: pytest.MonkeyPatch
) -> None:
    host, client = pair
    warp_by_hand(host, SRC_TRACK, 0)
    before = timing(host, DST_TRACK, 1)
    dst = host.call(lambda: host.song.tracks[DST_TRACK].clip_slots[1].clip)
    assert dst is not None
    add = dst.add_warp_marker

    def refuse_the_last(marker: WarpMarker) -> None:
        if marker.beat_time == UNEVEN[-1][1]:
            raise RuntimeError("Warp marker could not be added")
        add(marker)

    monkeypatch.setattr(dst, "add_warp_marker", refuse_the_last)
    address, message, req = client.error(protocol.RS_COPY_TIMING, 11, SRC_TRACK, 0, DST_TRACK, 1)
    assert (address, req) == (protocol.RS_COPY_TIMING, 11)
    assert "Live raised RuntimeError: Warp marker could not be added" in message
    assert "the destination keeps its own timing" in message
    assert timing(host, DST_TRACK, 1) == before


def test_wrong_argument_counts_and_types_are_named(pair: tuple[LiveHost, OscClient]) -> None:
    _, client = pair
    _, message, req = client.error(protocol.RS_COPY_TIMING, 1, SRC_TRACK, 0, DST_TRACK)
    assert (
        req == 1
        and "takes 5..7 argument(s) (req, src_track, src_slot, dst_track, dst_slot, "
        "[src_arrangement, dst_arrangement]), got 4"
        in message
    )
    _, message, _ = client.error(protocol.RS_COPY_TIMING, 2, SRC_TRACK, 0, "five", 1)
    assert "dst_track 'five' (str): expected an int" in message
