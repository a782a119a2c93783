"""write_warp_markers over real UDP: markers, start/end and loop in one undo step, or nothing.

The Set holds the conftest's 2 s WAV as a session clip (Live's own guess: two markers at the
Set's 120 BPM), the same file unwarped, and two arrangement clips of it at beats 8 and 16, so
session and arrangement clips, the clip in the Clip View, refusals and undo are all exercised.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bridge import protocol
from livesim import LiveHost
from livesim.live_set import parse_set
from livesim.warp import WarpMarker
from tests.remote_scripts.conftest import start_host
from tests.remote_scripts.osc_client import OscClient

AUDIO, UNWARPED, ARRANGED, MIDI = 0, 1, 2, 3
WANTED = [(0.25, 0.0), (1.0, 2.0), (1.75, 4.0)]  # 120 BPM then 160 BPM, from 0.25 s into the file
TIMING = ("warping", "looping", "loop_start", "loop_end", "start_marker", "end_marker", "warp_markers")


@pytest.fixture
def live(wav_file: Path) -> Iterator[tuple[LiveHost, OscClient]]:
    desc = parse_set(
        {
            "tracks": [
                {"type": "audio", "name": "Loop", "clips": [{"slot": 0, "file": str(wav_file)}]},
                {
                    "type": "audio",
                    "name": "Raw",
                    "clips": [{"slot": 0, "file": str(wav_file), "warping": False}],
                },
                {
                    "type": "audio",
                    "name": "Takes",
                    "arrangement": [
                        {"start": 16, "file": str(wav_file)},
                        {"start": 8, "file": str(wav_file)},
                    ],
                },
                {"type": "midi", "name": "Keys", "clips": [{"slot": 0, "notes": [[60, 0, 1]]}]},
            ],
            "scenes": 2,
        }
    )
    host = start_host(desc)
    client = OscClient(host.port)
    yield host, client
    client.close()
    host.stop()
    assert host.errors == [], "exceptions escaped into Live"


def timing(host: LiveHost, track: int, slot: int, arrangement: bool = False) -> dict[str, Any]:
    props = (
        host.arrangement_clip_properties(track, slot) if arrangement else host.clip_properties(track, slot)
    )
    assert props is not None
    return {k: props[k] for k in TIMING}


def write(client: OscClient, req: Any, track: int, slot: int, arrangement: int = 0, **kw: Any) -> list[Any]:
    args = request_args(req, track, slot, arrangement, **kw)
    return client.ask(protocol.RS_WRITE_WARP_MARKERS, *args)


def request_args(
    req: Any,
    track: int,
    slot: int,
    arrangement: int = 0,
    *,
    span: tuple[float, float, float, float] = (0.0, 4.0, 0.0, 4.0),
    markers: list[tuple[float, float]] | None = None,
) -> list[Any]:
    blob = protocol.pack_warp_markers(WANTED if markers is None else markers)
    return [req, track, slot, arrangement, *span, blob]


def test_markers_markers_and_loop_are_one_undo_step(live: tuple[LiveHost, OscClient]) -> None:
    host, client = live
    before = timing(host, AUDIO, 0)
    assert before["warp_markers"] == [(0.0, 0.0), (2.0, 4.0)]  # the Set's tempo, Live's guess here
    steps = host.call(lambda: host.doc.undo_steps)
    assert write(client, 1, AUDIO, 0, span=(0.0, 4.0, 0.0, 4.0)) == [1, AUDIO, 0, 3]
    after = timing(host, AUDIO, 0)
    assert after["warp_markers"] == WANTED
    assert (after["start_marker"], after["end_marker"]) == (0.0, 4.0)
    assert (after["loop_start"], after["loop_end"]) == (0.0, 4.0)
    assert after["warping"] is True and after["looping"] is before["looping"]  # the switch is kept
    # the clip's region is now 0.25 .. 1.75 s of the file
    info = dict(
        zip(protocol.CLIP_INFO_FIELDS, client.ask(protocol.RS_CLIP_INFO, 2, AUDIO, 0)[3:], strict=True)
    )
    assert (info["start_s"], info["end_s"]) == (0.25, 1.75)
    assert host.call(lambda: host.doc.undo_steps) == steps + 1
    client.send(protocol.SONG_UNDO)
    assert client.ask(protocol.RS_CLIP_INFO, 3, AUDIO, 0)[0] == 3  # the undo has run
    assert timing(host, AUDIO, 0) == before


def test_an_unwarped_clip_is_warped_and_undo_unwarps_it(live: tuple[LiveHost, OscClient]) -> None:
    host, client = live
    before = timing(host, UNWARPED, 0)
    assert before["warping"] is False and before["end_marker"] == pytest.approx(2.0)  # seconds
    assert write(client, "u", UNWARPED, 0, span=(0.0, 4.0, 1.0, 3.0)) == ["u", UNWARPED, 0, 3]
    after = timing(host, UNWARPED, 0)
    assert after["warping"] is True and after["warp_markers"] == WANTED
    assert (after["loop_start"], after["loop_end"]) == (1.0, 3.0)
    client.send(protocol.SONG_UNDO)
    client.ask(protocol.RS_CLIP_INFO, 1, UNWARPED, 0)
    assert timing(host, UNWARPED, 0) == before


def test_arrangement_clips_by_index_and_from_the_clip_view(live: tuple[LiveHost, OscClient]) -> None:
    host, client = live
    first = client.ask(protocol.RS_CLIP_INFO, 1, ARRANGED, 0, 1)
    assert first[:3] == [1, ARRANGED, 0]
    info = dict(zip(protocol.CLIP_INFO_FIELDS, first[3:], strict=True))
    assert info["start_time_beats"] == 8.0 and info["is_audio_clip"] == 1  # by start time: beat 8 first
    assert write(client, 2, ARRANGED, 1, 1) == [2, ARRANGED, 1, 3]
    assert timing(host, ARRANGED, 1, arrangement=True)["warp_markers"] == WANTED
    assert timing(host, ARRANGED, 0, arrangement=True)["warp_markers"] == [(0.0, 0.0), (2.0, 4.0)]

    def show_first() -> None:
        host.song.view.detail_clip = host.song.tracks[ARRANGED].arrangement_clips[0]

    host.call(show_first)
    assert client.ask(protocol.RS_CLIP_INFO, 3, -1, -1, 1)[:3] == [3, ARRANGED, 0]
    assert write(client, 4, -1, -1, 1) == [4, ARRANGED, 0, 3]
    assert timing(host, ARRANGED, 0, arrangement=True)["warp_markers"] == WANTED


def test_live_s_hidden_marker_after_the_last_is_not_a_difference(
    live: tuple[LiveHost, OscClient], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Live keeps a hidden marker after the last one it was given; the read-back allows for it."""
    host, client = live
    clip = host.call(lambda: host.song.tracks[AUDIO].clip_slots[0].clip)
    assert clip is not None
    add = clip.add_warp_marker

    def add_with_shadow(marker: WarpMarker) -> None:
        add(marker)
        if (marker.sample_time, marker.beat_time) == WANTED[-1]:
            add(WarpMarker(1.76, 4.03125))

    monkeypatch.setattr(clip, "add_warp_marker", add_with_shadow)
    assert write(client, 1, AUDIO, 0) == [1, AUDIO, 0, 3]
    assert timing(host, AUDIO, 0)["warp_markers"] == [*WANTED, (1.76, 4.03125)]


@pytest.mark.parametrize(
    ("where", "kw", "named"),
    [
        ((AUDIO, 0, 0), {"markers": [(0.25, 0.0), (1.0, 2.0), (0.9, 3.0)]}, "marker 2 (0.9 s, beat 3)"),
        ((AUDIO, 0, 0), {"markers": [(0.25, 0.0), (1.0, 2.0), (1.2, 2.0)]}, "expected both to rise"),
        ((AUDIO, 0, 0), {"markers": [(0.25, 0.0), (2.5, 4.0)]}, "marker 1 at 2.5 s: expected 0..2 s"),
        ((AUDIO, 0, 0), {"markers": [(0.25, 0.0)]}, "1 warp markers: expected 2.."),
        ((AUDIO, 0, 0), {"span": (4.0, 4.0, 0.0, 4.0)}, "start 4 .. end 4"),
        (
            (MIDI, 0, 0),
            {},
            "track 4 'Keys', scene 1 holds a MIDI clip: write_warp_markers expected an audio clip",
        ),
        ((ARRANGED, 2, 1), {}, "arrangement clip 2 on track 3 'Takes' is out of range: expected 0..1"),
        ((-1, -1, 1), {}, "no clip is shown there"),
        ((AUDIO, 1, 0), {}, "track 1 'Loop', scene 2 is empty"),
    ],
)
def test_bad_requests_leave_the_clip_as_it_was(
    live: tuple[LiveHost, OscClient], where: tuple[int, int, int], kw: dict[str, Any], named: str
) -> None:
    host, client = live
    before = timing(host, AUDIO, 0)
    address, message, req = client.error(protocol.RS_WRITE_WARP_MARKERS, *request_args("r9", *where, **kw))
    assert (address, req) == (protocol.RS_WRITE_WARP_MARKERS, "r9")
    assert named in message, message
    assert timing(host, AUDIO, 0) == before


def test_a_blob_of_broken_records_and_wrong_counts_are_named(live: tuple[LiveHost, OscClient]) -> None:
    _, client = live
    args = request_args(1, AUDIO, 0)
    _, message, _ = client.error(protocol.RS_WRITE_WARP_MARKERS, *args[:-1], args[-1][:-3])
    assert "warp markers blob of 45 bytes is not a multiple of 16-byte records" in message
    _, message, req = client.error(protocol.RS_WRITE_WARP_MARKERS, *args[:-1])
    assert req == 1 and "takes 9 argument(s)" in message


def test_a_marker_live_refuses_leaves_the_clip_as_it_was(
    live: tuple[LiveHost, OscClient], monkeypatch: pytest.MonkeyPatch
) -> None:
    host, client = live
    before = timing(host, AUDIO, 0)
    clip = host.call(lambda: host.song.tracks[AUDIO].clip_slots[0].clip)
    assert clip is not None
    add = clip.add_warp_marker

    def refuse_the_middle(marker: WarpMarker) -> None:
        if marker.beat_time == 2.0:
            raise RuntimeError("Warp marker could not be added")
        add(marker)

    monkeypatch.setattr(clip, "add_warp_marker", refuse_the_middle)
    _, message, req = client.error(protocol.RS_WRITE_WARP_MARKERS, *request_args(5, AUDIO, 0))
    assert req == 5 and "Live raised RuntimeError: Warp marker could not be added" in message
    assert (
        "write_warp_markers track 1 'Loop', scene 1" in message and "the clip keeps its own timing" in message
    )
    assert timing(host, AUDIO, 0) == before
